"""A report: a text file of paragraphs, with an optional date stamp and headline.

Shape: an optional ` date YYYY-MM-DD ` stamp at the start of the first line, then
paragraphs separated by blank lines. Scraped text often has no paragraph breaks at all
(each FOMC file is one line of thousands of words), so long paragraphs are split at
sentence boundaries into display paragraphs, deterministically, so that paragraph
numbers are stable from one run to the next.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from minutesreader.core.language import detect_language, paragraph_language
from minutesreader.core.pattern_cache import PATTERNS
from minutesreader.core.sentences import split_sentences
from minutesreader.core.sentences_zh import split_long_chinese_paragraph
from minutesreader.core.text import normalise_space
from minutesreader.core.titles_zh import derive_chinese_title

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
DATE_STAMP = PATTERNS.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*")
PARAGRAPH_BREAK = PATTERNS.compile(r"\n[ \t\r\f\v]*\n\s*")
# Scraped text with no paragraph breaks is cut into display paragraphs of about
# PIECE_WORDS words. Only paragraphs over SPLIT_ABOVE_WORDS are cut: the model readout's
# second paragraph has 251 words and its paragraph numbers are part of the worked
# example, and no real readout paragraph in the corpus exceeds 260 words.
PIECE_WORDS = 150
SPLIT_ABOVE_WORDS = 300
# A paragraph long in characters but with few spaces (a pasted blob, a 10 MB line with
# no space at all) is cut too, into pieces of at most PIECE_CHARS, at a space where
# there is one: the reader lays out a display paragraph whole, and a key must never
# wait on that. Words are never this long, so prose is never cut by this rule.
SPLIT_ABOVE_CHARS = 20_000
PIECE_CHARS = 4_000
HEADLINE_MAX_WORDS = 25
HEADLINE_MAX_CHARS = 200


@dataclass(frozen=True, slots=True)
class Paragraph:
    number: int
    text: str
    headline: bool = False
    # Which rules read it (core.language): the report's language, or the other ruled one
    # for a paragraph plainly written in it.
    language: str = "en"
    # Its number among the file's own paragraphs (blank-line separated), or 0 for a part of
    # a long paragraph split for display: such a part is cited "part N", never "¶N".
    published: int = 0


@dataclass(slots=True)
class Report:
    id: str
    date: str | None
    title: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    path: Path | None = None
    # The title derived from the text, before any rename the user stored.
    derived_title: str = ""
    # core.language.detect_language: which rules read it ("en", "zh", ...).
    language: str = "en"
    # How many of the file's own paragraphs it has (a paragraph split for display counts once).
    published_paragraphs: int = 0

    @property
    def date_label(self) -> str:
        return self.date or "undated"


def report_id_for(path: Path) -> str:
    name = path.name
    return name[:-4] if name.lower().endswith(".txt") else name


def real_date(stamp: str) -> str | None:
    """`stamp` if it is a day written YYYY-MM-DD, else None: `date 2025-13-45` stamps no
    date (the report is undated, not sorted after every real one). The one check of a
    date typed or stamped: --date, a meeting date, a file's stamp."""
    if not _ISO_DAY.fullmatch(stamp):
        return None
    try:
        datetime.date.fromisoformat(stamp)
    except ValueError:
        return None
    return stamp


def parse_report(text: str, report_id: str, path: Path | None = None) -> Report:
    date: str | None = None
    match = DATE_STAMP.match(text)
    if match:
        date = real_date(match.group(1))
        text = text[match.end():]
    blocks = [join_lines(b) for b in PARAGRAPH_BREAK.split(text.strip())]
    blocks = [b for b in blocks if b]

    paragraphs: list[Paragraph] = []
    headline_text = ""
    language = detect_language(text)
    first_line = normalise_space(_first_line(text))
    # A headline stands on a line of its own: a block by itself, or a line break kept
    # after it (not the first line of hard-wrapped prose).
    if blocks and _is_headline(first_line) and (blocks[0] == first_line or blocks[0].startswith(first_line + "\n")):
        headline_text = first_line
        paragraphs.append(Paragraph(1, headline_text, headline=True, language=paragraph_language(headline_text, language),
                                    published=1))
        rest = blocks[0][len(headline_text):].strip()
        blocks = ([rest] if rest else []) + blocks[1:]
    split = split_long_chinese_paragraph if language in ("zh", "ja") else split_long_paragraph
    published = len(paragraphs)
    for block in blocks:
        pieces = split(block)
        published += 1
        for piece in pieces:
            paragraphs.append(Paragraph(len(paragraphs) + 1, piece, language=paragraph_language(piece, language),
                                        published=published if len(pieces) == 1 else 0))

    opening = paragraphs[0].text if paragraphs else ""
    if headline_text:
        title = headline_text
    elif language == "zh":
        title = derive_chinese_title(opening)
    else:
        title = derive_title(opening)
    return Report(report_id, date, title, paragraphs, path, derived_title=title, language=language,
                  published_paragraphs=published)


def _first_line(text: str) -> str:
    """The first line with text on it, without copying the rest of a 50 MB report."""
    start = len(text) - len(text.lstrip()) if text[:1].isspace() else 0
    end = text.find("\n", start)
    return text[start:] if end < 0 else text[start:end]


def join_lines(block: str) -> str:
    """One paragraph's text, whitespace normalised, keeping line breaks that mean something.

    Hard-wrapped prose (lines of similar length) is joined into one line. In ragged
    blocks, as scraped pages give them ("Release Date:" / "Source:" / a subtitle line
    with no full stop), a line break before a capitalised line is kept: it ends a
    sentence, and the reader shows it. The items of a list keep their lines too, however
    even their lengths: each is a sentence of its own (an action item, most often).
    """
    raw = [line for line in block.split("\n") if line.strip()]
    lines = [normalise_space(line) for line in raw]
    if len(lines) <= 1:
        return lines[0] if lines else ""
    shaped = [_ITEM_LINE.match(line) is not None for line in lines]
    # One item-shaped line alone in even prose is more likely a wrapped "Note: ..." or a
    # number that fell at the start of a line; two or more make a list, and so does a
    # lead-in that ends with a colon.
    listed = sum(shaped) >= 2
    starts = [i for i in range(1, len(lines)) if shaped[i] and (listed or lines[i - 1].endswith(":"))]
    if not starts:
        return " ".join(lines) if _hard_wrapped(lines) else _join_ragged(lines, [False] * len(lines), _a_page(lines))
    # In a list, a line goes on with the item above when it is indented under it, starts
    # in lower case or follows a comma: an item of even length ends at its line's end.
    indented = [line[:1].isspace() for line in raw]
    runs = [0, *starts, len(lines)]
    return "\n".join(_join_ragged(lines[a:b], indented[a:b]) for a, b in zip(runs, runs[1:]))


# A line that opens an item of a list: a bullet, a check box ("[x]"), a number or letter
# ("2.", "(ii)", "b)"), or the person or body it falls to ("Treasurer:", "Jane Doe:"); or
# a heading of notes ("## Action items") over such a list.
_ITEM_LINE = re.compile(r"#{1,6}\s|\[[ xX]\]\s|[*•·\-–—]\s|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s|[A-Z][\w.'’\-]*(?:\s[A-Z][\w.'’\-]*)?:\s")


def _join_ragged(lines: list[str], indented: list[bool], by_width: bool = False) -> str:
    # A line as wide as the widest that stops mid-sentence was wrapped (a page of a PDF
    # with its paragraphs run together: "... during the Work" / "Sessions."); the short
    # lines of a page's header never are. (In a list, only indents say that.)
    full = 0.75 * max(len(line) for line in lines) if by_width else float("inf")
    joined = lines[0]
    previous = lines[0]
    for line, inside in zip(lines[1:], indented[1:]):
        wrapped = len(previous) >= full and len(previous) > 40 and previous[-1] not in ".!?:;\"”’)"
        soft = inside or wrapped or joined[-1] in ",;-–(" or line[0].islower()
        joined += (" " if soft else "\n") + line
        previous = line
    return joined


def _a_page(lines: list[str]) -> bool:
    """A page of wrapped paragraphs run together: many lines, most of them full width."""
    longest = max(len(line) for line in lines)
    return len(lines) >= 5 and sum(1 for line in lines if len(line) >= 0.75 * longest) >= 0.5 * len(lines)


def _hard_wrapped(lines: list[str]) -> bool:
    body = lines[:-1]  # the last line of a wrapped paragraph is short anyway
    longest = max(len(line) for line in body)
    near = sum(1 for line in body if len(line) >= 0.75 * longest)
    return longest <= 100 and near >= 0.7 * len(body)


def _is_headline(line: str) -> bool:
    line = normalise_space(line)
    if not line or len(line) > HEADLINE_MAX_CHARS or len(line.split()) > HEADLINE_MAX_WORDS:
        return False
    return line[-1] not in ".!?。！？：；，」』:;,\"”’'"


def split_long_paragraph(text: str, limit: int = PIECE_WORDS, split_above: int = SPLIT_ABOVE_WORDS) -> list[str]:
    """Split a paragraph of more than `split_above` words at sentence boundaries.

    Greedy and deterministic: sentences are gathered until the next one would take the
    piece past `limit` words. A single sentence longer than the limit stays whole.
    """
    if text.count(" ") + 1 <= split_above and len(text) <= SPLIT_ABOVE_CHARS:
        return [text]
    pieces: list[str] = []
    start = 0
    words = 0
    last_end = 0
    for s_start, s_end in _bounded_spans(text, split_above, limit):
        n = text.count(" ", s_start, s_end) + 1
        if words and (words + n > limit or s_end - start > PIECE_CHARS):
            pieces.append(text[start:last_end].strip())
            start, words = s_start, 0
        words += n
        last_end = s_end
    tail = text[start:].strip()
    if tail:
        pieces.append(tail)
    return pieces


_SPACE = PATTERNS.compile(" ")


def _bounded_spans(text: str, split_above: int, limit: int) -> list[tuple[int, int]]:
    """Sentence spans, with any "sentence" over `split_above` words (a roster, a 1 MB
    line with no full stop) cut at spaces into runs of `limit` words, and any run over
    PIECE_CHARS characters cut again (at a space if it has one)."""
    spans: list[tuple[int, int]] = []
    for start, end in split_sentences(text):
        if end - start <= PIECE_CHARS and text.count(" ", start, end) < split_above:
            spans.append((start, end))
            continue
        for run_start, run_end in _runs(text, start, end, limit):
            _cut_chars(text, run_start, run_end, spans)
    return spans


def _runs(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """Runs of about `limit` words, each cut after a comma or semicolon where one lies
    within half a run of the mark: a roster of attendees lists its names between
    commas, so no name ("Brian J. Bonis", "Counsel Thomas Laubach") is cut in two.
    Only text with no such mark nearby is cut at the plain word boundary."""
    spaces = [found.start() for found in _SPACE.finditer(text, start, end)]
    runs = []
    cursor, first = start, 0
    slack = limit // 2
    while len(spaces) - first > limit:
        mark = first + limit - 1
        best = mark
        for distance in range(slack):
            if text[spaces[mark - distance] - 1] in ",;":
                best = mark - distance
                break
            if mark + distance < len(spaces) and text[spaces[mark + distance] - 1] in ",;":
                best = mark + distance
                break
        runs.append((cursor, spaces[best]))
        cursor, first = spaces[best] + 1, best + 1
    runs.append((cursor, end))
    return runs


def _cut_chars(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """A run over PIECE_CHARS characters (a line of few spaces) cut again, at a space if it has one."""
    while end - start > PIECE_CHARS:
        space = text.rfind(" ", start + 1, start + PIECE_CHARS)
        cut = space if space > start else start + PIECE_CHARS
        spans.append((start, cut))
        start = cut + 1 if space > start else cut
    spans.append((start, end))


_MINUTES_TITLE = PATTERNS.compile(r"^(Minutes of (?:the )?.{5,120}?\b(?:1[89]|20)\d\d)\b")
_WHO_MET = PATTERNS.compile(
    r"(?:^|,\s*|\.\s+)(?P<who>(?:the\s+)?[A-Z]?[\w'’\- ]{3,80}?)\s+"
    r"(?:on \w+day\s+)?(?:held|chaired|convened|presided over|hosted)\s+"
    r"(?:(?:a|an|the|its)\s+)?(?P<what>[\w'’\- ]{0,60}?(?:meeting|conference|session|plenum|symposium|forum|seminar))\b",
)

# "A meeting of the Federal Open Market Committee was held ..."
_MEETING_OF = PATTERNS.compile(
    r"^(?:An?|The)\s+(?P<what>[\w'’\- ]{0,40}?(?:meeting|conference|session|plenum))\s+of\s+(?:the\s+)?"
    r"(?P<who>[A-Z][\w'’\- ]{3,80}?)\s+(?:was|were)\s+(?:held|convened)",
)

_MEETING_DAY = PATTERNS.compile(r"\bon (?:\w+day, )?((?:January|February|March|April|May|June|July|August|September|October|November|December)"
                          r" \d{1,2}(?:[-–]\d{1,2})?, \d{4})")


def derive_title(opening: str) -> str:
    """A short title from the opening words: who met, and what kind of meeting."""
    opening = opening.strip()
    if not opening:
        return "Untitled report"
    minutes = _MINUTES_TITLE.match(opening)
    if minutes:
        return minutes.group(1)
    passive = _MEETING_OF.search(opening[:600])
    if passive:
        when = _MEETING_DAY.search(opening[passive.end():passive.end() + 300])
        day = f" of {when.group(1)}" if when else ""
        return f"{passive.group('who')}: {passive.group('what')}{day}"
    met = _WHO_MET.search(opening[:600])
    if met:
        who = met.group("who").strip()
        who = re.sub(r"^(?:the\s+)", "", who, flags=re.I)
        what = met.group("what").strip()
        title = f"{who[:1].upper()}{who[1:]}: {what}"
        if len(title) <= 90:
            return title
    words = opening.split()
    short = " ".join(words[:10])
    return short if len(words) <= 10 else short.rstrip(",;:") + "…"

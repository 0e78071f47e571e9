"""Splitting paragraph text into sentences, for readouts as they really come.

Readouts are machine translations and scraped pages: abbreviations (Mr., U.S., a.m.,
Nov.), initials, decimals, quotes closed after the full stop, datelines
("BEIJING, Nov. 18 (Xinhua) --"), time-stamped bylines, editor lines, stray " ." and
full stops before lower-case words, and FOMC text with footnote numbers stuck to the
full stop ("inflation.2 The"). A sentence ends at . ! or ? (with any closing quotes or
brackets) before the next capitalised word, unless the word before is an abbreviation;
datelines, bylines and editor lines are cut out as sentences of their own. Semicolons
never end a sentence: readouts chain whole programmes of measures with them.

One pass of precompiled regexes over the text, no per-character Python loop, so all of
the corpus splits in a few milliseconds.
"""

from __future__ import annotations

import re

from minutesreader.core.pattern_cache import PATTERNS

__all__ = ["split_sentences"]

# Never the end of a sentence: titles and the like always have more to come.
_TITLES = frozenset(
    "mr mrs ms messrs mmes dr prof st no nos gen lt col capt sgt sen rep gov pres vs cf "
    "fig figs vol pp approx e.g i.e ca art para sec ch ed eds est rev hon mt ft".split()
)
_MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Can end a sentence or sit inside one: split after these only before a word that
# usually opens a sentence ("in the U.S. The Committee ..." but "U.S. Treasury").
_AMBIGUOUS = frozenset("etc inc co corp ltd llc plc jr sr bros a.m p.m u.s u.k u.n d.c".split())
_OPENERS = frozenset(
    "the this these that those it its in on at for he she we they there a an but however "
    "also many most some participants members as with after before while although since if "
    "such other both all meanwhile moreover furthermore additionally his her their our "
    "one each several given against among during by from".split()
)

# Every match starts with one of [.!?], outside any alternation or look-behind: that
# lets re skip to the next stop at C speed (a pattern that opens with a look-behind is
# tried at every character, 7x slower on a 5 MB report).
_END = PATTERNS.compile(
    r"""(?P<stop>[.!?](?:[.!?]*|(?<=[A-Za-z)%]\.)\d{1,2}(?=\s+[A-Z])))  # stop, or stop+footnote
        (?P<close>["'”’)\]]*)                                     # closing quotes/brackets
        (?=\s+(?P<next>\S))""",
    re.VERBOSE,
)
_MONTH_NAME = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# "BEIJING, Nov. 18 (Xinhua) --", "UNITED NATIONS, May 2 (Reuters) —": a sentence of its own.
# The capital comes first and the look-behind after it, for the same fast scan as _END.
_DATELINE = PATTERNS.compile(
    r"[A-Z](?<![^\s(][A-Z])[A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+)*,\s+(?:[A-Z][a-z]+,\s+)?"
    + _MONTH_NAME
    + r"\s+\d{1,2}(?:,\s+\d{4})?\s*(?:\(\s*[^()]{1,40}?\s*\)\s*)?(?:--|—|–)"
)
# "(Xinhua) 08:13, November 19, 2020" and "Xinhua) 11:10, February 07, 2026": found
# from the closing bracket (cheap to scan for), then widened back to the agency name.
_BYLINE = PATTERNS.compile(r"\)\s*\d{1,2}:\d{2},?\s+" + _MONTH_NAME + r"\s+\d{1,2},\s+\d{4}")
_AGENCY = PATTERNS.compile(r"(?:\(\s*)?[A-Z][\w'’. ]{0,40}?\s*$")
# "(Web editor: Wen Ying, Liang Jun)", "(Editor: ...)", "(Xinhua/Photographer)".
_EDITOR_LINE = PATTERNS.compile(
    r"\((?:Web editor|Editor|Editors|Reporter|Reporters|Translator|Source)\s*:[^()]{0,200}\)"
    r"|\((?:Xinhua|Reuters|AP|AFP|China Daily|People's Daily)/[^()]{1,60}\)"
)
# "(March 17).With a centralized ...", "the meeting.Photo by ...": scraped pages lose the
# space after a full stop. After a word of two lower-case letters or a closing bracket,
# before a capitalised word and a space, it still ends the sentence ("U.S.Treasury",
# "e.g.Fujian", "english.gov.cn" and "enum.Enum `repr`" do not match). Opens with the
# stop, for the fast scan.
_GLUED_STOP = PATTERNS.compile(r"\.(?:(?<=[a-z]{2}\.)|(?<=\)\.))(?=[A-Z][a-z]+\s+[\w\"“(])")
# A line break that survived paragraph parsing is a real one (a subtitle line, a
# "Source:" line): it ends a sentence.
_PARAGRAPH_BREAK = PATTERNS.compile(r"\n")
_SPACE = PATTERNS.compile(r"\s")
# "J." of "Brian J. Bonis", and "deV." of "Robert deV. Frierson": initials.
_INITIAL = PATTERNS.compile(r"^[a-z]{0,3}[A-Z]$")
_DOTTED = PATTERNS.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_ENUMERATOR = PATTERNS.compile(r"^(?:\d{1,2}|[IVX]{1,4}|[a-z])$")


def _opens_sentence(text: str, at: int) -> bool:
    before = text[max(0, at - 20):at].rstrip(" \t")
    if not before or before.endswith(("Return to text", "\n")):  # a kept line break ends what came before
        return True
    if before[-1] == ".":
        # "on Feb. 12." is a date, not a list marker after a sentence
        previous = before[:-1].rsplit(None, 1)[-1].lower() if before[:-1].strip() else ""
        return previous not in _MONTHS and previous not in _TITLES
    return before[-1] in "!?:;\"”’)"


def _ends_here(text: str, match: re.Match[str]) -> bool:
    """Whether the stop in `match` ends a sentence."""
    nxt = match.group("next")
    if nxt.islower():
        # "... the opinions . and ..." or "e.g. more": stray stops and abbreviations
        # before a lower-case word never end a sentence.
        return False
    stop = match.group("stop")
    if stop[0] != "." or len(stop) > 1 and not stop[1].isdigit():
        return True  # ! ? and ellipses end a sentence before a capital or a quote
    start = match.start()
    # The word may open a kept line ("Discussion:\nMr. Best"): any space bounds it. The
    # line break is looked for after the space only: in a one-line 5 MB report, looking
    # back to the start at every full stop cost 8 s of CPU before it was shown.
    space = text.rfind(" ", 0, start)
    word_start = max(space, text.rfind("\n", space + 1, start)) + 1
    word = text[word_start:start].lstrip("\"'“‘([")
    if not word:
        return True  # a stray " ." before a capital: the translation ended a sentence
    if _ENUMERATOR.match(word) and _opens_sentence(text, word_start):
        return False  # "1. Strengthen ..." or "II. Tasks": a list marker, not an ending
    lower = word.lower()
    if lower in _TITLES:
        return False
    next_word = text[match.end():match.end() + 40].split(None, 1)[0] if nxt.isalnum() else ""
    if lower in _MONTHS:
        return not nxt.isdigit() and next_word.lower().strip(",") in _OPENERS
    if lower in _AMBIGUOUS or _INITIAL.match(word) or _DOTTED.match(word):
        return next_word.lower().strip(",") in _OPENERS
    return True


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences of `text`, in order, without surrounding space."""
    cuts: set[int] = set()
    if "--" in text or "—" in text or "–" in text:
        for found in _DATELINE.finditer(text):
            cuts.update(found.span())
    if ")" in text:
        for found in _BYLINE.finditer(text):
            head = max(0, found.start() - 45)
            agency = _AGENCY.search(text, head, found.start())
            cuts.add(agency.start() if agency else found.start())
            cuts.add(found.end())
        if "(" in text:
            for found in _EDITOR_LINE.finditer(text):
                cuts.update(found.span())
    if "Return to text" in text:
        # Scraped FOMC footnotes: "... staff presentations. Return to text 2. Attended ..."
        start = text.find("Return to text")
        while start >= 0:
            cuts.add(start)
            cuts.add(start + len("Return to text"))
            start = text.find("Return to text", start + 1)
    for found in _PARAGRAPH_BREAK.finditer(text):
        cuts.add(found.start())
    for found in _END.finditer(text):
        if _ends_here(text, found):
            cuts.add(found.end())
    for found in _GLUED_STOP.finditer(text):
        cuts.add(found.end())
    cuts.add(len(text))

    return spans_between(text, cuts)


def spans_between(text: str, cuts: set[int]) -> list[tuple[int, int]]:
    """The (start, end) of each piece of text between cuts, its outer spaces trimmed; empty pieces dropped."""
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in sorted(cuts):
        if cut <= start:
            continue
        s, e = start, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
        start = cut
    return spans

"""Turning the bytes of a report file into safe, plain text.

Report files come from scrapers and other people's machines: any encoding, and at times
terminal escape sequences (colour codes, OSC title changes, OSC 52 clipboard writes).
Nothing from a file may reach the terminal as a control sequence, so decoding strips
every escape sequence and control character except newlines and tabs.
"""

from __future__ import annotations

import codecs

from minutesreader.core.pattern_cache import PATTERNS

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), DCS/SOS/PM/APC (ESC P/X/^/_ ... ST),
# and two-character escapes; their 8-bit C1 forms too.
_ESCAPE_SEQUENCE = PATTERNS.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
)
# Every C0 and C1 control except tab and newline, plus DEL and the bidi overrides
# that can make text display in a different order than it reads.
_CONTROL = PATTERNS.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class UndecodableReport(ValueError):
    """The file is not text minutesreader can read; the message says why, in a few words."""


def normalise_space(text: str) -> str:
    # str.split() splits on exactly what \s matches (str.isspace), 3x faster than a regex.
    return " ".join(text.split())


def strip_controls(text: str) -> str:
    """Remove escape sequences and control characters; keep newlines and tabs."""
    if "\x1b" in text or "\x9b" in text or "\x9d" in text:
        text = _ESCAPE_SEQUENCE.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


# Characters a terminal may act on even inside JSON text: C1 controls, DEL, bidi
# overrides, line/paragraph separators, and the lone surrogates that surrogateescape
# leaves for undecodable bytes (they cannot even be encoded for printing).
_UNSAFE_IN_JSON = PATTERNS.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")
_LONE_SURROGATE = PATTERNS.compile(r"[\ud800-\udfff]")
_NEEDS_CLEANING = PATTERNS.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")
_ONE_LINE = str.maketrans({"\n": "\\n", "\t": "\\t", "\u2028": " ", "\u2029": " "})


def for_terminal(text: object, one_line: bool = True) -> str:
    """The one gate for every string from outside (file names, report text, the store, the
    config, arguments, pastes) on its way to a terminal: no escape sequence, no control
    character, no undecodable byte (shown as U+FFFD). one_line: newline and tab are shown
    as \\n and \\t, so a record stays on its line."""
    text = str(text)
    if not _NEEDS_CLEANING.search(text):
        return text  # the common case: one scan, no copies (100,000 notes are listed often)
    clean = _LONE_SURROGATE.sub("\ufffd", strip_controls(text))
    return clean.translate(_ONE_LINE) if one_line else clean


def json_for_terminal(encoded: str) -> str:
    """JSON text (json.dumps(..., ensure_ascii=False)) with every character a terminal could
    act on written as a \\uXXXX escape: the same data for a JSON reader, inert on screen."""
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)


def decode_report_bytes(data: bytes) -> str:
    """Decode a report file: BOMs first, then UTF-8, GB18030, and Latin-1 (cp1252).

    Raises UndecodableReport for binary data (images, random bytes).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return strip_controls(data[len(bom):].decode(encoding))
            except UnicodeDecodeError as exc:
                raise UndecodableReport(f"invalid {encoding.upper()} text") from exc
    if _looks_binary(data):
        raise UndecodableReport("binary data, not text")
    try:
        return strip_controls(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    if text and _mostly_cjk(text):
        return strip_controls(text)
    try:
        return strip_controls(data.decode("cp1252"))
    except UnicodeDecodeError:
        return strip_controls(data.decode("latin-1"))


# Bytes that text does not contain: C0 controls except tab, newlines, form feed and ESC.
# Counted with bytes.translate: a Python loop over 8 KB took 0.4 ms a file, 4 s for a
# first start on 10,000 reports.
_BINARY_CONTROLS = bytes(b for b in range(32) if b < 9 or 13 < b < 32 and b != 27)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if sample.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x7fELF")):
        return True
    # Text with stray NULs is still text; a file that is largely NULs and control
    # bytes is not.
    controls = len(sample) - len(sample.translate(None, _BINARY_CONTROLS))
    if controls / len(sample) > 0.10:
        return True
    # Random bytes hold ~10% controls, too close to call; but they are not UTF-8 either,
    # and text in a legacy encoding (cp1252, GB18030) holds no NUL and next to no controls.
    return controls > 0 and (b"\x00" in sample or controls / len(sample) > 0.01) and not _is_utf8(sample)


def _is_utf8(sample: bytes) -> bool:
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.reason == "unexpected end of data"  # a character cut by the end of the sample
    return True


def _mostly_cjk(text: str) -> bool:
    non_ascii = [ch for ch in text[:20000] if ord(ch) > 127]
    if not non_ascii:
        return True
    cjk = sum(1 for ch in non_ascii if "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef")
    return cjk / len(non_ascii) > 0.6


def tag_name(text: object) -> str:
    """A tag as it is kept: one line, no control characters, inner spaces collapsed, and no
    `#` in front (a tag is shown as #name, so a `#` typed before a name is not part of it)."""
    return " ".join(for_terminal(str(text)).split()).lstrip("#").strip()

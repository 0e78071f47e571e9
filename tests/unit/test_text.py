"""Decoding report files: encodings, binary data, and escape sequences stripped."""

from __future__ import annotations

import codecs

import pytest

from minutesreader.core.text import UndecodableReport, decode_report_bytes, strip_controls

CHINESE = "市政府党组召开扩大会议，研究部署经济工作。必须加快重点项目建设。"


def test_utf8_and_utf8_bom():
    assert decode_report_bytes("Café policy".encode()) == "Café policy"
    assert decode_report_bytes(codecs.BOM_UTF8 + "Café".encode()) == "Café"


def test_utf16_with_bom_both_byte_orders():
    assert decode_report_bytes("The meeting urged reform.".encode("utf-16")) == "The meeting urged reform."
    assert decode_report_bytes(codecs.BOM_UTF16_BE + "Zürich".encode("utf-16-be")) == "Zürich"


def test_gb18030_chinese():
    assert decode_report_bytes(CHINESE.encode("gb18030")) == CHINESE


def test_latin1():
    assert decode_report_bytes("Le comité a décidé à Genève.".encode("latin-1")) == "Le comité a décidé à Genève."


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
    bytes(range(256)) * 8,
])
def test_binary_is_refused_with_a_reason(data):
    with pytest.raises(UndecodableReport, match="binary"):
        decode_report_bytes(data)


def test_nul_bytes_inside_text_are_dropped():
    assert decode_report_bytes(b"The meeting\x00 must act.") == "The meeting must act."


@pytest.mark.parametrize("hostile", [
    "\x1b[31mred\x1b[0m",                        # colour
    "\x1b]0;pwned title\x07",                    # terminal title (OSC 0, BEL)
    "\x1b]52;c;ZXZpbA==\x07",                    # OSC 52 clipboard write
    "\x1b]52;c;ZXZpbA==\x1b\\",                  # ... with ST
    "\x9b31m",                                   # 8-bit CSI
    "\x1bP+q544e\x1b\\",                         # DCS
    "\u202egnp.exe",                             # right-to-left override
])
def test_escape_sequences_never_survive(hostile):
    cleaned = strip_controls(f"before {hostile} after")
    assert "\x1b" not in cleaned and "\x07" not in cleaned and "\x9b" not in cleaned and "\u202e" not in cleaned
    assert cleaned.startswith("before ") and cleaned.endswith(" after")


def test_rich_markup_is_left_as_text():
    text = "[bold red]alarm[/] [link=file:///etc/passwd]x[/link]"
    assert decode_report_bytes(text.encode()) == text


def test_for_terminal_is_the_one_gate_for_outside_strings():
    from minutesreader.core.text import for_terminal, json_for_terminal

    assert for_terminal("plain words") == "plain words"
    assert for_terminal("a\x1b]52;c;aGk=\x07b\x9b31mc\u202ed\udce9") == "abcd\ufffd"
    assert for_terminal("two\nlines\tand tab") == "two\\nlines\\tand tab"
    assert for_terminal("two\nlines", one_line=False) == "two\nlines"
    import json

    encoded = json_for_terminal(json.dumps({"t": "x\x9b\u202ey"}, ensure_ascii=False))
    assert "\x9b" not in encoded and json.loads(encoded) == {"t": "x\x9b\u202ey"}

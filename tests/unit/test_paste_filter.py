"""Terminal input filtered before Textual's parser: pastes lose their escape sequences (issue 9, defect 3)."""

from minutesreader.paste_filter import PASTE_END, PASTE_START, PasteFilter


def fed(*reads: str) -> str:
    pastes = PasteFilter()
    return "".join(pastes(read) for read in reads)


def test_escape_sequences_inside_a_paste_are_removed():
    assert fed(PASTE_START + "abc\x1b[31m\rdef\x1b]0;title\x07\tghi" + PASTE_END) == PASTE_START + "abc\ndef\tghi" + PASTE_END


def test_keys_outside_a_paste_pass_untouched_and_at_once():
    pastes = PasteFilter()
    assert pastes("\x1b") == "\x1b"  # the Escape key is not held back
    assert pastes("\x1b[A/x\r") == "\x1b[A/x\r"


def test_markers_and_sequences_cut_by_a_read_are_joined():
    whole = PASTE_START + "one\x1b[1mtwo" + PASTE_END + "k"
    for cut in range(1, len(whole)):
        for second in range(cut, len(whole)):
            assert fed(whole[:cut], whole[cut:second], whole[second:]) == PASTE_START + "onetwo" + PASTE_END + "k"

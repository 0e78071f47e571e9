"""The app in a real terminal, typed at as people type (issue 9: defects 2 and 3, and copy)."""

from __future__ import annotations

MODEL = "000_9d62e18ffa0ab910"


def test_a_burst_right_after_slash_lands_in_the_filter(reader_terminal):
    term = reader_terminal
    term.burst("/group municipal")
    screen = term.wait_for(r"2 of \d+ reports")
    assert "group municipal" in screen
    assert "Rename" not in screen.splitlines()[0] and "All notes" not in screen  # no dialog, no notes view


def test_a_bracketed_paste_arrives_whole_and_in_order(reader_terminal):
    term = reader_terminal
    term.keys("/")  # and the paste at once: it must land in the filter all the same
    term.paste("group of the\x1b[31m\nmunicipal\x07 government\x1b[0m")
    # The filter box holds the paste as one line: colour codes and the bell gone, and its
    # line break not taken for Enter (which would have opened a report).
    term.wait_for(r"▊  group of the municipal government +▎.*2 of 7 reports")


def test_the_tag_dialog_adds_and_completes_in_a_burst(reader_terminal):
    term = reader_terminal
    term.open_report(MODEL)
    # Each line in one write, Tab and Enter included: the dialog is not even drawn when they arrive.
    term.burst("tInvestment, economy\r")
    term.wait_for(r"#Investment  #economy")
    # The next paragraph: `eco` Tab completes, and what was typed before keeps its case.
    term.burst("jtSOE, eco\t\r")
    screen = term.wait_for(r"#SOE  #economy")
    assert "#soe" not in screen and "#eco " not in screen


def test_copy_reaches_the_terminal_by_osc52(reader_terminal):
    term = reader_terminal
    term.open_report(MODEL)
    term.keys("c")
    copied = term.wait_for_clipboard(r"On the morning of May 5")
    assert copied.endswith("¶1")
    screen = term.wait_for(r"Copied the sentence of ¶1")
    assert screen.count("Copied") == 1


def test_a_note_typed_at_once_after_n_is_kept_whole(reader_terminal):
    term = reader_terminal
    term.open_report(MODEL)
    term.burst("nquick thought on the targets")
    term.wait_for(r"New note on ¶1.*quick thought on the targets")
    term.keys("C-s")
    term.wait_for(r"✎ quick thought on the targets")


def test_a_paste_into_a_note_keeps_its_lines_and_drops_escape_codes(reader_terminal):
    term = reader_terminal
    term.open_report(MODEL)
    term.keys("n")
    term.wait_for(r"New note on ¶1")
    term.paste("first \x1b[1mline\x1b[0m\nsecond line")
    screen = term.wait_for(r"▊ first line +▎[^\n]*\n[^\n]*▊ second line +▎")
    assert "[1m" not in screen and "[0m" not in screen


def test_undo_and_redo_of_a_note_in_a_real_terminal(reader_terminal):
    term = reader_terminal
    term.open_report(MODEL)
    term.burst("nfirst thought")
    term.wait_for(r"New note on ¶1.*first thought")
    term.keys("C-s")
    term.wait_for(r"✎ first thought")
    term.keys("u")
    screen = term.wait_for(r"Undone: ")
    assert "✎ first thought" not in screen
    term.keys("C-y")
    term.wait_for(r"Redone: .*✎ first thought|✎ first thought.*Redone: ")


def test_ctrl_c_ends_the_app(reader_terminal):
    term = reader_terminal
    term.keys("C-c")
    # The shell that ran it waits after it ends: the app's screen is gone, the prompt-less pane is blank.
    term.wait_for(r"\A\s*\Z")

"""Sentence splitting on the shapes real readouts take, in sentences written for the tests."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutesreader.core.reports import parse_report
from minutesreader.core.sentences import split_sentences

MODEL = Path(__file__).resolve().parents[2] / "library" / "000_9d62e18ffa0ab910.txt"


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The dam held. The town is safe!  Is the road open? Yes.",
         ["The dam held.", "The town is safe!", "Is the road open?", "Yes."]),
        # abbreviations and titles
        ("Mr. Chen met Mrs. Lu and Dr. Ho at No. 5 Pier. They talked.",
         ["Mr. Chen met Mrs. Lu and Dr. Ho at No. 5 Pier.", "They talked."]),
        # a title at the start of a kept line ("Discussion:" then "Mr. Best ...")
        ("Discussion:\nMr. Best reviewed his report.", ["Discussion:", "Mr. Best reviewed his report."]),
        # initials inside names are not sentence ends
        ("Brian J. Bonis and Robert deV. Frierson attended. They spoke.",
         ["Brian J. Bonis and Robert deV. Frierson attended.", "They spoke."]),
        ("Trade with the U.S. and the U.K. grew. The U.S. Treasury agreed.",
         ["Trade with the U.S. and the U.K. grew.", "The U.S. Treasury agreed."]),
        ("The talks began at 9 a.m. and ended at 5 p.m. The mayor left.",
         ["The talks began at 9 a.m. and ended at 5 p.m.", "The mayor left."]),
        ("Sales rose on Jan. 5 and fell on Feb. 12. Prices held.",
         ["Sales rose on Jan. 5 and fell on Feb. 12.", "Prices held."]),
        ("Acme Co. and Delta Inc. signed, e.g. on roads, i.e. in towns, etc. and more. Done.",
         ["Acme Co. and Delta Inc. signed, e.g. on roads, i.e. in towns, etc. and more.", "Done."]),
        ("Those on the list, i.e. farms, ports, mines etc. The rest wait.",
         ["Those on the list, i.e. farms, ports, mines etc.", "The rest wait."]),
        # decimals, percentages, initials
        ("Output grew 3.5 percent, or 0.4 points more than 2.1% last year. Good.",
         ["Output grew 3.5 percent, or 0.4 points more than 2.1% last year.", "Good."]),
        ("Janet K. Moss and J. R. Lee chaired it. It ended.",
         ["Janet K. Moss and J. R. Lee chaired it.", "It ended."]),
        # quotation marks, straight and curly, full stop inside the closing quote
        ("He said, \u201cWe must act.\u201d The hall clapped.",
         ["He said, \u201cWe must act.\u201d", "The hall clapped."]),
        ('She said, "Build it now." Then she left.',
         ['She said, "Build it now."', "Then she left."]),
        ("\u201cIs it ready?\u201d he asked. It was.", ["\u201cIs it ready?\u201d he asked.", "It was."]),
        # stray machine-translation stops
        ("The plan was read . and then adopted. Work began.",
         ["The plan was read . and then adopted.", "Work began."]),
        ("They studied the opinions . Wang Lei spoke.", ["They studied the opinions .", "Wang Lei spoke."]),
        ("It was done. and it was good. Next.", ["It was done. and it was good.", "Next."]),
        # a full stop with no space after it, before a capitalised word: two sentences
        ("The council met on Friday (March 17).With one voice, build the road.",
         ["The council met on Friday (March 17).", "With one voice, build the road."]),
        ("Vice Premier Han attended the meeting.Photo by Li Wei",
         ["Vice Premier Han attended the meeting.", "Photo by Li Wei"]),
        # but not inside a name or an abbreviation
        ("Trade with the U.S.Treasury and english.gov.cn grew, e.g.Fujian. Done.",
         ["Trade with the U.S.Treasury and english.gov.cn grew, e.g.Fujian.", "Done."]),
        ("We discussed enum.Enum `repr` changes. Done.", ["We discussed enum.Enum `repr` changes.", "Done."]),
        # semicolon lists are one sentence
        ("We must build roads; we must dig wells; and we must plant trees.",
         ["We must build roads; we must dig wells; and we must plant trees."]),
        # enumerations
        ("First, we must act. Second, we must act faster.", ["First, we must act.", "Second, we must act faster."]),
        ("Three tasks. 1. Strengthen leadership. 2. Improve services.",
         ["Three tasks.", "1. Strengthen leadership.", "2. Improve services."]),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_dateline_and_byline_are_sentences_of_their_own() -> None:
    text = ("Town plans new park ( Xinhua ) 10:15, March 3, 2024 HANGZHOU, March 2 (Xinhua) -- "
            "The town will build a park. (Web editor: Sun Li, Zhou Min)")
    assert sentences(text) == [
        "Town plans new park",
        "( Xinhua ) 10:15, March 3, 2024",
        "HANGZHOU, March 2 (Xinhua) --",
        "The town will build a park.",
        "(Web editor: Sun Li, Zhou Min)",
    ]


def test_blank_line_ends_a_headline() -> None:
    assert sentences("Mayor opens bridge\n\nThe bridge opened today.") == ["Mayor opens bridge", "The bridge opened today."]


def test_scraped_minutes_with_footnotes() -> None:
    text = ("Rates were steady.2 The Committee voted. Footnotes 1. Attended Monday only. "
            "Return to text 2. Attended Tuesday only. Return to text")
    assert sentences(text) == [
        "Rates were steady.2", "The Committee voted.", "Footnotes 1.", "Attended Monday only.",
        "Return to text", "2. Attended Tuesday only.", "Return to text",
    ]


def test_model_readout_sentence_count() -> None:
    text = MODEL.read_text(encoding="utf-8").replace(" date 2023-05-06 ", "", 1)
    counts = [len(split_sentences(" ".join(block.split()))) for block in text.split("\n\n")]
    assert counts == [2, 7, 4, 1, 1]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?\u201c\u201d\"'();:-–\n0123456789AZ")), max_size=200))
def test_spans_are_ordered_trimmed_and_inside_the_text(text: str) -> None:
    last = 0
    for start, end in split_sentences(text):
        assert last <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip() and piece
        last = end


def test_display_paragraphs_of_scraped_minutes_never_cut_a_name() -> None:
    """A roster of attendees is one "sentence" of hundreds of words; the display split
    cuts it, but never inside a name: not after an initial, a title or a given name."""
    library = MODEL.parent
    minutes = {path.name: path.read_text(encoding="utf-8") for path in library.glob("04*.txt")}
    for name, text in minutes.items():
        pieces = [p.text for p in parse_report(text, name, library / name).paragraphs]
        for before, after in pairwise(pieces):
            last, first = before.split()[-1], after.split()[0]
            cut = f"{name}: {last!r} | {first!r}"
            assert last[-1] in ".,;:!?\"”’)" or last[-1].isdigit() or last == "text", cut
            assert not (len(last) == 2 and last[0].isupper() and last[1] == "."), cut  # "J."
            assert last.rstrip(".").lower() not in {"mr", "ms", "mrs", "dr", "messrs", "dev"}, cut
    roster_2023 = [p.text for p in parse_report(minutes["049_73e9958d0c926e56.txt"], "049", MODEL).paragraphs]
    assert any("Deputy Secretary Brian J. Bonis" in p for p in roster_2023)
    roster_2020 = [p.text for p in parse_report(minutes["048_653eb7bcc905d09c.txt"], "048", MODEL).paragraphs]
    assert any("Counsel Thomas Laubach" in p for p in roster_2020)

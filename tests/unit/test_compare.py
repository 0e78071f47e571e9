"""Comparing two reports: every kind of edit is reported exactly, in reading order."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutesreader.core.compare import (
    Sentence,
    compare_reports,
    compare_sentences,
    report_sentences,
    spell,
)
from minutesreader.core.directives import load_classifier
from minutesreader.core.library import read_report
from minutesreader.core.reports import parse_report
from minutesreader.core.series import series_key

READOUTS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "readouts"
_counter = itertools.count()


def fresh_sentence(words: int) -> str:
    """A sentence of words found nowhere else, so that only the edit made to it can pair it."""
    body = [f"w{next(_counter)}" for _ in range(words)]
    return " ".join(body).capitalize() + "."


def fresh_word() -> str:
    return f"x{next(_counter)}"


OPS = st.sampled_from(["keep", "keep", "keep", "edit", "delete", "split", "merge", "insert"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=st.lists(st.tuples(OPS, st.integers(6, 14), st.integers(0, 100)), min_size=1, max_size=25))
def test_random_edits_are_reported_exactly(ops):
    old: list[str] = []
    new: list[str] = []
    expected: list[tuple[str, str | None, str | None]] = []
    pending_merge: str | None = None
    for op, length, where in ops:
        if pending_merge is not None and op != "merge":
            op = "keep"  # a merge takes the next sentence too
        sentence = fresh_sentence(length)
        if op == "insert":
            new.append(sentence)
            expected.append(("added", None, sentence))
        elif op == "keep":
            if pending_merge is not None:
                joined = pending_merge[:-1] + ", " + sentence[0].lower() + sentence[1:]
                old.append(sentence)
                new.append(joined)
                expected.append(("changed", pending_merge + " " + sentence, joined))
                pending_merge = None
                continue
            old.append(sentence)
            new.append(sentence)
            expected.append(("same", sentence, sentence))
        elif op == "delete":
            old.append(sentence)
            expected.append(("removed", sentence, None))
        elif op == "edit":
            words = sentence[:-1].split()
            words[where % length] = fresh_word()
            edited = " ".join(words) + "."
            old.append(sentence)
            new.append(edited)
            expected.append(("changed", sentence, edited))
        elif op == "split":
            words = sentence[:-1].split()
            cut = max(3, min(length - 3, where % length))
            first = " ".join(words[:cut]) + "."
            second = " ".join(words[cut:]).capitalize() + "."
            old.append(sentence)
            new.extend([first, second])
            expected.append(("changed", sentence, first + " " + second))
        elif op == "merge":
            if pending_merge is None:
                old.append(sentence)
                pending_merge = sentence
            else:  # two merges in a row: the first one merges with this sentence
                joined = pending_merge[:-1] + ", " + sentence[0].lower() + sentence[1:]
                old.append(sentence)
                new.append(joined)
                expected.append(("changed", pending_merge + " " + sentence, joined))
                pending_merge = None
    if pending_merge is not None:
        new.append(pending_merge)
        expected.append(("same", pending_merge, pending_merge))

    changes = compare_sentences([Sentence(t, 1) for t in old], [Sentence(t, 1) for t in new])

    got = [(c.change, c.old, c.new) for c in changes]
    # Removed and added sentences side by side may come in either order; all else in order.
    assert sorted(got, key=repr) == sorted(expected, key=repr)
    assert [c.new for c in changes if c.new] == [e[2] for e in expected if e[2]]
    assert [c.old for c in changes if c.old] == [e[1] for e in expected if e[1]]
    for change in changes:
        if change.change == "changed":
            assert spell(change.words, "-") == change.old
            assert spell(change.words, "+") == change.new
            assert any(op != "=" for op, _ in change.words)


@settings(max_examples=100, deadline=None)
@given(sizes=st.lists(st.integers(1, 4), min_size=2, max_size=8), order=st.randoms(use_true_random=False))
def test_reordered_paragraphs_are_same_or_moved_with_both_numbers(sizes, order):
    paragraphs = [[fresh_sentence(7) for _ in range(size)] for size in sizes]
    permutation = list(range(len(paragraphs)))
    order.shuffle(permutation)
    old = [Sentence(t, number + 1) for number, sentences in enumerate(paragraphs) for t in sentences]
    new = [Sentence(t, position + 1) for position, number in enumerate(permutation) for t in paragraphs[number]]
    where_old = {s.text: s.paragraph for s in old}

    changes = compare_sentences(old, new)

    assert [c.new for c in changes] == [s.text for s in new]
    for change in changes:
        assert change.change in ("same", "moved")
        assert change.old == change.new
        assert change.old_paragraph == where_old[change.old]
    assert any(c.change == "moved" for c in changes) == (permutation != sorted(permutation))


def test_a_moved_and_edited_sentence_is_changed_with_both_paragraphs():
    a, b, c = fresh_sentence(8), fresh_sentence(8), fresh_sentence(8)
    words = c[:-1].split()
    words[2] = "altered"
    edited = " ".join(words) + "."
    changes = compare_sentences([Sentence(a, 1), Sentence(b, 2), Sentence(c, 3)],
                                [Sentence(edited, 1), Sentence(a, 2), Sentence(b, 3)])
    assert [(x.change, x.old_paragraph, x.new_paragraph) for x in changes] == [
        ("changed", 3, 1), ("same", 1, 2), ("same", 2, 3)]


def test_changed_words_are_marked_and_punctuation_is_not_a_change():
    old = "The Committee decided to maintain the target range at 1 to 1-1/4 percent."
    new = "The Committee decided to raise the target range to 1-1/4 to 1-1/2 percent."
    (change,) = compare_sentences([Sentence(old, 4, "call")], [Sentence(new, 5, None)])
    assert change.change == "changed"
    assert ("-", "maintain") in change.words and ("+", "raise") in change.words
    assert (change.old_paragraph, change.new_paragraph, change.old_category, change.new_category) == (4, 5, "call", None)
    # spacing and case alone are no change
    (same,) = compare_sentences([Sentence("We must act  now.", 1)], [Sentence("we must act now", 1)])
    assert same.change == "same"


def test_compare_reports_gives_paragraphs_and_categories():
    classifier, _ = load_classifier(None)
    old = parse_report("date 2024-01-01 Meeting\n\nThe meeting was held. We must stabilise growth.\n\nIt ended.", "a")
    new = parse_report("date 2024-04-01 Meeting\n\nThe meeting was held.\n\nWe must stabilise employment and growth. It ended.", "b")
    changes = compare_reports(old, new, classifier)
    rows = [(c.change, c.old_paragraph, c.new_paragraph, c.new_category) for c in changes]
    assert rows == [("same", 1, 1, None), ("same", 2, 2, None), ("changed", 2, 3, "obligation"), ("same", 3, 3, None)]


def _series_pair() -> tuple[Path, Path]:
    if not READOUTS.is_dir():
        pytest.skip("the shared corpus of readouts is not here")
    classifier_free = [read_report(p) for p in sorted(READOUTS.glob("*.txt"))]
    by_series: dict[str, list] = {}
    for report in classifier_free:
        by_series.setdefault(series_key(report.title), []).append(report)
    pairs = [sorted(group, key=lambda r: r.date or "") for group in by_series.values() if len(group) >= 2]
    if not pairs:
        pytest.skip("no two readouts of one series in the corpus")
    return pairs[0][0], pairs[0][1]


def test_two_real_readouts_of_one_series():
    old, new = _series_pair()
    classifier, _ = load_classifier(None)
    changes = compare_reports(old, new, classifier)
    old_sentences = [c.old for c in changes if c.old]
    new_sentences = [c.new for c in changes if c.new]
    # Every sentence of both readouts is accounted for exactly once, the new in order.
    assert " ".join(new_sentences) == " ".join(s.text for s in report_sentences(new, classifier))
    assert sorted(" ".join(old_sentences).split()) == sorted(" ".join(s.text for s in report_sentences(old, classifier)).split())
    kinds = {c.change for c in changes}
    assert "same" in kinds or "changed" in kinds  # the readouts share wording: it is found
    assert {"added", "removed"} & kinds  # and they are not the same text
    for change in changes:
        if change.change == "changed":
            assert spell(change.words, "-") == change.old and spell(change.words, "+") == change.new

"""Directive detection: each rule and each false friend, on sentences written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutesreader.core.directives import CATEGORIES, Directive, DirectiveClassifier, load_classifier
from minutesreader.core.sentences import split_sentences

LIBRARY = Path(__file__).resolve().parents[2] / "library"
MODEL = LIBRARY / "000_9d62e18ffa0ab910.txt"

classifier = DirectiveClassifier()


def category(sentence: str) -> str | None:
    found = classifier.classify(sentence)
    return found.category if found else None


def test_categories_strongest_first() -> None:
    assert CATEGORIES == ("obligation", "call", "task")


def test_model_readout_matches_the_worked_example() -> None:
    text = MODEL.read_text(encoding="utf-8")
    text = text.replace(" date 2023-05-06 ", "", 1)
    labels = []
    for block in text.split("\n\n"):
        block = " ".join(block.split())
        for start, end in split_sentences(block):
            found = classifier.classify(block[start:end])
            labels.append(found.category if found else "not")
    assert labels == [
        "not", "not",
        "not", "obligation", "obligation", "task", "obligation", "obligation", "obligation",
        "not", "obligation", "obligation", "obligation",
        "not",
        "not",
    ]


def test_trigger_is_the_exact_substring_at_its_offsets() -> None:
    sentence = "The meeting stressed that all departments must act at once."
    found = classifier.classify(sentence)
    assert isinstance(found, Directive)
    assert found.category == "obligation"
    assert sentence[found.start:found.end] == found.trigger == "must"

"""The learned second opinion on the directive rules (core/directive_model.py), on
sentences written for the tests."""

from __future__ import annotations

import json
import math
from importlib import resources

import pytest

from minutesreader.core import directive_model as model
from minutesreader.core import directives
from minutesreader.core.analysis import analyze_report
from minutesreader.core.directive_model import DirectiveModel
from minutesreader.core.directives import DirectiveClassifier
from minutesreader.core.reports import parse_report
from tests.conftest import MODEL_READOUT

# The rules pass over it: an action item of notes whose verb is misspelt, as notes' are.
MISSED = "- Maria will sent the budget to the list"
FOUND = "The committee must publish the accounts by June."


def by_hand(**weights: float) -> DirectiveModel:
    """A model of a few words, whose verdict a test can predict."""
    return DirectiveModel({f"w={word}": weight for word, weight in weights.items()}, -2.0, up=0.8, down=0.2)


def test_the_shipped_weights_load_from_the_package() -> None:
    shipped = resources.files("minutesreader.core").joinpath(model.WEIGHTS_FILE)
    raw = json.loads(shipped.read_text(encoding="utf-8"))
    loaded = model.load_model()
    assert loaded is not None
    assert 0.5 <= loaded.up <= 1.01 and loaded.down < loaded.up
    assert len(raw["weights"]) > 100  # a vocabulary, not a stub


def test_the_shipped_model_leaves_plain_events_alone() -> None:
    learned = DirectiveClassifier(learned=True)
    for sentence in ("The meeting was held in the town hall on Monday.", "Inflation was broadly stable over the period."):
        assert learned.classify(sentence) is None


def test_a_confident_model_turns_a_sentence_into_a_directive() -> None:
    assert DirectiveClassifier(learned=False).classify(MISSED) is None
    classifier = DirectiveClassifier(learned=by_hand(budget=5.0))
    found = classifier.classify(MISSED)
    assert found is not None and found.trigger == "Maria"  # the one who acts, after the list mark
    assert classifier.classify("Nobody mentioned the weather.") is None


def test_a_confident_model_drops_a_directive_of_the_rules_and_only_then() -> None:
    assert DirectiveClassifier(learned=by_hand(accounts=-5.0)).classify(FOUND) is None
    kept = DirectiveClassifier(learned=by_hand(accounts=1.0)).classify(FOUND)
    assert kept is not None and kept.category == "obligation" and kept.trigger == "must"


def test_the_trigger_of_a_found_sentence_is_its_opening_word() -> None:
    classifier = DirectiveClassifier(learned=by_hand(vendor=9.0))
    for sentence, trigger in (("Maria and the vendor invoice in March", "Maria"),
                              ("- Treasurer: the vendor invoice", "the"),
                              ("(2) Re-check of the vendor list", "Re-check")):
        assert DirectiveClassifier(learned=False).classify(sentence) is None
        found = classifier.classify(sentence)
        assert found is not None and found.trigger == trigger and sentence[found.start:found.end] == trigger


def test_the_category_of_a_found_sentence_comes_from_its_words() -> None:
    classifier = DirectiveClassifier(learned=by_hand(vendor=9.0))
    assert DirectiveClassifier(learned=False).classify("The vendor paperwork, necessary for the audit.") is None
    found = classifier.classify("The vendor paperwork, necessary for the audit.")
    assert found is not None and found.category == "obligation"
    found = classifier.classify("The vendor invoice came up before the next call.")
    assert found is not None and found.category == "task"  # "call" the noun is not a call


def test_the_users_own_rules_win_over_the_model() -> None:
    assert DirectiveClassifier(learned=by_hand(budget=9.0)).classify(MISSED) is not None
    never = DirectiveClassifier(never_triggers=["the budget"], learned=by_hand(budget=9.0))
    assert never.classify(MISSED) is None
    mine = DirectiveClassifier({"obligation": ["publish the accounts"]}, learned=by_hand(accounts=-9.0))
    found = mine.classify(FOUND)
    assert found is not None and found.category == "obligation"


def test_boilerplate_and_chinese_are_left_to_the_rules() -> None:
    eager = DirectiveClassifier(learned=DirectiveModel({}, 9.0, up=0.5, down=0.1))  # finds everything
    assert eager.classify("Do we need to change the date?") is None  # a question asks, prescribes nothing
    assert eager.classify("会议在北京举行。", "zh") is None


def test_a_missing_weights_file_leaves_the_rules_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    model.load_model.cache_clear()
    monkeypatch.setattr(model, "WEIGHTS_FILE", "no_such_file.json")
    try:
        assert model.load_model() is None
        assert DirectiveClassifier(learned=True).classify(FOUND) is not None
    finally:
        monkeypatch.undo()
        model.load_model.cache_clear()


def test_the_reader_scores_a_sentence_as_training_saw_it() -> None:
    """DirectiveModel adds up its weights apart by kind; bench/train_directives.py names
    every feature (sentence_features): both must give the same probability."""
    for sentence in (MISSED, FOUND, "- Dana: circulate the draft agenda", "2. Review the parking policy?"):
        words = model.sentence_words(sentence)
        names = model.sentence_features(sentence, words, "task", "Review", ["review", "policy"])
        weights = {name: 0.01 * (index + 1) for index, name in enumerate(sorted(set(names)))}
        total = -1.0 + sum(weights[name] for name in names)
        scorer = DirectiveModel(weights, -1.0, up=0.9, down=0.1)
        assert scorer.score_sentence(sentence, words, "task", "Review", ["review", "policy"]) == pytest.approx(1 / (1 + math.exp(-total)))


def test_the_model_readout_keeps_its_nine_directives_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader's header and outline count what analyze_report finds."""
    report = parse_report(MODEL_READOUT.read_text(encoding="utf-8"), MODEL_READOUT.stem, MODEL_READOUT)
    for switch in (False, True):
        monkeypatch.setattr(directives, "USE_LEARNED_MODEL", switch)
        found = [s.directive.category for para in analyze_report(report, DirectiveClassifier()) for s in para if s.directive]
        assert found == ["obligation"] * 2 + ["task"] + ["obligation"] * 6


def test_new_weights_invalidate_kept_directive_counts(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Counts and sentences kept on disk are keyed by the detection code: retrained weights
    change what is found, so they must change the key as a changed rule does."""
    import minutesreader.core as core
    from minutesreader.cli import Context
    from minutesreader.core import compared_files

    folder = tmp_path / "core"
    folder.mkdir()
    (folder / "directives.py").write_text("# the rules\n", encoding="utf-8")
    weights = folder / model.WEIGHTS_FILE
    monkeypatch.setattr(compared_files, "__file__", str(folder / "compared_files.py"))
    monkeypatch.setattr(core, "__file__", str(folder / "__init__.py"))
    context = Context(tmp_path / "library", tmp_path / "db", tmp_path / "no-rules.toml")
    keys = []
    for version in ('{"bias": 0}', '{"bias": 1}'):
        weights.write_text(version, encoding="utf-8")
        compared_files.detection_key.cache_clear()
        keys.append((compared_files.detection_key(DirectiveClassifier(learned=False)), context.detection_fingerprint()))
    assert keys[0][0] != keys[1][0] and keys[0][1] != keys[1][1]

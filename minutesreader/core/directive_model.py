"""A learned second opinion on the rules' verdict for an English sentence.

The rules (core/directives.py) decide first. A logistic regression trained on labelled
reports of bench/labels/ (bench/train_directives.py writes its weights to
directive_model.json, shipped in the package; trained on dev and the oldest unseen
splits, see there) then looks at the sentence and at what the rules said, and overturns
the verdict only when it is confident: a sentence the rules left alone becomes a
directive when the probability reaches `up`, a directive of the rules is dropped when
it falls below `down`. Both thresholds were chosen by cross-validation within the
training splits, grouped by series. It is switched off (core.directives.USE_LEARNED_MODEL):
measured on the splits it never saw, it gained too little for its cost in time.

What it sees (`sentence_features`, shared by training and the reader): the rules'
category and the first word of their trigger, the gate words of the rules that the
sentence holds, cheap cues of grammar (its first words, a list mark or a "Name:" lead,
a modal and its negation, a question, a line with no closing stop, its length) and the
words and word pairs of a small vocabulary kept from its training reports.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Iterable
from pathlib import Path

WEIGHTS_FILE = "directive_model.json"

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_LIST_MARK = re.compile(r"\s*(?:[-*•]|\(?\d{1,2}[.)]|\(?[a-z]{1,3}\)|\[[ x]\])\s")
_NAME_LEAD = re.compile(r"\s*(?:[-*•]\s+)?[A-Z][\w.]*(?: [A-Z][\w.]*){0,2}\s*:\s")
_MODALS = frozenset(("must", "should", "shall", "will", "would", "need", "needs", "may", "can", "ought", "could"))
_NEGATIONS = frozenset(("not", "never", "no", "n't", "cannot"))
_CLOSING = ".!?;:\"”)'’"
_OPENING_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_GATE = "gate="
_WORD_FEATURE = "w="

# Which category a sentence the rules passed over takes when the model finds it a
# directive: the strongest whose words it holds (obligation > call > task), else `task`,
# which is what most of the rules' misses are (action items of minutes and notes).
_OBLIGATION_WORDS = frozenset(("must", "should", "shall", "necessary", "essential", "imperative", "crucial", "required",
                               "need", "needs", "ought"))
_CALL_WORDS = frozenset(("urge", "urged", "urges", "encouraged", "encourages", "demanded", "instructed", "requested"))
# "called for", "calls on": not the noun of "the next call".
_CALL_VERBS = frozenset(("call", "calls", "called"))
_CALL_PARTICLES = frozenset(("for", "on", "upon"))


def sentence_words(sentence: str) -> list[str]:
    return _WORD.findall(sentence.lower())


def sentence_cues(sentence: str, words: list[str], category: str | None, trigger: str | None) -> list[str]:
    """The features of the sentence other than its gate words, words and word pairs."""
    features = [f"rule={category or 'none'}"]
    if trigger is not None:
        head = sentence_words(trigger)
        features.append(f"trigger={head[0] if head else trigger.strip()[:12]}|{category}")
    stripped = sentence.strip()
    listed = _LIST_MARK.match(sentence)
    if listed:
        features.append("list item")
    if _NAME_LEAD.match(sentence):
        features.append("name lead")
    if stripped.endswith("?"):
        features.append("question")
    if stripped.endswith(":"):
        features.append("lead-in colon")
    if stripped and stripped[-1] not in _CLOSING:
        features.append("no closing stop")
    count = len(words)
    features.append("length " + ("<5" if count < 5 else "<10" if count < 10 else "<25" if count < 25 else "<45" if count < 45 else "45+"))
    if words:
        # The first word after a list mark: an imperative, a subject, "action".
        first = words[1] if listed and words[0].isdigit() and len(words) > 1 else words[0]
        features.append("first=" + first)
        if len(words) > 1:
            features.append(f"first two={words[0]} {words[1]}")
    if _MODALS.isdisjoint(words):
        return features  # most sentences: no walk over their words
    for at, word in enumerate(words):
        if word in _MODALS:
            after = words[at + 1:at + 3]
            if any(other in _NEGATIONS for other in after) or word.endswith("n't"):
                features.append("negated modal")
            if after and after[0] == "be":
                features.append(f"{word} be")
    return features


def sentence_features(sentence: str, words: list[str], category: str | None, trigger: str | None,
                      gate_words: Iterable[str]) -> list[str]:
    """The names of all the features of the sentence, each once for each time it holds
    it, as training sees them (DirectiveModel.score_sentence adds up the same)."""
    features = sentence_cues(sentence, words, category, trigger)
    features.extend(_GATE + word for word in gate_words)
    features.extend(_WORD_FEATURE + word for word in words)
    features.extend([f"{_WORD_FEATURE}{one} {two}" for one, two in zip(words, words[1:])])
    return features


def category_of(words: list[str]) -> str:
    held = set(words)
    if not held.isdisjoint(_OBLIGATION_WORDS):
        return "obligation"
    if not held.isdisjoint(_CALL_WORDS) or any(
            word in _CALL_VERBS and after in _CALL_PARTICLES for word, after in zip(words, words[1:])):
        return "call"
    return "task"


class DirectiveModel:
    """The weights, kept apart by kind so that a sentence is scored without building
    the names of its words and word pairs (~25 us a sentence less)."""

    def __init__(self, weights: dict[str, float], bias: float, up: float, down: float,
                 categories: dict[str, tuple[dict[str, float], float]] | None = None) -> None:
        self.bias = bias
        # The category of a sentence the model finds: a model a category (its weights and
        # bias, over the features but the rules' verdict), or None for category_of's words.
        self.categories = categories
        self.up = up  # a sentence of no directive by the rules becomes one at this probability or above
        self.down = down  # a directive of the rules is dropped below this probability
        self._cues: dict[str, float] = {}
        self._gates: dict[str, float] = {}
        self._words: dict[str, float] = {}
        self._pairs: dict[tuple[str, ...], float] = {}
        for name, weight in weights.items():
            if name.startswith(_GATE):
                self._gates[name[len(_GATE):]] = weight
            elif name.startswith(_WORD_FEATURE) and " " in name:
                self._pairs[tuple(name[len(_WORD_FEATURE):].split(" "))] = weight
            elif name.startswith(_WORD_FEATURE):
                self._words[name[len(_WORD_FEATURE):]] = weight
            else:
                self._cues[name] = weight

    @classmethod
    def from_json(cls, text: str) -> DirectiveModel:
        raw = json.loads(text)
        categories = {str(category): ({str(k): float(v) for k, v in model["weights"].items()}, float(model["bias"]))
                      for category, model in (raw.get("categories") or {}).items()}
        return cls({str(k): float(v) for k, v in raw["weights"].items()}, float(raw["bias"]),
                   float(raw["up"]), float(raw["down"]), categories or None)

    def category(self, sentence: str, words: list[str], gate_words: Iterable[str]) -> str:
        """The category of a sentence that the model, not a rule, found a directive."""
        categories = self.categories
        if categories is None:
            return category_of(words)
        # Its features but "rule=none": the category model never saw the rules' verdict.
        features = sentence_features(sentence, words, None, None, gate_words)[1:]
        return max(categories, key=lambda category: categories[category][1]
                   + sum(categories[category][0].get(name, 0.0) for name in features))

    def score_sentence(self, sentence: str, words: list[str], category: str | None, trigger: str | None,
                       gate_words: Iterable[str]) -> float:
        """The probability that the sentence is a directive (the sum over sentence_features)."""
        total = (self.bias
                 + sum(filter(None, map(self._cues.get, sentence_cues(sentence, words, category, trigger))))
                 + sum(filter(None, map(self._gates.get, gate_words)))
                 + sum(filter(None, map(self._words.get, words)))
                 + sum(filter(None, map(self._pairs.get, zip(words, words[1:])))))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))

    @staticmethod
    def opening_word(sentence: str) -> tuple[int, int]:
        """The trigger to emphasise when the model, not a rule, found the directive: the
        sentence's first word after a list mark or a "Name:" lead, the verb of a command
        ("- Reinvest into ...") or the one who acts ("Maria will ..."). The word that
        weighs most would more often name the topic ("agency", "monthly")."""
        at = 0
        for lead in (_LIST_MARK, _NAME_LEAD):
            found = lead.match(sentence, at)
            at = found.end() if found else at
        word = _OPENING_WORD.search(sentence, at)
        return word.span() if word is not None else (0, 0)


@functools.cache  # every classifier shares the one shipped file (~10 ms to read)
def load_model() -> DirectiveModel | None:
    """The shipped model, or None if its file is missing or unreadable (the rules then
    decide alone)."""
    try:
        # Beside this file, where the install puts it (importlib.resources would cost
        # `directives` ~5 ms of imports: tempfile, shutil, zipfile, threading).
        text = Path(__file__).with_name(WEIGHTS_FILE).read_text(encoding="utf-8")
        return DirectiveModel.from_json(text)
    except (OSError, ValueError, KeyError, TypeError):
        return None

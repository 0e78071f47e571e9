"""Directive detection in Chinese sentences: obligation, call, task, or none.

The same definition as for English (../shared/docs/directives.md, "Chinese originals"),
with the vocabulary of directive_rules_zh.py. A sentence is first masked: its dateline,
document titles 《……》 and short quoted slogans, and the false friends of each trigger
(重要, 主要, 只要, 要求 as a noun, 需要 as a noun, 应邀) are blanked with spaces of the same
length, so offsets found in the masked text index the sentence. Then the strongest
category with a trigger wins (obligation > call > task); within a category the earliest
trigger is the one emphasised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutesreader.core import directive_rules_zh as rules
from minutesreader.core.rules_config import earliest
from minutesreader.core.sentences_zh import DATELINE

__all__ = ["ChineseDirectives"]


@dataclass(frozen=True)
class Found:
    category: str
    start: int
    end: int


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda match: " " * len(match.group()), text)


def _user_pattern(phrases: list[str]) -> re.Pattern[str] | None:
    """The user's Chinese phrases: matched as written, anywhere (Chinese has no word
    boundaries to anchor them to); spaces inside a phrase match any spacing."""
    parts = [r"\s*".join(re.escape(word) for word in phrase.split()) for phrase in phrases if phrase.strip()]
    return re.compile("|".join(parts)) if parts else None


class ChineseDirectives:
    def __init__(
        self,
        extra_triggers: dict[str, list[str]] | None = None,
        never_triggers: list[str] | None = None,
    ) -> None:
        self._extra = {
            category: _user_pattern(list((extra_triggers or {}).get(category, [])))
            for category in ("obligation", "call", "task")
        }
        self._never = _user_pattern(list(never_triggers or []))

    def classify(self, sentence: str) -> Found | None:
        if not sentence:
            return None
        text = self._mask(sentence)
        for category, find in (("obligation", self._obligation), ("call", self._call), ("task", self._task)):
            found = earliest(find(text), self._extra[category], text)
            if found is not None:
                return Found(category, *found)
        return None

    def _mask(self, sentence: str) -> str:
        text = sentence
        dateline = DATELINE.match(text)
        if dateline:
            text = " " * dateline.end() + text[dateline.end():]
        text = _blank(text, rules.QUOTED)
        if self._never is not None:
            text = _blank(text, self._never)
        return text

    @staticmethod
    def _obligation(text: str) -> tuple[int, int] | None:
        masked = _blank(_blank(_blank(text, rules.NOT_MODAL_YAO), rules.NOT_MODAL_YING), rules.NOT_MODAL_XU)
        event = rules.EVENT.search(text) is not None
        for hit in rules.OBLIGATION.finditer(masked):
            # In the sentence of who presided and attended, a lone 应 or 须 is a name (应勇).
            if event and hit.group() in ("应", "须", "需"):
                continue
            return hit.start(), hit.end()
        return None

    @staticmethod
    def _call(text: str) -> tuple[int, int] | None:
        verbs = (hit for hit in rules.VERB_YAOQIU.finditer(text) if not rules.NOUN_YAOQIU_BEFORE.search(text, 0, hit.start()))
        hits = [hit for hit in (next(verbs, None), rules.CALL.search(text)) if hit]
        if hits:
            hit = min(hits, key=lambda found: found.start())
            return hit.start(), hit.end()
        importance = rules.IMPORTANCE_OF.search(text)
        if importance is not None:
            return importance.start(), importance.start() + 2
        reporting = rules.REPORTING.search(text)
        if reporting is not None:
            clause = _head_action(text, reporting.end())
            if clause is not None and rules.IMPORTANCE.search(text, clause[1]):
                return reporting.start(), reporting.end() - 1
        return None

    @staticmethod
    def _task(text: str) -> tuple[int, int] | None:
        decided = rules.DECIDED.search(text)
        if decided is not None:  # the verb is the trigger, not who decided
            group = next((name for name in ("decided", "then_decided") if decided.group(name)), 0)
            return decided.start(group), decided.end(group)
        committed = rules.COMMITMENT.search(text)
        if committed is not None:
            return committed.start(), committed.end()
        if rules.RESULT.search(text):
            return None
        if not rules.EVENT.search(text):
            duty = rules.DUTY.search(text)
            if duty is not None:
                return duty.start(), duty.end()
        head = rules.HEAD_PREFIX.match(text)
        at = head.end() if head else 0
        found = _head_action(text, at)
        if found is None or rules.COPULA.search(text, found[1]):
            return None
        return found


_HEADS = sorted(set(rules.ACTION_HEADS), key=len, reverse=True)
_HEAD = re.compile(r"\s*(" + "|".join(re.escape(word) for word in _HEADS) + ")")


def _head_action(text: str, at: int) -> tuple[int, int] | None:
    """The action verb that opens the clause at `at`, unless it reports a completed act."""
    hit = _HEAD.match(text, at)
    if hit is None:
        return None
    if text.startswith(("了", "过"), hit.end(1)):  # "加强了……" reports a completed act
        return None
    return hit.start(1), hit.end(1)

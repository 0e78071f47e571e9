"""Directive detection: is a sentence an obligation, a call, a task, or none of these?

The definition is ../shared/docs/directives.md. Detection is by rules over the language
of readouts (directive_rules.py holds the vocabulary): the strongest category with a
trigger wins (obligation > call > task), and the trigger phrase that decided it is
returned with its offsets, so the reader can emphasise it. Rules were chosen so that a
framing verb alone ("The meeting pointed out that ...") decides nothing: what follows
it must carry a trigger of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from minutesreader.core import directive_grammar as grammar
from minutesreader.core import directive_minutes as minutes
from minutesreader.core import directive_model as model
from minutesreader.core import directive_notes as notes
from minutesreader.core import directive_readouts as readouts
from minutesreader.core import directive_rules as rules
from minutesreader.core import directive_statements as statements
from minutesreader.core.categories import CATEGORIES
from minutesreader.core.pattern_cache import PATTERNS
from minutesreader.core.rules_config import default_rules_path, earliest, named_rules_path, read_rules

if TYPE_CHECKING:
    from minutesreader.core.directives_zh import ChineseDirectives

__all__ = ["CATEGORIES", "Directive", "DirectiveClassifier", "default_rules_path", "load_classifier"]

_WORD = re.compile(r"\S+")
# "to" of a purpose ("held a meeting to study ..."), not of a range of dates ("held in
# Kampala from 21st to 22nd January").
_PURPOSE_TO = PATTERNS.compile(r"\bto\s+(?!\d)")


# The switch of the learned second opinion on the rules' verdict (core/directive_model.py,
# retrained with bench/train_directives.py whenever the rules change). Off: measured on the
# splits it was not trained on, it moved one (unseen5, +0.009 F1) and cost ~0.03 s of the
# 0.2 s budget over the corpus, which it then exceeded (README, "A learned second opinion").
USE_LEARNED_MODEL = False

# The rules are built: their compiled form is kept for the next start (core.pattern_cache).
PATTERNS.save()

# A rule with its gate words as a set (see _first).
_GatedRule = tuple[re.Pattern[str], frozenset[str]]


def _gated(found_rules: list[rules.Rule]) -> list[_GatedRule]:
    return [(pattern, frozenset(gate)) for pattern, gate in found_rules]


# The rules of each category: the readouts' vocabulary and passives, the grammar of other
# genres, the lines of notes, the reported prose of minutes and the shapes of statements.
_OBLIGATION = _gated(rules.OBLIGATION + readouts.OBLIGATION + grammar.OBLIGATION + minutes.OBLIGATION
                     + statements.OBLIGATION)
_CALL = _gated(rules.CALL + readouts.CALL + grammar.CALL + minutes.CALL + statements.CALL)
_TASK = _gated(rules.TASK + readouts.TASK + grammar.TASK + notes.TASK + minutes.TASK + statements.TASK)
# Every rule's gate words: which of them a sentence holds is found once, and each rule
# then asks that set. The words of three letters or more are looked for only when the
# sentence holds their first three: of the ~160 words, a sentence holds the heads of a
# few dozen (the FOMC minutes' 320 sentences: ~7 ms, against ~11 for an `in` per word
# and more for a loop over each rule's own words).
_GATE_WORDS = frozenset().union(*(gate for _, gate in _OBLIGATION + _CALL + _TASK))
_SHORT_GATE_WORDS = tuple(sorted(word for word in _GATE_WORDS if len(word) < 3))


def _by_head(words: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """The words of three letters or more by their first three, in one pass (every word
    against every other took ~3 ms of each start)."""
    by_head: dict[str, tuple[str, ...]] = {}
    for word in sorted(word for word in words if len(word) >= 3):
        by_head[word[:3]] = (*by_head.get(word[:3], ()), word)
    return by_head


_GATE_WORDS_BY_HEAD = _by_head(_GATE_WORDS)
_GATE_HEADS = frozenset(_GATE_WORDS_BY_HEAD)


def _gate_words_in(lower: str) -> set[str]:
    """The gate words that `lower` holds (as `word in lower` finds them)."""
    present = {word for word in _SHORT_GATE_WORDS if word in lower}
    for head in _GATE_HEADS.intersection([lower[at:at + 3] for at in range(len(lower) - 2)]):
        for word in _GATE_WORDS_BY_HEAD[head]:
            if word in lower:
                present.add(word)
    return present


@dataclass(frozen=True)
class Directive:
    category: str
    trigger: str  # exact substring of the sentence
    start: int
    end: int


def _phrase_pattern(phrases: list[str]) -> re.Pattern[str] | None:
    parts = []
    for phrase in phrases:
        body = r"\s+".join(re.escape(word) for word in phrase.split())
        if not body:
            continue
        head = r"\b" if phrase[0].isalnum() else ""
        tail = r"\b" if phrase[-1].isalnum() else ""
        parts.append(head + body + tail)
    if not parts:
        return None
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _is_title(quoted: str) -> bool:
    """A quoted document title or slogan, not a quoted speech."""
    words = quoted.split()
    if len(words) <= 4:
        return True
    long_words = [w for w in words if len(w) > 3]
    capitals = sum(1 for w in long_words if w[0].isupper())
    return bool(long_words) and capitals / len(long_words) >= 0.6


class DirectiveClassifier:
    def __init__(
        self,
        extra_triggers: dict[str, list[str]] | None = None,
        never_triggers: list[str] | None = None,
        learned: bool | model.DirectiveModel | None = None,
    ) -> None:
        self._extra: dict[str, re.Pattern[str] | None] = {
            category: _phrase_pattern(list((extra_triggers or {}).get(category, [])))
            for category in CATEGORIES
        }
        self._never = _phrase_pattern(list(never_triggers or []))
        self._triggers = (extra_triggers, never_triggers)
        # `learned` overrides USE_LEARNED_MODEL (bench/eval_directives.py compares both), or
        # gives the model itself (tests).
        wanted = USE_LEARNED_MODEL if learned is None else learned
        self._model = wanted if isinstance(wanted, model.DirectiveModel) else model.load_model() if wanted else None
        # Built at the first Chinese sentence: its rules cost an English-only run ~15 ms.
        self._chinese: ChineseDirectives | None = None

    @property
    def rules(self) -> tuple[dict[str, list[str]] | None, list[str] | None]:
        """The user's rules it was made with (extra triggers, never triggers)."""
        return self._triggers

    def classify(self, sentence: str, language: str = "en") -> Directive | None:
        if language == "zh":
            if self._chinese is None:
                from minutesreader.core.directives_zh import ChineseDirectives

                self._chinese = ChineseDirectives(*self._triggers)
            found = self._chinese.classify(sentence)
            return Directive(found.category, sentence[found.start:found.end], found.start, found.end) if found else None
        verdict, present = self.by_rules(sentence)
        if self._model is None or present is None:
            return verdict
        return self._second_opinion(self._model, sentence, verdict, present)

    def by_rules(self, sentence: str) -> tuple[Directive | None, set[str] | None]:
        """The rules' verdict on an English sentence, and the rules' gate words it holds;
        None for those of boilerplate and questions, which no second opinion may change."""
        if not sentence or rules.BOILERPLATE.match(sentence) or minutes.ASKED.match(sentence):
            return None, None
        text = self._mask(sentence)
        lower = text.lower()
        present = _gate_words_in(lower)
        for category, find in (
            ("obligation", self._obligation),
            ("call", self._call),
            ("task", self._task),
        ):
            span = earliest(find(text, lower, present), self._extra[category], text)
            if span is not None:
                start, end = span
                return Directive(category, sentence[start:end], start, end), present
        return None, present

    def _second_opinion(self, learned: model.DirectiveModel, sentence: str, found: Directive | None,
                        present: set[str]) -> Directive | None:
        """The rules' verdict, overturned where the learned model is confident."""
        if found is not None and learned.down <= 0.0:
            return found  # this model never drops a directive of the rules: no need to ask it
        words = model.sentence_words(sentence)
        probability = learned.score_sentence(sentence, words, found.category if found else None,
                                             found.trigger if found else None, present)
        # The user's own rules (directives.toml) win over the model.
        if found is not None:
            yours = any(extra is not None and extra.search(sentence) for extra in self._extra.values())
            return None if probability < learned.down and not yours else found
        if probability < learned.up or not words or self._never is not None and self._never.search(sentence):
            return None
        start, end = learned.opening_word(sentence)
        return Directive(learned.category(sentence, words, present), sentence[start:end], start, end)

    # --- helpers ----------------------------------------------------------------------

    def _mask(self, sentence: str) -> str:
        """Blank out what may not trigger: quoted titles, what an outcome requires and the
        user's never-phrases.

        Blanking keeps offsets, so spans found in the masked text index the sentence.
        """
        text = sentence
        if '"' in text or "“" in text:
            for quoted in rules.QUOTED.finditer(text):
                # A quote followed by its link ('"resolve: Do not put ..." [rust#75802](...)')
                # is the title of an issue or pull request on the agenda.
                if _is_title(quoted.group(1)) or text.startswith((" [", " (http", " #"), quoted.end()):
                    text = _blank(text, quoted.start(1), quoted.end(1))
        if "what " in text:
            # "exceed what was required to bring inflation back": what an outcome takes.
            for outcome in minutes.WHAT_IS_NEEDED.finditer(text):
                text = _blank(text, outcome.start(), outcome.end())
        if self._never is not None:
            for never in self._never.finditer(text):
                text = _blank(text, never.start(), never.end())
        return text

    @staticmethod
    def _first(found_rules: list[_GatedRule], text: str, present: set[str]) -> tuple[int, int] | None:
        """The earliest trigger of the rules whose gate holds a word of the sentence (`present`)."""
        best: tuple[int, int] | None = None
        for pattern, gate in found_rules:
            if gate.isdisjoint(present):
                continue
            hit = pattern.search(text)
            if hit is None:
                continue
            # A rule that needs context (the reporting verb before "the need to") names
            # the phrase to emphasise as its "trigger" group.
            span = hit.span("trigger") if "trigger" in pattern.groupindex else hit.span()
            if span[0] < 0:  # the trigger is named in another alternative than the one that matched
                span = hit.span()
            # The earliest trigger decides; at the same place, the longer phrase says more.
            if best is None or span[0] < best[0] or span[0] == best[0] and span[1] > best[1]:
                best = span
        return best

    def _obligation(self, text: str, lower: str, present: set[str]) -> tuple[int, int] | None:
        if text.rstrip().rstrip(")").endswith("?"):
            # "Are there items that we should use a session for?" asks, prescribes nothing;
            # in a run of notes ("- X needs to ... - Can we submit two?") only the last item asks;
            # so does one that ends in a question in brackets ("(do we need to switch?)").
            asked = max(text.rfind(" - "), text.rfind("* "), text.rfind("• ")) + 1
            text = _blank(text, asked, len(text.rstrip()))
        if "must" in lower:
            for inference in rules.MUST_HAVE.finditer(text):
                text = _blank(text, inference.start(), inference.end())
        if "shall have" in lower:
            for granted in minutes.ENTITLED.finditer(text):
                text = _blank(text, granted.start(), granted.end())
        if " be " in lower:
            for framing in rules.FRAMING_MODAL.finditer(text):
                text = _blank(text, framing.start(), framing.end())
        if ("need" in lower or "should" in lower or "necessar" in lower or "required" in lower or "have to" in lower
                or "ought" in lower):
            for unprescribed in grammar.UNPRESCRIBED.finditer(text):
                text = _blank(text, unprescribed.start(), unprescribed.end())
            if "need" in lower or "have to" in lower:
                for unprescribed in minutes.UNPRESCRIBED.finditer(text):
                    text = _blank(text, unprescribed.start(), unprescribed.end())
        if lower.lstrip("\"“ (").startswith("under "):
            standing = grammar.STANDING_RULE.match(text)
            if standing is not None:
                text = _blank(text, standing.start(), standing.end())
        if "should" in lower:
            decided = statements.DECIDED_SHOULD.search(text) if "that" in lower else None
            for forecast in grammar.FORECAST_SHOULD.finditer(text):
                if decided is None or forecast.start("modal") != decided.start("modal"):
                    text = _blank(text, forecast.start("modal"), forecast.end("modal"))
            for forecast in minutes.FORECAST_SHOULD.finditer(text):
                text = _blank(text, forecast.start("modal"), forecast.end("modal"))
        return self._first(_OBLIGATION, text, present)

    def _call(self, text: str, lower: str, present: set[str]) -> tuple[int, int] | None:
        if any(word in lower for word in ("encourag", "called for", "asked", "invited", "requested", "be required", "be urged", "be directed")):
            for procedure in grammar.PROCEDURE.finditer(text):
                text = _blank(text, procedure.start(), procedure.end())
        if "report" in lower and ("ask" in lower or "invit" in lower or "request" in lower):
            for summary in minutes.REPORT_ASKS.finditer(text):
                text = _blank(text, summary.start("ask"), summary.end("ask"))
        if "ask" in lower or "request" in lower or "sought" in lower or "seek" in lower or "invite" in lower:
            for question in minutes.NOT_A_REQUEST.finditer(text):
                asked = question.lastgroup or 0  # the alternative's named verb or noun, else the match
                text = _blank(text, question.start(asked), question.end(asked))
        if "petition" in lower or "letter" in lower or "campaign" in lower or "motion" in lower or "mail" in lower:
            for paper in minutes.PAPER_PURPOSE.finditer(text):
                text = _blank(text, paper.start("verb"), paper.end("verb"))
        if "not " in lower or "n't " in lower or "never " in lower:
            for denied in readouts.NEGATED_CALL.finditer(text):
                text = _blank(text, denied.start(), denied.end())
        found = self._first(_CALL, text, present)
        if found is not None and self._is_event_purpose(text, found[0]):
            return None  # "convened the forum to urge leaders to ...": why they met
        return found

    def _task(self, text: str, lower: str, present: set[str]) -> tuple[int, int] | None:
        if "will " in lower:
            for future in rules.PLAIN_FUTURE.finditer(text):
                text = _blank(text, future.start(), future.end())
            if " be " in lower:
                for step in readouts.OTHER_BODY_STEP.finditer(text):
                    text = _blank(text, step.start(), step.end())
            if any(verb in lower for verb in readouts.SESSION_VERBS):
                for session in readouts.SCHEDULED_SESSION.finditer(text):
                    text = _blank(text, session.start(), session.end())
            for future in minutes.DESCRIBED_FUTURE.finditer(text):
                text = _blank(text, future.start(), future.end())
            for forecast in minutes.FORECAST_WILL.finditer(text):
                text = _blank(text, forecast.start("modal"), forecast.end("modal"))
        if "deploy" in lower:
            summed = readouts.AGENDA_DEPLOY.search(text)
            if summed is not None:
                text = _blank(text, 0, summed.end())
        if "open " in lower:
            for part in minutes.OPEN_PART.finditer(text):
                text = _blank(text, part.start("adjective"), part.end("adjective"))
        if "be " in lower and ("resolved" in lower or "decided" in lower or "agreed" in lower):
            for undecided in minutes.UNDECIDED.finditer(text):
                text = _blank(text, undecided.start("verb"), undecided.end("verb"))
        if "resolved" in lower or "agreed" in lower or "decided" in lower or "voted" in lower:
            for business in minutes.OWN_BUSINESS.finditer(text):
                text = _blank(text, business.start(), business.end())
        if "offered" in lower or "agreed" in lower or "volunteered" in lower or "willing" in lower or "consented" in lower:
            for office in minutes.OFFICE_TAKEN.finditer(text):
                text = _blank(text, office.start(), office.end())
        found = self._task_trigger(text, lower, present)
        if found is not None and any(verb in lower[:found[0]] for verb in readouts.AGENDA_VERBS):
            # "studied measures to make greater efforts to ...": a trigger in the paper the
            # meeting studied is its agenda (looked for only then: the search is not cheap).
            agendas = [agenda.span("complement") for agenda in readouts.AGENDA_OBJECT.finditer(text)]
            if any(start <= found[0] < end for start, end in agendas):
                for start, end in agendas:
                    text = _blank(text, start, end)
                found = self._task_trigger(text, lower, present)
        if found is not None and (
            self._is_event_purpose(text, found[0])
            or text.startswith("will", found[0]) and grammar.in_relative_clause(text, found[0])
            and readouts.REFERRED_PAPER.match(text, found[0]) is None
        ):
            found = None
        return found or self._imperative(text)

    def _task_trigger(self, text: str, lower: str, present: set[str]) -> tuple[int, int] | None:
        """The earliest task trigger, of the rules or of an agent that will act."""
        found = self._first(_TASK, text, present)
        if "will" in lower or "would" in lower or "’ll" in lower or "'ll" in lower:
            acting = grammar.agent_will(text)
            if acting is not None and (found is None or acting[0] < found[0]):
                found = acting
        return found

    @staticmethod
    def _is_event_purpose(text: str, at: int) -> bool:
        """The trigger sits in the purpose of the meeting: "held a meeting to ... arrange"."""
        event = rules.EVENT.search(text, 0, at)
        return event is not None and _PURPOSE_TO.search(text, event.end(), at) is not None

    @staticmethod
    def _imperative(text: str) -> tuple[int, int] | None:
        """A sentence that opens with a command, possibly after a purpose clause."""
        stripped = text.lstrip()
        offset = len(text) - len(stripped)
        if len(_WORD.findall(stripped)) < 4:
            return None
        purpose = rules.PURPOSE_HEAD.match(stripped)
        body_at = purpose.end() if purpose else 0
        head = rules.IMPERATIVE_HEAD.match(stripped, body_at)
        note_command = head is None
        if note_command:
            head = grammar.COMMAND_HEAD.match(stripped, body_at)
        if head is None or grammar.SHOUTED.match(stripped) or stripped.startswith(":", head.end("verb")):
            return None  # a heading, or a label ("Contact: Amanda Coote")
        if head.group("verb").isupper() and len(head.group("verb")) > 1:
            return None  # a numbered heading in capitals ("4. ROLL CALL")
        if grammar.OWN_VERB_SOON.match(stripped, head.start("verb")) or minutes.SUBJECT_AND_VERB.match(stripped, head.start("verb")):
            return None
        after = (head.group("after") or "").strip().lower()
        # "Study and implement ...": a verb joined to another verb is one ("Support and
        # guidance for ..." joins nouns).
        joined = after == "and" and stripped[head.end():].split(None, 1)[0].lower() in rules.ACTION_VERBS
        if (after in rules.NOUN_FOLLOWERS and not joined) or after in grammar.NOUN_AFTER_VERB or after.startswith(("'", "’")):
            return None
        if note_command and after in ("on", "to", "about", "regarding"):  # "Update on the budget"
            return None
        if purpose and purpose.group("intro") is None:
            end = stripped.index(" ", stripped.index(" ") + 1)
            return offset, offset + end
        return offset + head.start("verb"), offset + head.end("verb")


def load_classifier(config_path: Path | None = None) -> tuple[DirectiveClassifier, list[str]]:
    """The classifier with the user's rules, and one-line warnings about those rules.

    `config_path` (or MINUTESREADER_RULES) names a file that should exist; the default
    location may simply have no file. Never raises for a bad file.
    """
    named = config_path is not None or named_rules_path() is not None
    path = Path(config_path).expanduser() if config_path is not None else default_rules_path()
    extra, never, warnings = read_rules(path, named)
    return DirectiveClassifier(extra, never), warnings

"""Directives in statements, communiqués and the minutes and accounts of central banks.

Statements of the UN Security Council, European Council conclusions, communiqués of
leaders and ministers, and central-bank minutes say what is to be done in shapes of
their own: the body's readiness ("we are prepared to ...", "expressed their readiness
to ..."), work it gives others ("We task our ministers to ...", "insist on full
implementation by the parties"), its orders to an agent after a colon ("the Committee
directs the Desk to: Undertake ..."; the commands in the sentences after are the
lead-in's items, core.analysis), and what the members judged right ("argued that a
pause was warranted", "policy needed to remain restrictive", "agreed that Bank Rate
should be maintained"). directive_minutes.py reads the minutes of boards and councils.
"""

from __future__ import annotations

import re

from minutesreader.core.directive_grammar import BULLET
from minutesreader.core.directive_rules import Rule
from minutesreader.core.pattern_cache import PATTERNS

_I = re.IGNORECASE


def _r(pattern: str, *gate: str) -> Rule:
    return PATTERNS.compile(pattern, _I), gate


TASK: list[Rule] = [
    # "We are prepared to further strengthen our posture", "the Council remains determined
    # to ...": the body's readiness to act, as "stands ready to" (directive_rules).
    # (Not an offer on a condition: "Should Russia take steps, we are prepared to ...".)
    _r(r"^(?!\W*(?:should|if|unless|were|once|when|provided)\b)[^.;]*?"
       r"\b(?P<trigger>(?:is|are|stands?|remains?)\s+(?:\w+ly\s+|also\s+|now\s+)?(?:prepared|determined)\s+to)\s+"
       r"(?:\w+ly\s+|further\s+)?(?!be\b)[a-z]+", "prepared", "determined"),
    # "The Board remains resolute in its determination to return inflation to target".
    # (Not the meeting itself: "have met in their determination to ensure ...".)
    _r(r"(?<!\bmet\s)(?<!\bgathered\s)(?<!\bconvened\s)(?<!\bassembled\s)"
       r"\b(?:in|with)\s+(?:its|their|our|his|her)\s+(?P<trigger>(?:determination|resolve|commitment)\s+to)\s+(?!be\b)[a-z]+",
       "determination", "resolve", "commitment"),
    # "The members of the Council expressed their readiness to take appropriate measures":
    # the body's readiness, stated.
    _r(r"\b(?:expressed|reaffirmed|reiterated|confirmed|declared|stated|underlined)\s+(?:their|its|his|her|our)\s+(?:\w+\s+)?"
       r"(?P<trigger>(?:readiness|willingness|preparedness)\s+to)\s+(?!be\b)[a-z]+", "readiness", "willingness", "preparedness"),
]

CALL: list[Rule] = [
    # "The Committee directs the Desk to: Undertake open market operations ...": a body
    # directs its agent, its orders after a colon (the commands that follow in later
    # sentences are the lead-in's items: core.analysis).
    _r(r"\b(?P<trigger>direct(?:s|ed)?|instruct(?:s|ed)?|authori[sz]e(?:s|d)?|ask(?:s|ed)?|request(?:s|ed)?|urge(?:s|d)?)"
       r"\s+(?:the\s+)?(?:[\w\-]+\s+){0,6}?to\s*:\s*[\"“]?(?-i:[A-Z][a-z]+)\b", " to:"),
    # "Members saw the need to continue the withdrawal of accommodation": agreement on the
    # need of an act, as "recognised the need to".
    _r(r"\b(?P<trigger>(?:saw|see|sees)\s+(?:a\s+|the\s+)?(?:continued\s+|strong\s+|clear\s+|further\s+)?need\s+(?:to|for))\b",
       "need"),
    # "The members of the Security Council insist on full implementation by the parties":
    # a demand of an act that a noun names.
    _r(r"\b(?P<trigger>insist(?:s|ed)?\s+on)\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:implementation|compliance|respect|release|"
       r"withdrawal|cessation|adherence|accountability|access|investigation|protection|observance)\b", "insist"),
    # "We task our ministers to take this work forward", "the Council mandates the
    # secretariat to ...": the body gives others their work.
    # (Not the noun: "The task of the committee is to ...".)
    _r(r"\b(?:we|(?-i:I)|(?:the\s+)?(?-i:(?!(?:The|A|An|This|That|Its|Our|Their)\b)[A-Z]\w+(?:\s+[A-Z]\w+)?))\s+"
       r"(?:also\s+|further\s+|hereby\s+)?(?P<trigger>task|tasks|mandate|mandates|entrust|entrusts)\s+"
       r"(?:the\s+|our\s+|its\s+|their\s+|(?-i:[A-Z]))[\w\-]+(?:\s+[\w\-]+){0,3}?\s+(?:to|with)\s+(?!be\b)[a-z]+",
       "task", "mandate", "entrust"),
    # "Members agreed that the elevated uncertainty reinforced the importance of a
    # data-dependent approach": agreement on the importance of a way to act, reported
    # through what made it important.
    _r(r"\b(?:agreed|judged|noted|concluded|felt)\s+that\b[^.;]{0,120}?\b(?:reinforced|underscored|heightened|strengthened)"
       r"\s+the\s+(?P<trigger>(?:importance|need)\s+(?:of|for|to))\b", "reinforced", "underscored", "heightened", "strengthened"),
]

OBLIGATION: list[Rule] = [
    # "Policy needed to remain restrictive", "the Governing Council needed to stay
    # data-dependent": what the body's policy needed, reported in an account (not "the
    # elements needed to raise investment").
    _r(r"^(?:" + BULLET + r")?(?:(?:\w+\s+){0,3}?(?:that|,)\s+)?(?:the\s+|its\s+|their\s+)?(?:monetary\s+|fiscal\s+)?"
       r"(?:policy|(?:governing\s+)?council|committee|board|bank|communication|stance|members)\s+"
       r"(?P<trigger>needed\s+to)\s+(?!be\s+(?:seen|expected)\b)[a-z]+", "needed"),
    # "Several members argued that a pause was warranted": a judgement of what is right to
    # do, as "appropriate" (directive_grammar).
    _r(r"\b(?:agreed|judged|concluded|argued|felt|thought|considered|believed)\s+that\b[^.;]{0,150}?"
       r"\b(?P<trigger>(?:was|were|is|are)\s+(?:\w+ly\s+)?(?:warranted|justified|called\s+for))\b(?!\s+by\b)",
       "warranted", "justified", "called for"),
    # "The Board's priority is to return inflation to target", "its mission is to ensure
    # ...": a duty stated as what the work is.
    _r(r"\b(?P<trigger>(?:priority|mission|duty|obligation|job)\s+(?:is|was|remains|will\s+be)\s+to)\s+"
       r"(?!be\b)[a-z]+", "priority", "mission", "duty", "obligation", "job"),
    # "Returning inflation to target remains the Board's highest priority": an act named by
    # its gerund, made the body's priority.
    # (Not a noun in -ing: "Housing remains a priority".)
    _r(r"^\W*(?P<trigger>(?-i:[A-Z][a-z]+ing))\s+(?!(?:is|remains|was)\b)\w[^.;]{0,140}?\b(?:is|remains|was)\s+(?:the\s+|our\s+|its\s+|their\s+|a\s+|"
       r"the\s+\w+['’]s\s+)?(?:\w+\s+)?(?:priority|imperative|necessity)\b", "priority", "imperative", "necessity"),
]

# "Members agreed that Bank Rate should be maintained at 5.25%": what the members decided
# should be done to a rate, not a forecast of it (directive_grammar.FORECAST_SHOULD).
DECIDED_SHOULD = PATTERNS.compile(
    r"\b(?:agreed|judged|decided|concluded|felt|voted)\s+that\s+(?:[\w\-%.]+\s+){1,4}?(?P<modal>should)\s+(?:\w+ly\s+)?"
    r"be\s+(?:held|kept|left|maintained|raised|lowered|reduced|cut|adjusted|set|tightened|eased|increased|unchanged)\b", _I)


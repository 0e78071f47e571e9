"""Directives of readouts whose acts are gerunds heading a long subject.

National readouts often turn "the meeting stressed accelerating X" round: "Accelerating
X, promoting Y and coordinating Z were highlighted at the meeting", "To this end,
putting people first ... were also stressed", or, after a clause about something else,
"...; strengthening food security ... were also highlighted". The acts, gerunds that
open the sentence (or the clause after an opening phrase or a semicolon), are what the
meeting asks for: a `call`, as "stressed the need to" is. What was stressed is not
always an act: "The achievements were highlighted" and "Leading cadres were stressed"
(a participle before its noun) prescribe nothing, nor does "were discussed" (the
agenda). directive_rules.py holds the other passive of stress ("the construction of
... was emphasized").

The same gerunds carry a necessity after a reporting verb, with a list as their object:
"stressed that doing a good job in safety, growth, conduct and other work is very
important" is an `obligation`, as "stressed that doing a good job is very important"
is (directive_rules.py reads that one, with no comma before "is"). A comma that opens
a new clause ("..., the city is important") ends the subject.

Also here, what looks like a directive of a readout and is none, which the classifier
blanks before its rules look: a call denied ("the meeting did not call for new
stimulus"), and the next step of another body ("the document will be deliberated at the
legislature's session").
"""

from __future__ import annotations

import re

from minutesreader.core.directive_rules import Rule
from minutesreader.core.pattern_cache import PATTERNS

_I = re.IGNORECASE

# Words in "-ing" that head no act at the start of a clause.
_NOT_ACTS = (r"during|according|including|following|regarding|concerning|nothing|something|everything|"
             r"anything|thing|morning|evening|meeting|spring|leading|building\s+(?:of|materials)")

CALL: list[Rule] = [
    (PATTERNS.compile(
        # Where the gerund stands: the start, after a short opening phrase ("To this end,"),
        # or after a semicolon.
        r"(?:^\W*(?:[^,;]{1,30},\s+)?|;\s*)(?!(?:" + _NOT_ACTS + r")\b)[a-z]{2,}ing\s+(?!(?:is|are|was|were|has|have)\b)"
        r"[^;]{0,250}?\b(?:was|were)\s+(?:also\s+|further\s+|repeatedly\s+)?"
        r"(?P<trigger>highlighted|stressed|emphasi[sz]ed|underlined|underscored)\b", _I),
     ("highlighted", "stressed", "emphasi", "underlined", "underscored")),
]

OBLIGATION: list[Rule] = [
    (PATTERNS.compile(
        r"\b(?:stress|emphasi[sz]|point|not|said|say|believ|held)\w*\s+(?:out\s+)?that\s+(?!(?:" + _NOT_ACTS + r")\b)"
        r"[a-z]{2,}ing\s+(?!(?:is|are|was|were|has|have)\b)"
        r"(?:(?!,\s+(?:the|it|he|she|we|they|this|these|its|their)\b)[^.;]){0,200}?,[^.;,]{0,80}?\b"
        r"(?:is|remains)\s+(?:also\s+|very\s+|most\s+|extremely\s+|particularly\s+)?"
        r"(?P<trigger>crucial|essential|vital|critical|imperative|indispensable|important)\b"
        # "... is important for the region" values a thing; "... is important to act" prescribes.
        r"(?!\s+(?:for|to)\s+(?:the|a|an|its|their|our|this)\b)", _I),
     ("crucial", "essential", "vital", "critical", "imperative", "indispensable", "important")),
]

# "did not call for", "has never urged", "were not asked to": a call denied.
NEGATED_CALL = PATTERNS.compile(
    r"\b(?:did|does|do|has|have|had|was|were|is|are)\s*(?:not|n't|never)\s+(?:\w+ly\s+)?"
    r"(?:call(?:ed|s)?|urged?|urges|ask(?:ed|s)?|demand(?:ed|s)?|request(?:ed|s)?|require[ds]?|instruct(?:ed|s)?|"
    r"direct(?:ed|s)?|encourage[ds]?)\b(?:\s+(?:on|for|upon)\b)?", _I)

# "The document will be deliberated at the legislature's annual session": the next step
# is another body's (directives.md: procedural steps of other bodies), not the meeting's
# measure ("the draft will be submitted to ..." is the meeting's own).
OTHER_BODY_STEP = PATTERNS.compile(
    r"\bwill\s+(?:also\s+|then\s+|further\s+)?be\s+(?:deliberated|debated|voted\s+on|examined|considered)\s+"
    r"(?:at|by|during|in)\s+[^.;,]{0,60}?\b(?:legislature|congress|session|NPC|parliament|assembly)s?\b", _I)

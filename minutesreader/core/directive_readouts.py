"""Directives of readouts said in the passive, with the acts as its subject.

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
"""

from __future__ import annotations

import re

from minutesreader.core.directive_rules import Rule
from minutesreader.core.pattern_cache import PATTERNS

_I = re.IGNORECASE

# Words in "-ing" that head no act at the start of a clause.
_NOT_ACTS = (r"during|according|including|following|regarding|concerning|nothing|something|everything|"
             r"anything|morning|evening|meeting|spring|leading|building\s+(?:of|materials)")

CALL: list[Rule] = [
    (PATTERNS.compile(
        # Where the gerund stands: the start, after a short opening phrase ("To this end,"),
        # or after a semicolon.
        r"(?:^\W*(?:[^,;]{1,30},\s+)?|;\s*)(?!(?:" + _NOT_ACTS + r")\b)[a-z]{3,}ing\s+(?!(?:is|are|was|were|has|have)\b)"
        r"[^;]{0,250}?\b(?:was|were)\s+(?:also\s+|further\s+|repeatedly\s+)?"
        r"(?P<trigger>highlighted|stressed|emphasi[sz]ed|underlined|underscored)\b", _I),
     ("highlighted", "stressed", "emphasi", "underlined", "underscored")),
]

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

Machine translations of local readouts leave their grammar showing where the words are
unforeseen: a command opened by a manner adverb ("Unswervingly follow ...", "Deeply
understand ...") is a `task` whatever its verb, as long as the word after the adverb
is no participle, adjective or noun ("Newly built roads", "Fully aware of", "Daily
output of"); so is one whose verb shows by its ending ("Standardize the checks ..."), and
an item named by its rank ("The second is to tighten the rota"), and the next item of
a list opened by ";To" and its verb. Tasks or measures highlighted in the passive, a
colon after "stressed" before a command, and a meeting that "proposed that efforts be
made" are a `call`, as "demanded that" is.

Also here, what looks like a directive of a readout and is none, which the classifier
blanks before its rules look: a call denied ("the meeting did not call for new
stimulus"), the next step of another body ("the document will be deliberated at the
legislature's session"), a session that will open on a date, and the meeting's
agenda, however prescriptive its words: what it studied or approved ("studied measures
to make greater efforts to ..."), and a command that ends in "arrange and deploy"
(研究部署…工作 in directives.md).
"""

from __future__ import annotations

import re

from minutesreader.core.directive_grammar import GRAMMAR_ALT
from minutesreader.core.directive_rules import ACTION_VERBS, PARTICIPLES, Rule, longest_first
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
    # "The reform tasks, such as building ... and improving ..., were highlighted": acts
    # named by a noun of acts at the head of the subject (not "The achievements were
    # highlighted").
    (PATTERNS.compile(
        r"^\W*(?:the\s+)?(?:[\w’'\-]+\s+){0,4}?(?:tasks|measures|steps|efforts|priorities|requirements)\b[^;]{0,250}?"
        r"\b(?:was|were)\s+(?:also\s+|further\s+)?(?P<trigger>highlighted|stressed|emphasi[sz]ed|underlined|underscored)\b", _I),
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

# "The annual session, after being postponed, will open on May 22": the event is the
# subject of "will", and its verb takes no object, only a time or a place (a scheduled
# event, not a measure; "the city will open two clinics" acts). Looked for only after
# one of these verbs (SESSION_VERBS).
SESSION_VERBS = ("will open", "will close", "will run", "will begin", "will start", "will end", "will last",
                 "will take place", "will convene", "will resume", "will conclude")
SCHEDULED_SESSION = PATTERNS.compile(
    r"\b(?:meeting|session|summit|conference|congress|plenum|forum|talks|assembly)s?\b[^;.]{0,80}?\bwill\s+"
    r"(?:open|close|run|begin|start|end|last|take\s+place|convene|resume|conclude)"
    r"(?=\s+(?:on|in|at|from|until|next|this|tomorrow|today|later|before|after|early|late|\d)\b|\s*[,.;]|\s*$)", _I)

# "... approved a draft law, which will be submitted to the legislature for deliberation":
# in a relative clause, a future names no one who acts (directives.py), but this one is
# the meeting's own next step with the paper it approved (directives.md: "a draft will be
# circulated for comment"), as "the draft will be submitted to ..." is.
REFERRED_PAPER = PATTERNS.compile(r"will\s+(?:also\s+|then\s+)?be\s+(?:submitted|sent|referred|forwarded)\s+to\b", _I)

# "The meeting studied measures to make greater efforts to attract investment": what a
# meeting studied, discussed or approved is its agenda, however prescriptive the title of
# the paper: its complement, to the clause's end, triggers nothing ("..., made
# arrangements to revise ..." after the comma is the meeting's own measure).
# "Carry out the plan of the conference, and arrange and deploy the work": a command
# that ends in the calque of 安排部署 / 研究部署 sums up the meeting's business, to that
# point (directives.md: 研究部署…工作 is the agenda).
AGENDA_DEPLOY = PATTERNS.compile(r"\b(?:arrange|study|research|plan)\s+and\s+deploy\b", _I)

AGENDA_VERBS = ("studied", "discussed", "reviewed", "deliberated", "examined", "mulled", "considered", "heard",
                "listened", "approved", "adopted")
AGENDA_OBJECT = PATTERNS.compile(
    r"\b(?:studied|discussed|reviewed|deliberated(?:\s+on)?|examined|mulled|considered|heard|listened\s+to|approved|"
    r"adopted)\s+(?:the\s+|a\s+|an\s+)?(?:[\w\-]+\s+){0,3}?(?:measures|plans?|polic(?:y|ies)|proposals?|documents?|"
    r"guidelines?|opinions|reports?|drafts?|regulations?|suggestions)\b(?P<complement>[^,;.]*)", _I)

# Adverbs in "-ly" that say when, how often or how sure, not how to act ("Recently the
# city ...", "Daily output ..."), and words in "-ly" that are no adverbs.
_NOT_MANNER = (r"recently|currently|previously|initially|originally|eventually|subsequently|similarly|additionally|"
               r"accordingly|consequently|generally|usually|typically|normally|basically|essentially|particularly|"
               r"especially|specifically|notably|namely|importantly|interestingly|unfortunately|fortunately|"
               r"hopefully|obviously|clearly|certainly|probably|possibly|apparently|presumably|reportedly|really|"
               r"actually|nearly|roughly|approximately|mostly|mainly|largely|partly|only|early|likely|unlikely|"
               r"daily|weekly|monthly|yearly|quarterly|nightly|hourly|family|july|italy|assembly|supply|apply|"
               r"reply|rely|ally|rally|anomaly|monopoly|friendly|elderly|holy|ugly|lonely|lovely|"
               # and adverbs of degree or of judgement, before an adjective ("Unexpectedly large gains")
               r"unexpectedly|surprisingly|potentially|ideally|relatively|comparatively|increasingly|extremely|"
               r"incredibly|exceptionally|unusually|slightly|equally|fairly")
# What the word after the adverb may not be for it to be the command's verb: a word of
# grammar, an adjective of state, an irregular participle ("Jointly held by ...").
_NOT_A_VERB = (GRAMMAR_ALT + r"|a|an|the|aware|ready|able|unable|responsible|confident|true|clear|necessary|important|"
               r"consistent|possible|sure|certain|different|similar|equal|available|due|prior|subject|"
               r"held|built|made|done|given|taken|known|seen|led|set|put|sent|paid|found|brought|kept|met|won|shown|"
               r"drawn|grown|written|spoken|chosen|broken|begun|run|cut|hit|let|read|spent|lost|left|felt|heard|"
               r"told|sold|stood|understood|bought|caught|taught|thought|fought|sought|dealt|meant")

# An ordinal, or an opening phrase of time or manner ("During the holiday, ..."),
# may come before a command.
_OPENING = (r"^[\"“‘(]?\s*(?:(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|fifth(?:ly)?|finally|also|meanwhile|"
            r"in\s+addition)\s*[,:]\s*|(?:during|in|on|for|with|under|according\s+to|through|by)\s+[^,;:]{3,80}?,\s*)?")

TASK: list[Rule] = [
    # "Standardize the checks ...", "Clarify the duties of ...": a verb by its ending, "-ize"
    # or "-ify", then an object ("Otherwise the ..." is no verb).
    (PATTERNS.compile(
        _OPENING + r"(?:(?!(?:" + _NOT_MANNER + r")\b)[a-z]{3,}ly\s+)?(?P<trigger>(?!otherwise\b|likewise\b)[a-z]{3,}(?:i[sz]e|ify))\b"
        r"(?=\s+(?:the|a|an|our|its|their|all|and|every|various|key|new|relevant)\b)", _I),
     ("ize ", "ise ", "ify ")),
    # "The second is to tighten the rota": an item of a list, named by its rank, and its act.
    (PATTERNS.compile(
        r"^\W*the\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)\s+(?:\w+\s+)?"
        r"(?P<trigger>is\s+to)\s+(?:\w+ly\s+)?(?!be\b)[a-z]{3,}\b", _I),
     ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "last")),
    # "Unswervingly follow the path of ...", "First, earnestly shoulder ...": a manner
    # adverb (or two) and a bare verb, not one in "-ed", "-ing" or a plural "-s", then an
    # object, not a word that shows a noun ("Daily output of ..."). Not after "further"
    # ("Further large advances in employment were recorded": an adjective).
    (PATTERNS.compile(
        # (The sentence's own head, not a bullet of notes: "- Ideally want to ...".)
        _OPENING + r"(?!(?:" + _NOT_MANNER + r")\b)[a-z]{3,}ly\s+(?:and\s+[a-z]{3,}ly\s+)?"
        r"(?P<trigger>(?!(?:" + _NOT_A_VERB + r"|" + longest_first(PARTICIPLES) + r")\b)[a-z]{2,}(?<!ed)(?<!ing)(?<![^su]s)(?<!ous)(?<!ful)(?<!ible)"
        # nor a noun by its ending ("-tion", "-ness", "-ment"; but "implement" and
        # "supplement" are verbs)
        r"(?<!tion)(?<!sion)(?<!ness)(?<!ity)(?<!ship)(?<!ism)(?<![^e]ment)(?<![^l]ement)(?<![^p]lement))\b"
        r"(?=\s+(?!(?:of|for|is|are|was|were|has|have|had|will|would|can|could|may|might)\b)[a-z\"“(])", _I),
     ("ly ",)),
]

# "...;To implement the checks, ...": machine translations join the items of a list (一是…；
# 要…) with a semicolon and open the next with a capital "To" and its verb, an
# infinitive used as a command, as at the head of a sentence ("; to the east" is no item).
TASK.append((PATTERNS.compile(
    r";\s*(?P<trigger>To\s+(?:[a-z]{3,}ly\s+)?(?:" + longest_first(ACTION_VERBS) + r"))\b"),
    (";",)))

# "The mayor stressed: First, tighten the rota ...": a verb of stress whose colon opens
# a list of commands asks for them, as "required, to ..." does (a comma after "stressed"
# introduces a framing: "emphasized, creating a civilized city is the start point").
CALL.append((PATTERNS.compile(
    r"\b(?P<trigger>stressed|emphasi[sz]ed|underlined|pointed\s+out)\s*:\s*(?:(?:first(?:ly)?|1[.)]|\(1\))\s*[,:]?\s*)?"
    r"(?:\w+ly\s+)?(?:" + longest_first(ACTION_VERBS) + r")\b(?!\s+(?:of|is|are|was|were)\b)", _I),
    ("stressed", "emphasi", "underlined", "pointed out")))

# "The meeting proposed that efforts be made to ...": a body's proposal of what others
# are to do, with "be" and a participle; a member's proposal at a meeting ("Cllr Kirk
# proposed that Cllr Burgess be the representative") names a person, and asks nothing.
CALL.append((PATTERNS.compile(
    r"\b(?:meeting|session|conference|plenum|forum)\s+(?:also\s+|further\s+)?(?P<trigger>(?:proposed|suggested|recommended)\s+that)\s+"
    r"[^,;.]{1,80}?\bbe\s+(?:\w+ly\s+)?(?:" + longest_first(PARTICIPLES) + r")\b", _I),
    ("proposed that", "suggested that", "recommended that")))

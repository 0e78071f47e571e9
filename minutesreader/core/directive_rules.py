"""The language of directives: trigger patterns per category, and the false friends.

Kept apart from the classifier so the vocabulary can be read, and argued with, in one
place. Every pattern is compiled once at import. Patterns are written for the language
of readouts (English translations of Chinese meeting readouts, and similar minutes),
not for particular files: modal verbs of necessity, reporting verbs that carry a
demand, commitments of the body and bare imperatives. See ../shared/docs/directives.md.
"""

from __future__ import annotations

import re

from minutesreader.core.pattern_cache import PATTERNS

_I = re.IGNORECASE

# Base forms of the verbs a readout commands with ("Accelerate the construction of ...").
ACTION_VERBS = frozenset(
    """accelerate adhere adjust advance adopt align apply attach boost build carry clear
    consolidate continue coordinate crack create cultivate curb cut deepen defuse deliver
    develop dig do drive eliminate encourage enhance ensure establish expand explore expedite
    extend facilitate focus forge formulate foster fulfil fulfill give grasp guarantee guard
    guide harness implement limit restrict ban monitor inspect repair publish clean enforce pay punish rectify regulate standardize standardise
    conduct organize organise combat fight win prioritize prioritise tap improve increase innovate insist integrate intensify introduce
    handle study solve complete achieve
    keep launch lay leverage lower maintain make modernize modernise nurture optimize
    optimise persist prevent promote protect provide push put raise reduce refine reform
    reinforce remove resolve respond roll safeguard scale secure seize set shore speed
    stabilize stabilise step stick strengthen streamline strive support tackle take tighten
    unify uphold upgrade use utilize utilise vitalize widen""".split()
)

# Past participles of those verbs, for planned measures ("will be stepped up").
_IRREGULAR = {
    "build": "built", "dig": "dug", "do": "done", "drive": "driven", "forge": "forged",
    "give": "given", "keep": "kept", "lay": "laid", "lead": "led", "make": "made",
    "put": "put", "set": "set", "seize": "seized", "take": "taken", "cut": "cut",
    "stick": "stuck", "carry": "carried", "apply": "applied", "unify": "unified",
    "step": "stepped", "roll": "rolled", "submit": "submitted", "crack": "cracked",
}


def _participle(verb: str) -> str:
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


PARTICIPLES = frozenset(
    {_participle(v) for v in ACTION_VERBS}
    | set(
        """submitted circulated rolled subsidized subsidised supported carried taken
        adopted approved issued formulated drafted revised abolished scrapped phased
        lifted extended allocated invested allowed granted expanded encouraged retained
        accelerated channelled channeled targeted prioritized prioritised pursued
        stepped increased introduced included enforced offered renewed sped expedited
        deployed arranged launched""".split()
    )
)



def longest_first(words: frozenset[str]) -> str:
    """An alternation of the words, each before any shorter word it starts with; in the
    same order at every start (a set's order is not), so the compiled form can be kept."""
    return "|".join(sorted(words, key=lambda word: (-len(word), word)))


_VERB_ALT = longest_first(ACTION_VERBS)
_PART_ALT = longest_first(PARTICIPLES)
_ADVERBS = r"(?:(?:also|further|still|then|all|firmly|\w+ly)\s+)"
_INTRANSITIVE = (
    r"in|over|by|as|further|significantly|gradually|steadily|slightly|somewhat|moderately|"
    r"next|this|later|soon|and|or|at|to|from|through|during|until|with|if|when|again|into|"
    r"effect|place|office|part"
)

# Each rule is (pattern, gate): the pattern is only run on a sentence whose lower-case
# text contains one of the gate words. Most sentences contain none, so most patterns
# never run: that keeps the whole corpus well under the 0.2 s budget.
Rule = tuple[re.Pattern[str], tuple[str, ...]]


def _rule(pattern: str, *gate: str) -> Rule:
    return PATTERNS.compile(pattern, _I), gate


# --- obligation: a necessity or duty stated as such ---------------------------------
OBLIGATION: list[Rule] = [
    _rule(r"\b(?:must|shall|ought\s+to)\b(?!-)", "must", "shall", "ought"),
    # "Should conditions allow, ..." at the head is a condition, not a duty.
    # "..., should they emerge" and "as needed should markets worsen": conditions too.
    _rule(
        r"(?<!^)(?<!^[\"“])\bshould\b(?!\s+(?:they|it|there|conditions|circumstances|"
        r"the\s+(?:need|situation|economy)|markets?)\b)",
        "should",
    ),
    # "the need to" belongs to a reporting verb (call); "no need to" prescribes nothing.
    # "may need to" and "would need to" hedge; they do not prescribe.
    _rule(
        # "the urgent need to" is a noun, as "the need to" is.
        r"(?<!the )(?<!no )(?<!a )(?<!may )(?<!might )(?<!could )(?<!would )(?<!urgent )(?<!pressing )"
        r"(?<!clear )(?<!real )(?<!critical )(?<!immediate )\b(?:need|needs)\s+to\b",
        "need",
    ),
    _rule(r"\bthere\s+is\s+(?:an?\s+)?(?:urgent\s+|pressing\s+|clear\s+)?need\s+(?:to|for)\b", "need"),
    _rule(r"\b(?:is|are|be|been|was|were)\s+(?:also\s+|urgently\s+|still\s+)?needed\b", "needed"),
    _rule(r"\b(?:have|has)\s+to\b(?!\s+do\s+with)", "have", "has"),
    _rule(
        # Not plain "were crucial" (an assessment of past measures) nor "may be
        # necessary" (a possibility).
        # "will do what is necessary" commits to an act; the necessity is not stated.
        r"(?<!what )(?<!whatever )\b(?:it\s+is|it's|it\s+was|is|are|(?<!may )(?<!might )(?<!could )(?<!would )be|"
        r"remains?|deemed|(?:was|were)\s+deemed)\s+"
        r"(?:also\s+|still\s+|therefore\s+|thus\s+|all\s+the\s+more\s+|particularly\s+|"
        r"especially\s+|more\s+|most\s+|very\s+|highly\s+|absolutely\s+|extremely\s+)?"
        r"(?:necessary|essential|imperative|crucial|vital|indispensable|a\s+must|obligatory|"
        r"mandatory|incumbent)\b"
        # "governance is essential for prosperity" values a thing; "it is essential for
        # departments to act" prescribes.
        r"(?!\s+(?:for|in|as)\b(?![^,.;]{0,60}?\bto\s+[a-z])(?!\s+\w+ing\b))"
        # Nor "Beijing's role is vital to the region": of value to a thing, not an act.
        r"(?!\s+to\s+(?:the|a|an|its|their|our|his|her|this|these|those)\b)",
        "necessar", "essential", "imperative", "crucial", "vital", "indispensable", "a must",
        "obligatory", "mandatory", "incumbent",
    ),
    _rule(
        r"\bit\s+(?:is|was)\s+(?:also\s+|very\s+|particularly\s+|especially\s+)?"
        r"(?:important|critical|urgent|key)\s+(?:to|for|that)\b",
        "important", "critical", "urgent", "key",
    ),
    _rule(
        r"\b(?:is|are|(?<!may )(?<!might )(?<!could )(?<!would )be|was|were)\s+(?:also\s+)?"
        r"(?:required|obliged|obligated|duty-bound)\s+to\b",
        "required", "obliged", "obligated", "duty-bound",
    ),
    _rule(r"\befforts\s+are\s+required\b", "required"),
    # "It is required that all projects pass safety checks": the passive of necessity.
    _rule(r"\bit\s+is\s+(?:also\s+)?required\s+that\b", "required"),
    # "The priority for all members of the Political Bureau is to implement ...", "the key
    # lies in firmly strengthening ..." (an act), not "the key lies in the fact ...", nor
    # "the main task of the meeting is to arrange the year's work" (its agenda).
    _rule(r"\bthe\s+(?:key|priority|top\s+priority|main\s+task|focus)\s+"
          r"(?:(?:for|of)\s+(?!(?:the\s+|this\s+)?(?:meeting|conference|session|forum|plenum|symposium)\b)[^,.;]{1,60}?\s+)?(?:is\s+(?:to|in)\b|lies\s+in\s+(?:\w+ly\s+(?:and\s+)?)*(?!(?:some|no|any|every)thing\b)[a-z]{3,}ing\b)",
          "key", "priority", "task", "focus"),
    _rule(r"\bwhat\s+matters\s+(?:most\s+)?is\s+to\b", "matters"),
    # "Stabilizing employment is crucial for ...", "Keeping prices stable is of vital
    # importance", "Ensuring the supply of grain is the top priority": a necessity said
    # of an act, the gerund that opens the sentence or the clause a reporting verb
    # introduces ("stressed that doing a good job ... is very important"), not "During
    # the meeting ..."; after a manner adverb the "-ing" word is an act, even before "and"
    # ("stressed that earnestly studying and implementing ... is the primary task").
    _rule(r"(?:^\W*|\b(?:stress|emphasi[sz]|point|not|said|say|believ|held)\w*\s+(?:out\s+)?that\s+)"
          r"(?:[A-Za-z][a-z]{2,}ly\s+[a-z]{2,}ing\b(?!\s+(?:is|are|was|were|has|have|will)\b)|"
          r"(?!(?:during|according|including|following|regarding|concerning|nothing|something|everything|"
          r"anything|morning|evening|meeting|spring|building\s+(?:of|materials))\b)[A-Za-z][a-z]{1,}ing\b"
          # A gerund takes an object; "Beijing is ...", "Beijing's ..." and "Nanjing city" are places.
          r"(?!\s*[’']s|\s+(?:is|are|was|were|has|have|will|and|city|province|municipality|municipal|county|district)\b))"
          r"[^,.;]{0,120}?\b"
          # The verb is singular: "developing countries are ..." and "leading cadres are ..."
          # have a participle before their noun, not a gerund as the subject.
          r"(?:is|remains)\s+(?:also\s+|still\s+|therefore\s+|thus\s+|particularly\s+|especially\s+|very\s+|"
          r"absolutely\s+|extremely\s+)?(?P<trigger>crucial|essential|vital|critical|imperative|indispensable|a\s+must|"
          r"(?:very\s+|most\s+|extremely\s+|particularly\s+)?important|"
          r"of\s+(?:vital|great|paramount|utmost|crucial|critical|particular)\s+importance|"
          # "the top priority", "the primary political task" (a task needs its rank).
          r"(?:the|a|our|its|their)\s+(?:(?:top|first|primary|overriding|foremost|most\s+important|key|main|central|"
          r"major|urgent|political)\s+){0,2}priority|"
          r"(?:the|a|our|its|their)\s+(?:(?:top|first|primary|overriding|foremost|most\s+important|key|main|central|"
          r"major|urgent)\s+)(?:political\s+)?task)\b",
          "crucial", "essential", "vital", "critical", "imperative", "indispensable", "a must", "importance",
          "important", "priority", "task"),
    # "It is of great importance to strengthen ...": the same, with the act after.
    _rule(r"\bit\s+is\s+(?:also\s+)?of\s+(?:vital|great|paramount|utmost|crucial|critical|particular)\s+importance\s+"
          r"(?:for\s+[^,.;]{1,60}?\s+)?to\s+(?:\w+ly\s+)?(?:" + _VERB_ALT + r")\b", "importance"),
]
# "must have been" and "must have seen" infer; they prescribe nothing.
MUST_HAVE = PATTERNS.compile(r"\bmust\s+have\s+(?:been|\w+ed|\w+en|had|seen|known|felt)\b", _I)
# "should be noted" and friends frame what follows; they are not the prescription.
FRAMING_MODAL = PATTERNS.compile(r"\b(?:should|must)\s+be\s+(?:noted|pointed\s+out|mentioned|emphasized|stressed)\b", _I)

# What follows "the importance of" when it is an act: an action noun or "-ing" heading the
# object or one of its listed members ("of democracy, human rights, and ensuring ...",
# "of economic stability as well as securing ..."), not a participle after a plural noun
# ("of the principles, norms and values underpinning ..."), a preposition ("including"),
# or an act inside a role ("significance of X in safeguarding and advancing ...").
_ACT = (
    r"(?:(?:the|a|an|its|their|our)\s+)?(?:[a-z\-]+(?<!s)\s+)?"
    # ... nor a thing named like an act ("the significance of the plenary session").
    r"(?!(?:including|concerning|regarding|following|according|during|session|commission|mission|vision|division|"
    r"occasion|dimension|version|nation|station|situation|position|institution|population|tradition|constitution|"
    r"generation|condition|government|department|document|environment|moment|parliament|element|instrument|"
    r"equipment)s?\b)[a-z]{3,}(?:ing|tion|sion|ment)s?\b"
)
# "of persistence in hard work", "of adherence to the rules": an act named by an -ence or
# -ance noun with no article and the preposition it governs ("of the alliance" is a thing).
_ENCE_ACT = r"[a-z]{3,}[ae]nce\s+(?:in|to|with|on|against)\b"
# "of efforts to make breakthroughs in ...": the act named by the efforts made for it.
_EFFORTS_ACT = (r"(?:(?:the|its|their|our|more|greater|further|continued)\s+)?efforts?\s+to\s+(?!date\b)"
                r"(?:\w+ly\s+)?[a-z]{3,}\b")
IMPORTANT_ACT = (
    r"(?=\s+" + _ENCE_ACT + r"|\s+" + _EFFORTS_ACT + r"|\s+" + _ACT + r"|(?:(?!\bin\s+[a-z]+ing\b)[^.;]){0,100}?(?:,|\band|\bas\s+well\s+as)\s+" + _ACT + r")"
)

# --- call: someone is asked, urged or told to act ------------------------------------
_REPORTING = (
    r"(?:stress|emphasi[sz]|highlight|underlin|underscor|reiterat|point(?:ed|s|ing)?\s+out|"
    r"not(?=ed|es|ing)|address|discuss|mention|reaffirm|recall|spell(?:ed|s)?\s+out|call(?:ed|s)?\s+attention\s+to)"
    r"\w*"
)
CALL: list[Rule] = [
    # Not "a conference call on Tuesday".
    _rule(
        # Nor "the call for nominations": a noun.
        # "- Call for clarifications" heads an item of an agenda: a noun.
        # "The Conference called for ...": a past tense is a verb after any noun.
        r"(?:(?<!conference )(?<!phone )(?<!video )(?<!telephone )(?<!the )(?<!a )"
        r"\b(?:(?<!^)(?<![-*•] )call|call(?:s|ing))|(?<!the )\bcalled"
        # "The Conference calls for deepening ...": the verb, known by the act it asks for.
        r"|\bcalls(?=\s+(?:for|on|upon)\s+(?:efforts\b|(?:\w+ly\s+)?[a-z]{3,}ing\b)))\s+"
        r"(?:(?:on\s+\w+day|yesterday|today)\s+(?:for|on|upon)\b|(?:for|on|upon)\b"
        r"(?!\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d)))",
        "call",
    ),
    _rule(r"\burg(?:e|es|ed|ing)\b", "urg"),
    _rule(r"\b(?:instruct|exhort)(?:s|ed|ing)?\b", "instruct", "exhort"),
    _rule(r"\bdemand(?:ed|ing)\b|\bdemands\s+that\b", "demand"),
    _rule(r"\bappeal(?:s|ed)?\s+to\b(?=(?:\s+\S+){1,8}?\s+to\s+\w)", "appeal"),
    # "asked X to", "required X to", "encouraged X to": an addressee and an action.
    _rule(
        # Verb forms only: "new orders", "bid-ask spreads" and "requests" are nouns.
        # "will ask to update" has no addressee: the asker acts. "efforts to encourage
        # all sides to ...": an infinitive describes someone's efforts, it asks nothing.
        # "asked for input to revise their plans" asks for something, of no one.
        # "a new system for mobilizing the resources to achieve ...": a gerund after a
        # preposition names a means, it asks no one.
        r"(?<!-)(?<!to )(?<!\bfor )(?<!\bof )(?<!\bby )(?<!\bin )\b"
        r"(?:ask(?:ed|ing)?(?<!\bask)(?!\s+for\b)|asks?(?!\s+to\b|\s+for\b)|direct(?:s|ed|ing)|ordered|request(?:ed|ing)|"
        r"requir(?:e|es|ed|ing)|encourag(?:e|es|ed|ing)|mandat(?:es|ed|ing)|entrust(?:s|ed|ing)?|"
        r"mobili[sz](?:e|es|ed|ing)|tell(?:s|ing)?|told|tasked|invit(?:e|es|ed|ing)|advised)\b"
        r"(?=(?:\s+[\w'’\-]+){0,8}?\s+to\s+(?!the\b|a\b|an\b|its\b|their\b|\d)\w)",
        "ask", "direct", "order", "request", "requir", "encourag", "mandat", "entrust", "mobili",
        "tell", "told", "task", "invit", "advis",
    ),
    _rule(r"\bencouraged\s+to\b", "encouraged"),
    _rule(r"\b(?:ordered|demanded|required|requested|directed)\s+that\b", "ordered", "demanded", "required", "requested", "directed"),
    # "The meeting requires that ...": the present tense, said of the meeting or a leader
    # ("the law requires that ..." states a standing rule).
    _rule(r"\b(?:meeting|session|conference|plenum|he|she)\s+(?:also\s+|further\s+)?(?P<trigger>(?:requires|requests|orders|directs)\s+that)\b",
          "requires", "requests", "orders", "directs"),
    # "The meeting asked for more efforts to ...": the act is named by its efforts ("asked
    # for input" asks for something, of no one).
    _rule(r"\b(?P<trigger>ask(?:s|ed)?\s+for)\s+(?:\w+\s+){0,3}?(?:efforts?|measures|steps|action)\s+to\b", "ask"),
    # "stressed the need to", "discussed the need to", "underlined the imperative to".
    _rule(
        r"\b" + _REPORTING + r"\s+(?:(?:once\s+)?again\s+)?(?:the\s+|a\s+)?(?:urgent\s+|pressing\s+|great\s+|full\s+|"
        r"effective\s+|thorough\s+|strict\s+|comprehensive\s+|faithful\s+)?"
        r"(?:need|needs|necessity|imperative|urgency|implementation|requirement)\s*(?:to|of|for|that)\b"
        # "underlined the efforts to earnestly study and implement ...": the act the
        # efforts are for.
        # Only after a verb of stress: "discussed ongoing efforts to secure ..." reports a
        # conversation about what is being done.
        r"|\b(?:stress|emphasi[sz]|highlight|underlin|underscor|reiterat)\w*\s+(?:the\s+)?(?:\w+\s+)?efforts?\s+to\s+(?!date\b)(?:\w+ly\s+)?[a-z]{3,}\b",
        "need", "necessity", "imperative", "urgency", "implementation", "requirement", "effort",
    ),
    # "stressed the importance of improving ...", "... of ecological protection": the
    # importance of an act. "reaffirmed the importance of the alliance" values a thing,
    # and asks for nothing.
    _rule(
        r"\b" + _REPORTING + r"\s+(?:(?:once\s+)?again\s+)?(?:the\s+|a\s+)?(?:great\s+|particular\s+)?"
        r"(?:importance|significance)(?:\s+[\w,]+){0,4}?\s+of\b" + IMPORTANT_ACT,
        "importance", "significance",
    ),
    # "stressed proper use of the fund", "emphasized full implementation of ...": a verb
    # of stress whose object is an act named by its noun, with no article.
    _rule(
        r"\b(?:stress(?:ed|es|ing)|emphasi[sz](?:ed|es|ing)|highlight(?:ed|s|ing)|underlin(?:ed|es|ing)|"
        # ("stressed further study, research, publicity and implementation of ...": a list.)
        r"underscor(?:ed|es|ing))\s+(?:[a-z\-]+\s+)?(?:[a-z\-]+(?:,\s+(?:and\s+)?|\s+and\s+)){0,5}"
        r"(?:[a-z]{3,}(?:tion|ment)|use|enforcement|study)\s+of\b",
        "stress", "emphasi", "highlight", "underlin", "underscor",
    ),
    # "stressed maintaining security", "emphasized strengthening ...", "advocated
    # strengthening ...", "put a strong focus on enhancing ...": a reporting verb followed
    # straight by the action carries a call whatever the noun.
    _rule(
        r"\b(?:stress(?:ed|es|ing)|emphasi[sz](?:ed|es|ing)|highlight(?:ed|s|ing)|advocat(?:ed|es|ing)|"
        r"underlin(?:ed|es|ing)|underscor(?:ed|es|ing)|reiterat(?:ed|es|ing)|"
        r"(?:put|puts|placed|places|laid|lays)\s+(?:a\s+|great\s+|special\s+)?(?:\w+\s+)?(?:focus|emphasis|stress)\s+on)\s+"
        r"(?!during\b|nothing\b|something\b|everything\b)(?:\w+ly\s+)?[a-z]{3,}ing\b",
        "stress", "emphasi", "highlight", "underlin", "underscor", "reiterat", "advocat", "focus on",
    ),
    # "Xi demands all-out efforts to ...", "the meeting demands that ...": the verb, after a
    # name or a body and before what is demanded ("the demands of the people" is a noun).
    _rule(r"(?:\b(?:he|she|it|meeting|session|conference|plenum|committee|council|government|leadership)|"
          r"(?<![\w’'])(?!(?-i:The|Their|These|Those|Its|His|Her|Our|Such|Other|Public|Popular)\b)(?-i:[A-Z][a-z]+))\s+"
          r"(?P<trigger>demands)\s+(?=(?:that|all|all-out|more|greater|further|strict|stricter|efforts|every|full|solid|"
          r"concrete|[a-z\-]+\s+efforts)\b)", "demands"),
    # The passive of stress: "the construction of a safe transport system was emphasized",
    # "the importance of enhancing ... and accelerating ... were discussed" (a discussed
    # development is the agenda; a discussed importance of an act is a call).
    _rule(r"^\W*(?:\w+ly,?\s+|also,?\s+)?(?:the\s+)?(?:(?P<importance>(?:importance|necessity)\s+of\s+(?:\w+ly\s+)?[a-z]{3,}ing|"
          r"need\s+(?:to|for)\s+[a-z]+)|[a-z]{3,}(?:tion|ment)\s+of)\b[^;]{0,250}?\b(?:was|were|is|are)\s+(?:also\s+|further\s+)?"
          r"(?P<trigger>(?(importance)discussed|(?!))|emphasi[sz]ed|stressed|highlighted|underlined|underscored)\b",
          "discussed", "emphasi", "stressed", "highlighted", "underlined", "underscored"),
    # "The mayor required, to firmly establish ...": a demand whose acts follow a comma
    # or colon (not "as required, to ..." nor "if requested, ...").
    _rule(r"(?<!\bas )(?<!\bif )(?<!\bwhen )(?<!\bwhere )(?<!\bunless )(?<!\bthan )\b"
          r"(?P<trigger>required|requested|demanded|urged|instructed)\s*[,:]\s*(?:to\s+)?(?:(?:\w+ly|further|also)\s+)?(?:" + _VERB_ALT + r")\b",
          "required", "requested", "demanded", "urged", "instructed"),
]

# --- task: commitments, plans and commands, with no modal ---------------------------
TASK: list[Rule] = [
    _rule(r"\bwe\s+will\b", "will"),
    # Not the participle: "firms striving for savings".
    _rule(r"\b(?:striv(?:e|es)|(?:^|(?<=keep )|(?<=continue )|(?<=by ))striving)\s+(?:to|for)\b", "striv"),
    _rule(r"\bmak(?:e|es|ing)\s+(?:every|all-out|greater|further|more|unremitting|great|solid|concerted)\s+efforts?\s+to\b", "effort"),
    # "will promote ...", "will continue to deepen ...": but "conditions will improve"
    # and "growth will continue to slow" are forecasts, so the verb must take an object.
    _rule(
        # "This will increase memory use": the effect of a thing, foreseen, not a plan.
        r"(?<!\bthis )(?<!\bthat )(?<!\bit )(?<!\bwhich )"
        r"\bwill\s+" + _ADVERBS + r"{0,2}(?:continue\s+to\s+" + _ADVERBS + r"?)?"
        r"(?!continue\b)(?:" + _VERB_ALT + r")\b(?!\s*[,.;:)]|\s*$|\s+(?:" + _INTRANSITIVE + r")\b)",
        "will",
    ),
    # Planned measures: "will be stepped up", "will be submitted", "will remain in place".
    _rule(
        r"\bwill\s+" + _ADVERBS + r"{0,2}(?:be|remain)\s+" + _ADVERBS + r"{0,2}(?:" + _PART_ALT + r")\b"
        r"(?:\s+(?:up|out|down\s+on|down|forward|in\s+place)\b)?",
        "will",
    ),
    _rule(r"\bwill\s+(?:also\s+)?(?:remain|stay)\s+in\s+(?:place|force|effect)\b", "will"),
    _rule(r"\bwill\s+(?:also\s+)?be\s+(?:\w+ly\s+)?(?:held\s+(?:accountable|responsible|liable)|dealt\s+with)\b", "will"),
    _rule(r"\bwill\s+(?:also\s+)?be\s+(?:the\s+)?(?:top\s+|first\s+|main\s+)?priorit(?:y|ies)\b", "will"),
    _rule(
        # Not "plans to": usually the noun ("discussed plans to publish").
        # "committed to a partnership" is to a thing, not an act.
        r"\b(?:decided|agreed|resolved|pledged|vowed|determined|committed(?=\s+to\s+(?!(?:a|an|the|its|their|our|his|"
        # ("decided to approve the plan" is the meeting's vote on a document, not a measure.)
        r"her|this|these|those|such|continued|strong|full|shared)\b)))\s+to\b(?=\s+(?!be\b|approve\b|adopt\b|endorse\b|ratify\b)\w)",
        "decided", "agreed", "resolved", "pledged", "vowed", "committed", "determined",
    ),
    # "made arrangements to clear overdue payments", "... for actions to clear ...": a
    # measure; "made arrangements for the work of the year" is the agenda (研究部署…工作).
    _rule(r"\bmade\s+(?:\w+\s+)?arrangements\s+(?:for\s+(?:[\w\-]+\s+){0,4}?)?to\b(?=\s+(?!the\b|a\b|an\b)[a-z])", "arrangements"),
    # "China is ready to work with all parties", "stands ready to": a commitment offered.
    _rule(r"\b(?:is|are|stands?|remains?)\s+(?:\w+ly\s+|also\s+)?ready\s+to\b(?=\s+(?!be\b)[a-z])", "ready"),
    # "Targeted measures are to be taken": a measure planned, as "will be taken" is; but
    # "Nothing is to be done about the fence" plans nothing.
    _rule(r"\b(?<!nothing\s)(?<!nobody\s)(?<!no\sone\s)(?<!none\s)(?:is|are)\s+(?:also\s+)?to\s+be\s+(?:\w+ly\s+)?(?:" + _PART_ALT + r")\b", "to be"),
    _rule(r"\b(?:the|its|their|[\w’']+[’']s)\s+(?:aim|goal|objective|purpose|target|plan|decision)\s+(?:is|was)\s+to\b",
          *(f"{noun} {verb}" for noun in ("aim", "goal", "objective", "purpose", "target", "plan", "decision") for verb in ("is", "was"))),
    # "The city aims to ..." is a plan of the body; "the measure aims to ..." describes a
    # document, and "the regulation, which aims to ..." describes in a relative clause.
    _rule(
        r"\b(?!(?:which|that|who|plan|measure|policy|policies|regulation|guideline|document|law|rule|initiative|"
        r"program|programme|move|campaign|opinion|report|proposal|draft|decision|circular)s?\b)"
        r"[A-Za-z]+\s+(?:aims|aim|is\s+aiming|are\s+aiming|seeks|seek)\s+to\b",
        "aim", "seek",
    ),
    _rule(r"\bthere\s+(?:is|was)\s+a\s+(?:push|drive|plan|campaign)\s+to\b", "there"),
]
# The event itself ("held a meeting to study and implement ...", "presided over ...,
# thoroughly implementing ..."): a task trigger after these is the meeting's purpose.
EVENT = PATTERNS.compile(r"\b(?:held|convened|chaired|presided\s+over|hosted|attended|opened|met|spoke|dropped\s+by)\b", _I)
# "The forum will be held in June": plain future, not a planned measure.
PLAIN_FUTURE = PATTERNS.compile(
    r"\bwill\s+(?:also\s+)?be\s+(?:held|convened|hosted|attended|opened|closed|broadcast|televised|celebrated)\b"
    r"(?!\s+(?:accountable|responsible|liable))"
    # "will convene its plenary session in October", "we will hold a meeting tomorrow"
    r"|\bwill\s+(?:also\s+)?(?:hold|convene|host|attend|have)\s+(?:a|an|the|its|their|our|his|her)\s+"
    r"(?:[\w\-]+\s+){0,3}?(?:meeting|session|summit|conference|talks|call|plenum|congress|forum)s?\b"
    r"|\bwill\s+(?:also\s+)?(?:give|deliver|make|pay|attend|take)\s+(?:a|an|the|his|her)\s+(?:\w+\s+)?"
    r"(?:speech|address|report|statement|visit|trip|keynote|remarks|talk|tour|part)s?\b"
    # "The implementation of the project will certainly promote ...": an act named by its
    # noun as the subject foretells an effect; no one commits to anything ("the
    # government will promote" does; "the building will be accelerated" plans a measure).
    r"|^\W*(?:the|this|its|their|such\s+an?)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?!(?:government|department|management|settlement|parliament|commission|administration|authority|"
    r"committee|community|municipality|university|agency|conference)s?\b)[a-z]{3,}(?:tion|sion|ment|ance|ence)s?\b"
    r"[^,;:]{0,150}?\bwill\s+(?!(?:(?:\w+ly|also|further|still|then|soon)\s+)*(?:be|remain)\b)[^;]*",  # to the clause's end
    _I,
)

# Bare imperative at the head of the sentence, after any adverbs and a purpose clause
# ("To strengthen X, stabilize Y, ..."; "Vigorously improve ...").
IMPERATIVE_HEAD = PATTERNS.compile(
    r"[\"“‘']?(?:\(?\d{1,2}[.)]\s+|\([a-z]\)\s+)?(?:(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|fifth(?:ly)?|"
    r"finally|meanwhile|at\s+the\s+same\s+time|in\s+addition|also)\s*[,:]\s*)?"
    + _ADVERBS + r"{0,2}(?P<verb>" + _VERB_ALT + r")\b(?P<after>\s+\S+)?",
    _I,
)
# Or after an opening phrase of manner or basis ("According to the law of duty, ensure
# that ...", "With a unified leadership, fully implement ...", "In terms of reform,
# deepen ..."): the command follows its comma. The phrase itself triggers nothing.
PURPOSE_HEAD = PATTERNS.compile(
    r"^(?:(?:in\s+order\s+)?to\s+" + _ADVERBS + r"?(?:" + _VERB_ALT + r")\b[^,;]{0,200}?"
    r"|(?P<intro>(?:according\s+to|in\s+(?:terms\s+of|line\s+with|accordance\s+with|light\s+of)|based\s+on|"
    r"guided\s+by|as\s+for|with|under|on|in|for|through|by|during)\b[^,;:]{3,100}?)),\s*",
    _I,
)
# After a verb-looking first word, these show it was a noun ("Support for ...").
NOUN_FOLLOWERS = frozenset(
    "of for in is are was were has have had will would can could may might from and 's ’s".split()
    # A finite verb of report after the first word: "Study shows that ...".
    + "shows showed says said finds found suggests suggested indicates indicated reveals revealed".split()
)

# Publisher furniture, never directives even when imperative in form.
BOILERPLATE = PATTERNS.compile(
    r"^\s*\(?\s*(?:web\s+editor|editor|source|photo|reporter|translator|print|e-?mail|share|"
    r"bookmark|go\s+to\s+forum|adjust\s+font|release\s+date|for\s+the\s+latest|follow\s+us|"
    r"click|read\s+more|related|enditem|home\s+»|by\s+admin|\d+\s+comment)",
    _I,
)
# A quoted title of a document, slogan or campaign: its words are not the readout's.
QUOTED = PATTERNS.compile(r"[\"“]([^\"“”]{1,200})[\"”]")

"""Directives found by grammar, for minutes, communiqués and leaders' readouts.

directive_rules.py holds the vocabulary of readouts. The kinds of report added since
(board and council minutes, central-bank minutes, communiqués, open-source meeting
notes) prescribe with the same three moves, but in other shapes, and a longer word
list does not catch them. These rules ask about the sentence instead:

- who is the subject of "will"? A person or body doing something ("Rich will start the
  thread", "the SC ... and will start a doc") is an action item, a task; an economic
  quantity ("inflation will settle") is a forecast, and no directive;
- is the modal negated or hypothetical ("should not be attached", "should one
  materialize", "likely need to")? Then it prescribes nothing;
- is the line an action item ("Rich to take action", "Treasurer: reconcile ...",
  "* Please review ...", a bullet that opens with a command)? Those rules, about the
  shape of a line of notes, are in directive_notes.py;
- does the body commit itself ("we pledge to", "their commitment to deepening ...",
  "volunteered to"), or renew a demand ("reiterated their call on ...")?

See ../shared/docs/directives.md, "Other kinds of meeting reports".
"""

from __future__ import annotations

import re

from minutesreader.core.directive_rules import ACTION_VERBS, IMPORTANT_ACT, Rule, longest_first
from minutesreader.core.pattern_cache import PATTERNS

_I = re.IGNORECASE

# Verbs that commands and action items use beyond those of readouts.
ITEM_VERBS = ACTION_VERBS | frozenset(
    """add amend answer approve arrange ask assist attend book chase offer sell bring call cancel check circulate
    close collect comment confirm contact convene draft email e-mail file find finish fix
    follow forward get help hire invite land look meet merge move notify open organise
    organize post prepare present propose reach read reconcile record reply report request
    respond review revise run schedule send share sign start submit summarise summarize
    talk test update vote wait work write""".split()
)

# The subject of "will" that acts: a person, a body, or "we".
AGENTS = frozenset(
    """we i he she they staff secretary secretariat chair chairman chairwoman chairperson
    president committee council board team group government administration department
    departments ministry ministries manager managers official officials member members
    leader leaders director directors treasurer clerk mayor sc tsc desk office minister
    ministers commission allies partners experts taskforce force authority authorities
    agency agencies bureau city county trustees governors police
    province municipality municipalities prefecture region district township town village country nation""".split()
)
# What a "will" after an agent may not be: a state, a forecast, a negation or a hedge;
# or what befalls a place ("the region will see more rain", "the city will welcome a
# million tourists").
_NOT_ACTS = frozenset(
    """be been being remain stay depend need seem appear rise fall decline grow slow
    improve expand happen like want know not never likely probably also have play
    there it you we they i he she this that
    see face welcome benefit become witness experience enjoy usher exceed total receive host suffer""".split()
)
_WILL = PATTERNS.compile(r"\b(?P<modal>will|’ll|'ll|would)\s+(?:(?:also|then|now|jointly|closely|carefully|further|continue\s+to|"
                   r"continue|soon|again|still|actively|always)\s+)*(?P<verb>[a-z][a-z\-]*)", _I)
_THAT = PATTERNS.compile(r"\bthat\b", _I)
_CONDITION = PATTERNS.compile(r"\b(?:if|unless|in\s+the\s+event|in\s+case)\b", _I)
_PROGRESSIVE = PATTERNS.compile(r"\s+[a-z]+ing\b")
_PASSIVE = PATTERNS.compile(r"\s+(?:\w+ly\s+)?[a-z]+(?:ed|en)\b")
_CLAUSE_START = PATTERNS.compile(r"[,;:(]|\b(?:and|but|while|as|because|that|so)\b", _I)
# A relative clause or an indirect question ("discussed how notes will be taken").
_RELATIVE = PATTERNS.compile(r"\b(?:which|whom|whose|where|how|whether|what|why)\b", _I)
_LEAD = PATTERNS.compile(r"[\s*•\-–\d.)(]*(?:the\s+|our\s+|its\s+|their\s+)?(?P<head>[\w\-]+)(?:\s+(?P<next>[\w\-]+))?", _I)


def in_relative_clause(text: str, at: int) -> bool:
    """Whether `at` lies in a relative clause ("..., through which officials will build")."""
    before = text[:at]
    return _RELATIVE.search(before, before.rfind(",") + 1) is not None


def _agent(word: str) -> bool:
    """A name ("Rich", "Boyles") or an acronym of a body ("EU", "NATO")."""
    if word.lower() in _THINGS:
        return False  # "This would provide the opportunity": a thing, foreseen
    return (word[:1].isupper() and word[1:].islower() and len(word) > 2) or (word.isupper() and 2 <= len(word) <= 5)


_THINGS = frozenset("this that these those there it which what".split())


def _acting_noun(word: str) -> bool:
    lower = word.lower()
    return lower in AGENTS or lower.endswith("s") and lower[:-1] in AGENTS


def agent_will(text: str) -> tuple[int, int] | None:
    """'X will do ...' where X acts: the span of 'will' and its verb."""
    for found in _WILL.finditer(text):
        verb = found.group("verb").lower()
        # "Barry would write the draft": reported, with the act right after "would";
        # "would likely reduce", "would be appropriate" are hypotheses.
        reported = found.group("modal").lower() == "would"
        # Only in a main clause: "expected that real GDP would advance", "announced that
        # the Treasury would establish" report a forecast or another body's plan.
        if reported and (verb not in ITEM_VERBS or verb == "meet" or found.end("modal") + 1 != found.start("verb")
                         or _CONDITION.search(text) or _THAT.search(text, 0, found.start())):
            continue
        # "will be onboarding Jiawen": a plan, as "will onboard" would be.
        progressive = verb == "be" and _PROGRESSIVE.match(text, found.end()) is not None
        before = text[:found.start()].rstrip()
        # "- Will relay each post", "Will be turned into a PR": with no subject, the
        # notes' own body acts ("Will teams serve as ...": a noun after "will" asks).
        if not before.strip("*•-–# ") and not reported and (
            verb not in _NOT_ACTS and not (verb.endswith("s") and not verb.endswith(("ss", "us")))
            or verb == "be" and (progressive or _PASSIVE.match(text, found.end()))
        ):
            return found.start(), found.end()
        if verb in _NOT_ACTS and not progressive:
            continue
        boundary = max((m.end() for m in _CLAUSE_START.finditer(before)), default=0)
        clause = before[boundary:].split()
        if in_relative_clause(text, found.start()):
            continue  # "..., through which officials will build ...": describes, assigns nothing
        if clause:
            # "Our experts and senior officials will ...": the head noun before "will".
            # "Robin/Kate will share": names joined by a slash.
            subject = clause[-1].strip("’'").removesuffix("’ll").removesuffix("'ll").split("/")[-1]
            if _acting_noun(subject) and not reported:
                return found.start(), found.end()
            # A name acts when its verb is an act ("Rich will start"); "Tourism will
            # play a role" is a forecast.
            if _agent(subject) and (verb in ITEM_VERBS or progressive) and not (reported and subject.isupper()):
                return found.start(), found.end()
            continue
        if re.search(r"\b(?:that|which|who|as|because|while|so)\s*$", before[:boundary], _I):
            continue  # "in a manner that will warrant ...": a relative or other clause
        # "..., and will start a doc": the subject is the sentence's own, or the note's
        # after its last bullet ("* http2: ... * Anatoli was there and will review").
        bullet = max(text.rfind("* ", 0, found.start()), text.rfind("• ", 0, found.start()))
        lead = _LEAD.match(text, bullet + 2 if bullet >= 0 else 0)
        if lead and not reported and (_agent(lead.group("head")) or _acting_noun(lead.group("head"))):
            return found.start(), found.end()
        # "* No objections, will land by end of week": an item of notes whose clause has
        # no subject of its own after a comma; the notes' body acts.
        if (not reported and before.endswith(",") and _NOTE_ITEM.match(text) and verb not in _NOT_ACTS
                and not (verb.endswith("s") and not verb.endswith(("ss", "us")))):
            return found.start(), found.end()
    return None


_NOTE_ITEM = PATTERNS.compile(r"\s*(?:[*•\-–]|\[[ xX]\])\s")


def _r(pattern: str, *gate: str) -> Rule:
    return PATTERNS.compile(pattern, _I), gate


ITEM_ALT = longest_first(ITEM_VERBS)
# A gerund that heads an item ("strengthening the inspection"), not a preposition or noun
# in -ing ("during", "including", "meeting"); in lower case, as the acts of a sentence are
# ("Planning applications; Housing" are the headings of minutes).
GERUND = (r"(?!(?:during|according|including|following|regarding|concerning|nothing|something|anything|everything|"
          r"morning|evening|meeting|being|spring)\b)(?-i:[a-z]{3,}ing)")
ORDINAL = r"(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|fifth(?:ly)?|sixth|seventh|eighth|ninth|tenth|finally|lastly)"
# What "would like to" is said of when it offers nothing ("would like to thank").
NOT_OFFERED = r"(?:see|know|hear|thank|have|be|express|take|note)"
# Words of grammar that may open a line before a determiner and are no verb.
GRAMMAR_ALT = "|".join("""about above across after against along among around as at before behind below beside
    besides between beyond but by despite during except for from in inside into like near of off on onto out over
    past per since than through throughout till to toward towards under unlike until up upon via with within without
    and or nor so yet also then now just only even still again all both each every either neither no not any some
    many much more most few less other another such what which who whom whose when where why how whether if unless
    because although though while once here there this that these those it its we they you he she i me us them my
    your our their his her is are was were be been am do does did have has had can could may might must shall should
    will would thanks thank re next last first second third finally however therefore today tomorrow yesterday note
    see please let ok okay yes maybe perhaps probably possibly""".split())
# Past tenses without "-ed", which report and never command ("– comprising MIKTA – held
# the meeting": a dash that closes an aside, not a bullet). Forms that are also the base
# form (read, put, set, cut, let) are left out.
IRREGULAR_PAST_ALT = "|".join("""held made took met gave said told led kept saw found brought sent spent began went
    came got wrote ran won sat stood left lost paid felt thought bought built heard knew chose drew drove fell
    flew grew hid laid meant rode rose sold shook shot spoke stole struck swore taught threw understood woke
    wore became""".split())
# A bullet, or a check box of a to-do list ("* [x] Update the board", "[ ] Book the room").
BULLET = r"(?:^|(?<=\s))(?:(?:[*•]|[-–](?=\s))\s+(?:\[[ xX]\]\s+)?|\[[ xX]\]\s+)"

TASK: list[Rule] = [
    # Commitments of the body: "we pledge to ...", "we commit to promoting ...".
    _r(r"\b(?:we|they|leaders|members|ministers|allies|partners|governments)\s+(?:\w+ly\s+|also\s+|all\s+|together\s+)?"
       r"(?:pledge|commit|undertake|resolve|vow|promise|endeavou?r)\s+(?:ourselves\s+|themselves\s+)?to\b",
       "pledge ", "commit ", "undertake ", "resolve ", "vow ", "promise ", "endeavo"),
    _r(r"\bcommitted\s+(?:themselves|ourselves|himself|herself|itself)\s+to\b", "committed"),
    # "reaffirmed their commitment to deepening ...", "his determination to win": a
    # commitment to an act, not to a thing ("commitment to ASEAN centrality").
    # An infinitive is known by its object: "to bolster our", "to protect the".
    _r(r"\b(?:reaffirm|reiterat|affirm|underscor|emphasi[sz]|stress|renew|restat|confirm|united\s+in|express)\w*"
       r"(?:[^.;]|\.(?=\S)|(?<=[A-Z])\.){0,60}?\b(?P<trigger>(?:commitment|determination|resolve|pledge))\s+(?:of\s+(?:[\w.\-]+\s+){1,4}?)?(?:to|in|for)\s+"
       r"(?:\w+ly\s+)?(?:\w+ing\b|(?:" + ITEM_ALT + r")\b|[a-z]+\s+(?=(?:the|our|their|its|a|an|all|this|these|those|his|her)\b)"
       # "their commitment for its full implementation": the act named by its noun.
       r"|(?:the|its|their|our)\s+(?:\w+\s+)?implementation\b)",
       "commitment", "determination", "resolve", "pledge"),
    _r(r"\b(?:voted|volunteered|offered|undertook|promised|undertakes|undertake)\s+to\b(?=\s+(?!be\b)\w)",
       "voted", "volunteer", "offered", "undert", "promised"),
    # "agreed that they would monitor ...", reported decisions with "would"; an opening
    # phrase ("agreed that in determining the pace of its purchases, it would, as always,
    # take account of ...") and an aside after the modal leave the decision as it is.
    _r(r"\b(?:agreed|decided|resolved)\s+(?:that\s*(?:,\s*[^,.;]{1,40},|\s+(?:in|when|with|for|as|after|before)\s+[^.;]{1,100}?,)?\s+)?"
       r"(?:the\s+)?(?:they|we|it|he|she|[A-Z]\w+|committee|council|board|"
       r"secretary|staff|members)\s+(?P<trigger>(?:would|will|should)(?:\s*,\s*[^,.;]{1,30},)?\s+(?:\w+ly\s+)?(?:" + ITEM_ALT + r"))\b",
       "agreed", "decided", "resolved"),
    # "Staff said they would put the changes on the agenda": a commitment reported, with
    # the act right after "would" (not "said growth would slow").
    _r(r"\b(?:said|stated|indicated|confirmed|undertook)\s+(?:that\s+)?(?:they|we|he|she)\s+(?P<trigger>would\s+"
       r"(?!(?:be|have|not|like|need|prefer|rather|probably|likely)\b)[a-z]+(?<!ly))\b",
       "said", "stated", "indicated", "confirmed", "undertook"),
    # "the board agreed on the outline: schedule a work session, hold ...": the
    # decision's actions after a colon.
    _r(r"\b(?:agreed|decided|resolved)\b[^.;:]{0,80}:\s*(?P<trigger>(?:" + ITEM_ALT + r"))\b", "agreed", "decided", "resolved"),
    # "set out five tasks for next year: (1) firmly ensuring food security; (2) ...": a
    # numbered list of acts after a colon is the body's programme (a list of reports,
    # "(1) a report on ...", names no act).
    _r(r"[:：]\s*(?:\(\s*(?:1|i|a)\s*\)|\b(?:1|i|a)[.)])\s*(?:\w+ly\s+)?(?P<trigger>(?:" + ITEM_ALT + r")\b|[a-z]{3,}ing\b)"
       r"(?=[^.]*?(?:\(\s*(?:2|ii|b)\s*\)|\b(?:2|ii|b)[.)]))",
       "1)", "1.", "i)", "i.", "a)", "a."),
    # "set out the tasks: stabilizing growth; expanding demand; and ...": a series of acts
    # after a colon, one an item, with no numbers.
    _r(r"[:：]\s*(?:\w+ly\s+)?(?P<trigger>(?:" + ITEM_ALT + r")|" + GERUND + r")\b[^;.]{3,}?;\s*(?:and\s+)?(?:\w+ly\s+)?"
       r"(?:(?:" + ITEM_ALT + r")|" + GERUND + r")\b", ";"),
    # "First, to strengthen the leadership ...", "Third, strengthening the inspection of
    # dikes": an item of a programme, an infinitive or a gerund after its ordinal.
    # (Not after a number: "4. To receive apologies", "5. Closing remarks" head an agenda.)
    _r(r"^\W*" + ORDINAL + r"\s*[,:]\s*(?:to\s+)?(?:\w+ly\s+){0,2}"
       r"(?P<trigger>(?:" + ITEM_ALT + r")|" + GERUND + r")\b(?!\s*[,.;:]|\s*$|\s+(?:of|for|is|are|was|were|has|have|will)\b)",
       "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "finally",
       "lastly"),
    # "Niko would like to stabilize the macro", "said they would be willing to prepare a
    # PR": an intention or an offer of a member (not "would like to thank").
    # ("People are willing to work on it" says how others feel, and offers nothing.)
    _r(r"\b(?P<trigger>(?:would\s+|[’']d\s+)(?:like|be\s+willing)\s+to)\s+(?!" + NOT_OFFERED + r"\b)[a-z]+", "like to", "willing"),
    _r(r"^[*•\-–]?\s*[\w\-]+\s+(?P<trigger>willing\s+to)\s+(?!" + NOT_OFFERED + r"\b)[a-z]+", "willing"),
    # "the Committee seeks conditions in reserve markets consistent with ...": what an
    # acting body seeks is its aim ("seeks to" is in directive_rules).
    _r(r"\b(?:" + longest_first(AGENTS) + r")s?\s+(?:also\s+|now\s+)?(?P<trigger>seeks?)\s+(?!to\b)[a-z]", "seek"),
    # "The meeting, the first since ..., assigned each of the 57 key tasks to ...": the
    # body's decided measure (asking someone to act is a call: "entrusted X to do").
    _r(r"\b(?:meeting|session|" + longest_first(AGENTS) + r")s?(?:,[^,.;]{1,150},)?\s+(?:also\s+|then\s+)?"
       r"(?P<trigger>assigned|allocated|delegated)\s+(?!to\b)[a-z]", "assigned", "allocated", "delegated"),
    # "the provincial government plans to make use of ...": a plan with an acting body as
    # its subject (after a determiner and no verb, or as a pronoun), not the noun
    # ("discussed government plans to"),
    # nor an indirect question ("how they plan to collaborate").
    _r(r"(?:\b(?:the|its|our|their|this)\s+(?:(?![\w\-]+ed\s)[\w\-]+\s+){0,2}?(?:" + longest_first(AGENTS) + r")s?|"
       r"(?<!how )(?<!what )(?<!whether )(?<!why )(?<!where )(?<!when )\b(?:we|they|he|she))"
       r"\s+(?:also\s+|now\s+|further\s+)?(?P<trigger>(?:plans|plan|planned|intends|intend|intended)\s+to)\s+(?!be\b)[a-z]",
       "plan", "intend"),
]

CALL: list[Rule] = [
    # "We would like to see a proposal that ...", "we'd like an RFC": the body asks for it.
    _r(r"\b(?:we|I)(?:\s+would|[’']d)\s+like\s+(?:to\s+see\s+)?(?:a|an|more|some)\b", "like"),
    # A renewed demand: "reiterated their call on ...", "reiterated their demand for ...".
    _r(r"\b(?:reiterat|reaffirm|renew|repeat)\w*\s+(?:its|their|his|her|our)\s+(?:\w+\s+)?"
       r"(?:call|calls|demand|demands|appeal|appeals)\b", "call", "demand", "appeal"),
    # "raised ... and the need to secure justice", "confirm the necessity of ...": a
    # reporting verb anywhere before the need (not one foreseen: "discussed the potential need to").
    _r(r"\b(?:stress|emphasi[sz]|highlight|underlin|underscor|reiterat|reaffirm|rais|discuss|agree|confirm|"
       r"recogni[sz]|acknowledg|concur|point(?:ed|s|ing)?\s+out|mention|express|share|recall|not(?=ed|es|ing))\w*\b[^.;]{0,120}?"
       r"\b(?P<trigger>(?:the|an?)\s+(?:(?!(?:potential|possible|perceived|eventual)\b)\w+\s+){0,2}?"
       r"(?:need|necessity|imperative|urgency)\s+(?:to|for|of))\b",
       "need", "necessity", "imperative", "urgency"),
    # "agreed on the vital importance of holding the elections on time".
    # "emphasises the link ... as well as the importance of combating ..." (what counts as
    # an act: directive_rules.IMPORTANT_ACT).
    _r(r"\b(?:agree|concur|recogni[sz]|acknowledg|confirm|stress|emphasi[sz]|highlight|underlin|underscor|reiterat|"
       r"reaffirm|discuss|recall)\w*\b(?:[^.;](?!,\s+and\s+\w+ed\b)){0,80}?\b(?:the\s+)?(?:\w+\s+)?"
       r"(?P<trigger>(?:importance|significance)\s+of)\b" + IMPORTANT_ACT,
       "importance", "significance"),
    # "The meeting stressed the following points: implementing ...; improving ...": a
    # demand whose acts follow its colon.
    _r(r"\b(?:stress|emphasi[sz]|highlight|underlin|underscor|urg|requir|demand|call(?:ed|s)?\s+for)\w*\b[^.;:]{0,60}[:：]\s*"
       r"(?:\(?\w{1,3}[.)]\s*)?(?:\w+ly\s+)?(?P<trigger>(?:" + ITEM_ALT + r")|" + GERUND + r")\b",
       ":", "："),
    # Accounts write the call in the passive: "a strong call was made for unity", "a
    # plea was made for patience".
    _r(r"\b(?:call|calls|plea|pleas|appeal|appeals)\s+(?:was|were|had\s+been|has\s+been)\s+(?:\w+ly\s+)?made\s+(?:for|to)\b",
       "made for", "made to"),
    # "They requested the City assist their efforts": a request with a bare verb.
    _r(r"\b(?:requested|asked|urged)\s+(?:that\s+)?(?:the\s+)?(?!to\b)\w+\s+(?-i:" + ITEM_ALT + r")\b(?=\s+(?:the|their|its|our|a|an|all|his|her)\b)",
       "requested", "asked", "urged"),
]

OBLIGATION: list[Rule] = [
    # Notes state a need without "to": "We also need a prepared response", "Needs
    # further review from the council" (a line that opens with "Need").
    _r(r"(?:\b(?:we|they|you)\s+(?:also\s+|still\s+|really\s+|will\s+)?|^[\s*•\-–]*|,\s+)needs?\s+"
       r"(?:a|an|more|some|further|another|someone|help|input|volunteers?)\b"
       r"|^[\s*•\-–]*(?-i:Needs?)\s+(?!to\b)(?=[a-z])", "need"),
    # A prohibition, "These shouldn't be treated as goals"; and a note's "Should be
    # based on feedback" (not "Should conditions allow": a condition).
    _r(r"\b(?:should|must)n[’']t\b|^[\s*•\-–]*should\s+(?:not\s+)?be\b", "n't", "n’t", "should"),
    # "Our common goals require us to reckon with ...": a necessity laid on the speakers.
    _r(r"\brequires?\s+(?:us|them|you|all\s+of\s+us)\s+to\b", "requir"),
    # "is crucial", "the most important thing is to", "it is an urgent job to",
    # "the body's mission is to ensure".
    # (With a time between: "the most important thing at present is to ...".)
    _r(r"\b(?:the\s+)?(?:most\s+)?important\s+(?:thing|task|step)\s+(?:(?:at\s+present|now|for\s+now|currently|"
       r"this\s+year|next\s+year|going\s+forward|for\s+the\s+time\s+being)\s+)?(?:is|was)\s+(?:to|that)\b", "important"),
    _r(r"\bit\s+is\s+an?\s+(?:urgent|pressing|important|key|top)\s+(?:job|task|priority)\s+to\b", "job", "task", "priority"),
    # "it was regarded as important to form a consensus", "was seen as essential to".
    _r(r"\b(?:was|were|is|are)\s+(?:\w+ly\s+)?(?:regarded|considered|seen|deemed|viewed)\s+as\s+(?:\w+ly\s+)?"
       r"(?:important|essential|necessary|crucial|vital|imperative)\s+(?:to|that)\b", "regarded", "considered", "seen", "deemed", "viewed"),
    # "decided a broader discussion needed to happen": a duty in reported speech (not
    # "the elements needed to increase investment").
    _r(r"\b(?:decided|agreed|said|felt|judged|thought|concluded|noted|stressed|emphasi[sz]ed|believed)\b[^.;]{0,80}?"
       r"\b(?P<trigger>needed\s+to)\b", "needed"),
    # "judged it appropriate to replace ...", "agreed that a further reduction was
    # appropriate": a decision of what ought to be done (not "would be appropriate").
    _r(r"\b(?:judged|deemed|considered|found|thought)\s+it\s+(?:\w+ly\s+)?appropriate\s+to\b"
       r"|\b(?:agreed|judged|concluded)\s+that\b[^.;]{0,150}?\b(?P<trigger>(?:was|were|is|are)\s+(?:\w+ly\s+)?appropriate)\b",
       "appropriate"),
    # "the work of this government is to implement ...": a duty named as the subject and
    # an act as its complement (not the task of a meeting, which is its purpose).
    _r(r"\b(?:mission|duty|duties|responsibility|responsibilities|job|work)\s+"
       r"(?:(?:of|for)\s+(?!(?:[\w\-]+\s+){0,3}?(?:meeting|session|conference|visit|forum|talks|call)s?\b)(?:[\w\-’']+\s+){1,5}?)?"
       r"(?:is|was|are|were)\s+[\"“]?to\s+(?:\w+ly\s+)?(?:" + ITEM_ALT + r")\b",
       "mission", "dut", "responsib", "job", "work"),
]

# Modals that prescribe nothing: negated ("need not"; "should not" forbids, and stays),
# conditional
# ("..., should one materialize,") or hedged ("likely need to").
UNPRESCRIBED = PATTERNS.compile(
    r"\b(?:need|needs)\s+not\b|\bneedn[’']t\b"
    # "does not need to be revised", "don't need to": negated, it prescribes nothing.
    r"|\b(?:(?:do|does|did)\s+not|don[’']t|doesn[’']t|didn[’']t)\s+(?:\w+ly\s+)?(?:need|have)\s+to\b"
    # "PRs which really need to make it in": a property of the things named, not a duty.
    r"|\bwhich\s+(?:\w+ly\s+)?(?:need|needs)\s+to\b"
    r"|,\s*should\s+(?:one|it|they|there|this|that|these|those|such|any|further|growth|inflation|"
    r"prices|demand|conditions|circumstances|the\b)"
    r"|\b(?:likely|probably|perhaps|possibly|eventually)\s+(?:will\s+|would\s+)?(?:need|needs|have|has)\s+to\b"
    r"|\b(?:whether|how|what|(?:about|on|over|as\s+to|discussed|considered|decided|asked)\s+(?:which|who))\b(?:\s+or\s+not)?[^,.;]{0,60}?\b(?:should|must|needs?\s+to|ought\s+to)\b"
    # "Should be able to create a PR next week": an expectation.
    r"|\bshould\s+be\s+able\s+to\b"
    # A question ("should we consult PSIG?") and an ellipsis ("I don't think it should").
    r"|\b(?:should|must|shall)\s+(?:we|i|you|they|he|she|it)\b(?=[^.!]*\?)|\b(?:should|must)(?=\s*(?:[).,;]|$))"
    r"|(?:\b(?:may|might|could|would)\s+|[’']d\s+)(?:\w+ly\s+)?(?:have|need)\s+to\b|\b(?:no|not)\s+longer\s+needs?\s+to\b"
    r"|\b(?:(?:would|could|might|may)\s+(?:not\s+)?(?:\w+ly\s+)?|not\s+)be\s+(?:\w+ly\s+)?(?:needed|necessary|required)\b",
    _I,
)
# "Under the regulation, members should submit their reports annually": what a standing
# rule says, reported; the meeting prescribes nothing by it.
STANDING_RULE = PATTERNS.compile(
    r"^\W*under\s+(?:the|this|its|their|these|a|an)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:regulations?|rules?|by-?laws?|laws?|charter|constitution|statutes?|standing\s+orders|articles|treaty|agreement)\b"
    r"[^.;]*?\b(?:should|must|shall|(?:need|needs|have|has)\s+to)\b",
    _I,
)
# "inflation should decline", "lower energy costs should help": a forecast of a quantity.
# A passive with no agent is something to be done, not a forecast: "the work of production
# safety should be constantly watched", "adjustments to conditions should be intensified"
# (but "spending should be supported by rising incomes" foretells).
FORECAST_SHOULD = PATTERNS.compile(
    r"\b(?:inflation|growth|prices?|costs?|spending|demand|economy|activity|output|unemployment|employment|"
    r"rates?|yields?|conditions|wages|investment|exports|imports|productivity|consumption|production|sales|"
    r"expansion|recovery|outlook|effects?|factors|developments|pressures?|slack|shortfall|gap)"
    r"\s+(?:[a-z]+\s+){0,2}?(?P<modal>should)\b"
    r"(?!\s+be\s+(?:\w+ly\s+)?[a-z]{3,}(?:ed|en)\b(?!\s+(?:\w+ly\s+)?by\b))",
    _I,
)
# Commands of notes that readouts never open with ("Check out the repo and open issues
# there"); words that are as often nouns at the head of a line (report, post, vote,
# record, test) are left out.
COMMAND_HEAD = PATTERNS.compile(
    r"(?:(?:\w+ly|also|then|now|just|only)\s+)?(?P<verb>"
    + "|".join(sorted(
        """check read send review circulate contact forward reply share sign schedule update email
        draft prepare write wait add fix notify confirm book invite revise reconcile summarise summarize
        answer amend attend bring finish organise organize arrange collect chase use""".split(), key=len, reverse=True))
    + r")\b(?P<after>\s+\S+)?",
    _I,
)
# "Lower energy costs should help ...": a finite verb right after a verb-looking first
# word shows that word was an adjective or a noun, not a command.
# ("Ensure that all villages have ...": a verb after "that" is the clause's, not the head's.)
OWN_VERB_SOON = PATTERNS.compile(r"\S+(?:\s+(?!that\b)\S+){0,3}?\s+(?:should|will|would|could|may|might|must|can|is|are|was|were|has|have|had)\b", _I)
# Plural nouns that show a verb-looking first word is a noun ("Advance data on ...").
NOUN_AFTER_VERB = frozenset(
    "data figures estimates reports indicators readings releases orders notice notices results payments".split()
)
# The heading of a list of actions in notes: "## Action items", "Next steps:".
ACTION_HEADING = PATTERNS.compile(r"^[\s#*_]*(?:action\s+(?:items?|points?)|actions|next\s+steps|to-?dos?)[\s*_]*:?\s*$", _I)
# A lead-in that breaks off at a relative pronoun for its list to finish: "We would like
# to see a proposal that" (not "a meeting with the fellows about that").
BROKEN_OFF = PATTERNS.compile(r"\b(?:a|an|the|some|any)\s+(?:[\w\-]+\s+){0,3}?(?!(?:" + GRAMMAR_ALT + r")\s)[\w\-]+\s+(?:that|which|who)\s*$", _I)
# A lead-in to alternatives: "The Mayor has three options:", "Possible choices:".
ALTERNATIVES = PATTERNS.compile(r"\b(?:options|alternatives|choices|possibilities|scenarios)\b[^.;]{0,40}[:：]\s*$", _I)
# A list item: "(i) share the data;", "a) address ...", "- fund the registry".
LIST_ITEM = PATTERNS.compile(r"^(?:\(?(?:[ivx]{1,4}|[a-z]|\d{1,2})[.)]|[*•\-–])\s+(?P<word>[\w’'\-]+)", _I)

# "called for by the Chair", "asked to vote": the procedure of the meeting itself;
# "results were encouraging": an assessment; "might be required to": a possibility.
PROCEDURE = PATTERNS.compile(
    r"\b(?:were|was|is|are|been|be|very|most|more|quite|highly|particularly)\s+encouraging\b"
    r"|\bencouraging\s+(?:signs?|results?|news|progress|data|developments?|trends?|figures|start|performance)\b"
    r"|\b(?:directive|statement|resolution|plan|document|report|law|bill|agreement|proposal|draft)s?\s+(?:that|which)\s+"
    r"call(?:s|ed)?\s+for\b"
    r"|\b(?:may|might|could|would)\s+(?:not\s+)?(?:\w+ly\s+)?be\s+(?:required|asked|invited|encouraged|urged|directed)\b"
    r"|\b(?:requested|asked\s+for)\s+(?:the\s+)?(?:addition|removal|inclusion)\s+of\b"
    r"|\bcalled\s+for\s+by\b|\b(?:asked|invited)\s+to\s+(?:vote|adopt|approve|receive|elect|consider|note|"
    r"introduce\s+themselves|highlight)\b"
    # "were invited to attend the meeting": who came, the event itself.
    r"|\binvited\s+to\s+(?:attend|observe|sit\s+in\s+on|be\s+present\s+at)\s+(?:the|this)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:meeting|session|conference|event|forum|ceremony|plenum)\b",
    _I,
)
# A command verb in capitals opens a heading ("ROLL CALL Mayor ..."), not a command.
SHOUTED = PATTERNS.compile(r"^\W*[A-Z]{2,}\b")

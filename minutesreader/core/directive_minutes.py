"""Directives in the minutes of boards, councils, clubs and steering groups.

Minutes say who is to do what in shapes of their own, written in the third person and
often in the past: a numbered action point ("3. Food group to organise the screening",
"2.2.2 Action: NB to follow up with MW"), a duty with "is to" ("Heather is to ask for a
quote"), an agreement reported in the passive ("It was agreed that the chairs would
report new members"), an officer's next step in reported speech ("The Clerk would meet
with the Mayor"), a request with a bare verb ("The Council requested staff explore
options"), a decision in its set phrase ("RESOLVED that the Council purchase a bench"),
a measure in the passive ("A letter will be sent to the owner"). directive_notes.py reads
the bullets of working-group notes; these rules read the numbered, reported prose of
minutes. Also here: what in minutes looks like a directive and is none ("the Fellows
don't need to be part of it", "It was resolved to approve the minutes", "This report
... asks Members to consider ...", "- Do we want to support plugins", "he asked when the
work would start", "the club has requested permission to travel", "these purchases will
increase the holdings", "5. Open forum for residents").
"""

from __future__ import annotations

import re

from minutesreader.core.directive_grammar import BULLET, GRAMMAR_ALT, ITEM_ALT
from minutesreader.core.directive_notes import DETERMINERS, NUMBER
from minutesreader.core.directive_rules import Rule
from minutesreader.core.pattern_cache import PATTERNS

_I = re.IGNORECASE


def _r(pattern: str, *gate: str) -> Rule:
    return PATTERNS.compile(pattern, _I), gate


# Who acts: a name, initials or a role, or a few joined ("Belinda and Spencer", "Anne,
# Mel and Kelda", "Food group", "WG Chairs", "All councillors", "Members"), or GitHub
# handles ("@jane", "@bob and @amy"). Case-sensitive: names are capitalised. Not
# a verb that opens a line of notes ("- Wanted to highlight", "Called to order",
# "- Wants to write").
_WHO = (r"(?:@[\w\-]+(?:\s*(?:,|and|&|/)\s*@[\w\-]+)*|"
        r"(?-i:(?!(?![A-Z][a-z]*(?:ers|ors|ees|ves|ists|ians)\b)[A-Z][a-z]*(?:[a-z]{2}ed|ing|[^se]s)\b)(?!(?:It|This|That|There|What|Which|Who|Motion|Proposal|Decision|Item|Items|Update|Report|"
        r"Minutes|Apologies|Request|Response|Application|Nothing|Plan|Plans|Aim|Goal|Time|Priority|Purpose|Objective|"
        r"Intention|Idea|Focus|Task|Mission|Key|Point|Question|Issue|Problem|Challenge|Hope|Next|First|Welcome|Thanks|"
        r"Thank|Reply|Changes|Amendments|Introduction|Comments|Return|Move|Access|Visit|Answer|Reference|Subject|Due|"
        r"Up|Back|Close|Similar|Related|Prior|According|Want|Need|Ready|Something|Happy|Able|Going|Trying|How|Where|"
        r"Why|When|Way|Ways|Attempt|Effort|Reason|Vote|Votes)\b)"
        r"[A-Z][\w.\-]*(?:\s+(?:[A-Z][\w.\-]*|group|team|committee|members|staff|councillors|officers|trustees|directors|"
        r"volunteers|residents))?"
        r"(?:\s*(?:,|and|&)\s*[A-Z][\w.\-]*)*))")

TASK: list[Rule] = [
    # An action point, numbered or not: "5. Belinda to confirm cycling workshop", "2.2.2
    # Action: NB to follow up with MW", "Parish Clerk to write to Mr Fairweather". Any verb
    # will do after "to" (not a determiner: "Welcome to our new member" is a preposition),
    # as long as no finite verb follows ("4. Proposal to review the fees was withdrawn"
    # reports). "to" and its verb in lower case: "6. CLERK TO GIVE UPDATE" is an agenda
    # heading.
    _r(r"^(?:" + BULLET + r"|\s*" + NUMBER + r")?(?:(?-i:Action|ACTION|AI)(?:\s+points?)?\s*:\s*)?" + _WHO +
       r"\s+(?P<trigger>(?-i:to\s+(?!(?:be|" + DETERMINERS + r")\b)[a-z]+))\b"
       r"(?![^.;]*\b(?:is|are|was|were|has|have|had)\b)", " to "),
    # "- Mark scribe, Ryan to facilitate": the last of a line's roles, after a comma.
    _r(r",\s+" + _WHO + r"\s+(?P<trigger>(?-i:to\s+(?!(?:be|" + DETERMINERS + r")\b)[a-z]+))\s*$", " to "),
    # "Heather is to ask Gary Baker for the quote", "The Clerk is to write to the owner":
    # a duty given to someone ("The aim is to ..." names no one).
    _r(r"^(?:" + BULLET + r"|\s*" + NUMBER + r")?(?:the\s+)?" + _WHO +
       r"\s+(?P<trigger>(?:is|are)\s+to)\s+(?!be\s+(?:held|found|seen|noted|expected)\b)[a-z]+", " is to", " are to"),
    # "The executor is to distribute the funds", "the working group is to report back": a
    # duty given to an agent named by a noun of agents, in lower case.
    _r(r"^(?:" + BULLET + r"|\s*" + NUMBER + r")?(?:the|each|every|all|our)\s+(?:[a-z\-]+\s+){0,2}?"
       r"(?:[a-z]+(?:or|er|ee|ary|ant|ist)s?|group|committee|council|board|staff|team|panel|secretariat|commission|"
       r"department|authority|force|chair|members|body)\s+"
       r"(?P<trigger>(?:is|are)\s+to)\s+(?!be\s+(?:held|found|seen|noted|expected)\b)(?!(?:" + DETERMINERS + r")\b)[a-z]+",
       " is to", " are to"),
    # "It was proposed, seconded and agreed that the Clerk write to the owner", "RESOLVED
    # that the Council purchase a bench": a decision with its verb in the subjunctive.
    _r(r"\b(?P<trigger>(?:agreed|resolved|decided|(?-i:RESOLVED|AGREED))\s*[:–—-]?\s*(?-i:that|That|THAT))\s+"
       r"(?:the\s+\w+(?:\s+(?!to\b)\w+)?|we|they|(?-i:[A-Z]\w+(?:\s+[A-Z]\w+)?))\s+(?:(?:" + ITEM_ALT + r")\b"
       # (any verb in its bare form before its object: "the Council purchase a bench"; not
       # a noun and its infinitive: "agreed that the argument to leave the rate unchanged
       # was the stronger one")
       r"|(?!(?:" + GRAMMAR_ALT + r")\b)"
       r"[a-z]+(?<!ed)(?<!ing)(?<![^s]s)\s+(?:a|an|the|to|this|these|those|its|their|our|all|any|three|two)\b)",
       "agreed that", "resolved that", "decided that", "agreed: that", "resolved: that", "resolved – that", "resolved - that"),
    # "Proposed by Cllr Jones, seconded by Cllr Patel, that the council purchase two
    # benches": the resolution carried, its verb in the subjunctive as above.
    _r(r"\b(?-i:[Ss]econded)\b[^.;]{0,60}?(?:,|\band)\s*(?P<trigger>(?-i:that|That))\s+(?:the\s+\w+(?:\s+\w+)?|we|they|"
       r"(?-i:[A-Z]\w+(?:\s+[A-Z]\w+)?))\s+(?!(?:" + GRAMMAR_ALT + r")\b)"
       r"[a-z]+(?<!ed)(?<!ing)(?<![^s]s)\s+(?:a|an|the|to|this|these|those|its|their|our|all|any|two|three|four)\b", "seconded"),
    # "The clerk is to report back", "the treasurer is to write to members": an officer's
    # duty, the role in lower case.
    _r(r"^(?:" + BULLET + r"|\s*" + NUMBER + r")?(?:the\s+)?(?:(?:town|parish|deputy|assistant)\s+)?(?-i:clerk|secretary|"
       r"chair(?:man|woman|person)?|treasurer|mayor|president|superintendent|principal|administrator)\s+"
       r"(?P<trigger>(?:is|are)\s+to)\s+(?!be\s+(?:held|found|seen|noted|expected)\b)[a-z]+", " is to", " are to"),
    # "Resolved: to accept the quote from Smith": not the meeting's own business, the
    # minutes or a report approved, noted or received.
    _r(r"^\W*(?P<trigger>(?-i:RESOLVED|Resolved|AGREED|Agreed|DECIDED|Decided))\s*[:–—-]?\s*(?-i:to|To)\s+"
       r"(?!(?:approve|note|receive|adopt|confirm|sign|accept\s+the\s+minutes)\b)[a-z]+", "resolved", "agreed", "decided"),
    # "The MPC voted unanimously to maintain Bank Rate", "voted by a majority of 7-2 to
    # ...": a decision taken, with its margin between "voted" and "to". Not the meeting's own
    # business, done as it is voted ("voted unanimously to re-elect the committee", as
    # "the auditors were re-elected").
    _r(r"\b(?P<trigger>voted\s+(?:\w+ly\s+|by\s+a\s+(?:\w+\s+)?majority(?:\s+of\s+\d+\s*[–\-]\s*\d+)?\s+|"
       r"\d+\s*[–\-]\s*\d+\s+)to)\s+(?!(?:be|elect|re-?elect|appoint|approve|accept|adopt|receive|note|confirm|"
       r"co-?opt)\b)[a-z]+", "voted"),
    # "Council consensus was to proceed with option B".
    # "The consensus of the Board was to table the item", too.
    _r(r"\b(?P<trigger>consensus(?:\s+of\s+(?:the\s+)?[\w\-]+(?:\s+[\w\-]+)?)?\s+(?:was|is)\s+to)\s+(?!be\b)[a-z]+",
       "consensus"),
    # "- Follow up with the county on the drainage issue": an action item with whom to act
    # ("Follow up on actions" may head a part of the agenda, "with" names someone).
    _r(r"^(?:" + BULLET + r"|\s*" + NUMBER + r")?(?P<trigger>(?-i:Follow|follow)\s+up)\s+with\b", "follow up"),
    # "ACTION: Clerk", after the minute it assigns.
    _r(r"^\W*(?P<trigger>(?-i:ACTIONS?|Actions?))\s*[:–-]\s*(?:the\s+)?(?!(?-i:None|Nil|N/A|NA|TBC|TBD)\b)"
       r"(?-i:[A-Z][\w.]*)(?:\s*(?:,|/|&|and)\s*(?-i:[A-Z][\w.]*))*\s*\.?\s*$", "action"),
    # "It was agreed that the WG chairs would report new members", "Agreed that the Clerk
    # would obtain quotes": a decision of the meeting, reported: someone acts, or something
    # is to be done. Not the date of the next meeting ("would be held on 5 May"), nor a
    # stance ("policy will remain prudent"), nor a hypothesis ("would likely ...").
    _r(r"(?P<trigger>\b(?-i:It|it)\s+was\s+(?:also\s+|further\s+|then\s+|therefore\s+)?(?:agreed|resolved|decided)\s+that"
       r"|^\W*(?-i:Agreed|AGREED|Resolved|Decided)\s+that)\b"
       r"(?=[^.;]*?\b(?:will|would|shall)\s+(?:(?!(?:be|have|not|like|need|prefer|rather|probably|likely|also|then|hope|remain|"
       r"continue|depend|seem|appear)\b)[a-z]+(?<!ly)|be\s+(?!(?:held|convened|scheduled)\b)[a-z]+ed)\b"
       # ... or with the verb in the subjunctive: "It was agreed that we ask for a precept".
       r"|\s+(?:we|they|the\s+\w+|(?-i:[A-Z]\w+))\s+(?:" + ITEM_ALT + r")\b)",
       "agreed that", "resolved that", "decided that"),
    # "1. To send out the pre-agenda to the reps - Anne, Mel and Kelda": the act first, who
    # is to do it after a dash at the end (an agenda's "1. To receive apologies" names no one).
    _r(r"^\s*" + NUMBER + r"(?P<trigger>(?-i:To)\s+[a-z]+)\b[^.;]*\s[-–]\s+" + _WHO + r"\s*$", "to "),
    # "Foundation staff are happy to run the survey", "Jack happy to ask them" (notes
    # drop the "is"): an offer of the body or a member ("We are happy to report that ..."
    # only announces; "people are willing to" is in directive_grammar).
    _r(r"\b(?:staff|we|I|(?-i:[A-Z][a-z]+))\s+(?:(?:is|are|am|was|were)\s+)?(?:also\s+|very\s+|more\s+than\s+)?"
       r"(?P<trigger>(?:happy|glad|keen)\s+to)\s+(?!(?:see|say|know|hear|thank|have|be|report|announce|note|welcome|share\s+that)\b)[a-z]+",
       "happy to", "glad to", "keen to"),
    # "The Clerk would meet with the Mayor to ascertain ...": minutes put an officer's
    # next step in reported speech. Only at the head of the sentence: "the Committee
    # expected that the Chair would ..." reports a forecast.
    _r(r"^(?:" + BULLET + r"|\s*" + NUMBER + r")?(?:the\s+)?(?-i:(?:Town\s+|Parish\s+|City\s+|Deputy\s+|Assistant\s+)?"
       r"(?:Clerk|Secretary|Chair(?:man|woman|person)?|Treasurer|Mayor|Convenor|Administrator|Superintendent|Principal|"
       r"(?:City\s+|Town\s+|County\s+|General\s+)?Manager|Director|Engineer|Attorney|Solicitor|Planner|Chief|Trustee|"
       r"Commissioner"
       # ... or a member named with a title: "Cllr Brown would speak to the school".
       r"|(?:Cllr|Councillor|Councilmember|Council\s+[Mm]ember|Mr|Mrs|Ms|Dr)\.?\s+[A-Z][a-z]+))\s+"
       r"(?P<trigger>(?:would|will)\s+(?!(?:be|have|not|like|need|prefer|rather|probably|likely|also|then|hope)\b)[a-z]+)\b",
       "would", "will"),
    # "Members agreed that, in determining the size of future adjustments, the Committee
    # would assess ...": the body's decided conduct, after an opening phrase.
    _r(r"\bagreed\s+that\s*,[^.;]{1,160}?,\s*(?:the\s+)?(?:committee|council|board|they|we)\s+"
       r"(?P<trigger>would\s+(?!(?:be|have|not|like|need|prefer|rather|probably|likely|also|then|hope)\b)[a-z]+(?<!ly))\b",
       "agreed that,"),
    # "Members concurred that their assessments would take into account ...", "agreed that
    # they will keep the rate under review": the body's decided conduct (not the economy's
    # course: "agreed that growth would slow" names no one of the body).
    _r(r"\b(?:agreed|concurred)\s+that\s+(?:they|we|(?:their|its|our)\s+(?:\w+\s+)?\w+)\s+"
       r"(?P<trigger>(?:would|will)\s+(?!(?:be|have|not|like|need|prefer|rather|probably|likely|also|then|hope|seem|appear|"
       r"depend)\b)[a-z]+(?<!ly))\b", "agreed that", "concurred that"),
    # "In the end, the Committee decided not to include such a reference": a decision,
    # negated, is still one taken.
    _r(r"\b(?P<trigger>(?:decided|agreed|resolved|voted)\s+not\s+to)\s+(?!be\b)[a-z]+", "decided not", "agreed not",
       "resolved not", "voted not"),
    # "MM noted that she would forward the declaration": a member's undertaking, reported.
    _r(r"\b(?:noted|advised|explained|replied|offered|promised|agreed|confirmed)\s+(?:that\s+)?(?:he|she|they|we)\s+"
       r"(?P<trigger>would\s+(?!(?:be|have|not|like|need|prefer|rather|probably|likely|also|then|hope)\b)[a-z]+(?<!ly))\b",
       "noted", "advised", "explained", "replied", "offered", "promised", "agreed", "confirmed"),
    # "The subscription will remain at £20", "the exemption will remain in place": a
    # charge or an arrangement of the body's own, kept as decided (not a rate of the
    # economy: "rates will remain low" forecasts).
    _r(r"\b(?:the\s+|our\s+|its\s+|their\s+)(?:annual\s+|membership\s+|current\s+)?(?:subscriptions?|fees?|charges?|precept|"
       r"exemptions?|dues|allowances?|arrangements?|scheme)\s+(?P<trigger>will\s+(?:remain|stay|continue)|will\s+be\s+kept)\b",
       "subscription", "fee", "charge", "precept", "exemption", "dues", "allowance", "arrangement", "scheme"),
    # "(ii) That, in the light of its advice, the Audit Committee consider the changes":
    # a resolution's item, its verb in the subjunctive.
    _r(r"^\W*(?:\(?(?:[ivx]{1,4}|\d{1,2}|[a-h])\)\s*)?(?P<trigger>(?-i:That))\b(?:\s*,[^,]{1,120},\s*(?:that\s+)?)?\s*"
       r"(?:the\s+[\w&]+(?:\s+[\w&]+){0,3}?|(?-i:[A-Z]\w+))\s+(?!(?:" + GRAMMAR_ALT + r")\b)"
       r"[a-z]+(?<!ed)(?<!ing)(?<![^s]s)\s+(?:a|an|the|to|this|these|those|its|their|our|all|any)\b", "that"),
    # "A sign is to be put up", "The accounts are to be sent to the auditor": a measure
    # decided, in the passive (not the date of a meeting: "is to be held").
    _r(r"^(?:" + BULLET + r"|\s*" + NUMBER + r")?(?:[\w ]{1,30}:\s+)?(?!(?:it|this|that|there|what|which|who|nothing|none|no)\b)"
       r"(?:\w+\s+){0,3}?[\w\-]+\s+"
       r"(?P<trigger>(?:is|are)\s+to\s+be\s+(?!(?:held|convened|expected|noted|found|seen|decided)\b)[a-z]+)\b",
       " is to be", " are to be"),
    # "A letter will be sent to the landowner", "The matter will be discussed at the next
    # meeting": what the body will do to a paper or an item of its business, in the passive
    # (the verbs of directive_rules' list and any other participle).
    # (Not in a clause that reports or asks: "notice that the item will be discussed".)
    _r(r"(?<!\bthat\s)(?<!\bwhether\s)(?<!\bif\s)(?<!\bhow\s)(?<!\bwhen\s)"
       r"\b(?:a|an|the|this|these|those|further|new)\s+(?:(?!(?:the|a|an)\b)\w+\s+)?(?:letter|draft|reminder|notice|sign|email|e-mail|note|"
       r"invitation|list|agenda|item|matter|minutes|quotes?|order|request|application|survey|newsletter|proposal|paper|"
       r"policy|budget|plan|topic|issue|report|response|reply|form|document|question)s?\s+"
       r"(?P<trigger>will\s+(?:also\s+|then\s+)?be\s+(?!(?:held|convened|hosted|expected|needed|required|available|able)\b)"
       r"(?:[a-z]+(?:ed|en)|sent|put|set|sought|brought|made|taken|kept|done|shown|told|paid|read|cut|built|bought|dealt\s+with))\b",
       "will be", "will also be", "will then be"),
]

CALL: list[Rule] = [
    # "I invite people to express agreement or disagreement", "We ask all members to ...":
    # a member asks the meeting, in the present.
    _r(r"\b(?:(?-i:I)|we)\s+(?:would\s+)?(?P<trigger>invite|urge|encourage|ask)\s+(?!(?:you|whether|if|why|how|what)\b)"
       r"(?:\w+\s+){1,3}?to\s+(?!be\b)[a-z]+", "i invite", "we invite", "i urge", "we urge", "i encourage", "we encourage",
       "i ask", "we ask", "would invite", "would urge", "would encourage", "would ask"),
    # "The committee recommended that the Council adopt the plan": a recommendation asks
    # another body to act, its verb in the subjunctive (not what a report or study
    # recommends: its summary).
    _r(r"(?<!report\s)(?<!study\s)(?<!review\s)(?<!paper\s)\b(?P<trigger>recommend(?:s|ed)?\s+that)\s+"
       r"(?:the\s+\w+(?:\s+(?!to\b)\w+)?|we|they|(?-i:[A-Z]\w+(?:\s+[A-Z]\w+)?))\s+(?:not\s+)?"
       r"(?:(?:" + ITEM_ALT + r")\b|(?!(?:" + GRAMMAR_ALT + r")\b)[a-z]+(?<!ed)(?<!ing)(?<![^s]s)\s+"
       r"(?:a|an|the|to|this|these|those|its|their|our|all|any)\b)", "recommend"),
    # "Trustee Miller moved, seconded by Trustee Ortiz, to direct staff to draft a policy",
    # "The council gave direction to staff to prepare an ordinance": a motion or a
    # direction that sends someone to act.
    # (A decision "to ask the handyman to cut the area" is the body's own measure, a task.)
    _r(r"\b(?:moved|motion|seconded)\b[^.;]{0,80}?\bto\s+(?P<trigger>direct|instruct)\s+"
       r"(?:the\s+)?[\w\-]+(?:\s+[\w\-]+)?\s+to\s+(?!be\b)[a-z]+", "moved", "motion", "seconded"),
    # (Not what the body may do: "The Board may give direction to staff to respond".)
    _r(r"(?<!\bmay\s)(?<!\bcan\s)(?<!\bmight\s)(?<!\bcould\s)"
       r"\b(?P<trigger>(?:gave|give|gives|provided|provides|provide|offered)\s+(?:\w+\s+)?direction)\s+to\s+(?:the\s+)?"
       r"[\w\-]+(?:\s+[\w\-]+)?\s+to\s+(?!be\b)[a-z]+", "direction"),
    # "Councilmember Lee requested a report on the parking study": asks staff for a piece
    # of work.
    _r(r"\b(?P<trigger>requested|asked\s+for|called\s+for)\s+(?:a|an)\s+(?:\w+\s+)?(?:report|update|briefing|review|estimate|"
       r"analysis|study|breakdown|summary|memo|presentation|proposal|quote)s?\b(?!\s+(?:of|from)\s+(?:the\s+)?(?:last|previous)\b)",
       "requested", "asked for", "called for"),
    # "Councillors are reminded to submit their claims": a reminder asks.
    _r(r"\b(?P<trigger>(?:are|is|were|was)\s+(?:again\s+|also\s+|kindly\s+)?reminded\s+to)\s+[a-z]+", "reminded"),
    # "The Chairman reminded Councillors about the protocols ... and to read ...".
    _r(r"\b(?P<trigger>reminded)\s+(?:the\s+|all\s+)?(?:members|councillors|everyone|attendees|staff|residents|"
       r"(?-i:[A-Z][a-z]+))\s+(?:to|about|of|that)\b", "reminded"),
    # "The Mayor asked that the item be placed on the agenda": a request in the passive.
    _r(r"\b(?P<trigger>asked|requested|directed|instructed)\s+that\s+[^.;]{1,80}?\bbe\s+(?!(?:able|aware|held)\b)[a-z]+(?:ed|en|t)\b",
       "asked that", "requested that", "directed that", "instructed that"),
    # "The Council requested staff explore options": a request with the addressee and a
    # bare verb ("requested that staff explore" and "asked staff to" are in
    # directive_rules). The addressee is named, so "They requested to do ..." (asking
    # leave for themselves) is not a request made of anyone.
    _r(r"\b(?P<trigger>requested|directed|instructed|asked|required)\s+(?:the\s+)?(?:staff|clerk|officers?|administration|"
       r"(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))\s+(?:" + ITEM_ALT + r")\b(?!\s+(?:of|for|on|is|are|was|to)\b)",
       "requested", "directed", "instructed", "asked", "required"),
]

OBLIGATION: list[Rule] = [
    # "members decided that it would be appropriate to make a further reduction", "agreed
    # that ... it was prudent to accumulate more data": what the meeting judged right to do
    # (not hedged: "it would likely be appropriate to ..." foresees).
    # "... it would be appropriate for the statement to note ...": the act of a thing named.
    # (The verb is looked for behind "that", so the search fails fast at every other word.)
    _r(r"that(?:(?<=\bagreed\sthat)|(?<=\bdecided\sthat)|(?<=\bjudged\sthat)|(?<=\bconcluded\sthat)|(?<=\bfelt\sthat)|"
       r"(?<=\bthought\sthat)|(?<=\bbelieved\sthat)|(?<=\bnoted\sthat)|(?<=\bstressed\sthat)|(?<=\bemphasized\sthat)|"
       r"(?<=\bemphasised\sthat))\s*"
       r"(?:,[^,;]{1,140},\s*)?(?P<trigger>it\s+"
       r"(?:would\s+be|was|is|will\s+be)\s+(?:appropriate|prudent|advisable|desirable|necessary|important|essential)"
       r"(?:\s+for\s+(?:the\s+|its\s+|their\s+)?[\w\-]+(?:\s+[\w\-]+)?)?\s+to)\s+(?!be\b)[a-z]+",
       "appropriate", "prudent", "advisable", "desirable", "necessary", "important", "essential"),
    # "She declared that councilors needed to give direction to staff": a member's view of
    # a duty, reported (as "decided a broader discussion needed to happen": directive_grammar).
    _r(r"\b(?:declared|asserted|argued|insisted|contended)\s+that\b[^.;]{0,80}?\b(?P<trigger>needed\s+to)\s+"
       r"(?!be\s+(?:seen|expected)\b)[a-z]+", "declared", "asserted", "argued", "insisted", "contended"),
    # "- It's important that we find people who ...": the contracted "it is".
    _r(r"\b(?P<trigger>it[’']s\s+(?:\w+ly\s+|also\s+|still\s+)?(?:important|essential|crucial|vital|imperative|critical|necessary)"
       r"\s+(?:that|to|for))\b", "it’s", "it's"),
    # "Rich -> Need James to talk about it": a need of someone's act, in notes.
    _r(r"^(?:" + BULLET + r")?(?:[\w ]{1,20}\s*(?:->|:)\s*)?(?P<trigger>(?-i:Needs?))\s+(?-i:[A-Z][a-z]+)\s+to\s+[a-z]+", "need"),
]

# A report that asks ("This report presents the minutes and asks Members to consider
# ...", "a report which ... asked them to consider ...") is summarised, not a request of
# the meeting's.
REPORT_ASKS = PATTERNS.compile(
    r"\breport\s+(?:which\s+\w+|\w+s)\b[^.;]{0,200}?\b(?P<ask>asks?|asked|invites?|invited|requests?|requested)\b", _I)

# The meeting's own business, decided as it happens ("It was resolved to approve the
# minutes", "resolved to accept the notes as the minutes", "Councillors agreed to suspend
# Standing Orders", "resolved to exclude the press and public"): no act is left to do.
OWN_BUSINESS = PATTERNS.compile(
    r"\b(?:resolved|agreed|decided|voted)\s+(?:unanimously\s+)?to\s+(?:(?:approve|accept|adopt|sign|confirm|receive|note)\s+"
    r"(?:the\s+)?(?:\w+\s+)?(?:minutes|notes|apologies|agenda|reasons?\s+for\s+absence|declarations?)"
    r"|(?:suspend|reinstate|waive)\s+(?:the\s+)?standing\s+orders|exclude\s+(?:the\s+)?(?:press|public))\b", _I)

# "the restraint would exceed what was required to bring inflation back": what an
# outcome takes, a noun phrase, not a duty laid on anyone.
WHAT_IS_NEEDED = PATTERNS.compile(r"\bwhat\s+(?:is|was|were|would\s+be|will\s+be)\s+(?:\w+ly\s+)?(?:required|needed|necessary)\b", _I)

# "Speakers shall have six (6) minutes", "members shall have the right to ...": what a
# standing rule grants, not a duty ("shall have to", "shall have completed" are duties).
ENTITLED = PATTERNS.compile(
    r"\bshall\s+(?:also\s+)?have\s+(?=(?:a|an|the|no|one|two|three|four|five|six|seven|eight|nine|ten|\d+|access|"
    r"priority|precedence)\b)", _I)

# Needs that prescribe nothing: negated ("the Fellows don't need to be part of it") or
# hypothetical with an adverb between ("they'd still need to be involved").
UNPRESCRIBED = PATTERNS.compile(
    r"\b(?:do|does|did)(?:n[’']t|\s+not)\s+(?:\w+ly\s+)?(?:need|have)\s+to\b"
    r"|(?:[’']d|\bwould)\s+(?:still|also|then|only|probably|likely)\s+(?:need|have)\s+to\b"
    # The object of a relative clause ("does not raise the funds that it needs to keep the
    # club going"): what a thing takes, not a duty; a need only foreseen ("Discussed the
    # potential need to move to foreclosure").
    r"|\b(?:the|a|an|any|all|more|some|no|enough)\s+(?!\w+ed\b)\w+\s+(?:that|which)\s+(?:it|they|he|she)\s+"
    r"(?:needs?|needed)\s+to\b"
    r"|\b(?:potential|possible|perceived|eventual)\s+need\s+to\b", _I)

# A question that notes leave without its question mark ("- Do we want to support
# plugins for project templates", "Should we revert on beta"): it asks, prescribes nothing.
# (Only "do", "be" and "should" ask: "Could you all bring a dish" is a polite request.)
ASKED = PATTERNS.compile(
    r"^[\s*•\-–]*(?:\[[ xX]\]\s+)?(?:do|does|did|is|are|was|were|should|shall)\s+"
    r"(?:we|you|they|it|there|anyone|someone|people|the\s+\w+)\b", _I)

# Asking is not always asking someone to act: a question put ("he asked when the bollards
# would be installed"), leave sought for oneself ("The club has requested permission to
# travel", "They requested to do several fundraising projects"; said of a leader in a
# readout, "Li requested to firmly grasp ...", it asks the officials), or the noun ("omitted to send the invite to
# the Councillor"). The word named by the group that matched is blanked, so the rest is
# still read.
NOT_A_REQUEST = PATTERNS.compile(
    r"\b(?P<ask>asked|asks|asking|requested|requests|requesting)\s+(?:(?:him|her|them|us|me)\s+)?(?:when|whether|if|why|how|"
    r"what|who|where|which)\b"
    r"|\b(?P<leave>asked|requested|sought|seeks?|requesting)\s+(?:for\s+)?(?:the\s+board'?s\s+|the\s+council'?s\s+)?"
    r"(?:permission|leave|approval|consent|authori[sz]ation)\s+to\b"
    # (Each alternative opens with its verb or noun and looks behind for the words before
    # it, so the search fails fast at every other word of a sentence.)
    r"|\b(?P<own>asked|requested)(?:(?<=\bthey\sasked)|(?<=\bwe\sasked)|(?<=\bthey\srequested)|(?<=\bwe\srequested)|"
    r"(?<=\bthey\shave\srequested)|(?<=\bwe\shave\srequested))\s+to\s+(?!be\b)[a-z]+"
    # "requested that the meeting be adjourned in memory of ...": the meeting's own procedure.
    r"|\b(?P<adjourn>requested|asked|moved)\s+that\s+the\s+meeting\s+be\s+(?:adjourned|closed|opened|suspended)\b"
    # "At times when she was asked to be the tie-breaking vote": the circumstance of a
    # clause, not a request of the meeting's.
    r"|\b(?:when|whenever|once|if|unless)\s+(?:he|she|they|we|I|you|it)\s+(?:was|were|is|are|am|gets?|got)\s+"
    r"(?P<circumstance>asked|requested|invited)\s+to\b"
    r"|\b(?P<noun>invite)\b(?:(?<=\bthe\sinvite)|(?<=\ban\sinvite)|(?<=\bthis\sinvite)|(?<=\bthat\sinvite)|"
    r"(?<=\btheir\sinvite)|(?<=\bhis\sinvite)|(?<=\bher\sinvite)|(?<=\bour\sinvite)|(?<=\byour\sinvite))", _I)

# A decision verb in the passive after "be" ("items likely to be resolved to confidential
# session", "the fee is to be decided"): what may be decided later, not a decision taken.
UNDECIDED = PATTERNS.compile(r"\bbe\s+(?P<verb>resolved|decided|agreed)\s+(?:to|on|upon)\b", _I)

# "The task force will include representatives from ...": a future that describes what a
# thing will be made of, not what anyone will do.
DESCRIBED_FUTURE = PATTERNS.compile(
    r"\bwill\s+(?:also\s+)?(?:include|consist|comprise|contain|feature|involve|cost|last|cover)\b"
    # "The Board will meet in executive session", "the committee will meet quarterly": a
    # meeting scheduled, as "the next meeting will take place in May" (not "will meet with
    # the landowner", "will meet the contractor": an act with someone).
    r"|\bwill\s+(?:next\s+|again\s+|also\s+)?(?:meet|convene|reconvene)(?=\s+(?:in|on|at|again|quarterly|monthly|weekly|"
    r"annually|yearly|next|every|twice|once|before|after|until)\b|\s*[.;,]|\s*$)"
    # "You will find details at the end", "Delegations will find attached the
    # conclusions": what the reader will find.
    r"|\byou\s+will\s+(?:find|see|notice|note)\b|\bwill\s+find\s+(?:attached|enclosed|annexed|herewith|below)\b"
    # "willing to continue as chair as he will still be working in the area": the future
    # gives a reason, in a clause of cause.
    r"|\b(?:because|since|as)\s+(?:he|she|they|it|we|you|the\s+\w+)\s+will\b"
    # "a maximum of 15 minutes will be allowed for questions": a permission, not a task.
    r"|\bwill\s+(?:also\s+)?be\s+(?:allowed|permitted)\b", _I)

# "Neil offered to take on the role of Treasurer", "she agreed to stand as chair": an
# office taken, as an election records one, not an act left to do.
OFFICE_TAKEN = PATTERNS.compile(
    r"\b(?:offered|agreed|volunteered|consented|willing)\s+to\s+(?:take\s+on|take\s+over|assume|stand\s+(?:as|for)|"
    r"serve\s+as|continue\s+as|remain\s+as|become|act\s+as)\s+(?:the\s+)?(?:(?:role|position|post|office)\b|"
    r"(?:\w+\s+)?(?:chair|chairman|chairperson|treasurer|secretary|president|captain|trustee|clerk)\b)", _I)

# "proposed coordinating a petition to urge the council to adopt the park": the purpose of
# a paper (a petition, a letter), not a call the meeting makes.
PAPER_PURPOSE = PATTERNS.compile(
    r"\b(?:petition|letter|campaign|motion|e-?mail)\s+to\s+(?P<verb>urge|ask|request|encourage|invite|call\s+(?:on|upon))\b", _I)

# "This policy, by keeping holdings at sizable levels, should help maintain accommodative
# conditions", "these purchases will increase the Committee's holdings": the expected
# effect of a measure, a forecast (not "members should help", "the Council will raise").
def _forecast_effect(modals: str) -> re.Pattern[str]:
    return PATTERNS.compile(
        r"\b(?:this|these|that|those|such|the)\s+(?:[\w\-]+\s+){0,2}?(?:policy|policies|purchases|measures?|actions?|"
        r"steps?|changes?|developments?|programs?|programmes?|factors?)(?:\s*,[^,.;]{1,160},)?\s+"
        r"(?:(?:will|would)\s+[^.;]{1,200}?,?\s+and\s+)?(?P<modal>" + modals + r")\s+"
        r"(?:help|support|contribute|lead|result|foster|promote|keep|put|boost|ease|reduce|lower|raise|increase)\b", _I)


# The measure is the subject: the modal follows it, or a phrase set off by commas ("In the
# next step, the city will promote ..." has the city act), or the measure's first
# predicate: "these purchases will increase holdings ... and should put pressure on ...".
FORECAST_SHOULD = _forecast_effect("should")
FORECAST_WILL = _forecast_effect("will")

# "Forward deposits remain the same": a noun phrase and its finite verb, not an imperative
# followed by its object ("Ensure bins are emptied" takes a clause, so verbs that take one
# are left out).
SUBJECT_AND_VERB = PATTERNS.compile(
    r"(?!(?:ensure|check|confirm|verify|note|see|remember|make|insist|ask|find|show|know|say|tell|agree|decide)\b)"
    r"[A-Za-z]+\s+[a-z]+s\s+(?:remain|remained|are|were|have|had|stay|stayed|continue|continued|fell|rose|grew)\b", _I)

# "1. Open session for members of the public", "5. Open forum": "open" before the name
# of a part of the meeting is its adjective, the line an agenda heading ("Open a bank
# account" is still a command).
OPEN_PART = PATTERNS.compile(
    r"\b(?P<adjective>open)\s+(?:public\s+)?(?:session|forum|meeting|day|evening|house|floor|discussion|questions|mic)\b",
    _I)

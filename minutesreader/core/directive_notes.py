"""Directives in the lines of meeting notes: action items, to-do lists, agenda steps.

Minutes of working groups and steering councils are written in lines, not sentences:
"- Mark to write a comment on #73394", "Treasurer: reconcile the March accounts",
"* [x] Update the project board", "2. Review the parking policy", "RESOLUTION: merge
#1047", "- @jane to review the PR", "AI(jane): update the docs". These rules read the
shape of such a line (a bullet, a label and a colon, a name or a handle and "to", a
number) and the verb that opens what follows; directive_grammar.py holds the rules for
prose, and its word lists, which these share; directive_minutes.py the reported prose of
minutes.
"""

from __future__ import annotations

import re

from minutesreader.core.directive_grammar import BULLET, GRAMMAR_ALT, IRREGULAR_PAST_ALT, ITEM_ALT
from minutesreader.core.directive_rules import Rule
from minutesreader.core.pattern_cache import PATTERNS

_I = re.IGNORECASE


def _r(pattern: str, *gate: str) -> Rule:
    return PATTERNS.compile(pattern, _I), gate


# "3. ", "10) ", "2.2.1 ", "(4) ": the number of an item of notes or minutes.
NUMBER = r"\(?\d{1,2}(?:\.\d{1,2}){0,3}[.)]?\s+"
DETERMINERS = "the|a|an|this|that|these|those|our|your|their|its|his|her|all|any|some|each|every|no"
# Words that take an infinitive themselves ("- time to decide", "- ready to merge").
_TAKES_INFINITIVE = ("need|want|hope|plan|time|ready|nothing|something|anything|happy|willing|due|related|going|trying|"
                     "back|way|attempt|effort|request|reason|fine|free|safe|hard|easy|good|better|best|close|similar|"
                     "proposal|motion|decision|consensus|agreement|moving|move|up|unable|likely|unlikely|important")

TASK: list[Rule] = [
    # Action items: "Rich to take action", "AI: Kofi to book the venue".
    # Names are capitalised, so this one rule is case-sensitive ("Nothing new to report").
    (PATTERNS.compile(r"(?:(?<=[*•:,])|(?<=[*•:,]\s)|(?<=\s[-–]\s)|^(?:AI:\s*|Action(?:\s+items?)?:\s*))"
                r"[A-Z][a-z]+(?<![a-z]ed)(?:\s+[A-Z][a-z]+)?(?:\s+(?:and|&)\s+[A-Z][a-z]+)?\s+to\s+(?:" + ITEM_ALT + r")\b"),
     ("* ", "• ", ": ", " - ", " – ", "ai:", "action")),
    # ... or opening its line: "Mark to write comment on #73394", "- Niko to leave a comment".
    # Not when a finite verb follows ("Proposal to review the fees was withdrawn"
    # describes), nor a plural noun ("Plans to ...").
    # Nor a word that takes an infinitive itself ("Want to plan ...", "Hope to see ..."), a
    # word of grammar ("What to ask"), or an inflected one ("Related to", "Trying to").
    (PATTERNS.compile(r"^(?:[*•\-–]\s+)?(?!(?i:" + GRAMMAR_ALT + r"|want|hope|need|plan|time|ready|proposal|motion|"
                r"decision|nothing|something|anything|nobody|someone|anyone|everyone|how)\b)"
                r"(?P<trigger>[A-Z][a-z]+(?<![^s]s)(?<!ed)(?<!ing)(?:\s+(?:and|&)\s+[A-Z][a-z]+)?\s+to\s+"
                r"(?:" + ITEM_ALT + r"|[a-z]+(?=\s+(?:a|an|the|this|these|those|it|them)\b)))\b"
                r"(?![^.;,]*\b(?:is|are|was|were|has|have|had|will|would)\b)"), (" to ",)),
    # "Agreed on storing the minutes on GitHub", "- Settled on continuing with the process":
    # a decision noted as the action it settles.
    _r(r"(?:^|" + BULLET + r"|\b(?:we|they|members|board|council|committee|team)\s+)"
       r"(?P<trigger>(?-i:[Aa]greed|[Ss]ettled|[Dd]ecided))\s+(?:up)?on\s+(?:\w+ly\s+)?[a-z]+ing\b", "agreed", "settled", "decided"),
    # "* Agreed ... to move to vote", "* Still plan to get 7.6 in": decisions and plans
    # noted without a subject, or of "we".
    # (Not the meeting's own business: "Resolved: to approve the minutes of the last meeting".)
    _r(r"(?:^|" + BULLET + r")(?P<trigger>(?-i:Agreed|Decided|Resolved))\b[^.;*]{0,60}?\bto\s+"
       r"(?!(?:approve|note|receive|adopt|confirm|sign|accept)\s+(?:the\s+)?minutes\b)(?:" + ITEM_ALT + r")\b",
       "agreed", "decided", "resolved"),
    _r(r"(?:^|" + BULLET + r"|\b(?:we|(?-i:I))\s+)(?:still\s+|now\s+|also\s+)?(?P<trigger>plan\s+to)\s+(?:" + ITEM_ALT + r")\b", "plan"),
    _r(r"(?-i:\b[A-Z][a-z]+)\s+(?:is\s+|are\s+)?going\s+to\s+(?:" + ITEM_ALT + r")\b", "going to"),
    # "I'm going to touch base with ...", "- Going to look for liaisons": the speaker's or
    # the notes' own plan, whatever the verb.
    _r(r"(?:^|" + BULLET + r"|\b(?:I[’']m|I\s+am|we[’']re|we\s+are)\s+)(?P<trigger>going\s+to)\s+(?!be\b)[a-z]+\b", "going to"),
    # "Treasurer: reconcile the March accounts".
    # Not a proposal still to be resolved ("PROPOSED: Close issues ..."), nor a question.
    # The label may be bold ("**Goal**: Decide on a cadence"), and any verb will do with
    # its object after it ("Try to un-stick ...", "Get a commitment ...").
    # Not a roll ("Present: Cllr A Brown, ...": "A" is an initial, not an article).
    _r(r"(?:^|" + BULLET + r")\*{0,2}(?-i:(?!PROPOS|Propos|QUESTION|Question|Present|PRESENT|Absent|Apologies|Attendees|In\s+attendance)"
       r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\*{0,2}:\*{0,2}\s+"
       r"(?P<trigger>" + ITEM_ALT + r"|(?!(?:" + GRAMMAR_ALT + r")\b)[a-z]+(?<![^s]s)(?<!ed)(?<!ing)(?<!ly)"
       r"(?=\s+(?-i:a|an|the|this|these|those|them|some|any|on\s+(?:a|an|the|this)|to\s+[a-z]+)\b))\b(?![^?\n]*\?)"
       r"(?!\s+(?:of|for|on|is|are|was|to)\b(?!\s+(?:a|an|the|this|[a-z]+)\b))", ":"),
    # "* n-api - focus on testing": a short item title, a dash, then the command.
    _r(r"(?:^|[*•]\s+)[\w\-. ]{1,30}?\s[-–]\s+(?P<trigger>(?-i:" + ITEM_ALT + r"))\b(?!\s+(?:of|for|is|are|was|to)\b)", " - "),
    # A numbered list of actions: "2. Review the parking policy".
    # (Not a heading in capitals: "4. ROLL CALL".)
    _r(r"^\(?\d{1,2}[.)]\s+(?=(?-i:[A-Z][a-z]))(?P<trigger>" + ITEM_ALT + r")\b(?!\s+(?:of|for|on|is|are|was|were|to|and|from|by|with)\b|\s*$)", "."),
    # Short lines of an agenda or of notes that name an act of the meeting and its object:
    # "- Assign roles", "2. Elect officers", "- Consider the 'team link' role" (verbs that
    # are never nouns; "To consider the quotation" is an agenda's line, in the infinitive).
    _r(r"^(?:" + BULLET + r"|\(?\d{1,2}[.)]\s+)(?P<trigger>(?-i:[Aa]ssign|[Ee]lect|[Aa]ppoint|[Nn]ominate|[Rr]eassign|"
       r"[Rr]e-?elect|[Cc]onsider))\s+(?!(?:of|for|on|is|are|was|to|and|by|with|that|whether|if)\b)[\w\"“'‘]", "assign", "elect",
       "appoint", "nominate", "consider"),
    # A decision noted as its bare verb, before its reasons: "- postpone, we like the
    # idea, but ...", "* Merge; follow-ups in a new issue".
    _r(r"^" + BULLET + r"(?P<trigger>(?:postpone|defer|merge|close|reject|revert|proceed|punt|approve|accept|land|ship)"
       r"(?:\s+(?:it|this|them|for\s+now|as\s+is))?)\s*(?:[,;(]|\s[-–—]\s|$)", "* ", "- ", "• ", "– "),
    # Decisions and actions labelled as such in notes: "RESOLUTION: Merge pull request
    # 1047", "ACTION: plh to check with the CEO", "Decided: ...".
    # ("ACTION: Council discussed a settlement" only labels what happened: an action
    # label counts with a person and a command, below.)
    _r(r"^\W*(?P<trigger>(?-i:RESOLUTION|RESOLVED|DECISION|DECIDED|AGREED|Resolution|Decision))\s*:"
       # (Not "RESOLVED: (i) That the minutes be noted": the meeting's own business.)
       r"(?=\s*\S)(?!\s*(?:\(\w{1,4}\)\s*)?(?-i:That|that)\b[^.;]*?\bbe\s+(?:noted|received|approved|agreed|signed|adopted|confirmed|accepted)\b)",
       "resolution", "resolved", "decision", "decided", "agreed"),
    # A council's resolution, "RESOLVED – That no change be made to ...": a decision when
    # something is to be done, not when the minutes or a report are only received, noted,
    # agreed or approved (the business of the meeting itself).
    _r(r"^\W*(?P<trigger>(?-i:RESOLVED))\s*[–—-]\s*(?=(?-i:That)\b.*?\bbe\s+"
       r"(?!(?:noted|received|approved|agreed|signed|adopted|confirmed|accepted)\b)[a-z]+(?:ed|en|de)\b)", "resolved"),
    _r(r"^\W*(?-i:ACTION|Action(?:\s+items?)?|AI)\s*:\s*(?P<trigger>[\w.\-]+(?:\s+(?:and|&)\s+[\w.\-]+)?\s+to\s+[a-z]+)",
       "action", "ai:"),
    # "Next steps are creating a PR", "the next step is to ask the board".
    _r(r"\bnext\s+steps?\s+(?:is|are|will\s+be)\s+(?:to\s+)?[a-z]+", "next step"),
    # Notes drop the verb "is": "Matter to be listed at next meeting", "ES to inform the
    # applicant" (initials, then any verb).
    _r(r"^[\s*•\-–]*(?:the\s+)?(?!(?:it|this|that|there|what|nothing|meeting|session)\b)[\w\-]+(?:\s+[\w\-]+)?\s+"
       r"(?P<trigger>to\s+be\s+(?!held\b|convened\b)[a-z]+ed)\b", "to be"),
    # (Not "PR to expose resource is stalled": there "to" only describes the PR.)
    (PATTERNS.compile(r"^[\s*•\-–]*[A-Z]{2,4}(?:\s+(?:and|&)\s+[A-Z]{2,4})?\s+(?P<trigger>to\s+(?!be\b)[a-z]+)\b"
                r"(?![^.;]*\b(?:is|are|was|were|has|have|had)\b)"), (" to ",)),
    # A prohibition in notes: "Richard Lau: do not backport the change".
    _r(r"(?:^|:\s+|" + BULLET + r")(?P<trigger>(?:do\s+not|don[’']t)\s+(?!know\b|think\b|see\b|have\b)[a-z]+)", "not", "don"),
    # "Let's merge #874", "let us finish the survey"; not after a negation or an auxiliary
    # ("He did not let us know", "they will let us know" are reports and plans of others).
    _r(r"(?<!\bnot\s)(?<!n[’']t\s)(?<!\bdid\s)(?<!\bwill\s)(?<!\bwould\s)(?<!\bcould\s)(?<!\bto\s)"
       r"\blet(?:’s|'s|\s+us)\s+(?!(?:see|say|hope|be|not)\b)[a-z]+\b", "let"),
    # Polite imperatives: "please comment on the draft", "do add your name".
    _r(r"\bplease\s+(?!note\b|find\b|see\b|contact\s+us\b)(?:do\s+)?(?:" + ITEM_ALT + r")\b", "please"),
    # A bullet that opens with a command: "* Wait until next meeting". Not the title
    # of an issue or pull request on the agenda ("* update charter [#569](...)"), nor
    # a question.
    # (Not a word in capitals: "– DRAFT – (MEETING TITLE)" is the heading of a page.)
    _r(BULLET + r"(?!(?-i:[A-Z]{2,})\b)(?P<trigger>" + ITEM_ALT + r")\b"
       r"(?!\s+(?-i:[A-Z])[a-z])(?!\s+(?:of|for|on|in|is|are|was|were|to|and|from|by|with)\b|\s*$|-|:)"
       r"(?![^*•\n]*?(?:\[#\d|\(#\d|\?(?!\S)))", "* ", "- ", "• ", "– ", "[ ] ", "[x] "),
    # Any verb will do when its object follows: "- Leave a comment if you are interested",
    # "* check your boxes". At the head of an item, a word right before a determiner is a
    # verb, unless it is a word of grammar ("About the ...", "Also the ...") or inflected
    # ("Discussed the ...", "Adds the ...", "Held the ...": reports and titles, not commands).
    _r(BULLET + r"(?P<trigger>(?!(?:" + GRAMMAR_ALT + r"|" + IRREGULAR_PAST_ALT + r")\b)[a-z]+(?<![^s]s)(?<!ed)(?<!ing)(?<!ly))\s+"
       r"(?:a|an|the|your|our|their|this|these|those|them|some|any)\b(?![^*•\n]*?(?:\[#\d|\(#\d|\?(?!\S)))",
       "* ", "- ", "• ", "– ", "[ ] ", "[x] "),
    # A verb with its particle is a verb, whatever it is: "- Turn on recording", "* Follow
    # up with the vendor", "- Sign off the accounts".
    # ("Agreement on this direction": "on" before a determiner is a preposition.)
    _r(BULLET + r"(?P<trigger>(?!(?:" + GRAMMAR_ALT + r"|" + IRREGULAR_PAST_ALT + r")\b)[a-z]+(?<![^s]s)(?<!ed)(?<!ing)(?<!ly)\s+"
       r"(?:on(?!\s+(?:a|an|the|this|that|these|those|its|their|our|my|your)\b)|off|up|out|down|back))"
       r"\s+(?!(?:of|for|to|and|at|in)\b)[a-z]", "* ", "- ", "• ", "– ", "[ ] ", "[x] "),
    # "- scott to fcp merge", "- niko to try to investigate": notes name people by their
    # handles, in lower case; one uninflected word that takes no infinitive of its own.
    _r(r"^" + BULLET + r"(?!(?:" + GRAMMAR_ALT + r"|" + _TAKES_INFINITIVE + r")\b)"
       r"[a-z][a-z0-9_\-]{1,20}(?<!ed)(?<!ing)(?<!ly)(?<![^s]s)(?<!able)(?<!ible)(?<!ful)(?<!al)(?<!ion)(?<!ment)"
       r"\s+(?P<trigger>(?-i:to\s+(?!(?:be|" + DETERMINERS + r")\b)[a-z]+))\b"
       r"(?![^.;]*\b(?:is|are|was|were|has|have|had)\b)", " to "),
    # "@mhdawson will open an issue": a handle names a person, who acts.
    _r(r"^(?:" + BULLET + r"|\s*" + NUMBER + r")?@[\w\-]+(?:\s*(?:,|and|&|/)\s*@[\w\-]+)*\s+"
       r"(?P<trigger>will\s+(?!(?:not|be\s+(?:out|away|off))\b)[a-z]+)", "will"),
    # "AI(jane): update the docs", "TODO(alice): open an issue", "@bob: write the notes",
    # "AI: everyone review the RFC": an item for someone, then the command.
    _r(r"^(?:" + BULLET + r"|\s*" + NUMBER + r")?(?:(?-i:AI|TODO|ACTION|Action)\s*\([^)]{1,30}\)|@[\w\-]+|(?-i:AI|TODO))"
       r"\s*:\s*(?:(?:everyone|everybody|all)\s+)?(?P<trigger>(?!(?:the|a|an|" + GRAMMAR_ALT + r")\b)[a-z]+(?<!ed)(?<!ing)(?<![^s]s))\b",
       "ai", "todo", "action", "@"),
    # "- Plan is to ship in 3.12", "The plan is to merge it next week".
    _r(r"^(?:" + BULLET + r")?(?:the\s+|our\s+)?(?P<trigger>plan\s+is\s+to)\s+(?!be\b)[a-z]+", "plan is"),
    # "- Discussion on this to continue on the forum", "Item to carry over to June": notes
    # drop the "is" of a decided next step.
    _r(r"^(?:" + BULLET + r"|\s*" + NUMBER + r")?(?:the\s+)?(?:discussion|conversation|debate|consideration|work|item|matter)\b"
       r"[^.;:]{0,60}?\b(?P<trigger>to\s+(?:continue|resume|carry\s+over|be\s+carried\s+over))\b",
       "continue", "resume", "carry"),
    # "CPC election this month, let your rep know if you have input": the imperative at
    # the head of an item or after a comma ("did not let us know" reports).
    _r(r"(?:^|,\s+|" + BULLET + r")(?:please\s+)?(?P<trigger>let\s+(?:your|our|the|us|me|them|him|her)\b(?:\s+[\w(),]+){0,4}?\s+know)\b",
       "know"),
    # "- Consensus to merge after the release": a decision noted without its verb.
    _r(r"^(?:" + BULLET + r")?(?P<trigger>(?:general\s+|rough\s+)?consensus\s+(?:was\s+|is\s+)?to)\s+(?!be\b)[a-z]+", "consensus"),
    # "- Ping @jane about the release": a command addressed through a handle.
    # (Not "* Nominating @trott to rejoin the TSC", nor the title of an issue on the agenda,
    # "* Add @nebrius as a member [#108](...)".)
    _r(r"^" + BULLET + r"(?P<trigger>(?!(?:cc|thanks|thank|via|from|by|with|and|or|to|for|per|maybe|perhaps|" + GRAMMAR_ALT + r")\b)"
       r"[a-z]+(?<![a-z]{3}ing)(?<![a-z]{2}ed)(?<![^s]s))\s+@[\w\-]+(?![^\n]*[\[(]#?\d)", "@"),
    # "Leave on agenda for a few weeks", "- Remove from the agenda": a verb of placing an
    # item, whose object the notes leave out.
    _r(r"^(?:" + BULLET + r")?(?P<trigger>(?:remove|keep|leave|put|add|take|bring|move|place|drop|return)\s+"
       r"(?:it\s+|this\s+)?(?:on|off|from|to|back\s+on)\s+(?:the\s+|next\s+(?:week(?:'s|’s)?\s+)?)?agenda)\b", "agenda"),
    # "Mark: Next step set up a budget", "Next steps: draft the letter": notes drop "is to".
    _r(r"\bnext\s+steps?\s*:?\s+(?P<trigger>(?:" + ITEM_ALT + r"))\b", "next step"),
]

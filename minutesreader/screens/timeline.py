"""A phrase timeline (issue 14): how often phrases occur over time, and where.

A chart of our own drawing, one row of bars per phrase and one column per year (or per
month when the reports span less than three years): a bar chart of a few dozen columns
reads better in a terminal than a plotted line and needs no dependency. Below it, the
reports holding a phrase, by date, a page at a time (a phrase such as "the" is in every
report, and each row needs its first sentence found in its paragraph); Enter opens the
report at the first occurrence, or on a page's last row lists the next page.
"""

from __future__ import annotations

from itertools import cycle  # more phrases than theme colours share colours, none is dropped
from typing import Any

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.color import Color
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from minutesreader.core.track import Occurrence, Phrase, parse_phrase
from minutesreader.dialogs.prompt import PromptDialog
from minutesreader.screens.typed_app import TypedApp
from minutesreader.widgets.batched_options import BatchedOptionList, cursor_safe

BARS = " ▁▂▃▄▅▆▇█"
SENTENCE_CHARS = 240  # of the first sentence shown per report: a roster "sentence" can be a page
COLOURS = ("$accent", "$warning", "$success", "$error", "$secondary", "$primary")
PAGE = 500  # reports listed per phrase at first, and added by each Enter on "more"


def ask_phrase(app: Any, done, title: str = "Track a phrase across the library") -> None:
    app.push_screen(PromptDialog(title, "", hint="Enter shows its timeline · case, punctuation and line breaks do not matter"), done)


def chart_periods(rows: dict[str, list[Occurrence]]) -> tuple[str, list[str]]:
    """("year" or "month", every period from the first to the last dated occurrence)."""
    dates = sorted(o.date for found in rows.values() for o in found if o.date)
    if not dates:
        return "year", []
    first, last = dates[0], dates[-1]
    if int(last[:4]) - int(first[:4]) < 3:
        months = []
        year, month = int(first[:4]), int(first[5:7])
        while (year, month) <= (int(last[:4]), int(last[5:7])):
            months.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return "month", months
    return "year", [str(y) for y in range(int(first[:4]), int(last[:4]) + 1)]


def chart(rows: dict[str, list[Occurrence]], styles: list[Style], width: int = 100) -> Text:
    """One row of bars per phrase, heights relative to the largest count of all."""
    by, periods = chart_periods(rows)
    text = Text()
    if not periods:
        return Text("No dated report holds these phrases.", style="dim")
    step = max(1, -(-len(periods) // max(10, width - 40)))  # periods per column when many
    columns = [periods[i:i + step] for i in range(0, len(periods), step)]
    counts = {}
    for phrase, found in rows.items():
        cut = 7 if by == "month" else 4
        per: dict[str, int] = {}
        for occurrence in found:  # summed here, not through by_period: 5,000 rows, no copies
            if occurrence.date:
                period = occurrence.date[:cut]
                per[period] = per.get(period, 0) + occurrence.count
        counts[phrase] = [sum(per.get(p, 0) for p in column) for column in columns]
    top = max((c for values in counts.values() for c in values), default=0) or 1
    label_width = min(28, max(len(p) for p in rows))
    for (phrase, values), style in zip(counts.items(), cycle(styles)):
        text.append(f"{phrase[:label_width]:<{label_width}} ", style=style)
        for value in values:
            level = 0 if not value else max(1, round(value / top * (len(BARS) - 1)))
            text.append(BARS[level], style=style)
        text.append(f"  {sum(values):,} in {sum(1 for o in rows[phrase] if o.date):,} reports\n", style="dim")
    text.append(" " * (label_width + 1) + columns[0][0], style="dim")
    end = columns[-1][-1]
    gap = len(columns) - len(columns[0][0]) - len(end)
    text.append((" " * gap + end) if gap > 0 else f" … {end}", style="dim")
    text.append(f"   (one column per {by}{'s' if step > 1 else ''}" + (f", {step} a column" if step > 1 else "") + ")", style="dim")
    return text


class OccurrenceList(BatchedOptionList):
    """The reports holding the phrases; muted text through a component style, not Rich's
    "dim" (Textual's dim filter compares styles segment by segment on every draw)."""

    COMPONENT_CLASSES = {"occurrences--muted"}
    DEFAULT_CSS = "OccurrenceList > .occurrences--muted { color: $text-muted; }"


class TimelineScreen(TypedApp, Screen[None]):
    BINDINGS = [
        Binding("escape", "back", "Back", id="timeline.back"),
        Binding("a", "add_phrase", "Add phrase", id="timeline.add"),
        Binding("x", "remove_phrase", "Remove phrase", id="timeline.remove"),
    ]

    DEFAULT_CSS = """
    TimelineScreen #timeline-heading { height: 1; padding: 0 1; background: $panel; text-style: bold; }
    TimelineScreen #timeline-chart { height: auto; max-height: 14; padding: 1 1; }
    TimelineScreen #timeline-list { height: 1fr; border: none; }
    TimelineScreen #timeline-status { height: 1; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, phrase: str = "") -> None:
        """With no phrase, the screen asks for one: over the timeline, so that answering
        returns here, not to a library of 10,000 reports that refreshes when shown."""
        super().__init__()
        self.rows: dict[str, list[Occurrence]] = {}  # phrase: reports holding it, by date
        self.listed: dict[str, list[Occurrence]] = {}  # phrase: the pages of its reports listed, sentences loaded
        self.phrases: dict[str, Phrase] = {}
        self.words: dict[str, str] = {}  # phrase: its words
        self.first_phrase = phrase
        # Per list row: the report (None: the row that lists more), its phrase, the phrase's style.
        self._targets: list[tuple[Occurrence | None, str, Style]] = []
        self._muted = Style()  # the list's muted text, taken when it is filled

    def compose(self) -> ComposeResult:
        yield Static(Text("Phrase timeline"), id="timeline-heading")
        yield Static(Text("Counting…", style="dim"), id="timeline-chart")
        yield OccurrenceList(id="timeline-list")
        # No footer (as the redline): rebuilding its keys costs more than counting a
        # phrase; the status line names the keys, and ? lists them all.
        yield Static("", id="timeline-status")

    def on_mount(self) -> None:
        self.query_one(BatchedOptionList).focus()
        self.prepare()
        # The phrases' colours are the theme's, taken when drawn: drawn again in a new theme.
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.call_after_refresh(self._recolour))
        if self.first_phrase:
            self.add(self.first_phrase)
        else:
            ask_phrase(self.app, self._first_answer)

    def _first_answer(self, text: str | None) -> None:
        if text and parse_phrase(text) is not None:
            self.add(text)
            return
        if text:
            self.notify("The phrase has no words to track", severity="warning")
        self.app.pop_screen()

    def add(self, text: str) -> None:
        phrase = parse_phrase(text)
        if phrase is None:
            self.notify("The phrase has no words to track", severity="warning")
            return
        if phrase.text in self.rows:
            return
        self.count(phrase)

    @work(thread=True, group="timeline-prepare")
    def prepare(self) -> None:
        """While the phrase is typed: counting then places paragraphs in their reports in
        memory (~0.1 s saved on a phrase in thousands of reports)."""
        try:
            self.session.prepare_tracking()
        except Exception:  # noqa: BLE001 - only a head start: counting says what is wrong
            return

    @work(thread=True, group="timeline")
    def count(self, phrase: Phrase) -> None:
        """The chart row as soon as the phrase is counted, then (_counted) its first page
        of reports: finding each report's first sentence (~50 ms for thousands) is not
        waited for."""
        try:
            found = self.session.track(phrase)
        except Exception as exc:  # the index is a cache: say what went wrong, keep the screen
            self.app.call_from_thread(self.notify, f"Cannot track “{phrase.text}”: {exc}", severity="error", markup=False)
            return
        self.app.call_from_thread(self._counted, phrase, found)

    def _counted(self, phrase: Phrase, found: list[Occurrence]) -> None:
        if not self.is_attached:
            return
        if not found:
            self.notify(f"“{phrase.text}” occurs in no report", severity="warning", markup=False)
            if not self.rows:
                self.app.pop_screen()
            return
        self.rows[phrase.text] = found
        self.listed[phrase.text] = []  # its rows are shown once their sentences are found
        self.phrases[phrase.text] = phrase
        self.words[phrase.text] = " ".join(phrase.words)  # as the reader's find highlights it
        self._show()
        # The reports once the chart is on screen: finding their first sentences in a
        # thread while the chart is drawn slowed that frame by as much (one GIL).
        self.call_after_refresh(self.list_more, phrase.text)

    @work(thread=True, group="timeline-page")
    def list_more(self, phrase: str) -> None:
        found, listed, words = self.rows.get(phrase), self.listed.get(phrase), self.phrases.get(phrase)
        if found is None or listed is None or words is None:
            return  # removed (x) meanwhile
        self._list_page(phrase, words, found, len(listed))

    def _list_page(self, text: str, phrase: Phrase, found: list[Occurrence], had: int) -> None:
        """In a worker: the next page of the phrase's reports, their sentences found."""
        try:
            page = self.session.with_sentences(phrase, found[had:had + PAGE])
        except Exception as exc:  # as in count
            self.app.call_from_thread(self.notify, f"Cannot list the reports of “{text}”: {exc}", severity="error", markup=False)
            return
        self.app.call_from_thread(self._listed_more, text, had, page)

    def _listed_more(self, phrase: str, had: int, page: list[Occurrence]) -> None:
        if not self.is_attached or phrase not in self.listed or len(self.listed[phrase]) != had:
            return  # removed meanwhile, or a second Enter already added this page
        here = self.query_one(BatchedOptionList).highlighted if had else None
        self.listed[phrase] = self.listed[phrase] + page
        self._show(keep=here)

    def _recolour(self) -> None:
        if self.rows and self.is_attached:
            self._show(keep=self.query_one(BatchedOptionList).highlighted)

    def _styles(self) -> list[Style]:
        """A bold colour per phrase, each theme colour once (textual-dark's accent is its
        warning). Parsed by Textual, not Rich: the ansi-* themes name theirs `ansi_green`,
        which Rich cannot parse."""
        variables = self.app.get_css_variables()
        colours = dict.fromkeys(Color.parse(variables[name[1:]]).rich_color for name in COLOURS if name[1:] in variables)
        return [Style(bold=True, color=colour) for colour in colours] or [Style(bold=True)]

    def _show(self, keep: int | None = None) -> None:
        styles = self._styles()
        width = self.size.width or 100
        self.query_one("#timeline-chart", Static).update(chart(self.rows, styles, width))
        targets: list[tuple[Occurrence | None, str, Style]] = []
        for (phrase, found), style in zip(self.rows.items(), cycle(styles)):
            listed = self.listed[phrase]
            targets.extend((o, phrase, style) for o in listed)
            if listed and len(listed) < len(found):
                targets.append((None, phrase, style))
        self._targets = targets
        listing = self.query_one(BatchedOptionList)
        self._muted = cursor_safe(self.query_one(OccurrenceList).get_component_rich_style("occurrences--muted", partial=True))
        listing.show_lazily(len(self._targets), self._option)
        if keep is not None:
            listing.show_all()  # the row Enter was pressed on may be past the first batch
        listing.highlighted = (keep if keep is not None else 0) if self._targets else None
        names = "  ·  ".join(f"“{p}”" for p in self.rows)
        self.query_one("#timeline-heading", Static).update(Text(f"Phrase timeline: {names}"))
        total = sum(len(found) for found in self.rows.values())
        listing_now = "listing reports… · " if any(not self.listed[p] for p in self.rows) else ""
        self.query_one("#timeline-status", Static).update(
            Text(f"{listing_now}{total:,} report rows · Enter opens at the first occurrence (on “… more”: lists more) · a add a phrase · "
                 "x remove one · Esc back · ? keys"))

    def _option(self, number: int) -> Option:
        occurrence, phrase, style = self._targets[number]
        muted = self._muted
        line = Text()
        if occurrence is None:
            listed, total = len(self.listed[phrase]), len(self.rows[phrase])
            line.append(f"{phrase[:20]:<20} ", style=style)
            line.append(f"… {total - listed:,} more reports ({listed:,} of {total:,} listed): Enter lists "
                        f"{min(PAGE, total - listed):,} more", style=muted)
            return Option(line, id=str(number))
        line.append(f"{phrase[:20]:<20} ", style=style)
        line.append(f"{occurrence.date or 'undated':<10} {occurrence.count:>4}×  ")
        line.append(occurrence.title, style="bold")
        line.append(f"  ¶{occurrence.paragraph} ", style=muted)
        sentence = " ".join(occurrence.sentence.split())
        line.append(sentence if len(sentence) <= SENTENCE_CHARS else sentence[:SENTENCE_CHARS] + "…", style=muted)
        return Option(line, id=str(number))

    @on(OptionList.OptionSelected, "#timeline-list")
    def open_occurrence(self, event: OptionList.OptionSelected) -> None:
        occurrence, phrase, _ = self._targets[int(event.option.id or 0)]
        if occurrence is None:
            self.list_more(phrase)
            return
        self.app.open_report(occurrence.report, occurrence.paragraph, find=f'"{self.words[phrase]}"')

    def action_add_phrase(self) -> None:
        ask_phrase(self.app, lambda text: self.add(text) if text else None, "Add a phrase to compare")

    def action_remove_phrase(self) -> None:
        listing = self.query_one(BatchedOptionList)
        if listing.highlighted is None or len(self.rows) < 2:
            self.notify("Escape leaves the timeline; x removes a phrase when there are several", timeout=3)
            return
        _, phrase, _ = self._targets[listing.highlighted]
        del self.rows[phrase]
        del self.listed[phrase]
        self._show()

    def action_back(self) -> None:
        self.app.pop_screen()

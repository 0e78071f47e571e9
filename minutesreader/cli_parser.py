"""The command line's parser: every command's arguments and help.

A line that names its command gets that command's parser alone (named_command), which
spares `directives` and `search` building the other nineteen; help, errors and anything
unusual get the whole parser, so what the user reads never changes.
"""

from __future__ import annotations

import argparse
from collections.abc import Collection, Sequence
from importlib import import_module

# Commands run by the other cli_* modules: (module, function), imported when named.
ELSEWHERE = {
    "note": ("cli_notes", "run_note"),
    "notes": ("cli_notes", "run_notes"),
    "import": ("cli_files", "run_import"),
    "brief": ("cli_files", "run_brief"),
    "compare": ("cli_compare", "run_compare"),
    "track": ("cli_compare", "run_track"),
    "series": ("cli_compare", "run_series"),
    "tags": ("cli_tags", "run_tags"),
    "tag": ("cli_tags", "run_tag"),
    "annotations": ("cli_annotations", "run_annotations"),
}
# Those that add their own commands to the parser (add_commands), in the order of the help.
REGISTERING_MODULES = ("cli_compare", "cli_tags", "cli_annotations")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command; given `command`, of that command alone (argparse takes
    ~5 ms to build all twenty, translating each help text), for a line that names it."""
    def wanted(*names: str) -> bool:
        return command is None or command in names

    # The common options go before the command (as the usage line shows them) or after it.
    # A command's own copy leaves the namespace alone when not given (SUPPRESS), else its
    # default None would overwrite the value given before the command.
    common = _common_options(argparse.SUPPRESS)

    parser = argparse.ArgumentParser(
        prog="minutesreader",
        parents=[_common_options(None)],
        description="Read meeting reports with their directives highlighted; note, tag and quote them.",
    )
    parser.add_argument("--version", action=VersionAction, nargs=0, help="show the version and exit")
    # prog given, as argparse would make it: making it loads its help formatter (and shutil).
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", prog=parser.prog)
    if wanted("read"):
        commands.add_parser("read", parents=[common], help="open the reader (the default)")

    if wanted("list"):
        listing = commands.add_parser("list", parents=[common], help="one report per line: id, date, title, directives, notes")
        listing.add_argument("--json", action="store_true", help="one JSON object per line")
        listing.add_argument("--sort", choices=("date", "title", "directives", "notes"), default="date",
                             help="date: newest first (default); title: A to Z; directives, notes: most first")

    if wanted("show"):
        show = commands.add_parser("show", parents=[common], help="a report as plain text, paragraphs numbered, directives marked")
        show.add_argument("report", help="report id (file name without .txt) or path to a file")

    if wanted("directives"):
        directives = commands.add_parser("directives", parents=[common], help="the directive sentences of a report or file")
        directives.add_argument("report", help="report id or path to a text file")
        directives.add_argument("--json", action="store_true", help="one JSON object per line")

    if wanted("note"):
        note = commands.add_parser("note", parents=[common], help="add a note to a paragraph; prints its id once saved")
        note.add_argument("report")
        note.add_argument("paragraph", type=int)
        note.add_argument("text")
        note.add_argument("--tag", action="append", default=[], help="a tag for the paragraph (repeatable)")

    if wanted("notes"):
        notes = commands.add_parser("notes", parents=[common], help="list notes with report, paragraph, text, tags and id")
        notes.add_argument("--report")
        notes.add_argument("--tag")
        notes.add_argument("--orphans", action="store_true",
                           help="only notes and tags whose paragraph was not found in the changed report")
        notes.add_argument("--json", action="store_true", help="one JSON object per line")

    if wanted("search"):
        search = commands.add_parser(
            "search", parents=[common],
            help='search report text and notes: every word must match, "a phrase" in quotes, stabil* for a prefix; exit 1 if nothing matches',
        )
        search.add_argument("query", nargs="+", help="words; several are joined with spaces")
        search.add_argument("--json", action="store_true", help="one JSON object per line")
        search.add_argument("--limit", type=int, default=20, help="at most this many results (default 20)")

    if wanted("import"):
        importing = commands.add_parser("import", parents=[common], help="copy report files, or folders of them, into the library folder")
        importing.add_argument("paths", nargs="+", metavar="PATH")
        importing.add_argument("--date", metavar="YYYY-MM-DD", help="date stamp for files that have none")
        importing.add_argument("--url", help="the report's source address, kept in the store (the file is not changed)")
        importing.add_argument("--publisher", help="who published the report (kept in the store)")
        importing.add_argument("--meeting-date", metavar="YYYY-MM-DD", help="the day the meeting was held (kept in the store)")
        importing.add_argument("--language", metavar="TAG", help="the report's language, e.g. en or zh (kept in the store)")

    if wanted("brief"):
        brief = commands.add_parser("brief", parents=[common], help="list briefs, or export one as Markdown")
        brief_actions = brief.add_subparsers(dest="brief_action", metavar="ACTION", required=True)
        brief_actions.add_parser("list", parents=[common], help="one brief per line: name, quotes, last change")
        export = brief_actions.add_parser("export", parents=[common], help="a brief as Markdown, quotes footnoted with their source")
        export.add_argument("name")
        export.add_argument("--out", metavar="FILE", help="write to FILE (default: standard output)")
        export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    for module in REGISTERING_MODULES:
        if wanted(*(name for name, (where, _) in ELSEWHERE.items() if where == module)):
            import_module(f"minutesreader.{module}").add_commands(commands, common)
    return parser


def _common_options(default: object) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--library", metavar="DIR", default=default,
                        help="folder of report files (default: $MINUTESREADER_LIBRARY or the bundled library)")
    common.add_argument("--db", metavar="DIR", default=default,
                        help="folder of the notes store (default: $MINUTESREADER_DB or the user data dir)")
    common.add_argument("--rules", metavar="FILE", default=default,
                        help="directive rules TOML (default: $MINUTESREADER_RULES or the user config dir)")
    return common


# The options that every command takes, each followed by its value.
_COMMON_OPTIONS = ("--library", "--db", "--rules")


def named_command(argv: Sequence[str], commands: Collection[str]) -> str | None:
    """The command (one of `commands`) a line names, when nothing else could come first:
    only the common options (spelt out) before it. None (build every command's parser)
    for anything else: help, --version, an abbreviated option, no command, a misspelt one."""
    words = iter(argv)
    for word in words:
        if word in _COMMON_OPTIONS:
            next(words, None)
        elif word.split("=", 1)[0] in _COMMON_OPTIONS and "=" in word:
            continue
        else:
            return word if word in commands else None
    return None


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("minutesreader")
    except PackageNotFoundError:
        return "(not installed)"


class VersionAction(argparse.Action):
    """--version, which looks the version up only when asked: importlib.metadata costs
    every other command ~15 ms at start."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: object,
                 option_string: str | None = None) -> None:
        print(f"minutesreader {_version()}")
        parser.exit()

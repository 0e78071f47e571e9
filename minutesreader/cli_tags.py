"""The tag commands (issue 13): `tags` lists the tags in use with their counts, `tag` puts
tags on a paragraph from a script. Registered by cli.py."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from minutesreader.cli_notes import report_paragraph
from minutesreader.cli_output import UserError, json_row, row

# Registered for every command line: what only `tag` uses is imported there.
if TYPE_CHECKING:
    from minutesreader.cli import Context


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    tags = commands.add_parser("tags", parents=[common], help="the tags in use, most used first: tag, count")
    tags.add_argument("--json", action="store_true", help="one JSON object per line")

    tag = commands.add_parser("tag", parents=[common], help="put tags on a paragraph; prints the paragraph's tags")
    tag.add_argument("report", help="report id or path to a file")
    tag.add_argument("paragraph", type=int)
    tag.add_argument("tags", nargs="+", metavar="TAG")


def run_tags(context: Context, args: argparse.Namespace) -> int:
    # A count is tagged paragraphs plus notes carrying the tag, as the app's tag list shows.
    counts = context.store().tag_counts()
    for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold())):
        if args.json:
            json_row({"tag": name, "count": count})
        else:
            row(name, count)
    return 0


def run_tag(context: Context, args: argparse.Namespace) -> int:
    from minutesreader.core.anchoring import context_of
    from minutesreader.storage.model import clean_tags

    wanted = clean_tags(args.tags)
    if not wanted:
        raise UserError("no tag given (tags cannot be empty)")
    report, index = report_paragraph(context, args.report, args.paragraph)
    texts = [p.text for p in report.paragraphs]
    store = context.store()
    # Tags already on the paragraph are kept once: running the script twice adds nothing.
    store.add_tags(report.id, args.paragraph, texts[index], wanted, context=context_of(texts, index))
    now = [mark.tag for mark in store.tags(report.id) if mark.paragraph == args.paragraph]
    row(report.id, f"¶{args.paragraph}", " ".join(f"#{name}" for name in now))
    return 0


COMMANDS = {"tags": run_tags, "tag": run_tag}

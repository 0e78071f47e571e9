"""Dialog flows stay flat (issue 10): a method may hold one level of function (a callback or a
lambda), never a function inside that one. A flow of several dialogs is a chain of methods
given their context with functools.partial, not closures three deep."""

from __future__ import annotations

import ast
from pathlib import Path

import minutesreader

PACKAGE = Path(minutesreader.__file__).parent
UI_FOLDERS = ("screens", "dialogs")
FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)


def nested_too_deep(source: str) -> list[str]:
    """`line name` of every function (def or lambda) nested in a function nested in another."""
    found: list[str] = []

    def visit(node: ast.AST, depth: int) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, 0)  # a class starts again: its methods are depth 1
            elif isinstance(child, FUNCTIONS):
                if depth >= 2:
                    found.append(f"{child.lineno} {getattr(child, 'name', 'lambda')}")
                visit(child, depth + 1)
            else:
                visit(child, depth)

    visit(ast.parse(source), 0)
    return found


def test_no_screen_or_dialog_nests_functions_three_deep() -> None:
    sources = [source for folder in UI_FOLDERS for source in sorted((PACKAGE / folder).glob("*.py"))]
    offenders = {str(source.relative_to(PACKAGE)): nested_too_deep(source.read_text("utf-8")) for source in sources}
    assert {name: places for name, places in offenders.items() if places} == {}
    assert len(sources) > 20  # the folders were found and read


def test_the_check_tells_one_level_from_two() -> None:
    flat = (
        "class Screen:\n"
        "    def action_delete(self):\n"
        "        def confirmed(yes):\n"
        "            self.save(lambda session: session.delete())\n"  # a lambda in the callback: too deep
        "        self.push(lambda yes: yes)\n"  # one level: fine
        "    def confirmed(self, what, yes):\n"
        "        self.save(lambda session: session.delete(what))\n"  # one level: fine
    )
    assert nested_too_deep(flat) == ["4 lambda"]
    deep = "def flow():\n    def chosen(key):\n        def confirmed(yes):\n            pass\n"
    assert nested_too_deep(deep) == ["3 confirmed"]

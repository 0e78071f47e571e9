"""The layers meet through the session: screens, dialogs and widgets never import storage/."""

from __future__ import annotations

import ast
from pathlib import Path

import minutesreader

PACKAGE = Path(minutesreader.__file__).parent
UI_FOLDERS = ("screens", "dialogs", "widgets")


def imported_modules(source: Path) -> set[str]:
    """Every module the file imports, at the top, inside functions, or for the type checker."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_the_ui_never_imports_storage() -> None:
    offenders = {
        str(source.relative_to(PACKAGE)): sorted(m for m in imported_modules(source) if m.startswith("minutesreader.storage"))
        for folder in UI_FOLDERS for source in sorted((PACKAGE / folder).glob("*.py"))
    }
    assert {name: modules for name, modules in offenders.items() if modules} == {}
    assert len(offenders) > 30  # the folders were found and read


def test_the_check_sees_every_kind_of_import(tmp_path: Path) -> None:
    source = tmp_path / "screen.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from minutesreader.storage.store import Store\n"
        "def later():\n    import minutesreader.storage.briefs\n"
        "from minutesreader import storage\n",
        "utf-8",
    )
    found = imported_modules(source)
    assert {"minutesreader.storage.store", "minutesreader.storage.briefs", "minutesreader.storage"} <= found

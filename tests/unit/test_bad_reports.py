"""Hostile and broken files in the library: listed with a reason, decoded right, never a crash."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from minutesreader.core.catalog import Catalog
from minutesreader.core.directives import DirectiveClassifier
from minutesreader.core.library import ReportUnreadable, read_report
from tests.conftest import MODEL_READOUT

CHINESE = "市政府党组召开扩大会议。会议强调，必须加快重点项目建设。"


def bad_library(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    shutil.copy(MODEL_READOUT, folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(2048))
    (folder / "random.txt").write_bytes(bytes(range(256)) * 16)
    (folder / "utf16.txt").write_bytes(" date 2024-01-02 The council must act.\n\nMore.".encode("utf-16"))
    (folder / "gb18030.txt").write_bytes(CHINESE.encode("gb18030"))
    (folder / "latin1.txt").write_bytes("Le comité doit agir à Genève.".encode("latin-1"))
    (folder / "nul.txt").write_bytes(b"The board\x00 must\x00 act.")
    (folder / "ansi.txt").write_bytes(
        b"\x1b[31mRed alert\x1b[0m. \x1b]0;owned\x07Title change. \x1b]52;c;ZXZpbA==\x07Clipboard write.")
    (folder / "markup.txt").write_text("[bold red]Loud[/] and [link=file:///etc/passwd]a link[/link].", encoding="utf-8")
    (folder / "oneline.txt").write_text(("word " * 199 + "end. ") * 1000, encoding="utf-8")  # ~1 MB, one line
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "dangling.txt").symlink_to(folder / "nowhere")
    (folder / "folder.txt").mkdir()
    return folder


@pytest.fixture
def catalog(tmp_path) -> Catalog:
    catalog = Catalog(bad_library(tmp_path / "library"), DirectiveClassifier(), None)
    for _ in catalog.scan():
        pass
    return catalog


def test_every_file_is_listed_and_the_unreadable_ones_say_why(catalog):
    errors = {report_id: summary.error for report_id, summary in catalog.summaries.items()}
    assert errors == {
        "000_9d62e18ffa0ab910": None,
        "empty": "empty file",
        "image": "binary data, not text",
        "random": "binary data, not text",
        "utf16": None,
        "gb18030": None,
        "latin1": None,
        "nul": None,
        "ansi": None,
        "markup": None,
        "oneline": None,
        "loop": "symbolic link loop",
        "dangling": "broken symbolic link",
        "folder": "a folder, not a file",
    }


def test_text_encodings_are_decoded_correctly(catalog):
    folder = catalog.folder
    assert read_report(folder / "utf16.txt").paragraphs[0].text == "The council must act."
    assert read_report(folder / "utf16.txt").date == "2024-01-02"
    assert read_report(folder / "gb18030.txt").paragraphs[0].text == CHINESE
    assert read_report(folder / "latin1.txt").paragraphs[0].text == "Le comité doit agir à Genève."
    assert read_report(folder / "nul.txt").paragraphs[0].text == "The board must act."


def test_escape_sequences_are_removed_and_markup_kept_literally(catalog):
    ansi = read_report(catalog.folder / "ansi.txt").paragraphs[0].text
    assert ansi == "Red alert. Title change. Clipboard write."
    markup = read_report(catalog.folder / "markup.txt").paragraphs[0].text
    assert markup == "[bold red]Loud[/] and [link=file:///etc/passwd]a link[/link]."


def test_a_one_megabyte_line_becomes_display_paragraphs(catalog):
    report = read_report(catalog.folder / "oneline.txt")
    assert len(report.paragraphs) > 500
    assert max(len(p.text.split()) for p in report.paragraphs) <= 300


def test_permission_denied_is_a_reason_not_a_crash(tmp_path, monkeypatch):
    # Tests may run as root, who reads anything: simulate the refusal the OS gives a user.
    locked = tmp_path / "locked.txt"
    locked.write_text("secret", encoding="utf-8")
    real = os.open

    def refusing_open(path, *args, **kwargs):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    with pytest.raises(ReportUnreadable, match="permission denied"):
        read_report(locked)


def test_a_link_out_of_the_library_is_listed_unread_and_not_searched(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root must act now.\n\nThe board must act.", encoding="utf-8")
    folder = tmp_path / "library"
    folder.mkdir()
    shutil.copy(MODEL_READOUT, folder)
    (folder / "link.txt").symlink_to(secret)
    (folder / "inside.txt").symlink_to(folder / "000_9d62e18ffa0ab910.txt")
    catalog = Catalog(folder, DirectiveClassifier(), None)
    for _ in catalog.scan():
        pass
    link = catalog.summaries["link"]
    assert link.error == "a symbolic link out of the folder" and "root" not in link.title
    assert catalog.summaries["inside"].error is None  # a link within the folder is a report
    with pytest.raises(ReportUnreadable, match="out of the folder"):
        read_report(folder / "link.txt")


def test_random_bytes_are_never_a_report(tmp_path):
    # ~10% of random bytes are controls: the old test let about half of such files through.
    folder = tmp_path / "library"
    folder.mkdir()
    for n in range(20):
        (folder / f"random{n}.txt").write_bytes(os.urandom(5000))
    catalog = Catalog(folder, DirectiveClassifier(), None)
    for _ in catalog.scan():
        pass
    assert {summary.error for summary in catalog.summaries.values()} == {"binary data, not text"}

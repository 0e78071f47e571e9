"""`minutesreader import`: any encoding in, UTF-8 out, never overwriting a report."""

from __future__ import annotations

import codecs
import os

import pytest

from minutesreader.cli import main
from minutesreader.core.importer import ImportProblem, check_date, check_library, import_reports
from minutesreader.core.library import bundled_library, read_report

TEXT = "The committee met on Monday.\n\nStaff must file the returns by Friday: café, naïve, “quoted”."
CHINESE = "会议强调，要稳定房地产市场。\n\n各地区要扎实推进。"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def library(tmp_path):
    folder = tmp_path / "library"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("name, payload, expected", [
    ("utf8.txt", TEXT.encode("utf-8"), TEXT),
    ("utf16.txt", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), TEXT),
    ("gb.txt", CHINESE.encode("gb18030"), CHINESE),
    ("latin.txt", TEXT.replace("“", '"').replace("”", '"').encode("latin-1"), TEXT.replace("“", '"').replace("”", '"')),
])
def test_every_encoding_arrives_as_utf8(tmp_path, library, name, payload, expected):
    source = tmp_path / name
    source.write_bytes(payload)
    result = import_reports([source], library)
    assert [i.target.name for i in result.imported] == [name]
    assert (library / name).read_bytes().decode("utf-8") == expected


def test_date_stamp_kept_or_added(tmp_path, library):
    dated = tmp_path / "dated.txt"
    dated.write_text(" date 2020-01-02 " + TEXT, encoding="utf-8")
    undated = tmp_path / "undated.txt"
    undated.write_text(TEXT.replace("Monday", "Tuesday"), encoding="utf-8")
    result = import_reports([dated, undated], library, date="2024-05-06")
    assert [i.dated for i in result.imported] == [False, True]
    assert read_report(library / "dated.txt").date == "2020-01-02"
    assert read_report(library / "undated.txt").date == "2024-05-06"
    assert read_report(library / "undated.txt").paragraphs[0].text == "The committee met on Tuesday."


def test_never_overwrites(tmp_path, library):
    (library / "memo.txt").write_text(TEXT, encoding="utf-8")
    same = tmp_path / "a" / "memo.txt"
    other = tmp_path / "b" / "memo.txt"
    same.parent.mkdir()
    other.parent.mkdir()
    same.write_bytes(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"))  # same text, other encoding
    other.write_text("A different report.", encoding="utf-8")
    result = import_reports([same, other], library)
    assert [(s.source, s.reason) for s in result.skipped] == [(same, "already in the library as memo.txt")]
    assert [i.target.name for i in result.imported] == ["memo-2.txt"]
    assert (library / "memo.txt").read_text(encoding="utf-8") == TEXT
    again = import_reports([other], library)
    assert again.imported == [] and again.skipped[0].reason == "already in the library as memo-2.txt"


def test_folders_binary_and_empty_files(tmp_path, library):
    folder = tmp_path / "incoming"
    (folder / "sub").mkdir(parents=True)
    (folder / "one.txt").write_text(TEXT, encoding="utf-8")
    (folder / "sub" / "two.TXT").write_text("Second report.", encoding="utf-8")
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (folder / ".hidden.txt").write_text("secret", encoding="utf-8")
    result = import_reports([folder], library)
    assert sorted(i.target.name for i in result.imported) == ["one.txt", "two.TXT"]
    reasons = {s.source.name: s.reason for s in result.skipped}
    assert reasons == {"picture.png": "not a .txt file", "empty.txt": "empty file", "binary.txt": "binary data, not text"}


def test_a_named_file_of_another_extension_becomes_txt(tmp_path, library):
    source = tmp_path / "notes.md"
    source.write_text(TEXT, encoding="utf-8")
    assert import_reports([source], library).imported[0].target.name == "notes.txt"


def test_bad_input(tmp_path, library):
    with pytest.raises(ImportProblem, match="YYYY-MM-DD"):
        check_date("2024-02-30")
    with pytest.raises(ImportProblem, match="no such file or folder"):
        import_reports([tmp_path / "missing.txt"], library)
    with pytest.raises(ImportProblem, match="bundled"):
        check_library(bundled_library(), bundled_library())


def test_read_only_library_is_refused(tmp_path, capsys, monkeypatch):
    import os

    folder = tmp_path / "ro"
    folder.mkdir()
    source = tmp_path / "x.txt"
    source.write_text(TEXT, encoding="utf-8")
    # chmod alone does not stop root, who runs CI here; ask the check itself.
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: False if str(path) == str(folder) else real_access(path, mode))
    code, _, err = run(capsys, "import", str(source), "--library", str(folder))
    assert code == 2 and err == f"minutesreader: library folder {folder} is not writable\n"
    assert list(folder.iterdir()) == []


def test_import_command_prints_what_it_did(tmp_path, library, capsys):
    source = tmp_path / "memo.txt"
    source.write_text(TEXT, encoding="utf-8")
    code, out, _ = run(capsys, "import", str(source), str(source), "--library", str(library), "--date", "2024-05-06")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"imported\t{source}\t-> memo.txt (dated 2024-05-06)"
    assert lines[1] == f"skipped\t{source}\talready in the library as memo.txt"
    assert lines[2].startswith("1 imported, 1 skipped")
    code, _, err = run(capsys, "import", str(source), "--library", str(library), "--date", "May 6")
    assert code == 2 and err.count("\n") == 1
    code, _, err = run(capsys, "import", str(source))  # no --library: the bundled one is not for imports
    assert code == 2 and "--library" in err and err.count("\n") == 1


def test_a_stamp_of_no_real_day_is_undated_and_takes_the_date_given(tmp_path, library):
    wrong = tmp_path / "wrong.txt"
    wrong.write_text(" date 2024-02-30 " + TEXT, encoding="utf-8")
    result = import_reports([wrong], library, date="2024-03-01")
    assert [i.dated for i in result.imported] == [True]
    assert read_report(library / "wrong.txt").date == "2024-03-01"
    assert "2024-02-30" not in (library / "wrong.txt").read_text(encoding="utf-8")


def test_a_named_binary_file_is_refused_in_one_line(tmp_path, library, capsys):
    source = tmp_path / "noise.txt"
    source.write_bytes(bytes(range(256)) * 2 + b"\x00" + bytes(range(128, 256)) * 16)  # NUL and undecodable bytes
    random = tmp_path / "random.txt"
    random.write_bytes(os.urandom(5000))
    for bad in (source, random):
        code, _, err = run(capsys, "import", str(bad), "--library", str(library))
        assert code == 2 and err == f"minutesreader: {bad} is not a report: binary data, not text; not imported\n"
    assert list(library.iterdir()) == []


def test_a_named_empty_file_is_refused_in_one_line(tmp_path, library, capsys):
    """Named on the command line, an empty file was 'skipped' with exit 0, as if imported."""
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    code, _, err = run(capsys, "import", str(empty), "--library", str(library))
    assert code == 2 and err == f"minutesreader: {empty} is not a report: empty file; not imported\n"
    assert list(library.iterdir()) == []

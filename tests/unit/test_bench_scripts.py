"""The figures the README quotes come from bench scripts: they must keep running as the
code under them changes (a merge once broke the Chinese scorer without any test noticing)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO

CORPUS = REPO.parent / "shared" / "corpus"


def run(*args: str) -> str:
    result = subprocess.run([sys.executable, *args], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the checkout")
def test_the_directive_scorer_reports_dev_and_unseen_figures_per_genre():
    out = run("bench/eval_directives.py")
    assert "dev" in out and "unseen" in out and "readouts" in out and "all other genres" in out


@pytest.mark.skipif(not (CORPUS / "readouts-zh").is_dir(), reason="../shared/corpus/readouts-zh is not beside the checkout")
def test_the_chinese_scorer_reports_dev_and_unseen_figures():
    out = run("bench/eval_directives.py", "--zh", str(CORPUS / "readouts-zh"))
    assert "Chinese dev" in out and "Chinese unseen" in out and "F1" in out

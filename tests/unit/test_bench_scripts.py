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


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the checkout")
def test_the_directive_scorer_compares_the_rules_with_and_without_the_learned_model():
    out = run("bench/eval_directives.py", "--compare")
    assert "F1 rules" in out and "F1 learned" in out
    rows = [line.split() for line in out.splitlines() if line.startswith("  ")]
    assert {"unseen", "unseen8"} <= {line.strip() for line in out.splitlines() if not line.startswith(" ")}
    assert any(row[-3] != "+0.000" for row in rows)  # the model changes some verdicts


def test_training_the_learned_model_is_deterministic_and_learns_from_its_examples():
    sys.path.insert(0, str(REPO / "bench"))
    from train_directives import Example, fit, series_of

    assert series_of("github:nodejs/TSC, meeting notes") == "github:nodejs/TSC"
    assert series_of("https://www.whitehouse.gov/briefing-room/x") == "whitehouse.gov"
    # Eight series; "w=tsc" is held by the reports of two only, too few for the vocabulary.
    examples = [Example(f"r{n}", f"s{n % 8}", "minutes",
                        ("w=circulate" if n % 2 else "w=attended", "rule=none", *(("w=tsc",) if n % 8 < 2 else ())),
                        "task" if n % 2 else "none", False) for n in range(40)]
    weights, bias = fit(examples, 0.001, 3)
    assert weights["w=circulate"] > 0 > weights["w=attended"]
    assert "w=tsc" not in weights
    assert fit(examples, 0.001, 3) == (weights, bias)

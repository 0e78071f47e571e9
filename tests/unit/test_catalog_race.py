"""The library scan runs in a worker while the UI thread filters and counts the listing:
neither may see a dict change under it (issue 10: "dictionary changed size during iteration")."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from minutesreader.core.catalog import Catalog
from minutesreader.core.directives import DirectiveClassifier
from minutesreader.core.listing import filter_reports

REPORTS = 120
SCANS = 12


def _write_reports(folder: Path) -> list[Path]:
    paths = []
    for number in range(REPORTS):
        path = folder / f"r{number:03}.txt"
        path.write_text(f" date 2024-01-{number % 28 + 1:02} Minutes {number}. The committee must report.\n", "utf-8")
        paths.append(path)
    return paths


def test_a_scan_and_the_filter_run_at_once_without_error(tmp_path):
    folder = tmp_path / "library"
    folder.mkdir()
    paths = _write_reports(folder)
    catalog = Catalog(folder, DirectiveClassifier(), None)
    failures: list[BaseException] = []
    done = threading.Event()

    def scanner() -> None:
        # Half the reports come and go between scans, so every scan adds or removes entries.
        try:
            for scan_number in range(SCANS):
                for path in paths[::2]:
                    hidden = path.with_suffix(".hidden")
                    (hidden.rename(path) if scan_number % 2 else path.rename(hidden))
                for _ in catalog.scan():
                    pass
        except BaseException as exc:  # handed to the main thread, which asserts
            failures.append(exc)
        finally:
            done.set()

    # Switch threads as often as possible: a race that needs luck to show shows at once.
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    thread = threading.Thread(target=scanner)
    try:
        thread.start()
        rounds = 0
        while not done.is_set() or rounds < 10:
            listing = catalog.listing
            shown = filter_reports(listing, "minutes")
            # Each listing agrees with itself, whatever the scan does meanwhile.
            assert len(shown.reports) == len(listing.ordered) == len(listing.summaries)
            assert sum(1 for summary in catalog.summaries.values() if summary.error) == 0
            assert all(summary.id in listing.summaries for summary in listing.ordered)
            rounds += 1
    finally:
        thread.join()
        sys.setswitchinterval(interval)
    assert failures == []
    final = catalog.listing
    assert len(final.summaries) == REPORTS and len(final.ordered) == REPORTS
    assert len(filter_reports(final, "committee").reports) == REPORTS

"""Save notes in a loop, printing each id only after its save returned (run by the stress tests).

    python save_loop.py STORE_DIR NAME [COUNT]

Without COUNT it runs until killed. Every 5th save is a title, printed as "title REPORT NAME-N".
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from minutesreader.storage.store import Store  # noqa: E402

REPORTS = [f"report-{n}" for n in range(6)]  # few reports: the same shards are rewritten over and over


def main() -> None:
    folder, name = Path(sys.argv[1]), sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else None
    store = Store.open(folder)
    n = 0
    while count is None or n < count:
        report = REPORTS[n % len(REPORTS)]
        if count is None and n % 5 == 4:
            store.set_title(report, f"{name}-{n}")
            print(f"title {report} {name}-{n}", flush=True)
        else:
            note = store.add_note(report, n % 40 + 1, f"Paragraph {n % 40 + 1} of {report}.", f"{name} note {n}",
                                  tags=[name])
            print(f"note {note.id}", flush=True)
        n += 1


if __name__ == "__main__":
    main()

"""Keeping words as a highlight, a note or a tag, typed in a real terminal at a typist's speed (issue 13)."""

from __future__ import annotations

from minutesreader.storage.store import Store

MODEL = "000_9d62e18ffa0ab910"


def test_m_n_and_t_on_a_selection_typed_in_bursts(reader_terminal, tmp_path):
    term = reader_terminal
    term.open_report(MODEL)
    # Each line in one write: the selection is made and kept before anything is drawn.
    term.burst("jlvlllm")
    term.wait_for(r"Highlighted “We must accurately grasp” \(¶2\)")
    term.burst("vlnthe key line")
    term.wait_for(r"New note on “We must” \(¶2\).*the key line")
    term.keys("C-s")
    term.wait_for(r"✎ “We must” — the key line")
    term.burst("vtgrowth\r")
    term.wait_for(r"#growth on “We”")
    store = Store.open(tmp_path / "store")
    assert [h.quote for h in store.highlights(MODEL)] == ["We must accurately grasp"]
    assert [(n.quote, n.text) for n in store.notes(MODEL)] == [("We must", "the key line")]
    assert [(m.quote, m.tag) for m in store.tags(MODEL)] == [("We", "growth")]

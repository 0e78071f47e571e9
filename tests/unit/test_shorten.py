"""Choosers, prompts and notices cut text at sentence or word ends (issue 9, defect 17)."""

from minutesreader.core.shorten import around, shorten


def test_short_text_is_kept_whole_on_one_line():
    assert shorten("two\nlines", 20) == "two lines"


def test_a_cut_falls_at_a_word_end_and_says_so():
    cut = shorten("Merge #growth into #economy: 12 paragraphs carry it", 40)
    assert cut == "Merge #growth into #economy: 12…"
    assert len(cut) <= 40


def test_a_cut_prefers_a_sentence_end_in_the_second_half():
    assert shorten("The meeting was held. Everyone agreed to maintain the course", 40) == "The meeting was held.…"


def test_text_without_spaces_is_cut_where_the_room_ends():
    assert shorten("会议强调要加快推进经济高质量发展。坚持稳中求进", 10) == "会议强调要加快推进…"


def test_around_a_trigger_keeps_what_follows_it():
    sentence = ("In view of the ongoing uncertainty about the economic outlook, the Committee agreed to "
                "maintain the target range for the federal funds rate at 5 to 5-1/4 percent.")
    start = sentence.index("agreed to")
    shown, at, to = around(sentence, start, start + len("agreed to"), 60)
    assert shown[at:to] == "agreed to"
    assert shown.startswith("…") and shown.endswith("…") and len(shown) <= 60
    assert "agreed to maintain the target range" in shown
    assert not shown[1].isspace() and shown[1:].split()[0] in sentence.split()  # whole words only


def test_around_a_trigger_at_the_end_shows_what_leads_to_it():
    sentence = "The Committee will continue reducing its holdings of Treasury securities as it decided to"
    start = sentence.index("decided to")
    shown, at, to = around(sentence, start, start + len("decided to"), 50)
    assert shown.endswith("decided to") and shown[at:to] == "decided to" and len(shown) <= 51

"""Choosers, prompts and notices cut text at sentence or word ends (issue 9, defect 17)."""

from minutesreader.core.shorten import shorten


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

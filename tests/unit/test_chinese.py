"""Chinese originals: language, sentences, directives and titles, on text written for the tests.

Every Chinese sentence here was made up for these tests in the style of readouts; none
is taken from a real report.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from minutesreader.core.analysis import analyze_report
from minutesreader.core.directives import DirectiveClassifier, load_classifier
from minutesreader.core.language import detect_language, has_directive_rules
from minutesreader.core.reports import parse_report
from minutesreader.core.sentences_zh import split_chinese_sentences

classifier = DirectiveClassifier()


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_chinese_sentences(text)]


def category(sentence: str) -> str | None:
    found = classifier.classify(sentence, "zh")
    return found.category if found else None


# --- language ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("会议强调，要加快建设农田水利设施，确保春耕顺利。", "zh"),
        ("会议要求，各部门要做好H7N9疫情防控和GDP核算工作。", "zh"),
        ("The council met on Monday and agreed to repair the bridge.", "en"),
        ("The meeting discussed the 十四五 plan and agreed to act.", "en"),
        ("市議会は月曜日に会合を開き、橋の修理について話し合った。", "ja"),
        ("시의회는 월요일에 회의를 열고 다리 보수를 논의했다.", "ko"),
        ("Городской совет собрался в понедельник и обсудил ремонт моста.", "ru"),
        ("2024-05-06 12:00", "en"),
    ],
)
def test_language_of_a_report(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_only_english_and_chinese_have_directive_rules() -> None:
    assert has_directive_rules("en") and has_directive_rules("zh")
    assert not any(has_directive_rules(code) for code in ("ja", "ko", "ru", "other"))


# --- sentences ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("会议听取了汇报。会议指出，形势严峻！各地要做好准备？", ["会议听取了汇报。", "会议指出，形势严峻！", "各地要做好准备？"]),
        # never at ； or a comma: a list under one 要 is one sentence
        ("要修好水渠；要备足种子；要管好农机。", ["要修好水渠；要备足种子；要管好农机。"]),
        # closing quotes and brackets stay with their sentence
        ("他说：“要抓紧。”会议同意。", ["他说：“要抓紧。”", "会议同意。"]),
        ("会议结束（完）。（记者 王小明）", ["会议结束（完）。", "（记者 王小明）"]),
        # NFKC-normalised punctuation: ASCII ! ? , ; and brackets
        ("形势严峻!要做好准备?要修好水渠;要备足种子。", ["形势严峻!", "要做好准备?", "要修好水渠;要备足种子。"]),
        ("全文没有句号", ["全文没有句号"]),
    ],
)
def test_chinese_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_chinese_report_paragraph_splits_at_full_stop() -> None:
    report = parse_report(" date 2024-03-01 会议听取了汇报。会议指出，要做好春耕。\n\n会议还研究了其他事项。\n", "r")
    analysis = analyze_report(report, classifier)
    assert [s.text for s in analysis[0]] == ["会议听取了汇报。", "会议指出，要做好春耕。"]
    assert [s.directive.category if s.directive else None for s in analysis[0]] == [None, "obligation"]


# --- directives --------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, expected, trigger",
    [
        # obligation: a necessity modal on the action
        ("会议强调，要加快修复受损的堤坝。", "obligation", "要"),
        ("各乡镇要把防汛责任落实到村组。", "obligation", "要"),
        ("一要抓好春耕备耕；二要保障化肥供应。", "obligation", "一要"),
        ("我们必须高度重视饮水安全。", "obligation", "必须"),
        ("相关部门务必于月底前完成排查。", "obligation", "务必"),
        ("各单位应当按时报送统计数据。", "obligation", "应当"),
        ("施工单位不得拖欠农民工工资。", "obligation", "不得"),
        ("关键是要把好事办好。", "obligation", "关键是"),
        ("做好这项工作，需要各方密切配合。", "obligation", "需要"),
        ("会议要求，各县要尽快完成道路抢修。", "obligation", "要"),  # the modal wins over the call
        # call: the meeting or a leader asks, with no modal
        ("会议要求各乡镇深刻认识护林工作的紧迫性。", "call", "要求"),
        ("会议要求，加快修复受损道路。", "call", "要求"),
        ("市长要求有关部门立即排查隐患。", "call", "要求"),
        ("鼓励企业参与农村道路建设。", "call", "鼓励"),
        ("会议号召全县干部群众投身防汛救灾。", "call", "号召"),
        ("会议认为，开展植树活动，具有重要意义。", "call", "认为"),
        # task: bare action clauses, decided measures, duties
        ("加快建设县城污水处理厂。", "task", "加快"),
        ("一是紧盯重点项目进度。", "task", "紧盯"),
        ("会议强调，统筹推进城乡供水一体化。", "task", "统筹推进"),
        ("会议决定，将明年的植树节活动提前到三月初。", "task", "决定"),
        ("以农田水利为重点，加大投入力度。", "task", "加大"),
        ("项目审批由县发展改革局负责。", "task", "负责"),
        ("按照省委要求，做好迎检准备。", "task", "做好"),  # 要求 here is the noun
        ("中方愿同各方一道，推动合作不断深入。", "task", "愿同"),
        ("确保饮水安全是重中之重。", "obligation", "是重中之重"),
        ("王华要求各乡镇加快收割进度。", "call", "要求"),
        ("把稳就业摆在更加突出的位置。", "task", "把"),
        ("决不能搞形式主义。", "obligation", "决不能"),
        ("会议强调了做好防汛工作的重要性。", "call", "强调"),
        ("下一步，将持续推进道路建设。", "task", "下一步，将"),
        ("会议审议了方案，决定按程序报县委审定。", "task", "决定"),
    ],
)
def test_chinese_triggers(sentence: str, expected: str, trigger: str) -> None:
    found = classifier.classify(sentence, "zh")
    assert found is not None and found.category == expected
    assert found.trigger == trigger
    assert sentence[found.start:found.end] == trigger


@pytest.mark.parametrize(
    "sentence",
    [
        # the event: who met, presided, attended, what was heard
        "3月2日上午，县委召开常委会议，听取防汛工作汇报。",
        "县委书记李明主持会议并讲话。",
        "省委书记应强主持会议，省委副书记王明出席会议。",  # 应 is a surname here
        "县政府副县长张华、王芳出席会议，县直有关部门负责人列席会议。",
        "会议传达学习了省委全会精神。",
        "会议审议通过了《县城绿化管理办法（草案）》。",
        "会议还研究了其他事项。",
        # framing and assessments
        "会议指出，这次全会是在关键时期召开的一次重要会议。",
        "会议认为，今年以来全县经济运行总体平稳。",
        "开展植树活动，是改善人居环境的重要举措。",
        "省里对我县的工作提出了明确要求。",
        "这些措施符合群众的需要。",
        "只要大家齐心协力，困难就能克服。",
        "主要指标完成良好，粮食产量增长百分之三。",
        # plain futures, forecasts, permissions, completed acts
        "全县运动会将在十月举行。",
        "经济增长必将进一步加快。",
        "农户可自愿申请补贴。",
        "加强了对重点企业的服务。",
        # dateline and byline
        "本报讯（记者 王小明）",
        "央视网消息（新闻联播）：县委召开常委会议。",
        "应邀出席会议的还有县政协主席。",
        "会议应到12人，实到11人。",
        "同时也要看到，外部环境的不确定性上升。",  # framing, like "it should be noted"
        "扎实推进道路建设，取得了明显成效。",  # a result reported
        "需要注意的是，汛期风险依然较多。",
        "必须清醒看到，发展不平衡问题仍然突出。",
        "会议审议通过了人事任免决定。",
        "经济将保持回升向好态势。",
        "内需持续恢复，外需有所回暖。",
        "这项工作很重要，决定全县未来的发展空间。",
        "县长强调，确保全年目标实现，任务艰巨繁重。",  # 决定 here is "determines"
        "会议认为，全县上下奋力争先，经济稳中向好。",  # 奋力争先 holds no 力争
        "群众积极响应党的号召。",
        "会议要点已印发各单位。",
        "报告紧扣要点，内容翔实。",
    ],
)
def test_not_chinese_directives(sentence: str) -> None:
    assert category(sentence) is None


def test_quoted_slogans_and_document_titles_do_not_trigger() -> None:
    assert category("会议学习了《关于加快推进农田建设的意见》。") is None
    assert category("会议重温了“要想富，先修路”的老话。") is None
    assert category("他强调：“要把群众安全放在第一位。”") == "obligation"  # quoted speech counts


def test_user_rules_accept_chinese_triggers(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text('never = ["不得不"]\n[triggers]\ntask = ["着手"]\ncall = ["敦促"]\n', encoding="utf-8")
    custom, warnings = load_classifier(rules)
    assert warnings == []
    task = custom.classify("全县着手修订防汛预案。", "zh")
    assert task is not None and (task.category, task.trigger) == ("task", "着手")
    call = custom.classify("县长敦促各乡镇加快进度。", "zh")
    assert call is not None and (call.category, call.trigger) == ("call", "敦促")


def test_user_never_phrase_blanks_a_chinese_trigger(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text('never = ["一定要"]\n', encoding="utf-8")
    custom, _ = load_classifier(rules)
    assert custom.classify("大家一定要注意安全。", "zh") is None
    assert classifier.classify("大家一定要注意安全。", "zh") is not None


def test_english_sentence_in_a_chinese_library_uses_english_rules() -> None:
    english = parse_report("The council must repair the bridge.\n", "e")
    chinese = parse_report("会议要求，各县要尽快完成道路抢修。\n", "c")
    assert (english.language, chinese.language) == ("en", "zh")
    assert analyze_report(english, classifier)[0][0].directive.category == "obligation"
    assert analyze_report(chinese, classifier)[0][0].directive.category == "obligation"


def test_report_in_a_language_without_rules_has_no_directives() -> None:
    report = parse_report("Городской совет должен отремонтировать мост. Совет собрался.\n", "ru")
    assert report.language == "ru"
    assert all(s.directive is None for para in analyze_report(report, classifier) for s in para)
    assert report.paragraphs[0].text.startswith("Городской совет")


# --- titles ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "opening, title",
    [
        ("央视网消息（新闻联播）：中共中央政治局4月28日召开会议，分析研究经济形势。", "中共中央政治局会议"),
        ("新华社北京3月5日电 国务院总理王明3月5日主持召开国务院常务会议，研究防汛工作。", "国务院常务会议"),
        ("本报讯（记者 王小明）昨天上午，市委书记张华主持召开市委常委会会议，研究春耕。", "市委常委会会议"),
        ("本报讯 (记者 王小明) 5月6日,县人大常委会举行第十二次会议。", "县人大常委会第十二次会议"),
        ("3月2日下午,市委召开常委会议,听取汇报。", "市委常委会议"),
        ("今天,全县防汛工作推进情况通报如下。", "全县防汛工作推进情况通报如下"),
    ],
)
def test_chinese_titles(opening: str, title: str) -> None:
    assert parse_report(opening + "\n", "r").title == title


def test_chinese_title_without_a_meeting_is_cut_short() -> None:
    title = parse_report("全县上下" + "齐心协力" * 20 + "。\n", "r").title
    assert title.endswith("…") and len(title) <= 25


# --- citations ---------------------------------------------------------------------


def test_chinese_quote_is_cited_with_chinese_marks_and_title() -> None:
    from minutesreader.core.citations import Quote

    quote = Quote("要加快修复受损水渠。", "县委常委会会议", "2024-03-01", 2, "r")
    assert quote.cite() == "“要加快修复受损水渠。”——县委常委会会议，2024-03-01，第2段"
    english = Quote("The dam must be repaired.", "Council meeting", None, 1, "e")
    assert english.cite() == "“The dam must be repaired.” — Council meeting, undated, ¶1"


def test_chinese_citation_template_is_configurable(tmp_path: Path) -> None:
    from minutesreader.core.citations import Quote
    from minutesreader.core.settings import load_settings

    config = tmp_path / "config.toml"
    config.write_text('[citation]\nchinese_template = "「{quote}」（{title}）"\n', encoding="utf-8")
    settings = load_settings(config)
    assert settings.warnings == []
    quote = Quote("要加快修复受损水渠。", "县委常委会会议", "2024-03-01", 2, "r")
    assert quote.cite(settings.citation_template, settings.chinese_citation_template) == "「要加快修复受损水渠。」（县委常委会会议）"
    config.write_text('[citation]\nchinese_template = "{title}"\n', encoding="utf-8")
    warning = load_settings(config).warnings
    assert len(warning) == 1 and "Chinese citation template has no {quote}" in warning[0]


def test_long_unparagraphed_chinese_is_cut_at_sentence_ends() -> None:
    sentence = "会议强调，要加快推进农田水利建设，确保春耕用水不误农时。"  # 28 characters
    report = parse_report(sentence * 200 + "\n", "long")
    assert len(report.paragraphs) > 5
    assert all(len(p.text) <= 700 for p in report.paragraphs)
    assert all(p.text.endswith("。") for p in report.paragraphs)
    assert "".join(p.text for p in report.paragraphs) == sentence * 200
    short = parse_report(sentence * 10 + "\n", "short")
    assert len(short.paragraphs) == 1  # a real readout paragraph stays whole


def test_gb18030_report_is_read_with_its_chinese_title(tmp_path: Path) -> None:
    from minutesreader.core.library import read_report

    path = tmp_path / "gb.txt"
    path.write_bytes(" date 2024-03-01 3月1日，县委召开常委会议，研究春耕。会议强调，要加快修复水渠。\n".encode("gb18030"))
    report = read_report(path)
    assert (report.language, report.title) == ("zh", "县委常委会议")
    assert [s.directive.category if s.directive else None for s in analyze_report(report, classifier)[0]] == [None, "obligation"]


def test_a_paragraph_in_the_other_language_gets_its_own_rules() -> None:
    report = parse_report("会议强调，要加快修复水渠。各乡镇要抓好落实。\n\nThe council must repair the bridge. It met on Monday.\n", "mixed")
    assert report.language == "zh"
    english = analyze_report(report, classifier)[1]
    assert [s.text for s in english] == ["The council must repair the bridge.", "It met on Monday."]
    assert [s.directive.category if s.directive else None for s in english] == ["obligation", None]


def test_brief_footnote_of_a_chinese_quote_is_written_the_chinese_way() -> None:
    from minutesreader.core.brief_export import footnote
    from minutesreader.core.records import BriefItem

    item = BriefItem("quote", "要加快修复水渠。", title="县委常委会会议", report="r", date="2024-03-01", paragraph=2)
    assert footnote(item) == "县委常委会会议，2024-03-01，第2段 (report r)"
    assert footnote(item, chinese_template="「{quote}」{title}，第{paragraph}段") == "县委常委会会议，第2段 (report r)"
    english = BriefItem("quote", "The dam must be repaired.", title="Council", report="e", date=None, paragraph=1)
    assert footnote(english) == "Council, undated, ¶1 (report e)"


def test_a_chinese_first_line_ending_in_a_full_width_stop_is_not_a_headline() -> None:
    report = parse_report("县委召开常委会议，要求全县上下立即行动起来！\n\n会议还研究了其他事项。\n", "r")
    assert not report.paragraphs[0].headline
    assert analyze_report(report, classifier)[0][0].directive is not None
    headline = parse_report("县委召开常委会议\n\n会议还研究了其他事项。\n", "h")
    assert headline.paragraphs[0].headline and headline.title == "县委召开常委会议"


@pytest.mark.parametrize(
    "text, expected",
    [
        # A long title (no full stop) must not outvote the body's sentences.
        ("Very long title " * 40 + "\n\nThe council must fix the roads.", "en"),
        ("Very long title " * 40 + "\n\n会议强调，要加快建设农田水利设施，确保春耕顺利。", "zh"),
        ("会议纪要" * 5 + "\n\nThe council met on Monday and agreed to repair the bridge.", "en"),
        # A report in another Latin-script language is still told apart.
        ("Le conseil municipal s'est réuni lundi. " * 10 + "Il a décidé de réparer le pont de la ville.", "other"),
    ],
    ids=["english-body", "chinese-body", "chinese-title", "french"],
)
def test_the_language_is_that_of_the_sentences_not_of_a_long_title(text: str, expected: str) -> None:
    assert detect_language(text) == expected
    assert parse_report(text, "r").language == expected

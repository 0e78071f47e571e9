"""A short title for a Chinese readout: the meeting, named as readouts name it.

A Chinese readout opens with its dateline or byline (央视网消息（新闻联播）：, 本报讯（记者
X）, 新华社北京1月30日电), then when and who met: "中共中央政治局1月30日召开会议", "省委
书记X主持召开省委常委会会议", "县人大常委会举行第三十四次会议". The title is the
meeting: the body that met and the kind of meeting (中共中央政治局会议, 省委常委会会议,
县人大常委会第三十四次会议). Where no meeting is named, the opening clause, cut short.
"""

from __future__ import annotations

import re

from minutesreader.core.pattern_cache import PATTERNS
from minutesreader.core.sentences_zh import DATELINE

__all__ = ["derive_chinese_title"]

MAX_CHARS = 24  # about 48 cells: the library's title column shows that much

_BYLINE = PATTERNS.compile(r"^\s*[（(](?:[^（()）]{0,6}记者|通讯员)[^（()）]{0,40}[）)]\s*")
_WHEN = (
    r"\d{4}年|\d{1,2}月|\d{1,2}日|[上下]午|晚上|晚间|早上|凌晨"
    r"|[今昨前]天|日前|近日|当天|当日|今年|本月"
)
_LEADING_WHEN = PATTERNS.compile(r"^\s*(?:" + _WHEN + r")+[，,]?\s*")
_TRAILING_WHEN = PATTERNS.compile(r"(?:" + _WHEN + r"|在京|在北京|在[^，,。]{1,6}?(?=$))+$")
_MEETING = PATTERNS.compile(
    r"(?P<verb>主持召开|召开|举行|主持)(?:了)?"
    r"(?P<what>[^，,。；;：:、]{0,40}?(?:会议|全会|常委会|座谈会|专题会|办公会|例会|[（(]扩大[）)]会|会))"
    r"(?=[，,。；;：:、]|$)"
)
_CLAUSE_END = PATTERNS.compile(r"[，,。；;：:！!？?]")


def _clean_meeting(what: str) -> str:
    return re.sub(r"^(?:今年|本年度|本年|了)", "", what).strip()


def derive_chinese_title(opening: str) -> str:
    text = opening.strip()
    if not text:
        return "无标题"
    dateline = DATELINE.match(text)
    if dateline:
        text = text[dateline.end():]
    text = _BYLINE.sub("", text, count=1)
    text = _LEADING_WHEN.sub("", text, count=1)
    first = text.split("。", 1)[0]
    meeting = _MEETING.search(first)
    if meeting:
        what = _clean_meeting(meeting.group("what"))
        if meeting.group("verb").startswith("主持"):
            title = what  # "省委书记X主持召开省委常委会会议": the meeting names its body
        else:
            head = first[:meeting.start()]
            cut = max((m.end() for m in _CLAUSE_END.finditer(head)), default=0)
            who = _TRAILING_WHEN.sub("", head[cut:]).strip()
            who = _LEADING_WHEN.sub("", who).strip()
            title = what if not who or what.startswith(who) else who + what
        if 2 <= len(title) <= 40:
            return title
    clause = _CLAUSE_END.split(text, 1)[0].strip() or text
    return clause if len(clause) <= MAX_CHARS else clause[:MAX_CHARS] + "…"

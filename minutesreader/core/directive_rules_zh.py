"""The language of directives in Chinese readouts: triggers per category and false friends.

Kept apart from the classifier (directives_zh.py) so the vocabulary can be read, and
argued with, in one place; see the section "Chinese originals (中文)" of
../shared/docs/directives.md. Chinese is written without spaces, so a trigger is a run
of characters and its false friends are the words that contain it (要 in 重要, 主要,
只要, 要求): those are blanked before the triggers are looked for. Punctuation comes
full-width (，：（）) or NFKC-normalised (, : ( )) and every pattern accepts both.
"""

from __future__ import annotations

import re

_COMMA = r"[，,]"
_LEAD_PUNCT = r"[，,：:]"

# --- obligation: a necessity modal on the action ------------------------------------

# Words that contain 要 but are not the modal: nouns and adjectives (重要, 要点, 纲要), the
# conditional and other particles (只要, 要是, 要么), "about to" (将要) and "want" (想要).
# 要求 is a call or a noun, decided by the call rules; 需要 is decided by NOT_MODAL_XU.
NOT_MODAL_YAO = re.compile(
    r"[重主首紧纲摘提简扼政机险显精纪概节枢]要|(?<!其)次要|(?<!有)必要"
    r"|要(?:求|素|点|件|务|闻|害|领|义|诀|塞|职|员|案|津|命|账|紧|么|是|览|略|旨|犯|项|目)"
    r"|只要|将要|快要|想要|要(?=[”」》])"
    # "同时也要看到……": framing what follows, like "it should be noted"
    r"|[要须](?:清醒)?(?:看到|注意到)"
)
# 应 in words that are not the modal "should" (应邀 accepted an invitation, 供应 supply,
# 应对 cope with, 应急 emergency, 应知应会 what one must know: a noun phrase).
NOT_MODAL_YING = re.compile(
    r"[响相反适供对效呼因回答顺感报照]应|应(?:邀|对|用|急|有|届|聘|征|变|战|酬|付|收|缴|是|运|声|验|试|考|答|到|出席|参加)|应知应会"
)
# 需要 as a noun ("发展需要", "根据需要", "的需要。"), 需求 (demand), 必需, 无需, 所需.
NOT_MODAL_XU = re.compile(
    r"(?:的|满足|适应|根据|按照|符合|实际|工作|发展|群众|人民|有|视)需要|需要(?=[，,。、的）)”;；:：])"
    r"|需求|[必无所急军供刚按内外]需|需用|无须|毋须|须知|不得不|不得而知|需要(?:注意|指出|说明|强调)的是"
)

OBLIGATION = re.compile(
    r"一定要|就是要|还要|更要|仍要|首先要|务必|必须|[一二三四五六七八九十]要|要"
    r"|应当|应该|理应|应(?=[\u4e00-\u9fff])|需要|需(?=[\u4e00-\u9fff])|须(?=[\u4e00-\u9fff])"
    r"|不得|严禁|决不能|绝不能|切忌|切勿|关键(?:是|在于)|至关重要|离不开|有必要|是(?:重中之重|头等大事|第一要务|首要任务)"
)

# --- call: the meeting or a leader asks, with no modal ------------------------------

# 要求 the verb follows whoever asks (会议要求，他要求, 书记要求) or opens a clause, or
# is followed by a comma or its addressee (李强要求各地……); before 的, 。, 和 ... it is
# the noun, and so it is after 的 or in 按照……要求 (NOUN_YAOQIU_BEFORE).
VERB_YAOQIU = re.compile(
    r"(?:(?:^|(?<=[，,。：:；;\s])|(?<=会议|会上|同时|特别|再次|明确|强调|他们|一步)|(?<=[并还也他她长席任理记]))"
    r"要求(?![的。、和与及为上下中”」》）);；]|$)"
    r"|要求(?=[，,：:]|各|全|有关|相关|广大|大家|党员|干部|企业|部门|我们))"
)
NOUN_YAOQIU_BEFORE = re.compile(r"(?:[的总新高严]|按照|根据|遵照|依照|符合|落实|贯彻|达到|提出)[^，,。；;：:]{0,10}$")
CALL = re.compile(
    r"鼓励(?!类|性|政策|措施|和支持的)|(?<![的召])号召|呼吁|倡议(?!书)|责成|希望(?=各|广大|全|大家|同志们|你们|我们)"
)
# "强调，做好……工作，具有重要意义": a reporting verb, an action, and its importance.
REPORTING = re.compile(r"(?:强调|指出|认为|提出)" + _LEAD_PUNCT)
# "会议强调了做好防汛工作的重要性": a reporting verb and the importance of an action.
IMPORTANCE_OF = re.compile(r"(?:强调|指出|重申)(?:了)?[^。；;]{2,40}的(?:重要性|紧迫性|必要性)")
IMPORTANCE = re.compile(r"具有(?:十分|非常|特别|极其|极为)?(?:重要|重大|深远)(?:的)?(?:现实|战略|政治|历史)?意义|是[^，,。]{0,30}的重要举措|重要性和紧迫性")

# --- task: bare action clauses, the body's decided measures, assigned duties -------

# Verbs (and adverbs of manner that lead a command) a readout opens a bare action clause
# with: "加快……", "统筹……", "切实做好……", "一是紧盯……".
_ACTION_HEADS_TEXT = """加快 推进 推动 做好 统筹 加强 抓好 抓紧 抓实 坚持 深化 强化 落实 完善 提升
    提高 促进 持续 确保 扎实 切实 全力 着力 大力 积极 认真 严格 进一步 继续
    不断 深入 坚决 全面 牢牢 紧盯 紧扣 聚焦 围绕 优化 健全 建立 构建 实施 开展
    保障 维护 防范 守住 搞好 妥善 密切 准确 及时 扩大 培育 巩固 增强 营造 压实
    细化 狠抓 抓住 用好 发挥 加大 支持 引导 规范 筑牢 夯实 守牢 兜牢 稳住 稳定
    改善 严厉 依法 精准 毫不动摇 毫不放松 坚定不移 努力 力争 全力以赴 千方百计
    始终 牢固 树立 贯彻 学习贯彻 深入学习 动员 督促 坚定 统筹推进 扎实推进 锤炼
    拓展 拓宽 释放 激发 激活 打造 建设 推行 落细 压紧 织密 守护 保持 谋划 做实
    办好 提振 加紧 尽快 加速 严防 严控 严把 注重 更加注重 重视 高度重视 防止
    杜绝 坚守 帮助 指导 加力 做强 做优 做大 因地制宜 稳步 稳妥 有序 有效 更好
    精心 周密 及早 尽早 主动 广泛 大胆 充分 全方位 多措并举 深入实施 全面深化
    全面加强 切实加强 提前 迅速 立即 抓细 落实好 组织开展 推广 探索 把握 做到 实现 创新
    坚持不懈 持之以恒 着眼 把 加紧推进 深入推进 加快构建 突出 聚力 集中 打好 打赢 守好
    管好 用足 抓牢 落实落细 研究制定 制定 出台 修订 编制 启动 推出 做细 压减 降低 减轻
    减少 增加 保护 治理 整治 清理 排查 化解 遏制 严格执行 贯彻执行 凝聚 弘扬 畅通 打通
    加速推进 力促 实行 实施好 引进 培养 关心关爱 严肃 严惩 查处 打击 防控 防治 做深
    深化拓展 加深 融入 配合 协调 统一 通盘考虑 统筹考虑 综合考虑 坚决打好 全力抓好 切实抓好 认真抓好 扎实抓好 扎实做好 认真做好 全力做好 切实做好 全面落实"""
ACTION_HEADS = frozenset(_ACTION_HEADS_TEXT.split())
# What may come before the action at the head of a sentence: list markers, time
# adverbs, and a reporting verb ("会议强调，" "李克强指出，").
HEAD_PREFIX = re.compile(
    r"(?:[（(]?[一二三四五六七八九十\d]{1,2}[）)、.]\s*|[一二三四五六七八九十]是|第[一二三四五六七八九十]|首先|其次|再次|最后|同时|此外|另外|当前|今年|下一步|今后)?"
    r"[，,：:]?\s*"
    # a purpose or frame before the command: "以……为重点，" "为了……，" "按照……，"
    r"(?:(?:以|为了|按照|根据|针对|围绕|立足|聚焦)[^，,。；;]{1,40}[，,]\s*)?"
    r"[，,：:]?\s*"
    r"(?:[^，,。：:“”]{0,14}?(?:强调|指出|认为|提出|表示|要求)[，,：:]\s*)?"
    r"(?:[一二三四五六七八九十]是)?[，,：:]?\s*"
)
# The body's own decision ("会议决定，将……"), a target ("力争……"), or what the body will do.
DECIDED = re.compile(
    # 决定 of the meeting ("会议决定，", "……，决定将……"), not "决定了未来的空间" (determines)
    r"(?:(?:会议|会上|研究|常委会|政治局|国务院)(?:还)?(?P<decided>决定|确定)(?![性权书》”的]|草案|事项)(?=[，,：:]?\s*[\u4e00-\u9fff])"
    r"|[，,]\s*(?P<then_decided>决定)(?=将|按|由|对|在|从|把|于|采取|成立|设立|召开|开展|实施|制定|给予|暂停|取消))"
    r"|(?<![奋全努竭大])力争|(?:我们|我市|我省|我县|我区|本市|全市|全省|全县)将(?=[\u4e00-\u9fff])"
    r"|(?:下一步|接下来|今后)[，,]?\s*(?:还|也)?将(?=[\u4e00-\u9fff])"
)
# Commitments of the body or the parties: "中方愿同各方一道……", "双方同意加强……".
COMMITMENT = re.compile(r"愿(?:同|与|意同|意与|继续|为)|(?:双方|各方|一致)同意(?![《“])|承诺")
# A result reported, not a command: "扎实推进……，取得了明显成效".
RESULT = re.compile(r"取得了|成效(?:明显|显著)|(?:明显|显著)成效|已经|均已|基本完成")
# Duties assigned in a decided rule ("……由市发改委负责"), not a title (负责人, 负责同志).
DUTY = re.compile(r"(?<!主要)负责(?![人同任])")
# An action named as the subject of an assessment: "开展……活动，是……的重大部署".
# ("确保……，任务艰巨繁重": the action names what is hard, it is not commanded)
COPULA = re.compile(r"[，,]\s*是|具有[^，,。]{0,12}意义|意义重大|艰巨|繁重")
# The event itself: who met and what was heard; duties here are attendance, not tasks.
EVENT = re.compile(r"出席|列席|参加会议|主持(?:召开|会议)|召开")

# Document titles and short quoted slogans: their words are not the readout's own.
# Quoted speech (after a colon, or holding a full stop) is the readout's own and counts.
QUOTED = re.compile(r"《[^》]{1,80}》|(?<![：:])[“「\"][^”」\"。！？!?]{1,20}[”」\"]")

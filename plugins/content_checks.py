"""Rule types that need their own logic: a local topic (``topic_local``), a situation
that only praises (``praise_only``), targets no solution serves (``targets_served``),
the body's font (``docx_font``) and template placeholders left (``placeholders``)."""

from __future__ import annotations

import re

from nghiquyet.engine.model import Facts
from nghiquyet.engine.rule_params import Param, rule_type
from nghiquyet.engine.rules import Hit, Outcome, Rule
from nghiquyet.engine.text import match_key

from .check_helpers import sentences

_LOCAL_UNITS = re.compile(
    r"\b(?:thôn|ấp|xóm|bản|buôn|làng|tổ dân phố|tổ|khu phố|khu|xã|phường|thị trấn|trường|lớp|"
    r"hợp tác xã|công ty|nhà máy|phân xưởng|chợ|kênh|đường|hộ|trạm|bệnh viện|cơ quan|đơn vị)\b"
)


# Capitalised words that name no local place ("xây dựng Đảng", "Hồ Chí Minh").
_NOT_PLACE_WORDS = (
    "Đảng Nhà Nước Nhân Dân Trung Ương Hồ Chí Minh Việt Nam Cộng Sản Bác Tổ Quốc Chính Phủ "
    "Quốc Hội Nghị Quyết Đại Chỉ Thị Kết Luận Điều Lệ Chi Bộ Chương Trình Ủy Ban Chủ Tịch"
)
_NOT_PLACES = set(_NOT_PLACE_WORDS.split())
# A saying quoted in the topic ("Lương y phải như từ mẫu") is capitalised, not a place.
_QUOTED = re.compile(r"[\"“”«][^\"“”«»]{0,120}[\"“”»]")


def _slogan_phrases(mentions) -> int:
    """How many slogans, counting overlapping cues ("phát huy", "phát huy vai trò") once."""
    count, end = 0, -1
    for m in sorted(
        (m for m in mentions if m.kind in ("slogan", "vague_goal")), key=lambda m: m.start
    ):
        if m.start >= end:
            count += 1
        end = max(end, m.end)
    return count


def _opens_with_slogan(bf) -> bool:
    """Whether a slogan word comes within the first words after "về" of the topic
    block (``bf``; offsets are the block's)."""
    start = bf.key.find("về")
    start = 0 if start < 0 else start
    head_end = start + len(" ".join(bf.key[start:].split()[:5]))
    # "nâng cao tỷ lệ tiêm chủng đầy đủ": a rate to raise is an object, not a slogan
    return any(
        start <= m.start < head_end and not re.match(r"\s+(?:tỷ lệ|tỉ lệ|số|\d)", bf.key[m.end :])
        for m in bf.of("slogan")
    )


@rule_type(
    reads={
        "signal": ("topic", "topic_block", "title_block"),
        "mention": (
            "national_slogan",
            "slogan",
            "date",
            "quantity",
            "percent",
            "urgency",
            "limitation",
        ),
    }
)
def check_topic_local(facts: Facts, rule: Rule) -> Outcome:
    """The topic ("về ...") names a local object and scope: a named place or unit,
    or a local unit word, and is not just a national slogan."""
    topic = facts.signals.get("topic")
    block = facts.signals.get("topic_block") or facts.signals.get("title_block")
    if not topic:
        return Outcome(0, 1, [Hit(block, "")])
    key = match_key(topic)
    names = [
        w
        for w in re.findall(r"[^\W\d_]+", _QUOTED.sub(" ", topic))[1:]
        if w[:1].isupper() and w not in _NOT_PLACES
    ]
    # "thôn Phú Xuân", "xóm 5", "lớp 9A"; not the "trường" of "môi trường"
    named = re.compile(r"\s+(?:\d|[^\W\d_]*[A-ZĐ])")
    units = [m for m in _LOCAL_UNITS.finditer(key) if named.match(topic[m.end() :])]
    bf = facts.block(block) if block else None
    # the topic may wrap onto the next lines ("... trường ở bản Sảng Tủng, năm học 2026")
    lines = [b for b in facts.blocks if b.section == "title" and b.index >= (block or 0)]
    mentions = [m for b in lines for m in b.mentions]
    slogans = [m.value for m in _slogans_before_purpose(bf, lines)]
    # An office's or a school's cell names its own work, not a place: "về giải quyết
    # hồ sơ ... tồn đọng trong 6 tháng đầu năm 2027" is concrete through a scoped
    # object - a period, and a first verb that is not a slogan ("tăng cường", ...).
    scoped = any(m.kind == "date" for m in mentions) and bool(bf) and not _opens_with_slogan(bf)
    # one slogan verb before an object in the cell's own unit is how many good topics
    # open ("về nâng cao hiệu quả giao khoán bảo vệ rừng cho cộng đồng buôn ...",
    # "... dữ liệu dân cư trên địa bàn xã, năm 2026"); a chain of slogans ("tăng
    # cường ..., nâng cao ..., đáp ứng yêu cầu") or a national programme is not
    in_unit = _slogan_phrases(mentions) <= 1 and bool(_LOCAL_UNITS.search(key))
    # a topic that copies no slogan is concrete when the draft backs it with its own
    # counted facts ("27 vụ quá hạn", "37 ý kiến phản ánh"): readers judge the topic
    # with the situation that motivates it
    backed = not slogans and _backed_by_local_facts(facts)
    local = bool(names) or bool(units) or ((scoped or in_unit or backed) and not slogans)
    # a campaign slogan with a place name added is still a slogan, unless a figure
    # gives it a concrete object ("về kết nạp 3 đảng viên trẻ ..."); a year does not
    figure = any(m.kind in ("quantity", "percent") for m in mentions)
    # "về tăng cường sự lãnh đạo của Chi bộ đối với công tác ...", "về lãnh đạo thực
    # hiện nhiệm vụ ...": the cell's whole field of work, not one problem in it
    head = key.removeprefix("về").strip()
    formula = _LEADERSHIP_FORMULA.match(head) or (
        # a copied slogan is quoted as one below
        _FIELD_FORMULA.match(head) and not slogans and not backed
    )
    if formula and not figure:
        return Outcome(0, 1, [Hit(block, topic[: len(topic.split(",")[0])])])
    if local and not (slogans and not figure):
        return Outcome(1, 1)
    # quote each slogan once: "xây dựng đảng" inside "tăng cường công tác xây dựng đảng"
    # is the same words, not a second slogan
    quoted = [t for t in dict.fromkeys(slogans) if not any(t != o and t in o for o in slogans)]
    return Outcome(0, 1, [Hit(block, ", ".join(quoted) or topic)])


def _slogans_before_purpose(bf, lines) -> list:
    """The national slogans of the topic's lines, less those of a purpose tail after a
    head that opens with none: "về phát triển nuôi cá lồng trên lòng hồ thủy điện, góp
    phần giảm nghèo ..." says what concrete work serves; "về nâng cao chất lượng ...,
    góp phần xây dựng ... vững mạnh" is slogans throughout."""
    found = [(b.index, m) for b in lines for m in b.of("national_slogan")]
    if bf is None or _opens_with_slogan(bf):
        return [m for _i, m in found]
    tail = next(((b.index, b.key.find(_PURPOSE)) for b in lines if _PURPOSE in b.key), None)
    return [m for i, m in found if tail is None or (i, m.start) < tail]


_PURPOSE = "góp phần"


# The leadership formula that names a field of work instead of a problem; "về lãnh
# đạo tái canh cà phê ..." names its problem and is not this
_LEADERSHIP_FORMULA = re.compile(
    r"tăng cường (?:sự )?lãnh đạo\b"
    r"|(?:sự )?lãnh đạo (?:của (?:chi bộ|đảng) )?(?:(?:trong )?thực hiện |đối với )?"
    r"(?:công tác|(?:các )?nhiệm vụ)\b"
)
# "về nâng cao chất lượng công tác an toàn ...", "về nâng cao hiệu quả công tác đấu
# tranh ...": raising the quality of a whole field of work names no problem in it,
# unless the draft's own counted facts say which one
_FIELD_FORMULA = re.compile(
    r"(?:nâng cao|tăng cường|đẩy mạnh) (?:(?:chất lượng|hiệu quả|hiệu lực)(?:,? (?:và )?"
    r"(?:chất lượng|hiệu quả|hiệu lực))? )?(?:công tác|hoạt động của|các hoạt động)\b"
)


def _backed_by_local_facts(facts: Facts) -> bool:
    """Whether a sentence before the objectives states a pressing fact or a shortfall
    with its figure (the evidence NQ102 asks for)."""
    return any(
        {m.kind for m in inside} & {"urgency", "limitation"}
        and {m.kind for m in inside} & {"percent", "quantity"}
        for _bf, _s, _e, inside in sentences(facts, {"preamble", "situation", "bases", "other"})
    )


@rule_type(
    Param(
        "min_praise",
        "integer",
        {
            "vi": "số cụm từ khen để phần tình hình bị coi là chỉ khen",
            "en": "praise cues that make a situation part praise only",
        },
        default=2,
        minimum=1,
    ),
    reads={"section": ("situation",), "mention": ("praise", "limitation", "percent", "quantity")},
)
def check_praise_only(facts: Facts, rule: Rule) -> Outcome:
    """The situation part weighs praise against limitations: fails when it praises
    (``praise`` cues) but states no limitation with a figure in the same sentence."""
    situation = [b for b in facts.blocks if b.section == "situation" and not b.is_heading]
    if not situation:
        return Outcome(0, 0)
    praise = sum(len(b.of("praise")) for b in situation)
    quantified = any(
        {m.kind for m in inside} >= {"limitation"}
        and {m.kind for m in inside} & {"percent", "quantity"}
        for _bf, _s, _e, inside in sentences(facts, {"situation"})
    )
    if quantified or praise < rule.params["min_praise"]:
        return Outcome(1, 1)
    return Outcome(0, 1, [Hit(situation[0].index, str(praise))])


def _content(text: str) -> set[str]:
    stop = {
        "và",
        "của",
        "các",
        "cho",
        "với",
        "trong",
        "tại",
        "là",
        "được",
        "có",
        "không",
        "đến",
        "ngày",
        "tháng",
        "năm",
        "hộ",
        "từ",
        "trở",
        "lên",
        "ít",
        "nhất",
        "số",
        "tỷ",
        "lệ",
        "đạt",
        "trước",
        "hết",
        "so",
        "mỗi",
        "100",
        "chi",
        "bộ",
        "đảng",
        "viên",
        "thôn",
        "xã",
        "người",
        "đồng",
        "chí",
    }
    return {w for w in re.findall(r"[^\W\d_]+", match_key(text)) if w not in stop and len(w) > 1}


@rule_type(reads={"item": ("target", "solution"), "item_check": ("target.measurable",)})
def check_targets_served(facts: Facts, rule: Rule) -> Outcome:
    """Each measurable target shares its subject with at least one solution (two or
    more content syllables in common); a target no solution serves is a wish."""
    targets = [t for t in facts.items.get("target", []) if t.checks.get("measurable")]
    solutions = facts.items.get("solution", [])
    if not targets or not solutions:
        return Outcome(0, 0)
    words = [_content(s.text) for s in solutions]
    hits = [Hit(t.block) for t in targets if not any(len(_content(t.text) & w) >= 2 for w in words)]
    return Outcome(len(targets) - len(hits), len(targets), hits)


@rule_type(
    Param(
        "font",
        "text",
        {"vi": "phông chữ của phần thân", "en": "the body's font"},
        default="Times New Roman",
    ),
    Param(
        "size",
        "range",
        {
            "vi": "cỡ chữ của phần thân, từ ... đến ... pt",
            "en": "the body's font size, low to high, in points",
        },
        default=[13, 14],
    ),
    reads={"signal": ("fonts", "body_size", "title_block")},
)
def check_docx_font(facts: Facts, rule: Rule) -> Outcome:
    """Word and OpenDocument files only (text files have no font): body text in the
    expected font (``params.font``) and size range."""
    if facts.document.format not in ("docx", "odt"):
        return Outcome(0, 0)
    hits = []
    fonts = facts.signals.get("fonts") or {}
    expected = rule.params["font"]
    main = max(fonts, key=fonts.get) if fonts else None
    if main and main.lower() != expected.lower():
        hits.append(Hit(facts.signals.get("title_block"), main))
    size = facts.signals.get("body_size")
    low, high = rule.params["size"]
    if size and not low <= size <= high:
        hits.append(Hit(facts.signals.get("title_block"), f"{size} pt"))
    return Outcome(2 - len(hits), 2, hits)


@rule_type()
def check_placeholders(facts: Facts, rule: Rule) -> Outcome:
    """One finding per block that still holds a template placeholder ``[…điền …]``
    (see :mod:`nghiquyet.engine.template`); the detail quotes the first one."""
    from nghiquyet.engine.template import find_placeholders

    hits = []
    for block in facts.document.blocks:
        found = find_placeholders(block.text)
        if found:
            start = block.text.find(found[0])
            hits.append(Hit(block.index, found[0], start, start + len(found[0])))
    total = len(facts.document.blocks)
    return Outcome(total - len(hits), total, hits, values={"count": len(hits)})

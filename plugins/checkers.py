"""Built-in rule types and the built-in rule packs.

Each rule type is a function ``check(facts, rule) -> Outcome`` registered under a
name that YAML rules use as ``type``. Most rules are declarative uses of the generic
types (``section``, ``signals``, ``phrase_presence``, ``phrase_density``,
``figures``, ``item_ratio``); the few that need more logic have their own type.
"""

from __future__ import annotations

import re

from nghiquyet.engine import hookimpl
from nghiquyet.engine.legacy import check_legacy_text
from nghiquyet.engine.model import Facts
from nghiquyet.engine.render import number
from nghiquyet.engine.rules import Hit, Outcome, Rule, builtin_pack_folder
from nghiquyet.engine.text import match_key

ALL_SECTIONS = None


def _sections(rule: Rule) -> set[str] | None:
    value = rule.params.get("sections")
    return set(value) if value else ALL_SECTIONS


def _blocks_in(facts: Facts, sections: set[str] | None):
    return [b for b in facts.blocks if sections is None or b.section in sections]


def _labelled(rule: Rule, names: list[str]) -> dict[str, str]:
    """Names joined for a message, through ``params.labels`` (a string or {vi, en})."""
    labels = rule.params.get("labels", {})
    out = {}
    for lang in ("vi", "en"):
        parts = []
        for name in names:
            label = labels.get(name, name)
            parts.append(
                label.get(lang, label.get("vi", name)) if isinstance(label, dict) else label
            )
        out[lang] = ", ".join(parts)
    return out


def check_section(facts: Facts, rule: Rule) -> Outcome:
    """Pass when the draft has a part of kind ``params.kinds`` (any of them), or,
    failing that, a sentence with one of ``params.phrases`` outside ``params.not_in``."""
    kinds = rule.params.get("kinds", [])
    if any(facts.has_section(k) for k in kinds):
        return Outcome(1, 1)
    phrases = [match_key(p) for p in rule.params.get("phrases", [])]
    excluded = set(rule.params.get("not_in", []))
    for bf in facts.blocks:
        if bf.section in excluded or bf.section in ("header", "title", "signature", "recipients"):
            continue
        if any(p in bf.key for p in phrases):
            return Outcome(1, 1)
    return Outcome(0, 1, [Hit(None)])


def check_signals(facts: Facts, rule: Rule) -> Outcome:
    """One check per name in ``params.signals``: passes when the analysis found it.

    ``params.labels`` gives each signal a name for the finding ({detail}); the
    finding points at the first of ``params.point_to`` that the draft has: another
    signal's block, or ``section:<kind>`` for that part's heading (where the missing
    sentence belongs).
    """
    names = rule.params["signals"]
    point = _first_place(facts, rule.params.get("point_to", []))
    hits = [Hit(point, _labelled(rule, [n])) for n in names if not facts.signals.get(n)]
    return Outcome(len(names) - len(hits), len(names), hits)


def _first_place(facts: Facts, candidates: str | list[str]) -> int | None:
    for name in [candidates] if isinstance(candidates, str) else candidates:
        if name.startswith("section:"):
            kind = name.split(":", 1)[1]
            place = next(
                (
                    s.heading_block or (s.blocks or [None])[0]
                    for s in facts.sections
                    if s.kind == kind
                ),
                None,
            )
        else:
            place = facts.signals.get(name)
        if isinstance(place, int) and not isinstance(place, bool):
            return place
    return None


def check_signal_false(facts: Facts, rule: Rule) -> Outcome:
    """Fails when ``params.signal`` is true (a slip found); points at ``params.block``."""
    if facts.signals.get(rule.params["signal"]):
        return Outcome(0, 1, [Hit(facts.signals.get(rule.params["block"]))])
    if rule.params.get("requires") and not facts.signals.get(rule.params["requires"]):
        return Outcome(0, 0)
    return Outcome(1, 1)


def _sentences(facts: Facts, sections: set[str] | None):
    for bf in _blocks_in(facts, sections):
        for s, e in bf.sentences:
            yield bf, s, e, [m for m in bf.mentions if m.start >= s and m.end <= e]


def check_phrase_presence(facts: Facts, rule: Rule) -> Outcome:
    """Pass when ``params.min`` sentences (default 1) in ``params.sections`` carry a
    cue of every category in ``params.all`` or of any in ``params.any``, together
    with a mention of one of ``params.with`` (e.g. a figure or a date) if given;
    ``params.per: block`` counts paragraphs instead of sentences. With
    ``params.only_if`` the rule applies only where a cue of those categories is
    present (causes cannot be split when none are given: another rule says so)."""
    only_if = set(rule.params.get("only_if", []))
    if only_if and not any(bf.has(*only_if) for bf in _blocks_in(facts, _sections(rule))):
        return Outcome(0, 0)
    any_of = set(rule.params.get("any", []))
    all_of = set(rule.params.get("all", []))
    with_ = set(rule.params.get("with", []))
    wanted = rule.params.get("min", 1)
    sections = _sections(rule)
    if all_of:
        kinds = {m.kind for bf in _blocks_in(facts, sections) for m in bf.mentions}
        found = len(all_of & kinds)
        if found == len(all_of):
            return Outcome(1, 1)
        missing = _labelled(rule, sorted(all_of - kinds))
        return Outcome(0, 1, [Hit(_first_block(facts, sections), missing)])
    count = 0
    if rule.params.get("per") == "block":  # cue and figure in the same paragraph
        units = (b.mentions for b in _blocks_in(facts, sections))
    else:
        units = (inside for _bf, _s, _e, inside in _sentences(facts, sections))
    for inside in units:
        kinds = {m.kind for m in inside}
        if kinds & any_of and (not with_ or kinds & with_):
            count += 1
    if count >= wanted:
        return Outcome(1, 1, values={"count": count})
    return Outcome(count / wanted, 1, [Hit(_first_block(facts, sections))], values={"count": count})


def _first_block(facts: Facts, sections: set[str] | None) -> int | None:
    for bf in facts.blocks:
        if sections is not None and bf.section in sections:
            return bf.index
    return None


def check_figures(facts: Facts, rule: Rule) -> Outcome:
    """Count figures (percentages, quantities) in ``params.sections``; full marks at
    ``params.min``. Applies only when such a part exists."""
    sections = _sections(rule)
    blocks = [b for b in _blocks_in(facts, sections) if not b.is_heading]
    if not blocks:
        return Outcome(0, 0)
    count = sum(len(b.of("percent", "quantity")) for b in blocks)
    wanted = rule.params.get("min", 3)
    if count >= wanted:
        return Outcome(1, 1, values={"count": count})
    return Outcome(count / wanted, 1, [Hit(blocks[0].index, str(count))], values={"count": count})


def check_phrase_density(facts: Facts, rule: Rule) -> Outcome:
    """Cues of ``params.category`` per 100 words in ``params.sections``; above
    ``params.max_per_100_words`` the score falls in proportion. One finding per
    block that carries ``params.min_in_block`` cues or more (default 2), worst first."""
    sections = _sections(rule)
    blocks = [b for b in _blocks_in(facts, sections) if not b.is_heading]
    words = sum(b.words for b in blocks)
    if words < 30:
        return Outcome(0, 0)
    category = rule.params["category"]
    counts = [(len(b.of(category)), b) for b in blocks]
    total = sum(n for n, _ in counts)
    density = 100 * total / words
    limit = rule.params.get("max_per_100_words", 2.0)
    values = {
        "density": {"vi": number(density, "vi"), "en": number(density, "en")},  # "2,5" / "2.5"
        "count": total,
        "words": words,
    }
    if density <= limit:
        return Outcome(1, 1, values=values)
    floor = rule.params.get("min_in_block", 2)
    worst = sorted((c for c in counts if c[0] >= floor), key=lambda c: -c[0])[
        : rule.params.get("max_findings", 5)
    ]
    hits = [
        Hit(b.index, ", ".join(dict.fromkeys(m.value or m.text for m in b.of(category))))
        for _, b in sorted(worst, key=lambda c: c[1].index)
    ] or [Hit(blocks[0].index, number(density, "en"))]
    return Outcome(limit / density, 1, hits, values=values)


def check_item_ratio(facts: Facts, rule: Rule) -> Outcome:
    """Share of ``params.items`` (target, solution, obstacle, task) that pass the
    check ``params.check``; one finding per item that does not. Applies only when
    there are at least ``params.min_items`` items (default 1) that carry the check."""
    items = [
        i for i in facts.items.get(rule.params["items"], []) if rule.params["check"] in i.checks
    ]
    if len(items) < rule.params.get("min_items", 1):
        return Outcome(0, 0)
    detail_key = rule.params.get("detail")
    hits = []
    for item in items:
        if not item.checks[rule.params["check"]]:
            detail = item.details.get(detail_key) if detail_key else ""
            if isinstance(detail, list):
                detail = ", ".join(dict.fromkeys(detail))
            hits.append(Hit(item.block, str(detail or "")))
    passed = len(items) - len(hits)
    return Outcome(passed, len(items), hits, values={"passed": passed, "total": len(items)})


_LOCAL_UNITS = re.compile(
    r"\b(?:thôn|ấp|xóm|bản|buôn|làng|tổ dân phố|tổ|khu phố|khu|xã|phường|thị trấn|trường|lớp|"
    r"hợp tác xã|công ty|nhà máy|phân xưởng|chợ|kênh|đường|hộ|trạm|bệnh viện|cơ quan|đơn vị)\b"
)


# Capitalised words that name no local place ("xây dựng Đảng", "Hồ Chí Minh").
_NOT_PLACE_WORDS = (
    "Đảng Nhà Nước Nhân Dân Trung Ương Hồ Chí Minh Việt Nam Cộng Sản Bác Tổ Quốc Chính Phủ "
    "Quốc Hội Nghị Quyết Đại Chỉ Thị Kết Luận Điều Lệ Chi Bộ Chương Trình Ủy Ban"
)
_NOT_PLACES = set(_NOT_PLACE_WORDS.split())


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


def check_topic_local(facts: Facts, rule: Rule) -> Outcome:
    """The topic ("về ...") names a local object and scope: a named place or unit,
    or a local unit word, and is not just a national slogan."""
    topic = facts.signals.get("topic")
    block = facts.signals.get("topic_block") or facts.signals.get("title_block")
    if not topic:
        return Outcome(0, 1, [Hit(block, "")])
    key = match_key(topic)
    names = [
        w for w in re.findall(r"[^\W\d_]+", topic)[1:] if w[:1].isupper() and w not in _NOT_PLACES
    ]
    # "thôn Phú Xuân", "xóm 5", "lớp 9A"; not the "trường" of "môi trường"
    named = re.compile(r"\s+(?:\d|[^\W\d_]*[A-ZĐ])")
    units = [m for m in _LOCAL_UNITS.finditer(key) if named.match(topic[m.end() :])]
    bf = facts.block(block) if block else None
    slogans = [m.value for m in bf.of("national_slogan")] if bf else []
    # An office's or a school's cell names its own work, not a place: "về giải quyết
    # hồ sơ ... tồn đọng trong 6 tháng đầu năm 2027" is concrete through a scoped
    # object - a period, and a first verb that is not a slogan ("tăng cường", ...).
    scoped = bool(bf) and bool(bf.of("date")) and not _opens_with_slogan(bf)
    local = bool(names) or bool(units) or (scoped and not slogans)
    # a campaign slogan with a place name added is still a slogan, unless a figure
    # gives it a concrete object ("về kết nạp 3 đảng viên trẻ ..."); a year does not
    figure = bool(bf) and any(m.kind in ("quantity", "percent") for m in bf.mentions)
    if local and not (slogans and not figure):
        return Outcome(1, 1)
    # quote each slogan once: "xây dựng đảng" inside "tăng cường công tác xây dựng đảng"
    # is the same words, not a second slogan
    quoted = [t for t in dict.fromkeys(slogans) if not any(t != o and t in o for o in slogans)]
    return Outcome(0, 1, [Hit(block, ", ".join(quoted) or topic)])


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
        for _bf, _s, _e, inside in _sentences(facts, {"situation"})
    )
    if quantified or praise < rule.params.get("min_praise", 2):
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


def check_docx_font(facts: Facts, rule: Rule) -> Outcome:
    """Word and OpenDocument files only (text files have no font): body text in the
    expected font (``params.font``) and size range."""
    if facts.document.format not in ("docx", "odt"):
        return Outcome(0, 0)
    hits = []
    fonts = facts.signals.get("fonts") or {}
    expected = rule.params.get("font", "Times New Roman")
    main = max(fonts, key=fonts.get) if fonts else None
    if main and main.lower() != expected.lower():
        hits.append(Hit(facts.signals.get("title_block"), main))
    size = facts.signals.get("body_size")
    low, high = rule.params.get("size", [13, 14])
    if size and not low <= size <= high:
        hits.append(Hit(facts.signals.get("title_block"), f"{size} pt"))
    return Outcome(2 - len(hits), 2, hits)


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


CHECKS = {
    "section": check_section,
    "signals": check_signals,
    "signal_false": check_signal_false,
    "phrase_presence": check_phrase_presence,
    "phrase_density": check_phrase_density,
    "figures": check_figures,
    "item_ratio": check_item_ratio,
    "topic_local": check_topic_local,
    "praise_only": check_praise_only,
    "targets_served": check_targets_served,
    "docx_font": check_docx_font,
    "placeholders": check_placeholders,
    "legacy_text": check_legacy_text,  # NQ001: mojibake left in the text (rules/meta.yaml)
}


def _with_state(function):
    """Add ``state_vi``/``state_en`` ("có"/"chưa có") to a check's values, so that a
    yes-or-no rule can say in its summary what was found ("mốc sơ kết: có")."""

    def check(facts: Facts, rule: Rule) -> Outcome:
        outcome = function(facts, rule)
        ok = outcome.passed >= outcome.total
        outcome.values.setdefault("state_vi", "có" if ok else "chưa có")
        outcome.values.setdefault("state_en", "yes" if ok else "missing")
        return outcome

    check.__doc__ = function.__doc__
    return check


@hookimpl
def register_rules(register):
    """Register the built-in rule types and the packs shipped in nghiquyet/rules."""
    for name, function in CHECKS.items():
        register.check(name, _with_state(function))
    register.pack(builtin_pack_folder())

"""Rule types over what the pipeline found in the text: cues present together
(``phrase_presence``), slogans too dense (``phrase_density``), enough figures
(``figures``)."""

from __future__ import annotations

from nghiquyet.engine.model import Facts
from nghiquyet.engine.render import number
from nghiquyet.engine.rule_params import Param, rule_type
from nghiquyet.engine.rules import Hit, Outcome, Rule
from nghiquyet.engine.text import match_key

from .check_helpers import blocks_in, first_block, labelled, outside, sections_of, sentences
from .structure_checks import LABELS_MEANING

SECTIONS = Param(
    "sections",
    "names",
    {
        "vi": "các phần được xét (không đặt: mọi phần)",
        "en": "the parts looked at (unset: every part)",
    },
    default=None,
    vocabulary="section",
)


@rule_type(
    Param(
        "any",
        "names",
        {
            "vi": "câu đạt khi có một trong các loại này",
            "en": "a sentence counts with a mention of any of these",
        },
        default=[],
        vocabulary="mention",
    ),
    Param(
        "all",
        "names",
        {
            "vi": "các loại phải cùng có mặt trong các phần được xét (thay cho any)",
            "en": "kinds that must all appear in the parts looked at (instead of any)",
        },
        default=[],
        vocabulary="mention",
    ),
    Param(
        "with",
        "names",
        {
            "vi": "câu chỉ được tính khi có thêm một trong các loại này (số liệu, ngày)",
            "en": "a sentence counts only with one of these too (a figure, a date)",
        },
        default=[],
        vocabulary="mention",
    ),
    Param(
        "only_if",
        "names",
        {
            "vi": "chỉ áp dụng khi các phần được xét có một trong các loại này",
            "en": "the rule applies only where the parts hold one of these",
        },
        default=[],
        vocabulary="mention",
    ),
    Param(
        "min",
        "integer",
        {
            "vi": "số câu (hoặc đoạn) cần có để đạt trọn điểm",
            "en": "sentences (or paragraphs) needed for full marks",
        },
        default=1,
        minimum=1,
    ),
    Param(
        "per",
        "text",
        {
            "vi": "đơn vị đếm: câu (sentence) hay đoạn (block)",
            "en": "what is counted: a sentence or a block (paragraph)",
        },
        default="sentence",
        choices=("sentence", "block"),
    ),
    Param(
        "not_within",
        "names",
        {
            "vi": "lời nằm trong một cụm thuộc các loại này không được tính (câu sáo)",
            "en": "cues inside a mention of these kinds do not count (a stock formula)",
        },
        default=[],
        vocabulary="mention",
    ),
    SECTIONS,
    Param("labels", "labels", LABELS_MEANING, default={}, vocabulary="mention"),
)
def check_phrase_presence(facts: Facts, rule: Rule) -> Outcome:
    """Pass when ``params.min`` sentences (default 1) in ``params.sections`` carry a
    cue of every category in ``params.all`` or of any in ``params.any``, together
    with a mention of one of ``params.with`` (e.g. a figure or a date) if given;
    ``params.per: block`` counts paragraphs instead of sentences. With
    ``params.only_if`` the rule applies only where a cue of those categories is
    present (causes cannot be split when none are given: another rule says so). Cues
    inside a mention of ``params.not_within`` (a stock formula) count for nothing."""
    sections = sections_of(rule)
    masks = set(rule.params["not_within"])

    def seen(mentions) -> set[str]:
        return {m.kind for m in outside(mentions, masks)}

    only_if = set(rule.params["only_if"])
    if only_if and not any(seen(bf.mentions) & only_if for bf in blocks_in(facts, sections)):
        return Outcome(0, 0)
    any_of, all_of = set(rule.params["any"]), set(rule.params["all"])
    with_ = set(rule.params["with"])
    wanted = rule.params["min"]
    if all_of:
        kinds = {k for bf in blocks_in(facts, sections) for k in seen(bf.mentions)}
        if all_of <= kinds:
            return Outcome(1, 1)
        missing = labelled(rule, sorted(all_of - kinds))
        return Outcome(0, 1, [Hit(first_block(facts, sections), missing)])
    count = 0
    if rule.params["per"] == "block":  # cue and figure in the same paragraph
        units = (b.mentions for b in blocks_in(facts, sections))
    else:
        units = (inside for _bf, _s, _e, inside in sentences(facts, sections))
    for inside in units:
        kinds = seen(inside)
        if kinds & any_of and (not with_ or kinds & with_):
            count += 1
    if count >= wanted:
        return Outcome(1, 1, values={"count": count})
    return Outcome(count / wanted, 1, [Hit(first_block(facts, sections))], values={"count": count})


@rule_type(
    SECTIONS,
    Param(
        "min",
        "integer",
        {
            "vi": "số con số (%, số lượng) cần có để đạt trọn điểm",
            "en": "figures (%, quantities) needed for full marks",
        },
        default=3,
        minimum=1,
    ),
    Param(
        "not_units",
        "texts",
        {
            "vi": "đơn vị của những con số không tính (số liệu về chính chi bộ: đảng viên, "
            "huy hiệu)",
            "en": "units whose figures do not count (figures about the cell itself: members, "
            "badges)",
        },
        default=[],
    ),
    reads={"mention": ("percent", "quantity")},
)
def check_figures(facts: Facts, rule: Rule) -> Outcome:
    """Count figures (percentages, quantities) in ``params.sections``; full marks at
    ``params.min``. Applies only when such a part exists. Figures in
    ``params.not_units`` ("Chi bộ có 12 đảng viên") say nothing of the problem."""
    blocks = [b for b in blocks_in(facts, sections_of(rule)) if not b.is_heading]
    if not blocks:
        return Outcome(0, 0)
    skipped = {match_key(u) for u in rule.params["not_units"]}
    count = sum(
        1
        for b in blocks
        for m in b.of("percent", "quantity")
        if match_key(m.unit or "") not in skipped
    )
    wanted = rule.params["min"]
    if count >= wanted:
        return Outcome(1, 1, values={"count": count})
    return Outcome(count / wanted, 1, [Hit(blocks[0].index, str(count))], values={"count": count})


@rule_type(
    Param(
        "category",
        "name",
        {"vi": "nhóm từ được đếm", "en": "the lexicon category counted"},
        vocabulary="lexicon",
    ),
    SECTIONS,
    Param(
        "max_per_100_words",
        "number",
        {
            "vi": "mật độ tối đa (số từ của nhóm trên 100 từ); vượt thì điểm giảm theo tỷ lệ",
            "en": "highest density (cues per 100 words); above it the score falls in proportion",
        },
        default=2.0,
        minimum=0,
    ),
    Param(
        "min_in_block",
        "integer",
        {
            "vi": "số từ của nhóm trong một đoạn để đoạn đó thành một phát hiện",
            "en": "cues in one paragraph that make it a finding",
        },
        default=2,
        minimum=1,
    ),
    Param(
        "max_findings",
        "integer",
        {
            "vi": "số phát hiện nhiều nhất (các đoạn nặng nhất)",
            "en": "most findings shown (the worst paragraphs)",
        },
        default=5,
        minimum=1,
    ),
)
def check_phrase_density(facts: Facts, rule: Rule) -> Outcome:
    """Cues of ``params.category`` per 100 words in ``params.sections``; above
    ``params.max_per_100_words`` the score falls in proportion. One finding per
    block that carries ``params.min_in_block`` cues or more (default 2), worst first."""
    blocks = [b for b in blocks_in(facts, sections_of(rule)) if not b.is_heading]
    words = sum(b.words for b in blocks)
    if words < 30:
        return Outcome(0, 0)
    category = rule.params["category"]
    counts = [(len(b.of(category)), b) for b in blocks]
    total = sum(n for n, _ in counts)
    density = 100 * total / words
    limit = rule.params["max_per_100_words"]
    values = {
        "density": {"vi": number(density, "vi"), "en": number(density, "en")},  # "2,5" / "2.5"
        "count": total,
        "words": words,
    }
    if density <= limit:
        return Outcome(1, 1, values=values)
    floor = rule.params["min_in_block"]
    worst = sorted((c for c in counts if c[0] >= floor), key=lambda c: -c[0])[
        : rule.params["max_findings"]
    ]
    hits = [
        Hit(b.index, ", ".join(dict.fromkeys(m.value or m.text for m in b.of(category))))
        for _, b in sorted(worst, key=lambda c: c[1].index)
    ] or [Hit(blocks[0].index, number(density, "en"))]
    return Outcome(limit / density, 1, hits, values=values)

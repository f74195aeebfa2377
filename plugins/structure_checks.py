"""Rule types over the draft's structure: a part present (``section``), signals found
(``signals``), a slip absent (``signal_false``), slips few enough (``slips``), and items
that pass a check (``item_ratio``)."""

from __future__ import annotations

from nghiquyet.engine.model import Facts
from nghiquyet.engine.rule_params import PLACE, Param, rule_type
from nghiquyet.engine.rules import Hit, Outcome, Rule
from nghiquyet.engine.text import match_key

from .check_helpers import first_place, labelled

# Parts that are the document's frame, not its text: a phrase there proves nothing.
FRAME = ("header", "title", "signature", "recipients")


@rule_type(
    Param(
        "kinds",
        "names",
        {
            "vi": "các phần cần có; có một trong số đó là đạt",
            "en": "the parts, any of which passes",
        },
        vocabulary="section",
    ),
    Param(
        "phrases",
        "texts",
        {
            "vi": "cụm từ thay cho phần đó khi không có (một câu ở phần khác)",
            "en": "phrases that pass instead, in a sentence of another part",
        },
        default=[],
    ),
    Param(
        "not_in",
        "names",
        {"vi": "các phần mà cụm từ ở đó không tính", "en": "parts where the phrases do not count"},
        default=[],
        vocabulary="section",
    ),
    Param(
        "unless",
        "texts",
        {
            "vi": "cụm từ làm cả đoạn không tính («nếu có khó khăn, vướng mắc ...» chỉ là lời hứa)",
            "en": "phrases that make a paragraph not count ('nếu có khó khăn ...' is a promise)",
        },
        default=[],
    ),
    Param(
        "items",
        "name",
        {
            "vi": "loại mục mà có là đạt dù không có phần riêng (giải pháp viết ngay trong phân công)",
            "en": "a kind of item that passes without its own part (solutions written as tasks)",
        },
        default=None,
        vocabulary="item",
    ),
    reads={"section": FRAME},
)
def check_section(facts: Facts, rule: Rule) -> Outcome:
    """Pass when the draft has a part of kind ``params.kinds`` (any of them), or items
    of kind ``params.items``, or, failing that, a paragraph with one of
    ``params.phrases`` outside ``params.not_in`` and without any of ``params.unless``."""
    if any(facts.has_section(k) for k in rule.params["kinds"]):
        return Outcome(1, 1)
    if rule.params["items"] and facts.items.get(rule.params["items"]):
        return Outcome(1, 1)
    phrases = [match_key(p) for p in rule.params["phrases"]]
    unless = [match_key(p) for p in rule.params["unless"]]
    excluded = set(rule.params["not_in"])
    for bf in facts.blocks:
        if bf.section in excluded or bf.section in FRAME:
            continue
        if any(p in bf.key for p in phrases) and not any(u in bf.key for u in unless):
            return Outcome(1, 1)
    return Outcome(0, 1, [Hit(None)])


LABELS_MEANING = {
    "vi": "tên hiển thị của từng tên trong thông báo ({detail}): chuỗi hoặc {vi, en}",
    "en": "how a finding ({detail}) names each of them: a string or {vi, en}",
}


@rule_type(
    Param(
        "signals",
        "names",
        {
            "vi": "các tín hiệu phải có; mỗi tín hiệu là một lần kiểm tra",
            "en": "the signals that must be found; one check each",
        },
        vocabulary="signal",
    ),
    Param("labels", "labels", LABELS_MEANING, default={}, vocabulary="signal"),
    Param(
        "point_to",
        "name_or_names",
        {
            "vi": "nơi phát hiện trỏ tới: tín hiệu đầu tiên có, hoặc section:<phần> (tiêu đề phần)",
            "en": "where a finding points: the first signal found, or section:<kind> (its heading)",
        },
        default=[],
        vocabulary=PLACE,
    ),
    Param(
        "half",
        "name_map",
        {
            "vi": "tín hiệu yếu hơn được nửa lần kiểm tra khi thiếu tín hiệu chính "
            "({interim_review_dated: interim_review}: sơ kết có nêu nhưng chưa có mốc)",
            "en": "a weaker signal that earns half the check when the signal itself is missing "
            "({interim_review_dated: interim_review}: a review named but not dated)",
        },
        default={},
        vocabulary="signal",
    ),
)
def check_signals(facts: Facts, rule: Rule) -> Outcome:
    """One check per name in ``params.signals``: passes when the analysis found it,
    and by half when only its weaker signal in ``params.half`` was found.

    ``params.labels`` gives each signal a name for the finding ({detail}); the
    finding points at the weaker signal's block when there is one, else at the
    first of ``params.point_to`` that the draft has: another signal's block, or
    ``section:<kind>`` for that part's heading (where the missing sentence belongs).
    """
    names = rule.params["signals"]
    point = first_place(facts, rule.params["point_to"])
    hits = []
    for name in names:
        if facts.signals.get(name):
            continue
        weaker = facts.signals.get(rule.params["half"].get(name, ""))
        if weaker:
            at = weaker if isinstance(weaker, int) and not isinstance(weaker, bool) else point
            hits.append(Hit(at, labelled(rule, [name]), share=0.5))
        else:
            hits.append(Hit(point, labelled(rule, [name])))
    missed = sum(h.share for h in hits)
    return Outcome(len(names) - missed, len(names), hits)


@rule_type(
    Param(
        "signal",
        "name",
        {
            "vi": "tín hiệu của lỗi; có nó là không đạt",
            "en": "the slip; the rule fails when it is set",
        },
        vocabulary="signal",
    ),
    Param(
        "block",
        "name",
        {
            "vi": "tín hiệu chứa khối mà phát hiện trỏ tới",
            "en": "the signal whose block the finding points at",
        },
        vocabulary="signal",
    ),
    Param(
        "requires",
        "name",
        {
            "vi": "chỉ áp dụng khi có tín hiệu này (không đặt: luôn áp dụng)",
            "en": "the rule applies only when this signal is set (unset: always)",
        },
        default=None,
        vocabulary="signal",
    ),
)
def check_signal_false(facts: Facts, rule: Rule) -> Outcome:
    """Fails when ``params.signal`` is true (a slip found); points at ``params.block``."""
    if facts.signals.get(rule.params["signal"]):
        return Outcome(0, 1, [Hit(facts.signals.get(rule.params["block"]))])
    if rule.params["requires"] and not facts.signals.get(rule.params["requires"]):
        return Outcome(0, 0)
    return Outcome(1, 1)


@rule_type(
    Param(
        "missing",
        "names",
        {
            "vi": "các tín hiệu mà thiếu là một chỗ sai của thể thức",
            "en": "the signals whose absence is a slip",
        },
        default=[],
        vocabulary="signal",
    ),
    Param(
        "present",
        "names",
        {
            "vi": "các tín hiệu mà có là một chỗ sai («thiếu số 0 ở ngày tháng»)",
            "en": "the signals that are slips when set (a missing leading zero)",
        },
        default=[],
        vocabulary="signal",
    ),
    Param(
        "together",
        "name_map",
        {
            "vi": "tín hiệu cùng một yếu tố với tín hiệu khác, tính chung một chỗ sai "
            "({signature_name: signature_tm}: khối chữ ký thiếu mấy dòng vẫn là một chỗ)",
            "en": "a signal of the same element as another, one slip between them "
            "({signature_name: signature_tm}: a signature short of lines is one slip)",
        },
        default={},
        vocabulary="signal",
    ),
    Param(
        "allowed",
        "integer",
        {"vi": "số chỗ sai còn chấp nhận được", "en": "how many slips a reader lets pass"},
        default=1,
        minimum=0,
    ),
    Param("labels", "labels", LABELS_MEANING, default={}, vocabulary="signal"),
    Param(
        "point_to",
        "name_or_names",
        {
            "vi": "nơi phát hiện trỏ tới: tín hiệu đầu tiên có",
            "en": "where the finding points: the first signal found",
        },
        default=[],
        vocabulary=PLACE,
    ),
)
def check_slips(facts: Facts, rule: Rule) -> Outcome:
    """Fails when the draft has more slips than ``params.allowed``: signals of
    ``params.missing`` not found and signals of ``params.present`` set, those that
    ``params.together`` joins to another counted once with it. One finding names them
    all ({detail}); with a ``ceiling`` the rule caps its criterion, so that slips add
    up the way a reader's judgement does, not by their weights."""
    signals = facts.signals
    slips = [n for n in rule.params["missing"] if not signals.get(n)]
    slips += [n for n in rule.params["present"] if signals.get(n)]
    together = rule.params["together"]
    elements = {together.get(n, n) for n in slips}
    if len(elements) <= rule.params["allowed"]:
        return Outcome(1, 1)
    hit = Hit(first_place(facts, rule.params["point_to"]), labelled(rule, slips))
    return Outcome(0, 1, [hit])


ITEMS = Param(
    "items",
    "name",
    {"vi": "loại mục được đếm", "en": "the kind of item counted"},
    vocabulary="item",
)
CHECK = Param(
    "check",
    "name",
    {"vi": "điều kiện mỗi mục phải đạt", "en": "the check each item must pass"},
    vocabulary="item_check",
    item_param="items",
)


def _min_items(default: int) -> Param:
    """``min_items``: the rule applies from this many items carrying the check."""
    return Param(
        "min_items",
        "integer",
        {
            "vi": "số mục ít nhất (có điều kiện này) để quy tắc áp dụng",
            "en": "fewest items (that carry the check) for the rule to apply",
        },
        default=default,
        minimum=1,
    )


def _checked_items(facts: Facts, rule: Rule) -> list:
    """The items of ``params.items`` that carry the check ``params.check``."""
    check = rule.params["check"]
    return [i for i in facts.items.get(rule.params["items"], []) if check in i.checks]


@rule_type(
    ITEMS,
    CHECK,
    Param(
        "detail",
        "name",
        {
            "vi": "chi tiết của mục được trích trong phát hiện ({detail})",
            "en": "the item's detail a finding quotes ({detail})",
        },
        default=None,
        vocabulary="item_detail",
        item_param="items",
    ),
    _min_items(1),
)
def check_item_ratio(facts: Facts, rule: Rule) -> Outcome:
    """Share of ``params.items`` (target, solution, obstacle, task) that pass the
    check ``params.check``; one finding per item that does not. Applies only when
    there are at least ``params.min_items`` items (default 1) that carry the check."""
    check = rule.params["check"]
    items = _checked_items(facts, rule)
    if len(items) < rule.params["min_items"]:
        return Outcome(0, 0)
    detail_key = rule.params["detail"]
    hits = []
    for item in items:
        if not item.checks[check]:
            detail = item.details.get(detail_key) if detail_key else ""
            if isinstance(detail, list):
                detail = ", ".join(dict.fromkeys(detail))
            hits.append(Hit(item.block, str(detail or ""), text=item.text))
    passed = len(items) - len(hits)
    return Outcome(passed, len(items), hits, values={"passed": passed, "total": len(items)})


@rule_type(
    ITEMS,
    CHECK,
    _min_items(2),
)
def check_any_item(facts: Facts, rule: Rule) -> Outcome:
    """Pass when at least one of ``params.items`` passes ``params.check``: not one task
    dated is another thing than some tasks undated (with a ``ceiling``, it caps the
    criterion). Applies from ``params.min_items`` items (default 2); the finding points
    at the first."""
    items = _checked_items(facts, rule)
    if len(items) < rule.params["min_items"]:
        return Outcome(0, 0)
    if any(i.checks[rule.params["check"]] for i in items):
        return Outcome(1, 1)
    return Outcome(0, 1, [Hit(items[0].block, str(len(items)), text=items[0].text)])

"""``nghiquyet explain NQ601``: everything about one rule, in Vietnamese or English.

What it checks, why and how to fix it (the rule's ``docs``); what it reads from the
analysis, each name with its declared meaning; its options, each param with its value
and default (as ruff's rule pages show them); the part of the guidance it enforces;
and its examples.
"""

from __future__ import annotations

from typing import Any

from .criteria import BY_ID, META, STEP_KEYS, STEPS
from .guidance import enforces
from .rule_params import PARAM_TYPES, PLACE, RuleType, yaml_value
from .rules import Rule
from .vocabulary import Vocabulary

# How each vocabulary kind is called in Vietnamese (KINDS holds the English names).
KIND_VI = {
    "signal": "tín hiệu",
    "section": "phần",
    "item": "loại mục",
    "item_check": "điều kiện",
    "item_detail": "chi tiết",
    "mention": "loại cụm từ",
    "lexicon": "nhóm từ",
}
KIND_EN = {
    "signal": "signal",
    "section": "section",
    "item": "item kind",
    "item_check": "check",
    "item_detail": "detail",
    "mention": "mention kind",
    "lexicon": "lexicon category",
}


def explain_rule(rule: Rule, rule_type: RuleType | None, vocabulary: Vocabulary, lang: str) -> str:
    """The text ``nghiquyet explain`` prints for ``rule`` (``lang``: vi or en)."""

    def L(vi: str, en: str) -> str:
        return vi if lang == "vi" else en

    lines = [
        f"{rule.id} {rule.name}  [{rule.criterion}, {rule.severity}, {L('hệ số', 'weight')} "
        f"{rule.weight:g}"
        + (f", {L('chỉ áp dụng cho', 'only for')} {rule.stage}" if rule.stage != "all" else "")
        + "]",
        "",
        rule.message[lang].replace("{detail}", "…"),
    ]
    for key, title in (
        ("what", L("Kiểm tra gì", "What it checks")),
        ("why", L("Vì sao", "Why")),
        ("fix", L("Cách sửa", "How to fix")),
    ):
        if key in rule.docs:
            lines += ["", f"{title}:", f"  {rule.docs[key][lang]}"]
    lines += _reads_part(rule, rule_type, vocabulary, lang)
    lines += _options_part(rule, rule_type, lang)
    lines += _guidance_part(rule, lang)
    for kind, title in (
        ("bad", L("Ví dụ chưa đạt", "Bad example")),
        ("good", L("Ví dụ đạt", "Good example")),
    ):
        for example in rule.examples.get(kind, []):
            lines += ["", f"{title}:"]
            lines += [f"  {line}".rstrip() for line in example.rstrip().splitlines()]
    return "\n".join(lines) + "\n"


def rule_reads(rule: Rule, rule_type: RuleType | None) -> list[tuple[str, str, str | None, str]]:
    """(kind, name, item kind, the param that names it or "") for each name the rule
    reads: from its params (without labels, which only word messages), then what
    its type's code always reads."""
    found: dict[tuple[str, str, str | None], str] = {}
    for param in (rule_type.params if rule_type else None) or ():
        value = rule.params.get(param.name)
        if not param.vocabulary or param.type == "labels" or value is None:
            continue
        item = rule.params.get(param.item_param) if param.item_param else None
        for name in PARAM_TYPES[param.type].names(value):
            kind = param.vocabulary
            if kind == PLACE:
                section = name.startswith("section:")
                kind, name = ("section", name[8:]) if section else ("signal", name)
            found.setdefault((kind, name, item), param.name)
    for kind, names in (rule_type.reads if rule_type else {}).items():
        for name in names:
            item, _, short = name.rpartition(".") if kind.startswith("item_") else ("", "", name)
            found.setdefault((kind, short, item or None), "")
    return [(kind, name, item, via) for (kind, name, item), via in found.items()]


def _reads_part(
    rule: Rule, rule_type: RuleType | None, vocabulary: Vocabulary, lang: str
) -> list[str]:
    reads = rule_reads(rule, rule_type)
    if not reads:
        return []
    names = KIND_VI if lang == "vi" else KIND_EN
    lines = ["", "Dữ kiện đọc từ phân tích:" if lang == "vi" else "Reads from the analysis:"]
    for kind, name, item, via in reads:
        term = vocabulary.term(kind, name, item)
        kind_name = names[term.kind if term else kind]
        if item:
            kind_name = f"{kind_name} ({item})"
        meaning = term.meaning[lang] if term else "?"
        lines.append(f"  {kind_name} {name}{f' [{via}]' if via else ''}: {meaning}")
    return lines


def rule_options(rule: Rule, rule_type: RuleType | None) -> list[tuple[Any, Any]]:
    """(param, value as written or the default) for each option of the rule: the
    declared params that are not names from the vocabulary (thresholds, fonts, ...)."""
    return [
        (param, rule.params_given.get(param.name, param.default))
        for param in (rule_type.params if rule_type else None) or ()
        if not param.vocabulary
    ]


def _options_part(rule: Rule, rule_type: RuleType | None, lang: str) -> list[str]:
    title = "Tùy chọn:" if lang == "vi" else "Options:"
    if rule_type is not None and rule_type.params is None:
        undeclared = (
            "loại quy tắc không khai báo tham số; tham số đã ghi"
            if lang == "vi"
            else "the rule type declares no params; params as written"
        )
        return ["", title, f"  ({undeclared}: {yaml_value(rule.params_given)})"]
    options = rule_options(rule, rule_type)
    if not options:
        return []
    lines = ["", title]
    for param, value in options:
        default = yaml_value(param.default)
        if param.name in rule.params_given:
            note = f"mặc định: {default}" if lang == "vi" else f"default: {default}"
        else:
            note = "mặc định" if lang == "vi" else "default"
        lines.append(f"  {param.name} = {yaml_value(value)}  ({note}) — {param.meaning[lang]}")
    return lines


def _guidance_part(rule: Rule, lang: str) -> list[str]:
    guidance = enforces(rule.criterion, rule.step)
    vi = lang == "vi"
    criterion = (
        f"{BY_ID[rule.criterion].name[lang]} ({rule.criterion})" if rule.criterion != META else META
    )
    lines = ["", "Thực hiện hướng dẫn:" if vi else "Guidance it enforces:"]
    lines.append(f"  {'Tiêu chí' if vi else 'Criterion'}: {criterion}")
    for key in guidance.steps:
        number = STEP_KEYS.index(key) + 1
        name = STEPS[number - 1].name[lang]
        lines.append(
            f"  {'Bước' if vi else 'Step'} {number} {'trong 5 bước' if vi else 'of 5'}: {name}"
        )
    lines.append(f"  {'Yêu cầu' if vi else 'It asks'}: {guidance.asks[lang]}")
    if guidance.source:
        lines.append(f"  {'Nguồn' if vi else 'Source'}: {guidance.source[lang]}")
    return lines

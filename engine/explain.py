"""``nghiquyet explain NQ601``: everything about one rule, in Vietnamese or English.

What it checks, why and how to fix it (the rule's ``docs``); the rewrite it offers
beside a finding, when it names a rewriter; what it reads from the
analysis, each name with its declared meaning; its options, each param with its value
and default (as ruff's rule pages show them); the part of the guidance it enforces;
and its examples.
"""

from __future__ import annotations

from typing import Any

from .criteria import BY_ID, META, STEP_KEYS, STEPS
from .guidance import enforces
from .messages import N_, t
from .rule_params import PARAM_TYPES, PLACE, RuleType, yaml_value
from .rules import Rule
from .vocabulary import Vocabulary

# How each vocabulary kind is called (the catalogue has the Vietnamese).
KIND_NAMES = {
    "signal": N_("signal"),
    "section": N_("section"),
    "item": N_("item kind"),
    "item_check": N_("check"),
    "item_detail": N_("detail"),
    "mention": N_("mention kind"),
    "lexicon": N_("lexicon category"),
}
# What the header says of a rule that applies to one stage only
STAGE_ONLY = {"draft": N_("only for drafts"), "adopted": N_("only for adopted texts")}


def explain_rule(rule: Rule, rule_type: RuleType | None, vocabulary: Vocabulary, lang: str) -> str:
    """The text ``nghiquyet explain`` prints for ``rule`` (``lang``: vi or en)."""
    lines = [_header(rule, lang), "", rule.message[lang].replace("{detail}", "…")]
    for key, title in (
        ("what", N_("What it checks:")),
        ("why", N_("Why:")),
        ("fix", N_("How to fix:")),
    ):
        if key in rule.docs:
            lines += ["", t(title, lang), f"  {rule.docs[key][lang]}"]
    lines += _rewrite_part(rule, lang)
    lines += _reads_part(rule, rule_type, vocabulary, lang)
    lines += _options_part(rule, rule_type, lang)
    lines += _guidance_part(rule, lang)
    for kind, title in (("bad", N_("Bad example:")), ("good", N_("Good example:"))):
        for example in rule.examples.get(kind, []):
            lines += ["", t(title, lang)]
            lines += [f"  {line}".rstrip() for line in example.rstrip().splitlines()]
    return "\n".join(lines) + "\n"


def _rewrite_part(rule: Rule, lang: str) -> list[str]:
    """What the rule's rewrite writes into the paragraph, when it names one."""
    from .rewriters import REWRITERS

    if rule.rewrite is None:
        return []
    title = t("Rewrite ({name}):", lang, name=rule.rewrite)
    return ["", title, f"  {REWRITERS[rule.rewrite].meaning[lang]}"]


def _header(rule: Rule, lang: str) -> str:
    """``NQ601 task-without-owner  [assignments, lỗi, hệ số 3]``."""
    from .render import severity_name

    facts = [rule.criterion, severity_name(rule.severity, lang)]
    facts.append(t("weight {weight}", lang, weight=f"{rule.weight:g}"))
    if rule.ceiling is not None:
        facts.append(t("ceiling {ceiling}", lang, ceiling=f"{rule.ceiling:g}"))
    if rule.stage in STAGE_ONLY:
        facts.append(t(STAGE_ONLY[rule.stage], lang))
    return f"{rule.id} {rule.name}  [{', '.join(facts)}]"


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
    lines = ["", t("Reads from the analysis:", lang)]
    for kind, name, item, via in reads:
        term = vocabulary.term(kind, name, item)
        kind_name = t(KIND_NAMES[term.kind if term else kind], lang)
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
    title = t("Options:", lang)
    if rule_type is not None and rule_type.params is None:
        undeclared = t(
            "(the rule type declares no params; params as written: {params})",
            lang,
            params=yaml_value(rule.params_given),
        )
        return ["", title, f"  {undeclared}"]
    options = rule_options(rule, rule_type)
    if not options:
        return []
    lines = ["", title]
    for param, value in options:
        default = yaml_value(param.default)
        if param.name in rule.params_given:
            note = t("default: {default}", lang, default=default)
        else:
            note = t("default", lang)
        lines.append(f"  {param.name} = {yaml_value(value)}  ({note}) — {param.meaning[lang]}")
    return lines


def _guidance_part(rule: Rule, lang: str) -> list[str]:
    guidance = enforces(rule.criterion, rule.step)
    criterion = (
        f"{BY_ID[rule.criterion].name[lang]} ({rule.criterion})" if rule.criterion != META else META
    )
    lines = ["", t("Guidance it enforces:", lang)]
    lines.append("  " + t("Criterion: {criterion}", lang, criterion=criterion))
    for key in guidance.steps:
        number = STEP_KEYS.index(key) + 1
        name = STEPS[number - 1].name[lang]
        lines.append("  " + t("Step {number} of 5: {name}", lang, number=number, name=name))
    lines.append("  " + t("It asks: {asks}", lang, asks=guidance.asks[lang]))
    if guidance.source:
        lines.append("  " + t("Source: {source}", lang, source=guidance.source[lang]))
    return lines

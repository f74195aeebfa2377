"""Step 3: run the selected rules over Facts and turn their hits into Findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .criteria import CRITERION_IDS
from .discover import config_folder, matches
from .errors import ConfigError
from .messages import Message
from .model import Facts, Finding, Location, RuleResult
from .rewrite import rewrite_finding
from .rewriters import REWRITERS
from .rule_params import RuleType
from .rules import Hit, Outcome, Rule, RuleRegistry
from .text import excerpt
from .vocabulary import Vocabulary


@dataclass(slots=True)
class RuleSet:
    """Every loaded rule, its check functions, and the extra lexicon of the packs;
    the rule types' declarations and the vocabulary, for ``explain`` and the docs."""

    rules: dict[str, Rule]
    checks: dict
    lexicon: dict[str, list[str]]
    types: dict[str, RuleType] = field(default_factory=dict)
    vocabulary: Vocabulary | None = None

    def by_token(self, token: str) -> list[Rule]:
        """Rules matching an id (NQ601), an id prefix (NQ6), a slug or a criterion."""
        token = token.strip()
        upper = token.upper()
        if upper in self.rules:
            return [self.rules[upper]]
        if token in CRITERION_IDS or token == "meta":
            return [r for r in self.rules.values() if r.criterion == token]
        named = [r for r in self.rules.values() if r.name == token]
        if named:
            return named
        if upper.startswith("NQ") and len(upper) < 5:
            return [r for r in self.rules.values() if r.id.startswith(upper)]
        return []

    def select(self, select: list[str], ignore: list[str]) -> list[Rule]:
        """The rules to run: ``select`` (all when empty) minus ``ignore``."""
        for token in [*select, *ignore]:
            if not self.by_token(token):
                raise ConfigError(
                    "unknown rule or criterion {token!r} in select/ignore "
                    "(use an id like NQ601, a prefix like NQ6, a slug, or a criterion id)",
                    token=token,
                )
        chosen = {r.id for t in select for r in self.by_token(t)} if select else set(self.rules)
        dropped = {r.id for t in ignore for r in self.by_token(t)}
        if not chosen - dropped:
            raise ConfigError(
                "select/ignore leave no rule to run (select: {select}; ignore: {ignore})",
                select=", ".join(select) or Message("all"),
                ignore=", ".join(ignore),
            )
        return [self.rules[i] for i in sorted(chosen - dropped)]


def build_ruleset(pm, rule_paths: tuple[str, ...] = ()) -> RuleSet:
    """Collect rule types and packs from every plugin, plus packs named in config."""
    return _build_ruleset(pm, tuple(rule_paths))


@cache
def _build_ruleset(pm, rule_paths: tuple[str, ...]) -> RuleSet:
    registry = RuleRegistry()
    pm.hook.register_rules(register=registry)
    for path in rule_paths:
        registry.pack(Path(path))
    rules = registry.load()
    return RuleSet(
        rules=rules,
        checks=dict(registry.checks),
        lexicon=registry.lexicon,
        types=dict(registry.types),
        vocabulary=registry.vocabulary,
    )


def file_ignores(config, path: str) -> list[str]:
    """Rule tokens ignored for this file by ``per_file_ignores`` in the config; the
    patterns match as excludes do, relative to the config file's folder."""
    if not config.per_file_ignores:
        return []
    root = config_folder(config)
    return [
        token
        for pattern, rules in config.per_file_ignores.items()
        if matches([pattern], Path(path), root)
        for token in rules
    ]


def _location(facts: Facts, hit: Hit) -> Location:
    index = hit.block or facts.signals.get("title_block") or 1
    index = min(max(index, 1), len(facts.document.blocks))
    block = facts.document.blocks[index - 1]
    return Location(
        block=index, line=block.line or index, excerpt=excerpt(block.text, hit.start, hit.end)
    )


_NO_DETAIL = object()


class _Values:
    """A finding's values for its message templates, read in one language when a
    template asks for one: a value may itself be bilingual ({"vi": ..., "en": ...},
    e.g. a label); a placeholder without a value stays as written."""

    def __init__(self, values: dict, detail=_NO_DETAIL):
        self.values, self.detail = values, detail  # a finding's detail over any other

    def __getitem__(self, lang: str) -> _InLanguage:
        return _InLanguage(self, lang)


class _InLanguage:
    """The mapping ``str.format_map`` reads: only the placeholders a template names
    are looked up (building every value in each language cost more than filling)."""

    __slots__ = ("lang", "values")

    def __init__(self, values: _Values, lang: str):
        self.values, self.lang = values, lang

    def __getitem__(self, key: str):
        if key == "detail" and self.values.detail is not _NO_DETAIL:
            value = self.values.detail
        elif key in self.values.values:
            value = self.values.values[key]
        else:
            return "{" + key + "}"
        return value.get(self.lang, value.get("vi", "")) if isinstance(value, dict) else value


def _fill(template: dict[str, str], values: dict | _Values) -> dict[str, str]:
    """``template``'s text in each language with ``values`` filled in. A text with no
    brace has nothing to fill (``format_map`` would return it as it is)."""
    if not isinstance(values, _Values):
        values = _Values(values)
    return {
        lang: (text.format_map(values[lang]) if "{" in text or "}" in text else text).strip()
        for lang, text in template.items()
    }


def _rewrite(facts: Facts, rule: Rule, hit: Hit) -> str | None:
    """The finding's paragraph as it could read, when the rule names a rewriter and
    the finding points at a paragraph."""
    if rule.rewrite is None or hit.block is None:
        return None
    if not 1 <= hit.block <= len(facts.blocks):
        return None
    detail = hit.detail.get("vi", "") if isinstance(hit.detail, dict) else hit.detail
    return rewrite_finding(REWRITERS[rule.rewrite], facts, hit.block, detail, hit.text)


def run_rule(facts: Facts, rule: Rule, check) -> RuleResult | None:
    """Run one rule; ``None`` when it does not apply to this document's stage."""
    if rule.stage != "all" and rule.stage != facts.stage:
        return None
    outcome: Outcome = check(facts, rule)
    findings = []
    for hit in outcome.hits:
        values = _Values(outcome.values, hit.detail)
        findings.append(
            Finding(
                rule_id=rule.id,
                rule=rule.name,
                criterion=rule.criterion,
                severity=rule.severity,
                message=_fill(rule.message, values),
                suggestion=_fill(rule.suggestion, values),
                location=_location(facts, hit),
                share=hit.share,
                rewrite=_rewrite(facts, rule, hit),
            )
        )
    result = RuleResult(
        rule.id,
        rule.name,
        rule.weight,
        outcome.passed,
        outcome.total,
        findings,
        ceiling=rule.ceiling,
    )
    result_values = dict(outcome.values)
    result_values.setdefault("passed", _count(outcome.passed))
    result_values.setdefault("total", _count(outcome.total))
    if rule.summary:
        result.summary = _fill(rule.summary, result_values)
    return result


def _count(value: float) -> int | dict[str, str]:
    """A count for a summary: whole as an integer, a half-met check as "2,5" / "2.5"."""
    value = round(value, 2)
    if value == int(value):
        return int(value)
    return {"vi": f"{value:g}".replace(".", ","), "en": f"{value:g}"}


def check(facts: Facts, ruleset: RuleSet, rules: list[Rule]) -> list[RuleResult]:
    """Run ``rules`` over ``facts``; results of rules that apply, in rule order."""
    results = []
    for rule in rules:
        result = run_rule(facts, rule, ruleset.checks[rule.type])
        if result is not None:
            results.append(result)
    return results

"""Rules: the YAML format, its validation, and the registry the hooks fill.

A rule pack is a YAML file holding one rule, or ``rules:`` (a list of rules) with an
optional ``lexicon:`` (extra cue terms by category). Every rule names a ``type``: a
check function registered by a plugin (``register.check``). The built-in types live
in :mod:`nghiquyet.plugins.checkers`.

A check returns an :class:`Outcome`: how many of its checks passed out of how many,
and a :class:`Hit` for each failure, which becomes a finding pointing at a block.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .criteria import BY_DIGIT, BY_ID, CRITERION_IDS, META
from .errors import ConfigError, malformed_yaml

SEVERITIES = ("error", "warning", "info")
STAGES = ("all", "draft", "adopted")
ID_RE = re.compile(r"^NQ\d{3}$")
SLUG_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
RULE_KEYS = {
    "id",
    "name",
    "criterion",
    "severity",
    "weight",
    "type",
    "params",
    "stage",
    "message",
    "suggestion",
    "docs",
    "examples",
    "summary",
    "step",
}
PACK_KEYS = {"rules", "lexicon"}


@dataclass(slots=True)
class Hit:
    """One failed check: where (block, 1-based; None for the whole document)."""

    block: int | None
    detail: str | dict[str, str] = ""  # text, or {"vi": ..., "en": ...}
    start: int = 0
    end: int | None = None


@dataclass(slots=True)
class Outcome:
    passed: float
    total: float
    hits: list[Hit] = field(default_factory=list)
    # values for the rule's summary template, e.g. {"passed": 4, "total": 6}
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Rule:
    id: str
    name: str
    criterion: str
    severity: str
    weight: float
    type: str
    params: dict[str, Any]
    message: dict[str, str]
    suggestion: dict[str, str]
    docs: dict[str, dict[str, str]]
    examples: dict[str, list[str]]
    stage: str = "all"
    summary: dict[str, str] | None = None
    source: str = ""
    # the step of the guidance the rule checks, when its criterion spans several
    # (see nghiquyet.engine.criteria.Criterion); None: its criterion's only step, or none
    step: str | None = None


CheckFunction = Callable[["Any", Rule], Outcome]


def _bilingual(value: Any, where: str, key: str, required: bool = True) -> dict[str, str] | None:
    if value is None and not required:
        return None
    if isinstance(value, str):
        return {"vi": value, "en": value}
    if isinstance(value, dict) and isinstance(value.get("vi"), str) and set(value) <= {"vi", "en"}:
        return {"vi": value["vi"], "en": value.get("en") or value["vi"]}
    raise ConfigError(
        f"{where}: key '{key}' must be a string or a mapping with 'vi' (and 'en') strings"
    )


def _step(step: Any, criterion: str, where: str) -> str | None:
    """A rule's optional ``step``: one of the steps its criterion spans."""
    steps = BY_ID[criterion].steps if criterion in BY_ID else ()
    if step is not None and step not in steps:
        raise ConfigError(
            f"{where}: key 'step' must be one of criterion {criterion!r}'s steps "
            f"({', '.join(steps) or 'none'}), got {step!r}"
        )
    return step


def parse_rule(data: Any, where: str, known_types: set[str] | None = None) -> Rule:
    """Validate one rule mapping; ``where`` names the file (and position) in errors."""
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: a rule must be a mapping, got {type(data).__name__}")
    unknown = set(data) - RULE_KEYS
    if unknown:
        raise ConfigError(
            f"{where}: unknown key '{sorted(unknown)[0]}' (expected one of {', '.join(sorted(RULE_KEYS))})"
        )
    for key in ("id", "name", "criterion", "severity", "type", "message"):
        if key not in data:
            raise ConfigError(f"{where}: missing key '{key}'")
    rid = str(data["id"])
    where = f"{where} ({rid})"
    if not ID_RE.match(rid):
        raise ConfigError(
            f"{where}: key 'id' must look like NQ601 (NQ + three digits), got {rid!r}"
        )
    if not isinstance(data["name"], str) or not SLUG_RE.match(data["name"]):
        raise ConfigError(f"{where}: key 'name' must be a kebab-case slug, got {data['name']!r}")
    criterion = data["criterion"]
    if criterion not in CRITERION_IDS and criterion != META:
        raise ConfigError(
            f"{where}: key 'criterion' must be one of {', '.join(CRITERION_IDS)} or meta, got {criterion!r}"
        )
    digit = int(rid[2])
    expected = META if digit == 0 else BY_DIGIT[digit].id if digit in BY_DIGIT else None
    if expected != criterion:
        raise ConfigError(
            f"{where}: key 'id' digit {digit} belongs to criterion {expected!r}, not {criterion!r}"
        )
    if data["severity"] not in SEVERITIES:
        raise ConfigError(
            f"{where}: key 'severity' must be one of {', '.join(SEVERITIES)}, got {data['severity']!r}"
        )
    weight = data.get("weight", 1)
    if isinstance(weight, bool) or not isinstance(weight, int | float) or weight < 0:
        raise ConfigError(f"{where}: key 'weight' must be a number ≥ 0, got {weight!r}")
    if known_types is not None and data["type"] not in known_types:
        raise ConfigError(
            f"{where}: key 'type' must be one of {', '.join(sorted(known_types))}, got {data['type']!r}"
        )
    params = data.get("params") or {}
    if not isinstance(params, dict):
        raise ConfigError(f"{where}: key 'params' must be a mapping")
    stage = data.get("stage", "all")
    if stage not in STAGES:
        raise ConfigError(f"{where}: key 'stage' must be one of {', '.join(STAGES)}, got {stage!r}")
    step = _step(data.get("step"), criterion, where)
    docs_raw = data.get("docs") or {}
    if not isinstance(docs_raw, dict) or set(docs_raw) - {"what", "why", "fix"}:
        raise ConfigError(f"{where}: key 'docs' must be a mapping with what, why, fix")
    docs = {k: _bilingual(v, where, f"docs.{k}") for k, v in docs_raw.items()}
    examples_raw = data.get("examples") or {}
    if (
        not isinstance(examples_raw, dict)
        or set(examples_raw) - {"bad", "good"}
        or not all(
            isinstance(v, list) and all(isinstance(x, str) for x in v)
            for v in examples_raw.values()
        )
    ):
        raise ConfigError(
            f"{where}: key 'examples' must be a mapping with 'bad' and 'good' lists of strings"
        )
    message = _bilingual(data["message"], where, "message")
    suggestion = (
        _bilingual(data.get("suggestion"), where, "suggestion", required=False)
        or docs.get("fix")
        or message
    )
    return Rule(
        id=rid,
        name=data["name"],
        criterion=criterion,
        severity=data["severity"],
        weight=float(weight),
        type=data["type"],
        params=params,
        message=message,
        suggestion=suggestion,
        docs=docs,
        examples={k: list(v) for k, v in examples_raw.items()},
        stage=stage,
        summary=_bilingual(data.get("summary"), where, "summary", required=False),
        source=where.split(" (")[0],
        step=step,
    )


class RuleRegistry:
    """What ``register_rules`` hooks receive: add rule packs and check types."""

    def __init__(self) -> None:
        self.checks: dict[str, CheckFunction] = {}
        self._packs: list[Path] = []
        self.rules: dict[str, Rule] = {}
        self.lexicon: dict[str, list[str]] = {}

    def check(self, name: str, function: CheckFunction) -> None:
        """Register a rule type: YAML rules name it with ``type: <name>``."""
        if name in self.checks and self.checks[name] is not function:
            raise ConfigError(f"rule type {name!r} is registered twice")
        self.checks[name] = function

    def pack(self, path: str | Path) -> None:
        """Register a YAML rule pack: one file, or every ``*.yaml`` in a folder (not recursive)."""
        self._packs.append(Path(path))

    def _files(self) -> list[Path]:
        files = []
        for path in self._packs:
            if path.is_dir():
                files.extend(sorted(p for p in path.glob("*.yaml") if p.is_file()))
            elif path.is_file():
                files.append(path)
            else:
                raise ConfigError(f"{path}: rule pack not found")
        return files

    def load(self) -> dict[str, Rule]:
        """Read and validate every registered pack; ids and slugs must be unique."""
        by_name: dict[str, str] = {}
        for file in self._files():
            try:
                data = yaml.safe_load(file.read_text("utf-8"))
            except yaml.YAMLError as exc:
                raise malformed_yaml(file, exc) from None
            except (OSError, UnicodeDecodeError) as exc:
                raise ConfigError(f"{file}: cannot read rule pack ({exc})") from None
            if data is None:
                continue
            if isinstance(data, dict) and "id" not in data:
                unknown = set(data) - PACK_KEYS
                if unknown:
                    raise ConfigError(
                        f"{file}: unknown key '{sorted(unknown)[0]}' (expected rules, lexicon)"
                    )
                # only a missing or empty value means "none": `rules: {}` is a mistake
                entries = [] if data.get("rules") is None else data["rules"]
                lexicon = {} if data.get("lexicon") is None else data["lexicon"]
                if not isinstance(entries, list):
                    raise ConfigError(f"{file}: key 'rules' must be a list of rules")
                if not isinstance(lexicon, dict) or not all(
                    isinstance(v, list) for v in lexicon.values()
                ):
                    raise ConfigError(
                        f"{file}: key 'lexicon' must map categories to lists of terms"
                    )
                for category, terms in lexicon.items():
                    self.lexicon.setdefault(str(category), []).extend(str(t) for t in terms)
            else:
                entries = [data]
            for n, entry in enumerate(entries, start=1):
                rule = parse_rule(entry, f"{file} rule {n}", set(self.checks))
                if rule.id in self.rules:
                    raise ConfigError(
                        f"{file}: duplicate rule id {rule.id} (also in {self.rules[rule.id].source})"
                    )
                if rule.name in by_name:
                    raise ConfigError(
                        f"{file}: duplicate rule name {rule.name} (also {by_name[rule.name]})"
                    )
                by_name[rule.name] = rule.id
                self.rules[rule.id] = rule
        return dict(sorted(self.rules.items()))


def builtin_pack_folder() -> Path:
    return Path(str(resources.files("nghiquyet.rules")))

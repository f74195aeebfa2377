"""Rules: the YAML format, its validation, and the registry the hooks fill.

A rule pack is a YAML file holding one rule, or ``rules:`` (a list of rules) with an
optional ``lexicon:`` (extra cue terms by category). Every rule names a ``type``: a
rule type registered by a plugin (``register.rule_type``). The built-in types live
in :mod:`nghiquyet.plugins.checkers`.

A check returns an :class:`Outcome`: how many of its checks passed out of how many,
and a :class:`Hit` for each failure, which becomes a finding pointing at a block.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .criteria import BY_DIGIT, BY_ID, CRITERION_IDS, META
from .errors import ConfigError, excerpt, key_name, malformed_yaml
from .rule_params import Param, RuleType, check_reads, resolve_params
from .vocabulary import Meaning, Vocabulary, builtin
from .yamlio import load_yaml

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
PACK_SUFFIXES = (".yaml", ".yml")
PACK_KEYS = {"rules", "lexicon"}


@dataclass(slots=True)
class Hit:
    """One failed check: where (block, 1-based; None for the whole document)."""

    block: int | None
    detail: str | dict[str, str] = ""  # text, or {"vi": ..., "en": ...}
    start: int = 0
    end: int | None = None
    # how much of one check this miss is: 0.5 for a check met by half (a review
    # planned without a date); the finding's share of the rule's loss follows it
    share: float = 1.0


@dataclass(slots=True)
class Outcome:
    """What a check found: ``passed`` of ``total`` checks (0 of 0: the rule does not
    apply), a hit per failure, and values for the rule's summary."""

    passed: float
    total: float
    hits: list[Hit] = field(default_factory=list)
    # values for the rule's summary template, e.g. {"passed": 4, "total": 6}
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Rule:
    """One validated rule of a pack; ``params`` are complete (defaults filled in)."""

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
    # the params as the pack wrote them; ``params`` adds the type's defaults
    params_given: dict[str, Any] = field(default_factory=dict)


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
            f"({', '.join(steps) or 'none'}), got {excerpt(step)}"
        )
    return step


def parse_rule(data: Any, where: str, known_types: set[str] | None = None) -> Rule:
    """Validate one rule mapping; ``where`` names the file (and position) in errors.

    Its params are checked against its rule type later, by :meth:`RuleRegistry.load`,
    once every pack's lexicon and every plugin's vocabulary are known.
    """
    _check_keys(data, where)
    rid = str(data["id"])
    where = f"{where} ({rid})"
    _check_identity(data, rid, where)
    weight, stage = _check_scoring(data, where, known_types)
    step = _step(data.get("step"), data["criterion"], where)
    params = data.get("params") or {}
    if not isinstance(params, dict):
        raise ConfigError(f"{where}: key 'params' must be a mapping")
    docs, examples = _docs(data, where)
    message = _bilingual(data["message"], where, "message")
    suggestion = (
        _bilingual(data.get("suggestion"), where, "suggestion", required=False)
        or docs.get("fix")
        or message
    )
    return Rule(
        id=rid,
        name=data["name"],
        criterion=data["criterion"],
        severity=data["severity"],
        weight=float(weight),
        type=data["type"],
        params=params,
        message=message,
        suggestion=suggestion,
        docs=docs,
        examples=examples,
        stage=stage,
        summary=_bilingual(data.get("summary"), where, "summary", required=False),
        source=where.split(" (")[0],
        step=step,
        params_given=dict(params),
    )


def _check_keys(data: Any, where: str) -> None:
    """A mapping with only known keys and every required one."""
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: a rule must be a mapping, got {type(data).__name__}")
    unknown = set(data) - RULE_KEYS
    if unknown:
        raise ConfigError(
            f"{where}: unknown key {key_name(sorted(unknown, key=str)[0])} (expected one of {', '.join(sorted(RULE_KEYS))})"
        )
    for key in ("id", "name", "criterion", "severity", "type", "message"):
        if key not in data:
            raise ConfigError(f"{where}: missing key '{key}'")


def _check_identity(data: dict, rid: str, where: str) -> None:
    """The id's form, the slug's form, and a criterion that matches the id's digit."""
    if not ID_RE.match(rid):
        raise ConfigError(
            f"{where}: key 'id' must look like NQ601 (NQ + three digits), got {excerpt(rid)}"
        )
    if not isinstance(data["name"], str) or not SLUG_RE.match(data["name"]):
        raise ConfigError(
            f"{where}: key 'name' must be a kebab-case slug, got {excerpt(data['name'])}"
        )
    criterion = data["criterion"]
    if criterion not in CRITERION_IDS and criterion != META:
        raise ConfigError(
            f"{where}: key 'criterion' must be one of {', '.join(CRITERION_IDS)} or meta, got {excerpt(criterion)}"
        )
    digit = int(rid[2])
    expected = META if digit == 0 else BY_DIGIT[digit].id if digit in BY_DIGIT else None
    if expected != criterion:
        raise ConfigError(
            f"{where}: key 'id' digit {digit} belongs to criterion {expected!r}, not {criterion!r}"
        )


def _check_scoring(data: dict, where: str, known_types: set[str] | None) -> tuple[Any, str]:
    """Severity, weight, type and stage: (the weight, the stage)."""
    if data["severity"] not in SEVERITIES:
        raise ConfigError(
            f"{where}: key 'severity' must be one of {', '.join(SEVERITIES)}, got {excerpt(data['severity'])}"
        )
    weight = data.get("weight", 1)
    if isinstance(weight, bool) or not isinstance(weight, int | float) or weight < 0:
        raise ConfigError(f"{where}: key 'weight' must be a number ≥ 0, got {excerpt(weight)}")
    if known_types is not None and data["type"] not in known_types:
        close = difflib.get_close_matches(str(data["type"]), sorted(known_types), n=1)
        raise ConfigError(
            f"{where}: key 'type' must be one of {', '.join(sorted(known_types))}, got {excerpt(data['type'])}"
            + (f" (did you mean {close[0]!r}?)" if close else "")
        )
    stage = data.get("stage", "all")
    if stage not in STAGES:
        raise ConfigError(
            f"{where}: key 'stage' must be one of {', '.join(STAGES)}, got {excerpt(stage)}"
        )
    return weight, stage


def _docs(data: dict, where: str) -> tuple[dict, dict[str, list[str]]]:
    """The rule's ``docs`` (what, why, fix; bilingual) and its ``examples``."""
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
    return docs, {k: list(v) for k, v in examples_raw.items()}


class RuleRegistry:
    """What ``register_rules`` hooks receive: add rule packs, rule types and vocabulary."""

    def __init__(self) -> None:
        self.checks: dict[str, CheckFunction] = {}
        self.types: dict[str, RuleType] = {}
        self._packs: list[Path] = []
        self.rules: dict[str, Rule] = {}
        self.lexicon: dict[str, list[str]] = {}
        # the names rules may use: the built-ins, then what plugins and packs declare
        self.vocabulary: Vocabulary = builtin().copy()

    def rule_type(
        self,
        name: str,
        function: CheckFunction,
        params: list[Param] | tuple[Param, ...] | None = None,
        reads: dict[str, list[str] | tuple[str, ...]] | None = None,
    ) -> None:
        """Register a rule type: YAML rules name it with ``type: <name>``.

        ``params`` declares what a rule of this type may set (see
        :class:`nghiquyet.engine.rule_params.Param`) and ``reads`` the vocabulary its
        code reads whatever the params; both default to what
        :func:`nghiquyet.engine.rule_params.rule_type` attached to ``function``.
        Without declarations the type's params are not checked.
        """
        if name in self.checks and self.checks[name] is not function:
            raise ConfigError(f"rule type {name!r} is registered twice")
        params = params if params is not None else getattr(function, "params", None)
        reads = reads if reads is not None else getattr(function, "reads", None)
        self.checks[name] = function
        self.types[name] = RuleType(
            name,
            function,
            None if params is None else tuple(params),
            {kind: tuple(names) for kind, names in (reads or {}).items()},
        )

    def check(self, name: str, function: CheckFunction, **declared) -> None:
        """The older name of :meth:`rule_type`, kept so that plugins written for it
        still load; "check" now means one property of an item a rule counts."""
        self.rule_type(name, function, **declared)

    def declare(self, kind: str, terms: dict[str, Meaning], *, item: str | None = None) -> None:
        """Declare vocabulary a plugin produces or reads: a signal, a mention kind from
        a pipeline component, a lexicon category, ... (see
        :mod:`nghiquyet.engine.vocabulary`); ``terms`` maps each name to its meaning."""
        import sys

        origin = sys._getframe(1).f_globals.get("__name__", "a plugin")
        self.vocabulary.declare(kind, terms, item=item, origin=origin)

    def pack(self, path: str | Path) -> None:
        """Register a YAML rule pack: one file, or every ``*.yaml`` in a folder (not recursive)."""
        self._packs.append(Path(path))

    def _files(self) -> list[Path]:
        files = []
        for path in self._packs:
            if path.is_dir():
                files.extend(sorted(p for p in path.glob("*.yaml") if p.is_file()))
            elif path.is_file() and path.suffix.lower() in PACK_SUFFIXES:
                files.append(path)
            elif path.is_file():
                # never read (and so never quote) a file that is no rule pack: /etc/shadow
                raise ConfigError(f"{path}: not a rule pack (a .yaml file or a folder of them)")
            else:
                raise ConfigError(f"{path}: rule pack not found")
        return files

    def load(self) -> dict[str, Rule]:
        """Read and validate every registered pack; ids and slugs must be unique.

        Every pack is read first, so that a category one pack's ``lexicon:`` adds is
        known to the rules of all of them; then each rule is checked against its type.
        """
        packs = [(file, self._read_pack(file)) for file in self._files()]
        for rule_type in self.types.values():
            check_reads(rule_type, self.vocabulary)
        by_name: dict[str, str] = {}
        for file, entries in packs:
            for n, entry in enumerate(entries, start=1):
                rule = parse_rule(entry, f"{file} rule {n}", set(self.checks))
                rule.params = resolve_params(
                    self.types[rule.type],
                    rule.params,
                    self.vocabulary,
                    f"{file} rule {n} ({rule.id})",
                )
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

    def _read_pack(self, file: Path) -> list[Any]:
        """The rule entries of one pack; its ``lexicon:`` joins the registry's lexicon,
        and a category it adds joins the vocabulary."""
        try:
            data = load_yaml(file.read_text("utf-8"))
        except yaml.YAMLError as exc:
            raise malformed_yaml(file, exc) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{file}: cannot read rule pack ({exc})") from None
        if data is None:
            return []
        if not isinstance(data, dict) or "id" in data:
            return [data]
        unknown = set(data) - PACK_KEYS
        if unknown:
            raise ConfigError(
                f"{file}: unknown key {key_name(sorted(unknown, key=str)[0])} (expected rules, lexicon)"
            )
        # only a missing or empty value means "none": `rules: {}` is a mistake
        entries = [] if data.get("rules") is None else data["rules"]
        lexicon = {} if data.get("lexicon") is None else data["lexicon"]
        if not isinstance(entries, list):
            raise ConfigError(f"{file}: key 'rules' must be a list of rules")
        if not isinstance(lexicon, dict) or not all(isinstance(v, list) for v in lexicon.values()):
            raise ConfigError(f"{file}: key 'lexicon' must map categories to lists of terms")
        for category, terms in lexicon.items():
            self.lexicon.setdefault(str(category), []).extend(str(t) for t in terms)
            if self.vocabulary.term("lexicon", str(category)) is None:
                meaning = {
                    "vi": f"nhóm từ do {file.name} thêm",
                    "en": f"cue terms added by {file.name}",
                }
                self.vocabulary.declare("lexicon", {str(category): meaning}, origin=str(file))
        return entries


def builtin_pack_folder() -> Path:
    """The folder of the rule packs shipped with nghiquyet (rules/ in the source)."""
    return Path(str(resources.files("nghiquyet.rules")))

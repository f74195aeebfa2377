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

from .criteria import BY_DIGIT, BY_ID, CRITERION_IDS, META
from .errors import ConfigError, excerpt, key_name, malformed_yaml
from .messages import Message
from .rule_params import Param, RuleType, Where, check_reads, resolve_params
from .vocabulary import Meaning, Vocabulary, builtin
from .yamlio import load_yaml_cached, yaml_error

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
    "ceiling",
    "type",
    "params",
    "stage",
    "message",
    "suggestion",
    "docs",
    "examples",
    "summary",
    "step",
    "rewrite",
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
    # the item's own words when the finding is about one item of the block (a clause
    # of an inline list of targets): what the rule's rewrite starts from
    text: str | None = None


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
    # the rewriter that writes a finding's paragraph as it could read (engine/rewriters.py)
    rewrite: str | None = None
    # when the rule fails, its criterion scores at most this (see engine/score.py)
    ceiling: float | None = None


CheckFunction = Callable[["Any", Rule], Outcome]


def rule_where(file: Path, n: int) -> Message:
    """The ``n``-th rule of a pack file, as errors name it ("rules/x.yaml rule 3")."""
    return Message("{file} rule {n}", file=file, n=n)


def _bilingual(value: Any, where: Where, key: str, required: bool = True) -> dict[str, str] | None:
    if value is None and not required:
        return None
    if isinstance(value, str):
        return {"vi": value, "en": value}
    if isinstance(value, dict) and isinstance(value.get("vi"), str) and set(value) <= {"vi", "en"}:
        return {"vi": value["vi"], "en": value.get("en") or value["vi"]}
    raise ConfigError(
        "{where}: key '{key}' must be a string or a mapping with 'vi' (and 'en') strings",
        where=where,
        key=key,
    )


def _step(step: Any, criterion: str, where: Where) -> str | None:
    """A rule's optional ``step``: one of the steps its criterion spans."""
    steps = BY_ID[criterion].steps if criterion in BY_ID else ()
    if step is not None and step not in steps:
        raise ConfigError(
            "{where}: key 'step' must be one of criterion {criterion}'s steps ({steps}), got {value}",
            where=where,
            criterion=repr(criterion),
            steps=", ".join(steps) or "-",
            value=excerpt(step),
        )
    return step


def parse_rule(data: Any, where: Where, known_types: set[str] | None = None) -> Rule:
    """Validate one rule mapping; ``where`` names the file (and position) in errors:
    a text, or a :class:`Message` (see :func:`rule_where`) so errors show in the
    user's language.

    Its params are checked against its rule type later, by :meth:`RuleRegistry.load`,
    once every pack's lexicon and every plugin's vocabulary are known.
    """
    _check_keys(data, where)
    rid = str(data["id"])
    source = str(where)  # in English: the rules JSON's ``source`` field
    where = Message("{where} ({id})", where=where, id=rid)
    _check_identity(data, rid, where)
    weight, stage = _check_scoring(data, where, known_types)
    ceiling = _ceiling(data, where)
    step = _step(data.get("step"), data["criterion"], where)
    params = data.get("params") or {}
    if not isinstance(params, dict):
        raise ConfigError("{where}: key 'params' must be a mapping", where=where)
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
        source=source,
        step=step,
        params_given=dict(params),
        rewrite=_rewrite(data.get("rewrite"), where),
        ceiling=ceiling,
    )


def _rewrite(name: Any, where: Where) -> str | None:
    """A rule's optional ``rewrite``: the name of a built-in rewriter."""
    from .rewriters import REWRITERS

    if name is None or name in REWRITERS:
        return name
    close = difflib.get_close_matches(str(name), sorted(REWRITERS), n=1)
    raise _one_of(where, "rewrite", sorted(REWRITERS), name, close[0] if close else None)


def _check_keys(data: Any, where: Where) -> None:
    """A mapping with only known keys and every required one."""
    if not isinstance(data, dict):
        raise ConfigError(
            "{where}: a rule must be a mapping, got {kind}", where=where, kind=type(data).__name__
        )
    unknown = set(data) - RULE_KEYS
    if unknown:
        raise ConfigError(
            "{where}: unknown key {key} (expected one of {known})",
            where=where,
            key=key_name(sorted(unknown, key=str)[0]),
            known=", ".join(sorted(RULE_KEYS)),
        )
    for key in ("id", "name", "criterion", "severity", "type", "message"):
        if key not in data:
            raise ConfigError("{where}: missing key '{key}'", where=where, key=key)


def _check_identity(data: dict, rid: str, where: Where) -> None:
    """The id's form, the slug's form, and a criterion that matches the id's digit."""
    if not ID_RE.match(rid):
        raise ConfigError(
            "{where}: key 'id' must look like NQ601 (NQ + three digits), got {value}",
            where=where,
            value=excerpt(rid),
        )
    if not isinstance(data["name"], str) or not SLUG_RE.match(data["name"]):
        raise ConfigError(
            "{where}: key 'name' must be a kebab-case slug, got {value}",
            where=where,
            value=excerpt(data["name"]),
        )
    criterion = data["criterion"]
    if criterion not in CRITERION_IDS and criterion != META:
        raise ConfigError(
            "{where}: key 'criterion' must be one of {known} or meta, got {value}",
            where=where,
            known=", ".join(CRITERION_IDS),
            value=excerpt(criterion),
        )
    digit = int(rid[2])
    expected = META if digit == 0 else BY_DIGIT[digit].id if digit in BY_DIGIT else None
    if expected != criterion:
        raise ConfigError(
            "{where}: key 'id' digit {digit} belongs to criterion {expected}, not {criterion}",
            where=where,
            digit=digit,
            expected=repr(expected),
            criterion=repr(criterion),
        )


def _one_of(where: Where, key: str, known, value: Any, close: str | None = None) -> ConfigError:
    """The error for a key whose value is none of ``known``, with the nearest one."""
    if close:
        return ConfigError(
            "{where}: key '{key}' must be one of {known}, got {value} (did you mean {close}?)",
            where=where,
            key=key,
            known=", ".join(known),
            value=excerpt(value),
            close=repr(close),
        )
    return ConfigError(
        "{where}: key '{key}' must be one of {known}, got {value}",
        where=where,
        key=key,
        known=", ".join(known),
        value=excerpt(value),
    )


def _check_scoring(data: dict, where: Where, known_types: set[str] | None) -> tuple[Any, str]:
    """Severity, weight, type and stage: (the weight, the stage)."""
    if data["severity"] not in SEVERITIES:
        raise _one_of(where, "severity", SEVERITIES, data["severity"])
    weight = data.get("weight", 1)
    if isinstance(weight, bool) or not isinstance(weight, int | float) or weight < 0:
        raise ConfigError(
            "{where}: key 'weight' must be a number ≥ 0, got {value}",
            where=where,
            value=excerpt(weight),
        )
    if known_types is not None and data["type"] not in known_types:
        close = difflib.get_close_matches(str(data["type"]), sorted(known_types), n=1)
        raise _one_of(where, "type", sorted(known_types), data["type"], close[0] if close else None)
    stage = data.get("stage", "all")
    if stage not in STAGES:
        raise _one_of(where, "stage", STAGES, stage)
    return weight, stage


def _ceiling(data: dict, where: Where) -> float | None:
    """A rule's optional ``ceiling``: a score from 0 to 100."""
    ceiling = data.get("ceiling")
    if ceiling is None:
        return None
    if isinstance(ceiling, bool) or not isinstance(ceiling, int | float) or not 0 <= ceiling <= 100:
        raise ConfigError(
            "{where}: key 'ceiling' must be a score from 0 to 100, got {value}",
            where=where,
            value=excerpt(ceiling),
        )
    return float(ceiling)


def _docs(data: dict, where: Where) -> tuple[dict, dict[str, list[str]]]:
    """The rule's ``docs`` (what, why, fix; bilingual) and its ``examples``."""
    docs_raw = data.get("docs") or {}
    if not isinstance(docs_raw, dict) or set(docs_raw) - {"what", "why", "fix"}:
        raise ConfigError("{where}: key 'docs' must be a mapping with what, why, fix", where=where)
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
            "{where}: key 'examples' must be a mapping with 'bad' and 'good' lists of strings",
            where=where,
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
            raise ConfigError("rule type {name} is registered twice", name=repr(name))
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
                raise ConfigError(
                    "{path}: not a rule pack (a .yaml file or a folder of them)", path=path
                )
            else:
                raise ConfigError("{path}: rule pack not found", path=path)
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
                where = rule_where(file, n)
                rule = parse_rule(entry, where, set(self.checks))
                rule.params = resolve_params(
                    self.types[rule.type],
                    rule.params,
                    self.vocabulary,
                    Message("{where} ({id})", where=where, id=rule.id),
                )
                if rule.id in self.rules:
                    raise ConfigError(
                        "{file}: duplicate rule id {id} (also in {other})",
                        file=file,
                        id=rule.id,
                        other=self.rules[rule.id].source,
                    )
                if rule.name in by_name:
                    raise ConfigError(
                        "{file}: duplicate rule name {name} (also {other})",
                        file=file,
                        name=rule.name,
                        other=by_name[rule.name],
                    )
                by_name[rule.name] = rule.id
                self.rules[rule.id] = rule
        return dict(sorted(self.rules.items()))

    def _read_pack(self, file: Path) -> list[Any]:
        """The rule entries of one pack; its ``lexicon:`` joins the registry's lexicon,
        and a category it adds joins the vocabulary."""
        try:
            data = load_yaml_cached(file.read_text("utf-8"))
        except yaml_error() as exc:
            raise malformed_yaml(file, exc) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(
                "{file}: cannot read rule pack ({reason})", file=file, reason=exc
            ) from None
        if data is None:
            return []
        if not isinstance(data, dict) or "id" in data:
            return [data]
        unknown = set(data) - PACK_KEYS
        if unknown:
            raise ConfigError(
                "{file}: unknown key {key} (expected rules, lexicon)",
                file=file,
                key=key_name(sorted(unknown, key=str)[0]),
            )
        # only a missing or empty value means "none": `rules: {}` is a mistake
        entries = [] if data.get("rules") is None else data["rules"]
        lexicon = {} if data.get("lexicon") is None else data["lexicon"]
        if not isinstance(entries, list):
            raise ConfigError("{file}: key 'rules' must be a list of rules", file=file)
        if not isinstance(lexicon, dict) or not all(isinstance(v, list) for v in lexicon.values()):
            raise ConfigError(
                "{file}: key 'lexicon' must map categories to lists of terms", file=file
            )
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

"""Rule types declare their params; a rule pack's params are checked against them.

A rule type is a check function (:data:`nghiquyet.engine.rules.CheckFunction`) with
the params it takes, each with a type, a meaning, a default, and, for a name the
analysis produces, the vocabulary kind the value must belong to::

    @rule_type(
        Param("items", "name", "the items to count", vocabulary="item"),
        Param("check", "name", "the check each item must pass",
              vocabulary="item_check", item_param="items"),
        Param("min_items", "integer", "fewest items for the rule to apply", default=1, minimum=1),
    )
    def check_item_ratio(facts, rule): ...

At load, :func:`resolve_params` refuses an unknown key, a value of the wrong type and
a name the vocabulary does not declare, with the closest known name; it fills in the
defaults, so a check reads ``rule.params["min_items"]`` and the default lives in one
place. A type registered without declarations takes its params unchecked (plugins
written before declarations existed keep working).
"""

from __future__ import annotations

import copy
import difflib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .errors import ConfigError, excerpt
from .messages import N_, Bilingual, Message
from .vocabulary import Meaning, Vocabulary, label, normalise_meaning

# where a rule is, as errors name it: a text, or a Message shown in the user's language
Where = str | Message


class _Required:
    def __repr__(self) -> str:
        return "required"


REQUIRED: Any = _Required()
# A value that may name a signal or, as "section:<kind>", a part's heading.
PLACE = "place"


def _is_names(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_labels(value: Any) -> bool:
    def one(text: Any) -> bool:
        return isinstance(text, str) or (
            isinstance(text, dict)
            and isinstance(text.get("vi"), str)
            and set(text) <= {"vi", "en"}
            and all(isinstance(t, str) for t in text.values())
        )

    return isinstance(value, dict) and all(isinstance(k, str) and one(v) for k, v in value.items())


@dataclass(frozen=True, slots=True)
class ParamType:
    """A kind of param value: what it looks like in YAML and how to test one."""

    name: str
    description: str  # for messages and docs: "a list of strings"
    accepts: Callable[[Any], bool]
    names: Callable[[Any], list[str]]  # the vocabulary names inside a value


PARAM_TYPES: dict[str, ParamType] = {
    t.name: t
    for t in (
        ParamType("text", N_("a string"), lambda v: isinstance(v, str), lambda v: [v]),
        ParamType("texts", N_("a list of strings"), _is_names, list),
        ParamType("name", N_("a name"), lambda v: isinstance(v, str), lambda v: [v]),
        ParamType("names", N_("a list of names"), _is_names, list),
        ParamType(
            "name_or_names",
            N_("a name or a list of names"),
            lambda v: isinstance(v, str) or _is_names(v),
            lambda v: [v] if isinstance(v, str) else list(v),
        ),
        ParamType(
            "integer",
            N_("an integer"),
            lambda v: isinstance(v, int) and not isinstance(v, bool),
            lambda v: [],
        ),
        ParamType("number", N_("a number"), _is_number, lambda v: []),
        ParamType(
            "range",
            N_("two numbers [low, high]"),
            lambda v: (
                isinstance(v, list) and len(v) == 2 and all(map(_is_number, v)) and v[0] <= v[1]
            ),
            lambda v: [],
        ),
        ParamType(
            "name_map",
            N_("a mapping of names to names"),
            lambda v: (
                isinstance(v, dict)
                and all(isinstance(k, str) and isinstance(t, str) for k, t in v.items())
            ),
            lambda v: [*v, *v.values()],
        ),
        ParamType(
            "labels",
            N_("a mapping of names to a string or {vi, en}"),
            _is_labels,
            lambda v: list(v),
        ),
    )
}


@dataclass(frozen=True, slots=True)
class Param:
    """One param of a rule type.

    ``vocabulary`` is the kind of name the value holds (for ``labels``, its keys);
    ``"place"`` means a signal or ``section:<kind>``. ``item_param`` names the param
    whose item kind scopes an ``item_check`` or ``item_detail`` value.
    """

    name: str
    type: str
    meaning: Meaning
    default: Any = REQUIRED
    vocabulary: str | None = None
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    item_param: str | None = None

    def __post_init__(self) -> None:
        if self.type not in PARAM_TYPES:
            raise ConfigError(
                "param {name}: unknown type {type}", name=repr(self.name), type=repr(self.type)
            )
        # frozen: normalise the meaning to {vi, en} once, here
        where = Message("param {name}", name=repr(self.name))
        object.__setattr__(self, "meaning", normalise_meaning(self.meaning, where))

    @property
    def required(self) -> bool:
        """Whether a rule must set it (it has no default)."""
        return self.default is REQUIRED


@dataclass(frozen=True, slots=True)
class RuleType:
    """A registered rule type: its function, its params (``None``: undeclared) and the
    vocabulary its code reads whatever the params (``{"signal": ("topic",)}``; a check
    or detail as ``"task.has_owner"``)."""

    name: str
    function: Callable
    params: tuple[Param, ...] | None = None
    reads: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def param(self, name: str) -> Param | None:
        """The declared param ``name``, if any."""
        return next((p for p in self.params or () if p.name == name), None)

    @property
    def doc(self) -> str:
        """The first paragraph of the function's docstring, on one line."""
        text = (self.function.__doc__ or "").strip().split("\n\n")[0]
        return " ".join(text.split())


def rule_type(*params: Param, reads: Mapping[str, Iterable[str]] | None = None):
    """Decorator: attach to a check function the params it takes and what it always
    reads; ``register.rule_type(name, function)`` then picks them up."""

    def attach(function):
        function.params = tuple(params)
        function.reads = {kind: tuple(names) for kind, names in (reads or {}).items()}
        return function

    return attach


def _hint(close: str | None, known: list[str]) -> Message:
    if close:
        return Message("did you mean {name}?", name=repr(close))
    if not known:
        return Message("none is declared")
    if len(known) <= 12:
        return Message("known: {names}", names=", ".join(known))
    return Message("docs/rules.md lists them")


def check_name(
    vocabulary: Vocabulary, kind: str, name: str, item: str | None = None
) -> Message | None:
    """``None`` when ``name`` is declared as ``kind``, else why not, with the nearest name."""
    prefix = ""
    if kind == PLACE:
        prefix = "section:" if name.startswith("section:") else ""
        kind, name = ("section", name[len(prefix) :]) if prefix else ("signal", name)
    if vocabulary.term(kind, name, item) is not None:
        return None
    known = vocabulary.names(kind, item)
    close = vocabulary.closest(kind, name, item)
    close = prefix + close if close else None
    return Message(
        "unknown {kind} {name} ({hint})",
        kind=label(kind, item),
        name=repr(name),
        hint=_hint(close, known),
    )


def _check_value(param: Param, value: Any, where: Where) -> None:
    kind = PARAM_TYPES[param.type]
    if not kind.accepts(value):
        raise ConfigError(
            "{where}: params.{param}: expected {expected}, got {value}",
            where=where,
            param=param.name,
            expected=Message(kind.description),
            value=excerpt(value),
        )
    if param.choices and value not in param.choices:
        close = difflib.get_close_matches(str(value), param.choices, n=1)
        raise ConfigError(
            "{where}: params.{param}: unknown value {value} ({hint})",
            where=where,
            param=param.name,
            value=excerpt(value),
            hint=_hint(close[0] if close else None, list(param.choices)),
        )
    if param.minimum is not None and value < param.minimum:
        raise ConfigError(
            "{where}: params.{param}: must be ≥ {minimum}, got {value}",
            where=where,
            param=param.name,
            minimum=f"{param.minimum:g}",
            value=excerpt(value),
        )


def resolve_params(
    rule_type: RuleType, given: Mapping[str, Any], vocabulary: Vocabulary, where: Where
) -> dict[str, Any]:
    """Check a rule's params against its type; return them with the defaults filled in.

    ``where`` names the file, the rule and its id; every error is one line that names
    the key and the value, and the closest known name when there is one.
    """
    if rule_type.params is None:
        return dict(given)  # an undeclared type takes its params unchecked
    declared = {p.name: p for p in rule_type.params}
    for key in given:
        if key not in declared:
            close = difflib.get_close_matches(str(key), list(declared), n=1)
            hint = _hint(close[0] if close else None, list(declared))
            raise ConfigError(
                "{where}: params.{param}: unknown param of rule type {type} ({hint})",
                where=where,
                param=key,
                type=repr(rule_type.name),
                hint=hint,
            )
    resolved: dict[str, Any] = {}
    for param in rule_type.params:
        if param.name in given:
            _check_value(param, given[param.name], where)
            resolved[param.name] = given[param.name]
        elif param.required:
            raise ConfigError(
                "{where}: params.{param}: missing (rule type {type} needs it: {meaning})",
                where=where,
                param=param.name,
                type=repr(rule_type.name),
                meaning=Bilingual(param.meaning),
            )
        else:
            resolved[param.name] = copy.deepcopy(param.default)
    for param in rule_type.params:
        if param.vocabulary and param.name in given:
            item = resolved.get(param.item_param) if param.item_param else None
            for name in PARAM_TYPES[param.type].names(given[param.name]):
                problem = check_name(vocabulary, param.vocabulary, name, item)
                if problem:
                    raise ConfigError(
                        "{where}: params.{param}: {problem}",
                        where=where,
                        param=param.name,
                        problem=problem,
                    )
    return resolved


def check_reads(rule_type: RuleType, vocabulary: Vocabulary) -> None:
    """A rule type may only read declared names: its code would find nothing else."""
    for kind, names in rule_type.reads.items():
        for name in names:
            item, _, short = name.rpartition(".") if kind.startswith("item_") else ("", "", name)
            problem = check_name(vocabulary, kind, short, item or None)
            if problem:
                raise ConfigError(
                    "rule type {type} reads an {problem}",
                    type=repr(rule_type.name),
                    problem=problem,
                )


def yaml_value(value: Any) -> str:
    """A param value as a pack would write it: ``[13, 14]``, ``2.5``, ``null``."""
    if value is None or value is REQUIRED:
        return "null" if value is None else "required"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"{value:g}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(yaml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {yaml_value(v)}" for k, v in value.items()) + "}"
    return str(value)

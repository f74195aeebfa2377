"""The vocabulary rules and the analysis share, each name declared once with its meaning.

A rule pack names what the analysis found: ``signals: [draft_mark]``, ``items: task``,
``check: has_owner``, ``sections: [situation]``, ``any: [cause]``. Those strings are
a contract between two sides that never import each other, so each is declared here
with a one-line meaning; a pack that names an undeclared one fails at load instead of
silently scoring nothing.

The kinds of name are in :data:`KINDS`. The code that produces a name declares it
next to itself::

    from nghiquyet.engine.vocabulary import declare

    declare("signal", {"draft_mark": {"vi": "khối ghi «DỰ THẢO» ...", "en": "..."}})
    declare("item_check", {"has_owner": "names who leads it"}, item="task")

A plugin declares its own terms through the ``register_rules`` hook:
``register.declare("mention", {"water_source": "a well, a spring, a tank"})``; a
rule pack's ``lexicon:`` key declares the categories it adds. A meaning is one line,
either one string or ``{"vi": ..., "en": ...}``.
"""

from __future__ import annotations

import difflib
import importlib
from collections.abc import Mapping
from dataclasses import dataclass

from .errors import ConfigError, excerpt
from .messages import N_, Message

Meaning = str | Mapping[str, str]

# kind -> (its name in messages, what it is); the order is the order of the docs
KINDS: dict[str, tuple[str, str]] = {
    "signal": (
        N_("signal"),
        "a document-wide fact in `Facts.signals`: a block number, a flag, a value",
    ),
    "section": (N_("section"), "a part of the resolution: `BlockFacts.section`, `Section.kind`"),
    "item": (N_("item kind"), "a kind of item the analysis lists: the keys of `Facts.items`"),
    "item_check": (N_("check"), "a property an item has or lacks: the keys of `Item.checks`"),
    "item_detail": (
        N_("detail"),
        "a value an item carries for messages: the keys of `Item.details`",
    ),
    "mention": (N_("mention kind"), "a kind of span found in a block: `Mention.kind`"),
    "lexicon": (
        N_("lexicon category"),
        "a category of cue terms matched by `nq_lexicon`; each is a mention kind too",
    ),
}
# Modules whose import declares the built-in names: the analysis package (each of its
# modules declares what it produces) and the pipeline's mention kinds.
DECLARING_MODULES = (
    "nghiquyet.engine.analyse",
    "nghiquyet.engine.vocabulary_nlp",
)


@dataclass(frozen=True, slots=True)
class Term:
    """One declared name: its kind, its meaning ({vi, en}) and who declared it.

    ``item`` is the item kind an ``item_check`` or ``item_detail`` belongs to
    (``has_owner`` is a check of tasks only).
    """

    kind: str
    name: str
    meaning: dict[str, str]
    item: str | None = None
    origin: str = ""


def normalise_meaning(value: Meaning, where: str | Message) -> dict[str, str]:
    """A meaning as {vi, en}; one non-empty line each (it is shown in tables)."""
    if isinstance(value, str):
        value = {"vi": value, "en": value}
    if not isinstance(value, Mapping) or not isinstance(value.get("en", value.get("vi")), str):
        raise ConfigError(
            "{where}: a meaning is a string or a mapping of 'vi' and 'en' strings", where=where
        )
    out = {"vi": value.get("vi") or value["en"], "en": value.get("en") or value["vi"]}
    for text in out.values():
        if not text.strip() or "\n" in text:
            raise ConfigError(
                "{where}: a meaning is one non-empty line, got {value}",
                where=where,
                value=excerpt(text),
            )
    return out


class Vocabulary:
    """A set of declared terms. One per rule set: the built-ins, what plugins add and
    what the rule packs' lexicons add."""

    def __init__(self) -> None:
        self._terms: dict[tuple[str, str | None, str], Term] = {}

    def declare(
        self,
        kind: str,
        terms: Mapping[str, Meaning],
        *,
        item: str | None = None,
        origin: str = "",
    ) -> None:
        """Declare ``terms`` (name -> meaning) of ``kind``; ``item`` scopes a check or a
        detail to one item kind. Declaring a name again with the same meaning is a no-op,
        with another meaning an error (two producers would disagree on what it is)."""
        if kind not in KINDS:
            raise ConfigError(
                "unknown vocabulary kind {kind} (one of {known})",
                kind=repr(kind),
                known=", ".join(KINDS),
            )
        if (item is None) != (kind not in ("item_check", "item_detail")):
            raise ConfigError("{kind} terms take item=<item kind> and only they do", kind=kind)
        for name, meaning in terms.items():
            if not isinstance(name, str) or not name.strip():
                raise ConfigError(
                    "{origin}: a {kind} name must be a non-empty string",
                    origin=origin or kind,
                    kind=label(kind),
                )
            where = f"{origin or kind} {name!r}"
            term = Term(kind, name, normalise_meaning(meaning, where), item, origin)
            old = self._terms.get((kind, item, name))
            if old is not None and old.meaning != term.meaning:
                raise ConfigError(
                    "{kind} {name} is declared twice, by {first} and by {second}",
                    kind=label(kind, item),
                    name=repr(name),
                    first=old.origin or "?",
                    second=origin or "?",
                )
            self._terms.setdefault((kind, item, name), term)

    def term(self, kind: str, name: str, item: str | None = None) -> Term | None:
        """The term ``name`` of ``kind`` (a lexicon category counts as a mention kind;
        without ``item``, a check or detail of any item kind)."""
        for term in self.terms(kind, item):
            if term.name == name:
                return term
        return None

    def terms(self, kind: str, item: str | None = None) -> list[Term]:
        """Every term of ``kind`` (of ``item``, for checks and details), in declaration order."""
        kinds = (kind, "lexicon") if kind == "mention" else (kind,)
        return [
            t for (k, i, _), t in self._terms.items() if k in kinds and (item is None or i == item)
        ]

    def names(self, kind: str, item: str | None = None) -> list[str]:
        """The names of :meth:`terms`, without repeats."""
        return list(dict.fromkeys(t.name for t in self.terms(kind, item)))

    def closest(self, kind: str, name: str, item: str | None = None) -> str | None:
        """The declared name nearest to a misspelt ``name``, if one is near enough."""
        found = difflib.get_close_matches(name, self.names(kind, item), n=1, cutoff=0.6)
        return found[0] if found else None

    def copy(self) -> Vocabulary:
        """A copy to add to (a rule set's vocabulary starts as a copy of the built-ins)."""
        new = Vocabulary()
        new._terms = dict(self._terms)
        return new


def label(kind: str, item: str | None = None) -> Message:
    """How messages name a kind: "signal", "task check", "lexicon category"."""
    name = Message(KINDS[kind][0])
    return Message("{item} {kind}", item=item, kind=name) if item else name


_BUILTIN = Vocabulary()


def declare(kind: str, terms: Mapping[str, Meaning], *, item: str | None = None) -> None:
    """Declare built-in terms (see :meth:`Vocabulary.declare`); called at import by the
    modules that produce them."""
    import sys

    # the declaring module is named in the error if two producers disagree
    origin = sys._getframe(1).f_globals.get("__name__", "")
    _BUILTIN.declare(kind, terms, item=item, origin=origin)


def builtin() -> Vocabulary:
    """The built-in vocabulary: what the analysis and the pipeline produce."""
    for module in DECLARING_MODULES:
        importlib.import_module(module)
    return _BUILTIN

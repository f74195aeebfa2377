"""Built-in rule types and the built-in rule packs.

Each rule type is a function ``check(facts, rule) -> Outcome`` registered under a
name that YAML rules use as ``type``, with the params it takes declared beside it
(:func:`nghiquyet.engine.rule_params.rule_type`). Most rules are declarative uses of
the generic types (``section``, ``signals``, ``phrase_presence``, ``phrase_density``,
``figures``, ``item_ratio``); the few that need more logic have their own type. The
functions live by concern in ``structure_checks``, ``phrase_checks`` and
``content_checks``; this module registers them.
"""

from __future__ import annotations

import functools

from nghiquyet.engine import hookimpl
from nghiquyet.engine.legacy import check_legacy_text
from nghiquyet.engine.model import Facts
from nghiquyet.engine.rules import Outcome, Rule, builtin_pack_folder

from .content_checks import (
    check_docx_font,
    check_placeholders,
    check_praise_only,
    check_targets_served,
    check_topic_local,
)
from .phrase_checks import check_figures, check_phrase_density, check_phrase_presence
from .structure_checks import (
    check_any_item,
    check_item_ratio,
    check_section,
    check_signal_false,
    check_signals,
    check_slips,
)

CHECKS = {
    "section": check_section,
    "signals": check_signals,
    "signal_false": check_signal_false,
    "slips": check_slips,
    "phrase_presence": check_phrase_presence,
    "phrase_density": check_phrase_density,
    "figures": check_figures,
    "item_ratio": check_item_ratio,
    "any_item": check_any_item,
    "topic_local": check_topic_local,
    "praise_only": check_praise_only,
    "targets_served": check_targets_served,
    "docx_font": check_docx_font,
    "placeholders": check_placeholders,
    "legacy_text": check_legacy_text,  # NQ001: mojibake left in the text (rules/meta.yaml)
}
# check_legacy_text lives with the legacy-font converter, which knows nothing of
# params: its declaration (none; it reads only the document's text) is made here.
DECLARED_HERE = {"legacy_text": {"params": (), "reads": {}}}


def _with_state(function):
    """Add ``state_vi``/``state_en`` ("có"/"chưa có") to a check's values, so that a
    yes-or-no rule can say in its summary what was found ("mốc sơ kết: có")."""

    # wraps() keeps the docstring and the params and reads that rule_type() attached
    @functools.wraps(function)
    def check(facts: Facts, rule: Rule) -> Outcome:
        outcome = function(facts, rule)
        ok = outcome.passed >= outcome.total
        outcome.values.setdefault("state_vi", "có" if ok else "chưa có")
        outcome.values.setdefault("state_en", "yes" if ok else "missing")
        return outcome

    return check


@hookimpl
def register_rules(register):
    """Register the built-in rule types and the packs shipped in nghiquyet/rules."""
    for name, function in CHECKS.items():
        register.rule_type(name, _with_state(function), **DECLARED_HERE.get(name, {}))
    register.pack(builtin_pack_folder())

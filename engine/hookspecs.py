"""The hooks a plugin may implement. Built-in plugins use exactly these too.

A plugin is a module or object with functions named like the specs below and marked
with ``@nghiquyet.engine.hookimpl``. A third-party plugin is an installed
distribution (by convention ``nghiquyet-<name>``) exposing it under the entry-point
group ``nghiquyet``::

    [project.entry-points.nghiquyet]
    mycell = "nghiquyet_mycell"
"""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("nghiquyet")
hookimpl = pluggy.HookimplMarker("nghiquyet")


@hookspec
def register_rules(register):
    """Add rules.

    ``register`` is a :class:`nghiquyet.engine.rules.RuleRegistry`. Call
    ``register.pack(path)`` with a YAML file or a folder of them to add declarative
    rules, and ``register.check(name, function)`` to add a rule type that needs code:
    ``function(facts, rule) -> RuleResult``, named in YAML by ``type: <name>``.
    """


@hookspec
def prepare_nlp(nlp, config):
    """Add or replace spaCy pipeline components.

    Called each time a pipeline is built (once per process for each rule set, plugin
    manager and config), after the built-in components are in ``nlp`` (a
    ``spacy.blank("xx")`` pipeline). ``config`` is the resolved
    :class:`nghiquyet.engine.config.Config` of the run. Components write their
    results into ``doc.spans`` so that the analysis stage can read them.
    """


@hookspec(firstresult=True)
def load_document(path, config):
    """Read the file at ``path`` (a :class:`pathlib.Path`) into a ``Document``.

    Return ``None`` when this plugin does not handle the file's format, so that the
    next loader is tried; raise :class:`nghiquyet.engine.errors.InputError` when it
    does handle the format but the file cannot be read. The first non-``None``
    result wins. Loaders must never modify the file.
    """


@hookspec
def register_reporters(register):
    """Add output formats.

    Call ``register(name, function, extension)`` where
    ``function(report: Report) -> bytes`` renders a finished report. Reporters
    never recompute scores; everything they show is already in the report.
    """


@hookspec
def adjust_score(report, config):
    """Change a finished :class:`DocumentReport` in place: a site's own policy.

    Called after scoring, for every readable document. A plugin may cap the score,
    change weights and recompute with :func:`nghiquyet.engine.score.rescore`, or add
    notes; whatever it changes should stay explainable in ``report.notes``.
    """

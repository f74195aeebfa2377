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
    rules, and ``register.rule_type(name, function, params=[Param(...)])`` to add a rule
    type that needs code: ``function(facts, rule) -> Outcome``, named in YAML by
    ``type: <name>``, its params declared so that packs are checked at load (see
    :mod:`nghiquyet.engine.rule_params`). A plugin that produces or reads names the
    built-in analysis does not (a mention kind its pipeline component writes, a
    signal) declares them with ``register.declare(kind, {name: meaning})``.
    """


@hookspec
def prepare_nlp(nlp, config):
    """Add or replace spaCy pipeline components.

    Called each time a pipeline is built (once per process for each rule set, plugin
    manager and config), after the built-in components are in ``nlp`` (a
    ``spacy.blank("xx")`` pipeline). ``config`` is the resolved
    :class:`nghiquyet.engine.config.Config` of the run. Components write their
    results into ``doc.spans`` so that the analysis step can read them.
    """


@hookspec(firstresult=True)
def load_document(path, config):
    """Read the file at ``path`` (a :class:`pathlib.Path`) into a ``Document``.

    Return ``None`` when this plugin does not handle the file's format, so that the
    next loader is tried; raise :class:`nghiquyet.engine.errors.InputError` when it
    does handle the format but the file cannot be read. The first non-``None``
    result wins. Loaders must never modify the file. Declare the suffixes a loader
    reads with :func:`document_formats`, so that folders and the web page offer them.
    """


@hookspec
def document_formats():
    """Declare the file formats this plugin's :func:`load_document` reads.

    Return a list of :class:`nghiquyet.engine.model.DocumentFormat`, for instance
    ``[DocumentFormat("Rich Text", (".rtf",))]``. The declared suffixes are all the
    rest of the tool knows about formats: ``assess`` picks up files with them when it
    walks a folder, the web page accepts them for upload, and the message for an
    unsupported file lists them. A loader that declares nothing is still tried on a
    file named on the command line.
    """


@hookspec
def register_reporters(register):
    """Add output formats.

    Call ``register(name, function, extension)``: ``--format name`` then writes what
    ``function`` returns (``bytes``); ``extension`` (``".csv"``) names its files, and
    ``-o`` a file with it picks the format. ``binary=True`` (a workbook) refuses to
    write to a terminal. A plugin's format replaces a built-in one of the same name.

    ``function`` asks for what it needs by the names of its parameters, and gets
    exactly those, by keyword (as datasette calls its output renderers):

    ``report``
        the finished :class:`nghiquyet.engine.model.Report`: every document's score,
        grade, criteria with their rule results, findings, tasks, and ``report.lang``.
    ``rules``
        the run's loaded rules, ``{id: nghiquyet.engine.rules.Rule}``: built-in packs,
        plugins' packs and the config's ``rule_paths``, selected or not; for names,
        docs, severity, weight and the step of the guidance a rule belongs to.
    ``criteria``
        the nine :class:`nghiquyet.engine.criteria.Criterion` in report order: names,
        default weights and the steps of the guidance each belongs to.
    ``config``
        the run's resolved :class:`nghiquyet.engine.config.Config`.
    ``color``
        ``True`` when the output goes to a terminal that shows colour (``--color``,
        ``NO_COLOR``, ``FORCE_COLOR``); style with
        :func:`nghiquyet.engine.color.paint`. Never true for a file written with ``-o``.

    So ``def render(report)`` and ``def render(report, rules)`` both work. Reporters
    never recompute scores, and never build a plugin manager or a rule set of their
    own: everything they show is in these arguments.

    ``stream=`` (optional) writes the same bytes while a batch runs, so that ``assess``
    need not hold every draft's report: a class called with the same arguments by
    name, plus ``out`` (a binary file to write to); ``report`` then has no documents
    yet. ``assess`` calls its ``add(document)`` with each
    :class:`nghiquyet.engine.model.DocumentReport` in turn, then ``close()``; see
    :mod:`nghiquyet.engine.report_stream`. A format without one is rendered whole.

    ``function`` and ``stream`` may also be named as text, ``"package.module:name"``:
    the module is then imported only when a run asks for that format, so a plugin
    with many formats (or heavy ones) costs nothing to a run that writes another. The
    built-in formats are registered this way (``nghiquyet.plugins.reporters``).
    """


@hookspec
def adjust_score(report, config):
    """Change a finished :class:`DocumentReport` in place: a site's own policy.

    Called after scoring, for every readable document. A plugin may cap the score,
    change weights and recompute with :func:`nghiquyet.engine.score.rescore`, or add
    notes; whatever it changes should stay explainable in ``report.notes``.
    """

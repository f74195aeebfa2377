"""``assess PATH...``: score drafts and write the report in the chosen format.

The options are defined once here and shared by ``assess`` and ``nghiquyet assess``.
Nothing heavy is imported until a draft is read, so ``assess --help`` answers at once.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .. import __version__
from ..messages import both, t
from . import console
from .assess_batch import WriteFailed, prepare, write_batch
from .common import (
    EXIT_ERROR,
    color_option,
    debug_option,
    lang_option,
    reader_gone,
    resolve,
    split_values,
)
from .console import progress_bar  # noqa: F401 (imported from here by tests)
from .inputs import (
    command_line_patterns,
    note_nothing_left,
    read_standard_input,
    search_start,
    without_dash,
)
from .localise import LocalisedCommand

if TYPE_CHECKING:
    from ..config import Config
    from ..discover import Inputs
    from ..model import Report
    from ..runner import Assessor

assess_options = [
    # readable=False: an unreadable draft is the loader's to report, as in a folder
    click.argument(
        "paths", nargs=-1, required=True, type=click.Path(path_type=Path, readable=False)
    ),
    click.option(
        "--format",
        "-f",
        "fmt",
        default=None,
        help="Output format: text, json, html, markdown, sarif, junit, github, concise, "
        "xlsx, csv (plugins add more); any case "
        "[default: from the -o suffix (.json, .html, .md, .sarif, .xml, .xlsx, .csv), else text].",
    ),
    click.option(
        "-o",
        "--output",
        type=click.Path(path_type=Path),
        help="Write the report to FILE instead of standard output.",
    ),
    lang_option,
    click.option(
        "--stage",
        type=click.Choice(["draft", "adopted", "auto"]),
        help="Judge as a draft, an adopted text, or detect it [default: auto].",
    ),
    click.option(
        "--select",
        multiple=True,
        help="Only these rules: ids (NQ601), prefixes (NQ6), slugs or criteria; comma-separated or repeated.",
    ),
    click.option("--ignore", multiple=True, help="Skip these rules (same forms as --select)."),
    click.option(
        "--fail-under",
        type=click.FloatRange(0, 100),
        help="Exit 1 when a draft scores below N; the score decides, unless --fail-on is given too.",
    ),
    click.option(
        "--fail-on",
        type=click.Choice(["error", "warning", "info", "never"], case_sensitive=False),
        help="Exit 1 on a finding of this severity or worse "
        "[default: error; never when --fail-under is set].",
    ),
    click.option(
        "--baseline",
        type=click.Path(path_type=Path),
        help="Show and gate only findings not in this file (written by `nghiquyet baseline`).",
    ),
    click.option(
        "--exit-zero",
        is_flag=True,
        help="Exit 0 even with findings (unreadable input still exits 2).",
    ),
    click.option(
        "--config",
        "config_path",
        type=click.Path(path_type=Path),
        help="Config file (default: NGHIQUYET_CONFIG, then nghiquyet.yaml found upward).",
    ),
    click.option(
        "--exclude",
        multiple=True,
        help="Files and folders a folder's search skips: globs, comma-separated or repeated; "
        "replaces the defaults (README*, CHANGELOG*, LICENSE*, CONTRIBUTING*, docs, "
        "hidden files and folders, node_modules, venv).",
    ),
    click.option(
        "--extend-exclude",
        multiple=True,
        help="More globs to skip, added to the defaults or the config's exclude.",
    ),
    click.option(
        "--force-exclude",
        is_flag=True,
        default=None,
        help="Apply the excludes to files named on the command line too (pre-commit, editors).",
    ),
    click.option(
        "--follow-links",
        is_flag=True,
        default=None,
        help="Follow links that lead out of a folder being searched (never by default).",
    ),
    click.option(
        "--stdin-filename",
        help="Name of the draft read from standard input (PATH '-'): shown in reports, "
        "matched by per_file_ignores; its suffix picks the format [default: .txt].",
    ),
    click.option(
        "--jobs",
        "-j",
        type=click.IntRange(0, 64),
        default=None,
        help="Worker processes for a batch [default: number of cores; 1 runs in-process].",
    ),
    click.option(
        "--annotate",
        type=click.Path(path_type=Path),
        help="Also write a copy of the .docx draft with each finding as a Word comment to FILE.",
    ),
    click.option(
        "--quiet", "-q", is_flag=True, help="Print only the score line of each draft (text format)."
    ),
    click.option(
        "--cache/--no-cache",
        default=True,
        show_default=True,
        help="Reuse results of unchanged drafts (user cache folder, or NGHIQUYET_CACHE_DIR).",
    ),
    click.option(
        "--force",
        is_flag=True,
        default=None,
        help="Score a document even when it is not a thematic resolution (a report, a plan, "
        "text without diacritics).",
    ),
    debug_option,
    color_option,
]


def with_assess_options(function):
    """Decorate a click command with every option of ``assess``."""
    for option in reversed(assess_options):
        function = option(function)
    return function


@dataclass(slots=True)
class AssessOptions:
    """The options of one ``assess`` run, as click parsed them."""

    paths: tuple[Path, ...]
    fmt: str | None
    output: Path | None
    lang: str | None
    stage: str | None
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    fail_under: float | None
    exit_zero: bool
    config_path: Path | None
    jobs: int | None
    quiet: bool
    debug: bool
    annotate: Path | None = None
    cache: bool = True
    force: bool | None = None
    baseline: Path | None = None
    fail_on: str | None = None
    exclude: tuple[str, ...] = ()
    extend_exclude: tuple[str, ...] = ()
    force_exclude: bool | None = None
    stdin_filename: str | None = None
    follow_links: bool | None = None
    color: str | None = None


def find_inputs(paths: list[Path], config: Config) -> Inputs:
    """The drafts in ``paths`` (files, and folders searched for drafts, less what the
    excludes match). A missing file or a folder without drafts becomes an error entry
    of the report (code not_found / no_drafts), printed with the others."""
    from ..discover import config_folder, exclude_patterns, find_drafts
    from ..load import document_formats, suffixes_of
    from ..plugin_manager import get_plugin_manager

    suffixes = suffixes_of(document_formats(get_plugin_manager(), include_legacy=True))
    return find_drafts(
        paths,
        suffixes,
        exclude_patterns(config),
        force_exclude=config.force_exclude,
        root=config_folder(config),
        follow_links=config.follow_links,
    )


def make_assessor(config: Config, debug: bool, cache: bool) -> Assessor:
    """The run's Assessor, with the result cache unless ``--no-cache``."""
    from ..runner import Assessor

    assessor = Assessor(config)
    assessor.debug = debug
    if cache:
        from ..cache import ResultCache

        assessor.cache = ResultCache.open(assessor)
    return assessor


def quiet_lines(report: Report, lang: str) -> bytes:
    """``--quiet``: one line per draft, its score and grade (or why it has none)."""
    from ..display import escape_controls
    from ..render import grade_label, label, number, scored_criteria

    partial = f" ({label(lang, 'chấm một phần', 'partial check')})"
    return escape_controls(
        "".join(
            f"{d.path}: {number(d.score, lang)} {grade_label(d, lang)}"
            f"{partial if scored_criteria(d) is not None else ''}\n"
            if d.error is None
            else t("{path}: error ({code})", lang, path=d.path, code=d.error.code) + "\n"
            for d in report.documents
        )
    ).encode("utf-8")


def choose_format(fmt: str | None, output: Path | None, reporters: dict) -> str:
    """The format asked for (in any case), else the one whose extension the ``-o``
    file has (``report.json`` -> json; ``.txt`` is text), else text."""
    from ..errors import ConfigError

    if fmt is not None:
        if fmt.lower() not in reporters:
            raise ConfigError(
                "unknown format {fmt!r}; choose one of {choices}",
                fmt=fmt,
                choices=", ".join(sorted(reporters)),
            )
        return fmt.lower()
    suffix = output.suffix.lower() if output is not None else ""
    if suffix and suffix != ".txt":
        matching = [name for name, r in reporters.items() if r.extension.lower() == suffix]
        if len(matching) == 1:
            return matching[0]
    return "text"


def exit_code(report: Report, config: Config, exit_zero: bool) -> int:
    """2 for any unreadable input; else 1 when a gate in force fails (``--fail-under``,
    ``--fail-on``; see :mod:`.gate`), with one line on stderr saying why, unless
    ``--exit-zero``; else 0."""
    from .gate import gate_exit

    code, why = gate_exit(report, config, exit_zero)
    if why:
        console.error(why)
    return code


def run_assess(**kwargs) -> int:
    """Everything ``assess`` does, given its options by name; returns the exit code."""
    from ..errors import NghiquyetError

    options = AssessOptions(**kwargs)
    console.set_color(options.color)
    if options.output is not None and str(options.output) == "-":
        options.output = None  # "-o -": standard output, as the tools users know
    debug = options.debug
    try:
        named, reads_stdin = without_dash(options.paths, options.stdin_filename)
        config = resolve(
            options.config_path,
            search_start(options.paths, options.stdin_filename),
            lang=options.lang,
            stage=options.stage,
            fail_under=options.fail_under,
            fail_on=options.fail_on.lower() if options.fail_on else None,
            select=split_values(options.select) or None,
            ignore=split_values(options.ignore) or None,
            force=options.force or None,
            baseline=str(options.baseline) if options.baseline else None,
            exclude=command_line_patterns(options.exclude),
            force_exclude=options.force_exclude or None,
            follow_links=options.follow_links or None,
        )
        config.extend_exclude += command_line_patterns(options.extend_exclude) or []
        inputs = find_inputs(named, config)
        if reads_stdin:
            inputs.stdin = read_standard_input(config)
        note_nothing_left(inputs, config.lang)
        batch = prepare(options, inputs, config)
        write_batch(batch, options, inputs, config)
    except WriteFailed as exc:
        if isinstance(exc.error, BrokenPipeError) and options.output is None:
            return reader_gone()
        console.error(exc.error)
        return EXIT_ERROR
    except NghiquyetError as exc:
        if debug:
            raise
        console.error(exc)
        return EXIT_ERROR
    except Exception as exc:  # an internal error: one line unless --debug
        if debug:
            raise
        console.error(
            t(
                "internal error: {error} (run with --debug for details)",
                error=f"{type(exc).__name__}: {exc}",
            )
        )
        return EXIT_ERROR
    from ..model import Report

    return exit_code(Report(batch.documents), config, options.exit_zero)


def path_errors(missing, folders) -> list:
    """Error entries for inputs that are not there and folders that hold no draft."""
    from ..display import with_shown_names
    from ..load import document_formats, shown_suffixes
    from ..model import DocumentError, DocumentReport
    from ..plugin_manager import get_plugin_manager

    formats = document_formats(get_plugin_manager(), include_legacy=True)
    kinds = ", ".join(shown_suffixes(formats))
    entries = [
        DocumentReport(
            path=str(p),
            error=DocumentError("not_found", both("{path}: no such file", path=p)),
        )
        for p in missing
    ]
    entries += [
        DocumentReport(
            path=str(p),
            error=DocumentError(
                "no_drafts", both("{path}: no drafts ({kinds}) in folder", path=p, kinds=kinds)
            ),
        )
        for p in folders
    ]
    return [with_shown_names(entry) for entry in entries]


def check_annotate(annotate, paths, files, output, check_not_input) -> None:
    """``--annotate`` takes one .docx draft and never writes over an input or the report."""
    from ..errors import ConfigError

    if len(paths) == 1 and len(files) == 1 and files[0].suffix.lower() == ".odt":
        raise ConfigError(
            "--annotate writes Word comments and needs a .docx; save the .odt as .docx "
            "in LibreOffice (File > Save As, Word 2007-365) and annotate that"
        )
    if len(paths) != 1 or len(files) != 1 or files[0].suffix.lower() != ".docx":
        raise ConfigError("--annotate needs exactly one .docx draft (not a folder, not several)")
    check_not_input(annotate, files)
    if output is not None and annotate.resolve() == output.resolve():
        raise ConfigError("--annotate and --output must be different files")


@click.command(
    name="assess", cls=LocalisedCommand, context_settings={"help_option_names": ["-h", "--help"]}
)
@with_assess_options
@click.version_option(__version__, "--version", "-V", prog_name="nghiquyet")
def assess_command(**kwargs):
    """Score draft thematic resolutions and say what to fix.

    PATH is a draft, or a folder searched for drafts in every format the loaders
    read (`nghiquyet plugins` lists them).

    Exit codes: 0 the gate passed; 1 a draft scored below --fail-under, or a
    finding reached --fail-on (default error, or never when --fail-under is set);
    2 usage, config or unreadable input.
    """
    from ..lifetime import sigterm_as_exit

    with sigterm_as_exit():  # clean-up runs on SIGTERM: no worker, no .tmp left
        code = run_assess(**kwargs)
    sys.exit(code)

"""``nghiquyet tasks PATH...``: the responsibility matrix, for step 5 of the guidance.

The tasks are those ``assess`` reads (the same run, cache included; the JSON
report's ``tasks``); :mod:`..matrix` adds the day each deadline falls on, the
recurrence of a duty and whether it is overdue, and :mod:`..matrix_formats` writes
the table as text, CSV, an .xlsx workbook or an .ics calendar.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from ..messages import t
from . import console
from .common import (
    EXIT_ERROR,
    EXIT_OK,
    config_option,
    debug_option,
    lang_option,
    resolve,
    stage_option,
)
from .localise import LocalisedCommand


def parse_today(value: str | None) -> date:
    """``--today 2026-05-01`` as a date; the real today when not given."""
    from ..errors import ConfigError

    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(
            "--today {value!r}: give a date as YEAR-MONTH-DAY (2026-05-01)", value=value
        ) from None


def matrix_of(paths: tuple[Path, ...], config, options: dict):
    """Assess the drafts as ``assess`` does and return the report (each draft's path,
    stage, tasks or error), path errors (missing files, folders without drafts,
    unreadable folders) included."""
    import contextlib

    from .. import __version__
    from ..discover import folder_errors
    from ..model import DocumentReport, Report
    from .assess import find_inputs, make_assessor, path_errors

    inputs = find_inputs(list(paths), config)
    if options["output"] is not None:
        from ..output import check_not_input

        check_not_input(options["output"], inputs.files)
    assessor = make_assessor(config, options["debug"], options["cache"])
    reports = assessor.iter_paths(inputs.files, options["jobs"], console.progress_bar())
    with contextlib.closing(reports):
        # only what the matrix reads is kept of a draft, so a big batch stays small
        documents = [
            DocumentReport(doc.path, doc.stage, tasks=doc.tasks, error=doc.error) for doc in reports
        ]
    documents += path_errors(inputs.missing, inputs.empty_folders)
    documents += folder_errors(inputs.unreadable)
    return Report(documents, config.lang, __version__, config.fail_under)


def render_tasks(paths: tuple[Path, ...], options: dict) -> tuple[object, bytes, str]:
    """The report, the matrix in the chosen format as bytes, and that format's name."""
    from ..matrix import matrix_rows
    from ..matrix_formats import TASK_FORMATS
    from ..output import check_binary_destination
    from .assess import choose_format

    config = resolve(
        options["config_path"],
        list(paths),
        lang=options["lang"],
        stage=options["stage"],
        force=options["force"] or None,
    )
    today = parse_today(options["today"])
    chosen = TASK_FORMATS[choose_format(options["fmt"], options["output"], TASK_FORMATS)]
    check_binary_destination(
        chosen.name, chosen.extension, chosen.binary, options["output"], sys.stdout
    )
    report = matrix_of(paths, config, options)
    rows = matrix_rows(report, today)
    batch = len(report.documents) > 1 or any(p.is_dir() for p in paths)
    data = chosen.function(rows, config.lang, batch, today)
    if chosen.name == "ics":
        from ..matrix_calendar import left_out

        if skipped := left_out(rows, today):
            console.note(
                t("{n} tasks without a date or a frequency are not in the calendar", n=skipped)
            )
    return report, data, config.lang


def write_matrix(data: bytes, output: Path | None, lang: str) -> None:
    """To ``-o`` (atomically, saying so on stderr), else to standard output."""
    from ..output import write_atomic

    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    write_atomic(output, data)
    console.note(t("report written to {path}", lang, path=output))


def run_tasks(paths: tuple[Path, ...], **options) -> int:
    """Everything ``nghiquyet tasks`` does; returns the exit code (2 when a file could
    not be read, after the matrix of the others is written)."""
    from ..display import escape_controls
    from ..errors import NghiquyetError

    if options["output"] is not None and str(options["output"]) == "-":
        options["output"] = None
    try:
        report, data, lang = render_tasks(paths, options)
        for doc in report.documents:
            if doc.error is not None:
                console.error(escape_controls(doc.error.message[lang]))
        write_matrix(data, options["output"], lang)
    except (NghiquyetError, OSError) as exc:
        if options["debug"]:
            raise
        console.error(exc)
        return EXIT_ERROR
    except Exception as exc:  # an internal error: one line unless --debug
        if options["debug"]:
            raise
        error = f"{type(exc).__name__}: {exc}"
        console.error(t("internal error: {error} (run with --debug for details)", error=error))
        return EXIT_ERROR
    return EXIT_ERROR if any(d.error is not None for d in report.documents) else EXIT_OK


@click.command(name="tasks", cls=LocalisedCommand)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, readable=False))
@click.option(
    "--format",
    "-f",
    "fmt",
    default=None,
    help="Output format: text, csv, xlsx, ics; any case "
    "[default: from the -o suffix (.csv, .xlsx, .ics), else text].",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write to FILE (atomically, never over an input), not standard output.",
)
@click.option(
    "--today",
    metavar="YYYY-MM-DD",
    help="The day deadlines are compared with (overdue) and recurring duties start "
    "from [default: today].",
)
@lang_option
@stage_option
@config_option
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(0, 64),
    default=None,
    help="Worker processes for a batch [default: number of cores; 1 runs in-process].",
)
@click.option(
    "--cache/--no-cache",
    default=True,
    show_default=True,
    help="Reuse results of unchanged drafts (user cache folder, or NGHIQUYET_CACHE_DIR).",
)
@click.option(
    "--force",
    is_flag=True,
    help="Read a document even when it is not a thematic resolution (a report, a plan, "
    "text without diacritics).",
)
@debug_option
def tasks_command(paths, **options):
    """The responsibility matrix: every task with its owner, deadline and schedule.

    The same tasks `assess` finds, as a table (text), a spreadsheet (csv with a
    byte-order mark for Excel, xlsx with overdue and undated rows highlighted) or a
    calendar (ics: an all-day event per dated task with a reminder a week before;
    "hằng tháng", "hằng quý" repeat). A folder or several drafts give one table with
    a draft column.

    Exit codes: 0 written; 2 usage, config or unreadable input (the other drafts'
    tasks are still written).
    """
    from ..lifetime import sigterm_as_exit

    with sigterm_as_exit():  # clean-up runs on SIGTERM: no worker, no .tmp left
        code = run_tasks(paths, **options)
    sys.exit(code)

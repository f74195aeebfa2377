"""``assess`` runs a batch as a stream: each draft's report is written as it is ready.

The drafts are assessed in path order (the cache first, then here or in workers:
:meth:`nghiquyet.engine.runner.Assessor.iter_paths`), then the draft from standard
input, then the paths that were not there; each report goes to the format's writer
(:mod:`nghiquyet.engine.report_stream`) and is forgotten but for a compact copy the
exit gate and the error lines read. So a batch of ten thousand files holds one
report at a time, not ten thousand. The output is written as ``write_atomic``
writes it (never over an input; with ``-o``, renamed into place at the end, nothing
left behind when the run fails or is killed).
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

from ..messages import t
from . import console
from .console import progress_bar

if TYPE_CHECKING:
    from ..baseline import Baseline
    from ..config import Config
    from ..discover import Inputs
    from ..model import DocumentReport
    from ..render import Reporter
    from ..runner import Assessor
    from .assess import AssessOptions


class WriteFailed(Exception):
    """The report could not be written; ``error`` (an OSError or an OutputError) says
    why, in one line."""

    def __init__(self, error: Exception):
        super().__init__(error)
        self.error = error


@dataclass
class Batch:
    """One ``assess`` run, ready to go: what assesses, what writes, what it kept."""

    assessor: Assessor
    reporter: Reporter
    baseline: Baseline | None
    # what the exit gate and the error lines read: compact copies, in report order
    documents: list[DocumentReport] = field(default_factory=list)
    first: DocumentReport | None = None  # whole, for --annotate (a single .docx)


def prepare(options: AssessOptions, inputs: Inputs, config: Config) -> Batch:
    """The assessor and the format's reporter, after the checks that must pass before
    any draft is read (the format, a binary report to a terminal, an output that
    would overwrite an input, ``--annotate``)."""
    from ..baseline import load_baseline
    from ..output import check_binary_destination, check_not_input
    from ..render import get_reporters
    from .assess import check_annotate, choose_format, make_assessor

    baseline = load_baseline(Path(config.baseline)) if config.baseline else None
    assessor = make_assessor(config, options.debug, options.cache)
    reporters = get_reporters(assessor.pm)
    options.fmt = choose_format(options.fmt, options.output, reporters)
    chosen = reporters[options.fmt]
    check_binary_destination(
        chosen.name, chosen.extension, chosen.binary, options.output, sys.stdout
    )
    if options.output is not None:
        check_not_input(options.output, inputs.files)
    if options.annotate is not None:
        check_annotate(
            options.annotate, options.paths, inputs.files, options.output, check_not_input
        )
    return Batch(assessor, chosen, baseline)


def documents(batch: Batch, options: AssessOptions, inputs: Inputs) -> Iterator[DocumentReport]:
    """Every report of the run in report order: the drafts by path, the one from
    standard input, then the paths that are not there and the folders that hold no
    draft or cannot be opened; the baseline applied."""
    from ..baseline import apply_baseline
    from ..discover import folder_errors
    from ..model import Report
    from ..stdin_draft import assess_stdin
    from .assess import path_errors

    assessor = batch.assessor
    progress = None if options.quiet else progress_bar()
    reports = assessor.iter_paths(inputs.files, jobs=options.jobs, progress=progress)

    def made() -> Iterator[DocumentReport]:
        with contextlib.closing(reports):
            yield from reports
        if inputs.stdin is not None:
            yield assess_stdin(assessor, inputs.stdin, options.stdin_filename, options.stage)

    with contextlib.closing(made()) as assessed:  # closed with this one: workers end
        for doc in assessed:
            if batch.baseline is not None:
                apply_baseline(Report([doc]), batch.baseline)
            yield doc
    yield from path_errors(inputs.missing, inputs.empty_folders)
    yield from folder_errors(inputs.unreadable)


class QuietLines:
    """``--quiet`` (text): a line per draft as it comes."""

    def __init__(self, out: IO[bytes], lang: str):
        self.out, self.lang = out, lang

    def add(self, document: DocumentReport) -> None:
        """The draft's score line."""
        from ..model import Report
        from .assess import quiet_lines

        self.out.write(quiet_lines(Report([document]), self.lang))

    def close(self) -> None:
        """Nothing follows."""


class _Written:
    """``out`` with a write that fails as :class:`WriteFailed`, so that a full disk is
    told apart from an error in the run; flushed after each draft when it is the
    standard output (a pipe, a file), so that the report shows as it comes."""

    def __init__(self, out: IO[bytes], flush: bool):
        self.out, self.flush_each = out, flush

    def write(self, data: bytes) -> int:
        try:
            return self.out.write(data)
        except OSError as exc:
            raise WriteFailed(exc) from exc

    def flush(self) -> None:
        try:
            self.out.flush()
        except OSError as exc:
            raise WriteFailed(exc) from exc


@contextlib.contextmanager
def destination(output: Path | None) -> Iterator[IO[bytes]]:
    """Where the report goes: ``-o`` as :class:`~nghiquyet.engine.output.AtomicOutput`
    writes it (in place only when the run gets to the end), else the standard output:
    as it comes into a pipe or a file, but whole at the end on a terminal, where the
    progress counter has the screen while the batch runs."""
    from ..output import AtomicOutput, OutputError
    from ..report_stream import copy_spool, spool

    if output is None:
        if not sys.stdout.isatty():
            yield sys.stdout.buffer
            return
        held = spool()
        try:
            yield held
        except BaseException:
            held.close()
            raise
        copy_spool(held, _Written(sys.stdout.buffer, flush=False))
        return
    try:
        written = AtomicOutput(output)
    except (OSError, OutputError) as exc:
        raise WriteFailed(exc) from exc
    try:
        yield written.handle
    except BaseException:
        written.discard()
        raise
    try:
        written.commit()
    except OSError as exc:
        raise WriteFailed(exc) from exc


def write_batch(batch: Batch, options: AssessOptions, inputs: Inputs, config: Config) -> None:
    """Assess the drafts and write the report as they come (``--annotate`` too), then
    the error lines of unreadable inputs and, with ``-o``, where the report went.
    Raises :class:`WriteFailed` when an output cannot be written."""
    from ..report_stream import compact

    with destination(options.output) as handle:
        out = _Written(handle, flush=handle is sys.stdout.buffer)
        writer = _writer(batch, options, config, out)
        with contextlib.closing(documents(batch, options, inputs)) as reports:
            for doc in reports:
                if batch.first is None and options.annotate is not None:
                    batch.first = doc
                writer.add(doc)
                batch.documents.append(compact(doc, criteria=False))
                if out.flush_each:
                    out.flush()
        writer.close()
        out.flush()
        _error_lines(batch.documents, config.lang)
        _annotate(batch, options, inputs, config.lang)
    if options.output is not None:
        # say where it went, as the report itself is not on the screen
        console.note(t("report written to {path}", config.lang, path=options.output))


def _writer(batch: Batch, options: AssessOptions, config: Config, out: IO[bytes]):
    from .. import __version__
    from ..model import Report
    from ..report_stream import open_writer

    if options.quiet and options.fmt == "text":
        return QuietLines(out, config.lang)
    head = Report([], config.lang, __version__, config.fail_under)
    # colour only what goes to a terminal (or where --color always asks), never a file
    color = options.output is None and console.color_for(sys.stdout)
    rules = batch.assessor.ruleset.rules
    return open_writer(batch.reporter, out, head, rules=rules, config=config, color=color)


def _error_lines(documents: list[DocumentReport], lang: str) -> None:
    from ..display import escape_controls

    for doc in documents:
        if doc.error is not None:
            console.error(escape_controls(doc.error.message[lang]))


def _annotate(batch: Batch, options: AssessOptions, inputs: Inputs, lang: str) -> None:
    from ..output import write_atomic

    first = batch.first
    if options.annotate is None or first is None or first.error is not None:
        return
    from ..annotate import annotate_docx
    from ..errors import NghiquyetError

    try:
        write_atomic(options.annotate, annotate_docx(inputs.files[0], first, lang))
    except (OSError, NghiquyetError) as exc:
        raise WriteFailed(exc) from exc

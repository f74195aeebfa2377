"""``nghiquyet baseline -o FILE PATHS``: record today's findings for ``assess --baseline``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..messages import tn
from . import console
from .common import (
    EXIT_ERROR,
    EXIT_OK,
    config_option,
    debug_option,
    fail,
    lang_option,
    resolve,
    split_values,
    stage_option,
)
from .localise import LocalisedCommand


@click.command(name="baseline", cls=LocalisedCommand)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="FILE",
    type=click.Path(path_type=Path),
    help="Write the baseline (JSON) to FILE; '-' is standard output.",
)
@config_option
@lang_option
@stage_option
@click.option("--select", multiple=True, help="Only these rules (as for assess).")
@click.option("--ignore", multiple=True, help="Skip these rules (as for assess).")
@click.option("--force", is_flag=True, default=None, help="Score non-resolutions too (as assess).")
@click.option("--jobs", "-j", type=click.IntRange(0, 64), default=None, help="Worker processes.")
@click.option("--cache/--no-cache", default=True, show_default=True, help="Reuse results.")
@debug_option
def baseline_command(
    paths, output, config_path, lang, stage, select, ignore, force, jobs, cache, debug
):
    """Record today's findings, for `assess --baseline`.

    Writes the findings of PATHS to FILE, so that `assess --baseline FILE` shows
    and fails on new findings only.

    Drafts are keyed by their path relative to FILE's folder, findings by rule and
    the wording of their paragraph (not its number). Findings accepted by a
    "nghiquyet: bỏ qua" comment in the draft are not recorded.

    Exit codes: 0 written; 2 usage, config or unreadable input (nothing is written).
    """
    from ..errors import NghiquyetError
    from ..output import check_not_input
    from .assess import find_inputs

    to_stdout = str(output) == "-"
    try:
        config = resolve(
            config_path,
            list(paths),
            lang=lang,
            stage=stage,
            select=split_values(select) or None,
            ignore=split_values(ignore) or None,
            force=force or None,
        )
        inputs = find_inputs(list(paths), config)
        if not to_stdout:
            check_not_input(output, inputs.files)
        target = None if to_stdout else output
        folder = target.parent if target is not None else Path.cwd()
        documents, errors = _assess(inputs, config, jobs, cache, debug, folder)
    except (NghiquyetError, OSError) as exc:
        fail(exc, debug)
    for doc in errors:
        console.error(doc.error.message[config.lang])
    if errors:
        sys.exit(EXIT_ERROR)
    try:
        _write(documents, target, config.lang)
    except (NghiquyetError, OSError) as exc:
        fail(exc, debug)
    sys.exit(EXIT_OK)


def _assess(inputs, config, jobs, cache: bool, debug: bool, folder: Path):
    """(each readable draft's baseline entries keyed relative to ``folder``, the
    reports of the drafts that could not be read, path errors included). A draft's
    report is reduced to its entries as it comes, so a big batch keeps only them."""
    import contextlib

    from ..baseline import document_entries, relative_to
    from .assess import make_assessor, path_errors

    assessor = make_assessor(config, debug, cache)
    documents, errors = {}, []
    with contextlib.closing(assessor.iter_paths(inputs.files, jobs=jobs)) as reports:
        for doc in reports:
            if doc.error is not None:
                errors.append(doc)
            else:
                documents[relative_to(doc.path, folder)] = document_entries(doc, config.lang)
    return documents, errors + path_errors(inputs.missing, inputs.empty_folders)


def _write(documents: dict, output: Path | None, lang: str) -> None:
    """Write the baseline of ``documents`` (:func:`_assess`) to ``output`` (standard
    output when None), then say where."""
    import json

    from .. import __version__
    from ..baseline import baseline_of
    from ..output import write_atomic

    data = baseline_of(documents, __version__)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if output is None:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
        return
    write_atomic(output, text.encode("utf-8"))
    count = sum(len(entries) for entries in data["documents"].values())
    drafts = len(data["documents"])
    findings = tn("{n} finding", "{n} findings", count, lang)
    console.note(
        tn(
            "wrote {findings} of {n} draft to {path}",
            "wrote {findings} of {n} drafts to {path}",
            drafts,
            lang,
            findings=findings,
            path=output,
        )
    )

"""``--format github``: GitHub Actions workflow commands that annotate the draft.

    ::error file=drafts/a.md,line=31,title=NQ601 task-without-owner::message%0A→ fix

error-level findings become ``::error``, warnings ``::warning``, hints ``::notice``;
each draft's score is one ``::notice``; an unreadable file is an ``::error`` without
a line. Values are escaped as the Actions runner expects: ``%``, CR and LF in the
message; also ``:`` and ``,`` in properties (file, title).

GitHub shows only 10 error, 10 warning and 10 notice annotations per step (50 per
job) and drops the rest without a word, so the reporter chooses what it prints:

* at most ``PER_DRAFT`` (5) findings per draft, the most severe and costly first;
* at most ``PER_KIND`` (10) errors and 10 warnings per run, and 9 notices, the tenth
  being a last line that says how many annotations were left out and where to find
  them; drafts take turns, so the first draft does not use up every slot.

What is printed keeps the drafts' and paragraphs' order. When ``$GITHUB_STEP_SUMMARY``
is set, the whole Markdown report is appended to it (``job_summary.py``), so nothing
is lost: the annotations point at the worst, the job summary lists everything.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from nghiquyet.engine.model import DocumentReport, Finding, Report
from nghiquyet.engine.render import grade_label, label, number, relative_path

from .job_summary import append_job_summary, open_job_summary

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
PER_DRAFT = 5  # findings annotated per draft
PER_KIND = 10  # annotations of one kind GitHub shows per step
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def escape_data(text: str) -> str:
    """Escape a command's message (the part after ``::``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (file, title): as data, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **props: object) -> str:
    """One workflow command line; properties with a None value are left out."""
    given = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{kind}{' ' + given if given else ''}::{escape_data(message)}"


@dataclass(slots=True)
class Annotation:
    """One command a draft could print: its kind, its line, its place in the draft."""

    kind: str
    line: str
    order: int  # where it stands in the draft's own output (0: the score or error)


def head_annotation(doc: DocumentReport, lang: str) -> Annotation:
    """The draft's score notice, or the error that kept it from being scored."""
    L = lambda vi, en: label(lang, vi, en)  # noqa: E731
    path = relative_path(doc.path)
    if doc.error is not None:
        title = f"nghiquyet {doc.error.code}"
        return Annotation(
            "error", command("error", doc.error.message[lang], file=path, title=title), 0
        )
    text = (
        f"{L('Điểm', 'Score')} {number(doc.score, lang)}/100 — {grade_label(doc, lang)}"
        f" ({len(doc.findings)} {L('phát hiện', 'findings')})"
    )
    title = f"nghiquyet {L('điểm', 'score')}"
    return Annotation("notice", command("notice", text, file=path, title=title), 0)


def finding_annotations(doc: DocumentReport, lang: str) -> list[Annotation]:
    """The draft's findings as annotations, most severe and costly first."""
    path = relative_path(doc.path)

    def one(n: int, f: Finding) -> Annotation:
        kind = COMMANDS.get(f.severity, "warning")
        line = max(f.location.line or f.location.block, 1) if f.location else None
        message = f"{f.message[lang]}\n→ {f.suggestion[lang]}"
        return Annotation(
            kind, command(kind, message, file=path, line=line, title=f"{f.rule_id} {f.rule}"), n
        )

    ranked = sorted(
        enumerate(doc.findings, start=1),
        key=lambda item: (SEVERITY_ORDER.get(item[1].severity, 1), -item[1].points, item[0]),
    )
    return [one(n, f) for n, f in ranked]


@dataclass
class DraftAnnotations:
    """What one draft may print: its score or error, and its findings' annotations
    most severe first, kept only as far as :func:`choose` can reach (``PER_DRAFT``
    of each kind), with the count of all of them."""

    head: Annotation
    queue: list[Annotation]
    count: int  # the head and every finding's annotation

    @classmethod
    def of(cls, doc: DocumentReport, lang: str) -> DraftAnnotations:
        every = [] if doc.error is not None else finding_annotations(doc, lang)
        # a draft takes at most PER_DRAFT annotations, each the first left of its
        # kind: any after the PER_DRAFT-th of a kind can never be taken
        seen: dict[str, int] = {}
        queue = []
        for annotation in every:
            seen[annotation.kind] = seen.get(annotation.kind, 0) + 1
            if seen[annotation.kind] <= PER_DRAFT:
                queue.append(annotation)
        return cls(head_annotation(doc, lang), queue, 1 + len(every))


def choose(drafts: list[DraftAnnotations]) -> tuple[list[list[Annotation]], int]:
    """The annotations each draft prints, and how many were left out. Drafts take
    turns: every draft's score or error, then each draft's worst finding whose kind
    still has room, then its next, up to ``PER_DRAFT`` findings a draft."""
    room = {"error": PER_KIND, "warning": PER_KIND, "notice": PER_KIND - 1}
    chosen: list[list[Annotation]] = [[] for _ in drafts]
    queues = [list(d.queue) for d in drafts]
    total = sum(d.count for d in drafts)

    def take(n: int, annotation: Annotation) -> None:
        room[annotation.kind] -= 1
        chosen[n].append(annotation)

    for n, draft in enumerate(drafts):
        if room[draft.head.kind] > 0:
            take(n, draft.head)
    for _ in range(PER_DRAFT):
        for n, queue in enumerate(queues):
            pick = next((a for a in queue if room[a.kind] > 0), None)
            if pick is not None:
                queue.remove(pick)
                take(n, pick)
    kept = sum(len(c) for c in chosen)
    return [sorted(c, key=lambda a: a.order) for c in chosen], total - kept


def left_out_line(left: int, total: int, summary: bool, lang: str) -> str:
    """The last notice: how many annotations were left out, and where they all are."""
    where = label(
        lang,
        "báo cáo đầy đủ ở phần tóm tắt (Summary) của job"
        if summary
        else "xem toàn bộ bằng --format markdown",
        "the full report is in the job summary"
        if summary
        else "see them all with --format markdown",
    )
    text = label(
        lang,
        f"Bỏ {left}/{total} chú thích: GitHub chỉ hiện {PER_KIND} lỗi, {PER_KIND} cảnh báo và "
        f"{PER_KIND} ghi chú mỗi bước, nghiquyet chú thích tối đa {PER_DRAFT} phát hiện mỗi dự thảo; {where}.",
        f"{left} of {total} annotations left out: GitHub shows {PER_KIND} errors, {PER_KIND} warnings "
        f"and {PER_KIND} notices per step, nghiquyet annotates at most {PER_DRAFT} findings per draft; {where}.",
    )
    return command("notice", text, title="nghiquyet")


def annotation_lines(drafts: list[DraftAnnotations], summary: bool, lang: str) -> Iterator[str]:
    """The commands to print, in the drafts' order, then the left-out line if any."""
    chosen, left = choose(drafts)
    for draft in chosen:
        yield from (a.line for a in draft)
    if left:
        total = left + sum(len(c) for c in chosen)
        yield left_out_line(left, total, summary, lang)


def annotation_bytes(drafts: list[DraftAnnotations], summary: bool, lang: str) -> bytes:
    lines = list(annotation_lines(drafts, summary, lang))
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def render_github(report: Report) -> bytes:
    """The annotations, one per line, as UTF-8 bytes; the Markdown report goes to the
    job summary when ``$GITHUB_STEP_SUMMARY`` is set."""
    stream = GithubStream(io.BytesIO(), report)
    for doc in report.documents:
        stream.add(doc)
    return stream.finish()


class GithubStream:
    """``--format github`` while a batch runs. Which annotations print depends on the
    whole batch (drafts take turns for GitHub's few slots), so they are written at
    the end; each draft leaves only what it could print, and its Markdown part waits
    in the job summary's spool."""

    def __init__(self, out: IO[bytes], report: Report):
        self.out, self.lang = out, report.lang
        self.drafts: list[DraftAnnotations] = []
        self.summary = open_job_summary(report)

    def add(self, doc: DocumentReport) -> None:
        """Keep what the draft may print; hold its part of the job summary."""
        self.drafts.append(DraftAnnotations.of(doc, self.lang))
        if self.summary is not None:
            self.summary.add(doc)

    def finish(self) -> bytes:
        """Append the job summary; the annotations' bytes."""
        summary = append_job_summary(self.summary)
        return annotation_bytes(self.drafts, summary, self.lang)

    def close(self) -> None:
        """Append the job summary, then write the annotations."""
        self.out.write(self.finish())

"""The Markdown report in a GitHub Actions job summary (``$GITHUB_STEP_SUMMARY``).

GitHub shows annotations only up to a cap (see ``github.py``), so ``--format github``
also appends the whole Markdown report to the file the runner names in
``$GITHUB_STEP_SUMMARY``, which the run's page shows under the job. GitHub refuses a
step summary over 1 MiB; a report that would not fit keeps its summary table and as
many drafts as fit, and says how many it left out.
"""

from __future__ import annotations

import os
from pathlib import Path

from nghiquyet.engine.model import Report
from nghiquyet.engine.output import OutputError
from nghiquyet.engine.render import label

from .markdown import MarkdownParts

# GitHub's cap on one step's summary, with room for what another tool wrote before us
SUMMARY_LIMIT = 1024 * 1024
SUMMARY_MARGIN = 16 * 1024


class JobSummary(MarkdownParts):
    """The Markdown report for the job summary, built a draft at a time
    (:class:`.markdown.MarkdownParts`); :meth:`text` gives the report, whole when it
    fits in ``budget`` bytes, else the summary table, the drafts that fit and a line
    saying how many were left out."""

    def text(self, budget: int) -> str:
        """The report for a summary that has ``budget`` bytes left (closes the spool)."""
        start, end = self.start(), self.end()
        with self.drafts:
            self.drafts.seek(0)
            if len(start) + sum(self.sizes) + len(end) <= budget:
                return (start + self.drafts.read() + end).decode("utf-8")
            out, shown = bytearray(start), 0
            for size in self.sizes:
                if len(out) + size > budget - 1024:  # room for the closing note
                    break
                out += self.drafts.read(size)
                shown += 1
        left = len(self.sizes) - shown
        return out.decode("utf-8") + label(
            self.head.lang,
            f"*{left} dự thảo không hiện ở đây vì tóm tắt của GitHub giới hạn 1 MiB; "
            "xem toàn bộ bằng `--format markdown -o baocao.md`.*\n",
            f"*{left} drafts are left out here, as GitHub caps a job summary at 1 MiB; "
            "see them all with `--format markdown -o report.md`.*\n",
        )


def fitted_markdown(report: Report, budget: int) -> str:
    """The Markdown report of ``report`` fitted to ``budget`` bytes (:class:`JobSummary`)."""
    summary = JobSummary(report)
    for doc in report.documents:
        summary.add(doc)
    return summary.text(budget)


def open_job_summary(head: Report) -> JobSummary | None:
    """A :class:`JobSummary` when ``$GITHUB_STEP_SUMMARY`` is set (as it is in every
    GitHub Actions step), else None."""
    return JobSummary(head) if os.environ.get("GITHUB_STEP_SUMMARY") else None


def append_job_summary(summary: JobSummary | None) -> bool:
    """Append ``summary``'s report to ``$GITHUB_STEP_SUMMARY``, fitted to what room
    GitHub leaves; False when there is no summary to write."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary is None or not target:
        return False
    path = Path(target)
    used = path.stat().st_size if path.is_file() else 0
    text = summary.text(max(SUMMARY_LIMIT - SUMMARY_MARGIN - used, 0))
    try:
        with path.open("a", encoding="utf-8") as handle:
            handle.write(text + "\n")
    except OSError as exc:
        # in the report's language, as the run's other messages
        raise OutputError(
            label(
                summary.head.lang,
                f"{target}: không ghi thêm được vào tóm tắt của job (GITHUB_STEP_SUMMARY): {exc.strerror}",
                f"{target}: cannot append the job summary (GITHUB_STEP_SUMMARY): {exc.strerror}",
            )
        ) from exc
    return True

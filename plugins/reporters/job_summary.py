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

from .markdown import document, render_markdown, summary

# GitHub's cap on one step's summary, with room for what another tool wrote before us
SUMMARY_LIMIT = 1024 * 1024
SUMMARY_MARGIN = 16 * 1024


def fitted_markdown(report: Report, budget: int) -> str:
    """The Markdown report, whole when it fits in ``budget`` bytes; else the summary
    table, the drafts that fit, and a line saying how many were left out."""
    whole = render_markdown(report).decode("utf-8")
    if len(whole.encode("utf-8")) <= budget:
        return whole
    lang = report.lang
    title = label(lang, "Đánh giá dự thảo nghị quyết chuyên đề", "Draft resolution assessment")
    out = "\n".join([f"## {title}", "", *summary(report, lang), "", ""])
    shown = 0
    for doc in report.documents:
        part = "\n".join(document(doc, lang)) + "\n"
        if len((out + part).encode("utf-8")) > budget - 1024:  # room for the closing note
            break
        out, shown = out + part, shown + 1
    left = len(report.documents) - shown
    out += label(
        lang,
        f"*{left} dự thảo không hiện ở đây vì tóm tắt của GitHub giới hạn 1 MiB; "
        "xem toàn bộ bằng `--format markdown -o baocao.md`.*\n",
        f"*{left} drafts are left out here, as GitHub caps a job summary at 1 MiB; "
        "see them all with `--format markdown -o report.md`.*\n",
    )
    return out


def append_job_summary(report: Report) -> bool:
    """Append the Markdown report to ``$GITHUB_STEP_SUMMARY`` when it is set (as it is
    in every GitHub Actions step); False when it is not."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return False
    path = Path(target)
    used = path.stat().st_size if path.is_file() else 0
    text = fitted_markdown(report, max(SUMMARY_LIMIT - SUMMARY_MARGIN - used, 0))
    try:
        with path.open("a", encoding="utf-8") as handle:
            handle.write(text + "\n")
    except OSError as exc:
        # in the report's language, as the run's other messages
        raise OutputError(
            label(
                report.lang,
                f"{target}: không ghi thêm được vào tóm tắt của job (GITHUB_STEP_SUMMARY): {exc.strerror}",
                f"{target}: cannot append the job summary (GITHUB_STEP_SUMMARY): {exc.strerror}",
            )
        ) from exc
    return True

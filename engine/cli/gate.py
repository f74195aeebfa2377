"""The exit gate of ``assess``, drawn as pylint draws it.

* ``--fail-under N`` is a score gate: a draft scoring below N fails the run.
* ``--fail-on LEVEL`` is a findings gate: a finding of LEVEL or worse fails it
  (``never``: none does).
* Without ``--fail-on``, the findings gate is ``error`` when no score gate is set and
  ``never`` when one is: a score gate alone lets an 84-point draft with errors pass
  ``--fail-under 60``. Given both, either can fail the run.
* ``--exit-zero`` wins over both; unreadable input exits 2 whatever the gates.

When the gate fails, one line on stderr says why ("2 dự thảo dưới 60 điểm; 7 lỗi").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..messages import N_, tn
from .common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK

if TYPE_CHECKING:
    from ..config import Config
    from ..model import Report

FAIL_ON_LEVELS = ("error", "warning", "info", "never")
# the severities each findings gate counts, worst first
_COUNTED = {
    "error": ("error",),
    "warning": ("error", "warning"),
    "info": ("error", "warning", "info"),
    "never": (),
}


def fail_on_level(config: Config) -> str:
    """The findings gate in force: ``fail_on`` as given, else ``never`` when a score
    gate is set, else ``error``."""
    if config.fail_on is not None:
        return config.fail_on
    return "never" if config.fail_under is not None else "error"


@dataclass(slots=True)
class Verdict:
    """What failed the gate: drafts under the score gate, findings by severity."""

    fail_under: float | None
    low_scores: int
    findings: dict[str, int]

    @property
    def failed(self) -> bool:
        return bool(self.low_scores or any(self.findings.values()))


def judge(report: Report, config: Config) -> Verdict:
    """Count, over the scored drafts, what each gate in force would fail on."""
    scored = [d for d in report.documents if d.error is None]
    counted = _COUNTED[fail_on_level(config)]
    findings = {
        severity: sum(1 for d in scored for f in d.findings if f.severity == severity)
        for severity in counted
    }
    low = 0
    if config.fail_under is not None:
        low = sum(1 for d in scored if d.score is not None and d.score < config.fail_under)
    return Verdict(config.fail_under, low, findings)


# how many findings of each severity: singular (the catalogue translates it), English plural
_COUNT_WORDS = {
    "error": (N_("{n} error"), "{n} errors"),
    "warning": (N_("{n} warning"), "{n} warnings"),
    "info": (N_("{n} info"), "{n} info"),
}


def _threshold(value: float, lang: str) -> str:
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "vi" else text


def verdict_line(verdict: Verdict, lang: str) -> str:
    """Why the run failed, in one line: "2 dự thảo dưới 60 điểm; 7 lỗi, 3 cảnh báo"
    (English: "2 drafts score below 60; 7 errors, 3 warnings")."""
    parts = []
    if verdict.low_scores:
        limit = _threshold(verdict.fail_under or 0, lang)
        parts.append(
            tn(
                "{n} draft scores below {limit}",
                "{n} drafts score below {limit}",
                verdict.low_scores,
                lang,
                limit=limit,
            )
        )
    counts = [tn(*_COUNT_WORDS[severity], n, lang) for severity, n in verdict.findings.items() if n]
    if counts:
        parts.append(", ".join(counts))
    return "; ".join(parts)


def gate_exit(report: Report, config: Config, exit_zero: bool) -> tuple[int, str | None]:
    """The exit code of a finished run, and the line that says why it is 1 (else None):
    2 for any unreadable input; 0 with ``--exit-zero``; 1 when a gate in force fails."""
    if any(d.error is not None for d in report.documents):
        return EXIT_ERROR, None
    if exit_zero:
        return EXIT_OK, None
    verdict = judge(report, config)
    if not verdict.failed:
        return EXIT_OK, None
    return EXIT_FINDINGS, verdict_line(verdict, config.lang)

"""The plain values of a review: a resolution's targets and tasks, each with what the
progress report says about it. Dataclasses of plain values, like engine/model.py."""

from __future__ import annotations

from dataclasses import dataclass, field

TARGET_STATUSES = ("met", "not_met", "reported", "not_reported")
TASK_STATUSES = ("done", "in_progress", "reported", "not_reported")


@dataclass(frozen=True, slots=True)
class Figure:
    """A number as a text writes it: ``93%``, ``4/6 thùng``, ``341 hộ``.

    ``start``/``end`` are offsets in the sentence or clause it was read from;
    ``total`` is the whole of a count out of a total ("4/6"); ``change`` says the number
    is a change, not a level ("giảm 30%": ``decrease``; "tăng 20%": ``increase``).
    """

    value: float
    unit: str | None
    text: str
    start: int = 0
    end: int = 0
    total: float | None = None
    change: str | None = None

    @property
    def percent(self) -> float | None:
        """The figure as a percentage, when it is one or a count out of a total."""
        if self.unit == "%":
            return self.value
        if self.total:
            return self.value / self.total * 100
        return None


@dataclass(frozen=True, slots=True)
class Goal:
    """What a target asks: ``figure`` compared by ``op`` (``>=``, ``>``, ``<=``, ``<``,
    ``==``), or the same goal in another unit (``alternates``: "100% hộ (412 hộ)").
    ``verb`` is what a zero goal forbids ("phát sinh" in "không phát sinh điểm mới")."""

    op: str
    figure: Figure
    alternates: tuple[Figure, ...] = ()
    verb: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """One sentence of the report: where it is and what it says."""

    block: int
    line: int
    sentence: str


@dataclass(slots=True)
class TargetReview:
    """One target (a clause of a target paragraph) and what the report says of it."""

    text: str
    block: int
    line: int
    goal: Goal | None
    status: str = "not_reported"
    reported: Figure | None = None
    evidence: Evidence | None = None


@dataclass(slots=True)
class TaskReview:
    """One task of the responsibility matrix and what the report says of it."""

    text: str
    block: int
    line: int
    owner: str | None
    role: str | None
    deadline: str | None
    deadline_text: str | None
    status: str = "not_reported"
    evidence: Evidence | None = None


@dataclass(slots=True)
class Review:
    """A progress report held against its resolution."""

    resolution: str
    report: str
    targets: list[TargetReview] = field(default_factory=list)
    tasks: list[TaskReview] = field(default_factory=list)

    def counts(self, kind: str) -> dict[str, int]:
        """How many targets (``kind`` "targets") or tasks have each status, and the total."""
        items = self.targets if kind == "targets" else self.tasks
        statuses = TARGET_STATUSES if kind == "targets" else TASK_STATUSES
        out = {s: sum(1 for i in items if i.status == s) for s in statuses}
        out["total"] = len(items)
        return out

    @property
    def reported(self) -> int:
        """How many targets and tasks the report speaks of at all."""
        return sum(1 for i in [*self.targets, *self.tasks] if i.status != "not_reported")

    @property
    def reported_share(self) -> float | None:
        """The share of targets and tasks the report speaks of at all."""
        total = len(self.targets) + len(self.tasks)
        return self.reported / total if total else None

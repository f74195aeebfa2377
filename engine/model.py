"""The plain objects that flow between the steps.

    path ─load─▶ Document ─analyse─▶ Facts ─check─▶ Finding ─score─▶ DocumentReport ─render─▶ bytes

Every object here is a dataclass of plain values (no spaCy or lxml objects), so a
result can be pickled across worker processes, cached, and rendered by any reporter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

BLOCK_KINDS = ("paragraph", "heading", "list_item", "table_cell")


@dataclass(slots=True)
class Block:
    """One paragraph-like unit of the source, in document order.

    ``index`` is 1-based: it is the "paragraph number" shown to users.
    ``line`` is the source line for text formats and equals ``index`` for .docx.
    ``run_in`` is a run-in heading: the bold or italic words that open the paragraph
    and end in "." or ":" ("**Tình hình.** Hợp tác xã có 64 thành viên ...").
    """

    index: int
    text: str
    kind: str = "paragraph"
    line: int = 0
    heading_level: int | None = None
    bold: bool = False
    italic: bool = False
    underline: bool = False
    centered: bool = False
    right_aligned: bool = False
    font: str | None = None
    size_pt: float | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    run_in: str | None = None


@dataclass(frozen=True, slots=True)
class Suppression:
    """A comment in the draft that accepts findings on one block: an HTML comment
    above a Markdown paragraph, a Word comment anchored on a paragraph. ``text`` is
    the comment as written ("nghiquyet: bỏ qua NQ601, NQ602 — lý do"); the engine
    reads the rule ids from it (engine/suppress.py)."""

    block: int
    text: str


@dataclass(slots=True)
class Document:
    """What a loader returns: blocks plus a few facts about the file itself."""

    path: str
    format: str
    blocks: list[Block]
    # what the loader did that the reader should know: a text, or {"vi": ..., "en": ...}
    notes: list[str | dict[str, str]] = field(default_factory=list)
    # Facts that only the loader can see (fonts converted, page size, ...).
    meta: dict[str, Any] = field(default_factory=dict)
    # comments in the draft that accept findings on a block ("nghiquyet: bỏ qua NQ601")
    suppressions: list[Suppression] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class DocumentFormat:
    """A file format a loader reads, as its ``document_formats`` hook declares it.

    ``name`` is what users call the format ("Word", "Markdown"). ``suffixes`` are
    lower case with their dot; the first is the one messages show (".md", though
    ".markdown" is read too). A ``legacy`` format is declared so that its files are
    not skipped in silence: a folder's old Word ``.doc`` is converted or explained.
    Messages do not suggest a legacy format and the web page does not accept one,
    since reading it takes an outside converter that can run for a minute.
    """

    name: str
    suffixes: tuple[str, ...]
    legacy: bool = False


@dataclass(slots=True)
class Mention:
    """A span found by the analysis pipeline inside one block."""

    kind: str  # date, percent, quantity, person, role, or a lexicon category
    text: str
    start: int
    end: int
    value: str | None = None  # ISO date, number, name, lexicon term ...
    unit: str | None = None

    def shifted(self, by: int) -> Mention:
        """This mention with its offsets ``by`` characters earlier (in a part of its
        block that starts there); ``dataclasses.replace`` is five times slower."""
        return Mention(self.kind, self.text, self.start - by, self.end - by, self.value, self.unit)


@dataclass(slots=True)
class BlockFacts:
    """Everything the pipeline found in one block."""

    index: int
    section: str  # header, title, bases, situation, objectives, ... or body
    is_heading: bool
    words: int
    sentences: list[tuple[int, int]]
    mentions: list[Mention]
    key: str = ""  # the text's match key (lower case, one tone placement), same offsets

    def placed(self, section: str, is_heading: bool) -> BlockFacts:
        """This block in ``section``, a heading or not (once per block of every draft:
        ``dataclasses.replace`` is five times slower)."""
        return BlockFacts(
            self.index, section, is_heading, self.words, self.sentences, self.mentions, self.key
        )

    def of(self, *kinds: str) -> list[Mention]:
        return [m for m in self.mentions if m.kind in kinds]

    def has(self, *kinds: str) -> bool:
        return any(m.kind in kinds for m in self.mentions)


@dataclass(slots=True)
class Section:
    kind: str
    title: str
    heading_block: int | None
    blocks: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Item:
    """A target, solution, obstacle or task: one block of a section, with checks.

    ``checks`` maps a property name ("has_owner", "measurable", ...) to whether the
    item has it; ``item_ratio`` rules count these.
    """

    kind: str
    block: int
    text: str
    checks: dict[str, bool] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Task:
    """One row of the responsibility matrix. Only what is written; never guessed."""

    text: str
    block: int
    owner: str | None
    role: str | None
    deadline: str | None
    deadline_text: str | None
    vague_owner: str | None = None
    vague_time: str | None = None
    # person | role (held by one person) | body (Chi ủy, Ban Giám đốc) | collective
    owner_kind: str | None = None
    # the review plan ("Chi ủy kiểm tra, giám sát hằng tháng"): a row of the matrix that
    # the follow-up rules judge, so the assignment rules do not count it
    review: bool = False


@dataclass(slots=True)
class Facts:
    """All that the analysis learned about one document; computed once."""

    document: Document
    stage: str  # draft | adopted
    stage_source: str  # "option", "marked" (DỰ THẢO), "vote_record", "signed", "default"
    blocks: list[BlockFacts]
    sections: list[Section]
    items: dict[str, list[Item]]
    tasks: list[Task]
    signals: dict[str, Any]

    def block(self, index: int) -> BlockFacts:
        return self.blocks[index - 1]

    def section_blocks(self, *kinds: str) -> list[BlockFacts]:
        wanted = set(kinds)
        return [b for b in self.blocks if b.section in wanted]

    def has_section(self, kind: str) -> bool:
        return any(s.kind == kind for s in self.sections)

    @property
    def words(self) -> int:
        return sum(b.words for b in self.blocks)


@dataclass(slots=True)
class Location:
    block: int
    line: int
    excerpt: str


@dataclass(slots=True)
class Finding:
    rule_id: str
    rule: str
    criterion: str
    severity: str
    message: dict[str, str]
    suggestion: dict[str, str]
    location: Location | None
    points: float = 0.0  # points of its criterion's score this finding costs
    overall_points: float = 0.0  # and of the overall score
    share: float = 1.0  # its weight among its rule's findings (a half-met check: 0.5)
    # its paragraph as it could read, the missing part a placeholder in brackets
    # ("…, hoàn thành trước ngày [ngày/tháng/năm]."); None when the rule forms none
    rewrite: str | None = None


@dataclass(slots=True)
class RuleResult:
    """How one rule fared on one document: ``passed`` of ``total`` checks."""

    rule_id: str
    rule: str
    weight: float
    passed: float
    total: float
    findings: list[Finding]
    summary: dict[str, str] | None = None
    ceiling: float | None = None  # the rule's: its criterion's score at most, when it fails

    @property
    def ratio(self) -> float:
        return 1.0 if self.total == 0 else self.passed / self.total


@dataclass(slots=True)
class CriterionScore:
    id: str
    score: float | None
    weight: float
    summary: dict[str, str]
    rules: list[RuleResult] = field(default_factory=list)


@dataclass(slots=True)
class DocumentError:
    code: str
    message: dict[str, str]


@dataclass(slots=True)
class DocumentReport:
    path: str
    stage: str | None = None
    score: float | None = None
    grade: str | None = None
    criteria: list[CriterionScore] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    notes: list[dict[str, str]] = field(default_factory=list)
    error: DocumentError | None = None
    words: int = 0
    # findings a comment in the draft accepted: listed apart, not shown or gated on
    suppressed: list[Finding] = field(default_factory=list)
    # how many findings a baseline hid (None: no baseline was used)
    baselined: int | None = None
    # the path as the system gave it, when it is not UTF-8 (``path`` then spells the
    # odd bytes as \\xff): only SARIF's URI uses it, to name the real file
    raw_path: str | None = None


@dataclass(slots=True)
class Report:
    documents: list[DocumentReport]
    lang: str = "vi"
    tool_version: str = ""
    fail_under: float | None = None

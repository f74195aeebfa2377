"""Step 2: run the spaCy pipeline over the blocks and read what the draft says.

Produces :class:`~nghiquyet.engine.model.Facts`: for every block what the pipeline
found (dates, numbers, persons, lexicon cues) and which part of the resolution it
belongs to; the items of the parts that rules count (targets, solutions, obstacles,
tasks); and document-wide signals (header elements, vote record, review dates, ...).
Computed once per document; every rule reads the same Facts.

:func:`analyse` is the only place that orders the steps. Each step is a module that
takes values and returns values:

=============  ==============================================================
blocks         the pipeline's spans as mentions, one BlockFacts per block
structure      header, title, parts and tail (``headings`` reads one line)
header         form signals: header, number, date line, signature, fonts
procedure      chi ủy review, the way to the meeting, the vote record
follow_up      sơ kết / tổng kết with dates, monitoring, reports upward
years          dates without a year take the document's year
items          targets, solutions, obstacles, tasks (``targets``,
               ``solutions``, ``obstacles``, ``tasks``, ``owner`` classify one)
stage          draft or adopted
=============  ==============================================================
"""

from __future__ import annotations

from ..model import Document, Facts
from .blocks import filled_parts, read_blocks
from .follow_up import read_follow_up
from .header import read_header
from .items import read_items
from .procedure import read_procedure
from .stage import resolve_stage
from .structure import read_structure
from .targets import first_target
from .tasks import first_assigned_task
from .years import with_years

__all__ = ["analyse"]


def analyse(document: Document, nlp, stage: str = "auto") -> Facts:
    """Run ``nlp`` over ``document`` and return its Facts; ``stage`` is "draft",
    "adopted" or "auto" (read it from the text)."""
    blocks = read_blocks(document, nlp)
    structure = read_structure(document, blocks)
    blocks = [
        bf.placed(section, i in structure.headings)
        for i, (bf, section) in enumerate(zip(blocks, structure.block_sections, strict=True))
    ]
    head = {
        "title_block": structure.title_block,
        "topic_block": structure.topic_block,
        "topic": structure.topic,
    }
    signals = {name: value for name, value in head.items() if value is not None}
    sections, blocks = filled_parts(structure.sections, blocks)
    signals.update(read_header(document, blocks))
    signals.update(read_procedure(blocks))
    signals.update(read_follow_up(document, blocks))
    blocks = with_years(blocks, signals.get("document_year"))
    items = read_items(document, blocks, structure)
    signals["task_assigned"] = first_assigned_task(items.by_kind["task"], blocks)
    signals["target_set"] = first_target(items.by_kind["target"])
    resolved, source = resolve_stage(stage, signals)
    if resolved == "adopted" and signals.get("number_blank"):
        signals["number"] = None  # an adopted resolution carries its number
    return Facts(
        document=document,
        stage=resolved,
        stage_source=source,
        blocks=blocks,
        sections=sections,
        items=items.by_kind,
        tasks=items.tasks,
        signals=signals,
    )

"""What the pipeline found in each block, as plain values.

The spaCy components write spans into ``doc.spans`` under a few keys; this module
turns them into :class:`~nghiquyet.engine.model.Mention` objects and builds one
:class:`~nghiquyet.engine.model.BlockFacts` per block. Nothing after this step
touches spaCy.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..draft_doc import BlockParse, parse_draft
from ..model import BlockFacts, Document, Mention, Section
from ..template import PLACEHOLDER_RE
from ..text import match_key, word_count

# Span group -> how its spans become mentions. Numbers carry their kind in the label
# (percent, quantity, budget ...); lexicon spans carry their category.
SPAN_GROUPS = ("dates", "numbers", "persons", "lexicon")


def mentions_of(doc) -> list[Mention]:
    """The mentions of one spaCy ``Doc``, in text order (longer first at a tie).

    Besides the built-in groups, every span group a plugin's component writes
    (``doc.spans["water_source"]``) becomes mentions of that kind, its value the
    span's label or text: a plugin declares the kind (``register.declare("mention",
    ...)``) and its rules name it like any other. The built-in components emit their
    mentions with their spans (:func:`~nghiquyet.engine.nlp.emitted_mentions`); a
    group a later component replaced is read span by span.
    """
    from ..nlp import emitted_mentions

    out: list[Mention] = []
    for group, spans in doc.spans.data.items():  # the SpanGroups' own dict
        if group in SPAN_GROUPS:
            continue
        for span in spans:
            value = span.label_ or span.text.lower()
            out.append(Mention(group, span.text, span.start_char, span.end_char, value))
    for group in SPAN_GROUPS:
        emitted = emitted_mentions(doc, group)
        out.extend(emitted if emitted is not None else _read_group(doc, group))
    out.sort(key=lambda m: (m.start, -m.end))
    return out


def _read_group(doc, group: str) -> list[Mention]:
    """The mentions of a built-in span group, read from its spans."""
    spans = doc.spans.get(group, [])
    if group == "dates":
        return [
            Mention("date", s.text, s.start_char, s.end_char, s._.value, s.label_) for s in spans
        ]
    if group == "numbers":
        return [
            Mention(s.label_, s.text, s.start_char, s.end_char, str(s._.value), s._.unit)
            for s in spans
        ]
    if group == "persons":
        return [Mention("person", s.text, s.start_char, s.end_char, s._.value) for s in spans]
    return [Mention(s.label_, s.text, s.start_char, s.end_char, s.text.lower()) for s in spans]


def block_facts(index: int, text: str, doc) -> BlockFacts:
    """The facts of one block (1-based ``index``) from its processed ``doc``; its
    section is "body" until the structure is read."""
    return facts_of(index, text, parse_of(doc, text))


def parse_of(doc, text: str) -> BlockParse:
    """What the pipeline found in the block ``text``, from its own ``doc``."""
    # the normaliser already folded this text; a plugin pipeline may not have
    key = doc.user_data.get("nq_key") or match_key(text)
    sentences = [(s.start_char, s.end_char) for s in doc.sents] or [(0, len(text))]
    return BlockParse(key, sentences, mentions_of(doc))


def facts_of(index: int, text: str, parse: BlockParse) -> BlockFacts:
    """The facts of one block from what the pipeline found in it; its section is
    "body" until the structure is read.

    A block that still holds a template placeholder ("[… điền …]") is unfilled: it
    says nothing, so it earns no point anywhere (its key is blank, it has no words
    and no mentions); the meta rule on placeholders points at it.
    """
    if PLACEHOLDER_RE.search(text):
        return BlockFacts(index, "body", False, 0, [(0, len(text))], [], " " * len(text))
    return BlockFacts(
        index=index,
        section="body",
        is_heading=False,
        words=word_count(text),
        sentences=parse.sentences,
        mentions=parse.mentions,
        key=parse.key,
    )


def read_blocks(document: Document, nlp) -> list[BlockFacts]:
    """One BlockFacts per block of ``document``, run through the pipeline ``nlp``: as
    one Doc of the whole draft where that gives each block what its own Doc would
    (:mod:`~nghiquyet.engine.draft_doc`), else one Doc per block."""
    texts = [block.text for block in document.blocks]
    parses = parse_draft(nlp, texts)
    if parses is None:
        docs = nlp.pipe(texts, batch_size=256)
        parses = [parse_of(doc, text) for doc, text in zip(docs, texts, strict=True)]
    return [
        facts_of(block.index, block.text, parse)
        for block, parse in zip(document.blocks, parses, strict=True)
    ]


def sentences_with(
    blocks: list[BlockFacts], *categories: str, sections: tuple[str, ...] | None = None
) -> Iterator[tuple[int, str, list[Mention]]]:
    """(0-based block, sentence key, mentions in the sentence) for every sentence that
    has a mention of one of ``categories`` (every sentence when none are given)."""
    for i, bf in enumerate(blocks):
        if sections and bf.section not in sections:
            continue
        if categories and not any(m.kind in categories for m in bf.mentions):
            continue  # no sentence of the block can have one
        for s, e in bf.sentences:
            inside = mentions_in(bf, s, e)
            if any(m.kind in categories for m in inside) or not categories:
                yield i, bf.key[s:e], inside


def sentence_keys(blocks: list[BlockFacts]) -> Iterator[tuple[int, int, int, str]]:
    """(0-based block, start, end, sentence key) for every sentence; its mentions are
    :func:`mentions_in` it, for a caller that needs them of a few sentences only."""
    for i, bf in enumerate(blocks):
        for s, e in bf.sentences:
            yield i, s, e, bf.key[s:e]


def mentions_in(bf: BlockFacts, start: int, end: int) -> list[Mention]:
    """The mentions of ``bf`` inside its characters ``start`` to ``end``."""
    return [m for m in bf.mentions if m.start >= start and m.end <= end]


def is_unfilled(bf: BlockFacts) -> bool:
    """A block left as the template wrote it (see :func:`block_facts`)."""
    return bf.words == 0 and not bf.key.strip() and bool(bf.key)


def filled_parts(
    sections: list[Section], blocks: list[BlockFacts]
) -> tuple[list[Section], list[BlockFacts]]:
    """``sections`` less the parts whose every paragraph is still a placeholder, and
    ``blocks`` with those parts' headings blanked too: an unfilled part is no part,
    and its heading alone earns nothing."""
    kept, blanked = [], set()
    for s in sections:
        if s.blocks and all(is_unfilled(blocks[b - 1]) for b in s.blocks):
            if s.heading_block is not None:
                blanked.add(s.heading_block)
        else:
            kept.append(s)
    if not blanked:
        return sections, blocks
    return kept, [_blank(bf) if bf.index in blanked else bf for bf in blocks]


def _blank(bf: BlockFacts) -> BlockFacts:
    return BlockFacts(bf.index, bf.section, bf.is_heading, 0, bf.sentences, [], " " * len(bf.key))


def table_rows(
    document: Document, blocks: list[BlockFacts], sections: Iterable[str] | None = None
) -> dict[tuple[int, int], list[int]]:
    """The cells (0-based blocks) of each table row lying in one of ``sections`` (every
    part when None), by (table, row), in document order."""
    wanted = None if sections is None else set(sections)
    rows: dict[tuple[int, int], list[int]] = {}
    for i, bf in enumerate(blocks):
        block = document.blocks[i]
        if block.table is not None and (wanted is None or bf.section in wanted):
            rows.setdefault((block.table, block.row or 0), []).append(i)
    return rows

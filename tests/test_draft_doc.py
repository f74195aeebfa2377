"""One spaCy Doc per draft (engine/draft_doc.py) gives each block what its own Doc gives.

The pipeline run over a whole draft at once must find, block by block, the same
sentences, the same dates, numbers and persons, and the same phrase matches, in the
same order, as the pipeline run over each block alone: every draft we hold is held
to it, and so are drafts made to test the joins between blocks.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from nghiquyet.engine.analyse.blocks import parse_of
from nghiquyet.engine.draft_doc import joinable, parse_draft
from nghiquyet.engine.errors import InputError
from nghiquyet.engine.load import load

ROOT = Path(__file__).resolve().parent.parent


def _drafts() -> list[Path]:
    suffixes = (".md", ".docx", ".odt", ".txt")
    found = [p for p in (ROOT / "samples").rglob("*") if p.suffix in suffixes]
    found += [p for p in (ROOT / "tests").rglob("*") if p.suffix in suffixes]
    return sorted(found)


def _block_by_block(nlp, texts):
    return [parse_of(doc, text) for doc, text in zip(nlp.pipe(texts), texts, strict=True)]


def _same_as_block_by_block(nlp, texts):
    joined = parse_draft(nlp, texts)
    assert joined is not None, texts
    alone = _block_by_block(nlp, texts)
    for text, one, other in zip(texts, joined, alone, strict=True):
        assert one == other, text


def test_every_draft_we_hold_reads_the_same_as_one_doc(assessor):
    drafts = 0
    for path in _drafts():
        try:
            texts = [b.text for b in load(path, assessor.config, assessor.pm).blocks]
        except InputError:
            continue
        if not joinable(assessor.nlp, texts):
            continue
        drafts += 1
        _same_as_block_by_block(assessor.nlp, texts)
    assert drafts > 150  # the samples, the goldens' drafts, the independent rounds


@pytest.mark.parametrize(
    "texts",
    [
        # sentences and marks at the joins: a block that ends without a full stop, one
        # that opens with marks, one of marks only, a line break inside a block
        [
            "Chi bộ quyết tâm",
            "... và hoàn thành; tiếp tục:",
            ";",
            "?!",
            "Một.Hai. Ba\nBốn.   Năm",
            "x",
        ],
        # dates, numbers, persons and lexicon phrases at a block's first and last words
        [
            "15/3/2026",
            "hoàn thành trước ngày 15/4/2026",
            "Đồng chí Nguyễn Văn Hùng",
            "Bí thư chi bộ",
            "Chi ủy phân công đồng chí Trần Thị Lan",
            "23,5%",
            "100 hộ dân",
            "quý II",
            "sáu tháng đầu năm 2026",
        ],
        # a phrase of the lexicon cut by a block's end ("chi bộ" + "chi ủy")
        ["Ban chấp hành chi", "bộ và chi", "ủy cùng Ban Chấp Hành"],
        # runs longer than a word, which the tokenizer cuts into pieces, at the joins
        # (the tokenizer marks each piece's first token as opening a sentence)
        ["…" * 150, "Dòng kẻ " + "." * 200, "_" * 70 + " ký tên", "Hết" + "-" * 90],
        ["Số -NQ/CB " + "&nbsp;" * 12 + " Đức Phong, ngày 5 tháng 10 năm 2024", "Kết luận."],
        # letters whose lower case looks around them (a final sigma) or changes length
        # ("İ"): the keys cut from the draft's key, or made block by block
        ["ΟΔΟΣ", "ΣΑ Hoà", "Thuỷ ΣΣ", "Ủy ban"],
        ["İstanbul hoà", "ΟΔΟΣ", "Chi uỷ HOÀ"],
        # tabs and spaces inside, capitals, tone placements, numbering
        ["1.\tHOÀ BÌNH,  Thuỷ lợi", "2) Ủy ban; ỦY BAN; uỷ ban (Hoà-Bình)", "a)"],
    ],
)
def test_the_joins_between_blocks_change_nothing(assessor, texts):
    _same_as_block_by_block(assessor.nlp, texts)


@pytest.mark.parametrize(
    "texts",
    [
        [" Khoảng trắng đầu", "Câu sau."],
        ["Khoảng trắng cuối\t", "Câu sau."],
        ["Khối rỗng", ""],
        ["Chi uỷ\xa0HOÀ BÌNH"],  # a no-break space: a special case with its own norm
        [],
    ],
)
def test_blocks_one_doc_cannot_hold_go_block_by_block(assessor, texts):
    assert parse_draft(assessor.nlp, texts) is None


def test_a_plugins_component_sees_one_doc_per_block(samples):
    # a pipeline a plugin added to reads each block as its own Doc, as before
    from nghiquyet.engine import hookspecs
    from nghiquyet.engine.analyse.blocks import read_blocks
    from nghiquyet.engine.config import Config
    from nghiquyet.engine.plugin_manager import make_plugin_manager
    from nghiquyet.engine.runner import Assessor

    seen = []

    def first_word(doc):
        seen.append(doc.text)
        doc.spans["first_word"] = [doc[0:1]] if len(doc) else []
        return doc

    class FirstWord:
        @staticmethod
        @hookspecs.hookimpl
        def prepare_nlp(nlp, config):
            from spacy.language import Language

            if not Language.has_factory("test_first_word"):
                Language.component("test_first_word", func=first_word)
            nlp.add_pipe("test_first_word")

    assessor = Assessor(Config())
    assessor.pm = make_plugin_manager(extra=(FirstWord,))
    document = load(samples / "middling.md", assessor.config, assessor.pm)
    texts = [b.text for b in document.blocks]
    assert not joinable(assessor.nlp, texts)
    blocks = read_blocks(document, assessor.nlp)
    assert seen == texts
    for block, text in zip(blocks, texts, strict=True):
        if block.words:
            (word,) = block.of("first_word")
            assert word.start == 0 and text.startswith(word.text)

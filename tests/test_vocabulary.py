"""The declared vocabulary: every name the analysis produces is declared with a
meaning, and nothing is declared that the analysis never produces unnoticed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from nghiquyet.engine.errors import ConfigError
from nghiquyet.engine.nlp import load_lexicon
from nghiquyet.engine.vocabulary import KINDS, Vocabulary, builtin

GOLDEN = Path(__file__).resolve().parent / "golden"
# Mention kinds written by nq_numbers and nq_people rather than by the lexicon.
PIPELINE_MENTIONS = {"date", "percent", "quantity", "duration", "person"}
# Names the code produces that none of the drafts we hold shows (rare layouts); each
# entry needs its reason here. None today: a name no draft produces is dead.
NOT_IN_ANY_DRAFT: dict[str, set[str]] = {}


def _produced() -> dict[str, set[str]]:
    """What the golden files show the analysis produced, for every draft we hold
    (checks and details as ``item.name``)."""
    seen: dict[str, set[str]] = {k: set() for k in ("signal", "section", "item")}
    seen.update(item_check=set(), item_detail=set())
    for path in GOLDEN.glob("*.json"):
        data = json.loads(path.read_text("utf-8"))
        seen["signal"] |= set(data["signals"])
        seen["section"] |= {b.split()[1] for b in data["blocks"]}
        seen["section"] |= {s["kind"] for s in data["sections"]}
        for kind, items in data["items"].items():
            seen["item"].add(kind)
            for item in items:
                seen["item_check"] |= {f"{kind}.{c}" for c in item["checks"]}
                seen["item_detail"] |= {f"{kind}.{d}" for d in item["details"]}
    return seen


def _declared(kind: str) -> set[str]:
    terms = builtin().terms(kind)
    return {f"{t.item}.{t.name}" if t.item else t.name for t in terms if t.kind == kind}


@pytest.mark.parametrize("kind", ["signal", "section", "item", "item_check", "item_detail"])
def test_every_produced_name_is_declared(kind):
    undeclared = _produced()[kind] - _declared(kind)
    assert not undeclared, f"the analysis produces undeclared {kind} names: {undeclared}"


@pytest.mark.parametrize("kind", ["signal", "section", "item", "item_check", "item_detail"])
def test_every_declared_name_is_produced_by_some_draft(kind):
    unseen = _declared(kind) - _produced()[kind]
    assert unseen == NOT_IN_ANY_DRAFT.get(kind, set()), (
        f"declared {kind} names no draft shows (dead, or add a draft that has them): {unseen}"
    )


def test_lexicon_categories_are_declared_one_for_one():
    assert _declared("lexicon") == set(load_lexicon())


def test_pipeline_mention_kinds_are_declared(assessor):
    text = "Đồng chí Nguyễn Văn An tổ chức 8 tuần vận động 120 hộ, đạt 95% trước ngày 15/3/2026."
    doc = assessor.nlp(text)
    # the analysis names date and person spans by their group, numbers by their label
    found = {s.label_ for s in doc.spans["numbers"]}
    found |= {"date"} if doc.spans["dates"] else set()
    found |= {"person"} if doc.spans["persons"] else set()
    assert found == PIPELINE_MENTIONS == _declared("mention")


def test_every_meaning_is_one_short_line_in_both_languages():
    for kind in KINDS:
        for term in builtin().terms(kind):
            for lang in ("vi", "en"):
                text = term.meaning[lang]
                assert "\n" not in text and 0 < len(text) <= 100, (kind, term.name, text)
            assert term.meaning["vi"] != term.meaning["en"] or kind == "mention", term.name


def test_declaring_again_is_a_no_op_and_a_different_meaning_an_error():
    vocabulary = Vocabulary()
    vocabulary.declare("signal", {"well": "block naming a well"}, origin="a")
    vocabulary.declare("signal", {"well": "block naming a well"}, origin="b")
    assert vocabulary.names("signal") == ["well"]
    with pytest.raises(ConfigError, match="declared twice, by a and by c"):
        vocabulary.declare("signal", {"well": "a well"}, origin="c")


def test_declarations_are_checked():
    vocabulary = Vocabulary()
    with pytest.raises(ConfigError, match="unknown vocabulary kind 'signals'"):
        vocabulary.declare("signals", {"x": "y"})
    with pytest.raises(ConfigError, match="item="):
        vocabulary.declare("item_check", {"x": "y"})
    with pytest.raises(ConfigError, match="one non-empty line"):
        vocabulary.declare("signal", {"x": "two\nlines"})


def test_checks_are_scoped_to_their_item_kind():
    vocabulary = builtin()
    assert vocabulary.term("item_check", "has_owner", "task") is not None
    assert vocabulary.term("item_check", "has_owner", "target") is None
    assert vocabulary.closest("item_check", "has_ownr", "task") == "has_owner"
    # a lexicon category is a mention kind too
    assert vocabulary.term("mention", "slogan").kind == "lexicon"

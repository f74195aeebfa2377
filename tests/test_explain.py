"""``nghiquyet explain`` says what a rule reads (with the declared meanings), its
options (value and default) and the part of the guidance it enforces, in both
languages."""

from __future__ import annotations

import pytest
from nghiquyet.engine.cli import main
from nghiquyet.engine.config import Config
from nghiquyet.engine.explain import explain_rule
from nghiquyet.engine.rule_params import RuleType
from nghiquyet.engine.runner import Assessor

RULESET = Assessor(Config()).ruleset


def _explain(run, rule: str, lang: str) -> str:
    result = run("explain", rule, "--lang", lang, command=main)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_reads_options_and_guidance_in_vietnamese(run):
    text = _explain(run, "NQ202", "vi")
    assert "Dữ kiện đọc từ phân tích:\n  phần situation [sections]: tình hình, thực trạng" in text
    assert "  loại cụm từ percent: tỷ lệ phần trăm («95%»)" in text  # read by the type's code
    assert "Tùy chọn:\n  min = 4  (mặc định: 3) — số con số" in text
    assert "  Tiêu chí: Khảo sát, đánh giá thực trạng (evidence)" in text
    assert "  Bước 2 trong 5 bước: Dự thảo nghị quyết" in text
    assert "  Nguồn: Hướng dẫn 12-HD/BTCTW" in text


def test_reads_options_and_guidance_in_english(run):
    text = _explain(run, "task-without-owner", "en")
    assert "Reads from the analysis:\n  item kind task [items]: an assigned task" in text
    assert "  check (task) has_owner [check]: names the person, post or specific body" in text
    assert "Options:\n  min_items = 1  (default) — fewest items" in text
    assert "Guidance it enforces:\n  Criterion: Concrete assignments (assignments)" in text
    assert "  Step 2 of 5: Draft the resolution" in text
    assert "  It asks: assign the tasks to named cadres and members" in text


def test_signals_and_where_a_finding_points(run):
    text = _explain(run, "NQ705", "en")
    assert "  signal meeting_plan [signals]: block saying how the draft goes to the cell" in text
    assert "  section implementation [point_to]: organisation of implementation" in text
    assert "  signal title_block [point_to]: block of the kind line" in text
    assert "Options:" not in text  # every param of a signals rule names something it reads
    # a procedure rule names its step; the meeting plan checks the draft and ticks none
    assert " of 5:" not in text and "  It asks: the draft passes the chi ủy" in text
    vote = _explain(run, "NQ703", "en")
    assert "  Step 4 of 5: Cell meeting discusses and votes" in vote
    assert "  It asks: the cell meeting discusses the resolution and votes on it" in vote
    review = _explain(run, "NQ702", "vi")
    assert "  Bước 3 trong 5 bước: Chi ủy thảo luận, thống nhất dự thảo" in review


def test_options_show_every_threshold_with_its_default(run):
    text = _explain(run, "NQ403", "en")
    assert "  lexicon category slogan [category]: slogan verbs and phrases" in text
    assert "  max_per_100_words = 2.5  (default: 2) — highest density" in text
    assert "  min_in_block = 2  (default: 2)" in text
    assert "  max_findings = 5  (default) — most findings shown" in text
    fonts = _explain(run, "NQ908", "vi")
    assert "  font = Times New Roman  (mặc định: Times New Roman)" in fonts
    assert "  size = [13, 14]  (mặc định: [13, 14])" in fonts


def test_a_rule_without_params_shows_what_its_code_reads(run):
    text = _explain(run, "NQ101", "en")
    for name in ("signal topic:", "signal topic_block:", "lexicon category national_slogan:"):
        assert f"  {name}" in text
    assert "Options:" not in text
    assert "  Step 1 of 5: Choose the topic" in text


def test_form_rules_name_their_own_source_and_meta_rules_none(run):
    form = _explain(run, "NQ901", "en")
    assert "  Step 2 of 5: Draft the resolution" in form
    assert "  Source: Hướng dẫn 36-HD/VPTW (2018)" in form
    meta = _explain(run, "NQ001", "vi")
    assert "  Tiêu chí: meta" in meta and "Nguồn" not in meta


@pytest.mark.parametrize("rule", sorted(RULESET.rules), ids=str)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_rule_explains_what_it_reads_with_a_meaning(rule, lang):
    r = RULESET.rules[rule]
    text = explain_rule(r, RULESET.types[r.type], RULESET.vocabulary, lang)
    assert ": ?\n" not in text  # every name read has a declared meaning
    assert ("Thực hiện hướng dẫn:" if lang == "vi" else "Guidance it enforces:") in text


def test_an_undeclared_rule_type_shows_its_params_as_written():
    rule = RULESET.rules["NQ601"]
    undeclared = RuleType("old_style", lambda facts, rule: None)
    text = explain_rule(rule, undeclared, RULESET.vocabulary, "en")
    assert "Options:\n  (the rule type declares no params; params as written: {items: task" in text

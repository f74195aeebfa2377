"""Every rule documents itself and its examples hold.

Each ``bad`` example (Markdown), assessed alone, must raise at least one finding of
its rule; each ``good`` example none. Every rule has docs (what, why, fix in vi and en)
and at least one bad and one good example, and ``nghiquyet rules`` / ``nghiquyet
explain`` show every rule.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from nghiquyet.engine.cli import main
from nghiquyet.engine.config import Config
from nghiquyet.engine.runner import Assessor

# Rules whose failure cannot be written in Markdown: the .docx font rule reads the
# fonts and sizes of a Word file, which a Markdown example has none of (it is tested
# with a real .docx below instead).
NO_MARKDOWN_BAD_EXAMPLE = {"NQ908"}


def _rules():
    return sorted(Assessor(Config()).ruleset.rules.values(), key=lambda r: r.id)


RULES = _rules()
EXAMPLES = [
    (rule.id, kind, n, text)
    for rule in RULES
    for kind in ("bad", "good")
    for n, text in enumerate(rule.examples.get(kind, []), start=1)
]


def _stage(rule) -> str:
    return "adopted" if rule.stage == "adopted" else "auto" if rule.stage == "all" else rule.stage


@pytest.mark.parametrize(
    ("rule_id", "kind", "n", "text"), EXAMPLES, ids=[f"{r}-{k}{n}" for r, k, n, _ in EXAMPLES]
)
def test_example(assess_markdown, rule_id, kind, n, text):
    rule = next(r for r in RULES if r.id == rule_id)
    report = assess_markdown(text, path=f"{rule_id}-{kind}{n}.md", stage=_stage(rule))
    assert report.error is None
    mine = [f for f in report.findings if f.rule_id == rule_id]
    if kind == "bad":
        assert mine, f"{rule_id} bad example {n} raised no {rule_id} finding"
        # the message is filled in: no template braces left for the reader
        assert all("{" not in f.message["vi"] and "{" not in f.suggestion["vi"] for f in mine)
    else:
        assert not mine, f"{rule_id} good example {n}: {[f.message['vi'] for f in mine]}"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_is_documented(rule):
    for key in ("what", "why", "fix"):
        assert key in rule.docs, f"{rule.id} lacks docs.{key}"
        for lang in ("vi", "en"):
            assert rule.docs[key][lang].strip(), f"{rule.id} docs.{key}.{lang} is empty"
    assert rule.docs["what"]["vi"] != rule.docs["what"]["en"], f"{rule.id} docs are not translated"
    for lang in ("vi", "en"):
        assert rule.message[lang].strip() and rule.suggestion[lang].strip()
    assert rule.examples.get("good"), f"{rule.id} has no good example"
    if rule.id not in NO_MARKDOWN_BAD_EXAMPLE:
        assert rule.examples.get("bad"), f"{rule.id} has no bad example"


def test_docx_font_rule_without_markdown_example(tmp_path, assessor):
    """NQ908 has no Markdown bad example: show its failure with a real Word file."""
    from docx import Document
    from docx.shared import Pt

    document = Document()
    for text in ("NGHỊ QUYẾT", "về phân loại rác tại thôn Đông Lộc", "Thôn có 412 hộ."):
        run = document.add_paragraph().add_run(text)
        run.font.name = "Arial"
        run.font.size = Pt(11)
    path = tmp_path / "arial.docx"
    document.save(path)
    report = assessor.assess_path(path)
    assert any(f.rule_id == "NQ908" for f in report.findings)


def test_rules_command_lists_every_rule():
    result = CliRunner().invoke(main, ["rules"])
    assert result.exit_code == 0, result.output
    for rule in RULES:
        assert rule.id in result.output and rule.name in result.output


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_explain_covers_every_rule(rule):
    for token in (rule.id, rule.name):
        result = CliRunner().invoke(main, ["explain", token, "--lang", "vi"])
        assert result.exit_code == 0, result.output
        assert rule.id in result.output
        assert rule.docs["why"]["vi"] in result.output
    result = CliRunner().invoke(main, ["explain", rule.id, "--lang", "en"])
    assert rule.docs["fix"]["en"] in result.output

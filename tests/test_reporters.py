"""The html, markdown, sarif, junit and github reporters, on reports of real drafts.

Every report comes from the real pipeline (samples, a hostile variant of a sample, an
unreadable file). Structure is checked with real parsers: sarif-pydantic for SARIF
2.1.0, xml.etree for JUnit, a GFM table reader for Markdown. The browser half of the
HTML checks lives in test_html_browser.py.
"""

from __future__ import annotations

import copy
import dataclasses
import io
import json
import os
import re
import xml.etree.ElementTree as ET
from html import escape
from pathlib import Path

import pytest
from click.testing import CliRunner
from nghiquyet.engine import hookimpl
from nghiquyet.engine.check import build_ruleset
from nghiquyet.engine.cli import assess_command
from nghiquyet.engine.config import Config
from nghiquyet.engine.criteria import CRITERIA, STEPS
from nghiquyet.engine.model import Report
from nghiquyet.engine.plugin_manager import get_plugin_manager
from nghiquyet.engine.render import get_reporters, number, relative_path
from nghiquyet.plugins.reporters.github import SEVERITY_ORDER
from nghiquyet.plugins.reporters.markdown import cell
from nghiquyet.plugins.text_loader import parse_markdown
from shown import vi

FORMATS = {"html": ".html", "markdown": ".md", "sarif": ".sarif", "junit": ".xml", "github": ".txt"}
SCRIPT = "<script>alert(1)</script>"
HOSTILE_PATH = "drafts/<b>x</b>, a:b%.md"


def render(fmt: str, report: Report, **context) -> str:
    """``report`` in ``fmt``, given what a run without ``--config`` gives reporters (the
    built-in rules, a default config); ``context`` replaces any of them."""
    pm = get_plugin_manager()
    context = {"rules": build_ruleset(pm).rules, "config": Config(), **context}
    return get_reporters(pm)[fmt].render(report, **context).decode("utf-8")


@pytest.fixture(scope="session")
def batch(assessor, samples, tmp_path_factory) -> Report:
    """Three real drafts and one file that is not a .docx at all."""
    bad = tmp_path_factory.mktemp("bad") / "hỏng.docx"
    bad.write_bytes(b"this is not a Word file")
    paths = [samples / "strong.docx", samples / "formalistic.md", samples / "middling.md", bad]
    report = assessor.assess_paths(paths, jobs=1)
    assert [d.error is not None for d in report.documents].count(True) == 1
    return report


@pytest.fixture(scope="session")
def hostile(assessor, samples) -> Report:
    """The formalistic sample with markup, pipes, % , : and , in a task and the path."""
    text = (samples / "formalistic.md").read_text(encoding="utf-8")
    text = text.replace(
        "2. Các đồng chí đảng viên trong chi bộ quán triệt",
        f"2. Các {SCRIPT} đồng chí | 50% a,b:c trong chi bộ quán triệt",
    )
    doc = assessor.assess_document(parse_markdown(text, HOSTILE_PATH))
    assert any(SCRIPT in (f.location.excerpt if f.location else "") for f in doc.findings)
    return Report(documents=[doc], lang="vi", tool_version="test")


@pytest.fixture(scope="session")
def strong(batch):
    return next(d for d in batch.documents if d.path.endswith("strong.docx"))


@pytest.fixture(scope="session")
def formalistic(batch):
    return next(d for d in batch.documents if d.path.endswith("formalistic.md"))


@pytest.fixture(scope="session")
def unreadable(batch):
    return next(d for d in batch.documents if d.error is not None)


def english(report: Report) -> Report:
    return dataclasses.replace(report, lang="en")


# ---------------------------------------------------------------- registration


def test_every_format_is_registered_with_its_extension():
    reporters = get_reporters(get_plugin_manager())
    for name, extension in FORMATS.items():
        assert reporters[name].extension == extension


def test_help_names_every_format():
    result = CliRunner().invoke(assess_command, ["--help"])
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    for name in FORMATS:
        assert name in text


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_cli_writes_each_format(fmt, samples, tmp_path):
    out = tmp_path / f"report{FORMATS[fmt]}"
    result = CliRunner().invoke(
        assess_command, [str(samples / "strong.md"), "--format", fmt, "-o", str(out), "--jobs", "1"]
    )
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_reporters_show_the_report_and_never_recompute(fmt, strong):
    """Scores nobody could compute from the findings still show up verbatim."""
    doc = copy.deepcopy(strong)
    doc.score, doc.grade = 12.3, "Khá"
    doc.criteria[0].score = 45.6
    out = render(fmt, Report(documents=[doc], lang="vi", tool_version="t"))
    if fmt == "github":
        assert "12,3/100 — Khá" in out  # Vietnamese writes a decimal comma
    elif fmt == "sarif":
        assert json.loads(out)["runs"][0]["properties"]["documents"][0]["score"] == 12.3
    elif fmt == "json":
        assert json.loads(out)["documents"][0]["score"] == 12.3 and "Khá" in out
    elif fmt == "junit":
        assert 'name="score" value="12.3"' in out and "Khá" in out  # machine property
        assert "Điểm: 45,6/100" in out  # the criterion's message for people
    else:
        assert "12,3" in out and "45,6" in out and "Khá" in out
        assert "12.3" not in out and "45.6" not in out


def test_reporters_get_the_arguments_they_name(strong, samples):
    """As datasette calls its renderers: each parameter name is a request. A function
    of the report alone (the older convention, whatever its parameter is called) still
    works; asking for something nghiquyet does not have is a clear error."""
    from nghiquyet.engine.errors import ConfigError
    from nghiquyet.engine.plugin_manager import make_plugin_manager
    from nghiquyet.engine.rules import Rule

    seen = {}

    class Formats:
        @staticmethod
        @hookimpl
        def register_reporters(register):
            register("paths", lambda r: "\n".join(d.path for d in r.documents).encode())
            register("counts", counts, ".txt")
            register("greedy", lambda report, request: b"", ".txt")

    def counts(config, report, rules):
        seen.update(config=config, rules=rules)
        return f"{len(rules)} {report.lang} {config.fail_under}".encode()

    reporters = get_reporters(make_plugin_manager(extra=(Formats,)))
    report = Report(documents=[strong], lang="en")
    config = Config(fail_under=70)
    rules = build_ruleset(get_plugin_manager()).rules
    assert reporters["paths"].render(report, rules=rules, config=config) == strong.path.encode()
    assert reporters["counts"].render(report, rules=rules, config=config) == (
        f"{len(rules)} en 70".encode()
    )
    assert seen["config"] is config and all(isinstance(r, Rule) for r in seen["rules"].values())
    with pytest.raises(ConfigError, match="'greedy' asks for 'request'"):
        reporters["greedy"].render(report, rules=rules, config=config)


def test_the_review_plan_rows_are_named_under_the_matrix(strong):
    # text and HTML say which rows the assignments criterion does not count, in both
    # languages; a matrix without a review row has no note
    from nghiquyet.engine.render import review_rows_note

    doc = copy.deepcopy(strong)
    for task in doc.tasks:
        task.review = False
    assert "kế hoạch kiểm tra" not in render("text", Report(documents=[doc]))
    doc.tasks[-1].review = doc.tasks[-2].review = True
    blocks = f"{doc.tasks[-2].block}, {doc.tasks[-1].block}"
    note = review_rows_note(doc.tasks, "en")
    assert note.startswith(f"Paragraphs {blocks} are the review plan: judged under")
    text = render("text", Report(documents=[doc]))
    assert f"Đoạn {blocks} là kế hoạch kiểm tra, giám sát" in " ".join(text.split())
    assert escape(review_rows_note(doc.tasks, "vi")) in render("html", Report(documents=[doc]))


def test_a_reporter_named_as_text_is_imported_when_used(strong):
    """``register(name, "package.module:name")``: the module is imported on the format's
    first use, its stream likewise; a name that cannot be imported is a clear error."""
    from nghiquyet.engine.errors import ConfigError
    from nghiquyet.engine.plugin_manager import make_plugin_manager
    from nghiquyet.engine.report_stream import open_writer
    from nghiquyet.plugins.reporters import streams

    class Formats:
        @staticmethod
        @hookimpl
        def register_reporters(register):
            register("paths", "os.path:basename", ".txt")
            register("lines", "json:dumps", ".txt", stream=f"{streams.__name__}:JsonStream")
            register("missing", "nghiquyet.no_such_module:render", ".txt")
            register("misnamed", "nghiquyet.plugins.reporters.text:no_such_function")

    reporters = get_reporters(make_plugin_manager(extra=(Formats,)))
    assert reporters["paths"].renderer() is os.path.basename
    assert reporters["lines"].stream_class() is streams.JsonStream
    report = Report(documents=[strong], lang="en")
    context = {"rules": {}, "config": Config()}
    out = io.BytesIO()
    writer = open_writer(reporters["lines"], out, report, **context)
    assert isinstance(writer, streams.JsonStream)  # the stream, made from its name
    writer.add(strong)
    writer.close()
    assert json.loads(out.getvalue())["documents"][0]["score"] == strong.score
    for name in ("missing", "misnamed"):
        with pytest.raises(ConfigError, match=f"'{name}' names .* cannot be imported"):
            reporters[name].render(report, **context)


def test_the_built_in_formats_are_all_named_and_importable():
    # every built-in format's function and stream are named, and their names resolve
    # (tests/test_startup.py: a text run imports none of the other formats' modules)
    from nghiquyet.plugins.reporters import BUILT_IN_FORMATS

    reporters = get_reporters(get_plugin_manager())
    for name, *_ in BUILT_IN_FORMATS:
        reporter = reporters[name]
        assert isinstance(reporter.function, str) and isinstance(reporter.stream, str)
        assert callable(reporter.renderer()) and callable(reporter.stream_class())


# ---------------------------------------------------------------- html (static)


def ids_and_links(page: str) -> tuple[set[str], list[str]]:
    ids = set(re.findall(r'\bid="([^"]+)"', page)) | set(re.findall(r"\bid='([^']+)'", page))
    return ids, re.findall(r'href="#([^"]+)"', page)


def test_html_is_self_contained(batch):
    page = render("html", batch)
    assert page.startswith("<!DOCTYPE html>")
    lowered = page.lower()
    assert "<script" not in lowered
    assert "http://" not in lowered and "https://" not in lowered
    assert " src=" not in lowered and "@import" not in lowered and "url(" not in lowered
    assert re.findall(r"<link [^>]*>", page) == ['<link rel="icon" href="data:,">']
    assert "Content-Security-Policy" in page
    assert "@media print" in page and "<svg" in page


def test_html_batch_summary_sorted_by_score_with_links(batch, unreadable):
    page = render("html", batch)
    summary = page.split('<table class="summary">', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", summary, re.S)[1:]
    scored = sorted((d for d in batch.documents if d.error is None), key=lambda d: -d.score)
    assert len(rows) == len(batch.documents)
    for row, doc in zip(rows, scored, strict=False):
        assert f">{doc.path}</a>" in row and f">{vi(doc.score)}<" in row
    assert unreadable.path in rows[-1] and unreadable.error.message["vi"] in rows[-1]
    ids, links = ids_and_links(page)
    assert len([x for x in links if x.startswith("doc-")]) == len(batch.documents)
    assert set(links) <= ids


def test_html_shows_score_grade_chart_and_matrix(strong, formalistic):
    page = render("html", Report(documents=[formalistic], lang="vi", tool_version="t"))
    assert f'<div class="score">{vi(formalistic.score)}<small>/100</small>' in page
    assert '<span class="grade weak">Yếu</span>' in page
    bars = re.findall(r'<g class="criterion" data-criterion="(\w+)">(.*?)</g>', page, re.S)
    assert [b[0] for b in bars] == [c.id for c in formalistic.criteria]
    for (_id, svg), c in zip(bars, formalistic.criteria, strict=True):
        assert f">{vi(c.score)}</text>" in svg and 'class="bar ' in svg
    assert '<table class="tasks">' in page
    for task in formalistic.tasks:
        assert f'<td class="num">{task.block}</td>' in page
    for f in formalistic.findings:
        assert f'data-rule="{f.rule_id}"' in page
        assert f"Đoạn {f.location.block} · <b>{f.rule_id}</b>" in page  # paragraph number
        assert f"−{vi(f.points)} điểm" in page  # points lost
        assert escape(f.message["vi"]) in page and escape(f.suggestion["vi"]) in page
        assert escape(f.location.excerpt) in page
    # the sample assigns tasks to "Chi ủy"; the owner column shows it
    assert "<td>Chi ủy</td>" in page


def test_html_checklist_derives_from_scores_and_stage(
    strong, formalistic, assess_markdown, samples
):
    def statuses(doc):
        page = render("html", Report(documents=[doc], lang="vi", tool_version="t"))
        return dict(re.findall(r'data-step="(\w+)" data-status="(\w+)"', page))

    assert [s.key for s in STEPS] == ["topic", "draft", "chiuy", "vote", "review"]
    # A strong draft: everything written is there; the vote is yet to come.
    assert statuses(strong) == {
        "topic": "done",
        "draft": "done" if all(c.score >= 80 for c in strong.criteria) else "partial",
        "chiuy": "done",
        "vote": "pending",
        "review": "done",
    }
    weak = statuses(formalistic)
    assert weak["topic"] == "missing" and weak["review"] == "missing"
    assert weak["chiuy"] == "missing" and weak["vote"] == "pending"
    # The same strong text judged as adopted lacks a vote record: step 4 is not done.
    adopted = assess_markdown((samples / "strong.md").read_text(encoding="utf-8"), stage="adopted")
    assert any(f.rule_id == "NQ703" for f in adopted.findings)
    assert statuses(adopted)["vote"] in ("partial", "missing")


def checklist_of(doc, **context) -> dict[str, tuple[str, list[str]]]:
    """Each step's status and the criteria listed under it, from the rendered page."""
    page = render("html", Report(documents=[doc], lang="vi", tool_version="t"), **context)
    steps = page.split('<ol class="steps">', 1)[1].split("</ol>", 1)[0]
    found = {}
    for key, status, body in re.findall(
        r'<li class="\w+" data-step="(\w+)" data-status="(\w+)">(.*?)</li>\n(?=<li class="\w+" data-step|$)',
        steps + "\n",
        re.S,
    ):
        found[key] = (status, re.findall(r'data-criterion="(\w+)"', body))
    return found


def test_html_checklist_follows_criterion_metadata(strong):
    """Which step a criterion's evidence belongs to is declared in engine/criteria.py,
    not in the reporter: move follow-up into the drafting step and the checklist moves it."""
    before = checklist_of(strong)
    assert before["review"] == ("done", ["follow_up"])
    assert "follow_up" not in before["draft"][1]
    moved = tuple(
        dataclasses.replace(c, steps=("draft",)) if c.id == "follow_up" else c for c in CRITERIA
    )
    after = checklist_of(strong, criteria=moved)
    assert after["review"] == ("unchecked", [])
    assert set(after["draft"][1]) == {*before["draft"][1], "follow_up"}
    assert {k: v for k, v in after.items() if k not in ("draft", "review")} == {
        k: v for k, v in before.items() if k not in ("draft", "review")
    }


def test_html_checklist_follows_rule_metadata(strong, formalistic):
    """Within a criterion that spans steps, each rule names its step: a rule moved to
    another step takes its result there, and the step it left has nothing to show."""
    rules = dict(build_ruleset(get_plugin_manager()).rules)
    assert (rules["NQ702"].step, rules["NQ703"].step) == ("chiuy", "vote")
    rules["NQ702"] = dataclasses.replace(rules["NQ702"], step="vote")
    assert checklist_of(strong, rules=rules)["chiuy"][0] == "unchecked"
    assert checklist_of(strong, rules=rules)["vote"][0] == "done"  # the review is recorded
    assert checklist_of(formalistic, rules=rules)["vote"][0] == "missing"


def test_html_escapes_document_text(hostile):
    page = render("html", hostile)
    assert SCRIPT not in page and "<b>x</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "drafts/&lt;b&gt;x&lt;/b&gt;, a:b%.md" in page


def test_html_in_english(batch):
    page = render("html", english(batch))
    assert '<html lang="en">' in page
    for text in ("Score by criterion", "Responsibility matrix", "Findings and fixes", "Summary"):
        assert text in page
    assert ">Good<" in page and ">Weak<" in page
    assert "Điểm theo tiêu chí" not in page


def test_html_of_an_unreadable_file_alone(unreadable):
    page = render("html", Report(documents=[unreadable], lang="vi", tool_version="t"))
    assert "Không đọc được tệp" in page and unreadable.error.message["vi"] in page


# ---------------------------------------------------------------- markdown

_PIPE = re.compile(r"(?<!\\)\|")


def md_tables(text: str) -> list[list[list[str]]]:
    """Every GFM table: rows of cells (split on unescaped pipes)."""
    tables, current = [], []
    for line in [*text.splitlines(), ""]:
        if line.startswith("|"):
            current.append([c.strip() for c in _PIPE.split(line.strip())[1:-1]])
        elif current:
            tables.append(current)
            current = []
    return tables


def test_markdown_tables_are_well_formed(batch, hostile):
    for report in (batch, hostile, english(batch)):
        text = render("markdown", report)
        tables = md_tables(text)
        assert tables
        for table in tables:
            width = len(table[0])
            assert all(len(row) == width for row in table), table
            assert all(re.fullmatch(r":?-{3,}:?", c) for c in table[1])
            assert len(table) > 2


def test_markdown_summary_criteria_and_findings(batch, formalistic, unreadable):
    text = render("markdown", batch)
    tables = md_tables(text)
    summary = tables[0]
    assert summary[0][0] == "Dự thảo"
    ordered = [r[0] for r in summary[2:]]
    scored = sorted((d for d in batch.documents if d.error is None), key=lambda d: -d.score)
    assert ordered[: len(scored)] == [d.path.replace("_", "\\_") for d in scored]
    assert unreadable.error.message["vi"].split(":")[0] in summary[-1][-1]
    criteria = [t for t in tables if t[0][0] == "Tiêu chí"]
    assert len(criteria) == 3 and all(len(t) == 2 + 9 for t in criteria)
    findings = [t for t in tables if t[0][:2] == ["Đoạn", "Quy tắc"]]
    assert [len(t) - 2 for t in findings] == [
        len(d.findings) for d in batch.documents if d.error is None and d.findings
    ]
    assert findings[0][0] == [
        "Đoạn", "Quy tắc", "Mức", "Tiêu chí", "Điểm trừ", "Nội dung", "Cách sửa", "Viết lại"
    ]  # fmt: skip
    rows = next(t for t in findings if len(t) - 2 == len(formalistic.findings))[2:]
    for row, f in zip(rows, formalistic.findings, strict=True):
        assert row[0] == str(f.location.block)
        assert row[1].startswith(f.rule_id)


def test_markdown_escapes_cells(hostile):
    text = render("markdown", hostile)
    assert SCRIPT not in text and "<b>x</b>" not in text
    assert "### drafts/\\<b\\>x\\</b\\>, a:b%.md" in text
    assert cell(f"{SCRIPT} | a_b") == "\\<script\\>alert(1)\\</script\\> \\| a\\_b"
    assert cell("R&D\nline") == "R&amp;D line"


# ---------------------------------------------------------------- sarif

# SARIF 2.1.0 properties the sarif-pydantic model does not declare (it allows extras).
_UNMODELLED = {"toolExecutionNotifications", "columnKind"}


def no_unknown_keys(model, where: str = "$") -> None:
    """Fail on any key the SARIF object model does not know (typos, wrong casing)."""
    from pydantic import BaseModel

    for key in model.model_extra or {}:
        assert key in _UNMODELLED, f"unknown SARIF property {where}.{key}"
    for name in type(model).model_fields:
        value = getattr(model, name)
        values = value if isinstance(value, list) else [value]
        for n, v in enumerate(values):
            if isinstance(v, BaseModel):
                no_unknown_keys(v, f"{where}.{name}[{n}]")


def test_sarif_validates_against_the_object_model(batch, hostile):
    from sarif_pydantic import Sarif
    from sarif_pydantic.sarif import Notification

    for report in (batch, hostile):
        data = json.loads(render("sarif", report))
        log = Sarif.model_validate(data)
        no_unknown_keys(log)
        assert data["version"] == "2.1.0" and data["$schema"].endswith("sarif-2.1.0.json")
        for invocation in data["runs"][0]["invocations"]:
            for note in invocation.get("toolExecutionNotifications", []):
                no_unknown_keys(Notification.model_validate(note))


def test_sarif_rules_results_and_notifications(batch, formalistic, unreadable):
    data = json.loads(render("sarif", batch))
    run = data["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    by_id = {r["id"]: r for r in rules}
    nq601 = by_id["NQ601"]
    assert nq601["name"] == "task-without-owner"
    assert nq601["defaultConfiguration"]["level"] == "error"
    for key in ("shortDescription", "fullDescription", "help"):
        assert nq601[key]["text"]
    assert "Cách sửa" in nq601["help"]["text"] and "Vì sao" in nq601["help"]["text"]
    assert by_id["NQ404"]["defaultConfiguration"]["level"] == "note"

    findings = [f for d in batch.documents for f in d.findings]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    assert len(run["results"]) == len(findings)
    for result, f in zip(run["results"], findings, strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == f.rule_id
        assert result["level"] == levels[f.severity]
        place = result["locations"][0]["physicalLocation"]
        assert not place["artifactLocation"]["uri"].startswith(("/", "file:"))
        assert place["region"]["startLine"] == f.location.line
        assert f.message["vi"] in result["message"]["text"]

    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and note["message"]["text"] == unreadable.error.message["vi"]
    assert note["descriptor"]["id"] == unreadable.error.code


CELL_PACK = """\
rules:
  - id: NQ690
    name: no-cell-implementation-part
    criterion: assignments
    severity: warning
    type: section
    params: {kinds: [implementation]}
    message: {vi: "Thiếu phần tổ chức thực hiện của chi bộ.", en: "No implementation part."}
    docs:
      what: {vi: "Chi bộ chúng tôi yêu cầu phần tổ chức thực hiện.", en: "Our cell requires an implementation part."}
      why: {vi: "Quy chế của đảng bộ xã.", en: "The commune's own rules."}
      fix: {vi: "Thêm phần IV.", en: "Add part IV."}
"""


def test_sarif_describes_the_configs_rule_packs(run, samples, tmp_path):
    """A pack named by ``--config`` (rule_paths) is described like a built-in one, docs
    and all, though none of its rules found anything in this draft."""
    (tmp_path / "luat").mkdir()
    (tmp_path / "luat" / "chi-bo.yaml").write_text(CELL_PACK, "utf-8")
    config = tmp_path / "nghiquyet.yaml"
    config.write_text("rule_paths: [luat]\n", "utf-8")
    result = run(samples / "strong.md", "--config", config, "--format", "sarif", "--exit-zero")
    assert result.exit_code == 0, result.output
    rules = json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]
    ours = {r["id"]: r for r in rules}["NQ690"]
    assert ours["name"] == "no-cell-implementation-part"
    assert ours["shortDescription"]["text"] == "Chi bộ chúng tôi yêu cầu phần tổ chức thực hiện."
    assert "Quy chế của đảng bộ xã." in ours["help"]["text"]
    assert ours["defaultConfiguration"]["level"] == "warning"
    assert ours["properties"]["criterion"] == "assignments"
    assert {"NQ601", "NQ702"} <= set(r["id"] for r in rules)  # the built-ins too


def test_sarif_describes_exactly_the_rules_it_is_given(strong):
    """The reporter describes the rules of the run it is handed, nothing it looked up
    itself: given two rules, it lists those two (plus any rule a finding names)."""
    from nghiquyet.engine.check import build_ruleset

    known = build_ruleset(get_plugin_manager()).rules
    clean = dataclasses.replace(strong, findings=[])
    given = {k: known[k] for k in ("NQ101", "NQ601")}
    data = json.loads(render("sarif", Report(documents=[clean], lang="vi"), rules=given))
    assert [r["id"] for r in data["runs"][0]["tool"]["driver"]["rules"]] == ["NQ101", "NQ601"]


def test_sarif_uri_is_relative_and_percent_encoded(hostile, samples, monkeypatch):
    monkeypatch.chdir(samples.parent)
    uri = json.loads(render("sarif", hostile))["runs"][0]["results"][0]["locations"][0]
    assert uri["physicalLocation"]["artifactLocation"]["uri"] == (
        "drafts/%3Cb%3Ex%3C/b%3E%2C%20a%3Ab%25.md"
    )


def test_sarif_in_english(batch):
    data = json.loads(render("sarif", english(batch)))
    rule = data["runs"][0]["tool"]["driver"]["rules"][0]
    assert "How to fix" in rule["help"]["text"]


# ---------------------------------------------------------------- junit


def test_junit_structure(batch, formalistic, unreadable):
    root = ET.fromstring(render("junit", batch).encode("utf-8"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [d.path for d in batch.documents]
    for key in ("tests", "failures", "errors", "skipped"):
        assert int(root.get(key)) == sum(int(s.get(key)) for s in suites)
    for suite, doc in zip(suites, batch.documents, strict=True):
        cases = suite.findall("testcase")
        assert int(suite.get("tests")) == len(cases)
        assert all(c.get("classname") == doc.path for c in cases)
        if doc.error is not None:
            (case,) = cases
            error = case.find("error")
            assert error is not None and error.get("type") == doc.error.code
            assert error.get("message") == doc.error.message["vi"]
            continue
        assert [c.get("name").split(":")[0] for c in cases] == [c.id for c in doc.criteria]
        props = {p.get("name"): p.get("value") for p in suite.iter("property")}
        assert props["score"] == f"{doc.score:.1f}" and props["grade"] == doc.grade
        failed = {f.criterion for f in doc.findings if f.severity == "error"}
        assert {
            c.get("name").split(":")[0] for c in cases if c.find("failure") is not None
        } == failed
        assert int(suite.get("failures")) == len(failed)
        for case in cases:
            failure = case.find("failure")
            if failure is None:
                continue
            crit = case.get("name").split(":")[0]
            for f in doc.findings:
                if f.criterion == crit and f.severity == "error":
                    assert f.rule_id in failure.text and f.message["vi"] in failure.text


def test_junit_escapes_hostile_text(hostile):
    xml = render("junit", hostile)
    root = ET.fromstring(xml.encode("utf-8"))
    assert root.find("testsuite").get("name") == HOSTILE_PATH
    texts = "".join(e.text or "" for e in root.iter())
    assert SCRIPT in texts  # intact as text, not as markup
    assert root.find(".//script") is None


def test_junit_strips_characters_xml_forbids(strong):
    doc = copy.deepcopy(strong)
    doc.path = "bad\x0bname\x01.docx"
    ET.fromstring(render("junit", Report(documents=[doc], lang="vi")).encode("utf-8"))


# ---------------------------------------------------------------- github

_COMMAND = re.compile(r"^::(error|warning|notice)(?: ([^:]*))?::(.*)$")


def unescape(text: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def parse_commands(text: str) -> list[tuple[str, dict[str, str], str]]:
    out = []
    for line in text.splitlines():
        match = _COMMAND.match(line)
        assert match, line
        kind, props, data = match.groups()
        fields = dict(p.split("=", 1) for p in props.split(",")) if props else {}
        out.append((kind, {k: unescape(v) for k, v in fields.items()}, unescape(data)))
    return out


def test_github_annotations(batch, formalistic, unreadable):
    commands = parse_commands(render("github", batch))
    readable = [d for d in batch.documents if d.error is None]
    scores = [c for c in commands if c[1].get("title") == "nghiquyet điểm"]
    assert [c[1]["file"] for c in scores] == [relative_path(d.path) for d in readable]
    kinds = {c[0] for c in commands}
    assert kinds == {"error", "warning", "notice"}
    errors = [c for c in commands if c[1].get("file") == relative_path(unreadable.path)]
    assert errors == [("error", errors[0][1], unreadable.error.message["vi"])]
    assert "line" not in errors[0][1]
    # one finding alone is printed as it is (a batch prints only some: test_github_caps.py)
    owner = next(f for f in formalistic.findings if f.rule_id == "NQ601")
    alone = Report(documents=[dataclasses.replace(formalistic, findings=[owner])], lang="vi")
    expected = (
        f"::error file={relative_path(formalistic.path)},line={owner.location.line},"
        "title=NQ601 task-without-owner::"
    )
    assert expected in render("github", alone)


def test_github_escaping_round_trips(hostile):
    doc = hostile.documents[0]
    # the findings on the task with markup, pipes, %, : and , (fewer than the cap per draft)
    marked = [f for f in doc.findings if f.location and SCRIPT in f.location.excerpt]
    assert len(marked) == 4  # NQ601, NQ602, NQ603 and NQ607 (no task dated)
    doc = dataclasses.replace(doc, findings=marked)
    text = render("github", dataclasses.replace(hostile, documents=[doc]))
    commands = parse_commands(text)
    assert len(text.splitlines()) == 1 + len(doc.findings)  # no raw newline in a message
    for (_kind, props, data), f in zip(commands[1:], doc.findings, strict=True):
        assert props["file"] == HOSTILE_PATH
        assert props["title"] == f"{f.rule_id} {f.rule}"
        assert data == f"{f.message['vi']}\n→ {f.suggestion['vi']}"
    assert any(SCRIPT.split(">")[0] in data for _, _, data in commands)
    assert "file=drafts/<b>x</b>%2C a%3Ab%25.md" in text


def test_github_severity_mapping(formalistic):
    # one finding of each severity, in the draft's order (fewer than the cap per draft)
    firsts = [next(f for f in formalistic.findings if f.severity == s) for s in SEVERITY_ORDER]
    doc = dataclasses.replace(
        formalistic, findings=[f for f in formalistic.findings if any(f is g for g in firsts)]
    )
    commands = parse_commands(render("github", Report(documents=[doc], lang="en")))
    mapping = {"error": "error", "warning": "warning", "info": "notice"}
    assert [c[0] for c in commands[1:]] == [mapping[f.severity] for f in doc.findings]
    assert {c[0] for c in commands[1:]} == {"error", "warning", "notice"}
    assert commands[0][2].startswith("Score ")


def test_batch_report_fixture_paths_exist(batch):
    assert all(Path(d.path).exists() for d in batch.documents)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "github"])
def test_numbers_for_people_use_each_languages_decimal_mark(fmt, strong):
    doc = copy.deepcopy(strong)
    doc.score = 67.84
    vi_out = render(fmt, Report(documents=[doc], lang="vi", tool_version="t"))
    en_out = render(fmt, Report(documents=[doc], lang="en", tool_version="t"))
    assert "67,8" in vi_out and "67.8" not in vi_out
    assert "67.8" in en_out and "67,8" not in en_out


def test_number_helper():
    assert number(67.84, "vi") == "67,8" and number(67.84, "en") == "67.8"
    assert number(2.5, "vi", signed=True) == "+2,5" and number(-3, "en", signed=True) == "-3.0"
    assert number(None, "vi") == "—"


def test_quiet_lines_follow_the_language(samples):
    strong_md = str(samples / "strong.md")
    vi_line = CliRunner().invoke(assess_command, [strong_md, "--quiet", "--jobs", "1"]).output
    en_line = (
        CliRunner()
        .invoke(assess_command, [strong_md, "--quiet", "--jobs", "1", "--lang", "en"])
        .output
    )
    assert re.fullmatch(r".*strong\.md: \d+,\d Tốt\n", vi_line), vi_line
    assert re.fullmatch(r".*strong\.md: \d+\.\d Good\n", en_line), en_line


@pytest.mark.parametrize(
    ("fmt", "lang", "kinds"),
    [
        ("text", "vi", ("cá nhân", "tập thể", "chung chung")),
        ("html", "vi", ("cá nhân", "tập thể", "chung chung")),
        ("text", "en", ("person", "body", "collective")),
    ],
)
def test_the_matrix_names_each_owners_kind(batch, fmt, lang, kinds):
    """The middling sample gives tasks to named members, to bodies (Công đoàn, Chi ủy)
    and to every member at once: the matrix says which is which."""
    middling = Report(
        documents=[d for d in batch.documents if d.path.endswith("middling.md")], lang=lang
    )
    assert middling.documents
    page = render(fmt, middling)
    for kind in kinds:
        assert kind in page


def test_a_criterion_with_suggestions_only_says_it_lost_nothing(batch):
    """NQ103 is a suggestion that costs nothing: its group says so instead of "−0,0"."""
    middling = Report(documents=[d for d in batch.documents if d.path.endswith("middling.md")])
    assert any(f.rule_id == "NQ103" for f in middling.documents[0].findings)
    for fmt in ("text", "html"):
        page = render(fmt, middling)
        assert "không mất điểm" in page and "(−0,0 điểm tiêu chí)" not in page

"""A batch's report is written as its drafts finish, and says what the whole report said.

``assess`` hands each report to its format's writer and keeps only a compact copy
(engine/report_stream.py); these tests hold every streamed format to the bytes its
render function gives for the same reports (the workbook, whose zip carries a
timestamp, to its cells, styles, widths, filters and colours), on a batch of varied
real drafts: Word and Markdown, an adopted resolution, a draft whose comment accepts
a finding, a partial check, a progress report that is not a resolution, an
unreadable file and a file name with markup in it. Then through the real command:
the files it writes, the cache asked before anything else (an all-cached batch
never imports spaCy), and a batch that goes on past a broken file.

That memory stays flat is measured, not tested: ``benchmarks/memory.py``.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from nghiquyet.engine.config import Config
from nghiquyet.engine.model import Report
from nghiquyet.engine.render import get_reporters
from nghiquyet.engine.report_stream import compact, open_writer
from nghiquyet.engine.runner import Assessor

ROOT = Path(__file__).resolve().parent.parent
STREAMED = ("text", "json", "junit", "sarif", "html", "csv", "markdown", "concise", "github")


@pytest.fixture(scope="module")
def inbox(samples, tmp_path_factory) -> Path:
    """A committee's folder of varied drafts."""
    folder = tmp_path_factory.mktemp("hop-thu")
    for name in ("strong.docx", "strong.md", "formalistic.md"):
        shutil.copy(samples / name, folder / name)
    shutil.copy(ROOT / "tests/drafts/adopted/adopted.md", folder / "da-thong-qua.md")
    shutil.copy(samples / "review/bao-cao-so-ket-tot.md", folder / "bao-cao-so-ket.md")
    middling = (samples / "middling.md").read_text("utf-8")
    task = "4. Công đoàn nhà trường phối hợp"
    accepted = middling.replace(task, "<!-- nghiquyet: bỏ qua NQ602 -->\n" + task)
    assert accepted != middling
    (folder / "trung-binh.md").write_text(accepted, "utf-8")
    (folder / 'dự thảo <script>x(1)<b>, 50% & "a".md').write_text(middling, "utf-8")
    (folder / "hỏng.docx").write_bytes(b"not a Word file")
    return folder


@pytest.fixture(scope="module")
def batch(inbox) -> Report:
    """The folder's reports, and one draft checked for two criteria only."""
    drafts = sorted(inbox.iterdir())
    report = Assessor(Config()).assess_paths(drafts, jobs=1)
    partial = Assessor(Config(select=["assignments", "format"])).assess_path(inbox / "strong.md")
    report.documents.append(partial)
    kinds = {d.error.code for d in report.documents if d.error is not None}
    assert kinds == {"not_docx", "not_a_resolution"}, kinds
    assert any(d.suppressed for d in report.documents)
    return report


def streamed(fmt: str, report: Report, rules) -> bytes:
    """``report`` written by its format's stream, a draft at a time."""
    reporter = get_reporters(Assessor(Config()).pm)[fmt]
    assert reporter.stream is not None
    out = io.BytesIO()
    head = Report([], report.lang, report.tool_version, report.fail_under)
    writer = open_writer(reporter, out, head, rules=rules, config=Config())
    for doc in report.documents:
        writer.add(doc)
    writer.close()
    return out.getvalue()


def whole(fmt: str, report: Report, rules) -> bytes:
    return get_reporters(Assessor(Config()).pm)[fmt].render(report, rules=rules, config=Config())


def parts(report: Report) -> list[Report]:
    """The batch, its first draft alone, its last alone, and no draft at all."""
    head = (report.lang, report.tool_version, report.fail_under)
    return [
        report,
        Report(report.documents[:1], *head),
        Report(report.documents[-1:], *head),
        Report([], *head),
    ]


@pytest.mark.parametrize("fmt", STREAMED)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_streamed_report_has_the_bytes_of_the_whole_one(batch, assessor, fmt, lang):
    rules = assessor.ruleset.rules
    for report in parts(Report(batch.documents, lang, batch.tool_version, batch.fail_under)):
        assert streamed(fmt, report, rules) == whole(fmt, report, rules), len(report.documents)


def test_the_streamed_github_report_writes_the_same_job_summary(
    batch, assessor, tmp_path, monkeypatch
):
    rules = assessor.ruleset.rules
    written = []
    for make in (streamed, whole):
        summary = tmp_path / f"summary-{make.__name__}.md"
        monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
        written.append((make("github", batch, rules), summary.read_text("utf-8")))
    assert written[0] == written[1]
    assert "job summary" in written[0][0].decode() or "tóm tắt" in written[0][0].decode()
    assert written[0][1].count("\n### ") == len(batch.documents)  # every draft's part


def test_sarif_streamed_describes_rules_no_pack_loaded(batch, assessor):
    """Findings of rules the run did not load get descriptors built from the finding,
    in the order they come: the streamed log's ruleIndex values agree."""
    rules = {k: v for k, v in assessor.ruleset.rules.items() if not k.startswith("NQ6")}
    data = streamed("sarif", batch, rules)
    assert data == whole("sarif", batch, rules)
    run = json.loads(data)["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert any(i.startswith("NQ6") for i in ids)
    assert all(ids[r["ruleIndex"]] == r["ruleId"] for r in run["results"])


def _workbook(data: bytes) -> list:
    """What a person sees of a workbook: sheets, cells with their styles, widths,
    frozen rows, filters and conditional colours."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    seen = []
    for sheet in book.worksheets:
        widths = {k: round(v.width, 2) for k, v in sheet.column_dimensions.items() if v.width}
        colours = [
            (str(cf.sqref), [(r.formula, r.dxf.fill.bgColor.rgb) for r in cf.rules])
            for cf in sheet.conditional_formatting
        ]
        seen.append((sheet.title, sheet.freeze_panes, sheet.auto_filter.ref, widths, colours))
        seen += [
            (c.coordinate, c.value, c.data_type, c.font.b, c.font.color and c.font.color.rgb)
            + (c.fill.fill_type, c.fill.fgColor.rgb, c.alignment.wrap_text, c.alignment.vertical)
            for row in sheet.iter_rows()
            for c in row
        ]
    return seen


def test_the_streamed_workbook_shows_what_the_whole_one_shows(batch, assessor):
    rules = assessor.ruleset.rules
    for report in parts(batch):
        assert _workbook(streamed("xlsx", report, rules)) == _workbook(whole("xlsx", report, rules))
    tasks = openpyxl.load_workbook(io.BytesIO(streamed("xlsx", batch, rules))).worksheets[2]
    assert tasks.max_row > 10  # the batch's tasks are all there


def test_a_compact_copy_keeps_what_the_gate_and_the_tables_read(batch):
    from nghiquyet.engine.cli.gate import gate_exit

    kept = [compact(d) for d in batch.documents]
    for config in (Config(), Config(fail_under=70), Config(fail_on="warning")):
        assert gate_exit(Report(kept), config, False) == gate_exit(batch, config, False)
    for doc, copy in zip(batch.documents, kept, strict=True):
        assert (copy.path, copy.score, copy.grade, copy.stage, copy.error) == (
            doc.path,
            doc.score,
            doc.grade,
            doc.stage,
            doc.error,
        )
        assert [f.severity for f in copy.findings] == [f.severity for f in doc.findings]
        assert [(c.id, c.score) for c in copy.criteria] == [(c.id, c.score) for c in doc.criteria]


# -- through the command ----------------------------------------------------------------


@pytest.mark.parametrize(
    "fmt", ["json", "sarif", "junit", "html", "text", "csv", "markdown", "concise"]
)
def test_the_command_writes_what_the_whole_report_says(run, inbox, assessor, tmp_path, fmt):
    out = tmp_path / f"bao-cao.{fmt}"
    result = run(inbox, "-f", fmt, "-o", out, "-j", "2")
    assert result.exit_code == 2  # the broken file; the batch went on
    assert "hỏng.docx" in result.stderr and "bao-cao." in result.stderr
    report = Assessor(Config()).assess_paths(sorted(inbox.iterdir()), jobs=1)
    assert out.read_bytes() == whole(fmt, report, assessor.ruleset.rules)
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name, "cache"]  # no .tmp


def test_standard_output_gets_the_same_bytes(run, inbox, tmp_path):
    to_file = tmp_path / "bao-cao.json"
    run(inbox, "-f", "json", "-o", to_file)
    printed = run(inbox, "-f", "json")  # the second run: every draft from the cache
    assert printed.stdout_bytes == to_file.read_bytes()
    assert printed.exit_code == 2


def test_a_missing_output_folder_fails_before_any_draft_is_read(run, inbox, tmp_path):
    result = run(inbox, "-f", "json", "-o", tmp_path / "khong-co" / "bao-cao.json")
    assert result.exit_code == 2
    assert "khong-co" in result.stderr
    assert "hỏng.docx" not in result.stderr  # no draft was assessed
    assert not list((tmp_path / "cache").rglob("*.json"))  # nor cached


def test_a_reader_that_stops_early_ends_the_workers(inbox, tmp_path):
    drafts = tmp_path / "lo"
    drafts.mkdir()
    for n in range(40):  # enough for a pool of two
        shutil.copy(inbox / "strong.md", drafts / f"d{n:02d}.md")
    import multiprocessing

    others = set(multiprocessing.active_children())  # other tests' servers, if any
    reports = Assessor(Config()).iter_paths(sorted(drafts.iterdir()), jobs=2)
    first = next(reports)
    assert first.path.endswith("d00.md") and first.error is None
    assert set(multiprocessing.active_children()) - others  # the pool is up
    reports.close()
    assert not set(multiprocessing.active_children()) - others


def test_a_bad_cache_entry_found_mid_batch_is_assessed_again(inbox, tmp_path):
    from nghiquyet.engine.cache import ResultCache

    def assessor() -> Assessor:
        made = Assessor(Config())
        made.cache = ResultCache.open(made, tmp_path / "cache")
        return made

    drafts = [inbox / "strong.md", inbox / "formalistic.md"]
    first = assessor().assess_paths(drafts, jobs=1)
    for entry in (tmp_path / "cache").rglob("*.json"):
        entry.write_text("{ hỏng", "utf-8")
    again = assessor()
    assert again.assess_paths(drafts, jobs=1).documents == first.documents
    assert again.cache_hits == 0
    third = assessor()
    assert third.assess_paths(drafts, jobs=1).documents == first.documents
    assert third.cache_hits == 2  # rewritten whole


PROBE = """
import sys
from nghiquyet.engine.cli import assess_command
try:
    assess_command(sys.argv[1:])
except SystemExit as stop:
    code = stop.code
print("exit", code, "spacy", "spacy" in sys.modules, file=sys.stderr)
"""


@pytest.mark.parametrize(
    "args", [["-f", "json"], ["-f", "html", "-j", "2"], ["-f", "sarif", "-j", "4"], ["-q"]]
)
def test_an_all_cached_batch_never_imports_spacy(inbox, tmp_path, args):
    """The cache is asked in this process before any worker or the pipeline starts,
    with any --jobs and any format; copies of a draft hit its entry (the key is the
    content and the settings, not the path)."""
    drafts = tmp_path / "lo"
    drafts.mkdir()
    for name in ("strong.md", "formalistic.md", "hỏng.docx"):
        shutil.copy(inbox / name, drafts / name)
    for n in range(10):
        shutil.copy(inbox / "strong.docx", drafts / f"ban-sao-{n}.docx")
    env = {**os.environ, "NGHIQUYET_CACHE_DIR": str(tmp_path / "cache")}

    def probe(*paths: Path) -> str:
        command = [sys.executable, "-c", PROBE, *map(str, paths), *args, "-o", str(tmp_path / "r")]
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
        return done.stderr.strip().splitlines()[-1]

    assert probe(drafts / "strong.md").endswith("spacy True")  # fills one entry
    assert probe(drafts / "formalistic.md", drafts / "ban-sao-0.docx").endswith("spacy True")
    assert probe(drafts) == "exit 2 spacy False"  # the broken file is read, not cached

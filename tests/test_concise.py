"""``--format concise``: one finding a line, ``path:line:col: NQ601 [lỗi] message``.

Run through the installed ``assess`` and ``nghiquyet`` commands on real drafts; the
places are checked against the files themselves (a Markdown paragraph that wraps over
two lines points at its first line) and against the JSON report of the same run.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parent.parent
LINE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>\S+) \[(?P<sev>[^]]+)\] (?P<msg>.+)$"
)
SEVERITIES = {
    "vi": {"error": "lỗi", "warning": "cảnh báo", "info": "gợi ý"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}


def run(
    *args: str, cwd: Path | None = None, command: str = "assess"
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / command), *args, "--jobs", "1", "--no-cache"],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


def parsed(stdout: str) -> list[dict[str, str]]:
    lines = stdout.splitlines()
    matches = [LINE.match(line) for line in lines]
    assert all(matches), [line for line, m in zip(lines, matches, strict=True) if not m]
    return [m.groupdict() for m in matches if m]


def json_findings(path: Path, lang: str = "vi") -> list[dict]:
    result = run(str(path), "--format", "json", "--exit-zero", "--lang", lang)
    (doc,) = json.loads(result.stdout)["documents"]
    return doc["findings"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_finding_is_one_line_in_the_report_language(samples, lang):
    draft = samples / "middling.md"
    result = run(str(draft), "--format", "concise", "--lang", lang, cwd=ROOT)
    assert result.returncode == 1  # the gate is the same whatever the format
    lines = parsed(result.stdout)
    findings = json_findings(draft, lang)
    assert len(lines) == len(findings) > 10
    expected = sorted(
        (f["location"]["line"], f["rule_id"], SEVERITIES[lang][f["severity"]], f["message"])
        for f in findings
    )
    got = sorted((int(x["line"]), x["code"], x["sev"], x["msg"]) for x in lines)
    assert got == expected
    assert {x["path"] for x in lines} == {"samples/middling.md"}  # relative, as given in CI
    assert {x["col"] for x in lines} == {"1"}
    assert [int(x["line"]) for x in lines] == sorted(int(x["line"]) for x in lines)


def test_a_markdown_paragraph_is_found_at_the_line_where_it_starts(samples, tmp_path):
    """Three blank lines on top and the review paragraph wrapped over two lines: the
    findings on that paragraph point at its first line in the file."""
    text = (samples / "middling.md").read_text("utf-8")
    review = "Chi ủy thường xuyên kiểm tra, đôn đốc việc thực hiện"
    assert review in text
    text = "\n\n\n" + text.replace(
        "Chi bộ sơ kết việc thực hiện Nghị quyết vào ngày 29/5/2026.",
        "Chi bộ sơ kết việc thực hiện Nghị quyết\nvào ngày 29/5/2026.",
    )
    draft = tmp_path / "du-thao.md"
    draft.write_text(text, "utf-8")
    file_lines = text.splitlines()
    start = next(n for n, line in enumerate(file_lines, 1) if line.startswith(review))
    assert file_lines[start].startswith("vào ngày 29/5/2026")  # it really wraps
    lines = parsed(run("du-thao.md", "-f", "concise", cwd=tmp_path).stdout)
    on_review = [x for x in lines if x["code"] in ("NQ802", "NQ803")]
    assert on_review and {int(x["line"]) for x in on_review} == {start}
    assert {x["path"] for x in lines} == {"du-thao.md"}
    for x in lines:  # every place is a line that holds text, not a blank one
        assert file_lines[int(x["line"]) - 1].strip()


def test_a_plain_text_draft_gives_its_file_lines(tmp_path):
    source = ROOT / "tests" / "drafts" / "independent" / "htx-rau" / "middling.txt"
    draft = tmp_path / "htx.txt"
    draft.write_bytes(source.read_bytes())
    lines = parsed(run(str(draft), "--format", "CONCISE").stdout)
    findings = json_findings(draft)
    assert sorted(int(x["line"]) for x in lines) == sorted(f["location"]["line"] for f in findings)
    file_lines = source.read_text("utf-8").splitlines()
    # a .txt draft has blank lines between paragraphs: line numbers are not block numbers
    assert any(f["location"]["line"] != f["location"]["block"] for f in findings)
    for x in lines:
        assert file_lines[int(x["line"]) - 1].strip()


def test_a_word_draft_gives_paragraph_numbers(samples):
    draft = samples / "middling.docx"
    result = run("assess", str(draft), "--format", "concise", command="nghiquyet")
    assert result.returncode == 1
    lines = parsed(result.stdout)
    blocks = sorted((f["location"]["block"], f["rule_id"]) for f in json_findings(draft))
    assert sorted((int(x["line"]), x["code"]) for x in lines) == blocks


def test_an_unreadable_draft_is_one_line_with_its_code(samples, tmp_path):
    broken = tmp_path / "hỏng.docx"
    broken.write_bytes(b"this is not a Word file")
    result = run(str(samples / "strong.md"), str(broken), "--format", "concise", "--lang", "en")
    assert result.returncode == 2
    lines = parsed(result.stdout)
    errors = [x for x in lines if x["path"] == str(broken)]
    assert len(errors) == 1
    assert errors[0]["line"] == "1" and errors[0]["sev"] == "error"
    assert errors[0]["code"] and not errors[0]["code"].startswith("NQ")
    assert [x["code"] for x in lines if x["path"] != str(broken)] == ["NQ404"]


def test_no_findings_no_output(samples, tmp_path):
    result = run(str(samples / "strong.md"), "--format", "concise", "--select", "NQ6")
    assert result.returncode == 0 and result.stdout == ""


def test_concise_to_a_file(samples, tmp_path):
    out = tmp_path / "findings.txt"
    result = run(str(samples / "middling.md"), "-f", "concise", "-o", str(out), "--exit-zero")
    assert result.returncode == 0
    assert len(parsed(out.read_text("utf-8"))) == len(json_findings(samples / "middling.md"))


def test_help_names_the_format():
    result = run("--help")
    assert "concise" in result.stdout

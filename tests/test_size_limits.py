"""Ceilings on the text a draft holds: past one, exit 2 with code ``too_large`` and a
message that names the limit, in every format the tool reads, before the analysis.

A real resolution is some 300 paragraphs and 40,000 characters; the files here are
built far past the defaults (or past a low ceiling set in a config file, to keep the
test files small) from real Vietnamese sentences.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import docx
import pytest
from nghiquyet.engine.text_limits import LIMITS

sys.path.insert(0, str(Path(__file__).parent))
import hostile_files as H  # noqa: E402

SENTENCE = "Chi bộ lãnh đạo xóa bốn điểm đổ rác tự phát ven kênh Bảy Xã trước ngày 30/6/2026. "


def _refusal(run, path: Path, *options) -> dict:
    """The JSON entry of ``path`` once refused, checked to be one ``too_large`` line."""
    result = run(path, "--format", "json", "--no-cache", *options)
    assert result.exit_code == 2, result.output
    (entry,) = json.loads(result.stdout)["documents"]
    assert entry["score"] is None and entry["error"]["code"] == "too_large", entry
    assert "Traceback" not in result.stderr and "E088" not in result.output
    return entry["error"]


def _config(tmp_path: Path, **limits: int) -> Path:
    path = tmp_path / "limits.yaml"
    path.write_text("".join(f"{key}: {value}\n" for key, value in limits.items()), "utf-8")
    return path


def test_a_paragraph_of_a_million_characters_is_too_large_not_internal(run, tmp_path):
    # spaCy refuses a text over 1,000,000 characters: this was "internal error ... E088"
    draft = tmp_path / "draft.txt"
    draft.write_text("NGHỊ QUYẾT về xóa điểm đổ rác\n" + SENTENCE * 12_000 + "\n", "utf-8")
    error = _refusal(run, draft)
    assert "max_paragraph_chars" in error["message"] and "đoạn 2" in error["message"]
    error = _refusal(run, draft, "--lang", "en")
    assert "paragraph 2" in error["message"] and "100,000" in error["message"]


def test_a_long_docx_paragraph_is_too_large(run, tmp_path):
    document = docx.Document()
    document.add_paragraph("NGHỊ QUYẾT về xóa điểm đổ rác tự phát")
    document.add_paragraph(SENTENCE * 1_300)  # 110,000 characters
    path = tmp_path / "draft.docx"
    document.save(path)
    assert "max_paragraph_chars" in _refusal(run, path)["message"]


def test_total_characters_are_counted_before_the_text_is_split(run, tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("# NGHỊ QUYẾT về xóa điểm đổ rác\n\n" + (SENTENCE + "\n") * 25_000, "utf-8")
    error = _refusal(run, draft, "--lang", "en")
    assert "max_total_chars" in error["message"] and "2,000,000" in error["message"]


def test_a_markdown_table_of_200000_columns_is_too_large(run, tmp_path):
    # 6.1 GB of memory before this limit
    columns = 200_000
    table = "|" + " a |" * columns + "\n|" + "---|" * columns + "\n"
    draft = tmp_path / "draft.md"
    draft.write_text("# NGHỊ QUYẾT về xóa điểm đổ rác\n\n" + table, "utf-8")
    assert "max_table_cells" in _refusal(run, draft)["message"]


def test_paragraphs_and_cells_have_configurable_ceilings(run, tmp_path):
    document = docx.Document()
    document.add_paragraph("NGHỊ QUYẾT về xóa điểm đổ rác tự phát")
    table = document.add_table(rows=3, cols=3)
    for n, cell in enumerate(table._cells):
        cell.text = f"Tổ {n + 1}"
    path = tmp_path / "draft.docx"
    document.save(path)
    config = _config(tmp_path, max_table_cells=8)
    error = _refusal(run, path, "--config", config, "--lang", "en")
    assert "9 table cells" in error["message"] and "(max_table_cells)" in error["message"]

    odt = tmp_path / "draft.odt"
    H.unicode_odt(odt, [SENTENCE] * 12)
    config = _config(tmp_path, max_paragraphs=10)
    assert "max_paragraphs" in _refusal(run, odt, "--config", config)["message"]
    # and raised, the same file is read
    config = _config(tmp_path, max_paragraphs=100)
    result = run(odt, "--config", config, "--force", "--format", "json", "--exit-zero")
    assert json.loads(result.stdout)["documents"][0]["error"] is None


@pytest.mark.parametrize("key", list(LIMITS))
@pytest.mark.parametrize("value", [0, -5, "nhiều"])
def test_a_limit_must_be_a_positive_whole_number(run, tmp_path, key, value):
    config = _config(tmp_path, **{key: value})
    result = run(tmp_path, "--config", config)
    assert result.exit_code == 2 and key in result.stderr


def test_the_limits_are_documented():
    docs = Path(__file__).resolve().parent.parent / "docs"
    security, errors = (docs / name for name in ("security.md", "errors.md"))
    for key, (default, _, _) in LIMITS.items():
        assert key in security.read_text("utf-8") and key in errors.read_text("utf-8")
        assert f"{default:,}" in security.read_text("utf-8")

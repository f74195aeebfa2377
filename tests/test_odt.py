"""OpenDocument text (.odt): real files saved by LibreOffice read like the .docx they
came from; hand-made packages pin numbering, styles and what is left out; broken and
hostile .odt files get the same clear errors as .docx."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from html import escape
from pathlib import Path

import hostile_files as H
import pytest
from click.testing import CliRunner
from nghiquyet.engine.cli import assess_command
from nghiquyet.engine.config import Config
from nghiquyet.engine.errors import InputError
from nghiquyet.engine.load import expand_paths, load
from nghiquyet.engine.plugin_manager import get_plugin_manager
from nghiquyet.engine.runner import Assessor
from nghiquyet.plugins.docx_loader import read_docx

NS, MIMETYPE = H.ODT_NS, H.ODT_MIMETYPE

STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {NS}>
 <office:font-face-decls>
  <style:font-face style:name="Times New Roman1" svg:font-family="'Times New Roman'"/>
  <style:font-face style:name="VNI-Times" svg:font-family="VNI-Times"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:text-properties style:font-name="Times New Roman1" fo:font-size="14pt"/>
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph"/>
  <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard">
   <style:text-properties fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"
     style:parent-style-name="Heading" style:default-outline-level="1"/>
  <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading">
   <style:paragraph-properties fo:text-align="center"/>
  </style:style>
  <text:outline-style style:name="Outline">
   <text:outline-level-style text:level="1" style:num-format="I" style:num-suffix="."/>
   <text:outline-level-style text:level="2" style:num-format="1" style:num-suffix="."
      text:display-levels="2"/>
  </text:outline-style>
  <text:list-style style:name="Numbers">
   <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>
   <text:list-level-style-number text:level="2" style:num-format="a" style:num-suffix=")"/>
  </text:list-style>
  <text:list-style style:name="Roman">
   <text:list-level-style-number text:level="1" style:num-format="i" style:num-prefix="("
      style:num-suffix=")" text:start-value="3"/>
  </text:list-style>
  <text:list-style style:name="Dashes">
   <text:list-level-style-bullet text:level="1" text:bullet-char="-"/>
  </text:list-style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"/>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1"/>
 </office:master-styles>
</office:document-styles>
"""

AUTOMATIC = """
 <office:automatic-styles>
  <style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="center"/>
  </style:style>
  <style:style style:name="T1" style:family="text">
   <style:text-properties fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="T2" style:family="text">
   <style:text-properties style:font-name="VNI-Times"/>
  </style:style>
  <style:style style:name="T3" style:family="text">
   <style:text-properties fo:font-style="italic" style:text-underline-style="solid"/>
  </style:style>
 </office:automatic-styles>"""


def odt_bytes(body: str, styles: str = STYLES, manifest: str = H.ODT_MANIFEST) -> bytes:
    return H.odt_bytes(body, styles=styles, manifest=manifest, automatic=AUTOMATIC)


def write_odt(path: Path, body: str, **kwargs) -> Path:
    path.write_bytes(odt_bytes(body, **kwargs))
    return path


def texts(path: Path) -> list[str]:
    return [b.text for b in load(path, Config(), get_plugin_manager()).blocks]


# -- real files from LibreOffice ------------------------------------------------------


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        if os.environ.get("CI") == "true":
            pytest.fail("CI installs LibreOffice (libreoffice-writer-nogui); soffice is missing")
        pytest.skip("LibreOffice is not installed here (CI installs it)")
    return found


@pytest.fixture(scope="module")
def saved_by_libreoffice(tmp_path_factory, samples) -> Path:
    """The three samples, opened in LibreOffice Writer and saved as .odt."""
    folder = tmp_path_factory.mktemp("odt")
    subprocess.run(
        [
            _soffice(),
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "odt",
            "--outdir",
            str(folder),
            *(str(samples / f"{name}.docx") for name in ("strong", "middling", "formalistic")),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(folder)},
    )
    return folder


BLOCK_FIELDS = [
    "text",
    "kind",
    "heading_level",
    "bold",
    "italic",
    "underline",
    "centered",
    "right_aligned",
    "font",
    "size_pt",
    "table",
    "row",
    "col",
]


@pytest.mark.parametrize("name", ["strong", "middling", "formalistic"])
def test_libreoffice_odt_reads_like_its_docx(saved_by_libreoffice, samples, name):
    docx_path = samples / f"{name}.docx"
    from_docx = read_docx(docx_path, docx_path.read_bytes())
    from_odt = load(saved_by_libreoffice / f"{name}.odt", Config(), get_plugin_manager())
    assert from_odt.format == "odt"
    assert len(from_odt.blocks) == len(from_docx.blocks)
    for odt_block, docx_block in zip(from_odt.blocks, from_docx.blocks, strict=True):
        for name_ in BLOCK_FIELDS:
            assert getattr(odt_block, name_) == getattr(docx_block, name_), (
                name_,
                odt_block.text,
            )
    assert from_odt.meta["page_mm"] == from_docx.meta["page_mm"] == (210, 297)


@pytest.mark.parametrize("name", ["strong", "middling", "formalistic"])
def test_libreoffice_odt_scores_like_its_docx(saved_by_libreoffice, samples, name):
    assessor = Assessor(Config())
    odt = assessor.assess_path(saved_by_libreoffice / f"{name}.odt")
    docx = assessor.assess_path(samples / f"{name}.docx")
    assert odt.error is None
    assert [(c.id, c.score) for c in odt.criteria] == [(c.id, c.score) for c in docx.criteria]
    assert [f.rule_id for f in odt.findings] == [f.rule_id for f in docx.findings]


def test_a_folder_batch_includes_odt(saved_by_libreoffice, tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    shutil.copy(saved_by_libreoffice / "middling.odt", drafts / "chi-bo-a.odt")
    (drafts / "~$chi-bo-a.odt").write_bytes(b"lock")  # LibreOffice's lock is .~lock, Word's ~$
    assert [p.name for p in expand_paths([drafts])] == ["chi-bo-a.odt"]
    result = CliRunner().invoke(
        assess_command, [str(drafts), "--quiet", "--jobs", "1", "--no-cache", "--exit-zero"]
    )
    assert result.exit_code == 0 and "chi-bo-a.odt:" in result.output


# -- hand-made packages: what the reader must get right ---------------------------------


def test_lists_render_their_numbers_and_continue_across_interruptions(tmp_path):
    body = """
    <text:list text:style-name="Numbers" xml:id="L1">
      <text:list-item><text:p>Giảm 30% số hộ đổ rác ra kênh.</text:p>
        <text:list>
          <text:list-item><text:p>Xóm 1 và xóm 2;</text:p></text:list-item>
          <text:list-item><text:p>Xóm 3.</text:p></text:list-item>
        </text:list>
      </text:list-item>
      <text:list-item><text:p>Đặt 6 điểm tập kết rác.</text:p></text:list-item>
    </text:list>
    <text:p>Đoạn xen giữa hai phần của danh sách.</text:p>
    <text:list text:style-name="Numbers" text:continue-numbering="true">
      <text:list-header><text:p>Tiêu đề không đánh số</text:p></text:list-header>
      <text:list-item><text:p>Thu phí vệ sinh 100% số hộ.</text:p></text:list-item>
    </text:list>
    <text:list text:style-name="Numbers">
      <text:list-item><text:p>Danh sách mới bắt đầu lại.</text:p></text:list-item>
    </text:list>
    <text:list text:style-name="Roman">
      <text:list-item><text:p>Khởi đầu từ ba.</text:p></text:list-item>
      <text:list-item text:start-value="7"><text:p>Đặt lại thành bảy.</text:p></text:list-item>
    </text:list>
    <text:list text:style-name="Dashes">
      <text:list-item><text:p>Gạch đầu dòng.</text:p></text:list-item>
    </text:list>"""
    document = load(write_odt(tmp_path / "lists.odt", body), Config(), get_plugin_manager())
    assert [b.text for b in document.blocks] == [
        "1. Giảm 30% số hộ đổ rác ra kênh.",
        "a) Xóm 1 và xóm 2;",
        "b) Xóm 3.",
        "2. Đặt 6 điểm tập kết rác.",
        "Đoạn xen giữa hai phần của danh sách.",
        "Tiêu đề không đánh số",
        "3. Thu phí vệ sinh 100% số hộ.",
        "1. Danh sách mới bắt đầu lại.",
        "(iii) Khởi đầu từ ba.",
        "(vii) Đặt lại thành bảy.",
        "Gạch đầu dòng.",
    ]
    kinds = [b.kind for b in document.blocks]
    assert kinds[4] == "paragraph" and kinds.count("list_item") == 10


def test_headings_take_their_outline_numbers_and_levels(tmp_path):
    body = """
    <text:p text:style-name="Title">NGHỊ QUYẾT</text:p>
    <text:h text:outline-level="1">TÌNH HÌNH</text:h>
    <text:h text:outline-level="2">Kết quả</text:h>
    <text:h text:outline-level="2">Hạn chế</text:h>
    <text:h text:outline-level="1">MỤC TIÊU</text:h>
    <text:h text:outline-level="2">Chỉ tiêu</text:h>
    <text:p text:style-name="Heading_20_1">Đề mục theo kiểu đoạn</text:p>"""
    document = load(write_odt(tmp_path / "h.odt", body), Config(), get_plugin_manager())
    assert [(b.text, b.kind, b.heading_level) for b in document.blocks] == [
        ("NGHỊ QUYẾT", "heading", 1),
        ("I. TÌNH HÌNH", "heading", 1),
        ("I.1. Kết quả", "heading", 2),
        ("I.2. Hạn chế", "heading", 2),
        ("II. MỤC TIÊU", "heading", 1),
        ("II.1. Chỉ tiêu", "heading", 2),
        ("Đề mục theo kiểu đoạn", "heading", 1),
    ]
    title = document.blocks[0]
    assert title.bold and title.centered  # from the Title style and its parent


def test_styles_spaces_and_what_is_left_out(tmp_path):
    body = """
    <text:p text:style-name="P1"><text:span text:style-name="T1">ĐẢNG  BỘ</text:span><text:s text:c="3"/>XÃ<text:tab/>HÒA<text:line-break/>THẠNH</text:p>
    <text:p>Chi bộ<text:note text:note-class="footnote"><text:note-body><text:p>chú thích</text:p></text:note-body></text:note> thôn<office:annotation><text:p>nhận xét của người đọc</text:p></office:annotation> Phú An<draw:frame><draw:text-box><text:p>hộp chữ</text:p></draw:text-box></draw:frame>.</text:p>
    <text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>đoạn đã xóa</text:p></text:deletion></text:changed-region></text:tracked-changes>
    <text:p>Giữ <text:change-start text:change-id="c2"/>phần thêm<text:change-end text:change-id="c2"/> vào<text:change text:change-id="c1"/>.</text:p>
    <text:p><text:span text:style-name="T3">Nơi nhận:</text:span></text:p>
    <text:p><text:span text:style-name="T2">Nghò quyeá</text:span><text:span text:style-name="T2">t</text:span></text:p>"""
    document = load(write_odt(tmp_path / "s.odt", body), Config(), get_plugin_manager())
    blocks = document.blocks
    assert [b.text for b in blocks] == [
        "ĐẢNG BỘ XÃ HÒA THẠNH",
        "Chi bộ thôn Phú An.",
        "Giữ phần thêm vào.",
        "Nơi nhận:",
        "Nghị quyết",
    ]
    header = blocks[0]
    assert header.centered and header.font == "Times New Roman" and header.size_pt == 14
    assert blocks[3].italic and blocks[3].underline and not blocks[3].bold
    assert blocks[4].font == "VNI-Times"
    assert any("VNI" in note["en"] for note in document.notes)
    assert document.meta["page_mm"] == (210, 297)


def test_tables_give_cell_coordinates_and_skip_covered_cells(tmp_path):
    body = """
    <table:table table:name="T1">
      <table:table-column table:number-columns-repeated="3"/>
      <table:table-header-rows><table:table-row>
        <table:table-cell><text:p>Nhiệm vụ</text:p></table:table-cell>
        <table:table-cell table:number-columns-spanned="2"><text:p>Người chủ trì</text:p></table:table-cell>
        <table:covered-table-cell/>
      </table:table-row></table:table-header-rows>
      <table:table-row>
        <table:table-cell><text:p>Đặt 6 điểm tập kết</text:p></table:table-cell>
        <table:table-cell><text:p>Đồng chí Lê Văn Tâm</text:p></table:table-cell>
        <table:table-cell><text:p>30/4/2026</text:p></table:table-cell>
      </table:table-row>
    </table:table>"""
    document = load(write_odt(tmp_path / "t.odt", body), Config(), get_plugin_manager())
    assert [(b.text, b.kind, b.table, b.row, b.col) for b in document.blocks] == [
        ("Nhiệm vụ", "table_cell", 1, 0, 0),
        ("Người chủ trì", "table_cell", 1, 0, 1),
        ("Đặt 6 điểm tập kết", "table_cell", 1, 1, 0),
        ("Đồng chí Lê Văn Tâm", "table_cell", 1, 1, 1),
        ("30/4/2026", "table_cell", 1, 1, 2),
    ]


def test_font_rule_applies_to_odt(tmp_path, samples):
    """The same paragraphs in Times New Roman and in Arial: only the Arial one is told
    to change its font (a .md or .txt is never checked: it has no font)."""
    strong = samples / "strong.docx"
    body = "".join(
        f"<text:p>{escape(b.text)}</text:p>" for b in read_docx(strong, strong.read_bytes()).blocks
    )
    arial = STYLES.replace("svg:font-family=\"'Times New Roman'\"", 'svg:font-family="Arial"')
    assessor = Assessor(Config())
    times = assessor.assess_path(write_odt(tmp_path / "times.odt", body))
    other = assessor.assess_path(write_odt(tmp_path / "arial.odt", body, styles=arial))
    assert times.error is None and other.error is None
    assert not any(f.rule == "docx-font-size" for f in times.findings)
    assert any(f.rule == "docx-font-size" and "Arial" in f.message["vi"] for f in other.findings)


# -- broken and hostile .odt -----------------------------------------------------------


def _error(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        load(path, Config(), get_plugin_manager())
    return caught.value


def test_text_renamed_odt_is_not_odt(tmp_path):
    path = tmp_path / "ban.odt"
    path.write_text("Nghị quyết chi bộ", "utf-8")
    error = _error(path)
    assert error.code == "not_odt" and "OpenDocument" in error.message["en"]


def test_spreadsheet_renamed_odt_is_refused(tmp_path):
    path = tmp_path / "bang.odt"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", f"<office:document-content {NS}/>")
    error = _error(path)
    assert error.code == "not_odt" and "spreadsheet" in error.message["en"]


def test_password_protected_odt(tmp_path):
    manifest = (
        f'<?xml version="1.0"?><manifest:manifest {NS}>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
        '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/>'
        "</manifest:file-entry></manifest:manifest>"
    )
    path = write_odt(tmp_path / "mat-khau.odt", "<text:p>x</text:p>", manifest=manifest)
    error = _error(path)
    assert error.code == "encrypted" and "LibreOffice" in error.message["en"]


def test_truncated_odt_is_corrupt(tmp_path):
    whole = odt_bytes("<text:p>Nghị quyết</text:p>" * 200)
    path = tmp_path / "cut.odt"
    path.write_bytes(whole[: len(whole) // 2])
    assert _error(path).code == "corrupt"


def test_zip_bomb_odt(tmp_path):
    honest = H.zip_bomb(tmp_path / "bomb.odt", part="content.xml")
    assert _error(honest).code == "archive_limit"
    # a header that understates the size: zipfile stops at the declared size and the
    # CRC fails, as for .docx (the 1 GiB behind it is never inflated)
    lying = H.zip_bomb(tmp_path / "lie.odt", declared=1000, part="content.xml")
    assert _error(lying).code == "corrupt"


def test_xxe_and_entities_in_content_are_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("MẬT", "utf-8")
    xxe = (
        f'<?xml version="1.0"?><!DOCTYPE office:document-content '
        f'[<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
        f"<office:document-content {NS}><office:body><office:text>"
        "<text:p>&xxe;</text:p></office:text></office:body></office:document-content>"
    )
    path = tmp_path / "xxe.odt"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", MIMETYPE)
        z.writestr("content.xml", xxe)
    error = _error(path)
    assert error.code == "hostile_xml" and "MẬT" not in str(error.message)


def test_cli_error_line_and_exit_2(tmp_path):
    path = tmp_path / "ban.odt"
    path.write_text("không phải gói", "utf-8")
    result = CliRunner().invoke(assess_command, [str(path), "--no-cache"])
    assert result.exit_code == 2
    assert "ban.odt" in result.stderr and "Traceback" not in result.output


def test_annotate_says_how_to_get_a_docx_from_an_odt(tmp_path, samples):
    path = write_odt(tmp_path / "ban.odt", "<text:p>NGHỊ QUYẾT</text:p>")
    result = CliRunner().invoke(
        assess_command, [str(path), "--annotate", str(tmp_path / "out.docx"), "--no-cache"]
    )
    assert result.exit_code == 2
    assert "hãy lưu tệp .odt thành .docx" in result.stderr
    assert not (tmp_path / "out.docx").exists()

"""Loaders: real .docx files made with python-docx, Markdown and plain text."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from docx import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.shared import Pt
from nghiquyet.engine.config import Config
from nghiquyet.engine.errors import InputError
from nghiquyet.engine.load import expand_paths, load
from nghiquyet.engine.plugin_manager import get_plugin_manager

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _load(path: Path):
    return load(path, Config(), get_plugin_manager())


@pytest.fixture
def word_draft(tmp_path) -> Path:
    """A small draft the way Word users lay it out: borderless two-column header table,
    centred bold title, Word-numbered list, body text, signature table."""
    doc = WordDocument()
    header = doc.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "ĐẢNG BỘ XÃ TÂN PHÚ"
    header.cell(0, 1).text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    header.cell(1, 0).text = "CHI BỘ THÔN PHÚ AN"
    date = header.cell(1, 1).paragraphs[0].add_run("Tân Phú, ngày 05 tháng 3 năm 2026")
    date.italic = True
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run("NGHỊ QUYẾT")
    run.bold = True
    run.font.name = "Times New Roman"
    run.font.size = Pt(14)
    doc.add_paragraph("về thu gom rác thải ở thôn Phú An")
    doc.add_paragraph("Mở 3 điểm tập kết rác ở xóm 2 trong tháng 4/2026.", style="List Number")
    doc.add_paragraph("Vận động 120 hộ ký cam kết trước ngày 30/4/2026.", style="List Number")
    doc.add_paragraph("Phát tờ rơi cho các hộ.", style="List Bullet")
    doc.add_paragraph("")  # empty paragraphs are not blocks
    sign = doc.add_table(rows=1, cols=2)
    sign.cell(0, 0).text = "Nơi nhận:"
    sign.cell(0, 1).text = "T/M CHI BỘ"
    sign.cell(0, 1).add_paragraph("BÍ THƯ")
    path = tmp_path / "du-thao.docx"
    doc.save(path)
    return path


def test_docx_blocks_in_document_order_with_tables(word_draft):
    document = _load(word_draft)
    texts = [b.text for b in document.blocks]
    assert texts[:4] == [
        "ĐẢNG BỘ XÃ TÂN PHÚ",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "CHI BỘ THÔN PHÚ AN",
        "Tân Phú, ngày 05 tháng 3 năm 2026",
    ]
    assert texts[4] == "NGHỊ QUYẾT"
    assert texts[-3:] == ["Nơi nhận:", "T/M CHI BỘ", "BÍ THƯ"]
    assert [b.index for b in document.blocks] == list(range(1, len(texts) + 1))
    header = document.blocks[1]
    assert (header.table, header.row, header.col, header.kind) == (1, 0, 1, "table_cell")
    sign = document.blocks[-1]
    assert (sign.table, sign.row, sign.col) == (2, 0, 1)


def test_docx_style_hints(word_draft):
    blocks = {b.text: b for b in _load(word_draft).blocks}
    title = blocks["NGHỊ QUYẾT"]
    assert title.bold and title.centered and title.font == "Times New Roman" and title.size_pt == 14
    assert blocks["Tân Phú, ngày 05 tháng 3 năm 2026"].italic
    assert not blocks["về thu gom rác thải ở thôn Phú An"].bold


def test_docx_run_properties_are_resolved_per_style(tmp_path):
    # a run's properties are resolved once per paragraph style and kept with the
    # template's styles: the same plain run is bold in a heading and not in the body,
    # a run that switches bold off is not bold in either, in this draft and the next
    def draft(name: str, words: str) -> Path:
        doc = WordDocument()
        doc.add_heading(f"I. TÌNH HÌNH {words}", level=1)
        doc.add_paragraph(f"Chi bộ có 42 đảng viên {words}.")
        heading = doc.add_heading(level=1)
        heading.add_run(f"II. MỤC TIÊU {words}").bold = False
        body = doc.add_paragraph()
        body.add_run(f"Hoàn thành trước 30/4/2026 {words}").font.size = Pt(13)
        path = tmp_path / name
        doc.save(path)
        return path

    for path in (draft("a.docx", "thôn Phú An"), draft("b.docx", "xóm Bãi"), tmp_path / "a.docx"):
        blocks = _load(path).blocks
        assert [b.bold for b in blocks] == [True, False, False, False], path
        assert blocks[0].heading_level == 1 and blocks[3].size_pt == 13


def test_docx_styles_found_by_their_stored_entry_are_still_checked(word_draft, tmp_path):
    # styles.xml stored as in a draft read before is not inflated again; one whose
    # stored CRC or bytes differ is read, and refused when it is corrupt, as before
    import struct
    import zipfile

    from nghiquyet.plugins.docx_loader import read_docx

    data = word_draft.read_bytes()
    first = read_docx(word_draft, data)
    again = read_docx(tmp_path / "again.docx", data)
    assert [(b.text, b.bold, b.font) for b in again.blocks] == [
        (b.text, b.bold, b.font) for b in first.blocks
    ]
    with zipfile.ZipFile(word_draft) as package:
        info = package.getinfo("word/styles.xml")
    central = data.find(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(info.filename)] != info.filename.encode():
        central = data.find(b"PK\x01\x02", central + 4)
    bad_crc = bytearray(data)
    struct.pack_into("<I", bad_crc, central + 16, info.CRC ^ 1)
    flipped = bytearray(data)
    name_length, extra_length = struct.unpack_from("<HH", data, info.header_offset + 26)
    start = info.header_offset + 30 + name_length + extra_length
    flipped[start + info.compress_size // 2] ^= 0xFF
    for name, broken in (("crc.docx", bad_crc), ("bytes.docx", flipped)):
        with pytest.raises(InputError) as caught:
            read_docx(tmp_path / name, bytes(broken))
        assert caught.value.code == "corrupt", name


def test_docx_word_numbering_is_kept_in_text(word_draft):
    texts = [b.text for b in _load(word_draft).blocks]
    assert "1. Mở 3 điểm tập kết rác ở xóm 2 trong tháng 4/2026." in texts
    assert "2. Vận động 120 hộ ký cam kết trước ngày 30/4/2026." in texts
    bullet = next(b for b in _load(word_draft).blocks if b.text.startswith("Phát tờ rơi"))
    assert bullet.kind == "list_item"


def test_docx_roman_and_letter_numbering(tmp_path):
    doc = WordDocument()
    numbering = doc.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {W_NS} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>'
            "</w:abstractNum>"
        ),
    )
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for text, level in [
        ("TÌNH HÌNH", 0),
        ("Kết quả", 1),
        ("Hạn chế", 1),
        ("MỤC TIÊU", 0),
        ("Chỉ tiêu", 1),
    ]:
        p = doc.add_paragraph(text)
        p._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
        )
    path = tmp_path / "so-la-ma.docx"
    doc.save(path)
    assert [b.text for b in _load(path).blocks] == [
        "I. TÌNH HÌNH",
        "a) Kết quả",
        "b) Hạn chế",
        "II. MỤC TIÊU",
        "a) Chỉ tiêu",
    ]


def test_docx_tracked_changes_are_accepted(tmp_path):
    doc = WordDocument()
    p = doc.add_paragraph("Hoàn thành trước ngày ")
    p._p.append(
        parse_xml(
            f'<w:del {W_NS} w:id="1" w:author="Bí thư"><w:r><w:delText>30/4/2026</w:delText></w:r></w:del>'
        )
    )
    p._p.append(
        parse_xml(
            f'<w:ins {W_NS} w:id="2" w:author="Bí thư"><w:r><w:t>15/5/2026</w:t></w:r></w:ins>'
        )
    )
    path = tmp_path / "sua.docx"
    doc.save(path)
    assert _load(path).blocks[0].text == "Hoàn thành trước ngày 15/5/2026"


def test_docx_nested_table_and_heading_style(tmp_path):
    doc = WordDocument()
    doc.add_heading("I. TÌNH HÌNH, THỰC TRẠNG", level=1)
    outer = doc.add_table(rows=1, cols=1)
    inner = outer.cell(0, 0).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "Chỉ tiêu"
    inner.cell(0, 1).text = "95%"
    path = tmp_path / "bang.docx"
    doc.save(path)
    blocks = _load(path).blocks
    assert blocks[0].kind == "heading" and blocks[0].heading_level == 1
    assert [b.text for b in blocks[1:]] == ["Chỉ tiêu", "95%"]
    assert blocks[2].table == 2 and blocks[2].col == 1


def test_docx_text_is_nfc(tmp_path):
    doc = WordDocument()
    doc.add_paragraph("Nghi\u0323 quye\u0302\u0301t")  # decomposed, as some converters write it
    path = tmp_path / "nfd.docx"
    doc.save(path)
    assert _load(path).blocks[0].text == "Nghị quyết"


def test_docx_input_is_not_modified(word_draft):
    before = word_draft.read_bytes()
    _load(word_draft)
    assert word_draft.read_bytes() == before


MARKDOWN = """\
| ĐẢNG BỘ XÃ TÂN PHÚ | ĐẢNG CỘNG SẢN VIỆT NAM |
|---|---|
| **CHI BỘ THÔN PHÚ AN** | *Tân Phú, ngày 05 tháng 3 năm 2026* |

# NGHỊ QUYẾT

**về thu gom rác thải ở thôn Phú An**

## I. TÌNH HÌNH

Thôn có 412 hộ,
mới 97 hộ phân loại rác.

- Nguyên nhân chủ quan: đảng viên chưa gương mẫu.
1. Mở 3 điểm tập kết.

| Nơi nhận:<br>- Đảng ủy xã;<br>- Lưu. | T/M CHI BỘ<br>BÍ THƯ |
|---|---|
"""


def test_markdown_blocks(tmp_path):
    path = tmp_path / "du-thao.md"
    path.write_text(MARKDOWN, "utf-8")
    blocks = _load(path).blocks
    by_text = {b.text: b for b in blocks}
    assert by_text["CHI BỘ THÔN PHÚ AN"].bold and by_text["CHI BỘ THÔN PHÚ AN"].table == 1
    assert by_text["Tân Phú, ngày 05 tháng 3 năm 2026"].italic
    assert by_text["NGHỊ QUYẾT"].kind == "heading"
    assert by_text["về thu gom rác thải ở thôn Phú An"].bold
    assert (
        by_text["Thôn có 412 hộ, mới 97 hộ phân loại rác."].line == 11
    )  # lines joined, first line kept
    assert by_text["Nguyên nhân chủ quan: đảng viên chưa gương mẫu."].kind == "list_item"
    assert "1. Mở 3 điểm tập kết." in by_text
    assert [b.text for b in blocks if b.table == 2] == [
        "Nơi nhận:",
        "- Đảng ủy xã;",
        "- Lưu.",
        "T/M CHI BỘ",
        "BÍ THƯ",
    ]


@pytest.mark.parametrize(
    "encoding, prefix",
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
    ],
)
def test_plain_text_encodings(tmp_path, encoding, prefix):
    text = (
        "NGHỊ QUYẾT\nvề phòng chống sốt xuất huyết ở ấp Mỹ Hòa\n\nĐồng chí Lê Thị Thu Hà chủ trì.\n"
    )
    path = tmp_path / "ban.txt"
    path.write_bytes(prefix + text.encode(encoding))
    blocks = _load(path).blocks
    assert [b.text for b in blocks] == [
        "NGHỊ QUYẾT",
        "về phòng chống sốt xuất huyết ở ấp Mỹ Hòa",
        "Đồng chí Lê Thị Thu Hà chủ trì.",
    ]
    assert blocks[2].line == 4


def test_unknown_extension_is_a_clear_error(tmp_path):
    path = tmp_path / "ban.pages"
    path.write_bytes(b"data")
    with pytest.raises(InputError) as info:
        _load(path)
    assert info.value.code == "unsupported"
    assert ".pages" in info.value.message["vi"] and ".docx" in info.value.message["en"]


def test_expand_paths_recurses_sorted_and_skips_word_lock_files(tmp_path, word_draft):
    folder = tmp_path / "chi-bo"
    (folder / "2026").mkdir(parents=True)
    (folder / "b.md").write_text("x", "utf-8")
    (folder / "2026" / "a.docx").write_bytes(word_draft.read_bytes())
    (folder / "~$a.docx").write_bytes(b"lock")
    (folder / "ghi-chu.pdf").write_bytes(b"%PDF")
    found = expand_paths([folder])
    assert [p.relative_to(folder).as_posix() for p in found] == ["2026/a.docx", "b.md"]


def test_sample_docx_and_markdown_carry_the_same_text(samples):
    for name in ("strong", "middling", "formalistic"):
        md = [b.text for b in _load(samples / f"{name}.md").blocks]
        docx = [b.text for b in _load(samples / f"{name}.docx").blocks]
        assert md == docx, name


def test_copy_of_blocks_is_independent(samples):
    document = _load(samples / "strong.md")
    clone = copy.deepcopy(document)
    clone.blocks[0].text = "khác"
    assert document.blocks[0].text != "khác"


HARD_BREAK = "  "  # two trailing spaces: a CommonMark hard line break

HEADER_AS_LINES = f"""\
ĐẢNG BỘ XÃ TÂN PHÚ
**CHI BỘ THÔN PHÚ AN**
\\*
Số 03-NQ/CB

**ĐẢNG CỘNG SẢN VIỆT NAM**
*Tân Phú, ngày 05 tháng 3 năm 2026*

**NGHỊ QUYẾT**
**về thu gom rác thải ở thôn Phú An, năm 2026**

Năm 2025, thôn có 412 hộ nhưng mới 97 hộ phân loại rác tại nguồn; rác đổ ven kênh
Bảy Xã ở 4 điểm, người dân phản ánh nhiều lần tại các cuộc họp thôn. Chi bộ chọn
việc này làm chủ đề vì đây là vấn đề bức xúc nhất của thôn trong năm qua.

Dòng này kết thúc bằng ngắt dòng cứng của Markdown (hai dấu cách){HARD_BREAK}
Dòng sau ngắt dòng cứng.

T/M CHI BỘ
BÍ THƯ
Lê Văn Tâm
"""


def test_markdown_lines_typed_as_lines_stay_lines(tmp_path):
    """Header, title and signature typed on consecutive lines are separate lines, as in
    Word; a long line that wraps is joined to the next, as CommonMark does."""
    path = tmp_path / "du-thao.md"
    path.write_text(HEADER_AS_LINES, "utf-8")
    assert [b.text for b in _load(path).blocks] == [
        "ĐẢNG BỘ XÃ TÂN PHÚ",
        "CHI BỘ THÔN PHÚ AN",
        "*",
        "Số 03-NQ/CB",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Tân Phú, ngày 05 tháng 3 năm 2026",
        "NGHỊ QUYẾT",
        "về thu gom rác thải ở thôn Phú An, năm 2026",
        "Năm 2025, thôn có 412 hộ nhưng mới 97 hộ phân loại rác tại nguồn; rác đổ ven kênh "
        "Bảy Xã ở 4 điểm, người dân phản ánh nhiều lần tại các cuộc họp thôn. Chi bộ chọn "
        "việc này làm chủ đề vì đây là vấn đề bức xúc nhất của thôn trong năm qua.",
        "Dòng này kết thúc bằng ngắt dòng cứng của Markdown (hai dấu cách)",
        "Dòng sau ngắt dòng cứng.",
        "T/M CHI BỘ",
        "BÍ THƯ",
        "Lê Văn Tâm",
    ]


def test_run_in_headings_in_markdown_and_word(tmp_path):
    """Emphasised words that open a paragraph and end in "." or ":" are a run-in
    heading; a bold name that opens a sentence is not."""
    md = tmp_path / "du-thao.md"
    md.write_text(
        "**Tình hình.** Hợp tác xã có 64 thành viên, 118 ao nuôi trên 74 ha.\n\n"
        "*Mục tiêu*: đến ngày 31/12/2027, tỷ lệ ao nhiễm bệnh dưới 15%.\n\n"
        "**Đồng chí Trần Văn Lũy** chủ trì ký hợp đồng trước ngày 28/02/2027.\n\n"
        "**NGHỊ QUYẾT**\n",
        "utf-8",
    )
    assert [b.run_in for b in _load(md).blocks] == ["Tình hình.", "Mục tiêu:", None, None]

    word = WordDocument()
    lead = word.add_paragraph()
    lead.add_run("Tình hình.").bold = True
    lead.add_run(" Hợp tác xã có 64 thành viên, 118 ao nuôi trên 74 ha.")
    word.add_paragraph().add_run("NGHỊ QUYẾT").bold = True  # all bold: a heading
    name = word.add_paragraph()
    name.add_run("Đồng chí Trần Văn Lũy").bold = True
    name.add_run(" chủ trì ký hợp đồng trước ngày 28/02/2027.")
    path = tmp_path / "du-thao.docx"
    word.save(path)
    assert [b.run_in for b in _load(path).blocks] == ["Tình hình.", None, None]


def test_inline_html_in_markdown_is_read_as_the_drafter_meant():
    """Drafters type HTML into Markdown for centring and line breaks: the title and
    the header lines stay lines of their own, emphasis stays, the tags go, and each
    line keeps the file line it came from."""
    text = (
        '<div align="right"><b><u>ĐẢNG CỘNG SẢN VIỆT NAM</u></b><br><i>Nam Sơn, ngày 16 '
        "tháng 4 năm 2026</i><br><br><b>DỰ THẢO</b></div>\n\n"
        '<p align="center"><b>NGHỊ QUYẾT<br>về xóa 6 điểm bến cóc quanh Bến xe Nam Sơn</b></p>\n'
    )
    from nghiquyet.plugins.text_loader import parse_markdown

    blocks = parse_markdown(text, "d.md").blocks
    assert [(b.text, b.bold, b.italic, b.line) for b in blocks] == [
        ("ĐẢNG CỘNG SẢN VIỆT NAM", True, False, 1),
        ("Nam Sơn, ngày 16 tháng 4 năm 2026", False, True, 1),
        ("DỰ THẢO", True, False, 1),
        ("NGHỊ QUYẾT", True, False, 3),
        ("về xóa 6 điểm bến cóc quanh Bến xe Nam Sơn", True, False, 3),
    ]


def test_an_html_table_in_markdown_is_read_line_by_line():
    """A signature block typed as an HTML table keeps its lines apart."""
    from nghiquyet.plugins.text_loader import parse_markdown

    text = (
        "<table><tr>\n<td><b>Nơi nhận:</b><br>- Đảng ủy xã (b/c),<br>- Lưu.</td>\n"
        '<td align="center"><b>T/M CHI BỘ<br>BÍ THƯ</b><br><br><b>Đỗ Văn Hanh</b></td>\n'
        "</tr></table>\n"
    )
    texts = [b.text for b in parse_markdown(text, "d.md").blocks]
    assert texts == [
        "Nơi nhận:",
        "Đảng ủy xã (b/c),",
        "Lưu.",
        "T/M CHI BỘ",
        "BÍ THƯ",
        "Đỗ Văn Hanh",
    ]


def test_a_pipe_table_aligned_with_short_dashes_is_a_table():
    """GitHub reads ``|:--:|-|`` as the line under a table's header; so do we."""
    from nghiquyet.plugins.text_loader import parse_markdown

    text = "| TT | Nội dung |\n|:--:|-|\n| 1 | Nạo vét 1.050 m kênh trước 30/4/2026 |\n"
    cells = [(b.kind, b.row, b.col, b.text) for b in parse_markdown(text, "d.md").blocks]
    assert cells[-1] == ("table_cell", 1, 1, "Nạo vét 1.050 m kênh trước 30/4/2026")


def test_a_paragraph_of_one_run_has_no_run_in_label_and_takes_its_runs_style():
    from nghiquyet.plugins.office import RunCollector

    alone = RunCollector()
    alone.add("Tình hình.", "Times New Roman", bold=True, size=13)
    assert alone.run_in() is None
    assert (alone.style()["font"], alone.style()["size_pt"], alone.style()["bold"]) == (
        "Times New Roman",
        13,
        True,
    )
    labelled = RunCollector()
    labelled.add("Tình hình.", "Times New Roman", bold=True, size=13)
    labelled.add(" Hợp tác xã có 64 thành viên, 12 hộ nợ vốn.", "Arial", size=14)
    assert labelled.run_in() == "Tình hình."
    assert (labelled.style()["font"], labelled.style()["size_pt"]) == ("Arial", 14)


def test_first_child_is_what_find_gives_on_every_element_we_hold():
    # the loader asks for a paragraph's and a run's properties with first_child
    # (iterchildren, filtered in C) instead of find (a path read in Python)
    import zipfile

    from lxml import etree
    from nghiquyet.plugins.docx_styles import W, first_child

    root = Path(__file__).resolve().parent.parent
    tags = [W + t for t in ("pPr", "pStyle", "jc", "rPr", "numPr", "numId", "ilvl")]
    drafts = sorted((root / "samples").glob("*.docx")) + sorted(
        (root / "tests" / "drafts").rglob("*.docx")
    )
    asked = 0
    for path in drafts[:40]:
        with zipfile.ZipFile(path) as package:
            body = etree.fromstring(package.read("word/document.xml"))
        for element in body.iter(W + "p", W + "r", W + "pPr", W + "numPr"):
            for tag in tags:
                assert first_child(element, tag) is element.find(tag)
                asked += 1
    assert asked > 10_000

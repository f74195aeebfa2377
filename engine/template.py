"""``nghiquyet template``: a skeleton draft that follows the five steps and Hướng dẫn 36.

The skeleton has the form of a party document (header table, DỰ THẢO, NGHỊ QUYẾT,
"về ...") and the outline of a thematic resolution: situation with figures and
causes, targets, solutions, forecast obstacles with remedies, implementation with an
owner and a deadline per task, the review plan and the chi ủy sentence, signature
and recipients.

Everything the drafter must write is a placeholder in ONE syntax, ``[…điền …]``
(square brackets and an ellipsis on both sides), and each part opens with a
one-line hint in the same syntax (``[…Gợi ý: …]``). Rule NQ002
(``template-placeholder-left``) flags every block that still holds one, so a
half-filled template cannot pass unnoticed; it flags the placeholders of a finding's
rewrite too («[họ tên]», see :mod:`nghiquyet.engine.rewrite`), pasted in unfilled. Word turns a typed "..." into "…", so
both spellings are recognised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"
# ``[…anything…]`` or ``[...anything...]``; no nested brackets, one line.
PLACEHOLDER_RE = re.compile(r"\[(?:…|\.\.\.)[^\[\]\n]*?(?:…|\.\.\.)\]")


def slot(text: str) -> str:
    """A placeholder: ``[… text …]``."""
    return f"[… {text.strip()} …]"


def hint(text: str) -> str:
    """A one-line hint that opens a part (a placeholder too, so it must be deleted)."""
    return slot(f"Gợi ý: {text} Xóa dòng này khi viết xong")


def find_placeholders(text: str) -> list[str]:
    """Every placeholder in ``text``, in order: the template's, and those a finding's
    rewrite writes («[họ tên]», «[ngày/tháng/năm]»), should one be pasted in unfilled."""
    from .rewrite import PLACEHOLDER_RE as REWRITE_PLACEHOLDER

    found = [*PLACEHOLDER_RE.finditer(text), *REWRITE_PLACEHOLDER.finditer(text)]
    return [m.group() for m in sorted(found, key=lambda m: m.start())]


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the skeleton.

    ``kind``: ``heading`` (a part, level 1 or 2), ``title`` (centred bold),
    ``para``, ``item`` (a numbered item that keeps its own number), ``bullet``,
    ``hint`` (italic guidance). Tables are built separately.
    """

    kind: str
    text: str
    level: int = 0
    italic: bool = False


def _title_case_cell(cell: str) -> str:
    return cell.strip().upper()


def header_rows(cell: str | None, superior: str | None, place: str | None) -> list[tuple[str, str]]:
    """The header table: left the superior, the cell, ``*`` and the number; right the
    party heading and the place-and-date line."""
    left_superior = (
        _title_case_cell(superior) if superior else "ĐẢNG BỘ " + slot("điền tên đảng bộ cấp trên")
    )
    left_cell = _title_case_cell(cell) if cell else "CHI BỘ " + slot("điền tên chi bộ")
    where = place.strip() if place else slot("điền địa danh")
    date_line = f"{where}, ngày {slot('ngày')} tháng {slot('tháng')} năm {slot('năm')}"
    return [
        (left_superior, PARTY),
        (left_cell, date_line),
        ("*", ""),
        (f"Số {slot('số')}-NQ/CB", ""),
    ]


# The body between the header and the signature tables, one line per paragraph as
# ``kind|text``; an indented line continues the one above. Kinds: title, h1 (a part),
# h2 (a sub-part), bullet, item (keeps its own number), para, hint. ``{cell}`` and
# ``{topic}`` are filled in; everything in ``[…]`` is for the drafter to replace.
SKELETON = """\
title|DỰ THẢO
h1|NGHỊ QUYẾT
title|về {topic}
bullet|Căn cứ Điều lệ Đảng Cộng sản Việt Nam;
bullet|Căn cứ [… điền nghị quyết, kế hoạch của cấp trên về chủ đề này
  (số, ngày, cơ quan ban hành) …];
bullet|Căn cứ kết quả khảo sát của Chi ủy tại [… bao nhiêu hộ, người, nơi nào …]
  trong [… tháng/năm …],
para|{cell} quyết nghị:
h1|I. TÌNH HÌNH, THỰC TRẠNG
hint|khảo sát thực tế rồi viết bằng số liệu (số hộ, số người, tỷ lệ %, so với năm trước);
  nêu cả kết quả lẫn hạn chế và nguyên nhân.
h2|1. Kết quả đạt được
para|[… điền kết quả đã đạt được, có số liệu: bao nhiêu hộ, người, tỷ lệ bao nhiêu % …]
h2|2. Hạn chế
para|[… điền hạn chế, yếu kém, có số liệu: còn bao nhiêu hộ, người chưa làm, ở đâu …]
h2|3. Nguyên nhân
para|Nguyên nhân chủ quan: [… điền nguyên nhân từ chi bộ, đảng viên, cách làm …].
para|Nguyên nhân khách quan: [… điền nguyên nhân bên ngoài: địa hình, kinh phí, thời tiết …].
para|[… điền vì sao phải giải quyết ngay: ý kiến của nhân dân, hậu quả nếu để kéo dài;
  vấn đề bức xúc, cấp bách …]
h1|II. MỤC TIÊU, CHỈ TIÊU
hint|mỗi chỉ tiêu có con số, đơn vị và thời hạn, ví dụ «Đến ngày 30/6/2026, 100% hộ
  (412 hộ) đăng ký thu gom rác».
para|[… điền mục tiêu chung trong một câu …]
item|1. Đến ngày [… ngày/tháng/năm …], [… chỉ tiêu: con số, đơn vị, tỷ lệ % …].
item|2. Đến ngày [… ngày/tháng/năm …], [… chỉ tiêu: con số, đơn vị, tỷ lệ % …].
h1|III. NHIỆM VỤ, GIẢI PHÁP
hint|mỗi giải pháp là một việc cụ thể trả lời một nguyên nhân ở phần I: làm gì, ở đâu,
  bao nhiêu, kinh phí bao nhiêu, lấy từ đâu.
item|1. [… điền giải pháp thứ nhất: việc làm cụ thể, nơi làm, số lượng, kinh phí …].
item|2. [… điền giải pháp thứ hai: việc làm cụ thể, nơi làm, số lượng, kinh phí …].
item|3. [… điền giải pháp thứ ba: việc làm cụ thể, nơi làm, số lượng, kinh phí …].
h1|IV. DỰ BÁO KHÓ KHĂN, VƯỚNG MẮC VÀ CÁCH THÁO GỠ
hint|lường trước điều có thể làm hỏng kế hoạch; mỗi khó khăn đi kèm cách tháo gỡ,
  ai làm, khi nào.
item|1. [… điền khó khăn có thể phát sinh …]. Cách tháo gỡ: [… điền biện pháp cụ thể,
  ai làm, trước ngày nào …].
item|2. [… điền khó khăn có thể phát sinh …]. Cách tháo gỡ: [… điền biện pháp cụ thể,
  ai làm, trước ngày nào …].
h1|V. TỔ CHỨC THỰC HIỆN
hint|mỗi việc giao cho một đồng chí có tên và chức vụ, có thời hạn cụ thể; không viết
  «các đồng chí đảng viên thực hiện», «thường xuyên».
item|1. {task}
item|2. {task}
item|3. {task}
para|Chi ủy kiểm tra, giám sát [… bao lâu một lần, ví dụ hằng tháng …]; đồng chí
  [… họ tên, chức vụ …] báo cáo [… cấp ủy cấp trên …] trước ngày [… ngày …] hằng tháng.
  Chi bộ sơ kết vào ngày [… ngày/tháng/năm …], tổng kết Nghị quyết vào ngày
  [… ngày/tháng/năm …].
para|Dự thảo Nghị quyết đã được Chi ủy thảo luận, thống nhất ngày [… ngày/tháng/năm …],
  trình hội nghị chi bộ tháng [… tháng/năm …] thảo luận, biểu quyết thông qua.
"""
TASK = (
    "Đồng chí [… họ tên …], [… chức vụ …], chủ trì [… việc gì, ở đâu, bao nhiêu …]; "
    "hoàn thành trước ngày [… ngày/tháng/năm …]."
)


def body_lines(cell: str | None, topic: str | None) -> list[Line]:
    """The skeleton between the header table and the signature table."""
    cell_name = cell.strip() if cell else "Chi bộ " + slot("điền tên chi bộ")
    cell_name = cell_name[:1].upper() + cell_name[1:]
    about = topic.strip() if topic else slot("điền chủ đề: một vấn đề cụ thể của địa phương")
    if about.lower().startswith("về "):
        about = about[3:]
    joined: list[str] = []
    for raw in SKELETON.splitlines():
        if raw.startswith(" ") and joined:
            joined[-1] += " " + raw.strip()
        else:
            joined.append(raw)
    lines = []
    kinds = {"h1": ("heading", 1), "h2": ("heading", 2)}
    for entry in joined:
        kind, _, text = entry.partition("|")
        # str.replace, not format: the hints quote «» and numbers, never braces
        text = text.replace("{cell}", cell_name).replace("{topic}", about).replace("{task}", TASK)
        kind, level = kinds.get(kind, (kind, 0))
        if kind == "hint":
            lines.append(Line("hint", hint(text), italic=True))
        else:
            lines.append(Line(kind, text, level))
    return lines


def signature_cells(superior: str | None) -> tuple[list[str], list[str]]:
    """Left: "Nơi nhận:" and its list; right: T/M CHI BỘ, BÍ THƯ and the name."""
    report_to = superior.strip() if superior else slot("đảng ủy cấp trên")
    recipients = [
        "Nơi nhận:",
        f"- {report_to} (báo cáo);",
        "- Các đảng viên trong chi bộ;",
        "- Lưu chi bộ.",
    ]
    return recipients, ["T/M CHI BỘ", "BÍ THƯ", "", slot("họ tên bí thư")]


# ---------------------------------------------------------------------------
# Markdown


def render_markdown(
    cell: str | None = None,
    topic: str | None = None,
    superior: str | None = None,
    place: str | None = None,
) -> str:
    """The skeleton as Markdown, in the subset the .md loader reads."""
    rows = header_rows(cell, superior, place)
    out = [f"| {rows[0][0]} | {rows[0][1]} |", "|---|---|"]
    out.append(f"| **{rows[1][0]}** | *{rows[1][1]}* |")
    out.extend(f"| {left} | {right} |" for left, right in rows[2:])
    out.append("")
    listed = False
    for line in body_lines(cell, topic):
        is_list = line.kind in ("bullet", "item")
        if listed and not is_list:
            out.append("")  # a list ends at a blank line
        listed = is_list
        if line.kind == "heading":
            out.append(
                ("# " if line.text == "NGHỊ QUYẾT" else "## " if line.level == 1 else "### ")
                + line.text
            )
        elif line.kind == "title":
            out.append(f"**{line.text}**")
        elif line.kind == "bullet":
            out.append(f"- {line.text}")
        elif line.kind == "hint":
            out.append(f"*{line.text}*")
        else:
            out.append(line.text)
        if not is_list:
            out.append("")
    out.append("")
    left, right = signature_cells(superior)
    recipients = f"**{left[0]}**<br>" + "<br>".join(left[1:])
    signer = f"**{right[0]}**<br>**{right[1]}**<br><br>{right[3]}"
    out.append(f"| {recipients} | {signer} |")
    out.append("|---|---|")
    text = "\n".join(out) + "\n"
    return re.sub(r"\n{3,}", "\n\n", text)


# ---------------------------------------------------------------------------
# .docx

FONT = "Times New Roman"
# The body in 14 pt, inside the 13-14 pt that rule NQ908 checks (Hướng dẫn 36).
BODY_PT = 14
# "NGHỊ QUYẾT", the kind of document, a size above the body so that it stands out.
TITLE_PT = 15
# The party's name, the cell's name, the place-and-date line and the hints.
SMALL_PT = 13
# The superior body, the "*" and the number in the header, and the recipients.
HEADER_PT = 12
# A4 with a wide left margin, for binding.
PAGE_MM = (210, 297)
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
# The first line of a body paragraph is indented, as in the form.
INDENT_MM = 10


def _runs(
    paragraph,
    text: str,
    size: float,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
) -> None:
    """Add ``text`` as runs; placeholders are highlighted yellow so they stand out in Word."""
    from docx.enum.text import WD_COLOR_INDEX
    from docx.oxml.ns import qn
    from docx.shared import Pt

    position = 0
    pieces: list[tuple[str, bool]] = []
    for match in PLACEHOLDER_RE.finditer(text):
        if match.start() > position:
            pieces.append((text[position : match.start()], False))
        pieces.append((match.group(0), True))
        position = match.end()
    if position < len(text):
        pieces.append((text[position:], False))
    for piece, is_slot in pieces:
        run = paragraph.add_run(piece)
        run.bold = bold
        run.italic = italic
        run.underline = underline
        run.font.size = Pt(size)
        run.font.name = FONT
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
        if is_slot:
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _page(document) -> None:
    """A4, the margins of the form, Times New Roman in the body size."""
    from docx.shared import Mm, Pt

    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(BODY_PT)


def _header(document, cell, superior, place) -> None:
    """The header table: the party bodies on the left, the party's name and the
    place-and-date line on the right, every cell centred."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    rows = header_rows(cell, superior, place)
    table = document.add_table(rows=len(rows), cols=2)
    for r, (left, right) in enumerate(rows):
        for c, text in enumerate((left, right)):
            if not text:
                continue
            paragraph = table.cell(r, c).paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            party = text == PARTY
            date_line = c == 1 and r == 1
            _runs(
                paragraph,
                text,
                SMALL_PT if party or date_line or r == 1 else HEADER_PT,
                bold=party or (c == 0 and r == 1),
                italic=date_line,
                underline=party,
            )


def _body(document, cell, topic) -> None:
    """Title, parts, hints and paragraphs of the skeleton, in order."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    for line in body_lines(cell, topic):
        if line.kind == "bullet":
            paragraph = document.add_paragraph(style="List Bullet")
        else:
            paragraph = document.add_paragraph()
        if line.kind == "title" or (line.kind == "heading" and line.text == "NGHỊ QUYẾT"):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            size = TITLE_PT if line.text == "NGHỊ QUYẾT" else BODY_PT
            _runs(paragraph, line.text, size, bold=True)
        elif line.kind == "heading":
            _runs(paragraph, line.text, BODY_PT, bold=True)
        elif line.kind == "hint":
            _runs(paragraph, line.text, SMALL_PT, italic=True)
        else:
            paragraph.paragraph_format.first_line_indent = Mm(INDENT_MM)
            _runs(paragraph, line.text, BODY_PT, italic=line.italic)


def _signature(document, superior) -> None:
    """The signature table: "Nơi nhận" and its list on the left, the signer's
    block centred on the right."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    left, right = signature_cells(superior)
    table = document.add_table(rows=1, cols=2)
    for c, lines in enumerate((left, right)):
        cell_ = table.cell(0, c)
        first = True
        for n, text in enumerate(lines):
            if not text:
                continue
            paragraph = cell_.paragraphs[0] if first else cell_.add_paragraph()
            first = False
            if c == 1:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            heading = n == 0 or (c == 1 and n == 1)
            size = HEADER_PT if c == 0 and n else BODY_PT
            _runs(paragraph, text, size, bold=heading, italic=c == 0 and n == 0)


def render_docx(
    cell: str | None = None,
    topic: str | None = None,
    superior: str | None = None,
    place: str | None = None,
) -> bytes:
    """The skeleton as a Word document (A4, Times New Roman 14 pt, header and
    signature as borderless two-column tables)."""
    import io

    from docx import Document

    document = Document()
    _page(document)
    _header(document, cell, superior, place)
    document.add_paragraph()
    _body(document, cell, topic)
    document.add_paragraph()
    _signature(document, superior)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render(
    target: Path,
    cell: str | None = None,
    topic: str | None = None,
    superior: str | None = None,
    place: str | None = None,
) -> bytes:
    """The skeleton in the format ``target``'s suffix asks for (.md / .markdown, else .docx)."""
    if target.suffix.lower() in (".md", ".markdown"):
        return render_markdown(cell, topic, superior, place).encode("utf-8")
    return render_docx(cell, topic, superior, place)

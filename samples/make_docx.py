"""Build the .docx samples from their Markdown sources, the way a drafter's Word file looks.

    python samples/make_docx.py            # writes samples/<name>.docx for every samples/<name>.md

Header and signature become two-column borderless tables, headings bold and centred
or left-aligned like a real resolution, bullets use Word's own "List Bullet" style
(automatic numbering), body text Times New Roman 14 pt, A4 page. The Markdown is
read with nghiquyet's own loader, so both versions carry the same text.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from nghiquyet.engine.model import Block
from nghiquyet.plugins.text_loader import parse_markdown

FONT = "Times New Roman"


def _style_run(run, block: Block, size: float = 14) -> None:
    run.bold = block.bold or block.kind == "heading"
    run.italic = block.italic
    run.font.size = Pt(size)
    run.font.name = FONT
    run._element.rPr.rFonts.set(qn("w:eastAsia"), FONT)


def _setup(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(30), Mm(20)
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(14)


def build(markdown: str, target: Path) -> None:
    blocks = parse_markdown(markdown, str(target)).blocks
    document = Document()
    _setup(document)
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.table is not None:
            rows = [b for b in blocks[i:] if b.table == block.table]
            table = document.add_table(
                rows=max(b.row for b in rows) + 1, cols=max(b.col for b in rows) + 1
            )
            filled: set[tuple[int, int]] = set()
            for b in rows:
                cell = table.cell(b.row, b.col)
                paragraph = (
                    cell.paragraphs[0] if (b.row, b.col) not in filled else cell.add_paragraph()
                )
                filled.add((b.row, b.col))
                paragraph.alignment = (
                    WD_ALIGN_PARAGRAPH.CENTER if b.col == 1 or b.bold or b.text == "*" else None
                )
                run = paragraph.add_run(b.text)
                upper = b.text.isupper()
                _style_run(run, b, 13 if upper or b.italic else 12)
                if b.text.strip() == "ĐẢNG CỘNG SẢN VIỆT NAM":
                    run.underline = True
                    run.bold = True
            i += len(rows)
            continue
        if block.kind == "list_item" and not block.text[:1].isdigit():
            paragraph = document.add_paragraph(style="List Bullet")
        else:
            paragraph = document.add_paragraph()
        centred = (
            block.kind == "heading"
            and (block.heading_level == 1 or block.text == "NGHỊ QUYẾT")
            or (block.bold and block.text.startswith(("về", "DỰ THẢO")))
        )
        if centred:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _style_run(paragraph.add_run(block.text), block, 15 if block.text == "NGHỊ QUYẾT" else 14)
        i += 1
    document.save(target)


def main(argv: list[str]) -> int:
    folder = Path(__file__).resolve().parent
    sources = [Path(a) for a in argv] or sorted(folder.glob("*.md"))
    for source in sources:
        target = source.with_suffix(".docx")
        build(source.read_text("utf-8"), target)
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

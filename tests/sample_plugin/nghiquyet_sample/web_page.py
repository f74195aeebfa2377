"""A loader for drafts saved as a web page (.html, .htm), as an online editor or
Word's "Save as Web Page" leaves them.

Each paragraph, heading, list item and table cell becomes a block, in document
order; scripts, styles and the page head are left out. It declares its suffixes
with ``document_formats``, so ``assess`` finds such drafts in folders and the web
page accepts them, like the built-in formats.
"""

from __future__ import annotations

import unicodedata
from html.parser import HTMLParser

from nghiquyet.engine import hookimpl
from nghiquyet.engine.errors import InputError
from nghiquyet.engine.model import Block, Document, DocumentFormat

WEB_PAGE = DocumentFormat("web page", (".html", ".htm"))

_KINDS = {"p": "paragraph", "div": "paragraph", "li": "list_item"}
_KINDS.update({f"h{level}": "heading" for level in range(1, 7)})
_CELLS = ("td", "th")
_HIDDEN = ("head", "script", "style")


class _Blocks(HTMLParser):
    """Collects the text of block elements; a table cell's paragraphs stay cells."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.tag = "p"
        self.hidden = 0
        self.tables = self.row = self.col = 0
        self.in_cell = False

    def handle_starttag(self, tag, attrs):
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "table":
            self.tables, self.row = self.tables + 1, -1
        elif tag == "tr":
            self.row, self.col = self.row + 1, -1
        elif tag == "br":
            self.parts.append(" ")
        if tag in _CELLS:
            self.end_block()
            self.col, self.in_cell = self.col + 1, True
        elif tag in _KINDS:
            self.end_block()
            self.tag = tag

    def handle_endtag(self, tag):
        if tag in _HIDDEN:
            self.hidden -= 1
        if tag in _KINDS or tag in _CELLS:
            self.end_block()
            self.tag = "p"  # loose text after a block is a paragraph of its own
        if tag in _CELLS:
            self.in_cell = False

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)

    def end_block(self) -> None:
        """End the open block: its text, whitespace collapsed, NFC, if any."""
        text = unicodedata.normalize("NFC", " ".join("".join(self.parts).split()))
        self.parts = []
        if not text:
            return
        kind = "table_cell" if self.in_cell else _KINDS.get(self.tag, "paragraph")
        cell = (self.tables, self.row, self.col) if self.in_cell else (None, None, None)
        index = len(self.blocks) + 1
        level = int(self.tag[1]) if kind == "heading" else None
        self.blocks.append(
            Block(index, text, kind, index, level, table=cell[0], row=cell[1], col=cell[2])
        )


@hookimpl
def document_formats():
    """Web pages: .html, and .htm as older editors name them."""
    return [WEB_PAGE]


@hookimpl
def load_document(path, config):
    """Read a .html or .htm draft (UTF-8) into blocks."""
    if path.suffix.lower() not in WEB_PAGE.suffixes:
        return None
    try:
        html = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(
            "encoding",
            f"{path.name}: trang web không phải UTF-8",
            f"{path.name}: the web page is not UTF-8",
        ) from None
    parser = _Blocks()
    parser.feed(html)
    parser.close()  # HTMLParser's own: handles what is still buffered
    parser.end_block()
    return Document(path=str(path), format="html", blocks=parser.blocks)

"""Loader for plain text (.txt) and Markdown (.md) drafts.

Plain text: every non-empty line is a block (drafts pasted from Word keep one
paragraph per line). Markdown: the subset a drafter uses for a resolution:
headings, paragraphs, ``-``/``1.`` lists, ``**bold**``/``*italic*`` and pipe
tables (the header and signature blocks), with ``<br>`` as a line break in a cell.
"""

from __future__ import annotations

import re
from pathlib import Path

from nghiquyet.engine import hookimpl
from nghiquyet.engine.errors import InputError
from nghiquyet.engine.model import Block, Document
from nghiquyet.engine.text import nfc

TEXT_SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md"}


def decode_text(data: bytes, path: Path) -> tuple[str, str]:
    """Decode ``data`` and return (text, encoding name). Never guesses silently."""
    if not data.strip():
        raise InputError("empty", f"{path.name}: tệp rỗng", f"{path.name}: the file is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        raise InputError(
            "encoding",
            f"{path.name}: không đọc được bảng mã (không phải UTF-8, byte {exc.start}); "
            "hãy lưu lại tệp với bảng mã UTF-8",
            f"{path.name}: not UTF-8 (byte {exc.start}); save the file as UTF-8",
        ) from None


def read_text_file(path: Path) -> tuple[str, str]:
    return decode_text(path.read_bytes(), path)


def parse_plain(text: str, path: str) -> Document:
    blocks = []
    for line_no, line in enumerate(text.splitlines(), start=1):
        stripped = nfc(line.strip())
        if stripped:
            blocks.append(Block(index=len(blocks) + 1, text=stripped, line=line_no))
    return Document(path=path, format="txt", blocks=blocks)


_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST_RE = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_TABLE_SEP_RE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _inline(text: str) -> tuple[str, bool, bool]:
    """Strip inline emphasis; report whether the whole text was bold / italic."""
    text = text.strip()
    bold = bool(re.fullmatch(r"\*\*.+\*\*|__.+__", text))
    italic = not bold and bool(re.fullmatch(r"\*[^*].*\*|_[^_].*_", text))
    text = re.sub(r"\*\*(.+?)\*\*|__(.+?)__", lambda m: m.group(1) or m.group(2), text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|])", r"\1", text)
    return nfc(text.strip()), bold, italic


def _split_row(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", line)]


def parse_markdown(text: str, path: str) -> Document:
    blocks: list[Block] = []
    lines = text.splitlines()
    table_count = 0
    paragraph: list[str] = []
    paragraph_line = 0

    def add(text: str, line: int, kind: str = "paragraph", **style) -> None:
        body, bold, italic = _inline(text)
        if body:
            style.setdefault("bold", bold)
            style.setdefault("italic", italic)
            blocks.append(Block(index=len(blocks) + 1, text=body, kind=kind, line=line, **style))

    def flush() -> None:
        nonlocal paragraph
        if paragraph:
            add(" ".join(paragraph), paragraph_line)
            paragraph = []

    i = 0
    while i < len(lines):
        raw = lines[i]
        line_no = i + 1
        stripped = raw.strip()
        if not stripped or stripped.startswith("<!--"):
            flush()
        elif stripped.startswith("|") and i + 1 < len(lines) and _TABLE_SEP_RE.match(lines[i + 1]):
            flush()
            table_count += 1
            rows = [(line_no, _split_row(stripped))]
            i += 2
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append((i + 1, _split_row(lines[i])))
                i += 1
            for r, (row_line, cells) in enumerate(rows):
                for c, cell in enumerate(cells):
                    for part in _BR_RE.split(cell):
                        add(part, row_line, "table_cell", table=table_count, row=r, col=c)
            continue
        elif m := _HEADING_RE.match(stripped):
            flush()
            add(m.group(2), line_no, "heading", heading_level=len(m.group(1)))
        elif _LIST_RE.match(raw):
            flush()
            # bullets go, numbers stay: "1. Tổ chức ..." is how the drafter numbered it
            marker_free = re.sub(r"^\s*[-*+]\s+", "", raw.strip())
            add(marker_free, line_no, "list_item")
        else:
            if not paragraph:
                paragraph_line = line_no
            paragraph.append(stripped)
        i += 1
    flush()
    return Document(path=path, format="md", blocks=blocks)


@hookimpl
def load_document(path, config):
    """Load .txt and .md files."""
    kind = TEXT_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        return None
    text, encoding = read_text_file(path)
    doc = parse_markdown(text, str(path)) if kind == "md" else parse_plain(text, str(path))
    doc.meta["encoding"] = encoding
    return doc

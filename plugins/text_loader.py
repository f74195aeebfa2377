"""Loader for plain text (.txt) and Markdown (.md) drafts.

Plain text: every non-empty line is a block (drafts pasted from Word keep one
paragraph per line). Markdown: the subset a drafter uses for a resolution:
headings, paragraphs, ``-``/``1.`` lists, ``**bold**``/``*italic*`` and pipe
tables (the header and signature blocks), with ``<br>`` as a line break in a cell.
"""

from __future__ import annotations

import re
from pathlib import Path

from nghiquyet.engine import hookimpl, legacy, legacy_codecs
from nghiquyet.engine.errors import InputError
from nghiquyet.engine.model import Block, Document, DocumentFormat, Suppression
from nghiquyet.engine.suppress import is_directive
from nghiquyet.engine.text import RUN_IN_MAX_WORDS, nfc
from nghiquyet.engine.text_limits import TextBudget, TextLimits

from .markdown_emphasis import strip_emphasis

MARKDOWN = DocumentFormat("Markdown", (".md", ".markdown"))
PLAIN_TEXT = DocumentFormat("plain text", (".txt",))


_MAGIC_HINTS = (
    (b"PK\x03\x04", "một gói Word/zip (.docx?)", "a Word/zip package (.docx?)"),
    (b"\xd0\xcf\x11\xe0", "một tệp Word cũ (.doc?)", "a legacy Word file (.doc?)"),
    (b"%PDF", "một tệp PDF", "a PDF file"),
)


def _encoding_error(path: Path, detail_vi: str, detail_en: str) -> InputError:
    return InputError(
        "encoding",
        f"{path.name}: không đọc được bảng mã ({detail_vi}); hãy lưu lại tệp với bảng mã UTF-8",
        f"{path.name}: unknown text encoding ({detail_en}); save the file as UTF-8",
    )


def _utf16_without_bom(data: bytes) -> str | None:
    # ASCII-heavy UTF-16 has a NUL in every other byte; Notepad sometimes drops the BOM
    if len(data) < 4 or len(data) % 2:
        return None
    for codec, zeros in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if zeros.count(0) >= 0.6 * len(zeros):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def decode_text(data: bytes, path: Path) -> tuple[str, str]:
    """Decode ``data`` and return (text, encoding name). Never guesses wildly.

    UTF-8 (with or without BOM) and UTF-16 (BOM) are read as they are; other bytes
    are accepted only as Windows-1258 that reads as Vietnamese, or as TCVN3/VNI
    bytes that convert to Vietnamese; anything else is refused with code
    ``encoding``, and binary content (NUL bytes) with ``not_text``.
    """
    if not data.strip():
        raise InputError("empty", f"{path.name}: tệp rỗng", f"{path.name}: the file is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise _encoding_error(
                path,
                f"BOM UTF-8 nhưng byte {exc.start + 3} sai",
                f"UTF-8 BOM but bad byte {exc.start + 3}",
            ) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise _encoding_error(
                path, "BOM UTF-16 nhưng nội dung hỏng", "UTF-16 BOM but broken content"
            ) from None
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is not None:
            return text, "utf-16"
        vi, en = next(
            ((v, e) for magic, v, e in _MAGIC_HINTS if data.startswith(magic)),
            ("dữ liệu nhị phân", "binary data"),
        )
        raise InputError(
            "not_text",
            f"{path.name}: không phải tệp văn bản (nội dung là {vi}); hãy kiểm tra lại đuôi tệp",
            f"{path.name}: not a text file (the content is {en}); check the file extension",
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    text = legacy.decode_cp1258(data)
    if text is not None:
        return text, "cp1258"
    found = legacy.decode_legacy_bytes(data)
    if found is not None:
        return found
    raise _encoding_error(
        path,
        f"không phải UTF-8 từ byte {first_bad}, "
        "cũng không phải tiếng Việt Windows-1258, TCVN3 hay VNI",
        f"not UTF-8 from byte {first_bad}, nor Vietnamese in Windows-1258, TCVN3 or VNI",
    )


def read_text_file(path: Path) -> tuple[str, str]:
    """The text of the file at ``path`` and its encoding (see :func:`decode_text`)."""
    return decode_text(path.read_bytes(), path)


def parse_plain(text: str, path: str, budget: TextBudget | None = None) -> Document:
    """Plain text: every non-empty line is a paragraph, numbered by its line; a line of
    the header or the signature laid out in two columns gives one paragraph per column
    (:func:`_columns`). Past a limit of ``budget`` (default: the default limits),
    ``too_large``."""
    budget = budget or TextBudget(path, TextLimits())
    lines = text.splitlines()
    head_end, tail_start = _head_and_tail(lines)
    blocks = []
    for line_no, line in enumerate(lines, start=1):
        stripped = nfc(line.strip())
        parts = _columns(stripped) if line_no <= head_end or line_no >= tail_start else [stripped]
        for part in parts:
            if part:
                budget.block(len(part))
                blocks.append(Block(index=len(blocks) + 1, text=part, line=line_no))
    return Document(path=path, format="txt", blocks=blocks)


# The gap between two columns of a header laid out with spaces ("ĐẢNG BỘ XÃ ...
# <many spaces> ĐẢNG CỘNG SẢN VIỆT NAM"), as Word writes a two-column table to .txt
_COLUMN_GAP = re.compile(r" {5,}|\t+")
# The head ends at the title; the signature starts at "Nơi nhận" or "T/M ..."
_TITLE_LINE = re.compile(r"^nghị quyết$")
_TAIL_LINE = re.compile(r"^(?:nơi nhận|t/m\b)")


def _head_and_tail(lines: list[str]) -> tuple[int, int]:
    """The last line number of the header (the title's) and the first of the closing
    part (``len(lines) + 1`` when there is none): the two places a plain-text draft
    lays out in columns."""
    keys = [nfc(line.strip()).lower() for line in lines]
    title = next((n for n, key in enumerate(keys, 1) if _TITLE_LINE.match(key)), 0)
    tail = next(
        (n for n, key in enumerate(keys, 1) if n > title and _TAIL_LINE.match(key)),
        len(lines) + 1,
    )
    return title, tail


def _columns(line: str) -> list[str]:
    """The columns of one line of the header or the signature: a wide gap before a
    capital starts a column ("... ĐÔNG THÀNH      ĐẢNG CỘNG SẢN VIỆT NAM"); a blank
    left to fill in stays in its line ("Số      -NQ/CB", "ngày      tháng 10")."""
    parts, start = [], 0
    for gap in _COLUMN_GAP.finditer(line):
        if line[gap.end() : gap.end() + 1].isupper():
            parts.append(line[start : gap.start()].strip())
            start = gap.end()
    return [*parts, line[start:].strip()]


# Possessive runs (``*+``) and a heading's closing "#"s stripped by str.rstrip: runs of
# blanks or "#" never hand characters back, so a line of 100,000 of them is read in
# linear time (the lazy ``(.*?)\s*#*\s*$`` and adjacent ``\s*`` were quadratic).
_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*)$")
_LIST_RE = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_TABLE_SEP_RE = re.compile(r"^\s*+\|?\s*+:?-++:?\s*+(?:\|\s*+:?-++:?\s*+)*+\|?\s*+$")
_BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)
_NUMBER_LEAD = re.compile(r"^\s*\d{1,3}[.)]\s+")

# Inline HTML that drafters type into Markdown ("<p align="center"><b>NGHỊ QUYẾT</b>
# <br><b>về ...</b></p>", "<u>ĐẢNG CỘNG SẢN VIỆT NAM</u>"): the tags go, <br> and the
# block tags end a line, <b> and <i> become Markdown emphasis.
_HTML_BLOCK_TAG = re.compile(
    r"</?(?:p|div|center|table|thead|tbody|tr|td|th|ul|ol|li)\b[^<>]{0,200}>", re.IGNORECASE
)
_HTML_BOLD = re.compile(r"</?(?:b|strong)\s*>", re.IGNORECASE)
_HTML_ITALIC = re.compile(r"</?(?:i|em)\s*>", re.IGNORECASE)
_HTML_DROPPED = re.compile(r"</?(?:u|span|font|small|big)\b[^<>]{0,200}>", re.IGNORECASE)


def _html_lines(line: str) -> list[str]:
    """The lines one Markdown line holds once its inline HTML is read: each <br> or
    block tag ends a line (kept apart by a hard break), emphasis tags become "**" and
    "*" (closed at a line's end, reopened on the next), other tags go."""
    line = _HTML_DROPPED.sub("", _HTML_ITALIC.sub("*", _HTML_BOLD.sub("**", line)))
    if line.lstrip().startswith("|"):
        return [line]  # a table row: <br> is a break inside its cell
    parts = _BR_RE.split(_HTML_BLOCK_TAG.sub("<br>", line))
    if len(parts) == 1:
        return parts
    out, bold = [], False
    for n, part in enumerate(parts):
        text = part.strip()
        if not text:
            out.append("")  # a blank line: the emphasis stays open across it
            continue
        if bold:
            text = "**" + text
        bold = text.count("**") % 2 == 1
        if bold:
            text += "**"
        last = n == len(parts) - 1
        out.append(text if last else text + "  ")
    return out


def _inline(text: str) -> tuple[str, bool, bool]:
    """Strip inline emphasis; report whether the whole text was bold / italic."""
    text = text.strip()
    bold = bool(re.fullmatch(r"\*\*.+\*\*|__.+__", text))
    italic = not bold and bool(re.fullmatch(r"\*[^*].*\*|_[^_].*_", text))
    text = strip_emphasis(text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|])", r"\1", text)
    return nfc(text.strip()), bold, italic


def _split_row(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", line)]


# "**Tình hình.** Hợp tác xã ...", "*Mục tiêu*: ...": emphasised words that open a
# paragraph and end in "." or ":" (inside or just after the emphasis)
_RUN_IN_RE = re.compile(r"^(\*\*|__|\*|_)(\S[^*_]*?)\1([.:]?)\s+\S")
# A line shorter than this does not wrap: the next line starts a line of its own.
_SHORT_LINE = 40


def _line_break(previous: str, line: str) -> bool:
    """Whether a single newline inside a Markdown paragraph is a line the drafter meant
    (a new block) rather than the soft wrap of a long line.

    CommonMark joins the lines of a paragraph, but drafts typed as Markdown put the
    header, the title and the signature on consecutive lines ("ĐẢNG BỘ XÃ …",
    "CHI BỘ …", "*", "Số 05-NQ/CB"), each meant as its own line. Kept as lines: a
    hard break (two trailing spaces or a backslash), a line that is wholly emphasised
    or in capitals on either side, and a line after a short one (a wrapped line is
    long until the paragraph ends) unless the sentence visibly goes on: the short
    line ends with a comma or the next starts in lower case.
    """
    before, after = previous.strip(), line.strip()
    if previous.endswith(("  ", "\\")):
        return True
    for text in (before, after):
        _, bold, italic = _inline(text)
        if bold or italic or text in ("*", "\\*"):  # the "*" under the cell's name
            return True
        letters = [ch for ch in text if ch.isalpha()]
        if len(letters) >= 2 and all(ch.isupper() for ch in letters):
            return True
    if before.endswith(",") or after[:1].islower():
        return False  # the sentence goes on
    return len(before) < _SHORT_LINE


def _run_in_label(text: str) -> str | None:
    """The emphasised words that open a paragraph and end in "." or ":" (its run-in
    heading: "**Tình hình.** Hợp tác xã ..."), if they are short enough to be one."""
    # "1. **Thực trạng.** ...": a numbered paragraph may open with its run-in heading
    lead = _RUN_IN_RE.match(_NUMBER_LEAD.sub("", text.strip()))
    if lead is None:
        return None
    label = _inline(lead.group(2) + lead.group(3))[0]
    return label if label.endswith((".", ":")) and len(label.split()) <= RUN_IN_MAX_WORDS else None


def _table_rows(lines: list[str], header: int) -> tuple[list[tuple[int, list[str]]], int]:
    """The rows of the pipe table whose header row is ``lines[header]`` (the separator
    below it skipped) as (index in ``lines``, cells), and the index of the line after it."""
    rows = [(header, _split_row(lines[header]))]
    i = header + 2
    while i < len(lines) and lines[i].strip().startswith("|"):
        rows.append((i, _split_row(lines[i])))
        i += 1
    return rows, i


def _markdown_lines(text: str) -> tuple[list[int], list[str]]:
    """The file's lines with their inline HTML read into lines of Markdown, and the
    file line each came from."""
    numbered = [
        (n, part) for n, raw in enumerate(text.splitlines(), 1) for part in _html_lines(raw)
    ]
    return [n for n, _ in numbered], [line for _, line in numbered]


_COMMENT_RE = re.compile(r"^<!--(.*?)-->$")


def _whole_comment(lines: list[str], i: int) -> tuple[str, int]:
    """The comment that opens on line ``i``, on one line however many it spans, and
    the index of its last line: its words never become a paragraph of the draft."""
    parts = [lines[i].strip()]
    while "-->" not in parts[-1] and parts[0].startswith("<!--") and i + 1 < len(lines):
        i += 1
        parts.append(lines[i].strip())
    return " ".join(parts), i


class _MarkdownBlocks:
    """The blocks of a Markdown draft as they are read, and the suppression comments
    (``<!-- nghiquyet: bỏ qua NQ601 -->``) each applies to: the next block, or every
    cell of the table that comes next."""

    def __init__(self, budget: TextBudget) -> None:
        self.budget = budget
        self.blocks: list[Block] = []
        self.suppressions: list[Suppression] = []
        self.pending: list[str] = []  # suppression comments waiting for their block

    def comment(self, line: str) -> None:
        """A comment line: kept for the next block when it is a suppression."""
        comment = _COMMENT_RE.match(line)
        if comment and is_directive(comment.group(1)):
            self.pending.append(comment.group(1).strip())

    def add(self, text: str, line: int, kind: str = "paragraph", **style) -> None:
        """Add ``text`` (Markdown emphasis read) as a block, unless it is empty."""
        body, bold, italic = _inline(text)
        if not bold and not italic and (label := _run_in_label(text)):
            style.setdefault("run_in", label)
        if body:
            self.budget.block(len(body))
            style.setdefault("bold", bold)
            style.setdefault("italic", italic)
            index = len(self.blocks) + 1
            self.blocks.append(Block(index=index, text=body, kind=kind, line=line, **style))
            self.suppressions.extend(Suppression(index, c) for c in self.pending)
            if kind != "table_cell":  # a table's cells all take it; cleared after the table
                self.pending.clear()


def parse_markdown(text: str, path: str, budget: TextBudget | None = None) -> Document:
    """Read Markdown ``text`` into a Document: headings, paragraphs (a line the
    drafter meant stays its own block, see :func:`_line_break`), list items, and
    the cells of pipe tables. A ``<!-- nghiquyet: bỏ qua NQ601 -->`` comment
    applies to the block below it. Past a limit of ``budget`` (default: the default
    limits), ``too_large``."""
    out = _MarkdownBlocks(budget or TextBudget(path, TextLimits()))
    add = out.add
    numbers, lines = _markdown_lines(text)
    table_count = 0
    paragraph: list[str] = []
    paragraph_line = 0

    def flush() -> None:
        nonlocal paragraph
        if paragraph:
            add(" ".join(paragraph), paragraph_line)
            paragraph = []

    i = 0
    while i < len(lines):
        raw = lines[i]
        line_no = numbers[i]
        stripped = raw.strip()
        if not stripped or stripped.startswith("<!--"):
            flush()
            comment, i = _whole_comment(lines, i)
            out.comment(comment)
        elif stripped.startswith("|") and i + 1 < len(lines) and _TABLE_SEP_RE.match(lines[i + 1]):
            flush()
            table_count += 1
            rows, i = _table_rows(lines, i)
            for r, (row_at, cells) in enumerate(rows):
                out.budget.cell(len(cells))
                for c, cell in enumerate(cells):
                    for part in _BR_RE.split(cell):
                        add(part, numbers[row_at], "table_cell", table=table_count, row=r, col=c)
            out.pending.clear()
            continue
        elif m := _HEADING_RE.match(stripped):
            flush()
            title = m.group(2).rstrip().rstrip("#").rstrip()  # "## Title ##"
            add(title, line_no, "heading", heading_level=len(m.group(1)))
        elif _LIST_RE.match(raw):
            flush()
            # bullets go, numbers stay: "1. Tổ chức ..." is how the drafter numbered it
            marker_free = re.sub(r"^\s*[-*+]\s+", "", raw.strip())
            add(marker_free, line_no, "list_item")
        else:
            if paragraph and _line_break(lines[i - 1], raw):
                flush()
            if not paragraph:
                paragraph_line = line_no
            paragraph.append(stripped)
        i += 1
    flush()
    return Document(path=path, format="md", blocks=out.blocks, suppressions=out.suppressions)


@hookimpl
def document_formats():
    """Markdown and plain text."""
    return [MARKDOWN, PLAIN_TEXT]


@hookimpl
def load_document(path, config):
    """Load .txt and .md files."""
    suffix = path.suffix.lower()
    if suffix not in MARKDOWN.suffixes + PLAIN_TEXT.suffixes:
        return None
    text, encoding = read_text_file(path)
    budget = TextBudget(path, TextLimits.from_config(config))
    budget.text(len(text))  # before the text is split into lines and blocks
    markdown = suffix in MARKDOWN.suffixes
    parse = parse_markdown if markdown else parse_plain
    doc = parse(text, str(path), budget)
    doc.meta["encoding"] = encoding
    if encoding in legacy_codecs.NAMES:  # an 8-bit file: say that it was converted
        doc.notes.append(legacy.note(encoding, 1, where="file"))
    return doc

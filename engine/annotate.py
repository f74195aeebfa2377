"""``assess draft.docx --annotate reviewed.docx``: the findings as Word comments.

The reviewer opens a copy of the draft in Word and sees each finding as a comment
(author "nghiquyet", initials "NQ") in the margin of the paragraph it concerns.

Findings point at block numbers. Blocks come from the .docx loader, which walks the
body in document order (body paragraphs, table-cell paragraphs, content controls,
tracked insertions; empty paragraphs skipped, tracked deletions dropped). To find the
paragraph of block *n* we run that very walk over python-docx's own XML tree, so the
two numberings cannot drift apart; each mapped paragraph's text is then checked
against the block text and, should they ever differ, the paragraph is looked up by
its text instead.

The source file is only read; the result is returned as bytes for the caller to
write (atomically, never over an input).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from .errors import NghiquyetError
from .model import DocumentReport, Finding
from .text import match_key, word_count

AUTHOR = "nghiquyet"
INITIALS = "NQ"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{" + W_NS + "}"


class AnnotateError(NghiquyetError):
    """The draft cannot be annotated (not a readable .docx, or its report has an error)."""


def comment_text(finding: Finding, lang: str) -> str:
    """``[NQ601] message — Cách sửa: suggestion`` in the report language; the rewrite,
    when the finding has one, on a line of its own: ``Viết lại: «…»``."""
    text = f"[{finding.rule_id}] {finding.message[lang]}"
    suggestion = finding.suggestion.get(lang, "")
    if suggestion:
        text += (" — Cách sửa: " if lang == "vi" else " — Fix: ") + suggestion
    if finding.rewrite:
        text += ("\nViết lại: «" if lang == "vi" else "\nRewrite: «") + finding.rewrite + "»"
    return text


def _block_paragraphs(source: Path, data: bytes, body) -> tuple[list, list[str]]:
    """The ``w:p`` element of every block, in block order, and the block texts.

    The docx loader's own reader walks ``body`` (python-docx's tree), so the blocks
    are numbered exactly as in the report.
    """
    from nghiquyet.plugins.docx_loader import read_docx_blocks

    pairs = read_docx_blocks(source, data, body)
    return [p for _, p in pairs], [block.text for block, _ in pairs]


def _plain(text: str) -> str:
    """Paragraph text as the loader writes it: whitespace collapsed, NFC."""
    from .text import nfc

    return nfc(" ".join(text.split()))


def _paragraph_text(p) -> str:
    """Visible text of ``w:p`` without tracked deletions, read as the loader reads it."""
    from nghiquyet.plugins.docx_loader import paragraph_text

    return _plain(paragraph_text(p))


def _title_block(texts: list[str], tables: list[bool]) -> int:
    """1-based block of the title line ("NGHỊ QUYẾT ..."), else the first block.

    Same test as the analysis: outside a table, starts with "nghị quyết", short.
    """
    for i, text in enumerate(texts):
        key = match_key(text)
        if not tables[i] and re.match(r"^nghị quyết\b", key) and word_count(key) <= 16:
            return i + 1
    return 1


def _anchor(document, p, text: str) -> None:
    """Add one comment spanning the whole paragraph ``p``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    comment = document.comments.add_comment(text=text, author=AUTHOR, initials=INITIALS)
    cid = str(comment.comment_id)
    start = OxmlElement("w:commentRangeStart", attrs={qn("w:id"): cid})
    ppr = p.find(W + "pPr")
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(OxmlElement("w:commentRangeEnd", attrs={qn("w:id"): cid}))
    # The reference run is what Word shows as the comment mark in the text.
    ref = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    rpr.append(OxmlElement("w:rStyle", attrs={qn("w:val"): "CommentReference"}))
    ref.append(rpr)
    ref.append(OxmlElement("w:commentReference", attrs={qn("w:id"): cid}))
    p.append(ref)


def annotate_docx(source: Path, report: DocumentReport, lang: str) -> bytes:
    """Return a copy of the .docx ``source`` with every finding of ``report`` as a comment.

    Each comment is anchored on the paragraph of the finding's block; findings about
    the whole document go on the title paragraph. ``source`` is read, never written.
    Raises :class:`AnnotateError` when the file is not a readable .docx or the report
    says it could not be assessed.
    """
    if report.error is not None:
        raise AnnotateError(
            "{path}: {reason}",
            path=source,
            reason=report.error.message.get(lang, report.error.code),
        )
    if source.suffix.lower() != ".docx":
        raise AnnotateError("{path}: --annotate needs a .docx draft", path=source)
    data = source.read_bytes()
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise AnnotateError(
            "{path}: cannot open as .docx ({reason})",
            path=source,
            reason=f"{type(exc).__name__}: {exc}",
        ) from None

    body = document.element.body
    paragraphs, texts = _block_paragraphs(source, data, body)
    tables = [_in_table(p) for p in paragraphs]

    by_text: dict[str, list] = {}
    for p in body.iter(W + "p"):
        by_text.setdefault(_paragraph_text(p), []).append(p)

    def paragraph_for(block: int):
        if not 1 <= block <= len(paragraphs):
            return None
        p = paragraphs[block - 1]
        wanted = texts[block - 1]
        # The loader prefixes Word's automatic numbers ("1.", "II.") to the text;
        # the XML holds only what was typed.
        if wanted.endswith(_paragraph_text(p)) and _paragraph_text(p):
            return p
        same = by_text.get(wanted)
        return same[0] if same else None

    if not paragraphs:
        raise AnnotateError("{path}: no text paragraph to comment on", path=source)
    title = paragraphs[_title_block(texts, tables) - 1]
    for finding in report.findings:
        target = paragraph_for(finding.location.block) if finding.location else None
        _anchor(document, target if target is not None else title, comment_text(finding, lang))

    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _in_table(p) -> bool:
    ancestor = p.getparent()
    while ancestor is not None:
        if ancestor.tag == W + "tc":
            return True
        ancestor = ancestor.getparent()
    return False

"""``--annotate``: findings become Word comments on the paragraph they concern."""

from __future__ import annotations

import hashlib
import io
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from nghiquyet.engine.annotate import AUTHOR, INITIALS, annotate_docx, comment_text
from nghiquyet.engine.cli import assess_command
from nghiquyet.engine.model import Location
from nghiquyet.plugins.docx_loader import paragraph_text, read_docx, read_docx_blocks

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _visible_text(p) -> str:
    """Paragraph text without tracked deletions, whitespace collapsed."""
    parts = []
    for el in p.iter(W + "t", W + "tab", W + "br"):
        if any(a.tag in (W + "del", W + "moveFrom") for a in el.iterancestors()):
            continue
        parts.append(el.text or "" if el.tag == W + "t" else " ")
    return " ".join("".join(parts).split())


def _comments_by_paragraph(data: bytes):
    """The body element, comment id -> python-docx Comment, and comment id -> the w:p
    it is anchored in (all from one parse of ``data``)."""
    document = docx.Document(io.BytesIO(data))
    comments = {str(c.comment_id): c for c in document.comments}
    anchors = {}
    for p in document.element.body.iter(W + "p"):
        starts = {s.get(W + "id") for s in p.iter(W + "commentRangeStart")}
        for cid in starts:
            anchors[cid] = p
        # every range is closed, with a reference mark, in the same paragraph
        ends = {e.get(W + "id") for e in p.iter(W + "commentRangeEnd")}
        refs = {r.get(W + "id") for r in p.iter(W + "commentReference")}
        assert starts == ends == refs
    return document.element.body, comments, anchors


def _rank(items: list[str], position: int) -> int:
    """How many items before ``position`` equal the item at ``position``."""
    return items[:position].count(items[position])


def _check_anchors(source: Path, report, data: bytes, lang: str = "vi") -> None:
    """Each finding's comment sits on the paragraph of its block (same text, same
    occurrence among equal texts); document-level ones on the title paragraph."""
    blocks = read_docx(source, source.read_bytes()).blocks
    block_texts = [b.text for b in blocks]
    body, comments, anchors = _comments_by_paragraph(data)
    assert len(comments) == len(report.findings)
    paragraphs = list(body.iter(W + "p"))
    paragraph_texts = [_visible_text(p) for p in paragraphs]
    title = next(b for b in blocks if b.text.upper().startswith("NGHỊ QUYẾT") and b.table is None)
    # one comment per finding, added in the order of the findings
    ordered = sorted(comments, key=int)
    for finding, cid in zip(report.findings, ordered, strict=True):
        comment = comments[cid]
        assert comment.text == comment_text(finding, lang)
        assert comment.author == AUTHOR
        assert comment.initials == INITIALS
        p = anchors[cid]
        block = blocks[finding.location.block - 1] if finding.location else title
        text = _visible_text(p)
        # the loader prefixes Word's automatic list numbers ("1.") to the block text
        assert text and block.text.endswith(text), (finding.rule_id, block.text, text)
        if finding.location and finding.location.excerpt:
            first_words = finding.location.excerpt.strip("…").split()[:3]
            assert " ".join(first_words) in block.text
        # the right one of several equal paragraphs
        position = paragraphs.index(p)
        assert _rank(paragraph_texts, position) == _rank(block_texts, block.index - 1)


@pytest.mark.parametrize("name", ["formalistic", "middling", "strong"])
def test_samples_get_one_comment_per_finding(tmp_path, samples, assessor, name):
    source = tmp_path / f"{name}.docx"
    source.write_bytes((samples / f"{name}.docx").read_bytes())
    before = _sha(source)
    report = assessor.assess_path(source)
    assert report.findings
    data = annotate_docx(source, report, "vi")
    assert _sha(source) == before
    _check_anchors(source, report, data)


def test_comment_text_in_both_languages(samples, assessor):
    report = assessor.assess_path(samples / "formalistic.docx")
    finding = next(f for f in report.findings if f.suggestion["vi"])
    vi = comment_text(finding, "vi")
    en = comment_text(finding, "en")
    assert (
        vi == f"[{finding.rule_id}] {finding.message['vi']} — Cách sửa: {finding.suggestion['vi']}"
    )
    assert en == f"[{finding.rule_id}] {finding.message['en']} — Fix: {finding.suggestion['en']}"
    data = annotate_docx(samples / "formalistic.docx", report, "en")
    texts = {c.text for c in docx.Document(io.BytesIO(data)).comments}
    assert en in texts


# -- a draft with everything that could throw the block numbering off ----------


def _run(text: str):
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r.append(t)
    return r


def _tracked(kind: str, text: str):
    wrapper = OxmlElement(f"w:{kind}", attrs={qn("w:id"): "90", qn("w:author"): "Bí thư"})
    r = _run(text)
    if kind == "del":
        t = r.find(W + "t")
        t.tag = W + "delText"
    wrapper.append(r)
    return wrapper


def _decimal_list(d, num_id: str) -> None:
    """Add a "1.", "2." list definition to the numbering part."""
    numbering = d.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum", attrs={qn("w:abstractNumId"): num_id})
    lvl = OxmlElement("w:lvl", attrs={qn("w:ilvl"): "0"})
    lvl.append(OxmlElement("w:start", attrs={qn("w:val"): "1"}))
    lvl.append(OxmlElement("w:numFmt", attrs={qn("w:val"): "decimal"}))
    lvl.append(OxmlElement("w:lvlText", attrs={qn("w:val"): "%1."}))
    abstract.append(lvl)
    numbering.find(W + "num").addprevious(abstract)  # abstractNum elements come first
    num = OxmlElement("w:num", attrs={qn("w:numId"): num_id})
    num.append(OxmlElement("w:abstractNumId", attrs={qn("w:val"): num_id}))
    numbering.append(num)


def _tricky_docx(path: Path) -> None:
    """A short Vietnamese draft with a header table (an empty cell), empty
    paragraphs, a wholly deleted paragraph, tracked insertions, a content control,
    automatic numbering and two paragraphs with the same text."""
    d = docx.Document()
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "ĐẢNG BỘ XÃ HÒA THẠNH"
    table.cell(0, 1).text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    table.cell(1, 0).text = "CHI BỘ THÔN ĐÔNG LỘC"
    # cell (1, 1) stays empty: no block
    d.add_paragraph("")
    d.add_paragraph("DỰ THẢO")
    d.add_paragraph("NGHỊ QUYẾT")
    d.add_paragraph("về phân loại rác thải sinh hoạt tại hộ gia đình")
    d.add_paragraph("   ")
    gone = d.add_paragraph()
    gone._p.append(_tracked("del", "Đoạn này đã bị xóa trong lúc sửa."))
    d.add_paragraph("I. TÌNH HÌNH")
    mixed = d.add_paragraph()
    mixed._p.append(_run("Thôn có 412 hộ, "))
    mixed._p.append(_tracked("del", "khoảng 300 hộ "))
    mixed._p.append(_tracked("ins", "mới 96 hộ (23%) phân loại rác tại nguồn."))
    only_ins = d.add_paragraph()
    only_ins._p.append(_tracked("ins", "Còn 5 điểm đổ rác tự phát dọc bờ kênh."))
    d.add_paragraph("Nhiều hộ chưa phân loại rác.")
    # a block-level content control around a paragraph
    inner = d.add_paragraph("Nguyên nhân chủ quan: chi bộ chưa kiểm tra thường xuyên.")._p
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    inner.addprevious(sdt)
    content.append(inner)  # moves the paragraph into the control
    sdt.append(content)
    d.add_paragraph("II. MỤC TIÊU")
    _decimal_list(d, "90")
    for text in ("Đến 30/6/2026, 95% số hộ phân loại rác.", "Xóa 5/5 điểm đổ rác tự phát."):
        p = d.add_paragraph(text)
        ppr = p._p.get_or_add_pPr()
        num = OxmlElement("w:numPr")
        ppr.append(num)
        num.append(OxmlElement("w:ilvl", attrs={qn("w:val"): "0"}))
        num.append(OxmlElement("w:numId", attrs={qn("w:val"): "90"}))
    d.add_paragraph("Nhiều hộ chưa phân loại rác.")
    d.add_paragraph("")
    d.save(path)


def test_tricky_draft_every_block_maps_to_its_paragraph(tmp_path, assessor):
    source = tmp_path / "tricky.docx"
    _tricky_docx(source)
    before = _sha(source)
    blocks = read_docx(source, source.read_bytes()).blocks
    texts = [b.text for b in blocks]
    assert "Đoạn này đã bị xóa trong lúc sửa." not in texts
    assert "Thôn có 412 hộ, mới 96 hộ (23%) phân loại rác tại nguồn." in texts
    assert "Nguyên nhân chủ quan: chi bộ chưa kiểm tra thường xuyên." in texts
    assert texts.count("Nhiều hộ chưa phân loại rác.") == 2

    report = assessor.assess_path(source)
    assert report.error is None
    # one finding on every block, plus a document-level one: the mapping is what is
    # tested here, the findings are the real report's first one, moved around
    template = report.findings[0]
    findings = [
        replace(
            template,
            rule_id=f"NQ9{i:02d}",
            location=Location(block=b.index, line=b.index, excerpt=b.text[:40]),
            message={"vi": f"khối {b.index}", "en": f"block {b.index}"},
        )
        for i, b in enumerate(blocks)
    ]
    findings.append(replace(template, rule_id="NQ000", location=None))
    everywhere = replace(report, findings=findings)
    data = annotate_docx(source, everywhere, "vi")
    _check_anchors(source, everywhere, data)
    # the real findings too
    _check_anchors(source, report, annotate_docx(source, report, "vi"))
    assert _sha(source) == before


def test_the_public_reader_pairs_each_block_with_its_paragraph(tmp_path):
    """read_docx_blocks over python-docx's tree gives the loader's very blocks, each
    with the w:p it came from; what annotate anchors its comments on."""
    source = tmp_path / "tricky.docx"
    _tricky_docx(source)
    data = source.read_bytes()
    body = docx.Document(io.BytesIO(data)).element.body
    pairs = read_docx_blocks(source, data, body)
    assert [block for block, _ in pairs] == read_docx(source, data).blocks
    in_body = list(body.iter(W + "p"))
    for block, p in pairs:
        assert p in in_body  # the caller's own elements, where comments can go
        typed = " ".join(paragraph_text(p).split())
        assert typed and block.text.endswith(typed)  # "1. " numbers are not typed
    numbered = [block.text for block, p in pairs if paragraph_text(p) != block.text]
    assert numbered == [
        "1. Đến 30/6/2026, 95% số hộ phân loại rác.",
        "2. Xóa 5/5 điểm đổ rác tự phát.",
    ]


def test_numbered_paragraph_gets_its_comment(tmp_path, assessor):
    """Word's automatic number is in the block text, not in the paragraph's XML."""
    source = tmp_path / "tricky.docx"
    _tricky_docx(source)
    blocks = read_docx(source, source.read_bytes()).blocks
    numbered = next(b for b in blocks if b.text.endswith("Xóa 5/5 điểm đổ rác tự phát."))
    assert numbered.text == "2. Xóa 5/5 điểm đổ rác tự phát."
    report = assessor.assess_path(source)
    finding = replace(
        report.findings[0], location=Location(block=numbered.index, line=numbered.index, excerpt="")
    )
    data = annotate_docx(source, replace(report, findings=[finding]), "vi")
    _, comments, anchors = _comments_by_paragraph(data)
    (cid,) = comments
    assert _visible_text(anchors[cid]) == "Xóa 5/5 điểm đổ rác tự phát."


def test_annotated_copy_keeps_the_text(tmp_path, samples, assessor):
    source = samples / "middling.docx"
    report = assessor.assess_path(source)
    data = annotate_docx(source, report, "vi")
    out = tmp_path / "reviewed.docx"
    out.write_bytes(data)
    # the copy reads back as the same draft
    assert [b.text for b in read_docx(out, data).blocks] == [
        b.text for b in read_docx(source, source.read_bytes()).blocks
    ]


# -- the command line ---------------------------------------------------------


def _assess(*args: str):
    return CliRunner().invoke(assess_command, list(args), catch_exceptions=False)


def test_cli_writes_annotated_copy(tmp_path, samples):
    source = tmp_path / "middling.docx"
    source.write_bytes((samples / "middling.docx").read_bytes())
    before = _sha(source)
    target = tmp_path / "reviewed.docx"
    result = _assess(
        str(source), "--annotate", str(target), "--format", "json", "-o", str(tmp_path / "r.json")
    )
    assert result.exit_code == 1, result.output  # middling has error-level findings
    assert _sha(source) == before
    comments = list(docx.Document(target).comments)
    assert comments and all(c.author == "nghiquyet" for c in comments)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_cli_refuses_to_annotate_over_the_input(tmp_path, samples):
    source = tmp_path / "strong.docx"
    source.write_bytes((samples / "strong.docx").read_bytes())
    before = _sha(source)
    result = _assess(str(source), "--annotate", str(source))
    assert result.exit_code == 2
    assert "không ghi đè lên tệp đầu vào" in result.output
    assert _sha(source) == before
    link = tmp_path / "link.docx"
    link.symlink_to(source)
    result = _assess(str(source), "--annotate", str(link))
    assert result.exit_code == 2
    assert _sha(source) == before


@pytest.mark.parametrize(
    "inputs",
    [
        ["strong.docx", "middling.docx"],  # two files
        ["."],  # a folder
        ["strong.md"],  # not a .docx
    ],
)
def test_cli_annotate_usage_errors(tmp_path, samples, monkeypatch, inputs):
    for name in ("strong.docx", "middling.docx", "strong.md"):
        (tmp_path / name).write_bytes((samples / name).read_bytes())
    monkeypatch.chdir(tmp_path)
    result = _assess(*inputs, "--annotate", "out.docx")
    assert result.exit_code == 2
    assert "--annotate" in result.output
    assert not (tmp_path / "out.docx").exists()


def test_unreadable_report_is_refused(tmp_path, assessor):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    report = assessor.assess_path(broken)
    assert report.error is not None
    from nghiquyet.engine.annotate import AnnotateError

    with pytest.raises(AnnotateError):
        annotate_docx(broken, report, "vi")

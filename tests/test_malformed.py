"""Malformed documents are read leniently, as Word and LibreOffice read them, or
refused with a stable code; never an internal error.

Each test is the minimal reproducer of a crash or a hang found by an attack on the
loaders (issue 15): a .docx made by python-docx, or an .odt, with one attribute or
one part edited, or one zip entry recompressed.
"""

from __future__ import annotations

import io
import random
import re
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from nghiquyet.engine.config import Config
from nghiquyet.engine.errors import InputError
from nghiquyet.engine.load import load
from nghiquyet.engine.plugin_manager import get_plugin_manager
from nghiquyet.plugins import office_values
from nghiquyet.plugins.office_values import lenient_int

sys.path.insert(0, str(Path(__file__).parent))
import hostile_files as H  # noqa: E402

# empty, not a number, a fraction, superscript digits (str.isdigit() says yes, int()
# says no), and a number of 5,000 digits (int() refuses more than 4,300)
BAD_VALUES = ["", "NaN", "1.5", "²", "-3", "9" * 5000]
PARAGRAPHS = [
    "Chi bộ thôn Đông Lộc lãnh đạo xóa 4 điểm đổ rác tự phát ven kênh Bảy Xã.",
    "Đồng chí Nguyễn Văn An, Bí thư chi bộ, chủ trì, hoàn thành trước ngày 30/6/2026.",
    "Đoàn thanh niên ra quân dọn vệ sinh mỗi tháng một lần.",
]


def _load(path: Path):
    return load(path, Config(), get_plugin_manager())


def word_file(path: Path, edits: dict[str, tuple[str, str]]) -> Path:
    """A .docx made by python-docx (a numbered list and a heading), then each part
    named in ``edits`` rewritten with a regular expression (pattern, replacement)."""
    document = docx.Document()
    document.add_heading("NGHỊ QUYẾT về xóa điểm đổ rác tự phát", level=1)
    for text in PARAGRAPHS:
        document.add_paragraph(text, style="List Number")
    buffer = io.BytesIO()
    document.save(buffer)
    return rewrite(buffer.getvalue(), path, edits)


def rewrite(data: bytes, path: Path, edits: dict[str, tuple[str, str]]) -> Path:
    """The package ``data`` with the edited parts, written to ``path``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            part = source.read(info.filename)
            if info.filename in edits:
                pattern, replacement = edits[info.filename]
                text, count = re.subn(pattern, replacement, part.decode("utf-8"))
                assert count, f"{pattern} not found in {info.filename}"
                part = text.encode("utf-8")
            out.writestr(info.filename, part)
    return path


def _texts(document) -> list[str]:
    return [block.text for block in document.blocks]


# -- .docx attributes ------------------------------------------------------------------

NUMBERED = '<w:pPr><w:numPr><w:ilvl w:val="{}"/><w:numId w:val="1"/></w:numPr>'
DOCX_ATTRIBUTES = {
    # the list level of a paragraph (document.xml) and of a numbering level
    "ilvl": ("word/document.xml", "<w:pPr>", NUMBERED),
    "lvl ilvl": ("word/numbering.xml", r'<w:lvl w:ilvl="0"', '<w:lvl w:ilvl="{}"'),
    "start": ("word/numbering.xml", r'<w:start w:val="1"/>', '<w:start w:val="{}"/>'),
    "font size": ("word/styles.xml", r'<w:sz w:val="\d+"/>', '<w:sz w:val="{}"/>'),
    "outline level": (
        "word/styles.xml",
        r'<w:outlineLvl w:val="0"/>',
        '<w:outlineLvl w:val="{}"/>',
    ),
}


def _by_the_pattern(value, default, low, high):
    # lenient_int as its pattern reads every value (it skips the pattern for plain digits)
    found = office_values._INTEGER.fullmatch(value or "")
    if not found:
        return default
    sign, digits = found.groups()
    digits = digits.lstrip("0") or "0"
    if len(digits) > office_values._MAX_DIGITS:
        return low if sign == "-" else high
    return max(low, min(high, int(sign + digits)))


@pytest.mark.parametrize(
    "value",
    [*BAD_VALUES, None, "26", "0026", "1", "9999", " 26", "+26", "٢٦", "0" * 14 + "26"]
    + ["123456789012", "1234567890123", "0", "00"],
)
def test_plain_digits_are_read_as_the_lenient_pattern_reads_them(value):
    assert lenient_int(value, None, 2, 3276) == _by_the_pattern(value, None, 2, 3276)
    assert lenient_int(value, 7, -5, 10**13) == _by_the_pattern(value, 7, -5, 10**13)


@pytest.mark.parametrize(
    "value", BAD_VALUES, ids=["empty", "nan", "fraction", "super", "neg", "5000"]
)
@pytest.mark.parametrize("attribute", list(DOCX_ATTRIBUTES))
def test_docx_attribute_values_are_read_leniently(tmp_path, attribute, value):
    part, pattern, replacement = DOCX_ATTRIBUTES[attribute]
    path = word_file(tmp_path / "draft.docx", {part: (pattern, replacement.format(value))})
    texts = _texts(_load(path))
    assert any("Đông Lộc" in text for text in texts), texts


def test_docx_numbering_start_of_a_trillion_is_clamped(tmp_path):
    # a start of 10^12 spun for minutes drawing a Roman numeral one "M" at a time
    for fmt in ("upperRoman", "decimal", "lowerLetter"):
        path = word_file(
            tmp_path / f"{fmt}.docx",
            {
                "word/numbering.xml": (
                    r'<w:start w:val="1"/><w:numFmt w:val="\w+"/>',
                    f'<w:start w:val="{10**12}"/><w:numFmt w:val="{fmt}"/>',
                )
            },
        )
        texts = _texts(_load(path))
        assert any(text.endswith("kênh Bảy Xã.") for text in texts)
        assert all(len(text) < 400 for text in texts)


def test_docx_based_on_cycles_and_long_chains_are_cut(tmp_path):
    # Heading1 based on itself through Normal, and a chain of 5,000 styles, each
    # based on the next: neither loops nor overflows the stack
    cycle = word_file(
        tmp_path / "cycle.docx",
        {
            "word/styles.xml": (
                r'(<w:style w:type="paragraph" w:default="1" w:styleId="Normal">)',
                r'\1<w:basedOn w:val="Heading1"/>',
            )
        },
    )
    assert any("Đông Lộc" in text for text in _texts(_load(cycle)))
    chain = "".join(
        f'<w:style w:type="paragraph" w:styleId="S{n}"><w:name w:val="S{n}"/>'
        f'<w:basedOn w:val="S{n + 1}"/><w:rPr><w:b/></w:rPr></w:style>'
        for n in range(5000)
    )
    long_chain = word_file(
        tmp_path / "chain.docx",
        {
            "word/styles.xml": ("</w:styles>", chain + "</w:styles>"),
            "word/document.xml": ("<w:pPr>", '<w:pPr><w:pStyle w:val="S0"/>'),
        },
    )
    assert any("Đông Lộc" in text for text in _texts(_load(long_chain)))


def test_a_broken_lzma_entry_is_corrupt(tmp_path):
    # zipfile reads LZMA entries, and a broken one raises lzma.LZMAError, which is
    # no OSError: it escaped as an internal error
    good = word_file(tmp_path / "good.docx", {})
    source = zipfile.ZipFile(good)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for info in source.infolist():
            lzma = info.filename == "word/document.xml"
            out.writestr(
                info.filename,
                source.read(info.filename),
                compress_type=zipfile.ZIP_LZMA if lzma else zipfile.ZIP_DEFLATED,
            )
    recompressed = tmp_path / "lzma.docx"
    recompressed.write_bytes(buffer.getvalue())
    assert any("Đông Lộc" in text for text in _texts(_load(recompressed)))  # read as it is
    info = zipfile.ZipFile(recompressed).getinfo("word/document.xml")
    data_at = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    # the LZMA properties (5 bytes after a 4-byte header), then the stream itself
    for at, garbage in ((4, b"\xff" * 5), (9, b"\xff" * 4)):
        broken = bytearray(buffer.getvalue())
        broken[data_at + at : data_at + at + len(garbage)] = garbage
        path = tmp_path / "broken.docx"
        path.write_bytes(bytes(broken))
        with pytest.raises(InputError) as caught:
            _load(path)
        assert caught.value.code == "corrupt"


# -- .odt attributes -------------------------------------------------------------------

ODT_LIST_STYLE = (
    '<office:automatic-styles><text:list-style style:name="L1">'
    '<text:list-level-style-number text:level="{level}" style:num-format="I" '
    'style:num-suffix="." text:start-value="{start}" text:display-levels="{shown}"/>'
    "</text:list-style>"
    '<style:style style:name="P1" style:family="paragraph" style:default-outline-level="{outline}">'
    '<style:text-properties fo:font-size="{size}pt" fo:font-weight="{weight}"/></style:style>'
    "</office:automatic-styles>"
)
ODT_BODY = (
    '<text:h text:outline-level="{outline}">NGHỊ QUYẾT về xóa điểm đổ rác tự phát</text:h>'
    '<text:list text:style-name="L1"><text:list-item text:start-value="{start}">'
    '<text:p text:style-name="P1">{first}</text:p></text:list-item>'
    "<text:list-item><text:p>{second}</text:p></text:list-item></text:list>"
    '<text:p>Bảng<text:s text:c="{count}"/>phân công</text:p>'
    '<table:table><table:table-row><table:table-cell table:number-columns-repeated="{count}">'
    "<text:p>{third}</text:p></table:table-cell></table:table-row></table:table>"
)
ODT_FIELDS = ("level", "start", "shown", "outline", "size", "weight", "count")


def odt_file(path: Path, **values: str) -> Path:
    """An .odt with a numbered list, a heading, spaces and a table, whose numeric
    attributes take ``values`` (a sensible default for the others)."""
    fields = {"level": "1", "start": "1", "shown": "1", "outline": "1", "size": "13"}
    fields.update({"weight": "bold", "count": "2"}, **values)
    first, second, third = PARAGRAPHS
    body = ODT_BODY.format(first=first, second=second, third=third, **fields)
    path.write_bytes(H.odt_bytes(body, automatic=ODT_LIST_STYLE.format(**fields)))
    return path


def test_odt_reference_file_is_read(tmp_path):
    texts = _texts(_load(odt_file(tmp_path / "draft.odt")))
    assert texts[1] == f"I. {PARAGRAPHS[0]}", texts


@pytest.mark.parametrize(
    "value", BAD_VALUES, ids=["empty", "nan", "fraction", "super", "neg", "5000"]
)
@pytest.mark.parametrize("field", ODT_FIELDS)
def test_odt_attribute_values_are_read_leniently(tmp_path, field, value):
    texts = _texts(_load(odt_file(tmp_path / "draft.odt", **{field: value})))
    assert any("Đông Lộc" in text for text in texts), texts


def test_odt_list_start_of_a_trillion_is_clamped(tmp_path):
    texts = _texts(_load(odt_file(tmp_path / "draft.odt", start=str(10**12), shown=str(10**12))))
    assert any(text.endswith("kênh Bảy Xã.") for text in texts)
    assert all(len(text) < 400 for text in texts)


def test_odt_parent_style_cycle_is_cut(tmp_path):
    styles = (
        f"<office:document-styles {H.ODT_NS}><office:styles>"
        '<style:style style:name="A" style:family="paragraph" style:parent-style-name="B"/>'
        '<style:style style:name="B" style:family="paragraph" style:parent-style-name="A"/>'
        "</office:styles></office:document-styles>"
    )
    body = "".join(f'<text:p text:style-name="A">{text}</text:p>' for text in PARAGRAPHS)
    path = tmp_path / "cycle.odt"
    path.write_bytes(H.odt_bytes(body, styles=styles))
    assert _texts(_load(path)) == PARAGRAPHS


# -- the analysis ----------------------------------------------------------------------


def test_a_date_that_a_number_overlaps_stays_a_date(run, tmp_path):
    # "5%31/5/2026": the percentage and the date expand to the same token, and the
    # number's value (5.0) overwrote the date's: "'float' object is not subscriptable"
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "NGHỊ QUYẾT về xóa điểm đổ rác tự phát\nĐồng chí An thực hiện trước 5%31/5/2026 năm.\n",
        "utf-8",
    )
    result = run(draft, "--force", "--format", "json", "--exit-zero")
    assert result.exit_code == 0, result.output
    assert "internal" not in result.stdout


def test_random_overlaps_of_dates_and_numbers_keep_dates_strings():
    from nghiquyet.engine.nlp import build_pipeline

    nlp = build_pipeline()
    pieces = ["ngày", "5", "/", "3", "2026", "tháng", "năm", "hộ", "%", "31/5/2026", "30/4", " "]
    rng = random.Random(15)
    for _ in range(2000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(6))
        doc = nlp(text)
        for span in doc.spans["dates"]:
            assert isinstance(span._.value, str), (text, span.text, span._.value)

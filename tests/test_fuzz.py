"""Property tests: loaders, extraction and scoring never raise anything but our typed
errors, and scores stay within 0–100, whatever the input."""

from __future__ import annotations

import functools
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nghiquyet.engine import legacy, legacy_codecs
from nghiquyet.engine.config import Config
from nghiquyet.engine.errors import ConfigError, InputError
from nghiquyet.engine.load import load
from nghiquyet.engine.model import Block, Document
from nghiquyet.engine.nlp import find_dates, find_numbers, find_persons
from nghiquyet.engine.plugin_manager import get_plugin_manager
from nghiquyet.engine.text import match_key
from nghiquyet.plugins.text_loader import decode_text, parse_markdown, parse_plain

sys.path.insert(0, str(Path(__file__).parent))
import hostile_files as H  # noqa: E402
from test_malformed import BAD_VALUES, odt_file, word_file  # noqa: E402

FAST = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
SLOW = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

VIET = "aăâeêioôơuưyđAĂÂEÊIOÔƠUƯYĐ" + "".join(legacy_codecs.VIETNAMESE_LETTERS)
WORDS = [
    "Nghị quyết",
    "chi bộ",
    "đồng chí Nguyễn Văn An",
    "Bí thư",
    "chủ trì",
    "hoàn thành trước",
    "15/3/2026",
    "ngày 05 tháng 02 năm 2026",
    "quý II/2026",
    "95%",
    "120 hộ",
    "50 triệu đồng",
    "I. TÌNH HÌNH",
    "II. MỤC TIÊU",
    "III. NHIỆM VỤ, GIẢI PHÁP",
    "IV. TỔ CHỨC THỰC HIỆN",
    "khó khăn",
    "tháo gỡ",
    "sơ kết",
    "tổng kết",
    "DỰ THẢO",
    "biểu quyết",
    "tán thành",
    "|",
    "**",
    "#",
    "-",
    "1.",
    "\n",
    "\n\n",
    " ",
    "Céng hoµ",
    "Vieät Nam",
    "ÅØÆ",
]
vietnamese_text = st.lists(
    st.one_of(st.sampled_from(WORDS), st.text(alphabet=VIET + " .,;:%/-()0123456789", max_size=12)),
    max_size=60,
).map(" ".join)
any_text = st.one_of(st.text(max_size=400), vietnamese_text)


def _loader_ok(call):
    try:
        return call()
    except (InputError, ConfigError):
        return None


@FAST
@given(st.binary(max_size=600))
def test_decode_text_random_bytes(data):
    result = _loader_ok(lambda: decode_text(data, Path("x.txt")))
    if result is not None:
        text, encoding = result
        assert isinstance(text, str) and encoding


@FAST
@given(any_text)
def test_text_parsers_and_legacy_repair(text):
    for parse in (parse_plain, parse_markdown):
        document = parse(text, "x.md")
        for i, block in enumerate(document.blocks, start=1):
            assert block.index == i and block.text == block.text.strip() and block.text
    repaired, encoding, count = legacy.repair_blocks([b.text for b in document.blocks])
    assert len(repaired) == len(document.blocks) and (encoding is None) == (count == 0)
    legacy.verdict(text)
    legacy.looks_garbled(text)


@FAST
@given(st.text(alphabet=VIET + " .,", max_size=200))
def test_vni_round_trip_any_vietnamese_text(text):
    nfc = unicodedata.normalize("NFC", text)
    assert legacy_codecs.decode_vni(legacy_codecs.encode_vni(nfc)) == nfc


@FAST
@given(any_text)
def test_extraction_spans_stay_inside_the_text(text):
    key = match_key(text)
    assert len(key) == len(text)
    dates = find_dates(key)
    for start, end, *_ in dates:
        assert 0 <= start < end <= len(key)
    for start, end, *_ in find_numbers(key, [(d[0], d[1]) for d in dates]):
        assert 0 <= start < end <= len(key)
    for start, end, *_ in find_persons(text):
        assert 0 <= start < end <= len(text)


date_words = st.lists(
    st.sampled_from(["sáu", "tháng", "đầu", "cuối", "năm", "quý", "ii", "iv", "/", "%", "-"]),
    max_size=12,
).map(" ".join)
number_text = st.lists(
    st.one_of(
        st.sampled_from(
            ["ngày", "tháng", "năm", "quý", "vụ", "hè thu", "nhiệm kỳ", "trước", "hộ", "phần trăm"]
            + ["2026", "2025–2030", "15/4/2026", "30/6", "II", "iv", "đầu", "sáu", "1.200"]
            + ["vụ hè thu 2026", "nhiệm kỳ 2025–2030", "quý II/2026", "ngày 5 tháng 3 năm 2026"]
            + ["sáu tháng đầu năm 2026", "trong tháng 4", "trước 30/4", "cuối năm 2026"]
        ),
        st.text(alphabet="0123456789٣/.,-–%: x", min_size=1, max_size=10),
    ),
    max_size=16,
).map(lambda parts: "".join(p if p[0].isdigit() else f" {p} " for p in parts))


@settings(max_examples=400, deadline=None)
@given(st.one_of(number_text, any_text))
def test_number_finders_find_what_every_pattern_finds_everywhere(text):
    # the finders skip the patterns whose words a key lacks: the same matches as
    # running every pattern; and the patterns that open with a number, which ask what
    # may not precede it after its first digit, match as with that asked before it
    import re

    from nghiquyet.engine import numbers as N

    key = match_key(text)
    matches = [(kind, m.span(), m.groups()) for kind, m in N._date_matches(key)]
    everywhere = [
        (kind, m.span(), m.groups()) for kind, p in N.DATE_PATTERNS for m in p.finditer(key)
    ]
    assert matches == everywhere
    looking_back_first = {
        N._PERCENT_RE: r"(?<![\d.,])(\d{1,3}(?:[.,]\d+)?)\s*(%|phần trăm)",
        N._NUMBER_RE: r"(?<![\w/.,\-])(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)(?![\d%/\-]|\.\d)",
        N._FRACTION_RE: r"(?<![\d/])(\d{1,5})\s*/\s*(\d{1,5})(?![\d/])\s+([^\W\d_]+)",
        N.DATE_PATTERNS[1][1]: r"(?<![\d/.\-])(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*"
        r"((?:19|20)\d{2})(?![\d/])",
    }
    for pattern, before in looking_back_first.items():
        found = [(m.span(), m.groups()) for m in pattern.finditer(key)]
        assert found == [(m.span(), m.groups()) for m in re.finditer(before, key)], before


@FAST
@given(st.one_of(any_text, date_words))
def test_number_finder_skipped_only_where_it_finds_nothing(text):
    # the pipeline skips the finders on a block without a digit or a date word
    from nghiquyet.engine.numbers import may_hold_numbers

    key = match_key(text)
    if not may_hold_numbers(key):
        assert find_dates(key) == [] and find_numbers(key, []) == []


@pytest.fixture(scope="module", params=["docx", "odt"])
def base_package(request, tmp_path_factory) -> tuple[str, bytes]:
    """A small real draft as a .docx and as an .odt."""
    write = H.unicode_docx if request.param == "docx" else H.unicode_odt
    folder = tmp_path_factory.mktemp("fuzz")
    path = write(folder / f"base.{request.param}", H.sample_blocks("middling")[:12])
    return request.param, path.read_bytes()


@SLOW
@given(data=st.data())
def test_mutated_package_is_read_or_refused(tmp_path, base_package, data):
    suffix, base = base_package
    raw = bytearray(base)
    for _ in range(data.draw(st.integers(1, 8))):
        kind = data.draw(st.sampled_from(["flip", "cut", "insert"]))
        at = data.draw(st.integers(0, len(raw) - 1))
        if kind == "flip":
            raw[at] = data.draw(st.integers(0, 255))
        elif kind == "cut":
            del raw[at : at + data.draw(st.integers(1, 64))]
        else:
            raw[at:at] = data.draw(st.binary(min_size=1, max_size=32))
        if not raw:
            break
    path = tmp_path / f"mutant.{suffix}"
    path.write_bytes(bytes(raw))
    document = _loader_ok(lambda: load(path, Config(), get_plugin_manager()))
    if document is not None:
        assert all(isinstance(b.text, str) for b in document.blocks)


paragraph = st.tuples(
    st.sampled_from(["paragraph", "heading", "list_item", "table_cell"]),
    vietnamese_text.filter(lambda t: t.strip()),
    st.booleans(),
)


@functools.cache
def forced_assessor():
    """An assessor that scores what is not a thematic resolution too (``--force``)."""
    from nghiquyet.engine.config import Config
    from nghiquyet.engine.runner import Assessor

    return Assessor(Config(force=True))


@SLOW
@given(st.lists(paragraph, min_size=1, max_size=25), st.sampled_from(["auto", "draft", "adopted"]))
def test_scores_stay_within_bounds(assessor, paras, stage):
    blocks = [
        Block(
            index=i,
            text=" ".join(text.split()),
            kind=kind,
            line=i,
            bold=bold,
            heading_level=1 if kind == "heading" else None,
        )
        for i, (kind, text, bold) in enumerate(paras, start=1)
    ]
    blocks = [b for b in blocks if b.text]
    for i, b in enumerate(blocks, start=1):
        b.index = b.line = i
    if not blocks:
        return
    document = Document(path="fuzz.md", format="md", blocks=blocks)
    report = assessor.assess_document(document, stage=stage)
    if report.error is not None:  # refused as not a thematic resolution: no score at all
        assert report.error.code in {"not_a_resolution", "no_diacritics"}, report.error
        assert report.score is None and not report.criteria
        # forced, the same text is scored, and its scores are bounded like any other
        report = forced_assessor().assess_document(document, stage=stage)
    assert 0.0 <= report.score <= 100.0
    for criterion in report.criteria:
        assert criterion.score is None or 0.0 <= criterion.score <= 100.0
    for finding in report.findings:
        assert finding.location is None or 1 <= finding.location.block <= len(blocks)


# -- structured mutations: attribute values and elements of the XML parts ----------

ATTRIBUTE_VALUES = [*BAD_VALUES, "0", "-1", "1e9", str(10**12), "true", "x", "  7 "]
# the parts whose attributes and elements are mutated, by format
PARTS = {
    "docx": ("word/document.xml", "word/numbering.xml", "word/styles.xml"),
    "odt": ("content.xml",),
}


@pytest.fixture(scope="module", params=["docx", "odt"])
def structured_package(request, tmp_path_factory) -> tuple[str, bytes]:
    """A draft with a numbered list, a heading, styles and a table (python-docx's
    package, or an .odt with a list style), as bytes."""
    folder = tmp_path_factory.mktemp("structured")
    if request.param == "docx":
        return "docx", word_file(folder / "base.docx", {}).read_bytes()
    return "odt", odt_file(folder / "base.odt").read_bytes()


def _mutate_part(raw: bytes, data) -> bytes:
    """``raw`` XML with a few attribute values replaced and elements deleted."""
    from lxml import etree

    root = etree.fromstring(raw)
    for _ in range(data.draw(st.integers(1, 6), label="mutations")):
        elements = [el for el in root.iter() if el is not root and isinstance(el.tag, str)]
        if not elements:
            break
        element = data.draw(st.sampled_from(elements), label="element")
        if element.attrib and data.draw(st.booleans(), label="attribute?"):
            name = data.draw(st.sampled_from(sorted(element.attrib)), label="attribute")
            element.set(name, data.draw(st.sampled_from(ATTRIBUTE_VALUES), label="value"))
        elif element.getparent() is not None:
            element.getparent().remove(element)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_structurally_mutated_package_is_read_or_refused(tmp_path, structured_package, data):
    import io
    import zipfile

    suffix, base = structured_package
    source = zipfile.ZipFile(io.BytesIO(base))
    mutated = data.draw(st.sampled_from(PARTS[suffix]), label="part")
    path = tmp_path / f"mutant.{suffix}"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            part = source.read(info.filename)
            if info.filename == mutated:
                part = _mutate_part(part, data)
            out.writestr(info, part)
    document = _loader_ok(lambda: load(path, Config(), get_plugin_manager()))
    if document is not None:
        # a list's prefix or suffix is text and is read as written, however long
        assert all(isinstance(b.text, str) and b.text for b in document.blocks)

"""TCVN3 and VNI: the conversion tables letter by letter, .docx runs in legacy fonts,
mojibake in Unicode fonts, and the refusal to score garbage."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import pytest
from nghiquyet.engine import legacy, legacy_codecs
from nghiquyet.engine.config import Config
from nghiquyet.engine.errors import InputError
from nghiquyet.engine.load import load
from nghiquyet.engine.plugin_manager import get_plugin_manager

sys.path.insert(0, str(Path(__file__).parent))
import hostile_files as H  # noqa: E402

TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # ngang huyền sắc hỏi ngã nặng
VOWELS = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")
LETTERS = [unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES]
ALL = [*LETTERS, *(ch.upper() for ch in LETTERS), "đ", "Đ"]


def _load(path: Path):
    return load(path, Config(), get_plugin_manager())


def test_every_letter_has_all_six_tones():
    assert len(ALL) == 12 * 6 * 2 + 2 and len(set(ALL)) == len(ALL)


@pytest.mark.parametrize("letter", ALL)
def test_vni_round_trip_every_letter(letter):
    encoded = legacy_codecs.encode_vni(letter)
    assert encoded != letter or letter.isascii() or letter in "ìíÌÍ"
    assert legacy_codecs.decode_vni(encoded) == letter
    assert legacy_codecs.decode_vni("x" + encoded + "x") == "x" + letter + "x"


@pytest.mark.parametrize("letter", ALL)
def test_tcvn3_round_trip_every_letter(letter):
    caps = letter.isupper() and not letter.isascii() and letter not in "ĂÂÊÔƠƯĐ"
    if caps:  # VN3 has no capitals with a tone: they are typed in the capital font
        with pytest.raises(ValueError):
            legacy_codecs.encode_tcvn3(letter)
    encoded = legacy_codecs.encode_tcvn3(letter, caps=caps)
    assert all(ord(ch) < 0x100 for ch in encoded)
    assert legacy_codecs.decode_tcvn3(encoded, caps=caps) == letter


def test_tables_are_one_to_one():
    assert (
        len(set(legacy_codecs.TCVN3_TO_UNICODE.values()))
        == len(legacy_codecs.TCVN3_TO_UNICODE)
        == 67 + 7
    )
    assert len(set(legacy_codecs.UNICODE_TO_VNI.values())) == len(legacy_codecs.UNICODE_TO_VNI)


def test_known_words():
    assert (
        legacy_codecs.decode_tcvn3("Céng hoµ x· héi chñ nghÜa ViÖt Nam")
        == "Cộng hoà xã hội chủ nghĩa Việt Nam"
    )
    assert legacy_codecs.decode_tcvn3("NghÞ quyÕt vÒ t¨ng c­êng") == "Nghị quyết về tăng cường"
    assert legacy_codecs.decode_tcvn3("®¶ng céng s¶n", caps=True) == "ĐẢNG CỘNG SẢN"
    assert (
        legacy_codecs.decode_vni("Ñaûng Coäng saûn Vieät Nam, ngöôøi thöïc hieän")
        == "Đảng Cộng sản Việt Nam, người thực hiện"
    )
    assert legacy_codecs.decode_vni("Nghò quyeát") == "Nghị quyết"


def test_font_names():
    assert legacy_codecs.font_encoding(".VnTime") == ("tcvn3", False)
    assert legacy_codecs.font_encoding(".VnTimeH") == ("tcvn3", True)
    assert legacy_codecs.font_encoding(".VnArial NarrowH") == ("tcvn3", True)
    assert legacy_codecs.font_encoding("VNI-Times") == ("vni", False)
    assert (
        legacy_codecs.font_encoding("Times New Roman") is None
        and legacy_codecs.font_encoding(None) is None
    )


@pytest.fixture(scope="module")
def blocks():
    return H.sample_blocks("strong")


@pytest.fixture(scope="module")
def legacy_docs(tmp_path_factory, blocks):
    folder = tmp_path_factory.mktemp("legacy")
    return {
        "unicode": H.unicode_docx(folder / "unicode.docx", blocks),
        "tcvn3": H.tcvn3_docx(folder / "tcvn3.docx", blocks),
        "tcvn3_arial": H.tcvn3_docx(folder / "arial.docx", blocks, font=".VnArial"),
        "vni": H.vni_docx(folder / "vni.docx", blocks),
    }


@pytest.mark.parametrize("kind", ["tcvn3", "tcvn3_arial", "vni"])
def test_legacy_font_docx_reads_as_unicode(legacy_docs, blocks, kind):
    document = _load(legacy_docs[kind])
    assert [b.text for b in document.blocks] == blocks
    notes = [n for n in document.notes if isinstance(n, dict)]
    assert notes and "Unicode" in notes[0]["vi"] and "Unicode" in notes[0]["en"]


def test_legacy_font_draft_scores_like_the_unicode_one(legacy_docs, assessor):
    reference = assessor.assess_document(_load(legacy_docs["unicode"]))
    for kind in ("tcvn3", "vni"):
        report = assessor.assess_document(_load(legacy_docs[kind]))
        # only the font rule (a .Vn/VNI font is not Times New Roman) may differ
        same = {c.id: c.score for c in report.criteria if c.id != "format"}
        assert same == {c.id: c.score for c in reference.criteria if c.id != "format"}
        assert report.notes and not any(f.rule_id == "NQ001" for f in report.findings)


def test_note_reaches_the_json_report(legacy_docs, tmp_path, monkeypatch):
    import json

    from click.testing import CliRunner
    from nghiquyet.engine.cli import assess_command

    monkeypatch.setenv("NGHIQUYET_CACHE_DIR", str(tmp_path / "cache"))
    result = CliRunner().invoke(
        assess_command, [str(legacy_docs["vni"]), "-f", "json", "--lang", "en"]
    )
    notes = json.loads(result.stdout)["documents"][0]["notes"]
    assert any("VNI" in n and "Unicode" in n for n in notes)


def test_tcvn3_in_a_unicode_font_is_recognised(tmp_path, blocks):
    lower = [b.lower() for b in blocks]
    path = H.unicode_docx(
        tmp_path / "mojibake.docx", [legacy_codecs.encode_tcvn3(b) for b in lower]
    )
    document = _load(path)
    assert [b.text for b in document.blocks] == lower
    assert any("TCVN3" in n["en"] for n in document.notes if isinstance(n, dict))


def test_vni_text_file_with_mojibake_is_recognised(tmp_path, blocks):
    path = tmp_path / "vni.txt"
    path.write_text("\n".join(legacy_codecs.encode_vni(b) for b in blocks), "utf-8")
    assert [b.text for b in _load(path).blocks] == blocks


def test_one_pasted_legacy_paragraph_is_converted(tmp_path, blocks):
    mixed = list(blocks)
    mixed[12] = legacy_codecs.encode_vni(blocks[12])
    path = tmp_path / "mixed.md"
    path.write_text("\n\n".join(mixed), "utf-8")
    document = _load(path)
    assert document.blocks[12].text == blocks[12]
    assert document.blocks[3].text == blocks[3]


def test_unknown_garbage_is_refused_not_scored(tmp_path):
    garbage = ["ÅØÆ ßðþ ¿¡ ×÷ ÐÞ ĦŁ øåæ ÿþý ŒŠŽ"] * 10
    path = H.unicode_docx(tmp_path / "rac.docx", garbage)
    with pytest.raises(InputError) as caught:
        _load(path)
    assert caught.value.code == "legacy_encoding"


def test_some_leftover_garbage_gets_nq001(assessor, tmp_path, blocks):
    text = list(blocks)
    text.insert(20, "ÅØÆ ßðþ ¿¡ ×÷ ÐÞ ĦŁ øåæ")
    path = tmp_path / "mot-doan.md"
    path.write_text("\n\n".join(text), "utf-8")
    report = assessor.assess_document(_load(path))
    hits = [f for f in report.findings if f.rule_id == "NQ001"]
    assert len(hits) == 1 and hits[0].criterion == "meta"
    assert report.score is not None


def test_each_block_is_judged_once_per_draft(assessor, samples):
    # loading judges every block (to convert or refuse it) and NQ001 asks again:
    # the second time costs a look-up, not another pass over the words
    legacy.verdict.cache_clear()
    report = assessor.assess_path(samples / "middling.docx")
    assert report.error is None and not [f for f in report.findings if f.rule_id == "NQ001"]
    blocks = {b.text for b in _load(samples / "middling.docx").blocks}
    assert legacy.verdict.cache_info().misses == len(blocks)


def test_unicode_samples_are_left_alone(samples):
    for name in ("strong", "middling", "formalistic"):
        for suffix in (".md", ".docx"):
            document = _load(samples / f"{name}{suffix}")
            assert not document.notes, (name, suffix, document.notes)
            assert not any(legacy.looks_garbled(b.text) for b in document.blocks)


def test_vni_letters_split_across_runs_are_joined(tmp_path, blocks):
    # Word splits a run wherever the formatting changes, even between a VNI base
    # letter and its mark byte ("Nghò" with only "ò" in bold): here every byte is
    # its own run, the worst case.
    runs = [[(ch, "VNI-Times") for ch in legacy_codecs.encode_vni(b)] for b in blocks]
    document = _load(H.write_docx(tmp_path / "split.docx", H.document_xml(runs)))
    assert [b.text for b in document.blocks] == blocks


def test_a_unicode_run_between_vni_runs_stays_as_written(tmp_path):
    runs = [[("Nghò quyeá", "VNI-Times"), ("t", "Times New Roman"), (" soá 02", "VNI-Times")]]
    document = _load(H.write_docx(tmp_path / "mixed.docx", H.document_xml(runs)))
    # "quyeá" ends its VNI run: the Unicode "t" is not glued into a VNI sequence
    assert document.blocks[0].text == "Nghị quyết số 02"

"""Text files in every encoding a cell may send: UTF-8 (± BOM), UTF-16, Windows-1258,
TCVN3 and VNI bytes; and a clear ``encoding`` error when none of them fits."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from nghiquyet.engine import legacy_codecs
from nghiquyet.engine.config import Config
from nghiquyet.engine.errors import InputError
from nghiquyet.engine.load import load
from nghiquyet.engine.plugin_manager import get_plugin_manager


@pytest.fixture(scope="module")
def text(samples) -> str:
    return (samples / "middling.md").read_text("utf-8")


def _blocks(path: Path) -> list[str]:
    return [b.text for b in load(path, Config(), get_plugin_manager()).blocks]


ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-sig": lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
    "utf-16-le-bom": lambda t: t.encode("utf-16"),
    "utf-16-be-bom": lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
    "cp1258": legacy_codecs.encode_cp1258,
    "vni": lambda t: legacy_codecs.encode_vni(t).encode("cp1252"),
}


@pytest.mark.parametrize("suffix", [".md", ".txt"])
@pytest.mark.parametrize("name", list(ENCODINGS))
def test_each_encoding_reads_the_same(tmp_path, text, name, suffix):
    reference = tmp_path / f"ref{suffix}"
    reference.write_bytes(text.encode("utf-8"))
    path = tmp_path / f"draft-{name}{suffix}"
    path.write_bytes(ENCODINGS[name](text))
    blocks = _blocks(path)
    assert blocks == _blocks(reference)
    assert all(unicodedata.is_normalized("NFC", b) for b in blocks)


def test_cp1258_tones_are_combining_marks_and_come_out_nfc(tmp_path):
    data = legacy_codecs.encode_cp1258("Nghị quyết về tăng cường")
    assert b"\xf2" in data  # the dot below is a separate byte (combining U+0323)
    path = tmp_path / "cp1258.txt"
    path.write_bytes(data)
    document = load(path, Config(), get_plugin_manager())
    assert document.blocks[0].text == "Nghị quyết về tăng cường"
    assert document.meta["encoding"] == "cp1258"
    assert any("Windows-1258" in n["en"] for n in document.notes)


def test_tcvn3_bytes_file(tmp_path, text):
    lower = text.lower()
    path = tmp_path / "tcvn3.txt"
    path.write_bytes(legacy_codecs.encode_tcvn3(lower).encode("cp1252"))
    reference = tmp_path / "ref.txt"
    reference.write_text(lower, "utf-8")
    assert _blocks(path) == _blocks(reference)


@pytest.mark.parametrize(
    "data",
    [
        "Grüße aus München, schöne Straße; ½ Preis".encode("latin-1"),
        "Привет, как дела? Это не вьетнамский".encode("cp1251"),
        "日本語のテキストです".encode("shift_jis"),
        bytes(range(0x80, 0x100)) * 3,
    ],
    ids=["latin1-german", "cp1251", "shift-jis", "high-bytes"],
)
def test_unsure_is_said_not_guessed(tmp_path, data):
    path = tmp_path / "draft.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        load(path, Config(), get_plugin_manager())
    assert caught.value.code == "encoding"
    assert "UTF-8" in caught.value.message["en"] and "draft.txt" in caught.value.message["vi"]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"   \n\n\t ", "empty"),
        (b"\xef\xbb\xbf", "empty"),
        (b"\xef\xbb\xbf\xff\xfe\xfa", "encoding"),
        (b"\xff\xfeA", "encoding"),
        (b"PK\x03\x04\x14\x00\x00\x00", "not_text"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "not_text"),
    ],
)
def test_broken_text_files(tmp_path, data, code):
    path = tmp_path / "draft.md"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        load(path, Config(), get_plugin_manager())
    assert caught.value.code == code


def test_utf16_without_bom(tmp_path):
    path = tmp_path / "notepad.txt"
    path.write_bytes("Nghị quyết về phân loại rác\nChi bộ thôn Đông Lộc".encode("utf-16-le"))
    assert _blocks(path) == ["Nghị quyết về phân loại rác", "Chi bộ thôn Đông Lộc"]

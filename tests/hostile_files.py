"""Builds broken, hostile and legacy input files for the tests, into a given folder.

Nothing here is downloaded or committed as a binary: every file is made from the
sample drafts and a few lines of code. The .docx packages are written with zipfile
(a minimal WordprocessingML package), the OLE/CFB containers of a legacy .doc and a
password-protected .docx with a small CFB writer (``olefile`` reads but cannot
write), and the 1 GiB zip bomb with a pre-compressed DEFLATE block repeated, so it
takes well under a second to build.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path
from xml.sax.saxutils import escape

from nghiquyet.engine import legacy_codecs
from nghiquyet.plugins.text_loader import parse_markdown

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)

Run = tuple[str, str | None]  # (text, font name or None)


def sample_blocks(name: str = "strong") -> list[str]:
    """The block texts of a sample draft, as the Markdown loader reads them."""
    md = SAMPLES / f"{name}.md"
    return [b.text for b in parse_markdown(md.read_text("utf-8"), str(md)).blocks]


def document_xml(paragraphs: list[list[Run]], prologue: str = "") -> str:
    """A word/document.xml whose paragraphs are runs of (text, font)."""
    body = []
    for runs in paragraphs:
        parts = []
        for text, font in runs:
            rpr = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr>' if font else ""
            parts.append(f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>')
        body.append(f"<w:p>{''.join(parts)}</w:p>")
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prologue}'
        f'<w:document xmlns:w="{W_NS}"><w:body>{"".join(body)}</w:body></w:document>'
    )


def write_docx(
    path: Path, document: str | bytes, extra: dict[str, str | bytes] | None = None
) -> Path:
    """A minimal .docx package holding ``document`` as word/document.xml."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", document)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return path


def unicode_docx(path: Path, blocks: list[str], font: str = "Times New Roman") -> Path:
    return write_docx(path, document_xml([[(b, font)] for b in blocks]))


def tcvn3_runs(text: str, font: str = ".VnTime") -> list[Run]:
    """Runs as a drafter typed them in TCVN3: capitals with a tone (which VN3 lacks)
    go into the capital font (``.VnTimeH``), the rest into the normal one."""
    runs: list[Run] = []
    for ch in text:
        try:
            code, run_font = legacy_codecs.encode_tcvn3(ch), font
        except ValueError:
            code, run_font = legacy_codecs.encode_tcvn3(ch, caps=True), font + "H"
        if runs and runs[-1][1] == run_font:
            runs[-1] = (runs[-1][0] + code, run_font)
        else:
            runs.append((code, run_font))
    return runs


def tcvn3_docx(path: Path, blocks: list[str], font: str = ".VnTime") -> Path:
    return write_docx(path, document_xml([tcvn3_runs(b, font) for b in blocks]))


def vni_docx(path: Path, blocks: list[str], font: str = "VNI-Times") -> Path:
    return write_docx(path, document_xml([[(legacy_codecs.encode_vni(b), font)] for b in blocks]))


# ---------------------------------------------------------------------------
# OpenDocument text

ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
)
ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"
ODT_MANIFEST = (
    f'<?xml version="1.0"?><manifest:manifest {ODT_NS}>'
    f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{ODT_MIMETYPE}"/>'
    "</manifest:manifest>"
)


def odt_bytes(
    body: str, styles: str = "", manifest: str = ODT_MANIFEST, automatic: str = ""
) -> bytes:
    """An .odt package as LibreOffice lays it out (the mimetype first and stored) with
    ``body`` inside office:text, ``automatic`` styles in content.xml and ``styles``
    as styles.xml (left out when empty)."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NS}>{automatic}'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), ODT_MIMETYPE, compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content)
        if styles:
            z.writestr("styles.xml", styles)
        z.writestr("META-INF/manifest.xml", manifest)
    return buffer.getvalue()


def unicode_odt(path: Path, blocks: list[str]) -> Path:
    path.write_bytes(odt_bytes("".join(f"<text:p>{escape(b)}</text:p>" for b in blocks)))
    return path


# ---------------------------------------------------------------------------
# Broken files


def truncated_docx(path: Path) -> Path:
    data = (SAMPLES / "strong.docx").read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def future_zip_docx(path: Path) -> Path:
    """A package whose central directory says it needs zip version 6.4 to extract,
    which Python's zipfile refuses to open (a mutation the fuzz test once found)."""
    unicode_docx(path, sample_blocks())
    data = bytearray(path.read_bytes())
    entry = data.index(b"PK\x01\x02")  # the first central directory record
    struct.pack_into("<H", data, entry + 6, 64)  # "version needed to extract"
    path.write_bytes(bytes(data))
    return path


def corrupt_docx(path: Path) -> Path:
    """A package whose word/document.xml has damaged compressed bytes (inflate/CRC error)."""
    unicode_docx(path, sample_blocks())
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 20, start + min(info.compress_size, 400), 7):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    return path


# ---------------------------------------------------------------------------
# OLE compound files (CFB, MS-CFB version 3, 512-byte sectors)

_FREE, _END, _FAT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD


def _dir_entry(
    name: str, kind: int, left: int, right: int, child: int, start: int, size: int
) -> bytes:
    encoded = (name + "\0").encode("utf-16-le") if name else b""
    return (
        encoded.ljust(64, b"\0")
        + struct.pack("<HBB", len(encoded), kind, 1)  # length, type, colour (black)
        + struct.pack("<III", left, right, child)
        + bytes(16)  # CLSID
        + struct.pack("<I", 0)  # state bits
        + bytes(16)  # creation and modification times
        + struct.pack("<IQ", start, size)
    )


def write_cfb(path: Path, streams: dict[str, bytes]) -> Path:
    """A minimal valid compound file holding ``streams`` (each padded to at least
    4096 bytes so that all live in regular sectors and no mini stream is needed)."""
    sector = 512
    names = list(streams)
    data = [streams[n].ljust(4096, b"\0") for n in names]
    # sector 0: FAT, sector 1: directory, then the streams
    fat = [_FAT, _END]
    starts = []
    for blob in data:
        count = -(-len(blob) // sector)
        first = len(fat)
        starts.append(first)
        fat.extend(list(range(first + 1, first + count)) + [_END])
    if len(fat) > sector // 4:
        raise ValueError("streams too large for a one-sector FAT")
    fat += [_FREE] * (sector // 4 - len(fat))
    # directory: a root whose child tree is a chain of right siblings (all black)
    entries = [_dir_entry("Root Entry", 5, _FREE, _FREE, 1 if names else _FREE, _END, 0)]
    for i, name in enumerate(names):
        right = i + 2 if i + 1 < len(names) else _FREE
        entries.append(_dir_entry(name, 2, _FREE, right, _FREE, starts[i], len(streams[name])))
    while len(entries) % 4:
        entries.append(_dir_entry("", 0, _FREE, _FREE, _FREE, 0, 0))
    if len(entries) > 4:
        raise ValueError("at most three streams")
    header = (
        bytes.fromhex("d0cf11e0a1b11ae1")
        + bytes(16)
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, _END, 0, _END, 0)
        + struct.pack("<I", 0)
        + struct.pack("<108I", *([_FREE] * 108))
    )
    assert len(header) == 512
    body = struct.pack(f"<{sector // 4}I", *fat) + b"".join(entries)
    body += b"".join(blob.ljust(-(-len(blob) // sector) * sector, b"\0") for blob in data)
    path.write_bytes(header + body)
    return path


def encrypted_docx(path: Path) -> Path:
    """What Word writes for a password-protected .docx: an OLE container with the
    EncryptionInfo and EncryptedPackage streams (agile encryption header)."""
    info = struct.pack("<HHI", 4, 4, 0x40) + b'<?xml version="1.0"?><encryption/>'
    package = struct.pack("<Q", 4096) + bytes(range(256)) * 16
    return write_cfb(path, {"EncryptionInfo": info, "EncryptedPackage": package})


def legacy_doc(path: Path) -> Path:
    """A Word 97-2003 .doc: an OLE container with WordDocument and 1Table streams."""
    fib = struct.pack("<HH", 0xA5EC, 0xC1) + bytes(60)
    return write_cfb(path, {"WordDocument": fib, "1Table": b"\0" * 64})


# ---------------------------------------------------------------------------
# Hostile archives and XML


def _local_header(name: bytes, crc: int, csize: int, usize: int, method: int = 8) -> bytes:
    return (
        struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0, crc, csize, usize, len(name), 0
        )
        + name
    )


def _central(name: bytes, crc: int, csize: int, usize: int, offset: int, method: int = 8) -> bytes:
    return (
        struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            0,
            method,
            0,
            0,
            crc,
            csize,
            usize,
            len(name),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        + name
    )


def zip_bomb(
    path: Path,
    inflated: int = 2**30,
    declared: int | None = None,
    part: str = "word/document.xml",
) -> Path:
    """A .docx whose ``part`` (word/document.xml; content.xml for an .odt) inflates to
    ``inflated`` bytes of zeros.

    ``declared`` sets the size written in the headers (default: the truth); a
    smaller one is a header that lies. Built from one compressed MiB repeated
    (each copy ends in a full flush, so copies are independent).
    """
    chunk = 1 << 20
    assert inflated % chunk == 0
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(chunk)) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = zlib.compressobj(9, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)
    crc = 0
    zeros = bytes(chunk)
    for _ in range(inflated // chunk):
        crc = zlib.crc32(zeros, crc)
    compressed = block * (inflated // chunk) + tail
    size = inflated if declared is None else declared
    out = bytearray()
    directory = bytearray()
    count = 0
    for name, data in (
        (b"[Content_Types].xml", CONTENT_TYPES.encode()),
        (b"_rels/.rels", RELS.encode()),
    ):
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        comp = c.compress(data) + c.flush()
        directory += _central(name, zlib.crc32(data), len(comp), len(data), len(out))
        out += _local_header(name, zlib.crc32(data), len(comp), len(data)) + comp
        count += 1
    name = part.encode()
    directory += _central(name, crc, len(compressed), size, len(out))
    out += _local_header(name, crc, len(compressed), size) + compressed
    count += 1
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(directory), len(out), 0)
    path.write_bytes(bytes(out + directory + end))
    return path


def many_entries_docx(path: Path, entries: int = 5000) -> Path:
    good = sample_blocks()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", document_xml([[(b, None)] for b in good]))
        for i in range(entries):
            z.writestr(f"customXml/item{i}.xml", "<a/>")
    return path


def xxe_docx(path: Path, secret: Path, variant: str = "entity") -> Path:
    """A .docx whose document.xml tries to pull ``secret`` in through an external
    entity (``entity``), the same in UTF-16 (``utf16``, which a byte scan for
    "<!DOCTYPE" misses), or an external DTD after a long comment (``dtd``)."""
    uri = secret.resolve().as_uri()
    para = "<w:p><w:r><w:t>Nghị quyết &xxe;</w:t></w:r></w:p>"
    if variant == "entity":
        xml = (
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{uri}">]>'
            f'<w:document xmlns:w="{W_NS}"><w:body>{para}</w:body></w:document>'
        )
        return write_docx(path, xml)
    if variant == "utf16":
        xml = (
            '<?xml version="1.0" encoding="UTF-16"?>'
            f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{uri}">]>'
            f'<w:document xmlns:w="{W_NS}"><w:body>{para}</w:body></w:document>'
        )
        return write_docx(path, xml.encode("utf-16"))
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?><!--'
        + "x" * 6000
        + f'--><!DOCTYPE w:document SYSTEM "{uri}">'
        f'<w:document xmlns:w="{W_NS}"><w:body>'
        "<w:p><w:r><w:t>Nghị quyết</w:t></w:r></w:p></w:body></w:document>"
    )
    return write_docx(path, xml)


def billion_laughs_docx(path: Path) -> Path:
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
        f'<w:document xmlns:w="{W_NS}"><w:body>'
        "<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    return write_docx(path, xml)


def deep_docx(path: Path, depth: int = 100_000) -> Path:
    inner = "<w:sdt><w:sdtContent>" * depth + "<w:p/>" + "</w:sdtContent></w:sdt>" * depth
    xml = f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body>{inner}</w:body></w:document>'
    return write_docx(path, xml)


# ---------------------------------------------------------------------------
# The whole folder


def build_all(folder: Path, secret: Path) -> dict[str, tuple[Path, str]]:
    """Every broken or hostile file, with the error code it must produce."""
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, tuple[Path, str]] = {}

    def add(key: str, path: Path, code: str) -> None:
        files[key] = (path, code)

    add("truncated", truncated_docx(folder / "truncated.docx"), "corrupt")
    add("corrupt", corrupt_docx(folder / "corrupt.docx"), "corrupt")
    add("future_zip", future_zip_docx(folder / "future.docx"), "corrupt")
    (folder / "empty.docx").write_bytes(b"")
    add("empty_docx", folder / "empty.docx", "empty")
    (folder / "empty.txt").write_bytes(b"")
    add("empty_txt", folder / "empty.txt", "empty")
    (folder / "renamed.docx").write_text("Nghị quyết về phân loại rác\n", "utf-8")
    add("text_renamed", folder / "renamed.docx", "not_docx")
    add("legacy_doc", legacy_doc(folder / "old.doc"), "legacy_doc")
    add("encrypted", encrypted_docx(folder / "locked.docx"), "encrypted")
    (folder / "draft.pdf").write_bytes(b"%PDF-1.4\n")
    add("unsupported", folder / "draft.pdf", "unsupported")
    add("bomb", zip_bomb(folder / "bomb.docx"), "archive_limit")
    add("lying_bomb", zip_bomb(folder / "lying.docx", 64 << 20, declared=4096), "corrupt")
    add("entries", many_entries_docx(folder / "entries.docx"), "archive_limit")
    add("xxe", xxe_docx(folder / "xxe.docx", secret), "hostile_xml")
    add("xxe_utf16", xxe_docx(folder / "xxe16.docx", secret, "utf16"), "hostile_xml")
    add("xxe_dtd", xxe_docx(folder / "xxedtd.docx", secret, "dtd"), "hostile_xml")
    add("laughs", billion_laughs_docx(folder / "laughs.docx"), "hostile_xml")
    add("deep", deep_docx(folder / "deep.docx"), "hostile_xml")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    add("binary_txt", folder / "binary.txt", "not_text")
    (folder / "latin.txt").write_bytes(
        "Grüße aus München, schöne Straße; ½ Preis".encode("latin-1")
    )
    add("unknown_encoding", folder / "latin.txt", "encoding")
    garbage = "\n".join("ÅØÆ ßðþ ¿¡ ×÷ ÐÞ ĦŁ øåæ ÿþý" for _ in range(20))
    add("garbage", unicode_docx(folder / "garbage.docx", [garbage] * 5), "legacy_encoding")
    return files

"""Broken and hostile inputs: each gets exit 2, a stable error code, one stderr line
naming the file, no traceback, bounded time and memory, and the batch goes on.

The files are built by tests/hostile_files.py into a temporary folder.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from nghiquyet.engine.config import Config
from nghiquyet.engine.errors import InputError
from nghiquyet.engine.load import load
from nghiquyet.engine.plugin_manager import get_plugin_manager
from nghiquyet.plugins import docx_loader

sys.path.insert(0, str(Path(__file__).parent))
import hostile_files as H  # noqa: E402

SECRET = "BÍ-MẬT-CỤC-BỘ-7f3a9c"
DOCS = Path(__file__).resolve().parent.parent / "docs" / "errors.md"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    secret = folder.parent / "secret.txt"
    secret.write_text(SECRET, "utf-8")
    return H.build_all(folder / "files", secret)


def _load(path: Path, config: Config | None = None):
    return load(path, config or Config(), get_plugin_manager())


def test_every_hostile_file_gets_its_code(hostile):
    for key, (path, code) in hostile.items():
        with pytest.raises(InputError) as caught:
            _load(path)
        assert caught.value.code == code, f"{key}: {caught.value.code} != {code}"
        for lang in ("vi", "en"):
            message = caught.value.message[lang]
            assert path.name in message and "\n" not in message and message.strip()


def test_batch_goes_on_json_errors_and_one_line_each(hostile, run, samples, tmp_path):
    good = tmp_path / "good.md"
    shutil.copy(samples / "strong.md", good)
    paths = [p for p, _ in hostile.values()]
    result = run(*paths, good, "--format", "json", "--no-cache")
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    by_path = {d["path"]: d for d in report["documents"]}
    assert by_path[str(good)]["score"] > 80 and by_path[str(good)]["error"] is None
    for path, code in hostile.values():
        entry = by_path[str(path)]
        assert entry["error"]["code"] == code and entry["score"] is None
    lines = result.stderr.strip().splitlines()
    assert len(lines) == len(hostile)
    for path, _ in hostile.values():
        assert sum(path.name in line for line in lines) == 1
    assert "Traceback" not in result.stderr + result.stdout


def test_xxe_never_leaks_the_local_file(hostile, run):
    paths = [hostile[k][0] for k in ("xxe", "xxe_utf16", "xxe_dtd")]
    for fmt in ("json", "text"):
        result = run(*paths, "--format", fmt, "--no-cache")
        assert result.exit_code == 2
        assert SECRET not in result.stdout + result.stderr
        assert "hostile_xml" in result.stdout or "DTD" in result.stdout


def test_english_messages(hostile, run):
    result = run(hostile["encrypted"][0], "--lang", "en", "--no-cache")
    assert result.exit_code == 2
    assert "password-protected" in result.stderr and "locked.docx" in result.stderr


def test_legacy_doc_says_how_to_convert(hostile, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # a machine without LibreOffice
    with pytest.raises(InputError) as caught:
        _load(hostile["legacy_doc"][0])
    assert "soffice --headless --convert-to docx" in caught.value.message["en"]
    assert "Lưu thành .docx" in caught.value.message["vi"]


def test_folder_without_drafts_and_missing_file(run, tmp_path):
    empty = tmp_path / "trong"
    empty.mkdir()
    (empty / "ghi-chu.pdf").write_bytes(b"%PDF")
    result = run(empty, tmp_path / "khong-co.md", "--format", "json", "--no-cache")
    assert result.exit_code == 2
    codes = {d["path"]: d["error"]["code"] for d in json.loads(result.stdout)["documents"]}
    assert codes == {str(empty): "no_drafts", str(tmp_path / "khong-co.md"): "not_found"}
    assert len(result.stderr.strip().splitlines()) == 2


def test_folder_reports_legacy_doc_instead_of_skipping_it(hostile, run, tmp_path, samples):
    folder = tmp_path / "ho-so"
    folder.mkdir()
    shutil.copy(samples / "strong.md", folder / "a.md")
    H.legacy_doc(folder / "b.doc")
    result = run(folder, "--format", "json", "--no-cache")
    assert result.exit_code == 2
    codes = [
        (Path(d["path"]).name, (d["error"] or {}).get("code"))
        for d in json.loads(result.stdout)["documents"]
    ]
    assert codes == [("a.md", None), ("b.doc", "legacy_doc")]


def test_no_traceback_without_debug_but_with_it(hostile, run):
    result = run(hostile["deep"][0], "--no-cache")
    assert result.exit_code == 2 and "Traceback" not in result.stderr


def test_zip_limits_come_from_config(tmp_path, samples):
    docx = tmp_path / "strong.docx"
    shutil.copy(samples / "strong.docx", docx)
    assert _load(docx).blocks
    with pytest.raises(InputError) as caught:
        _load(docx, Config(max_zip_entries=5))
    assert caught.value.code == "archive_limit" and "max_zip_entries" in caught.value.message["en"]
    with pytest.raises(InputError) as caught:
        _load(docx, Config(max_unzipped_mb=0.1))
    assert caught.value.code == "archive_limit" and "max_unzipped_mb" in caught.value.message["en"]


def test_inflation_is_bounded_while_reading_when_headers_lie(tmp_path):
    """A header that understates the size: the part limit stops inflation mid-way
    (64 MiB of zeros announced as 4 KiB, read with a 1 MiB budget)."""
    bomb = H.zip_bomb(tmp_path / "lie.docx", 64 << 20, declared=2048)
    with pytest.raises(InputError) as caught:
        _load(bomb, Config(max_unzipped_mb=1))
    assert caught.value.code in ("corrupt", "archive_limit")
    limits = docx_loader.Limits(total_bytes=1 << 20)
    honest = H.zip_bomb(tmp_path / "honest.docx", 8 << 20)
    with pytest.raises(InputError) as caught:
        docx_loader.read_docx(honest, honest.read_bytes(), limits)
    assert caught.value.code == "archive_limit"


_BOUNDED = """
import resource, sys, time
from pathlib import Path
from nghiquyet.engine.config import Config
from nghiquyet.engine.errors import InputError
from nghiquyet.engine.load import load
from nghiquyet.engine.plugin_manager import get_plugin_manager
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))  # 1 GiB: a bomb would die here
for name in sys.argv[1:]:
    start = time.monotonic()
    try:
        load(Path(name), Config(max_unzipped_mb=2048), get_plugin_manager())
        print("LOADED", name)
    except InputError as exc:
        print(exc.code, round(time.monotonic() - start, 2))
print("peak_kb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_AS"), reason="needs RLIMIT_AS")
def test_bombs_finish_fast_within_bounded_memory(hostile, tmp_path):
    """Even with the total limit raised to 2 GiB, the 1 GiB bomb is refused by the
    part limit, in a process capped at 1 GiB of address space, in seconds."""
    names = [str(hostile[k][0]) for k in ("bomb", "lying_bomb", "laughs", "deep", "entries", "xxe")]
    started = time.monotonic()
    out = subprocess.run(
        [sys.executable, "-c", _BOUNDED, *names],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout.splitlines()
    assert time.monotonic() - started < 60
    assert not any(line.startswith("LOADED") for line in out), out
    for line in out[:-1]:
        code, seconds = line.split()
        assert code in ("archive_limit", "corrupt", "hostile_xml") and float(seconds) < 10
    assert int(out[-1].split()[1]) < 700 * 1024  # peak RSS under 700 MB


FAKE_SOFFICE = """#!{python}
import shutil, sys, time
from pathlib import Path
args = sys.argv[1:]
if "{mode}" == "hang":
    time.sleep(30)
out = Path(args[args.index("--outdir") + 1])
src = Path(args[-1])
Path("{log}").write_text(str(out))
shutil.copy("{docx}", out / (src.stem + ".docx"))
"""


def _fake_soffice(tmp_path: Path, mode: str, docx: Path) -> Path:
    bindir = tmp_path / "bin"
    bindir.mkdir(exist_ok=True)
    script = bindir / "soffice"
    script.write_text(
        FAKE_SOFFICE.format(
            python=sys.executable, mode=mode, log=tmp_path / "outdir.log", docx=docx
        ),
        "utf-8",
    )
    script.chmod(0o755)
    return bindir


def test_doc_is_converted_when_soffice_is_on_path(tmp_path, monkeypatch, samples):
    """LibreOffice is stood in for by a script (it is not installed here): the .doc
    is converted in a private temporary folder, never beside the input."""
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    doc = H.legacy_doc(drafts / "cu.doc")
    bindir = _fake_soffice(tmp_path, "ok", samples / "strong.docx")
    monkeypatch.setenv("PATH", f"{bindir}{os.pathsep}{os.environ['PATH']}")
    document = _load(doc)
    assert any("LibreOffice" in (n["en"] if isinstance(n, dict) else n) for n in document.notes)
    assert len(document.blocks) > 20
    assert sorted(p.name for p in drafts.iterdir()) == ["cu.doc"]
    outdir = Path((tmp_path / "outdir.log").read_text())
    assert not outdir.exists() and drafts not in outdir.parents


def test_hanging_soffice_is_killed(tmp_path, monkeypatch, samples):
    doc = H.legacy_doc(tmp_path / "cu.doc")
    bindir = _fake_soffice(tmp_path, "hang", samples / "strong.docx")
    monkeypatch.setenv("PATH", f"{bindir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(docx_loader, "SOFFICE_TIMEOUT", 1)
    started = time.monotonic()
    with pytest.raises(InputError) as caught:
        _load(doc)
    assert caught.value.code == "legacy_doc" and time.monotonic() - started < 10


def test_error_codes_are_documented(hostile):
    text = DOCS.read_text("utf-8")
    codes = {code for _, code in hostile.values()} | {
        "not_found",
        "no_drafts",
        "internal",
        "unreadable",
    }
    for code in codes:
        assert f"`{code}`" in text, code


def _real_soffice() -> str | None:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found and os.environ.get("CI") == "true":
        pytest.fail("CI installs LibreOffice (libreoffice-writer-nogui); soffice is missing")
    return found


def test_real_doc_is_converted_with_libreoffice(tmp_path, samples):
    """A real Word 97 .doc (made by LibreOffice from a sample) is converted in a private
    folder and scored like the .docx it came from; the .doc is left as it was."""
    soffice = _real_soffice()
    if soffice is None:
        pytest.skip("LibreOffice is not installed here (CI installs it)")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "doc",
            "--outdir",
            str(drafts),
            str(samples / "middling.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=120,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    doc = drafts / "middling.doc"
    before = doc.read_bytes()
    assert before.startswith(docx_loader.OLE_MAGIC)
    document = _load(doc)
    assert any("LibreOffice" in n["en"] for n in document.notes)
    from nghiquyet.engine.runner import Assessor

    assessor = Assessor(Config())
    converted = assessor.assess_document(document)
    original = assessor.assess_path(samples / "middling.docx")
    assert abs(converted.score - original.score) <= 5
    assert doc.read_bytes() == before and sorted(p.name for p in drafts.iterdir()) == [
        "middling.doc"
    ]

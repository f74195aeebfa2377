"""Loaders declare the suffixes they read (hook ``document_formats``), and every place
that deals in formats asks for them: a file path, a folder, the messages, the web page.

The third-party loader is the sample plugin's web-page loader (tests/sample_plugin,
``nghiquyet_sample.web_page``): a real plugin module for ``.html``/``.htm`` that the
built-in code knows nothing about.
"""

from __future__ import annotations

import importlib
import sys
from html import escape
from pathlib import Path

import hostile_files as H
import pytest
from nghiquyet.engine.config import Config
from nghiquyet.engine.errors import InputError
from nghiquyet.engine.load import (
    document_formats,
    expand_paths,
    load,
    shown_suffixes,
    suffixes_of,
)
from nghiquyet.engine.plugin_manager import get_plugin_manager, make_plugin_manager

SAMPLE_PLUGIN = Path(__file__).parent / "sample_plugin"


@pytest.fixture(scope="module")
def web_page():
    """The sample plugin's loader module, imported from its source folder."""
    sys.path.insert(0, str(SAMPLE_PLUGIN))
    try:
        return importlib.import_module("nghiquyet_sample.web_page")
    finally:
        sys.path.remove(str(SAMPLE_PLUGIN))


@pytest.fixture(scope="module")
def pm(web_page):
    """Built-ins plus the web-page loader, as if it were installed."""
    return make_plugin_manager(extra=(web_page,))


def html_draft(path: Path, name: str = "middling") -> Path:
    """A sample draft as a web page: one ``<p>`` per block the Markdown loader reads."""
    paragraphs = "".join(f"<p>{escape(text)}</p>\n" for text in H.sample_blocks(name))
    path.write_text(
        f"<!DOCTYPE html><html><head><title>{name}</title></head><body>\n{paragraphs}"
        "</body></html>",
        "utf-8",
    )
    return path


def test_built_in_loaders_declare_their_formats():
    builtin = get_plugin_manager()
    formats = document_formats(builtin, include_legacy=True)
    assert [f.name for f in formats] == [
        "Word",
        "Word 97-2003",
        "OpenDocument text",
        "Markdown",
        "plain text",
    ]
    assert suffixes_of(formats) == (
        ".docx",
        ".docm",
        ".doc",
        ".odt",
        ".ott",
        ".md",
        ".markdown",
        ".txt",
    )
    # the old .doc is found in folders (converted or explained), never suggested
    assert shown_suffixes(formats) == [".docx", ".doc", ".odt", ".md", ".txt"]
    current = document_formats(builtin, include_legacy=False)
    assert shown_suffixes(current) == [".docx", ".odt", ".md", ".txt"]
    assert ".doc" not in suffixes_of(current)


def test_a_plugin_suffix_loads_from_a_file_path(pm, tmp_path):
    document = load(html_draft(tmp_path / "chi-bo.html"), Config(), pm)
    assert document.format == "html"
    assert [b.text for b in document.blocks] == H.sample_blocks("middling")
    # without the plugin the same file is refused, and the message names what is read
    with pytest.raises(InputError) as info:
        load(tmp_path / "chi-bo.html", Config(), get_plugin_manager())
    assert info.value.code == "unsupported"
    assert info.value.message["vi"].endswith("dùng .docx, .odt, .md hoặc .txt")


def test_the_unsupported_message_offers_the_plugin_format(pm, tmp_path):
    path = tmp_path / "ban.rtf"
    path.write_bytes(b"{\\rtf1 Ngh\\'e1 quy\\'eat}")
    with pytest.raises(InputError) as info:
        load(path, Config(), pm)
    assert info.value.message["en"].endswith("use .docx, .odt, .md, .txt or .html")


def test_a_plugin_suffix_is_found_in_folders(pm, tmp_path):
    folder = tmp_path / "dang-bo"
    (folder / "xa-a").mkdir(parents=True)
    html_draft(folder / "xa-a" / "chi-bo-1.html")
    html_draft(folder / "CHI-BO-2.HTM", "strong")
    (folder / "b.md").write_text("x", "utf-8")
    (folder / "kieu.css").write_text("p {}", "utf-8")
    found = [p.relative_to(folder).as_posix() for p in expand_paths([folder], pm)]
    assert found == ["CHI-BO-2.HTM", "b.md", "xa-a/chi-bo-1.html"]
    # the built-in loaders do not read web pages, so a folder search leaves them out
    assert [p.name for p in expand_paths([folder])] == ["b.md"]


@pytest.fixture(scope="module")
def web(pm):
    """A real server whose engine runs on the plugin manager with the loader."""
    from live_server import page_client, serve_in_thread
    from nghiquyet.engine.serve import Settings, create_app
    from nghiquyet.engine.serve.assessing import Engine

    engine = Engine(Config())
    engine.assessor.pm = pm
    url = serve_in_thread(create_app(Settings(config=Config()), engine))
    with page_client(url, timeout=60) as client:
        yield client


def test_the_web_page_offers_and_accepts_a_plugin_suffix(web, tmp_path):
    page = web.get("/")
    assert page.status_code == 200
    accept = ".docx,.docm,.odt,.ott,.md,.markdown,.txt,.html,.htm"
    # check, both compare inputs, and both review inputs (resolution and report)
    assert page.text.count(f'accept="{accept}"') == 5
    assert "(.docx, .odt, .md, .txt hoặc .html)" in page.text  # the lead names them

    draft = html_draft(tmp_path / "chi-bo.html").read_bytes()
    api = web.post("/api/assess", files={"file": ("chi-bo.html", draft, "text/html")})
    assert api.status_code == 200, api.text
    scored = api.json()["documents"][0]
    assert scored["error"] is None and scored["path"] == "chi-bo.html"
    text = "\n".join(H.sample_blocks("middling")).encode("utf-8")
    plain = web.post("/api/assess", files={"file": ("chi-bo.txt", text)}).json()["documents"][0]
    assert [(c["id"], c["score"]) for c in scored["criteria"]] == [
        (c["id"], c["score"]) for c in plain["criteria"]
    ]

    result = web.post("/assess", files={"file": ("chi-bo.html", draft, "text/html")})
    assert result.status_code == 200 and 'id="score"' in result.text


def test_the_web_page_still_refuses_a_legacy_doc(web):
    response = web.post("/assess", files={"file": ("cu.doc", b"\xd0\xcf\x11\xe0 old word")})
    assert response.status_code == 415
    assert "Chỉ nhận tệp .docx, .odt, .md, .txt hoặc .html; tệp «cu.doc»" in response.text

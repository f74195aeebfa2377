"""The plugin engine: documented hooks, built-ins through the same hooks, and a
third-party distribution found through its entry point."""

from __future__ import annotations

import inspect
import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from nghiquyet.engine import hookspecs
from nghiquyet.engine.config import Config
from nghiquyet.engine.plugin_manager import (
    DEFAULT_PLUGINS,
    get_plugin_manager,
    make_plugin_manager,
    plugin_list,
)
from nghiquyet.engine.render import get_reporters
from nghiquyet.engine.runner import Assessor

SAMPLE_PLUGIN = Path(__file__).parent / "sample_plugin"

HOOKS = [
    "register_rules",
    "prepare_nlp",
    "load_document",
    "document_formats",
    "register_reporters",
    "adjust_score",
]


@pytest.mark.parametrize("name", HOOKS)
def test_every_hook_is_specified_and_documented(name):
    spec = getattr(hookspecs, name)
    assert spec.nghiquyet_spec is not None
    doc = inspect.getdoc(spec)
    assert doc and len(doc.split()) >= 15, f"hook {name} needs a real docstring"


def test_no_undocumented_hooks():
    specs = [n for n, f in vars(hookspecs).items() if hasattr(f, "nghiquyet_spec")]
    assert sorted(specs) == sorted(HOOKS)


def test_built_ins_register_through_the_hooks():
    pm = get_plugin_manager()
    names = {name for name, _ in pm.list_name_plugin()}
    assert set(DEFAULT_PLUGINS) <= names
    rows = {row["name"]: row for row in plugin_list(pm)}
    assert "load_document" in rows["nghiquyet.plugins.docx_loader"]["hooks"]
    assert rows["nghiquyet.plugins.checkers"]["origin"] == "built-in"
    assert {"text", "json"} <= set(get_reporters(pm))


def _install_sample(tmp_path: Path) -> Path:
    """Lay the sample out as an installed distribution (module + dist-info) on a path
    entry, which is exactly what pip leaves in site-packages."""
    site = tmp_path / "site"
    shutil.copytree(SAMPLE_PLUGIN / "nghiquyet_sample", site / "nghiquyet_sample")
    info = site / "nghiquyet_sample-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: nghiquyet-sample\nVersion: 0.1.0\n"
    )
    (info / "entry_points.txt").write_text("[nghiquyet]\nsample = nghiquyet_sample\n")
    return site


def _run(site: Path, *args: str) -> subprocess.CompletedProcess:
    code = "import sys; from nghiquyet.engine.cli import main; sys.argv = ['nghiquyet', *sys.argv[1:]]; main()"
    env = {
        "PYTHONPATH": str(site),
        "PATH": "/usr/bin:/bin",
        "HOME": str(site),
        "NGHIQUYET_CACHE_DIR": str(site / "cache"),
    }
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_external_plugin_found_by_entry_point_adds_rule_and_reporter(tmp_path):
    site = _install_sample(tmp_path)
    listed = _run(site, "plugins")
    assert listed.returncode == 0, listed.stderr
    assert "nghiquyet-sample 0.1.0" in listed.stdout

    rules = _run(site, "rules")
    assert "NQ091" in rules.stdout and "draft-too-short" in rules.stdout

    draft = tmp_path / "ngan.md"
    draft.write_text(
        "# NGHỊ QUYẾT\n\n**về giữ vệ sinh xóm 3**\n\nChi bộ quyết tâm thực hiện tốt.\n", "utf-8"
    )
    result = _run(site, "assess", str(draft), "--format", "json", "--exit-zero")
    assert result.returncode == 0, result.stderr
    findings = json.loads(result.stdout)["documents"][0]["findings"]
    assert any(f["rule_id"] == "NQ091" and f["criterion"] == "meta" for f in findings)

    # the plugin's component writes spans under a kind it declares; the analysis reads
    # them as mentions, and the plugin's rule NQ092 names them
    assert any(f["rule_id"] == "NQ092" for f in findings)
    water = tmp_path / "nuoc.md"
    water.write_text(
        "# NGHỊ QUYẾT\n\n**về nước sạch bản Pá Hu**\n\nXây 12 bể chứa nước mưa và "
        "khoan 2 giếng khoan cho 40 hộ bản Pá Hu trước ngày 30/6/2027.\n",
        "utf-8",
    )
    named = _run(site, "assess", str(water), "--format", "json", "--exit-zero")
    assert named.returncode == 0, named.stderr
    named_findings = json.loads(named.stdout)["documents"][0]["findings"]
    assert not any(f["rule_id"] == "NQ092" for f in named_findings)

    csv_out = _run(site, "assess", str(draft), "--format", "csv", "--exit-zero")
    assert csv_out.stdout.splitlines()[0] == "path,score,grade,findings"
    assert str(draft) in csv_out.stdout


def test_external_loader_reads_its_suffix_in_a_folder(tmp_path):
    """The sample's web-page loader, found through the entry point: its formats are
    listed, and a folder search picks up its suffix beside the built-in ones."""
    site = _install_sample(tmp_path)
    listed = _run(site, "plugins")
    assert "[web page .html .htm]" in listed.stdout, listed.stdout

    folder = tmp_path / "chi-bo"
    folder.mkdir()
    (folder / "ban-web.html").write_text(
        "<html><body><h1>NGHỊ QUYẾT</h1><p>về giữ vệ sinh xóm 3</p>"
        "<p>Chi bộ quyết tâm thực hiện tốt.</p></body></html>",
        "utf-8",
    )
    (folder / "ghi-chu.pdf").write_bytes(b"%PDF-1.4")
    result = _run(site, "assess", str(folder), "--format", "json", "--exit-zero")
    assert result.returncode == 0, result.stderr
    (document,) = json.loads(result.stdout)["documents"]
    assert document["path"].endswith("ban-web.html") and document["error"] is None


def test_prepare_nlp_and_adjust_score_hooks_are_called(samples):
    class SitePolicy:
        """A province that caps drafts without a chi ủy review at 60."""

        seen_nlp = None
        seen_config = None

        @staticmethod
        @hookspecs.hookimpl
        def prepare_nlp(nlp, config):
            SitePolicy.seen_nlp = nlp.pipe_names
            SitePolicy.seen_config = config

        @staticmethod
        @hookspecs.hookimpl
        def adjust_score(report, config):
            if any(f.rule_id == "NQ702" for f in report.findings):
                report.score = min(report.score, 60.0)
                report.notes.append(
                    {"vi": "Chính sách tỉnh: tối đa 60 điểm", "en": "Province policy: capped at 60"}
                )

    pm = make_plugin_manager(extra=(SitePolicy,))
    assessor = Assessor(Config())
    assessor.pm = pm
    report = assessor.assess_path(samples / "middling.md")
    assert report.score == 60.0
    # the hook receives the resolved config, as its docstring says
    assert SitePolicy.seen_config is assessor.config
    assert report.notes[-1]["en"].startswith("Province policy")
    # the pipeline was built for this manager, so the plugin saw our components
    assert SitePolicy.seen_nlp is not None and "nq_lexicon" in SitePolicy.seen_nlp


def test_third_party_loader_is_tried_first_class(tmp_path):
    from nghiquyet.engine.load import load
    from nghiquyet.engine.model import Block, Document

    class OdtLoader:
        @staticmethod
        @hookspecs.hookimpl
        def load_document(path, config):
            if path.suffix != ".odt":
                return None
            return Document(
                str(path), "odt", [Block(1, "NGHỊ QUYẾT"), Block(2, "về thu gom rác ở xóm 4")]
            )

    pm = make_plugin_manager(extra=(OdtLoader,))
    draft = tmp_path / "ban.odt"
    draft.write_bytes(b"not really odt")
    document = load(draft, Config(), pm)
    assert document.format == "odt" and document.blocks[1].text.startswith("về thu gom")


def test_sample_plugin_source_is_a_valid_distribution():
    text = (SAMPLE_PLUGIN / "pyproject.toml").read_text()
    assert 'name = "nghiquyet-sample"' in text and "[project.entry-points.nghiquyet]" in text
    assert textwrap.dedent('sample = "nghiquyet_sample"') in text

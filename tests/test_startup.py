"""A light start: ``assess --version``/``--help`` never import spaCy, lxml or yaml, and the
pipeline is built once per process, not once per draft. (No timings here: ratios belong
in benchmarks/run.py.)"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

HEAVY = ("spacy", "thinc", "lxml", "yaml", "docx", "numpy")

PROBE = textwrap.dedent(
    """
    import json, sys
    from nghiquyet.engine.cli import {command}
    sys.argv = ["assess", *{args!r}]
    try:
        {command}()
    except SystemExit:
        pass
    heavy = sorted({{m.split(".")[0] for m in sys.modules}} & set({heavy!r}))
    print(json.dumps(heavy), file=sys.stderr)
    """
)


@pytest.mark.parametrize(
    ("command", "args"),
    [
        ("assess_command", ["--version"]),
        ("assess_command", ["--help"]),
        ("main", ["--version"]),
        ("main", ["--help"]),
        ("main", ["assess", "--help"]),
    ],
)
def test_version_and_help_import_nothing_heavy(command, args):
    code = PROBE.format(command=command, args=args, heavy=HEAVY)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stderr.strip().splitlines()[-1]) == []


def prepare_nlp_probe(record: str) -> str:
    """Lines of a child script that register a plugin whose prepare_nlp appends the
    value of ``record`` to ``calls`` each time a pipeline is built."""
    lines = [
        "from nghiquyet.engine import hookimpl",
        "from nghiquyet.engine.plugin_manager import get_plugin_manager",
        "calls = []",
        "class Probe:",
        "    @hookimpl",
        "    def prepare_nlp(self, nlp, config):",
        f"        calls.append({record})",
        "get_plugin_manager().register(Probe())",
    ]
    return "\n        ".join(lines)  # at the child script's indent, before dedent


def test_pipeline_is_built_once_for_a_batch(tmp_path, samples):
    """prepare_nlp runs once per pipeline build: a batch of drafts in one process
    builds it once, however many drafts there are."""
    code = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from nghiquyet.engine.config import Config
        from nghiquyet.engine.runner import Assessor
        {prepare_nlp_probe("1")}
        samples = Path({str(samples)!r})
        paths = sorted(samples.glob("*.md")) * 4 + sorted(samples.glob("*.docx"))
        report = Assessor(Config()).assess_paths(paths, jobs=1)
        assert all(d.error is None for d in report.documents)
        report = Assessor(Config()).assess_paths(paths, jobs=1)
        print(len(calls), len(report.documents))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    builds, documents = map(int, result.stdout.split())
    assert documents >= 12
    assert builds == 1


def test_spacy_is_imported_without_its_command_line(samples):
    # assessing a draft imports spaCy, not spaCy's command line (typer, weasel,
    # requests, httpx, rich, jinja2); `import spacy.cli` and spacy.info still work
    code = textwrap.dedent(
        f"""
        import json, sys
        from pathlib import Path
        from nghiquyet.engine.config import Config
        from nghiquyet.engine.runner import Assessor
        report = Assessor(Config()).assess_path(Path({str(samples / "middling.docx")!r}))
        cli = sorted({{m.split(".")[0] for m in sys.modules}}
                     & {{"typer", "weasel", "requests", "httpx", "rich", "jinja2"}})
        cli += [m for m in sys.modules if m.startswith("spacy.cli")]
        import spacy, spacy.cli
        real = hasattr(spacy.cli, "setup_cli") and callable(spacy.info)
        print(json.dumps([report.score, cli, real]))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    score, cli, real = json.loads(result.stdout.strip().splitlines()[-1])
    assert score is not None and cli == [] and real


def test_version_is_the_installed_one_without_importlib_metadata():
    # --version reads the installed metadata's Version line itself: the same answer as
    # importlib.metadata, without importing it (and the email package it loads)
    code = textwrap.dedent(
        """
        import json, sys
        import nghiquyet.engine as engine
        version = engine.__version__
        loaded = "importlib.metadata" in sys.modules
        from importlib.metadata import version as metadata_version
        print(json.dumps([version, metadata_version("nghiquyet"), loaded]))
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    ours, theirs, loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert ours == theirs and not loaded


def test_a_finished_command_leaves_its_objects_out_of_the_last_collections(tmp_path, samples):
    # the console script freezes the collector once the command is done (the shutdown's
    # collections would walk all of spaCy's objects), and what it wrote is whole
    out = tmp_path / "report.json"
    code = textwrap.dedent(
        f"""
        import atexit, gc, sys
        atexit.register(lambda: print("frozen", gc.get_freeze_count(), file=sys.stderr))
        from nghiquyet.engine.entry import assess
        sys.argv = ["assess", "--no-cache", "-q", "-f", "json", "-o", {str(out)!r},
                    "--exit-zero", {str(samples / "middling.docx")!r}]
        assess()
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stderr.split("frozen")[-1]) > 10_000
    assert json.loads(out.read_text(encoding="utf-8"))["documents"][0]["score"] > 0


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_paused_only_while_the_pipeline_is_built(enabled):
    # building the pipeline runs with the collector off (spaCy's import makes objects
    # that live as long as the process), freezes what it made out of later
    # collections, and leaves the collector as it found it, on or off
    code = textwrap.dedent(
        f"""
        import gc
        from nghiquyet.engine.nlp import build_pipeline
        {prepare_nlp_probe("gc.isenabled()")}
        {"gc.enable()" if enabled else "gc.disable()"}
        gc.unfreeze()
        build_pipeline()
        print(calls, gc.isenabled(), gc.get_freeze_count() > 100_000)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["[False]", str(enabled), "True"]


def test_a_text_run_imports_no_other_format(samples):
    # reporters are imported when their format is used: assessing a draft to the
    # terminal loads the text reporter and none of the others
    code = textwrap.dedent(
        f"""
        import json, sys
        from nghiquyet.engine.cli import assess_command
        sys.argv = ["assess", "--no-cache", "--exit-zero", {str(samples / "middling.docx")!r}]
        try:
            assess_command()
        except SystemExit:
            pass
        loaded = sorted(m.rsplit(".", 1)[1] for m in sys.modules
                        if m.startswith("nghiquyet.plugins.reporters."))
        print(json.dumps(loaded), file=sys.stderr)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stderr.strip().splitlines()[-1]) == ["streams", "text"]

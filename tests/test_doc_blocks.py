"""Every code block of the README and docs/ is read as what it claims to be, so no
document shows a command, config or rule pack that does not work (issue 13, item 6).

- ``sh``: each command is split as a shell would; every ``assess`` or ``nghiquyet``
  command is parsed by the installed command's own options (an unknown option, a
  bad choice or number fails);
- ``yaml``: parsed; a config is loaded as a config file, a rule pack is loaded and
  run on real drafts (its examples must hold), and the ``assess`` commands and
  arguments of CI files (``run:``, ``script:``, pre-commit ``args``, the action's
  ``with``) are parsed as above;
- ``toml``: parsed, and a ``[tool.nghiquyet]`` table loaded as a config file;
- ``json``: parsed; ``python``: compiled.
"""

from __future__ import annotations

import ast
import json
import re
import shlex
import shutil
import textwrap
import tomllib
from pathlib import Path

import click
import pytest
import yaml
from nghiquyet.engine.cli import assess_command, main
from nghiquyet.engine.config import Config, read_config_file

ROOT = Path(__file__).resolve().parent.parent
FENCE = re.compile(r"^(?P<indent> *)```(?P<lang>[\w-]*)\n(?P<body>.*?)^(?P=indent)```", re.M | re.S)
LANGUAGES = {"sh", "yaml", "toml", "json", "python", ""}  # "": output, diagrams
OPERATORS = {"&&", "||", "|", ";", "(", ")", "&"}
REDIRECTIONS = {"<", ">", ">>", "2>", "2>&1"}


def _blocks() -> list[tuple[str, str, str]]:
    found = []
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = page.read_text("utf-8")
        for match in FENCE.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            body = textwrap.dedent(match["body"])
            found.append((f"{page.relative_to(ROOT)}:{line}", match["lang"], body))
    return found


BLOCKS = _blocks()


def _of(*languages: str) -> list:
    chosen = [b for b in BLOCKS if b[1] in languages]
    return pytest.mark.parametrize(("where", "lang", "body"), chosen, ids=[b[0] for b in chosen])


def test_every_block_has_a_language_this_test_reads():
    assert {lang for _, lang, _ in BLOCKS} <= LANGUAGES
    # the kinds the issue names are all there to be checked
    assert {"sh", "yaml", "toml", "json", "python"} <= {lang for _, lang, _ in BLOCKS}


# -- shell --------------------------------------------------------------------------


def shell_commands(script: str) -> list[list[str]]:
    """The simple commands of a shell script: words, with operators, redirections and
    comments taken out and line continuations joined."""
    lexer = shlex.shlex(script.replace("\\\n", " "), posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    lexer.commenters = "#"
    commands: list[list[str]] = [[]]
    skip_next = False
    for token in lexer:
        if skip_next:
            skip_next = False
        elif token in OPERATORS or token == "\n":
            commands.append([])
        elif token in REDIRECTIONS:
            skip_next = True
        else:
            commands[-1].append(token)
    return [c for c in commands if c]


def _lines(script: str) -> list[str]:
    """Each line of a script is a command of its own (a newline ends a command)."""
    return [line for line in script.replace("\\\n", " ").splitlines() if line.strip()]


def parse_ours(words: list[str]) -> bool:
    """Parse an ``assess`` or ``nghiquyet`` command with the installed command's own
    options; False when the command is someone else's."""
    program = Path(words[0]).name
    if program == "assess":
        command, name, args = assess_command, "assess", words[1:]
    elif program == "nghiquyet" and len(words) > 1:
        command = main.get_command(click.Context(main), words[1])
        assert command is not None, f"no command nghiquyet {words[1]}"
        name, args = words[1], words[2:]
    else:
        return False
    try:
        context = command.make_context(name, list(args))
    except click.exceptions.Exit:
        return True  # --version, --help: they answer and stop
    fmt = context.params.get("fmt") if command is assess_command else None
    if fmt is not None and fmt.lower() not in _reporters():
        raise click.UsageError(f"unknown format {fmt!r}")
    return True


def _reporters() -> set[str]:
    from nghiquyet.engine.plugin_manager import get_plugin_manager
    from nghiquyet.engine.render import get_reporters

    return set(get_reporters(get_plugin_manager()))


@_of("sh")
def test_shell_blocks_parse_and_our_commands_take_their_options(where, lang, body):
    ours = tools = 0
    for line in _lines(body):
        for words in shell_commands(line):
            tools += words[0] in _OTHER_TOOLS
            try:
                ours += parse_ours(words)
            except click.UsageError as exc:
                pytest.fail(f"{where}: {' '.join(words)}: {exc.format_message()}")
    assert ours or tools, f"{where}: no assess, nghiquyet or other known command"


# Commands a doc may show beside ours (pinning the hook, fetching the web page's API)
_OTHER_TOOLS = {"curl", "git", "pre-commit", "pip", "python3"}


def test_a_wrong_option_in_a_shell_block_would_fail():
    with pytest.raises(click.UsageError):
        parse_ours(shell_commands("assess du-thao.docx --fail-over 65")[0])
    with pytest.raises(click.UsageError):
        parse_ours(["nghiquyet", "compare", "a.docx", "b.docx", "--stage", "final"])
    with pytest.raises(click.UsageError):
        parse_ours(shell_commands("cat a.md | .venv/bin/assess - --format yaml")[1])


# -- YAML ---------------------------------------------------------------------------


def _config_keys() -> set[str]:
    from dataclasses import fields

    return {f.name for f in fields(Config)} - {"source"}


def _kind(data) -> str:
    if isinstance(data, dict) and data and set(data) <= {"rules", "lexicon"}:
        return "rule pack"
    if isinstance(data, dict) and "id" in data and "type" in data:
        return "rule pack"
    if (
        isinstance(data, dict)
        and data
        and {str(k).replace("-", "_") for k in data} <= _config_keys()
    ):
        return "config"
    return "other"


def _assess_arguments(data, where: str) -> list[list[str]]:
    """The ``assess`` command lines a CI file runs, as word lists."""
    found: list[list[str]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("run", "script") and isinstance(value, str | list):
                for line in [value] if isinstance(value, str) else value:
                    found += [w for text in _lines(line) for w in shell_commands(text)]
            elif key == "hooks" and isinstance(value, list):
                for hook in value:
                    if hook.get("id") == "nghiquyet":
                        found.append(["assess", *map(str, hook.get("args", [])), "x.md"])
            elif key == "uses" and "nghiquyet" in str(value):
                given = data.get("with", {})
                extra = shlex.split(str(given.get("args", "")))
                gate = ["--fail-under", str(given["fail-under"])] if "fail-under" in given else []
                found.append(["assess", *str(given.get("paths", ".")).split(), *gate, *extra])
            else:
                found += _assess_arguments(value, where)
    elif isinstance(data, list):
        for item in data:
            found += _assess_arguments(item, where)
    return found


@_of("yaml")
def test_yaml_blocks_parse(where, lang, body):
    data = yaml.safe_load(body)
    assert data is not None, f"{where}: empty YAML"
    for words in _assess_arguments(data, where):
        try:
            parse_ours(words)
        except click.UsageError as exc:
            pytest.fail(f"{where}: {' '.join(words)}: {exc.format_message()}")


def _yaml(kind: str):
    chosen = [b for b in BLOCKS if b[1] == "yaml" and _kind(yaml.safe_load(b[2])) == kind]
    return pytest.mark.parametrize(("where", "lang", "body"), chosen, ids=[b[0] for b in chosen])


@_yaml("config")
def test_yaml_configs_load_as_written(where, lang, body, tmp_path):
    path = tmp_path / "nghiquyet.yaml"
    path.write_text(body, "utf-8")
    values = read_config_file(path)
    assert values and Config(**values)


def test_the_readme_shows_a_config_and_a_rule_pack():
    kinds = [_kind(yaml.safe_load(b)) for w, lang, b in BLOCKS if lang == "yaml"]
    readme = [_kind(yaml.safe_load(b)) for w, lang, b in BLOCKS if lang == "yaml" and "README" in w]
    assert "config" in readme and "rule pack" in readme, kinds


@_yaml("rule pack")
def test_rule_packs_load_as_written_and_their_examples_hold(where, lang, body, tmp_path, samples):
    data = yaml.safe_load(body)
    from nghiquyet.engine.runner import Assessor
    from nghiquyet.plugins.text_loader import parse_markdown

    pack = tmp_path / "huyen" / "rules.yaml"
    pack.parent.mkdir()
    pack.write_text(body, "utf-8")
    assessor = Assessor(Config(rule_paths=[str(pack.parent)], force=True))
    entries = data.get("rules", [data])
    ids = [entry["id"] for entry in entries]
    assert set(ids) <= set(assessor.ruleset.rules)
    for entry in entries:
        for kind in ("bad", "good"):
            for text in entry.get("examples", {}).get(kind, []):
                report = assessor.assess_document(parse_markdown(text, f"{kind}.md"))
                raised = [f for f in report.findings if f.rule_id == entry["id"]]
                assert bool(raised) == (kind == "bad"), (where, entry["id"], kind, text)
    # and through the command line, on the bundled drafts, beside its config
    shutil.copy(samples / "strong.md", tmp_path / "strong.md")
    (tmp_path / "nghiquyet.yaml").write_text("rule_paths: [huyen]\n", "utf-8")
    from click.testing import CliRunner

    args = [str(tmp_path / "strong.md"), "--select", ",".join(ids), "-f", "json", "--no-cache"]
    result = CliRunner().invoke(assess_command, args)
    assert result.exit_code in (0, 1), result.output
    assert json.loads(result.stdout)["documents"][0]["error"] is None


# -- TOML, JSON, Python -----------------------------------------------------------------


@_of("toml")
def test_toml_blocks_parse_and_configs_load(where, lang, body, tmp_path):
    data = tomllib.loads(body)
    if "nghiquyet" in data.get("tool", {}):
        path = tmp_path / "pyproject.toml"
        path.write_text(body, "utf-8")
        values = read_config_file(path)
        assert values and Config(**values)


@_of("json")
def test_json_blocks_parse(where, lang, body):
    assert json.loads(body)


@_of("python")
def test_python_blocks_compile(where, lang, body):
    ast.parse(body, filename=where)

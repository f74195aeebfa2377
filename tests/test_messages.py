"""One language at a time: what a person reads follows the report language.

Vietnamese by default; English with ``--lang en``, a config's ``lang: en``, or a
locale (``LC_ALL``/``LC_MESSAGES``/``LANG``) starting with ``en`` when nothing else
says. Help, click's own words, errors, progress, summaries and the headers of
``rules`` and ``explain`` included. Every message and help text in the code has its
Vietnamese, with the same placeholders.
"""

from __future__ import annotations

import ast
import os
import string
import subprocess
import sys
from pathlib import Path

import click
import pytest
from nghiquyet.engine.cli import main
from nghiquyet.engine.messages import catalogue, normalise

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# calls whose first argument is a message to translate
MESSAGE_CALLS = {
    "t",
    "tn",
    "N_",
    "Message",
    "both",
    "NghiquyetError",
    "ConfigError",
    "OutputError",
    "AnnotateError",
}


def _vietnamese() -> dict[str, str]:
    return catalogue("vi")


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("NGHIQUYET_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("NGHIQUYET_CONFIG", raising=False)


def _message_calls():
    """(where, call name, call) for every call in the code that has arguments."""
    for path in sorted([*ROOT.glob("engine/**/*.py"), *ROOT.glob("plugins/**/*.py")]):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and node.args:
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                yield f"{path.relative_to(ROOT)}:{node.lineno}", name, node


def _messages_in_code() -> dict[str, str]:
    """Every literal message the code hands to the catalogue, with where it is."""
    found: dict[str, str] = {}
    for where, name, node in _message_calls():
        literals = [
            a.value
            for a in node.args[: 2 if name == "tn" else 1]
            if isinstance(a, ast.Constant) and isinstance(a.value, str)
        ]
        if name in MESSAGE_CALLS:
            for text in literals[:1]:  # tn: the singular is what Vietnamese translates
                found.setdefault(normalise(text), where)
    return found


def _help_texts(command: click.Command, found: dict[str, str], path: str = "") -> None:
    """Every help paragraph of ``command``, its options and its subcommands."""
    where = f"{path} {command.name}".strip()
    for paragraph in (command.help or "").split("\n\n"):
        found.setdefault(normalise(paragraph), where)
    for param in command.params:
        if getattr(param, "help", None):
            found.setdefault(normalise(param.help), f"{where} {param.opts[-1]}")
    for sub in getattr(command, "commands", {}).values():
        _help_texts(sub, found, where)


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_no_message_is_built_before_it_is_translated():
    """A message made with an f-string or ``+`` is already filled in English when the
    catalogue is asked: the words must be a template and the values params."""
    built = [
        where
        for where, name, node in _message_calls()
        if name in MESSAGE_CALLS and isinstance(node.args[0], ast.JoinedStr | ast.BinOp)
    ]
    assert not built, "pass a template and params instead:\n  " + "\n  ".join(built)


def test_every_message_and_help_text_has_its_vietnamese():
    vietnamese = _vietnamese()
    wanted = _messages_in_code()
    _help_texts(main, wanted)
    missing = {text: where for text, where in wanted.items() if text not in vietnamese}
    assert not missing, "add these to engine/messages_vi.py or engine/cli/help_vi.py:\n" + (
        "\n".join(f"  {where}: {text!r}" for text, where in missing.items())
    )


def test_translations_keep_every_placeholder():
    for english, vietnamese in _vietnamese().items():
        if "%(" in english:  # click's own version line, %-formatted
            assert vietnamese.count("%(") == english.count("%(")
            continue
        # click fills a plural's singular and plural placeholders alike: the
        # Vietnamese of a singular may use either
        plural_alike = {"choice": "choices", "possibility": "possibilities"}
        allowed = _placeholders(english) | {plural_alike.get(p, p) for p in _placeholders(english)}
        assert _placeholders(vietnamese) <= allowed, (english, vietnamese)
        assert len(_placeholders(vietnamese)) == len(_placeholders(english)), english


def _run(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None, command: str = ""):
    command = command or ("nghiquyet" if args and args[0] in main.commands else "assess")
    return subprocess.run(
        [str(BIN / command), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=cwd,
        timeout=300,
    )


HELP_VI = ("Cách dùng:", "Tùy chọn:", "Hiện hướng dẫn này rồi thoát.")
HELP_EN = ("Usage:", "Options:", "Show this message and exit.")


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (("--help",), {}, HELP_VI),
        (("--lang", "en", "--help"), {}, HELP_EN),
        (("--help", "--lang=en"), {}, HELP_EN),
        (("--help",), {"LANG": "en_US.UTF-8"}, HELP_EN),
        (("--help",), {"LANG": "vi_VN.UTF-8"}, HELP_VI),
        (("--lang", "vi", "--help"), {"LANG": "en_US.UTF-8"}, HELP_VI),
        (("--help",), {"LC_ALL": "en_GB.UTF-8", "LANG": "vi_VN.UTF-8"}, HELP_EN),
        (("--help",), {"LC_ALL": "C.UTF-8", "LANG": "en_US.UTF-8"}, HELP_VI),
        (("--help",), {"NGHIQUYET_LANG": "en"}, HELP_EN),
    ],
)
def test_assess_help_follows_the_language(args, env, expected):
    result = _run(*args, env=env)
    assert result.returncode == 0, result.stderr
    for text in expected:
        assert text in result.stdout
    other = HELP_EN if expected == HELP_VI else HELP_VI
    assert not any(text in result.stdout for text in other)


def test_vietnamese_help_has_no_english_paragraph_left():
    """Every command's help, through the entry point, holds none of the English it was
    written in."""
    english: dict[str, str] = {}
    _help_texts(main, english)
    for name in ["", *main.commands]:
        result = _run(*([name] if name else []), "--help", command="nghiquyet")
        assert result.returncode == 0, result.stderr
        shown = normalise(result.stdout)
        assert shown.startswith("Cách dùng:"), shown
        for text in english:
            # a few option texts are the same in both languages (names, examples)
            if len(text.split()) > 3 and _vietnamese()[text] != text:
                assert text not in shown, (name, text)


def test_the_command_list_is_translated():
    result = _run("--help", command="nghiquyet")
    assert "Lệnh:" in result.stdout
    assert "Chấm điểm dự thảo nghị quyết chuyên đề" in result.stdout
    english = _run("--help", env={"LANG": "en_US.UTF-8"}, command="nghiquyet")
    assert "Commands:" in english.stdout and "Score draft thematic resolutions" in english.stdout
    assert "Show the version and exit." in english.stdout


def test_usage_errors_speak_the_language(samples):
    result = _run(str(samples / "strong.md"), "--stage", "final")
    assert result.returncode == 2
    assert "Lỗi: Giá trị không hợp lệ cho '--stage'" in result.stderr
    assert "chọn một trong 'draft', 'adopted', 'auto'" in result.stderr
    assert "Gõ 'assess --help' để xem hướng dẫn." in result.stderr
    english = _run(str(samples / "strong.md"), "--stage", "final", "--lang", "en")
    assert "Error: Invalid value for '--stage'" in english.stderr


def test_errors_follow_lang_config_and_locale(tmp_path):
    missing = tmp_path / "khong-co.md"
    vi = _run(str(missing))
    assert vi.stderr == f"nghiquyet: {missing}: không tìm thấy tệp\n"
    assert "KHÔNG ĐỌC ĐƯỢC" in vi.stdout
    assert "no such file" in _run(str(missing), "--lang", "en").stderr
    assert "no such file" in _run(str(missing), env={"LANG": "en_US.UTF-8"}).stderr
    # the config is found upward from the input: its lang wins over the locale,
    # --lang over both
    (tmp_path / "nghiquyet.yaml").write_text("lang: en\n", "utf-8")
    en = _run(str(missing))
    assert "no such file" in en.stderr and "UNREADABLE" in en.stdout
    assert "không tìm thấy tệp" in _run(str(missing), "--lang", "vi").stderr
    (tmp_path / "nghiquyet.yaml").write_text("lang: vi\n", "utf-8")
    assert "không tìm thấy tệp" in _run(str(missing), env={"LANG": "en_US.UTF-8"}).stderr


@pytest.mark.parametrize(
    ("content", "vietnamese", "english"),
    [
        ("fail_undr: 60\n", "không có khóa 'fail_undr'", "unknown key 'fail_undr'"),
        ("max_zip_entries: 1.5\n", "phải là một số nguyên", "must be an integer"),
        ("weights: {urgency: -1}\n", "phải là một số ≥ 0", "must be a number ≥ 0"),
        ("stage: [60\n", "dòng 2: YAML sai cú pháp", "line 2: malformed YAML"),
    ],
)
def test_config_errors_in_both_languages(tmp_path, samples, content, vietnamese, english):
    draft = tmp_path / "du-thao.md"
    draft.write_text((samples / "strong.md").read_text("utf-8"), "utf-8")
    (tmp_path / "nghiquyet.yaml").write_text(content, "utf-8")
    for args, env, expected in (
        ((), {}, vietnamese),
        (("--lang", "en"), {}, english),
        ((), {"LANG": "en_US.UTF-8"}, english),
    ):
        result = _run(str(draft), *args, env=env)
        assert result.returncode == 2
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and expected in lines[0] and "nghiquyet.yaml" in lines[0]


def test_rules_header_and_severities(tmp_path):
    vi = _run("rules", cwd=tmp_path).stdout.splitlines()
    assert vi[0].split() == ["MÃ", "TÊN", "TIÊU", "CHÍ", "MỨC", "ĐỘ", "HS", "THÔNG", "BÁO"]
    nq601 = next(line for line in vi if line.startswith("NQ601"))
    assert " lỗi " in nq601 and " error " not in nq601
    en = _run("rules", "--lang", "en", cwd=tmp_path).stdout.splitlines()
    assert en[0].split() == ["ID", "SLUG", "CRITERION", "SEVERITY", "W", "MESSAGE"]
    assert " error " in next(line for line in en if line.startswith("NQ601"))
    assert _run("rules", cwd=tmp_path, env={"LANG": "en_US.UTF-8"}).stdout.startswith("ID ")


def test_explain_header(tmp_path):
    vi = _run("explain", "NQ701", cwd=tmp_path).stdout.splitlines()[0]
    assert vi == "NQ701 draft-not-marked  [procedure, cảnh báo, hệ số 1, chỉ áp dụng cho dự thảo]"
    en = _run("explain", "NQ701", "--lang", "en", cwd=tmp_path).stdout.splitlines()[0]
    assert en == "NQ701 draft-not-marked  [procedure, warning, weight 1, only for drafts]"
    unknown = _run("explain", "NQ999", cwd=tmp_path)
    assert unknown.returncode == 2
    assert (
        unknown.stderr
        == "nghiquyet: không có quy tắc 'NQ999'; `nghiquyet rules` liệt kê các quy tắc\n"
    )


def test_quiet_lines(tmp_path):
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    assert _run(str(broken), "--quiet").stdout.startswith(f"{broken}: lỗi (")
    assert _run(str(broken), "--quiet", "--lang", "en").stdout.startswith(f"{broken}: error (")


def test_other_commands_speak_the_language(tmp_path):
    config = tmp_path / "nghiquyet.yaml"
    assert _run("init", "-o", str(config)).stdout == f"đã ghi {config}\n"
    again = _run("init", "-o", str(config), "--lang", "en")
    assert again.returncode == 2
    assert again.stderr == f"nghiquyet: {config} exists; use --force to overwrite\n"
    assert "đã có; dùng --force để ghi đè" in _run("init", "-o", str(config)).stderr
    shown = _run("cache", env={"NGHIQUYET_CACHE_DIR": str(tmp_path / "cache")}).stdout
    assert shown.splitlines()[0].startswith("thư mục:")
    empty = {"NGHIQUYET_CACHE_DIR": str(tmp_path / "empty")}
    cleared = _run("cache", "--clear", "--lang", "en", env=empty)
    assert cleared.stdout.startswith("removed 0 cached results from")

"""Command line: ``assess PATH...`` and ``nghiquyet <command>``.

Kept light: importing this module imports click and nothing heavy, so
``assess --help`` and ``assess --version`` answer at once; spaCy and lxml load only
when a draft is read.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FORMATS = ["text", "json"]  # the built-ins; plugins may add more (checked at run time)


def _split(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _fail(message: str, debug: bool = False) -> None:
    if debug:
        raise
    click.echo(f"nghiquyet: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _lang_default() -> str:
    return "en" if os.environ.get("NGHIQUYET_LANG") == "en" else "vi"


assess_options = [
    click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path)),
    click.option(
        "--format",
        "-f",
        "fmt",
        default="text",
        show_default=True,
        help="Output format: text, json, html, markdown, sarif, junit, github (plugins add more).",
    ),
    click.option(
        "-o",
        "--output",
        type=click.Path(path_type=Path),
        help="Write the report to FILE instead of standard output.",
    ),
    click.option(
        "--lang", type=click.Choice(["vi", "en"]), help="Language of messages [default: vi]."
    ),
    click.option(
        "--stage",
        type=click.Choice(["draft", "adopted", "auto"]),
        help="Judge as a draft, an adopted text, or detect it [default: auto].",
    ),
    click.option(
        "--select",
        multiple=True,
        help="Only these rules: ids (NQ601), prefixes (NQ6), slugs or criteria; comma-separated or repeated.",
    ),
    click.option("--ignore", multiple=True, help="Skip these rules (same forms as --select)."),
    click.option(
        "--fail-under", type=click.FloatRange(0, 100), help="Exit 1 when a draft scores below N."
    ),
    click.option(
        "--exit-zero",
        is_flag=True,
        help="Exit 0 even with findings (unreadable input still exits 2).",
    ),
    click.option(
        "--config",
        "config_path",
        type=click.Path(path_type=Path),
        help="Config file (default: NGHIQUYET_CONFIG, then nghiquyet.yaml found upward).",
    ),
    click.option(
        "--jobs",
        "-j",
        type=click.IntRange(0, 64),
        default=None,
        help="Worker processes for a batch [default: number of cores; 1 runs in-process].",
    ),
    click.option(
        "--annotate",
        type=click.Path(path_type=Path),
        help="Also write a copy of the .docx draft with each finding as a Word comment to FILE.",
    ),
    click.option(
        "--quiet", "-q", is_flag=True, help="Print only the score line of each draft (text format)."
    ),
    click.option(
        "--cache/--no-cache",
        default=True,
        show_default=True,
        help="Reuse results of unchanged drafts (user cache folder, or NGHIQUYET_CACHE_DIR).",
    ),
    click.option("--debug", is_flag=True, help="Show tracebacks of internal errors."),
]


def with_assess_options(function):
    for option in reversed(assess_options):
        function = option(function)
    return function


def run_assess(
    paths,
    fmt,
    output,
    lang,
    stage,
    select,
    ignore,
    fail_under,
    exit_zero,
    config_path,
    jobs,
    quiet,
    debug,
    annotate=None,
    cache=True,
) -> int:
    """Everything ``assess`` does; returns the exit code."""
    from .config import resolve_config
    from .errors import ConfigError, NghiquyetError
    from .load import expand_paths
    from .output import check_not_input, write_atomic
    from .render import get_reporters

    try:
        overrides = {
            k: v
            for k, v in {
                "lang": lang,
                "stage": stage,
                "fail_under": fail_under,
                "select": _split(select) or None,
                "ignore": _split(ignore) or None,
            }.items()
            if v is not None
        }
        config = resolve_config(str(config_path) if config_path else None, list(paths), overrides)
        if "lang" not in overrides and config.lang == "vi":
            config.lang = _lang_default() if not config.source else config.lang
        files = expand_paths(list(paths))
        # a missing file or a folder without drafts is an error entry of the report
        # (code not_found / no_drafts), printed with the others below
        missing = [p for p in paths if not p.exists()]
        folders_without_drafts = [p for p in paths if p.is_dir() and not expand_paths([p])]
        files = [f for f in files if f.exists()]
        from .plugin_manager import get_plugin_manager

        reporters = get_reporters(get_plugin_manager())
        if fmt not in reporters:
            raise ConfigError(
                f"unknown format {fmt!r}; choose one of {', '.join(sorted(reporters))}"
            )
        if output is not None:
            check_not_input(output, files)
        if annotate is not None:
            _check_annotate(annotate, paths, files, output, check_not_input)
        from .runner import Assessor

        assessor = Assessor(config)
        assessor.debug = debug
        if cache:
            from .cache import ResultCache

            assessor.cache = ResultCache.open(assessor)
        report = assessor.assess_paths(
            files, jobs=jobs, progress=None if quiet else _progress_bar()
        )
    except NghiquyetError as exc:
        if debug:
            raise
        click.echo(f"nghiquyet: {exc}", err=True)
        return EXIT_ERROR
    except Exception as exc:  # an internal error: one line unless --debug
        if debug:
            raise
        click.echo(
            f"nghiquyet: internal error: {type(exc).__name__}: {exc} (run with --debug for details)",
            err=True,
        )
        return EXIT_ERROR

    report.documents.extend(_path_errors(missing, folders_without_drafts))
    for doc in report.documents:
        if doc.error is not None:
            click.echo(f"nghiquyet: {doc.error.message[config.lang]}", err=True)

    if quiet and fmt == "text":
        from .render import grade_label, number

        data = "".join(
            f"{d.path}: {number(d.score, config.lang)} {grade_label(d, config.lang)}\n"
            if d.error is None
            else f"{d.path}: {'lỗi' if config.lang == 'vi' else 'error'} ({d.error.code})\n"
            for d in report.documents
        ).encode("utf-8")
    else:
        data = reporters[fmt].render(report, rules=assessor.ruleset.rules, config=config)
    try:
        if annotate is not None and report.documents[0].error is None:
            from .annotate import annotate_docx

            write_atomic(annotate, annotate_docx(files[0], report.documents[0], config.lang))
        if output is not None:
            write_atomic(output, data)
        else:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
    except (OSError, NghiquyetError) as exc:
        click.echo(f"nghiquyet: {exc}", err=True)
        return EXIT_ERROR

    if missing or folders_without_drafts or any(d.error is not None for d in report.documents):
        return EXIT_ERROR
    if exit_zero:
        return EXIT_OK
    failing = any(f.severity == "error" for d in report.documents for f in d.findings) or (
        config.fail_under is not None and any(d.score < config.fail_under for d in report.documents)
    )
    return EXIT_FINDINGS if failing else EXIT_OK


def _path_errors(missing, folders) -> list:
    """Error entries for inputs that are not there and folders that hold no draft."""
    from .model import DocumentError, DocumentReport

    entries = [
        DocumentReport(
            path=str(p),
            error=DocumentError(
                "not_found", {"vi": f"{p}: không tìm thấy tệp", "en": f"{p}: no such file"}
            ),
        )
        for p in missing
    ]
    entries += [
        DocumentReport(
            path=str(p),
            error=DocumentError(
                "no_drafts",
                {
                    "vi": f"{p}: thư mục không có dự thảo (.docx, .doc, .odt, .md, .txt)",
                    "en": f"{p}: no drafts (.docx, .doc, .odt, .md, .txt) in folder",
                },
            ),
        )
        for p in folders
    ]
    return entries


def _check_annotate(annotate, paths, files, output, check_not_input) -> None:
    """``--annotate`` takes one .docx draft and never writes over an input or the report."""
    from .errors import ConfigError

    if len(paths) == 1 and len(files) == 1 and files[0].suffix.lower() == ".odt":
        raise ConfigError(
            "--annotate writes Word comments and needs a .docx; save the .odt as .docx "
            "in LibreOffice (File > Save As, Word 2007-365) and annotate that"
        )
    if len(paths) != 1 or len(files) != 1 or files[0].suffix.lower() != ".docx":
        raise ConfigError("--annotate needs exactly one .docx draft (not a folder, not several)")
    check_not_input(annotate, files)
    if output is not None and annotate.resolve() == output.resolve():
        raise ConfigError("--annotate and --output must be different files")


def _progress_bar():
    """A one-line ``12/100 drafts`` counter on stderr, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        if total < 2:
            return
        end = "\n" if done == total else ""
        sys.stderr.write(f"\r{done}/{total} drafts{end}")
        sys.stderr.flush()

    return show


@click.command(name="assess", context_settings={"help_option_names": ["-h", "--help"]})
@with_assess_options
@click.version_option(__version__, "--version", "-V", prog_name="nghiquyet")
def assess_command(**kwargs):
    """Score draft thematic resolutions (.docx, .odt, .md, .txt) and say what to fix.

    Exit codes: 0 no error-level finding and every score ≥ --fail-under;
    1 findings or a score below it; 2 usage, config or unreadable input.
    """
    sys.exit(run_assess(**kwargs))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="nghiquyet")
def main():
    """nghiquyet: checks a party cell's draft thematic resolution."""


main.add_command(assess_command)


def _ruleset():
    from .check import build_ruleset
    from .config import resolve_config
    from .plugin_manager import get_plugin_manager

    config = resolve_config(None, [Path.cwd()], {})
    return build_ruleset(get_plugin_manager(), tuple(config.rule_paths)), config


@main.command(name="rules")
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def rules_command(lang, fmt):
    """List every rule: id, slug, criterion, severity, weight."""
    from .errors import NghiquyetError

    try:
        ruleset, config = _ruleset()
    except NghiquyetError as exc:
        _fail(str(exc))
    lang = lang or config.lang
    if fmt == "json":
        import json

        rows = [
            {
                "id": r.id,
                "name": r.name,
                "criterion": r.criterion,
                "severity": r.severity,
                "weight": r.weight,
                "stage": r.stage,
                "message": r.message[lang],
                "source": r.source,
            }
            for r in ruleset.rules.values()
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    click.echo(f"{'ID':<6} {'SLUG':<32} {'CRITERION':<12} {'SEVERITY':<8} {'W':>4}  MESSAGE")
    for r in ruleset.rules.values():
        message = r.message[lang].replace("{detail}", "…")
        click.echo(
            f"{r.id:<6} {r.name:<32} {r.criterion:<12} {r.severity:<8} {r.weight:>4g}  {message[:70]}"
        )


@main.command(name="explain")
@click.argument("rule")
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None)
def explain_command(rule, lang):
    """Explain a rule (by id or slug): what, why, how to fix, examples."""
    from .errors import NghiquyetError

    try:
        ruleset, config = _ruleset()
    except NghiquyetError as exc:
        _fail(str(exc))
    lang = lang or config.lang
    found = [r for r in ruleset.by_token(rule) if r.id.upper() == rule.upper() or r.name == rule]
    if not found:
        _fail(f"no rule {rule!r}; `nghiquyet rules` lists them")
    r = found[0]
    L = (lambda vi, en: vi) if lang == "vi" else (lambda vi, en: en)  # noqa: E731
    click.echo(
        f"{r.id} {r.name}  [{r.criterion}, {r.severity}, {L('hệ số', 'weight')} {r.weight:g}"
        + (f", {L('chỉ áp dụng cho', 'only for')} {r.stage}" if r.stage != "all" else "")
        + "]"
    )
    click.echo("")
    click.echo(r.message[lang].replace("{detail}", "…"))
    for key, title in (
        ("what", L("Kiểm tra gì", "What it checks")),
        ("why", L("Vì sao", "Why")),
        ("fix", L("Cách sửa", "How to fix")),
    ):
        if key in r.docs:
            click.echo(f"\n{title}:\n  {r.docs[key][lang]}")
    for kind, title in (
        ("bad", L("Ví dụ chưa đạt", "Bad example")),
        ("good", L("Ví dụ đạt", "Good example")),
    ):
        for example in r.examples.get(kind, []):
            click.echo(f"\n{title}:")
            for line in example.rstrip().splitlines():
                click.echo(f"  {line}")


@main.command(name="plugins")
def plugins_command():
    """List loaded plugins and the hooks each implements."""
    from .plugin_manager import get_plugin_manager, plugin_list

    for row in plugin_list(get_plugin_manager()):
        click.echo(f"{row['name']:<40} {row['origin']:<24} {row['hooks']}")


@main.command(name="cache")
@click.option("--clear", is_flag=True, help="Remove every stored result.")
def cache_command(clear):
    """Show where results of unchanged drafts are kept and how much room they take.

    The cache prunes itself (entries unused for 30 days, then the least recently
    used above 256 MB); --clear empties it now.
    """
    from . import cache

    if clear:
        removed = cache.clear()
        click.echo(f"removed {removed} cached result(s) from {cache.default_folder()}")
        return
    found = cache.stats()
    click.echo(f"folder:  {found.folder}")
    click.echo(f"entries: {found.entries}")
    click.echo(f"size:    {found.size / 1024 / 1024:.1f} MB")


@main.command(name="init")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=Path("nghiquyet.yaml"),
    show_default=True,
)
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def init_command(output, force):
    """Write a commented configuration file."""
    from .config import TEMPLATE
    from .output import write_atomic

    if output.exists() and not force:
        _fail(f"{output} exists; use --force to overwrite")
    write_atomic(output, TEMPLATE.encode("utf-8"))
    click.echo(f"wrote {output}")


@main.command(name="compare")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option(
    "--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help="Write to FILE, not standard output."
)
@click.option("--lang", type=click.Choice(["vi", "en"]), help="Language of messages [default: vi].")
@click.option(
    "--stage",
    type=click.Choice(["draft", "adopted", "auto"]),
    help="Judge both as draft, adopted or detect [default: auto].",
)
@click.option(
    "--config", "config_path", type=click.Path(path_type=Path), help="Config file (as for assess)."
)
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
def compare_command(old, new, fmt, output, lang, stage, config_path, debug):
    """Compare two versions of a draft: score change per criterion, findings fixed and new.

    Exit codes: 0 compared; 2 usage, config or unreadable input.
    """
    from .errors import NghiquyetError

    try:
        from . import __version__
        from .compare import compare, comparison_dict, render_text
        from .config import resolve_config
        from .output import check_not_input, write_atomic
        from .runner import Assessor

        overrides = {k: v for k, v in {"lang": lang, "stage": stage}.items() if v is not None}
        config = resolve_config(str(config_path) if config_path else None, [old, new], overrides)
        if "lang" not in overrides and config.lang == "vi" and not config.source:
            config.lang = _lang_default()
        if output is not None:
            check_not_input(output, [old, new])
        assessor = Assessor(config)
        assessor.debug = debug
        before, after = assessor.assess_one(old), assessor.assess_one(new)
        result = compare(before, after)
        if fmt == "json":
            import json

            data = comparison_dict(result, config.lang, __version__)
            data = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        else:
            data = render_text(result, config.lang)
        if output is not None:
            write_atomic(output, data.encode("utf-8"))
        else:
            sys.stdout.buffer.write(data.encode("utf-8"))
            sys.stdout.flush()
    except NghiquyetError as exc:
        _fail(str(exc), debug)
    except OSError as exc:
        _fail(str(exc), debug)
    for doc in (before, after):
        if doc.error is not None:
            click.echo(f"nghiquyet: {doc.error.message[config.lang]}", err=True)
    sys.exit(EXIT_ERROR if before.error is not None or after.error is not None else EXIT_OK)


@main.command(name="template")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=Path("du-thao-nghi-quyet.docx"),
    show_default=True,
    help="File to write: .docx (Word), or .md for Markdown.",
)
@click.option("--cell", help='The issuing cell, e.g. "Chi bộ thôn Đông Lộc".')
@click.option("--topic", help='The topic, e.g. "phân loại rác thải tại thôn Đông Lộc, năm 2026".')
@click.option("--superior", help='The superior party organisation, e.g. "Đảng bộ xã Hòa Thạnh".')
@click.option("--place", help='The place in the date line, e.g. "Hòa Thạnh".')
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def template_command(output, cell, topic, superior, place, force):
    """Write a skeleton draft that follows the five steps and Hướng dẫn 36.

    Every part to fill is marked «[… …]»; `assess` flags any left (NQ002).
    """
    from .errors import NghiquyetError
    from .output import write_atomic
    from .template import render

    if output.exists() and not force:
        _fail(f"{output} exists; use --force to overwrite")
    try:
        write_atomic(output, render(output, cell=cell, topic=topic, superior=superior, place=place))
    except (OSError, NghiquyetError) as exc:
        _fail(str(exc))
    click.echo(f"wrote {output}")


@main.command(name="serve")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (this computer only by default).",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8765,
    show_default=True,
    help="Port to listen on.",
)
@click.option(
    "--max-upload-mb",
    type=click.FloatRange(0.01, 1024),
    default=20.0,
    show_default=True,
    help="Largest file accepted, in MB.",
)
@click.option(
    "--lang",
    type=click.Choice(["vi", "en"]),
    default=None,
    help="Language of the page [default: vi].",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    help="Config file (rules, weights, ...).",
)
@click.option(
    "--open", "open_browser", is_flag=True, help="Open the page in the default web browser."
)
def serve_command(host, port, max_upload_mb, lang, config_path, open_browser):
    """Start a local web page to check drafts without a terminal."""
    from .config import resolve_config
    from .errors import NghiquyetError

    try:
        from .serve import Settings, serve
    except ImportError as exc:  # the web extras are missing from this install
        _fail(f"serve needs starlette, uvicorn, jinja2 and python-multipart ({exc})")
    try:
        config = resolve_config(str(config_path) if config_path else None, [Path.cwd()], {})
    except NghiquyetError as exc:
        _fail(str(exc))
    page_lang = lang or (config.lang if config.source else _lang_default())
    settings = Settings(max_upload_mb=max_upload_mb, lang=page_lang, host=host, config=config)
    try:
        serve(settings, port=port, open_browser=open_browser)
    except OSError as exc:  # port in use, address not available
        _fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}")

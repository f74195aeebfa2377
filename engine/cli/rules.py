"""What is loaded: ``nghiquyet rules``, ``nghiquyet explain RULE``, ``nghiquyet plugins``."""

from __future__ import annotations

from pathlib import Path

import click

from .common import fail


def _ruleset():
    """Every rule loaded as a run in this folder would load it, and that run's config."""
    from ..check import build_ruleset
    from ..config import resolve_config
    from ..plugin_manager import get_plugin_manager

    config = resolve_config(None, [Path.cwd()], {})
    return build_ruleset(get_plugin_manager(), tuple(config.rule_paths)), config


@click.command(name="rules")
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def rules_command(lang, fmt):
    """List every rule: id, slug, criterion, severity, weight."""
    from ..errors import NghiquyetError

    try:
        ruleset, config = _ruleset()
    except NghiquyetError as exc:
        fail(str(exc))
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


@click.command(name="explain")
@click.argument("rule")
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None)
def explain_command(rule, lang):
    """Explain a rule (by id or slug): what, why, how to fix, what it reads, its
    options, the guidance it enforces, examples."""
    from ..errors import NghiquyetError
    from ..explain import explain_rule

    try:
        ruleset, config = _ruleset()
    except NghiquyetError as exc:
        fail(str(exc))
    found = [r for r in ruleset.by_token(rule) if r.id.upper() == rule.upper() or r.name == rule]
    if not found:
        fail(f"no rule {rule!r}; `nghiquyet rules` lists them")
    r = found[0]
    text = explain_rule(r, ruleset.types.get(r.type), ruleset.vocabulary, lang or config.lang)
    click.echo(text, nl=False)


@click.command(name="plugins")
def plugins_command():
    """List loaded plugins, the hooks each implements and the formats each reads."""
    from ..plugin_manager import get_plugin_manager, plugin_list

    for row in plugin_list(get_plugin_manager()):
        formats = f"  [{row['formats']}]" if row["formats"] else ""
        click.echo(f"{row['name']:<40} {row['origin']:<24} {row['hooks']}{formats}")

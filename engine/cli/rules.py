"""What is loaded: ``nghiquyet rules``, ``nghiquyet explain RULE``, ``nghiquyet plugins``."""

from __future__ import annotations

from pathlib import Path

import click

from ..messages import t
from .common import fail, lang_option
from .localise import LocalisedCommand


def _ruleset(lang: str | None):
    """Every rule loaded as a run in this folder would load it, and that run's config
    (its language: ``--lang``, else the config's, else the environment's)."""
    from ..check import build_ruleset
    from ..errors import NghiquyetError
    from ..plugin_manager import get_plugin_manager
    from .common import resolve

    try:
        config = resolve(None, [Path.cwd()], lang=lang)
        return build_ruleset(get_plugin_manager(), tuple(config.rule_paths)), config
    except NghiquyetError as exc:
        fail(exc)


@click.command(name="rules", cls=LocalisedCommand)
@lang_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
def rules_command(lang, fmt):
    """List every rule: id, slug, criterion, severity, weight."""
    from ..render import severity_name

    ruleset, config = _ruleset(lang)
    lang = config.lang
    if fmt == "json":
        import json

        rows = [
            {
                "id": r.id,
                "name": r.name,
                "criterion": r.criterion,
                "severity": r.severity,
                "weight": r.weight,
                "ceiling": r.ceiling,
                "stage": r.stage,
                "message": r.message[lang],
                "rewrite": r.rewrite,
                "source": r.source,
            }
            for r in ruleset.rules.values()
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    head = (t("ID"), t("SLUG"), t("CRITERION"), t("SEVERITY"), t("W"), t("MESSAGE"))
    click.echo(f"{head[0]:<6} {head[1]:<32} {head[2]:<12} {head[3]:<8} {head[4]:>4}  {head[5]}")
    for r in ruleset.rules.values():
        message = r.message[lang].replace("{detail}", "…")
        severity = severity_name(r.severity, lang)
        click.echo(
            f"{r.id:<6} {r.name:<32} {r.criterion:<12} {severity:<8} {r.weight:>4g}  {message[:70]}"
        )


@click.command(name="explain", cls=LocalisedCommand)
@click.argument("rule")
@lang_option
def explain_command(rule, lang):
    """Explain a rule (by id or slug): what, why, how to fix, what it reads, its
    options, the guidance it enforces, examples."""
    from ..explain import explain_rule

    ruleset, config = _ruleset(lang)
    found = [r for r in ruleset.by_token(rule) if r.id.upper() == rule.upper() or r.name == rule]
    if not found:
        fail(t("no rule {rule!r}; `nghiquyet rules` lists them", rule=rule))
    r = found[0]
    text = explain_rule(r, ruleset.types.get(r.type), ruleset.vocabulary, config.lang)
    click.echo(text, nl=False)


@click.command(name="plugins", cls=LocalisedCommand)
def plugins_command():
    """List loaded plugins, the hooks each implements and the formats each reads."""
    from ..plugin_manager import get_plugin_manager, plugin_list

    for row in plugin_list(get_plugin_manager()):
        formats = f"  [{row['formats']}]" if row["formats"] else ""
        click.echo(f"{row['name']:<40} {row['origin']:<24} {row['hooks']}{formats}")

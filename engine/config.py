"""Configuration: defaults < config file < command-line options.

The file is, in order: ``--config FILE``; else ``$NGHIQUYET_CONFIG``; else the first
of ``nghiquyet.yaml``, ``.nghiquyet.yaml`` or a ``pyproject.toml`` with a
``[tool.nghiquyet]`` table, looking upward from the first input. Unknown keys are
errors, so a typo never silently does nothing.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .criteria import CRITERION_IDS
from .discover import DEFAULT_EXCLUDE, anchor
from .errors import ConfigError, excerpt, key_name, malformed_yaml
from .messages import Message
from .yamlio import load_yaml, yaml_error

CONFIG_NAMES = ("nghiquyet.yaml", ".nghiquyet.yaml")


@dataclass(slots=True)
class Config:
    fail_under: float | None = None
    # the findings gate (error, warning, info, never); None: error, or never when
    # fail_under is set (as pylint), see cli/gate.py
    fail_on: str | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    lang: str = "vi"
    stage: str = "auto"
    weights: dict[str, float] = field(default_factory=dict)
    rule_paths: list[str] = field(default_factory=list)
    # {"glob pattern": ["NQ901", "format"]}: per-file ignores (a Word file cannot carry them)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    max_file_mb: float | None = None
    # limits against zip bombs in .docx: total inflated size and number of entries
    max_unzipped_mb: float = 256
    max_zip_entries: int = 2000
    # ceilings on the text a draft holds (engine/text_limits.py); None: the defaults
    max_paragraph_chars: int | None = None
    max_paragraphs: int | None = None
    max_table_cells: int | None = None
    max_total_chars: int | None = None
    # score a document even when it is not a thematic resolution (a report, a plan,
    # text typed without diacritics), with a note that says what it is
    force: bool = False
    # a baseline file (`nghiquyet baseline`): only findings it does not list are shown
    # and gated; applied to finished reports, so it is not part of as_key()
    baseline: str | None = None
    # globs of files and folders a folder's walk skips (engine/discover.py): exclude
    # replaces the defaults, extend_exclude adds; force_exclude applies them to named files
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    extend_exclude: list[str] = field(default_factory=list)
    force_exclude: bool = False
    # a folder's walk follows links that leave it (engine/discover.py); off: a link to
    # ~/.git-credentials beside the drafts must not end up in a report
    follow_links: bool = False
    source: str | None = None  # where the file-level settings came from

    def as_key(self) -> str:
        """A stable text of every setting that changes a result (for caches)."""
        return repr(
            (
                self.select,
                self.ignore,
                self.lang,
                self.stage,
                sorted(self.weights.items()),
                self.rule_paths,
                sorted(self.per_file_ignores.items()),
                self.force,
            )
        )


_TYPES: dict[str, Any] = {
    "fail_under": (int, float),
    "fail_on": str,
    "select": list,
    "ignore": list,
    "lang": str,
    "stage": str,
    "weights": dict,
    "rule_paths": list,
    "per_file_ignores": dict,
    "max_file_mb": (int, float),
    "max_unzipped_mb": (int, float),
    "max_zip_entries": int,
    "max_paragraph_chars": int,
    "max_paragraphs": int,
    "max_table_cells": int,
    "max_total_chars": int,
    "force": bool,
    "baseline": str,
    "exclude": list,
    "extend_exclude": list,
    "force_exclude": bool,
    "follow_links": bool,
}
_CHOICES = {
    "lang": ("vi", "en"),
    "stage": ("auto", "draft", "adopted"),
    "fail_on": ("error", "warning", "info", "never"),
}


def _at(where: str | Message, key: str, value: Any) -> dict[str, Any]:
    """The params every message about one key names; the value only as an excerpt."""
    return {"where": where, "key": key, "value": _Quoted(value)}


class _Quoted:
    """A value as an error quotes it: ``{value!r}`` shows at most a short excerpt, so
    a wrong file read as a config is never printed whole (errors.excerpt)."""

    def __init__(self, value: Any):
        self.value = value

    def __repr__(self) -> str:
        return excerpt(self.value)


# what an error calls each expected type
_KINDS = {
    "number": Message("a number"),
    "int": Message("an integer"),
    "str": Message("a string"),
    "list": Message("a list"),
    "dict": Message("a mapping"),
    "bool": Message("a boolean (true or false)"),
}


def _validate(data: dict[str, Any], where: str | Message) -> dict[str, Any]:
    allowed = [f.name for f in fields(Config) if f.name != "source"]
    out: dict[str, Any] = {}
    for key, value in data.items():
        norm = key.replace("-", "_")
        if norm not in allowed:
            raise ConfigError(
                "{where}: unknown key '{key}' (expected one of {allowed})",
                where=where,
                key=key_name(key).strip("'"),  # never a line of some other file
                allowed=", ".join(allowed),
            )
        expected = _TYPES[norm]
        # a bool is an int to Python, but never a number here
        if (isinstance(value, bool) and expected is not bool) or not isinstance(value, expected):
            kind = _KINDS[expected.__name__ if isinstance(expected, type) else "number"]
            raise ConfigError(
                "{where}: key '{key}' must be {kind}, got {value!r}",
                **_at(where, key, value),
                kind=kind,
            )
        if norm in _CHOICES and value not in _CHOICES[norm]:
            raise ConfigError(
                "{where}: key '{key}' must be one of {choices}, got {value!r}",
                **_at(where, key, value),
                choices=", ".join(_CHOICES[norm]),
            )
        if norm.startswith("max_") and not value > 0:
            raise ConfigError(
                "{where}: key '{key}' must be a number > 0, got {value!r}", **_at(where, key, value)
            )
        if norm == "fail_under" and not 0 <= value <= 100:
            raise ConfigError(
                "{where}: key 'fail_under' must be between 0 and 100, got {value!r}",
                **_at(where, key, value),
            )
        if norm in ("select", "ignore", "rule_paths", "exclude", "extend_exclude") and not all(
            isinstance(v, str) for v in value
        ):
            raise ConfigError(
                "{where}: key '{key}' must be a list of strings", **_at(where, key, value)
            )
        if norm == "weights":
            _check_weights(value, where)
        if norm == "per_file_ignores" and not all(
            isinstance(k, str) and isinstance(v, list) and all(isinstance(x, str) for x in v)
            for k, v in value.items()
        ):
            raise ConfigError(
                "{where}: key '{key}' must map file patterns to lists of rules",
                **_at(where, key, value),
            )
        out[norm] = value
    return out


def _check_weights(weights: dict[str, Any], where: str | Message) -> None:
    for crit, w in weights.items():
        if crit not in CRITERION_IDS:
            raise ConfigError(
                "{where}: key 'weights.{crit}' is not a criterion ({ids})",
                where=where,
                crit=crit,
                ids=", ".join(CRITERION_IDS),
            )
        if isinstance(w, bool) or not isinstance(w, int | float) or w < 0:
            raise ConfigError(
                "{where}: key 'weights.{crit}' must be a number ≥ 0, got {value!r}",
                where=where,
                crit=crit,
                value=_Quoted(w),
            )


def read_config_file(path: Path) -> dict[str, Any]:
    """Read and validate one config file (YAML, or pyproject.toml's [tool.nghiquyet])."""
    try:
        raw = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError("{path}: cannot read config ({reason})", path=path, reason=exc) from None
    if path.name == "pyproject.toml":
        data = _tool_table(path, raw) or {}
        where = f"{path} [tool.nghiquyet]"
    else:
        try:
            data = load_yaml(raw)
        except yaml_error() as exc:
            raise malformed_yaml(path, exc) from None
        where = str(path)
        if data is None:
            data = {}
    if not isinstance(data, dict):
        raise ConfigError("{where}: the config must be a mapping of keys to values", where=where)
    values = _validate(data, where)
    # rule paths are relative to the config file that names them
    if "rule_paths" in values:
        values["rule_paths"] = [str((path.parent / p).resolve()) for p in values["rule_paths"]]
    if "baseline" in values:
        values["baseline"] = str((path.parent / values["baseline"]).resolve())
    # and so are the file patterns, whatever the current folder
    for key in ("exclude", "extend_exclude"):
        if key in values:
            values[key] = anchor(values[key], path.parent)
    if "per_file_ignores" in values:
        patterns = list(values["per_file_ignores"])
        values["per_file_ignores"] = dict(
            zip(anchor(patterns, path.parent), values["per_file_ignores"].values(), strict=True)
        )
    return values


def find_config_file(start: Path) -> Path | None:
    """The nearest config file at or above ``start`` (a file or folder)."""
    # os.path's tests: a folder we may not look into holds no config we could read
    folder = start if os.path.isdir(start) else start.parent
    for directory in [folder.resolve(), *folder.resolve().parents]:
        for name in CONFIG_NAMES:
            if os.path.isfile(directory / name):
                return directory / name
        pyproject = directory / "pyproject.toml"
        if os.path.isfile(pyproject):
            try:
                raw = pyproject.read_text("utf-8")
            except (OSError, UnicodeDecodeError):
                continue  # not ours to read; a config named by --config is read strictly
            # a malformed pyproject.toml may hold our table: an error, never skipped
            if _tool_table(pyproject, raw) is not None:
                return pyproject
    return None


def _tool_table(path: Path, raw: str) -> Any:
    """``[tool.nghiquyet]`` of a pyproject.toml (None when absent); malformed TOML is
    a ConfigError that names the file and the line."""
    try:
        tool = tomllib.loads(raw).get("tool", {})
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r" \(at (?:line (\d+), column \d+|end of document)\)$", str(exc))
        line = (found.group(1) or raw.rstrip().count("\n") + 1) if found else None
        problem = str(exc)[: found.start()] if found else str(exc)
        if line:
            raise ConfigError(
                "{path} line {line}: malformed TOML ({reason})",
                path=path,
                line=line,
                reason=problem,
            ) from None
        raise ConfigError("{path}: malformed TOML ({reason})", path=path, reason=problem) from None
    return tool.get("nghiquyet") if isinstance(tool, dict) else None


def resolve_config(
    explicit: str | None,
    inputs: list[Path],
    overrides: dict[str, Any],
    defaults: dict[str, Any] | None = None,
) -> Config:
    """Build the Config for a run: ``defaults`` (what the environment says, such as
    the language), then file settings, then the options given on the command line."""
    path: Path | None = None
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError("{path}: config file not found", path=explicit)
    elif os.environ.get("NGHIQUYET_CONFIG"):
        path = Path(os.environ["NGHIQUYET_CONFIG"])
        if not path.is_file():
            raise ConfigError("{path}: config file named by NGHIQUYET_CONFIG not found", path=path)
    elif inputs:
        path = find_config_file(inputs[0])
    values = dict(defaults or {})
    values.update(read_config_file(path) if path else {})
    values.update(_validate(overrides, Message("command line")))
    return Config(**values, source=str(path) if path else None)


TEMPLATE = """\
# nghiquyet configuration. Every key is optional; unknown keys are errors.
# Found by `assess` upward from the checked file (or given with --config).

# Exit with 1 when a draft scores below this (0-100). Set alone, the score
# decides: findings fail the run only if fail_on is set too.
# fail_under: 65

# Exit with 1 on a finding of this severity or worse: error, warning, info or
# never [default: error, or never when fail_under is set].
# fail_on: error

# Rules to run / to skip: rule ids (NQ601), id prefixes (NQ6), slugs
# (task-without-owner) or criteria (assignments).
# select: []
# ignore: [format]

# Language of messages: vi or en.
# lang: vi

# draft, adopted, or auto (DỰ THẢO marks a draft; a vote record an adopted text).
# stage: auto

# Weights of the criteria in the overall score (defaults shown).
# weights:
#   urgency: 2
#   evidence: 2
#   objectives: 3
#   feasibility: 3
#   obstacles: 2
#   assignments: 3
#   procedure: 1
#   follow_up: 2
#   format: 1

# Extra YAML rule packs (files or folders), relative to this file.
# rule_paths: [rules/]

# Per-file ignores (a single finding is accepted in the draft itself, with a comment
# "nghiquyet: bỏ qua NQ601" on its paragraph).
# per_file_ignores:
#   "drafts/old/*.docx": [format]

# A baseline file written by `nghiquyet baseline -o FILE PATHS`, relative to this
# file: only findings it does not list are shown and fail the run.
# baseline: nghiquyet-baseline.json

# Files and folders a folder's search skips (globs; with "/": relative to this file).
# exclude replaces the defaults (README*, CHANGELOG*, LICENSE*, CONTRIBUTING*, docs,
# hidden files and folders, node_modules, venv); extend_exclude adds to them.
# extend_exclude: [nghi-quyet/cu]
# Apply them to files named on the command line too (pre-commit passes each file).
# force_exclude: false
# Follow links that lead out of a folder being searched (off: a link to a secret
# beside the drafts is never read into a report).
# follow_links: false

# Largest input accepted, in MB.
# max_file_mb: 50

# Limits against hostile .docx packages (zip bombs): the total size the package may
# inflate to, in MB, and the number of entries it may hold.
# max_unzipped_mb: 256
# max_zip_entries: 2000

# Ceilings on the text a draft holds (a resolution is some 300 paragraphs and 40,000
# characters); past one the file is refused as too_large (docs/security.md).
# max_paragraph_chars: 100000
# max_paragraphs: 20000
# max_table_cells: 50000
# max_total_chars: 2000000
"""

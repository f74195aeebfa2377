"""Which files a run reads: the paths named, the drafts found in folders, the excludes.

Patterns are globs read as ruff reads its ``exclude``:

- a pattern without "/" matches the name of a file or folder at any depth
  (``README*``, ``.*``, ``node_modules``); a trailing "/" is allowed and ignored;
- a pattern with "/" matches a path relative to the folder of the config file that
  sets it, whatever the current folder (relative to the current folder when it is
  given on the command line), and everything below a folder it matches
  (``nghi-quyet/cu``, ``nghi-quyet/*/nhap-*.md``); ``*`` crosses folders and
  ``**/`` also stands for no folder at all.

``exclude`` replaces :data:`DEFAULT_EXCLUDE`; ``extend_exclude`` adds to it. A file or
folder named on the command line is always read (a folder's contents are still
filtered) unless ``force_exclude`` is set, as pre-commit and editors that pass every
file want. ``per_file_ignores`` patterns match the same way (:func:`matches`).
"""

from __future__ import annotations

import fnmatch
import glob
import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

# What a repository holds besides its drafts: its own documents and tool folders.
DEFAULT_EXCLUDE = (
    ".*",  # hidden files and folders: .git, .venv, .github
    "README*",
    "CHANGELOG*",
    "LICENSE*",
    "CONTRIBUTING*",
    "CODE_OF_CONDUCT*",
    "SECURITY*",
    "docs",
    "node_modules",
    "venv",
)
LOCK_PREFIX = "~$"  # Word's lock file beside an open draft: never a draft, never read


def anchor(patterns: list[str], base: Path) -> list[str]:
    """The patterns as they are matched: one with "/" made absolute against ``base``
    (the config file's folder, or the current folder for the command line)."""
    folder = glob.escape(base.resolve().as_posix())
    anchored = []
    for pattern in patterns:
        body = pattern.strip().removeprefix("./").rstrip("/")
        if "/" in body and not PurePosixPath(body).is_absolute():
            body = f"{folder}/{body}"
        anchored.append(body)
    return anchored


def _hit(pattern: str, path: Path) -> bool:
    """``pattern`` (anchored) matches ``path`` (absolute) itself."""
    if "/" not in pattern:
        return fnmatch.fnmatch(path.name, pattern)
    text = path.as_posix()
    return fnmatch.fnmatch(text, pattern) or (
        "/**/" in pattern and fnmatch.fnmatch(text, pattern.replace("/**/", "/"))
    )


def matches(patterns: list[str], path: Path, root: Path) -> bool:
    """Whether one of ``patterns`` matches ``path`` or a folder above it below ``root``
    (a file outside ``root``: only its own name and path)."""
    path, root = _real(path), root.resolve()
    if path == root:
        return False
    chain = [p for p in (path, *path.parents) if root in p.parents] or [path]
    return any(_hit(pattern, p) for pattern in patterns for p in chain)


def _real(path: Path) -> Path:
    """``path`` absolute with the links of its folders resolved, its own name kept."""
    if path.name in ("", ".."):
        return path.resolve()
    return path.parent.resolve() / path.name


def config_folder(config) -> Path:
    """The folder patterns of a config are read from: the config file's, else the
    current folder."""
    return Path(config.source).resolve().parent if config.source else Path.cwd().resolve()


def exclude_patterns(config) -> list[str]:
    """The run's excludes: ``exclude`` (or the defaults), then ``extend_exclude``."""
    return [*config.exclude, *config.extend_exclude]


def walk(folder: Path, patterns: list[str], suffixes: tuple[str, ...]) -> list[Path]:
    """The drafts below ``folder``, sorted: files with one of ``suffixes``, leaving out
    Word's lock files and whatever ``patterns`` exclude (an excluded folder is not
    entered). Paths keep the form ``folder`` was given in."""
    top = folder.resolve()
    found = []
    for current, folders, files in os.walk(top):
        here = Path(current)
        folders[:] = [d for d in folders if not any(_hit(p, here / d) for p in patterns)]
        for name in files:
            if (
                Path(name).suffix.lower() in suffixes
                and not name.startswith(LOCK_PREFIX)
                and not any(_hit(p, here / name) for p in patterns)
                and (here / name).is_file()
            ):
                found.append(folder / (here / name).relative_to(top))
    return sorted(found)


@dataclass(slots=True)
class Inputs:
    """What the command line named: the drafts found, and paths that hold none."""

    files: list[Path]
    missing: list[Path]
    empty_folders: list[Path]
    stdin: bytes | None = None  # the draft piped in, when PATH '-' was named


def find_drafts(
    paths: list[Path],
    suffixes: tuple[str, ...],
    patterns: list[str],
    *,
    force_exclude: bool = False,
    root: Path | None = None,
) -> Inputs:
    """The drafts ``paths`` name: files as given, drafts found in folders; each file
    once, in the order found. With ``force_exclude``, a named path that ``patterns``
    match (itself or a folder above it, below ``root``) is left out too."""
    root = root or Path.cwd()
    files: list[Path] = []
    missing, empty = [], []
    for path in paths:
        if force_exclude and matches(patterns, path, root):
            continue
        if path.is_dir():
            found = walk(path, patterns, suffixes)
            files += found
            if not found:
                empty.append(path)
        elif path.exists():
            files.append(path)
        else:
            missing.append(path)
    seen: set[Path] = set()
    unique = [p for p in files if not (p.resolve() in seen or seen.add(p.resolve()))]
    return Inputs(unique, missing, empty)

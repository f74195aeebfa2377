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

import errno
import fnmatch
import glob
import os
import stat
from dataclasses import dataclass, field
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


def walk(
    folder: Path,
    patterns: list[str],
    suffixes: tuple[str, ...],
    *,
    follow_links: bool = False,
    unreadable: list[tuple[Path, str]] | None = None,
) -> list[Path]:
    """The drafts below ``folder``, sorted: files with one of ``suffixes``, leaving out
    Word's lock files and whatever ``patterns`` exclude (an excluded folder is not
    entered). Paths keep the form ``folder`` was given in.

    A link that leads out of ``folder`` is not followed, and a linked folder is not
    entered, unless ``follow_links`` (then each real folder is entered once, so a link
    back up never loops). A folder that cannot be listed is added to ``unreadable``
    with the reason; a link that loops is kept, for the loader to call unreadable."""
    top = folder.resolve()
    found: list[Path] = []
    entered = {top}

    def refused(error: OSError) -> None:
        if unreadable is not None:
            where = Path(error.filename or top)
            shown = folder / where.relative_to(top) if where.is_relative_to(top) else where
            unreadable.append((shown, error.strerror or str(error)))

    for current, folders, files in os.walk(top, onerror=refused, followlinks=follow_links):
        here = Path(current)
        folders[:] = [
            d
            for d in folders
            if not any(_hit(p, here / d) for p in patterns)
            and _may_enter(here / d, follow_links, entered)
        ]
        for name in files:
            path = here / name
            if (
                Path(name).suffix.lower() in suffixes
                and not name.startswith(LOCK_PREFIX)
                and not any(_hit(p, path) for p in patterns)
                and _is_draft_file(path, top, follow_links)
            ):
                found.append(folder / path.relative_to(top))
    return sorted(found)


def _may_enter(path: Path, follow_links: bool, entered: set[Path]) -> bool:
    """Whether the walk goes into the folder ``path``: a linked one only with
    ``follow_links``, and each real folder once."""
    if not follow_links:
        return not path.is_symlink()
    real = Path(os.path.realpath(path))
    if real in entered:
        return False
    entered.add(real)
    return True


def _is_draft_file(path: Path, top: Path, follow_links: bool) -> bool:
    """A regular file (through a link: one inside ``top``, or anywhere with
    ``follow_links``), or a link that loops (read, to be reported unreadable)."""
    try:
        info = os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    if not stat.S_ISREG(info.st_mode):
        return False  # a FIFO or a device would block or never end
    if follow_links or not path.is_symlink():
        return True
    return Path(os.path.realpath(path)).is_relative_to(top)


@dataclass(slots=True)
class Inputs:
    """What the command line named: the drafts found, and paths that hold none."""

    files: list[Path]
    missing: list[Path]
    empty_folders: list[Path]
    stdin: bytes | None = None  # the draft piped in, when PATH '-' was named
    # folders that could not be listed (no permission), with the reason
    unreadable: list[tuple[Path, str]] = field(default_factory=list)


def find_drafts(
    paths: list[Path],
    suffixes: tuple[str, ...],
    patterns: list[str],
    *,
    force_exclude: bool = False,
    root: Path | None = None,
    follow_links: bool = False,
) -> Inputs:
    """The drafts ``paths`` name: files as given, drafts found in folders; each file
    once, in the order found. With ``force_exclude``, a named path that ``patterns``
    match (itself or a folder above it, below ``root``) is left out too. A named
    file is always read, through a link too; ``follow_links`` is for folders (:func:`walk`)."""
    root = root or Path.cwd()
    inputs = Inputs([], [], [])
    for path in paths:
        if force_exclude and matches(patterns, path, root):
            continue
        kind = _named_kind(path)
        if kind == "folder":
            before = len(inputs.unreadable)
            found = walk(
                path, patterns, suffixes, follow_links=follow_links, unreadable=inputs.unreadable
            )
            inputs.files += found
            if not found and len(inputs.unreadable) == before:
                inputs.empty_folders.append(path)
        elif kind == "file":
            inputs.files.append(path)
        else:
            inputs.missing.append(path)
    seen: set[str] = set()
    # realpath, not resolve: a link that loops must reach the loader, not raise here
    inputs.files = [
        p
        for p in inputs.files
        if not (os.path.realpath(p) in seen or seen.add(os.path.realpath(p)))
    ]
    return inputs


def _named_kind(path: Path) -> str:
    """``folder``, ``missing``, or ``file`` for anything else that is there, a link
    that loops or a file that cannot be looked at included (the loader says why)."""
    try:
        return "folder" if stat.S_ISDIR(os.stat(path).st_mode) else "file"
    except OSError as exc:
        return "missing" if exc.errno in (errno.ENOENT, errno.ENOTDIR) else "file"


def folder_errors(unreadable: list[tuple[Path, str]]) -> list:
    """Error entries (code ``unreadable``) for folders that could not be listed."""
    from .display import error_entry

    return [
        error_entry(
            path,
            "unreadable",
            f"{path}: không mở được thư mục ({why})",
            f"{path}: cannot open folder ({why})",
        )
        for path, why in unreadable
    ]

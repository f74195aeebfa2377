"""A result cache, so that an unchanged draft costs a hash (``assess --cache``, on by default).

An entry is one :class:`DocumentReport` as JSON, keyed by everything that can change it:

- the file's bytes (sha256), not its path: a copy of a draft hits, and the report read
  back is named by the path asked for; what a path changes, the rules
  ``per_file_ignores`` drops for it, is part of the key;
- the code: the tool version and a digest of the engine's and plugins' source files, so
  an edited checkout (``pip install -e``) never serves results of the old code;
- the rule packs and lexicons actually loaded (their content), and the plugin list;
- the settings that change a result (:meth:`Config.as_key`, plus ``max_file_mb``), and
  the stage the call judges the draft as (it may differ from the config's).

Safe under concurrent runs: an entry is written to a temporary file and renamed into
place, so a reader sees a whole entry or none. An entry that cannot be read or decoded
is a miss and is rewritten. A folder that cannot be created or written only turns the
cache off; it never fails a run. Unreadable inputs (reports with ``error``) are not
cached: the next run reports their current state.

Location: ``$NGHIQUYET_CACHE_DIR``, else the user cache folder (platformdirs).

Size: the cache prunes itself at most once a day, when a run opens it. Entries not
used for :data:`MAX_AGE_DAYS` days go first; then, while the folder is larger than
:data:`MAX_BYTES`, the least recently used. A hit marks its entry as used. Folders
of older entry formats are removed. The parsed rule files kept beside the results
(``yaml/``, see :mod:`.yamlio`) are pruned by age the same way. ``nghiquyet cache``
shows the folder, its entries and its size; ``nghiquyet cache --clear`` empties it.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
import types
import typing
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields, is_dataclass
from pathlib import Path
from typing import Any

from .model import DocumentReport

FORMAT = 2  # bump when the entry layout changes (2: raw_path)
ENV_DIR = "NGHIQUYET_CACHE_DIR"
MAX_AGE_DAYS = 30  # an entry unused this long is removed
MAX_BYTES = 256 * 1024 * 1024  # then the least recently used go until the cache fits
PRUNE_EVERY_SECONDS = 24 * 3600  # a prune walks the folder: not on every run
_STAMP = ".last-prune"


def default_folder() -> Path:
    """``$NGHIQUYET_CACHE_DIR``, else the per-user cache folder of nghiquyet."""
    if os.environ.get(ENV_DIR):
        return Path(os.environ[ENV_DIR])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("nghiquyet", appauthor=False))


def _digest_files(paths: list[Path], hasher) -> None:
    for path in sorted(set(paths), key=str):
        hasher.update(str(path.name).encode() + b"\0")
        try:
            hasher.update(path.read_bytes())
        except OSError:
            hasher.update(b"<unreadable>")
        hasher.update(b"\0")


def _source_files() -> list[Path]:
    """The .py files of the engine and the built-in plugins (the code that scores)."""
    import nghiquyet.engine
    import nghiquyet.plugins

    files: list[Path] = []
    for package in (nghiquyet.engine, nghiquyet.plugins):
        for folder in package.__path__:
            files.extend(Path(folder).rglob("*.py"))
    return files


@functools.cache
def _code_digest(plugin_files: tuple[str, ...]) -> str:
    # Once per process: the code that runs is the code imported at start, whatever
    # happens to the files on disk afterwards.
    hasher = hashlib.sha256()
    _digest_files([*_source_files(), *map(Path, plugin_files)], hasher)
    return hasher.hexdigest()


def context_digest(assessor) -> str:
    """Digest of what, besides the file, decides a report: code, rules, plugins, config."""
    from . import __version__
    from .nlp import lexicon_path
    from .plugin_manager import plugin_list
    from .rules import RuleRegistry

    hasher = hashlib.sha256()
    hasher.update(
        f"format {FORMAT}\0version {__version__}\0python {sys.version_info[:2]}\0".encode()
    )
    code = []
    for plugin in assessor.pm.get_plugins():
        # third-party plugin modules: their code decides results too
        source = getattr(plugin, "__file__", None) if isinstance(plugin, types.ModuleType) else None
        if source:
            code.append(str(source))
    hasher.update(_code_digest(tuple(sorted(code))).encode())
    # The rule files that build_ruleset reads: same hooks, same config paths.
    registry = RuleRegistry()
    assessor.pm.hook.register_rules(register=registry)
    for path in assessor.config.rule_paths:
        registry.pack(Path(path))
    _digest_files(registry._files(), hasher)
    _digest_files(sorted(lexicon_path().glob("*.yaml")), hasher)
    plugins = [(row["name"], row["origin"], row["hooks"]) for row in plugin_list(assessor.pm)]
    hasher.update(repr(sorted(plugins)).encode())
    hasher.update(assessor.config.as_key().encode())
    hasher.update(repr(assessor.config.max_file_mb).encode())
    return hasher.hexdigest()


# -- JSON <-> dataclasses -------------------------------------------------------


def _decode(kind: Any, value: Any) -> Any:
    """Rebuild ``value`` (from JSON) as type ``kind``: dataclasses, lists, optionals."""
    return _decoder(kind)(value)


def _as_is(value: Any) -> Any:
    return value


@functools.cache
def _decoder(kind: Any) -> Callable[[Any], Any]:
    """The function that rebuilds a value of type ``kind``, worked out once per type:
    reading a hit walks thousands of values, and asking ``typing`` about each one's
    type cost more than the rest of the read."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return _decoder(options[0]) if len(options) == 1 else _as_is
    if origin is list:
        (item,) = typing.get_args(kind)
        each = _decoder(item)
        if each is _as_is:
            return _as_is
        return lambda value: None if value is None else [each(v) for v in value]
    if isinstance(kind, type) and is_dataclass(kind):
        plan = tuple((name, _decoder(hint)) for name, hint in _field_types(kind))
        return lambda value: (
            None
            if value is None
            else kind(**{name: rebuild(value[name]) for name, rebuild in plan})
        )
    return _as_is


@functools.cache
def _field_types(kind: type) -> tuple[tuple[str, Any], ...]:
    # get_type_hints evaluates every annotation string: once per class, not per object
    hints = typing.get_type_hints(kind)
    return tuple((f.name, hints[f.name]) for f in fields(kind))


def encode_report(report: DocumentReport) -> dict:
    """A DocumentReport as plain JSON data."""
    return asdict(report)


def decode_report(data: dict) -> DocumentReport:
    """The inverse of :func:`encode_report`; raises on anything malformed."""
    report = _decode(DocumentReport, data)
    if not isinstance(report, DocumentReport):
        raise ValueError("not a report")
    return report


# -- the cache ----------------------------------------------------------------------


class ResultCache:
    """Reports on disk by key. Picklable, so pool workers receive it ready to use."""

    def __init__(self, folder: Path, context: str):
        self.folder = Path(folder)
        self.context = context
        self.writable = True

    @classmethod
    def open(cls, assessor, folder: Path | None = None) -> ResultCache | None:
        """The cache for this assessor's rules and settings, or ``None`` when the
        folder cannot be created (then the run goes on without a cache)."""
        folder = Path(folder) if folder is not None else default_folder()
        try:
            context = context_digest(assessor)
            root = folder / f"v{FORMAT}"
            root.mkdir(parents=True, exist_ok=True)
            if not os.access(root, os.W_OK | os.X_OK):
                return None
        except (OSError, ValueError):
            return None
        prune_if_due(folder)
        return cls(root, context)

    def key(self, path: Path, config, stage: str | None = None) -> str | None:
        """The key of ``path`` as it is now, judged as ``stage`` (the call's stage,
        which may differ from ``config.stage``); ``None`` when it cannot be read (such a
        file is not cached: the loader reports why) or is too large to be assessed."""
        from .load import MAX_FILE_BYTES

        limit = getattr(config, "max_file_mb", None)
        max_bytes = int(limit * 1024 * 1024) if limit else MAX_FILE_BYTES
        try:
            size = path.stat().st_size
            if not path.is_file() or size == 0 or size > max_bytes:
                return None
            with open(path, "rb") as handle:
                content = hashlib.file_digest(handle, "sha256").hexdigest()
        except OSError:
            return None
        # the content and the settings, not the path: a copy of a draft hits. What the
        # path changes, the rules per_file_ignores drops for it, is part of the settings;
        # the report's own path is set when it is read back (Assessor.cached).
        from .check import file_ignores

        ignored = ",".join(sorted(file_ignores(config, str(path))))
        return hashlib.sha256(
            f"{self.context}\0{stage or config.stage}\0{ignored}\0{content}".encode(
                "utf-8", "surrogateescape"
            )
        ).hexdigest()

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def has(self, key: str) -> bool:
        """Whether an entry is stored under ``key`` (a stat: whether it reads back
        whole is for :meth:`get` to say)."""
        try:
            return self._entry(key).is_file()
        except OSError:
            return False

    def get(self, key: str) -> DocumentReport | None:
        """The stored report, or ``None`` (absent, partial, corrupt, other format)."""
        try:
            data = json.loads(self._entry(key).read_bytes())
            if data.get("format") != FORMAT or data.get("key") != key:
                return None
            report = decode_report(data["report"])
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None
        with contextlib.suppress(OSError):
            os.utime(self._entry(key))  # recently used: pruned last
        return report

    def put(self, key: str, report: DocumentReport) -> None:
        """Store ``report`` atomically; any failure to write only skips the cache."""
        if not self.writable or report.error is not None:
            return
        target = self._entry(key)
        payload = json.dumps(
            {"format": FORMAT, "key": key, "report": encode_report(report)}, ensure_ascii=False
        )
        tmp = None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{key[:16]}.", suffix=".tmp", dir=target.parent)
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload.encode("utf-8"))
            os.replace(tmp, target)  # atomic: readers see the old entry or the new one
            tmp = None
        except (OSError, ValueError):
            self.writable = False  # a full or read-only disk: stop trying for this run
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)


# -- size -----------------------------------------------------------------------------


@dataclass
class CacheStats:
    """What ``nghiquyet cache`` shows: where the cache is and how much it holds."""

    folder: Path
    entries: int
    size: int  # bytes, results and parsed rule files together
    parsed_rules: int = 0  # rule packs and lexicons kept parsed (``yaml/``)


def _stat_all(folder: Path, pattern: str) -> list[tuple[Path, os.stat_result]]:
    """(path, stat) of the files under ``folder`` matching ``pattern``; a file that
    another run removes meanwhile is left out."""
    found = []
    for path in Path(folder).glob(pattern):
        with contextlib.suppress(OSError):
            found.append((path, path.stat()))
    return found


def _entries(folder: Path) -> list[tuple[Path, os.stat_result]]:
    return _stat_all(folder, f"v{FORMAT}/*/*.json")


def _parsed_rule_entries(folder: Path) -> list[tuple[Path, os.stat_result]]:
    """The parsed rule files kept by :func:`.yamlio.load_yaml_cached`, every Python's."""
    from .yamlio import CACHE_SUBFOLDER

    return _stat_all(folder, f"{CACHE_SUBFOLDER}/py*/*.marshal")


def stats(folder: Path | None = None) -> CacheStats:
    """Entries and bytes in the cache folder (results of the current format, and the
    parsed rule files)."""
    folder = Path(folder) if folder is not None else default_folder()
    entries, parsed = _entries(folder), _parsed_rule_entries(folder)
    size = sum(st.st_size for _, st in entries + parsed)
    return CacheStats(folder, len(entries), size, len(parsed))


def prune(folder: Path, *, max_age_days: float = MAX_AGE_DAYS, max_bytes: int = MAX_BYTES) -> int:
    """Remove stale entries, then the least recently used until the cache fits in
    ``max_bytes``; remove folders of other entry formats and temporary files left by
    a killed run. Returns how many entries went. Never raises for a file that
    another run removed or rewrote meanwhile."""
    folder = Path(folder)
    now = time.time()
    for other in folder.glob("v*"):
        if other.is_dir() and other.name != f"v{FORMAT}":
            shutil.rmtree(other, ignore_errors=True)
    for tmp in folder.glob(f"v{FORMAT}/*/.*.tmp"):
        with contextlib.suppress(OSError):
            if now - tmp.stat().st_mtime > 3600:  # a live writer renames within ms
                tmp.unlink()
    entries = sorted(_entries(folder), key=lambda entry: entry[1].st_mtime)
    total = sum(st.st_size for _, st in entries)
    removed = 0
    for path, st in entries:  # oldest use first
        if now - st.st_mtime <= max_age_days * 86400 and total <= max_bytes:
            break
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
        total -= st.st_size
    # A parsed rule file is rewritten by the first run that needs it, so age alone
    # decides: files of rule packs, PyYAML or Python versions no longer in use go.
    for path, st in _parsed_rule_entries(folder):
        if now - st.st_mtime > max_age_days * 86400:
            with contextlib.suppress(OSError):
                path.unlink()
    return removed


def prune_if_due(folder: Path) -> None:
    """:func:`prune` when the last prune is older than a day; failures are ignored
    (the cache only ever saves time)."""
    stamp = Path(folder) / _STAMP
    try:
        if time.time() - stamp.stat().st_mtime < PRUNE_EVERY_SECONDS:
            return
    except OSError:
        pass  # never pruned
    try:
        stamp.touch()  # first, so that parallel runs do not all walk the folder
        prune(folder)
    except OSError:
        pass


def clear(folder: Path | None = None) -> CacheStats:
    """Remove every result and parsed rule file; returns how many of each went."""
    folder = Path(folder) if folder is not None else default_folder()
    removed = CacheStats(folder, 0, 0)
    for path, st in _entries(folder) + _parsed_rule_entries(folder):
        with contextlib.suppress(OSError):
            path.unlink()
            removed.size += st.st_size
            if path.suffix == ".json":
                removed.entries += 1
            else:
                removed.parsed_rules += 1
    return removed

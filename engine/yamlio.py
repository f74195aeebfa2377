"""Reading YAML: libyaml's C parser where PyYAML was built with it, else the pure-Python
safe loader. Both are safe loaders (no Python objects); the C one reads the rule packs
and the lexicon several times faster, which is most of a cold start's YAML cost.

Aliases are counted before anything is built: a few hundred bytes of nested aliases
(a "billion laughs") stand for billions of values, which any code walking the result
would expand. A document whose aliases would expand past :data:`MAX_EXPANDED_NODES`
values, or that refers to itself, is refused as an ``AliasBomb`` (a ``YAMLError``).

PyYAML is imported when a text is parsed, not with this module. The rule packs and
lexicons are read through :func:`load_yaml_cached`: their parsed value is kept in the
user cache folder under a digest of the text, so a later run reads it back with
``marshal`` (about a millisecond for all of them) and never imports PyYAML at all.
An entry is written atomically (a temporary file renamed into place), named after the
cache format and the Python version, checked by a digest of its content when read,
and ignored (then rewritten) when it is missing, corrupt or unreadable; a folder that
cannot be written only turns the cache off."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from .messages import Message

# Values a document may stand for once its aliases are expanded; the largest file we
# ship (a lexicon) has a few thousand, so this only ever stops a bomb.
MAX_EXPANDED_NODES = 1_000_000
# Bump when what a cache entry holds changes.
CACHE_FORMAT = 1
CACHE_SUBFOLDER = "yaml"


@functools.cache
def _pyyaml():
    """(the yaml module, its safe loader: libyaml's C one where PyYAML has it, the
    AliasBomb error class), imported on first use."""
    import yaml

    class AliasBomb(yaml.YAMLError):
        """A YAML document whose aliases expand too far, or into themselves."""

        def __init__(self, problem: Message, node: yaml.Node):
            super().__init__(problem)
            self.problem = problem
            self.problem_mark = node.start_mark  # errors.malformed_yaml shows the line

    return yaml, getattr(yaml, "CSafeLoader", yaml.SafeLoader), AliasBomb


def yaml_error() -> type[Exception]:
    """PyYAML's ``YAMLError``, for an ``except`` clause (evaluated only when an
    exception is being handled, so a run that parses nothing never imports PyYAML)."""
    return _pyyaml()[0].YAMLError


def load_yaml(text: str) -> Any:
    """The value of one YAML document, read safely; an ``AliasBomb`` (a
    ``yaml.YAMLError``) when its aliases would expand past the limit."""
    _, safe_loader, _ = _pyyaml()
    loader = safe_loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        expanded_size(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def expanded_size(root, limit: int = MAX_EXPANDED_NODES) -> int:
    """How many values ``root`` (a ``yaml.Node``) stands for with every alias
    expanded, counting each shared node once per reference (memoised, so the count
    itself is linear)."""
    yaml, _, alias_bomb = _pyyaml()
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    # an explicit stack: deep nesting must not hit Python's recursion limit
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if key in sizes and not children_done:
            continue
        children = _children(yaml, node)
        if not children_done:
            if key in open_nodes:
                raise alias_bomb(Message("an alias refers to the value that contains it"), node)
            open_nodes.add(key)
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in sizes)
            continue
        for child in children:
            if id(child) not in sizes:
                raise alias_bomb(Message("an alias refers to the value that contains it"), child)
        open_nodes.discard(key)
        sizes[key] = 1 + sum(sizes[id(child)] for child in children)
        if sizes[key] > limit:
            raise alias_bomb(
                Message(
                    "aliases expand to over {limit} values, an alias bomb: refused",
                    limit=f"{limit:,}",
                ),
                node,
            )
    return sizes[id(root)]


def _children(yaml, node) -> list:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


# ---------------------------------------------------------------------------
# Parsed rule packs and lexicons, kept by the digest of their text


def cache_folder() -> Path:
    """Where parsed YAML is kept: a folder of the result cache's folder."""
    from .cache import default_folder

    return default_folder() / CACHE_SUBFOLDER


@functools.cache
def _parser_tag() -> bytes:
    """What, besides the text, decides the parsed value: the entry format, the Python
    (marshal's format) and the installed PyYAML (found, not imported)."""
    spec = importlib.util.find_spec("yaml")
    origin = spec.origin if spec and spec.origin else ""
    try:
        stat = os.stat(origin)
        installed = f"{origin}:{stat.st_size}:{stat.st_mtime_ns}"
    except OSError:
        installed = origin
    return f"{CACHE_FORMAT}\0{sys.version_info[:2]}\0{installed}\0".encode()


def load_yaml_cached(text: str, folder: Path | None = None) -> Any:
    """:func:`load_yaml`, the parsed value kept in ``folder`` (default
    :func:`cache_folder`) under the digest of ``text``: read back if it is there and
    whole, otherwise parsed and written for the next run. Errors are raised as by
    :func:`load_yaml` and never cached; the cache itself never fails a run."""
    digest = hashlib.sha256(_parser_tag() + text.encode("utf-8", "surrogatepass")).hexdigest()
    try:
        entry = (folder or cache_folder()) / f"py{sys.version_info[0]}{sys.version_info[1]}"
        entry = entry / f"{digest}.marshal"
    except Exception:  # no cache folder to be had: parse as if uncached
        return load_yaml(text)
    found = _read_entry(entry, digest)
    if found is not None:
        return found[0]
    value = load_yaml(text)
    _write_entry(entry, digest, value)
    return value


def _read_entry(entry: Path, digest: str) -> tuple[Any] | None:
    """(value,) of a whole entry for ``digest``, None when missing or corrupt."""
    try:
        data = entry.read_bytes()
        check, payload = data[:32], data[32:]
        if hashlib.sha256(payload).digest() != check:
            return None
        stored, value = marshal.loads(payload)
    except Exception:  # unreadable, truncated, not ours: a miss
        return None
    return (value,) if stored == digest else None


def _write_entry(entry: Path, digest: str, value: Any) -> None:
    try:
        payload = marshal.dumps((digest, value))
    except ValueError:  # a value marshal cannot hold (a YAML timestamp): not cached
        return
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(hashlib.sha256(payload).digest() + payload)
            os.replace(tmp, entry)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError:
        pass  # a read-only or full disk: the next run parses again

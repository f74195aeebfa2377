"""nghiquyet's engine: load → analyse → check → score → render.

Public names for plugins: :data:`hookimpl`, and the model classes in
:mod:`nghiquyet.engine.model`.
"""

from __future__ import annotations

__all__ = ["__version__", "hookimpl"]


def __getattr__(name: str) -> object:
    # Looked up on first use, so that importing the package costs nothing: the
    # console scripts' Ctrl+C guard (entry.py) is up before pluggy or
    # importlib.metadata load.
    if name == "hookimpl":
        from .hookspecs import hookimpl

        return hookimpl
    if name == "__version__":
        found = _version_on_path() or _version_from_metadata()
        globals()["__version__"] = found
        return found
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _version_from_metadata() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("nghiquyet")
    except PackageNotFoundError:  # a source tree that was never installed
        return "0.0.0"


def _version_on_path() -> str | None:
    """The version in the first nghiquyet .dist-info or .egg-info on sys.path, as
    importlib.metadata finds it, without importing it (and the email package it
    loads: a fifth of ``assess --version``); None when unsure."""
    import os
    import sys

    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        found = [
            n
            for n in names
            if n.endswith((".dist-info", ".egg-info"))
            and n.split("-")[0].split(".")[0].lower() == "nghiquyet"
        ]
        if not found:
            continue
        if len(found) > 1:
            return None  # two installs in one folder: let importlib.metadata choose
        folder = os.path.join(entry or ".", found[0])
        meta = "METADATA" if found[0].endswith(".dist-info") else "PKG-INFO"
        try:
            with open(os.path.join(folder, meta), encoding="utf-8") as handle:
                for line in handle:
                    if line.startswith("Version:"):
                        return line.split(":", 1)[1].strip()
                    if not line.strip():
                        break
        except OSError:
            pass
        return None
    return None

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
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("nghiquyet")
        except PackageNotFoundError:  # a source tree that was never installed
            found = "0.0.0"
        globals()["__version__"] = found
        return found
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

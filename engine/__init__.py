"""nghiquyet's engine: load → analyse → check → score → render.

Public names for plugins: :data:`hookimpl`, and the model classes in
:mod:`nghiquyet.engine.model`.
"""

from importlib.metadata import PackageNotFoundError, version

from .hookspecs import hookimpl

try:
    __version__ = version("nghiquyet")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = ["__version__", "hookimpl"]

"""Typed errors. Anything else escaping the engine is a bug, shown with --debug."""

from __future__ import annotations


class NghiquyetError(Exception):
    """Base class: an error the user can act on, shown as one line, exit 2."""


class InputError(NghiquyetError):
    """A file that cannot be read as a draft. ``code`` is stable (used in JSON)."""

    def __init__(self, code: str, message_vi: str, message_en: str | None = None):
        super().__init__(message_en or message_vi)
        self.code = code
        self.message = {"vi": message_vi, "en": message_en or message_vi}


class ConfigError(NghiquyetError):
    """A config file, option or rule pack that is not valid."""

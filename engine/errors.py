"""Typed errors. Anything else escaping the engine is a bug, shown with --debug.

An error's message is made in English where it is raised and shown in the user's
language by the command line (:mod:`.messages`): ``ConfigError("{path}: not found",
path=p)`` keeps the path apart from the wording, so the wording can be translated.
``str(error)`` is the English; :meth:`NghiquyetError.text` is the message in a
language.
"""

from __future__ import annotations

from typing import Any

from .messages import Message, current_lang


class NghiquyetError(Exception):
    """Base class: an error the user can act on, shown as one line, exit 2.

    ``message`` is a :class:`Message`, or an English text filled with ``params``
    (``{path}``) when it is shown; without params it is shown as written.
    """

    def __init__(self, message: str | Message = "", /, **params: Any):
        if not isinstance(message, Message):
            message = Message(message, **params)
        super().__init__(message)

    def text(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the current language)."""
        message = self.args[0] if self.args else ""
        return message.text(lang) if isinstance(message, Message) else str(message)


class InputError(NghiquyetError):
    """A file that cannot be read as a draft. ``code`` is stable (used in JSON)."""

    def __init__(self, code: str, message_vi: str, message_en: str | None = None):
        # one line each: the CLI prints it as one line per file, whatever a library said
        message_vi = " ".join(message_vi.split())
        message_en = " ".join((message_en or message_vi).split())
        Exception.__init__(self, message_en)
        self.code = code
        self.message = {"vi": message_vi, "en": message_en}

    def text(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the current language)."""
        return self.message.get(lang or current_lang(), self.message["en"])


class ConfigError(NghiquyetError):
    """A config file, option or rule pack that is not valid."""


def malformed_yaml(where: object, exc: Exception) -> ConfigError:
    """A ConfigError for a YAML parse error: the file, the line, and what went wrong."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or exc
    if mark:
        return ConfigError(
            "{where} line {line}: malformed YAML ({problem})",
            where=where,
            line=mark.line + 1,
            problem=problem,
        )
    return ConfigError("{where}: malformed YAML ({problem})", where=where, problem=problem)


def excerpt(value: object, limit: int = 40) -> str:
    """``value`` as an error message quotes it: its repr, cut to ``limit`` characters,
    so a wrong file read as a config or rule pack is never printed whole."""
    shown = repr(value)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def key_name(key: object) -> str:
    """An unknown key as a message names it: quoted when it looks like a key (a short
    name), else only its length: a line of some other file must not be shown."""
    text = str(key)
    if len(text) <= 40 and text.replace("_", "").replace("-", "").replace(".", "").isalnum():
        return f"'{text}'"
    return f"of {len(text)} characters that is not a key name"

"""One language at a time: every message a person reads, in Vietnamese or English.

Messages are written in English where they are made, gettext style, and looked up
here at the moment they are shown; the Vietnamese lives in
:mod:`.messages_vi` (what the tool says) and :mod:`.cli.help_vi` (``--help`` and
click's own words). A message without a translation shows in English, and
``tests/test_messages.py`` lists every one that lacks it.

    from nghiquyet.engine.messages import Message, t, tn

    t("wrote {path}", path=out)                     # now, in the current language
    t("wrote {path}", lang="en", path=out)          # in a given language
    tn("{n} draft", "{n} drafts", n)                # English plural; Vietnamese has none
    TITLES = (N_("Why:"), N_("How to fix:"))        # marked here, translated by t() later
    raise ConfigError(Message("{path}: not found", path=p))  # shown later, in the
                                                    # language known by then

The current language is the command line's: :func:`early_lang` reads ``--lang`` from
the arguments and the environment before click parses anything (so ``--help`` is in
it), and the command sets the config's once it is resolved. Engine code that is
given a ``lang`` passes it on (``t(..., lang=lang)``) and never reads the current one.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"

_current = DEFAULT_LANG
# lang -> {English message: translation}; English needs none. Filled on first use,
# so importing this module costs nothing.
_catalogues: dict[str, dict[str, str]] = {}
_loaded = False


def set_lang(lang: str) -> None:
    """Make ``lang`` (vi or en) the language of what the command line says next."""
    global _current
    _current = lang if lang in LANGS else DEFAULT_LANG


def current_lang() -> str:
    """The language the command line speaks now."""
    return _current


def add_translations(lang: str, mapping: Mapping[str, str]) -> None:
    """Add translations (English message -> text in ``lang``); a plugin may call this
    for the messages and help texts it brings."""
    _catalogue(lang).update({normalise(k): v for k, v in mapping.items()})


def _catalogue(lang: str) -> dict[str, str]:
    global _loaded
    if not _loaded:
        _loaded = True
        from . import messages_vi
        from .cli import help_vi

        for table in (messages_vi.VI, help_vi.VI):
            _catalogues.setdefault("vi", {}).update({normalise(k): v for k, v in table.items()})
    return _catalogues.setdefault(lang, {})


def catalogue(lang: str) -> dict[str, str]:
    """Every translation into ``lang`` (English message, normalised -> text)."""
    return dict(_catalogue(lang))


def normalise(msgid: str) -> str:
    """One paragraph on one line: a message reads the same however its source wraps it."""
    return " ".join(msgid.split())


def translate(msgid: str, lang: str | None = None) -> str:
    """``msgid`` in ``lang`` (default: the current language), unformatted; the English
    itself when there is no translation."""
    lang = lang or _current
    if lang == "en":
        return msgid
    return _catalogue(lang).get(normalise(msgid), msgid)


def _format(text: str, lang: str, params: dict[str, Any]) -> str:
    if not params:
        return text
    shown = {k: v.text(lang) if isinstance(v, Message) else v for k, v in params.items()}
    return text.format(**shown)


def t(msgid: str, /, lang: str | None = None, **params: Any) -> str:
    """``msgid`` translated into ``lang`` (default: the current language) and filled
    with ``params`` (``{path}``; a param that is a :class:`Message` is translated too)."""
    lang = lang or _current
    return _format(translate(msgid, lang), lang, params)


def tn(singular: str, plural: str, n: int, /, lang: str | None = None, **params: Any) -> str:
    """A message that has an English plural: ``singular`` or ``plural`` by ``n`` (also
    given as ``{n}``). Vietnamese translates ``singular`` only: it has no plural."""
    lang = lang or _current
    text = translate(singular, lang)
    if text is singular:  # English, or no translation: English has a plural
        text = singular if n == 1 else plural
    return _format(text, lang, {"n": n, **params})


def N_(msgid: str) -> str:
    """Mark ``msgid`` as a message translated later by :func:`t` (gettext's ``N_``):
    for messages kept in tables. It returns ``msgid`` as is; the catalogue test finds it."""
    return msgid


class Message:
    """A message made now and shown later, in the language known by then: what an
    error carries from the engine to the command line. ``str()`` is the English."""

    __slots__ = ("msgid", "params")

    def __init__(self, msgid: str, /, **params: Any):
        self.msgid = msgid
        self.params = params

    def text(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the current language)."""
        return t(self.msgid, lang, **self.params)

    def both(self) -> dict[str, str]:
        """``{"vi": ..., "en": ...}``, as a report's error entry keeps its message."""
        return {lang: self.text(lang) for lang in LANGS}

    def __str__(self) -> str:
        return self.text("en")

    def __repr__(self) -> str:
        return f"Message({self.msgid!r}, **{self.params!r})"


class Bilingual(Message):
    """A text the code already holds in both languages (``{"vi": ..., "en": ...}``,
    such as a declared meaning), carried like a :class:`Message`."""

    __slots__ = ("texts",)

    def __init__(self, texts: Mapping[str, str]):
        super().__init__(texts.get("en", ""))
        self.texts = dict(texts)

    def text(self, lang: str | None = None) -> str:
        """The text in ``lang`` (default: the current language), else the English."""
        return self.texts.get(lang or _current) or self.texts.get("en", "")


def both(msgid: str, /, **params: Any) -> dict[str, str]:
    """The message in every language, ``{"vi": ..., "en": ...}``."""
    return Message(msgid, **params).both()


def lang_from_env(environ: Mapping[str, str] | None = None) -> str | None:
    """The language the environment asks for, or None: ``NGHIQUYET_LANG`` (vi or en),
    else the locale (``LC_ALL``, ``LC_MESSAGES``, then ``LANG``, the first one set):
    English when it starts with ``en``, Vietnamese when with ``vi``."""
    env = os.environ if environ is None else environ
    named = env.get("NGHIQUYET_LANG", "")
    if named in LANGS:
        return named
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return next((lang for lang in LANGS if value.lower().startswith(lang)), None)
    return None


def lang_from_argv(argv: list[str]) -> str | None:
    """The value of ``--lang`` among command-line arguments (the last one given)."""
    found = None
    for n, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and n + 1 < len(argv):
            found = argv[n + 1]
        elif arg.startswith("--lang="):
            found = arg.split("=", 1)[1]
    return found if found in LANGS else None


def early_lang(argv: list[str], environ: Mapping[str, str] | None = None) -> str:
    """The language before any config file is read: ``--lang``, else the environment,
    else Vietnamese."""
    return lang_from_argv(argv) or lang_from_env(environ) or DEFAULT_LANG

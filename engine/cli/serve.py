"""``nghiquyet serve``: start the local web page (the app lives in engine/serve/)."""

from __future__ import annotations

from pathlib import Path

import click

from ..messages import t
from . import console
from .common import fail, lang_option, resolve
from .localise import LocalisedCommand


@click.command(name="serve", cls=LocalisedCommand)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (this computer only by default).",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8765,
    show_default=True,
    help="Port to listen on.",
)
@click.option(
    "--max-upload-mb",
    type=click.FloatRange(0.01, 1024),
    default=20.0,
    show_default=True,
    help="Largest file accepted, in MB.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    help="Worker processes that check drafts at the same time (each needs about 110 MB) "
    "[default: 2, or 1 on a one-core computer].",
)
@click.option(
    "--time-limit",
    type=click.FloatRange(1, 3600),
    help="Seconds a draft may take to check; past them its worker is stopped [default: 60].",
)
@lang_option
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    help="Config file (rules, weights, ...).",
)
@click.option(
    "--open", "open_browser", is_flag=True, help="Open the page in the default web browser."
)
def serve_command(host, port, max_upload_mb, workers, time_limit, lang, config_path, open_browser):
    """Start a local web page to check drafts without a terminal."""
    from ..errors import NghiquyetError

    try:
        from ..serve import Settings, serve
    except ImportError as exc:  # the web extras are missing from this install
        fail(
            t("serve needs starlette, uvicorn, jinja2 and python-multipart ({reason})", reason=exc)
        )
    try:
        config = resolve(config_path, [Path.cwd()], lang=lang)
    except NghiquyetError as exc:
        fail(exc)
    settings = Settings(
        max_upload_mb=max_upload_mb,
        lang=config.lang,
        host=host,
        config=config,
    )
    # the web stack's defaults load only here, when the page is started
    if workers is not None:
        settings.workers = workers
    if time_limit is not None:
        settings.time_limit = time_limit
    if not _loopback(host):
        console.warning(
            t(
                "the page listens on {host}; anyone on this network can open it and send drafts",
                host=host,
            )
        )
    try:
        serve(settings, port=port, open_browser=open_browser)
    except OSError as exc:  # port in use, address not available
        fail(
            t(
                "cannot listen on {host}:{port}: {reason}",
                host=host,
                port=port,
                reason=exc.strerror or exc,
            )
        )


def _loopback(host: str) -> bool:
    """Whether ``host`` is this computer only (127.x, ::1, localhost)."""
    return host in ("localhost", "::1") or host.startswith("127.")

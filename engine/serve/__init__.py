"""``nghiquyet serve``: a local web page for secretaries who never open a terminal.

One page, in Vietnamese (English with ``?lang=en``): choose or drop a draft (in a
format the loaders declare) or paste its text, and see the same report as
``assess --format html``, with downloads of the draft with Word comments, the JSON and
the Markdown report. A second form compares two versions of a draft; a third gives a
blank template.
``POST /api/assess`` returns the JSON report (schema version 1) for other tools.

Privacy: an upload lives in memory and, for the length of its job, in a folder of its
own that is deleted when the job ends, however it ends. Nothing is cached (the CLI's
result cache is not used), nothing is logged (uvicorn's access log is off; errors are
reported without file names). The downloads are embedded in the answer page as
``data:`` links, so the server need not keep anything for a later request.

Concurrency and safety: uploads are assessed in worker processes (:mod:`.workers`),
each with its own pipeline, with a time limit that kills a worker past it; a full
waiting line answers 503. Every request passes :mod:`.guard` (its own address, its
own origin, its own forms' token), so other sites in the browser cannot use the page.

The page works without JavaScript (plain forms); a few lines of inline script add
drag-and-drop and size the report frame. No CDN, no network: everything is inline.

The package, by concern: :mod:`.settings` (what the server is started with),
:mod:`.texts` (every string of the page), :mod:`.uploads` (reading a request within
its limits), :mod:`.guard` (who may use the page), :mod:`.assessing` (an upload through
the engine), :mod:`.workers` (the worker processes), :mod:`.pages`
(templates, the embedded report, downloads) and :mod:`.app` (the routes and the
server).
"""

from .settings import DEFAULT_HOST, DEFAULT_MAX_FILES, DEFAULT_MAX_UPLOAD_MB, DEFAULT_PORT, Settings

__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_MAX_FILES",
    "DEFAULT_MAX_UPLOAD_MB",
    "DEFAULT_PORT",
    "Settings",
    "create_app",
    "safe_name",
    "serve",
]


def __getattr__(name: str) -> object:
    # Starlette and the app load on first use: the command line reads the defaults in
    # .settings at start, and must not pay for (or need) the web stack to do so.
    if name in ("create_app", "serve"):
        from . import app

        return getattr(app, name)
    if name == "safe_name":
        from .uploads import safe_name

        return safe_name
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

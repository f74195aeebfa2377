"""``nghiquyet serve``: a local web page for secretaries who never open a terminal.

One page, in Vietnamese (English with ``?lang=en``): choose or drop a draft (in a
format the loaders declare) or paste its text, and see the same report as
``assess --format html``, with downloads of the draft with Word comments, the JSON and
the Markdown report. A second form compares two versions of a draft; a third gives a
blank template.
``POST /api/assess`` returns the JSON report (schema version 1) for other tools.

Privacy: an upload lives in memory and, for the length of the request, in a temporary
folder that is deleted before the answer is sent. Nothing is cached (the CLI's result
cache is not used), nothing is logged (uvicorn's access log is off; errors are
reported without file names). The downloads are embedded in the answer page as
``data:`` links, so the server need not keep anything for a later request.

Concurrency: one :class:`Assessor` per server process (the spaCy pipeline is costly
to build), shared by every request. A request's stage and language are arguments of
its calls, never settings changed on the shared Assessor, so requests need no lock of
their own; the Assessor lets one thread at a time through the spaCy pipeline, whose
thread safety is not documented (an assessment takes tens of milliseconds). Requests
run in Starlette's threadpool, so the event loop keeps accepting uploads meanwhile.

The page works without JavaScript (plain forms); a few lines of inline script add
drag-and-drop and size the report frame. No CDN, no network: everything is inline.

The package, by concern: :mod:`.settings` (what the server is started with),
:mod:`.texts` (every string of the page), :mod:`.uploads` (reading a request within
its limits), :mod:`.assessing` (an upload through the engine), :mod:`.pages`
(templates, the embedded report, downloads) and :mod:`.app` (the routes and the
server).
"""

from .app import create_app, serve
from .settings import DEFAULT_HOST, DEFAULT_MAX_FILES, DEFAULT_MAX_UPLOAD_MB, DEFAULT_PORT, Settings
from .uploads import safe_name

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

"""The built-in output formats, one module each, registered here by name.

Each format's module is imported only when a run asks for that format: ``assess``
writing text never imports the HTML page, the SARIF log or the workbook. Their
functions and streams are named as ``"module:name"`` (see the ``register_reporters``
hook), which :class:`nghiquyet.engine.render.Reporter` imports on first use.
"""

from __future__ import annotations

from nghiquyet.engine import hookimpl

_HERE = __name__

# name, module, renderer, extension, stream (module:class); the workbook is binary
BUILT_IN_FORMATS: tuple[tuple[str, str, str, str, str], ...] = (
    ("text", "text", "render_text", ".txt", "streams:TextStream"),
    ("json", "json", "render_json", ".json", "streams:JsonStream"),
    ("html", "html", "render_html", ".html", "stream_pages:HtmlStream"),
    ("markdown", "markdown", "render_markdown", ".md", "markdown:MarkdownStream"),
    ("sarif", "sarif", "render_sarif", ".sarif", "stream_pages:SarifStream"),
    ("junit", "junit", "render_junit", ".xml", "streams:JunitStream"),
    ("github", "github", "render_github", ".txt", "github:GithubStream"),
    ("concise", "concise", "render_concise", ".txt", "concise:ConciseStream"),
    ("xlsx", "workbook", "render_workbook", ".xlsx", "workbook_stream:WorkbookStream"),
    ("csv", "workbook", "render_csv", ".csv", "streams:CsvStream"),
)
BINARY_FORMATS = frozenset({"xlsx"})


@hookimpl
def register_reporters(register):
    """Register the built-in formats: text, JSON, HTML, Markdown, SARIF, JUnit, GitHub
    annotations, one finding a line, the committee workbook (.xlsx) and its first
    sheet as CSV."""
    for name, module, function, extension, stream in BUILT_IN_FORMATS:
        register(
            name,
            f"{_HERE}.{module}:{function}",
            extension,
            binary=name in BINARY_FORMATS,
            stream=f"{_HERE}.{stream}",
        )

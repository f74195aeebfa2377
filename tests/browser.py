"""A real headless Chromium for tests, driven by Playwright for Python.

We use Debian's ``chromium`` package (``apt-get install chromium``; ``.ci/run`` does it),
never ``playwright install``: tests must not download browsers. Set
``NGHIQUYET_CHROMIUM`` to use another binary.

Fixtures (made available to every test through ``conftest.py``):

* ``browser``: one Chromium per test session (starting it costs ~0.5 s).
* ``page_watch``: a fresh page plus the console errors, page errors and requests it
  saw, for "loads with no errors and no network" checks.

When Chromium or Playwright is missing the browser tests skip locally with the reason;
in CI (``CI=true``) they fail instead, so that a broken CI image cannot pass silently.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field

import pytest

LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def chromium_path() -> str | None:
    """The Chromium binary to drive: $NGHIQUYET_CHROMIUM, else chromium on PATH."""
    configured = os.environ.get("NGHIQUYET_CHROMIUM")
    if configured:
        return configured if os.access(configured, os.X_OK) else None
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


def unavailable(reason: str) -> None:
    """Skip locally, fail in CI: a CI run must really exercise the browser."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium (Playwright ``Browser``) shared by the whole session."""
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("playwright is not installed (pip install -e '.[test]')")
    executable = chromium_path()
    if executable is None:
        unavailable("no Chromium found (apt-get install chromium, or set NGHIQUYET_CHROMIUM)")
    playwright = sync_playwright().start()
    try:
        try:
            browser = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        except PlaywrightError as exc:
            unavailable(f"Chromium at {executable} did not start: {exc}")
        yield browser
        browser.close()
    finally:
        playwright.stop()


@dataclass
class PageWatch:
    """A page and what it reported while loading and running."""

    page: object
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@pytest.fixture
def page_watch(browser):
    """A new page in its own context, recording console errors and every request."""
    context = browser.new_context()
    page = context.new_page()
    watch = PageWatch(page)
    page.on("console", lambda m: watch.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: watch.page_errors.append(str(e)))
    page.on("request", lambda r: watch.requests.append(r.url))
    yield watch
    context.close()

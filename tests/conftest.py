"""Fixtures: card folders built in tmp_path, the app, its test client and CLI runner."""

import os
import textwrap
from pathlib import Path

import pytest

from app import create_app
from audit.browser import find_chromium, launch, serve

BAK_YML = """\
naam: Proefbak
beschrijving: Een bak om mee te testen.
kleur: "#1d5c7a"
tags:
  contact met ouders: [contact, oudercontact]
  emoties: [emotie]
  soorten oudergesprekken: [oudergesprek]
  reflectie:
"""


def card_text(titel="Kaart", tags="[reflectie]", body=None, **fields) -> str:
    """Return the text of a valid card; keyword arguments add front-matter fields."""
    lines = [f"titel: {titel}", f"tags: {tags}", *(f"{key}: {value}" for key, value in fields.items())]
    if body is None:
        body = "Een korte inleiding.\n\n## Stof tot nadenken\n\n- Wat vind jij?\n  - Waarom?\n"
    return "---\n" + "\n".join(lines) + "\n---\n" + textwrap.dedent(body)


class Kaarten:
    """A card folder in tmp_path that tests fill file by file."""

    def __init__(self, root: Path):
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def bak(self, name="proef", text=BAK_YML) -> Path:
        folder = self.root / name
        folder.mkdir(exist_ok=True)
        (folder / "_bak.yml").write_text(text, encoding="utf-8")
        return folder

    def write(self, relative: str, content: str | bytes) -> Path:
        """Write a file below the card folder, making its deck when needed."""
        path = self.root / relative
        if not (path.parent / "_bak.yml").exists() and path.parent != self.root:
            self.bak(path.parent.name)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    def card(self, slug: str, bak="proef", **fields) -> Path:
        return self.write(f"{bak}/{slug}.md", card_text(**fields))


@pytest.fixture
def kaarten(tmp_path) -> Kaarten:
    return Kaarten(tmp_path / "kaarten")


@pytest.fixture
def settings() -> dict:
    """Extra app settings; a test changes them by parametrising ``settings``."""
    return {}


@pytest.fixture
def app(kaarten, settings):
    return create_app({"TESTING": True, "KAARTEN_DIR": str(kaarten.root), "KAARTEN_CHECK_INTERVAL": 0, "KAARTEN_SETTLE": 0, **settings})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium; skipped locally without one, but a failure in CI."""
    executable = find_chromium()
    if executable is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but no Chromium found: install Debian's chromium package")
        pytest.skip("no Chromium found (install it or set CHROMIUM=/path/to/chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright, executable)
        yield chromium
        chromium.close()


@pytest.fixture
def live_server(app):
    """Serve the app with waitress on a free loopback port; yield its base URL."""
    with serve(app) as base:
        yield base


@pytest.fixture
def page(browser, live_server):
    """A fresh browser page; fails the test on any console error or uncaught script error."""
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.base_url = live_server
    page.errors = errors
    yield page
    context.close()
    assert not errors, f"errors in the browser: {errors}"


def shown_prompt(page):
    """The prompt discussion mode shows now: the page holds every prompt of the card, the others hidden."""
    return page.locator(".vraag-blok:not([hidden]) .vraag")


SHIPPED_KAARTEN = Path(__file__).resolve().parent.parent / "kaarten"


@pytest.fixture
def shipped_app():
    """The app over the decks we ship, for tests of the real content."""
    return create_app({"TESTING": True, "KAARTEN_DIR": str(SHIPPED_KAARTEN), "KAARTEN_CHECK_INTERVAL": 3600})


def watched_page(browser):
    """A page in a context of its own that records each dialog a script opens and each Content-Security-Policy
    violation (in ``window.__csp``): where hostile text is shown, both must stay empty. Returns (context, page, dialogs)."""
    context = browser.new_context()
    context.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return context, page, dialogs

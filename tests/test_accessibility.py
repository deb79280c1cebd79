"""Every page type of the shipped decks in Chromium: axe-core finds nothing in either colour scheme, and nothing scrolls sideways at 320px.

The page list is the audit's (``audit/pages.py``), so ``make audit`` and these tests check the same pages.
axe-core comes from npm (``make audit`` installs it): without node_modules/axe-core the axe tests skip
locally and fail in CI, as a missing Chromium does.
"""

import os

import pytest

from audit.browser import AXE, axe_findings, reflow_findings, visit
from audit.pages import page_list
from kaartenbak.store import CardStore

from .conftest import SHIPPED_KAARTEN

pytestmark = pytest.mark.browser

PAGES = page_list(CardStore(SHIPPED_KAARTEN).collection)


@pytest.fixture
def app(shipped_app):
    return shipped_app


@pytest.fixture
def axe_page(browser, live_server):
    """A page whose context ignores the site's CSP, so axe can be injected; the site's own script still runs."""
    if not AXE.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but node_modules/axe-core is missing: run `npm ci` (make audit does)")
        pytest.skip("axe-core not installed: run `npm ci` or `make audit`")
    context = browser.new_context(bypass_csp=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("spec", PAGES, ids=[spec.name for spec in PAGES])
def test_axe_finds_no_violations(axe_page, live_server, spec):
    problems = visit(axe_page, live_server, spec) + axe_findings(axe_page)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("spec", PAGES, ids=[spec.name for spec in PAGES])
def test_nothing_scrolls_sideways_at_320px(page, spec):
    page.set_viewport_size({"width": 320, "height": 640})
    problems = visit(page, page.base_url, spec) + reflow_findings(page)
    if spec.status == 404:
        page.errors.clear()  # the browser logs the 404 itself
    assert not problems, "\n".join(problems)

"""Every page type of the shipped decks in Chromium: axe-core finds nothing in either colour scheme, nothing scrolls
sideways at 320px, and every tap target is at least 24×24 px.

The page list is the audit's (``audit/pages.py``), so ``make audit`` and these tests check the same pages.
axe-core comes from npm (``make audit`` installs it): without node_modules/axe-core the axe tests skip
locally and fail in CI, as a missing Chromium does.
"""

import os

import pytest
from playwright.sync_api import expect

from audit.browser import AXE, axe_findings, reflow_findings, target_findings, visit
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
def test_at_320px_nothing_scrolls_sideways_and_every_target_is_24px(page, spec):
    page.set_viewport_size({"width": 320, "height": 640})
    problems = visit(page, page.base_url, spec) + reflow_findings(page) + target_findings(page)
    if spec.status == 404:
        page.errors.clear()  # the browser logs the 404 itself
    assert not problems, "\n".join(problems)


def test_reduced_motion_stops_the_card_flip(browser, live_server):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    page.goto(live_server + "/trek?seed=abc&n=1")
    assert page.evaluate("document.getAnimations().length") == 0
    context.close()


def test_the_timer_speaks_through_a_status_region(page):
    gesprek = next(spec for spec in PAGES if spec.name == "gesprek")
    page.goto(page.base_url + gesprek.path)
    status = page.locator("[data-timer-melding]")
    assert status.get_attribute("role") == "status" and page.locator("[data-timer-tijd]").get_attribute("role") == "timer"
    page.locator("summary", has_text="Timer").click()
    page.locator("[data-seconden]").first.evaluate("button => button.dataset.seconden = '61'")
    page.locator("[data-seconden]").first.click()
    expect(status).to_have_text("Nog 1 minuut.", timeout=5000)

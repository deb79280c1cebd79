"""The mentor's whole session on the real decks, counted in user actions: from the overview to a PDF report.

Each tap, each field typed into and each scroll needed to reach the next control counts as one
action, as a person would do them; the outcome must hold what was discussed.
"""

import os
import shutil
import subprocess

import pytest
from playwright.sync_api import expect

from .conftest import shown_prompt

pytestmark = pytest.mark.browser

MAX_ACTIONS = 10
IN_VIEW = """e => { const r = e.getBoundingClientRect();
  return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth; }"""


@pytest.fixture
def app(shipped_app):
    return shipped_app


class Journey:
    """Does what a user does and counts it, with a scroll whenever the next control is out of view."""

    def __init__(self, page):
        self.page = page
        self.actions = []

    def _reach(self, locator, what):
        locator.wait_for(state="visible")
        if not locator.evaluate(IN_VIEW):
            self.actions.append(f"scroll to {what}")

    def tap(self, locator, what):
        self._reach(locator, what)
        locator.click()
        self.actions.append(f"tap {what}")

    def type(self, locator, text, what):
        self._reach(locator, what)
        locator.fill(text)
        self.actions.append(f"type {what}")


def pdf_text(page, path) -> str:
    if shutil.which("pdftotext") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but pdftotext is missing: install Debian's poppler-utils")
        pytest.skip("pdftotext not found (poppler-utils)")
    page.pdf(path=str(path), format="A4")
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("width, height", [(1280, 800), (390, 844)], ids=["laptop", "phone"])
def test_a_session_from_the_overview_to_a_pdf_takes_at_most_ten_actions(browser, live_server, tmp_path, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script("window.print = () => { window.afgedrukt = true; }")  # the print dialog, as the user sees it, is the browser's
    journey = Journey(page)

    page.goto(live_server + "/")
    tags = page.locator("details.facet-blok")
    if not tags.evaluate("d => d.open"):
        journey.tap(tags.locator("summary"), "Filters")
    journey.tap(page.locator(".facets a", has_text="gespreksvaardigheden"), "a theme")
    journey.tap(page.get_by_role("link", name="Trek een kaart uit deze selectie"), "draw")
    journey.tap(page.get_by_role("link", name="Bespreek deze kaart"), "discuss")
    titel = page.locator("[data-gesprek]").get_attribute("data-titel")
    prompts = []
    for step in range(3):
        prompt = shown_prompt(page)
        prompts.append(prompt.inner_text())
        expect(page.locator(".vraag-blok:not([hidden]) .doorvragen li").first).to_be_visible()  # the doorvragen in view
        if step < 2:
            journey.tap(page.get_by_role("link", name="Volgende vraag"), "next prompt")
    journey.type(page.get_by_role("textbox", name="Notitie bij deze vraag"), "Wil dit oefenen in een rollenspel.", "a note")
    journey.tap(page.locator(".werkbalk").get_by_role("link", name="Verslag"), "report")
    journey.type(page.get_by_label("Waar ging het over?"), "stage groep 6, week 12", "the context")
    journey.tap(page.get_by_role("button", name="Afdrukken of opslaan als pdf"), "print")
    assert page.evaluate("window.afgedrukt")
    print(f"{width}px: {len(journey.actions)} actions: {journey.actions}")  # shown with pytest -s
    assert len(journey.actions) <= MAX_ACTIONS, journey.actions

    expected = [titel, *prompts, "Wil dit oefenen in een rollenspel.", "Gespreksverslag", "stage groep 6, week 12"]
    shown = page.locator(".verslag-document").inner_text()
    printed = " ".join(pdf_text(page, tmp_path / "verslag.pdf").split())
    for text in expected:
        assert text in shown, text
        assert " ".join(text.split()) in printed, text
    assert "Afdrukken of opslaan als pdf" not in printed and "Kaartenbak" not in printed.split("Gespreksverslag")[0]

    page.get_by_role("button", name="Kopiëren").click()
    expect(page.locator("[data-verslag-status]")).to_contain_text("klembord")
    html = page.evaluate("async () => { const [item] = await navigator.clipboard.read(); return (await item.getType('text/html')).text(); }")
    with page.expect_download() as download:
        page.get_by_role("button", name="Downloaden als tekstbestand (.md)").click()
    markdown = open(download.value.path(), encoding="utf-8").read()
    for text in expected:
        assert text in html and text in markdown, text
    context.close()
    assert not errors, errors


def test_on_a_phone_a_search_and_a_tag_show_the_results_first(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_server + "/")
    page.get_by_label("Zoek in de kaarten").fill("tolk")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url("**q=tolk#resultaten")
    first = page.locator(".tile").first
    expect(first).to_be_in_viewport()
    expect(first.locator("mark").first).to_have_text("tolk")  # and shows why it matched
    first.locator(".tag").first.click()
    page.wait_for_url("**tag=*#resultaten")
    expect(page.locator(".tile").first).to_be_in_viewport()
    context.close()


@pytest.mark.parametrize("width, height", [(1280, 800), (390, 844)], ids=["laptop", "phone"])
def test_the_drawn_card_shows_its_front_and_the_way_to_discuss_it_on_one_screen(browser, live_server, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, reduced_motion="reduce")
    page = context.new_page()
    for n in range(1, 8):
        page.goto(f"{live_server}/trek?seed=voorkant&n={n}")
        card = page.locator("article.getrokken-kaart")
        for part in (".samenvatting", ".tags", "summary"):  # nothing of the front is cut off by the card's shape
            assert card.locator(part).evaluate(
                "(e, card) => e.getBoundingClientRect().bottom <= card.getBoundingClientRect().bottom", card.element_handle())
        expect(page.get_by_role("link", name="Bespreek deze kaart")).to_be_in_viewport(ratio=1)
    context.close()

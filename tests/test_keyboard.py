"""Keyboard only, in Chromium: every flow works with Tab, Enter, Space and the arrow keys, with a visible focus ring."""

import re

import pytest
from playwright.sync_api import expect

from .test_mentor import deck  # noqa: F401  (the same card folder as the mentor tests)

pytestmark = pytest.mark.browser

FOCUS_RING = """() => {
  // The focused element, or the tile around it (the whole card lights up), has an outline of 2px or more.
  const ringed = element => {
    const style = element && getComputedStyle(element);
    return Boolean(style) && style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
  };
  return ringed(document.activeElement) || ringed(document.activeElement.closest(".tile"));
}"""


def focused(locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page, locator, press=None, limit=150):
    """Press Tab until ``locator`` has focus and show a focus ring, then press the key ``press``; fail if never reached."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(locator):
            assert page.evaluate(FOCUS_RING), f"no visible focus ring on {locator}"
            if press:
                page.keyboard.press(press)
            return locator
    pytest.fail(f"Tab never reached {locator}")


def test_skip_link_search_filter_and_open_a_card(page, deck):  # noqa: F811
    page.goto(page.base_url + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Naar de inhoud")
    assert focused(skip) and skip.bounding_box()["y"] >= 0 and page.evaluate(FOCUS_RING)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"

    page.keyboard.press("Tab")
    assert focused(page.get_by_label("Zoek in de kaarten"))
    page.keyboard.type("Kaart")
    page.keyboard.press("Enter")
    page.wait_for_url("**q=Kaart**")

    tab_to(page, page.get_by_role("link", name=re.compile(r"^emoties .*kaarten")), press="Enter")
    page.wait_for_url("**tag=emoties**")
    assert page.locator(".tile").count() == 3

    tab_to(page, page.locator('[data-bak="oefen"]'), press="Enter")
    page.wait_for_url("**bak=oefen**")

    tab_to(page, page.get_by_role("link", name="Alle filters wissen"), press="Enter")
    tab_to(page, page.get_by_role("link", name="Kaart 2", exact=True), press="Enter")
    page.wait_for_url("**/kaart/kaart-2")


def test_draw_step_discuss_and_share(page, deck):  # noqa: F811
    page.goto(page.base_url + "/")
    tab_to(page, page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Trek een kaart"), press="Enter")
    page.wait_for_url("**n=1")
    tab_to(page, page.get_by_role("link", name="Volgende kaart"), press="Enter")
    page.wait_for_url("**n=2")
    # focus starts at the position, so a screen reader says it and Tab goes on to the buttons
    position = page.locator("[data-positie]")
    expect(position).to_be_focused()
    expect(position).to_have_text(re.compile(r"2 getrokken · nog \d+ in de stapel"))
    assert page.evaluate(FOCUS_RING)

    tab_to(page, page.locator("summary", has_text="Hele kaart lezen"), press="Enter")
    expect(page.get_by_text("Eerste doorvraag?")).to_be_visible()
    tab_to(page, page.locator("summary", has_text="Delen"), press="Enter")
    expect(page.get_by_label("Link om te delen")).to_be_visible()
    page.keyboard.press("Shift+Tab")
    tab_to(page, page.get_by_role("link", name="Bespreek deze kaart"), press="Enter")
    page.wait_for_url("**vraag=1**n=2")


def test_discussion_mode_prompts_doorvragen_timer_and_tick(page, deck):  # noqa: F811
    page.goto(page.base_url + "/kaart/kaart-1")
    tab_to(page, page.get_by_role("link", name="Bespreek deze kaart"), press="Enter")
    page.wait_for_url("**vraag=1")

    expect(page.get_by_text("Eerste doorvraag?")).to_be_visible()  # open for the mentor
    doorvragen = tab_to(page, page.locator("summary", has_text="Doorvragen"), press="Space")
    expect(page.get_by_text("Eerste doorvraag?")).to_be_hidden()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Eerste doorvraag?")).to_be_visible()
    assert focused(doorvragen)

    page.keyboard.press("ArrowRight")
    page.wait_for_url("**vraag=2")
    prompt = page.locator("#vraag-2")
    expect(prompt).to_be_focused()  # with aria-describedby, a screen reader reads "vraag 2 van 3" too
    assert prompt.get_attribute("aria-describedby") == "positie"

    tab_to(page, page.locator("summary", has_text="Timer"), press="Enter")
    tab_to(page, page.get_by_role("button", name="2 min", exact=True), press="Enter")
    expect(page.locator("[data-timer-melding]")).to_have_text(re.compile("Timer loopt"))
    expect(page.locator("[data-timer-tijd]")).to_have_text(re.compile(r"^[12]:\d\d$"))
    tab_to(page, page.get_by_role("button", name="Stop"), press="Space")
    expect(page.locator("[data-timer-melding]")).to_have_text("Timer gestopt.")

    tick = tab_to(page, page.get_by_label("Besproken"), press="Space")
    expect(tick).not_to_be_checked()  # shown counts as discussed: the mentor unticks it
    tab_to(page, page.get_by_role("textbox", name="Notitie bij deze vraag"))
    page.keyboard.type("Goed gesprek.")
    page.keyboard.press("Escape")  # leaves the field; a second Esc leaves discussion mode
    page.keyboard.press("Escape")
    page.wait_for_url("**/kaart/kaart-1")


def test_notes_and_download_the_report(page, deck):  # noqa: F811
    page.goto(page.base_url + "/kaart/kaart-2")
    tab_to(page, page.locator("ol.vragen > li").nth(0).get_by_role("checkbox"), press="Space")
    tab_to(page, page.get_by_role("textbox", name="Notitie", exact=True))
    page.keyboard.type("Oefenen met ik-boodschappen.")
    tab_to(page, page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Verslag"), press="Enter")
    page.wait_for_url("**/verslag")

    tab_to(page, page.get_by_role("button", name="Downloaden als tekstbestand (.md)"))
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    text = open(download.value.path(), encoding="utf-8").read()
    assert "## Kaart 2" in text and "1. Eerste vraag?" in text and "ik-boodschappen" in text


def test_practice_mode(page, deck):  # noqa: F811
    page.goto(page.base_url + "/")
    tab_to(page, page.get_by_role("link", name="Oefenen"), press="Enter")
    page.wait_for_url("**/oefenen?**")
    tab_to(page, page.locator("summary", has_text="QR-code voor de ouder"), press="Enter")
    expect(page.locator("details", has_text="QR-code voor de ouder").get_by_role("img")).to_be_visible()
    tab_to(page, page.get_by_role("link", name="Open als leraar"), press="Enter")
    page.wait_for_url("**speler=leraar**")
    tab_to(page, page.get_by_role("button", name="5 min", exact=True), press="Space")
    expect(page.locator("[data-timer-melding]")).to_have_text(re.compile("Timer loopt"))
    tab_to(page, page.get_by_role("link", name="Andere rol"), press="Enter")
    page.wait_for_url("**rol=2**")


@pytest.mark.parametrize("path", ["/", "/kaart/kaart-1", "/kaart/kaart-1/gesprek?vraag=1", "/trek?seed=abc&n=1", "/oefenen?seed=abc", "/verslag"])
def test_every_tab_stop_shows_a_focus_ring(page, deck, path):  # noqa: F811
    page.goto(page.base_url + path)
    seen = []
    for _ in range(200):
        page.keyboard.press("Tab")
        current = page.evaluate("document.activeElement === document.body ? null : document.activeElement.outerHTML.slice(0, 80)")
        if current is None or current in seen[:1]:
            break  # back at the start
        assert page.evaluate(FOCUS_RING), f"no visible focus ring on {current}"
        seen.append(current)
    assert len(seen) > 3

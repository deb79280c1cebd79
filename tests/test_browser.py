"""End to end in Chromium: browse, filter, search and open a card, as a user would."""

import pytest

from .conftest import card_text

pytestmark = pytest.mark.browser


@pytest.fixture
def deck(kaarten):
    kaarten.card("contact", titel="Contact met ouders", nummer=1, tags="[contact, emoties]")
    kaarten.card("gesprek", titel="Het oudergesprek", nummer=2, tags="[oudergesprek, reflectie]")
    kaarten.write(
        "proef/eng.md",
        card_text(titel="Eng", nummer=3, body="<img src=x onerror=\"window.gehackt=1\">\n\n[klik](javascript:window.gehackt=1)\n"),
    )
    return kaarten


def test_filter_search_and_open_a_card(page, deck):
    page.goto(page.base_url + "/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator(".tile").count() == 3

    page.get_by_role("link", name="emoties").first.click()
    assert page.locator(".tile").count() == 1
    assert "tag=emoties" in page.url

    page.get_by_label("Zoek in de kaarten").fill("oudergesprekken")
    page.get_by_role("button", name="Zoeken").click()
    assert page.locator(".tile").count() == 0  # both filters apply
    page.get_by_role("link", name="Alle filters wissen").click()
    page.get_by_label("Zoek in de kaarten").fill("oudergesprekken")
    page.keyboard.press("Enter")
    page.wait_for_url("**q=oudergesprekken**")
    assert page.locator(".tile").count() == 1

    page.get_by_role("link", name="Het oudergesprek").click()
    assert page.locator("article.kaart").get_attribute("data-slug") == "gesprek"
    assert page.locator("ol.vragen > li").count() == 1


def test_script_in_a_card_never_runs(page, deck):
    page.goto(page.base_url + "/kaart/eng")
    for link in page.locator(".kaart-tekst a").all():
        link.click(no_wait_after=True)
    assert page.evaluate("window.gehackt") is None
    page.errors.clear()  # the card's image really is missing; that 404 is expected


def test_keyboard_user_reaches_content_via_skip_link(page, deck):
    page.goto(page.base_url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"

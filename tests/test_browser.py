"""End to end in Chromium: browse, filter, search and open a card, as a user would."""

import pytest
from playwright.sync_api import expect

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


def test_on_a_phone_the_filters_fold_away_and_a_filter_lands_on_the_results(page, deck):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(page.base_url + "/")
    emoties = page.locator(".facets").get_by_role("link", name="emoties")
    expect(emoties).to_be_hidden()
    assert page.locator(".tile").first.bounding_box()["y"] < 800  # the first card is on the first screen

    page.locator("summary", has_text="Filters").click()
    emoties.click()
    page.wait_for_url("**tag=emoties#resultaten")
    expect(page.locator(".telling")).to_be_in_viewport()
    expect(page.locator(".tile").first).to_be_in_viewport()
    expect(page.locator("summary", has_text="Filters")).to_have_text("Filters (1)")
    page.locator("summary", has_text="Filters").click()
    page.locator('[data-bak="proef"]').click()  # a deck is a filter like a tag: found in the same fold
    page.wait_for_url("**tag=emoties&bak=proef#resultaten")
    expect(page.locator("summary", has_text="Filters")).to_have_text("Filters (2)")


def test_on_a_laptop_the_tag_list_is_open_beside_the_cards(page, deck):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(page.base_url + "/")
    expect(page.locator(".facets").get_by_role("link", name="emoties")).to_be_visible()


def test_without_javascript_the_tag_list_opens_with_a_click(browser, live_server, deck):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + "/")
    page.get_by_text("Filters").click()
    page.locator(".facets").get_by_role("link", name="emoties").click()
    assert "tag=emoties" in page.url
    expect(page.locator(".chips")).to_contain_text("tag: emoties")
    context.close()


"""The mentor's modes in Chromium: keys, doorvragen, timer, projector window, notes and report."""

import re

import pytest
from playwright.sync_api import expect

from .test_mentor import deck  # noqa: F401  (the same card folder as the client tests)

pytestmark = pytest.mark.browser


def test_keyboard_steps_through_prompts_and_doorvragen(page, deck):  # noqa: F811
    page.goto(page.base_url + "/kaart/kaart-1/gesprek?vraag=1")
    doorvragen = page.locator("details[data-doorvragen]")
    assert not doorvragen.evaluate("d => d.open")
    page.keyboard.press("d")
    assert doorvragen.evaluate("d => d.open")
    assert page.get_by_text("Eerste doorvraag?").is_visible()

    page.keyboard.press("ArrowRight")
    page.wait_for_url("**vraag=2")
    assert page.locator("#vraag").inner_text() == "Tweede vraag?"
    page.keyboard.press(" ")
    page.wait_for_url("**vraag=3")
    page.keyboard.press("ArrowLeft")
    page.wait_for_url("**vraag=2")
    page.keyboard.press("Escape")
    page.wait_for_url("**/kaart/kaart-1")


def test_timer_counts_down_to_a_quiet_signal(page, deck):  # noqa: F811
    page.goto(page.base_url + "/kaart/kaart-1/gesprek?vraag=1")
    timer = page.locator("[data-timer]")
    assert timer.is_visible()
    timer.locator("[data-seconden]").first.evaluate("button => button.dataset.seconden = '1'")
    page.keyboard.press("t")
    assert re.match(r"0:0[01]", page.locator("[data-timer-tijd]").inner_text())
    expect(timer).to_have_class(re.compile(r"\bklaar\b"), timeout=5000)
    expect(page.locator("[data-timer-melding]")).to_have_text("De tijd is om.")


def test_projector_window_follows_the_mentor(page, deck):  # noqa: F811
    page.goto(page.base_url + "/kaart/kaart-1/gesprek?vraag=1")
    with page.expect_popup() as popup:
        page.get_by_role("link", name="Open het projectorscherm").click()
    scherm = popup.value
    scherm.wait_for_load_state()
    assert "weergave=scherm" in scherm.url
    assert not scherm.get_by_text("Alleen voor de mentor.").count()

    page.keyboard.press("ArrowRight")
    scherm.wait_for_url("**vraag=2&weergave=scherm")
    assert scherm.locator("#vraag").inner_text() == "Tweede vraag?"
    page.keyboard.press("ArrowLeft")
    scherm.wait_for_url("**vraag=1&weergave=scherm")
    scherm.wait_for_load_state()
    page.keyboard.press("d")
    expect(scherm.locator("details[data-doorvragen]")).to_have_attribute("open", "")


def test_notes_survive_a_reload_and_end_up_in_the_download(page, deck):  # noqa: F811
    page.goto(page.base_url + "/kaart/kaart-2")
    page.get_by_label("Wat is er besproken?").fill("Student wil oefenen met ik-boodschappen.")
    page.locator("ol.vragen > li").nth(1).get_by_role("checkbox").check()
    page.reload()
    assert page.get_by_label("Wat is er besproken?").input_value() == "Student wil oefenen met ik-boodschappen."
    assert page.locator("ol.vragen > li").nth(1).get_by_role("checkbox").is_checked()

    page.goto(page.base_url + "/kaart/kaart-3/gesprek?vraag=3")
    page.get_by_label("Deze vraag is besproken").check()

    page.goto(page.base_url + "/verslag")
    assert page.get_by_role("heading", name="Kaart 2").is_visible()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download als Markdown").click()
    assert re.fullmatch(r"gespreksverslag-\d{4}-\d{2}-\d{2}\.md", download.value.suggested_filename)
    text = open(download.value.path(), encoding="utf-8").read()
    assert "## Kaart 2" in text and "- Tweede vraag?" in text and "ik-boodschappen" in text
    assert "## Kaart 3" in text and "- Derde vraag?" in text

    page.get_by_role("button", name="Wis alles").click()
    page.get_by_role("button", name=re.compile("Zeker weten")).click()
    assert "Alles is gewist." in page.locator("[data-verslag-status]").inner_text()
    page.reload()
    assert page.locator(".verslag-kaart").count() == 0


def test_draw_can_skip_cards_marked_as_discussed(page, deck):  # noqa: F811
    page.goto(page.base_url + "/trek?seed=abc&n=1")
    first = page.locator("article.kaart").get_attribute("data-slug")
    page.get_by_role("button", name="Markeer als besproken").click()
    page.get_by_label("Sla besproken kaarten over").check()
    page.goto(page.base_url + "/trek?seed=abc&n=1")
    page.wait_for_url("**n=2")
    assert page.locator("article.kaart").get_attribute("data-slug") != first
    page.get_by_role("button", name="Besproken wissen").click()
    page.goto(page.base_url + "/trek?seed=abc&n=1")
    assert page.locator("article.kaart").get_attribute("data-slug") == first


def test_practice_views_in_the_browser(page, deck):  # noqa: F811
    page.goto(page.base_url + "/oefenen?seed=abc")
    page.get_by_role("link", name="Open als leraar").click()
    page.wait_for_url("**speler=leraar**")
    assert page.locator('article[data-slug^="scenario-"]').count() == 1
    assert page.locator('article[data-slug^="rol-"]').count() == 0
    page.get_by_role("link", name="Overzicht voor de spelleider").click()
    page.wait_for_url(re.compile(r"oefenen\?(?!.*speler)"))
    page.get_by_role("link", name="Open als ouder").click()
    page.wait_for_url("**speler=ouder**")
    assert page.locator('article[data-slug^="rol-"]').count() == 1

"""The mentor's session in Chromium: stepping without reloads, the timer, the projector, notes and the report."""

import json
import re

import pytest
from playwright.sync_api import expect

from .conftest import shown_prompt
from .test_mentor import deck  # noqa: F401  (the same card folder as the client tests)

pytestmark = pytest.mark.browser


def stored(page) -> dict:
    """The current conversation as this browser keeps it."""
    data = json.loads(page.evaluate("localStorage.getItem('kaartenbak.gesprekken')") or '{"lijst": []}')
    return next((g for g in data["lijst"] if g["id"] == data.get("huidig")), {"kaarten": []})


def test_stepping_through_prompts_keeps_one_page_and_one_history_entry(page, deck):  # noqa: F811
    page.goto(page.base_url + "/trek?seed=abc&n=1")
    first = page.locator("article.kaart").get_attribute("data-slug")
    page.get_by_role("link", name="Bespreek deze kaart").click()
    page.wait_for_url("**vraag=1**")
    history = page.evaluate("history.length")
    page.evaluate("window.zelfdePagina = true")  # gone if a step reloads the page

    page.get_by_role("link", name="Volgende vraag").click()
    expect(shown_prompt(page)).to_have_text("Tweede vraag?")
    page.keyboard.press("ArrowRight")
    expect(shown_prompt(page)).to_have_text("Derde vraag?")
    expect(page.locator("[data-positie]")).to_have_text("vraag 3 van 3")
    assert "vraag=3" in page.url and page.evaluate("window.zelfdePagina") and page.evaluate("history.length") == history
    expect(page.get_by_role("link", name="Volgende vraag")).to_be_hidden()
    expect(page.get_by_role("link", name="Volgende kaart")).to_be_visible()

    page.go_back()  # one press: back at the pile
    page.wait_for_url("**/trek?seed=abc&n=1")
    assert page.locator("article.kaart").get_attribute("data-slug") == first


def test_every_prompt_shown_is_recorded_and_can_be_unticked(page, deck):  # noqa: F811
    page.goto(page.base_url + "/kaart/kaart-1/gesprek?vraag=1")
    page.keyboard.press("ArrowRight")
    expect(shown_prompt(page)).to_have_text("Tweede vraag?")
    tick = page.get_by_label("Besproken")
    expect(tick).to_be_checked()
    tick.uncheck()
    kaart = stored(page)["kaarten"][0]
    assert [(v["tekst"], v["besproken"]) for v in kaart["vragen"]] == [("Eerste vraag?", True), ("Tweede vraag?", False)]
    assert kaart["vragen"][0]["doorvragen"] == ["Eerste doorvraag?"]  # they stood open


def test_the_timer_keeps_running_across_prompts_and_cards(page, deck):  # noqa: F811
    page.goto(page.base_url + "/trek?seed=abc&n=1")
    page.get_by_role("link", name="Bespreek deze kaart").click()
    page.locator("summary", has_text="Timer").click()
    page.get_by_role("button", name="5 min").click()
    expect(page.locator("[data-timer-tijd]")).to_have_text(re.compile(r"^[45]:\d\d$"))
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.get_by_role("link", name="Volgende kaart").click()
    page.wait_for_url("**n=2**")
    timer = page.locator("[data-timer]")
    expect(timer).to_have_class(re.compile(r"\bloopt\b"))
    expect(page.locator("[data-timer-tijd]")).to_have_text(re.compile(r"^[45]:\d\d$"))


def test_the_timer_counts_down_to_a_quiet_signal(page, deck):  # noqa: F811
    page.goto(page.base_url + "/kaart/kaart-1/gesprek?vraag=1")
    timer = page.locator("[data-timer]")
    timer.locator("[data-seconden]").first.evaluate("button => button.dataset.seconden = '1'")
    page.keyboard.press("t")
    expect(timer).to_have_class(re.compile(r"\bklaar\b"), timeout=5000)
    expect(page.locator("[data-timer-melding]")).to_have_text("De tijd is om.")


def test_the_projector_follows_and_never_shows_a_note(page, deck):  # noqa: F811
    page.goto(page.base_url + "/trek?seed=abc&n=1")
    page.get_by_role("link", name="Bespreek deze kaart").click()
    page.get_by_role("textbox", name="Notitie bij deze vraag").fill("Geheim van de mentor")
    with page.expect_popup() as popup:
        page.get_by_role("link", name=re.compile("^Projector")).click()
    scherm = popup.value
    scherm.wait_for_load_state()
    assert "weergave=scherm" in scherm.url
    expect(shown_prompt(scherm)).to_have_text("Eerste vraag?")
    expect(scherm.get_by_text("Eerste doorvraag?")).to_be_hidden()  # closed on the screen until opened
    expect(scherm.get_by_text("Doorvragen")).to_be_hidden()

    page.get_by_role("button", name="Doorvragen op scherm").click()
    expect(scherm.get_by_text("Eerste doorvraag?")).to_be_visible()
    page.keyboard.press("ArrowRight")
    expect(shown_prompt(scherm)).to_have_text("Tweede vraag?")
    page.locator("summary", has_text="Timer").click()
    page.get_by_label("Ook op het projectorscherm").check()
    page.get_by_role("button", name="2 min").click()
    expect(scherm.locator("[data-scherm-timer]")).to_have_text(re.compile(r"[12]:\d\d"))
    for _ in range(2):
        page.keyboard.press("ArrowRight")  # the last prompt, then the end of the card
    page.get_by_role("link", name="Volgende kaart").click()
    page.wait_for_url("**n=2**")
    other = page.locator("[data-gesprek]").get_attribute("data-gesprek")
    scherm.wait_for_url(f"**/kaart/{other}/gesprek?vraag=1&weergave=scherm")
    for text in ("Geheim van de mentor", "Alleen voor de mentor."):
        assert text not in scherm.content()


def test_without_javascript_discussion_mode_goes_prompt_by_prompt(browser, live_server, deck):  # noqa: F811
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + "/trek?tag=emoties&seed=abc&n=1")
    page.get_by_role("link", name="Bespreek deze kaart").click()
    for prompt in ("Eerste vraag?", "Tweede vraag?", "Derde vraag?"):
        expect(shown_prompt(page)).to_have_text(prompt)
        expect(page.locator(".vraag-blok:not([hidden])")).to_have_count(1)
        if prompt != "Derde vraag?":
            page.get_by_role("link", name="Volgende vraag").click()
    page.get_by_role("link", name="Volgende kaart").click()
    page.wait_for_url("**n=2")
    expect(shown_prompt(page)).to_have_text("Eerste vraag?")
    page.get_by_role("link", name="Terug naar de stapel").click()
    page.wait_for_url("**/trek?tag=emoties&seed=abc&n=2")
    context.close()


def test_notes_agreements_and_the_report_in_all_its_forms(page, deck):  # noqa: F811
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(page.base_url + "/kaart/kaart-2")
    page.get_by_role("textbox", name="Notitie", exact=True).fill("Student wil oefenen met ik-boodschappen.")
    page.locator("ol.vragen > li").nth(1).get_by_role("checkbox").check()
    page.reload()
    assert page.get_by_role("textbox", name="Notitie", exact=True).input_value() == "Student wil oefenen met ik-boodschappen."
    assert page.locator("ol.vragen > li").nth(1).get_by_role("checkbox").is_checked()

    page.goto(page.base_url + "/kaart/kaart-3/gesprek?vraag=3")
    page.get_by_role("textbox", name="Notitie bij deze vraag").fill("Twijfelt over de planning.")
    page.get_by_role("textbox", name=re.compile("^Afspraak")).fill("Volgende week een rollenspel.")

    page.goto(page.base_url + "/verslag")
    page.get_by_label("Student").fill("Sam")
    page.get_by_label("Waar ging het over?").fill("stage groep 6, week 12")
    page.get_by_label("Wat neem je mee?").fill("Eerst luisteren.")
    document = page.locator(".verslag-document")
    for text in ("Gespreksverslag", "Student: Sam", "stage groep 6, week 12", "Kaart 2", "Tweede vraag?", "ik-boodschappen",
                 "Kaart 3", "Derde vraag?", "Twijfelt over de planning."):
        expect(document).to_contain_text(text)
    expect(document.locator(".verslag-kaart", has_text="Kaart 3").get_by_role("textbox", name="Afspraak")).to_have_value("Volgende week een rollenspel.")

    with page.expect_download() as download:
        page.get_by_role("button", name="Downloaden als tekstbestand (.md)").click()
    assert re.fullmatch(r"gespreksverslag-\d{4}-\d{2}-\d{2}\.md", download.value.suggested_filename)
    text = open(download.value.path(), encoding="utf-8").read()
    for expected in ("# Gespreksverslag", "Student: Sam", "## Kaart 2", "1. Tweede vraag?", "ik-boodschappen",
                     "## Kaart 3", "Derde vraag?", "*Notitie:* Twijfelt over de planning.", "### Afspraak", "Volgende week een rollenspel.",
                     "## Wat neem je mee?", "Eerst luisteren."):
        assert expected in text, expected

    page.get_by_role("button", name="Kopiëren").click()
    expect(page.locator("[data-verslag-status]")).to_contain_text("klembord")
    html = page.evaluate("""async () => {
        const [item] = await navigator.clipboard.read();
        return await (await item.getType("text/html")).text();
    }""")
    assert "<h2>Gespreksverslag" in html and "<h3>Kaart 3" in html and "<li><p class=\"verslag-vraag\">Derde vraag?</p>" in html
    assert "Volgende week een rollenspel." in html and "<textarea" not in html
    plain = page.evaluate("navigator.clipboard.readText()")
    assert "## Kaart 2" in plain


def test_an_empty_report_offers_a_draw_and_no_buttons(page, deck):  # noqa: F811
    page.goto(page.base_url + "/verslag")
    expect(page.locator("[data-verslag-leeg]")).to_be_visible()
    expect(page.get_by_role("link", name="Trek een kaart").last).to_be_visible()
    for name in ("Afdrukken of opslaan als pdf", "Kopiëren", "Downloaden als tekstbestand (.md)"):
        expect(page.get_by_role("button", name=name)).to_be_hidden()


def test_a_new_conversation_keeps_the_last_one_to_reopen_or_delete(page, deck):  # noqa: F811
    page.goto(page.base_url + "/kaart/kaart-1/gesprek?vraag=1")
    page.goto(page.base_url + "/verslag")
    page.get_by_label("Student").fill("Sam")
    page.get_by_role("button", name="Nieuw gesprek beginnen").click()
    expect(page.locator("[data-verslag-leeg]")).to_be_visible()
    page.goto(page.base_url + "/kaart/kaart-2/gesprek?vraag=2")
    page.goto(page.base_url + "/verslag")
    expect(page.locator(".verslag-document")).to_contain_text("Kaart 2")
    earlier = page.locator(".gesprekken-lijst li", has_text="Sam")
    earlier.get_by_role("button", name=re.compile("^Openen")).click()
    expect(page.locator(".verslag-document")).to_contain_text("Kaart 1")
    expect(page.get_by_label("Student")).to_have_value("Sam")
    other = page.locator(".gesprekken-lijst li").filter(has_not_text="Sam")
    other.get_by_role("button", name=re.compile("^Verwijderen")).click()
    other.get_by_role("button", name=re.compile("^Echt verwijderen")).click()
    expect(page.locator(".gesprekken-lijst li")).to_have_count(1)


def test_the_draw_can_skip_cards_already_discussed(page, deck):  # noqa: F811
    page.goto(page.base_url + "/trek?seed=abc&n=1")
    first = page.locator("article.kaart").get_attribute("data-slug")
    page.get_by_role("link", name="Bespreek deze kaart").click()
    expect(page.get_by_label("Besproken")).to_be_checked()  # recorded before the mentor leaves
    page.get_by_role("link", name="Terug naar de stapel").first.click()
    expect(page.get_by_text("Deze kaart heb je in dit gesprek al besproken.")).to_be_visible()
    page.get_by_label("Sla kaarten over die al besproken zijn").check()
    page.goto(page.base_url + "/trek?seed=abc&n=1")
    page.wait_for_url("**n=2")
    assert page.locator("article.kaart").get_attribute("data-slug") != first


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


def test_the_projector_reads_from_the_back_of_the_room(browser, live_server, deck):  # noqa: F811
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    scherm = context.new_page()
    scherm.goto(live_server + "/kaart/kaart-1/gesprek?vraag=1&weergave=scherm")
    meta = scherm.locator(".gesprek-kop").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    prompt = shown_prompt(scherm).evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert meta >= 32 and prompt >= 64, (meta, prompt)
    context.close()


def test_keys_work_after_a_tick_and_esc_closes_the_timer_first(page, deck):  # noqa: F811
    page.goto(page.base_url + "/kaart/kaart-1/gesprek?vraag=1")
    page.get_by_label("Besproken").uncheck()
    page.keyboard.press("ArrowRight")
    expect(shown_prompt(page)).to_have_text("Tweede vraag?")
    page.keyboard.press("ArrowLeft")
    expect(page.get_by_label("Besproken")).not_to_be_checked()  # an untick stays when the prompt comes back
    page.locator("summary", has_text="Timer").click()
    page.get_by_role("button", name="2 min").focus()
    page.keyboard.press("Escape")
    expect(page.locator("details[data-timer]")).not_to_have_attribute("open", "")
    assert "/gesprek" in page.url


def test_back_from_the_report_shows_what_was_changed_there(page, deck):  # noqa: F811
    page.goto(page.base_url + "/kaart/kaart-1/gesprek?vraag=1")
    afspraak = page.get_by_role("textbox", name=re.compile("^Afspraak"))
    afspraak.fill("Eerste versie.")
    page.locator(".werkbalk").get_by_role("link", name="Verslag").click()
    page.get_by_role("textbox", name=re.compile("^Afspraak")).fill("Tweede versie.")
    page.go_back()
    expect(afspraak).to_have_value("Tweede versie.")
    afspraak.press("End")
    afspraak.type("!")
    assert stored(page)["kaarten"][0]["afspraak"] == "Tweede versie.!"


def test_a_card_without_prompts_offers_nothing_to_tick(page, deck):  # noqa: F811
    page.goto(page.base_url + "/kaart/rol-boos/gesprek")
    expect(page.get_by_role("heading", name="Deze kaart heeft geen vragen om te bespreken.")).to_be_visible()
    expect(page.get_by_label("Besproken")).to_be_hidden()
    expect(page.locator("[data-positie]")).to_have_count(0)
    assert stored(page)["kaarten"] == []


def test_next_card_skips_a_card_already_discussed_when_the_draw_does(page, deck):  # noqa: F811
    page.goto(page.base_url + "/trek?seed=abc&n=2")
    second = page.locator("article.kaart").get_attribute("data-slug")
    page.get_by_role("link", name="Bespreek deze kaart").click()  # the second card of the draw is discussed first
    expect(page.get_by_label("Besproken")).to_be_checked()
    page.goto(page.base_url + "/trek?seed=abc&n=1")
    page.get_by_label("Sla kaarten over die al besproken zijn").check()
    page.get_by_role("link", name="Bespreek deze kaart").click()
    for _ in range(2):  # by the links, not the arrow keys: a key pressed before the page's script runs is lost
        page.get_by_role("link", name="Volgende vraag").click()
    page.get_by_role("link", name="Volgende kaart").click()
    page.wait_for_url("**/trek?seed=abc&n=3")  # past the second card, to the third
    assert page.locator("article.kaart").get_attribute("data-slug") != second

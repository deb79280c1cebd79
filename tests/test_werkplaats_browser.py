"""The workbench in Chromium: a card written from scratch, checked as it is typed, downloaded and put on the site."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import watched_page
from .test_hostile import XSS

pytestmark = pytest.mark.browser

TWEEDE = "naam: Tweede bak\ntags:\n  observeren: [kijken]\n"
BODY = """\
Ouders en leraren zien hetzelfde kind anders.

## Stof tot nadenken

- Wat weet jij van thuis?
  - Hoe weet je dat?
- Wanneer sprak je ouders voor het laatst?
  - Waarover ging het?
- Wat wil je nog vragen?
  - Aan wie?

## Aan de slag

- Bel deze week een ouder.
"""


@pytest.fixture
def decks(kaarten):
    kaarten.bak("proef")
    kaarten.bak("tweede", TWEEDE)
    return kaarten


def field_messages(page, veld):
    return page.locator(f'[data-meldingen="{veld}"]')


def test_a_card_written_from_scratch_is_checked_live_downloaded_and_on_the_site_as_previewed(decks, browser, page):
    page.goto(page.base_url + "/werkplaats")
    titel = field_messages(page, "titel")
    expect(titel).to_contain_text("'titel' ontbreekt")
    expect(field_messages(page, "tekst")).to_contain_text("voorbeeldtekst uit het sjabloon")

    # the deck chooses the tag vocabulary shown
    page.get_by_label("Bak", exact=True).select_option("tweede")
    expect(page.get_by_role("checkbox", name="observeren")).to_be_visible()
    expect(page.get_by_role("checkbox", name="emoties")).to_be_hidden()
    page.get_by_label("Bak", exact=True).select_option("proef")

    page.get_by_label("Titel", exact=True).fill("Samen in gesprek")
    expect(titel).to_be_empty()
    expect(page.locator("#veld-titel")).not_to_have_attribute("aria-invalid", "true")

    page.get_by_label("Andere tags", exact=True).fill("emotei")
    expect(field_messages(page, "tags")).to_contain_text("bedoel je 'emoties'?")
    expect(page.locator("#veld-andere-tags")).to_have_attribute("aria-invalid", "true")
    page.get_by_label("Andere tags", exact=True).fill("")
    page.get_by_role("checkbox", name="emoties").check()
    page.get_by_role("checkbox", name="contact met ouders").check()
    expect(field_messages(page, "tags")).to_be_empty()

    tekst = page.get_by_label("Tekst", exact=True)
    tekst.fill(BODY.replace("Wat wil je nog vragen?", "Vertel wat je nog wilt vragen."))
    expect(field_messages(page, "tekst")).to_contain_text("regel 9: de vraag 'Vertel wat je nog wilt vragen.' eindigt niet op een vraagteken")
    expect(field_messages(page, "tekst")).not_to_contain_text("voorbeeldtekst")
    page.get_by_role("link", name="Tekst, regel 9").click()  # the problem's line, with the cursor at its start
    assert page.evaluate("document.activeElement.value.slice(document.activeElement.selectionStart).split('\\n')[0]") == "- Vertel wat je nog wilt vragen."
    tekst.fill(BODY)
    expect(field_messages(page, "tekst")).to_be_empty()
    expect(page.locator("[data-werkplaats-status]")).to_have_text("Geen problemen gevonden")
    expect(page.locator("[data-werkplaats-uitslag] ol.vragen > li")).to_have_count(3)

    with page.expect_download() as download:
        page.get_by_role("button", name="Kaart downloaden").click()
    assert download.value.suggested_filename == "samen-in-gesprek.md"
    download.value.save_as(decks.root / "proef" / "samen-in-gesprek.md")

    preview = page.locator("[data-werkplaats-uitslag] article.kaart")
    preview_text, preview_prompts = preview.inner_text(), preview.locator("ol.vragen").inner_html()
    preview_back = page.locator("[data-werkplaats-uitslag] .a6.achterkant").inner_html()
    site = browser.new_context(java_script_enabled=False).new_page()  # the page as served, before its scripts add tools
    site.goto(page.base_url + "/kaart/samen-in-gesprek")
    card = site.locator("main article.kaart")
    assert card.inner_text() == preview_text
    assert card.locator("ol.vragen").inner_html() == preview_prompts
    site.goto(page.base_url + "/afdrukken?kaart=samen-in-gesprek")
    assert site.locator(".a6.achterkant[data-slug]").first.inner_html() == preview_back
    site.context.close()


def test_the_bewerken_link_opens_the_card_filled_in(decks, page):
    decks.write("proef/bestaand.md", "---\ntitel: Bestaand\ntags: [emotie]\n---\n" + BODY)
    page.goto(page.base_url + "/kaart/bestaand")
    page.get_by_role("contentinfo").get_by_role("link", name="Deze kaart bewerken").click()
    expect(page.get_by_label("Titel", exact=True)).to_have_value("Bestaand")
    expect(page.get_by_role("checkbox", name="emoties")).to_be_checked()  # the synonym, as the tag it stands for
    expect(page.get_by_label("Tekst", exact=True)).to_have_value(BODY)
    expect(page.locator("[data-werkplaats-uitslag]")).to_contain_text("Geen problemen gevonden")


def test_kopieren_puts_the_file_on_the_clipboard(decks, browser, live_server):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(live_server + "/werkplaats")
    page.get_by_label("Titel", exact=True).fill("Op het klembord")
    expect(page.locator("[data-bestand]")).to_have_value(re.compile("^---\ntitel: Op het klembord\n"))
    page.get_by_role("button", name="Kopiëren").click()
    expect(page.locator("[data-werkplaats-status]")).to_contain_text("op het klembord")
    assert page.evaluate("navigator.clipboard.readText()") == page.locator("[data-bestand]").input_value()
    context.close()


def test_without_javascript_the_form_posts_and_shows_the_same(decks, browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + "/werkplaats")
    expect(page.get_by_role("button", name="Kopiëren")).to_be_hidden()
    page.get_by_label("Titel", exact=True).fill("Zonder script")
    page.get_by_label("Andere tags", exact=True).fill("emotei")
    page.get_by_role("button", name="Controleren").click()
    expect(field_messages(page, "tags")).to_contain_text("bedoel je 'emoties'?")
    expect(page.get_by_label("Titel", exact=True)).to_have_value("Zonder script")
    with page.expect_download() as download:
        page.get_by_role("button", name="Kaart downloaden").click()
    assert download.value.suggested_filename == "zonder-script.md"
    context.close()


def test_script_in_every_field_never_runs_in_the_preview(decks, browser, live_server):
    context, page, dialogs = watched_page(browser)
    page.goto(live_server + "/werkplaats")
    page.locator("details.meer-velden > summary").click()
    for label in ("Titel", "Samenvatting", "Andere tags", "Voor de begeleider", "Nummer", "Rollen", "Vierde speler"):
        page.get_by_label(label, exact=True).fill(XSS)
    page.get_by_label("Andere tags", exact=True).fill("emoties")  # a known tag, so the card renders with the rest
    page.get_by_label("Soort", exact=True).select_option("scenario")
    page.get_by_label("Nummer", exact=True).fill("1")
    page.get_by_label("Tekst", exact=True).fill(
        f"{XSS}\n\n[klik](javascript:window.gehackt=1)\n\n## Stof tot nadenken\n\n- Vraag <script>window.gehackt=1</script>?\n"
        "  - Doorvraag <img src=x onerror=window.gehackt=1>?\n"
    )
    expect(field_messages(page, "rollen")).to_contain_text(XSS)  # the problem quotes it, as text
    for label in ("Rollen", "Vierde speler"):  # no file name holds a "/": clear them, so the card renders
        page.get_by_label(label, exact=True).fill("")
    preview = page.locator("[data-werkplaats-uitslag] article.kaart")
    expect(preview.locator(".samenvatting")).to_have_text(XSS)
    for link in page.locator("[data-werkplaats-uitslag] a[href^='javascript']").all():
        link.click(no_wait_after=True)
    assert page.evaluate("window.gehackt") is None
    assert page.evaluate("window.__csp") == [] and dialogs == []
    assert re.search(r"<script>window", preview.inner_html()) is None
    context.close()

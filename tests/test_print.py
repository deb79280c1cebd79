"""Printing: A6 cards four to a sheet, backs behind their fronts, long backs never cut off."""

import os
import re
import shutil
import subprocess
import threading

import pytest
from waitress.server import create_server

from kaartenbak.printing import printed_cards, sheets
from kaartenbak.store import CardStore

from .conftest import SHIPPED_KAARTEN


def long_prompts(count):
    return "## Stof tot nadenken\n\n" + "".join(
        f"- Vraag nummer {i} met een flink aantal woorden erin om de regel te vullen en meer?\n"
        f"  - Een doorvraag die ook niet heel kort is, zodat het opvalt?\n  - Nog een doorvraag?\n"
        for i in range(1, count + 1)
    )


def test_backs_are_mirrored_for_a_long_edge_flip(kaarten):
    for i in range(1, 4):
        kaarten.card(f"k{i}", nummer=i)
    cards = CardStore(kaarten.root).collection
    [sheet] = sheets(cards)
    assert [p.card.slug if p else None for p in sheet.fronts] == ["k1", "k2", "k3", None]
    assert [p.card.slug if p else None for p in sheet.backs] == ["k2", "k1", None, "k3"]


@pytest.mark.parametrize("count, parts", [(1, 1), (6, 1), (25, 3)])
def test_a_long_back_continues_on_another_card_with_every_prompt_once(kaarten, count, parts):
    kaarten.card("lang", body=long_prompts(count))
    card = CardStore(kaarten.root).collection.get("lang")
    pieces = printed_cards(card)
    assert len(pieces) >= parts and [p.part for p in pieces] == list(range(1, len(pieces) + 1))
    assert [number for piece in pieces for number, _ in piece.prompts] == list(range(1, count + 1))


def test_print_page_offers_the_cards_of_the_selection(client, kaarten):
    kaarten.card("een", titel="Een", tags="[emoties]")
    kaarten.card("twee", titel="Twee", tags="[reflectie]")
    page = client.get("/afdrukken?tag=emoties").get_data(as_text=True)
    assert 'data-slug="een"' in page and 'data-slug="twee"' not in page
    assert "1 kaart op 1 vel A4 (2 pagina's)" in page
    assert 'data-slug="twee"' in client.get("/afdrukken?kaart=twee").get_data(as_text=True)


@pytest.fixture
def shipped_server(shipped_app):
    server = create_server(shipped_app, host="127.0.0.1", port=0, threads=4)
    threading.Thread(target=server.run, daemon=True).start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()


@pytest.mark.browser
def test_the_deck_prints_to_the_expected_pages_with_every_prompt(browser, shipped_server, tmp_path):
    if shutil.which("pdftotext") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but pdftotext (poppler-utils) is missing")
        pytest.skip("pdftotext (poppler-utils) is not installed")
    deck = [card for card in CardStore(SHIPPED_KAARTEN).collection if card.bak == "ouderbetrokkenheid"]
    page = browser.new_page()
    page.goto(shipped_server + "/afdrukken?bak=ouderbetrokkenheid")
    page.emulate_media(media="print")
    overflowing = page.evaluate("[...document.querySelectorAll('.a6')].filter(e => e.scrollHeight > e.clientHeight + 1).map(e => e.dataset.slug)")
    assert overflowing == []
    pdf = tmp_path / "kaarten.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    page.close()

    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) == 2 * len(sheets(deck))
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    missing = [prompt.text for card in deck for prompt in card.prompts if prompt.text not in text]
    assert missing == []

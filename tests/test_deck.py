"""The decks we ship: complete, free of warnings, and spelled correctly."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from kaartenbak.store import CardStore

KAARTEN = Path(__file__).resolve().parent.parent / "kaarten"
WOORDENLIJST = Path(__file__).resolve().parent / "woordenlijst.txt"
TITELS = [
    "Ouderbetrokkenheid", "Contact met ouders", "Ken je leerlingen", "Ken de achtergrond van je leerlingen",
    "Oudergesprekken voorbereiden", "Social media", "Soorten oudergesprekken", "Verslaglegging oudergesprekken",
    "Interculturele communicatie 1", "Interculturele communicatie 2",
]


@pytest.fixture(scope="module")
def cards():
    return CardStore(KAARTEN).collection


def test_shipped_cards_load_without_errors_or_warnings(cards):
    assert [str(problem) for problem in cards.problems] == []


def test_ouderbetrokkenheid_has_the_ten_cards_in_order(cards):
    deck = [card for card in cards if card.bak == "ouderbetrokkenheid"]
    assert [(card.nummer, card.titel) for card in deck] == list(enumerate(TITELS, start=1))
    for card in deck:
        assert card.samenvatting and card.begeleider, card.slug
        assert 6 <= len(card.prompts) <= 10, card.slug
        assert all(1 <= len(prompt.doorvragen) <= 3 for prompt in card.prompts), card.slug
        assert "Aan de slag" in card.html and "Bronnen" in card.html, card.slug


def test_practice_deck_has_scenarios_roles_and_an_observer(cards):
    soorten = [card.soort for card in cards if card.bak == "oudergesprekken-oefenen"]
    assert soorten.count("scenario") >= 8
    assert soorten.count("rol") >= 6
    assert soorten.count("observatie") == 1


def test_every_prompt_and_doorvraag_is_a_question(cards):
    for card in cards:
        for prompt in card.prompts:
            assert prompt.text.endswith("?"), (card.slug, prompt.text)
            assert all(doorvraag.endswith("?") for doorvraag in prompt.doorvragen), (card.slug, prompt.doorvragen)


def visible_text(cards):
    """Yield (where, text) for everything a reader sees: card fields, bodies and deck descriptions."""
    for bak in cards.bakken.values():
        yield f"{bak.slug}/_bak.yml", " ".join((bak.naam, bak.beschrijving, *bak.vocabulary))
    for card in cards:
        yield card.path, " ".join((card.titel, card.samenvatting, card.begeleider, *card.tags, card.text))


def test_cards_are_spelled_correctly(cards):
    if shutil.which("hunspell") is None or not Path("/usr/share/hunspell/nl_NL.dic").exists():
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but hunspell with hunspell-nl is missing")
        pytest.skip("hunspell with the Dutch dictionary (hunspell-nl) is not installed")
    mistakes = {}
    for where, text in visible_text(cards):
        result = subprocess.run(
            ["hunspell", "-d", "nl_NL", "-p", str(WOORDENLIJST), "-l"],
            input=text, capture_output=True, text=True, check=True,
        )
        if result.stdout.split():
            mistakes[where] = sorted(set(result.stdout.split()))
    assert mistakes == {}, "unknown words (fix them, or add real names and terms to tests/woordenlijst.txt)"

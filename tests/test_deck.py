"""The decks we ship: complete, free of warnings, and spelled correctly."""

import re
from pathlib import Path

import pytest

from kaartenbak.render import plain_text
from kaartenbak.store import CardStore

from .seed_ngrams import HASHES, ngram_hashes
from .spelling import require_hunspell, unknown_words

KAARTEN = Path(__file__).resolve().parent.parent / "kaarten"
TITELS = [
    "Ouderbetrokkenheid", "Contact met ouders", "Ken je leerlingen", "Ken de achtergrond van je leerlingen",
    "Oudergesprekken voorbereiden", "Sociale media", "Soorten oudergesprekken", "Verslaglegging oudergesprekken",
    "Interculturele communicatie 1", "Interculturele communicatie 2", "Emoties in oudergesprekken",
]


@pytest.fixture(scope="module")
def cards():
    return CardStore(KAARTEN).collection


def test_shipped_cards_load_without_errors_or_warnings(cards):
    """Not even a warning: every card fits one printed card, every tag is in its deck's vocabulary."""
    assert [str(problem) for problem in cards.problems] == []


def test_ouderbetrokkenheid_has_the_eleven_cards_in_order(cards):
    deck = [card for card in cards if card.bak == "ouderbetrokkenheid"]
    assert [(card.nummer, card.titel) for card in deck] == list(enumerate(TITELS, start=1))
    for card in deck:
        assert card.samenvatting and card.begeleider, card.slug
        assert 6 <= len(card.prompts) <= 7, card.slug
        assert all(1 <= len(prompt.doorvragen) <= 3 for prompt in card.prompts), card.slug
        assert "Aan de slag" in card.html and "Bronnen" in card.html, card.slug


def test_lastige_situaties_has_ten_reflection_cards_in_the_same_structure(cards):
    deck = [card for card in cards if card.bak == "lastige-situaties"]
    assert [card.nummer for card in deck] == list(range(1, 11))
    for card in deck:
        assert card.soort == "reflectie" and card.samenvatting and card.begeleider, card.slug
        assert 6 <= len(card.prompts) <= 7, card.slug
        assert "Aan de slag" in card.html and "Bronnen" in card.html, card.slug


def test_practice_deck_has_scenarios_with_their_own_roles_and_one_observer(cards):
    deck = [card for card in cards if card.bak == "oudergesprekken-oefenen"]
    scenarios = [card for card in deck if card.soort == "scenario"]
    roles = {card.slug for card in deck if card.soort == "rol"}
    assert len(scenarios) >= 14 and len(roles) >= 14
    assert [card.soort for card in deck].count("observatie") == 1
    for scenario in scenarios:
        assert scenario.rollen and set(scenario.rollen) <= roles, scenario.slug
        assert set(scenario.vierde_speler) <= roles, scenario.slug
    assert len([scenario for scenario in scenarios if scenario.vierde_speler]) >= 4  # a second parent or the pupil


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
    require_hunspell()
    mistakes = {where: unknown_words(text) for where, text in visible_text(cards)}
    assert {where: words for where, words in mistakes.items() if words} == {}, (
        "unknown words (fix them, or add real names and terms to tests/woordenlijst.txt)"
    )


def without_references(html):
    """A card's HTML without its Bronnen section: a reference gives a source's full title, which a seed may quote too."""
    return re.sub(r"<h2>Bronnen</h2>.*?(?=<h2>|$)", "", html, flags=re.S)


def test_no_run_of_eight_words_is_taken_from_the_seed_texts(cards):
    seeds = set(HASHES.read_text(encoding="utf-8").split())
    texts = dict(visible_text(cards))
    texts.update({card.path: " ".join((card.titel, card.samenvatting, card.begeleider, plain_text(without_references(card.html))))
                  for card in cards})
    copied = {where: len(ngram_hashes(text) & seeds) for where, text in texts.items()}
    assert {where: runs for where, runs in copied.items() if runs} == {}, "write these passages in your own words"

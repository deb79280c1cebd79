"""Search: accents and case ignored, Dutch word forms and compounds match, titles rank first."""

import pytest

from kaartenbak.search import fold, query_stem, terms
from kaartenbak.store import CardStore


def test_fold_removes_case_and_accents():
    assert fold("Geïnitieerd ÉÉN") == "geinitieerd een"


def test_word_forms_share_a_stem():
    assert terms("oudergesprekken") == terms("oudergesprek")


@pytest.fixture
def cards(kaarten):
    kaarten.card("titel", titel="Het oudergesprek", body="Over iets anders.\n")
    kaarten.card("tekst", titel="Verslag", body="Wie heeft het gesprek geïnitieerd? Oudergesprekken plannen.\n")
    kaarten.card("los", titel="Social media", body="Berichten op Instagram.\n")
    return CardStore(kaarten.root, check_interval=0).collection


@pytest.mark.parametrize(
    "query, expected",
    [
        ("geinitieerd", ["tekst"]),
        ("GEÏNITIEERD", ["tekst"]),
        ("oudergesprekken", ["titel", "tekst"]),  # the title hit ranks first
        ("gesprek", ["titel", "tekst"]),  # part of a compound word
        ("instagram berichten", ["los"]),
        ("instagram oudergesprek", []),  # every word must match
        ("!!!", []),
    ],
)
def test_search_finds_and_ranks(cards, query, expected):
    assert [card.slug for card in cards.select(query=query).cards] == expected


@pytest.mark.parametrize(
    "word, expected",
    [
        ("gesprek", "sprek"),  # a known word: its own stem
        ("gesprekken", "sprek"),  # a known word it starts with, a few letters shorter
        ("oudergesprek", "oudersprek"),  # a known word that starts with it, a few letters longer
        ("ouderavond", "ouderavond"),  # 'ouder' is too far off: the word stays as it is
        ("deadlines", "deadlines"),
    ],
)
def test_query_words_are_stemmed_from_the_words_of_the_cards(word, expected):
    stems = {"gesprek": "sprek", "oudergesprekken": "oudersprek", "ouder": "ouder", "de": "de"}
    assert query_stem(word, stems, sorted(stems)) == expected


def test_a_query_finds_a_longer_form_the_cards_use(kaarten):
    kaarten.card("lang", titel="Verslag", body="Oudergesprekken plannen.\n")
    cards = CardStore(kaarten.root, check_interval=0).collection
    assert [card.slug for card in cards.select(query="oudergesprek").cards] == ["lang"]

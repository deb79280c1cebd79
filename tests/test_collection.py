"""The collection: ordering, filters by tag and deck, tag counts and neighbours."""

import pytest

from kaartenbak.collection import Collection, InconsistentCollection
from kaartenbak.store import CardStore


@pytest.fixture
def cards(kaarten):
    kaarten.card("b", titel="B", nummer=2, tags="[emoties, reflectie]")
    kaarten.card("a", titel="A", nummer=1, tags="[emoties]")
    kaarten.card("c", titel="C", tags="[reflectie]")
    kaarten.card("z", bak="anders", titel="Z", nummer=1, tags="[emoties]")
    return CardStore(kaarten.root, check_interval=0).collection


def slugs(selection):
    return [card.slug for card in selection.cards]


def test_cards_are_ordered_by_deck_then_nummer(cards):
    assert [card.slug for card in cards] == ["z", "a", "b", "c"]


@pytest.mark.parametrize(
    "tags, bak, expected",
    [
        (["emoties"], "", ["z", "a", "b"]),
        (["emoties", "reflectie"], "", ["b"]),
        (["Emoties "], "", ["z", "a", "b"]),
        (["bestaat-niet"], "", []),
        ([], "proef", ["a", "b", "c"]),
        (["emoties"], "anders", ["z"]),
    ],
)
def test_filters_combine(cards, tags, bak, expected):
    assert slugs(cards.select(tags=tags, bak=bak)) == expected


def test_tag_counts_are_within_the_selection(cards):
    assert dict(cards.select(bak="proef").tag_counts) == {"emoties": 2, "reflectie": 2}


def test_neighbours_stay_within_the_deck(cards):
    assert cards.neighbours(cards.get("a")) == (None, cards.get("b"))
    assert cards.neighbours(cards.get("z")) == (None, None)


@pytest.mark.parametrize(
    "without",
    [
        lambda cards: {"cards": cards.cards, "bakken": {"proef": cards.bakken["proef"]}},  # a card's deck is missing
        lambda cards: {"bakken": {}, "images": {("anders", "schets.png")}},  # an image's deck is missing
    ],
)
def test_a_collection_whose_cards_or_images_have_no_deck_cannot_be_made(cards, without):
    with pytest.raises(InconsistentCollection):
        Collection(**without(cards))

"""Search on the real decks, with queries as students type them: the card they mean is among the first three."""

import pytest

from kaartenbak.store import CardStore

from .conftest import SHIPPED_KAARTEN
from .relevance import RELEVANCE, first_three


@pytest.fixture(scope="module")
def cards():
    return CardStore(SHIPPED_KAARTEN).collection


@pytest.mark.parametrize("query, expected", RELEVANCE, ids=[query for query, _ in RELEVANCE])
def test_the_card_meant_is_among_the_first_three(cards, query, expected):
    assert set(expected) <= set(first_three(cards, query))

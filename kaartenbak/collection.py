"""The collection: every card and deck in memory, with indexes for filters and search."""

import threading
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from .bak import Bak
from .card import Card
from .names import card_slug
from .problems import Problem
from .search import WORD, SearchIndex, fold


@dataclass(frozen=True)
class Selection:
    """The cards that match a filter, with the tag counts within them."""

    cards: tuple[Card, ...]
    tag_counts: tuple[tuple[str, int], ...]
    tags: tuple[str, ...] = ()
    bak: str = ""
    query: str = ""
    hits: tuple[frozenset[str], ...] = ()  # per query word, the terms it matched: what a snippet marks
    left_out: tuple[str, ...] = ()  # query words no card holds, searched without
    suggestion: str = ""  # the query with each left-out word replaced by the word it probably meant
    tag_offer: str = ""  # the tag the query names, to offer as a filter


@dataclass(frozen=True)
class TagUsage:
    """One tag of a deck's vocabulary: its synonyms and how many of the deck's cards carry it."""

    tag: str
    synonyms: tuple[str, ...]
    count: int


class InconsistentCollection(ValueError):
    """Cards or images whose deck is not in the collection: such a collection is never published."""


@dataclass
class Collection:
    """All loaded cards and decks; immutable once built, replaced whole on reload, and whole-or-nothing."""

    cards: tuple[Card, ...] = ()
    bakken: dict[str, Bak] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()
    images: frozenset[tuple[str, str]] = frozenset()  # (deck, file name) of every image the site serves

    def __post_init__(self):
        orphans = {card.bak for card in self.cards} | {bak for bak, _ in self.images}
        if not orphans <= self.bakken.keys():  # every page looks up the deck of what it shows
            raise InconsistentCollection(f"no deck {', '.join(sorted(orphans - self.bakken.keys()))}")
        self.cards = tuple(sorted(self.cards, key=lambda card: card.sort_key))
        self._by_slug = {card.slug: card for card in self.cards}
        self._position = {card.slug: index for index, card in enumerate(self.cards)}
        self._by_tag = {}
        self._tagged: dict[str, list[Card]] = {}  # in collection order, so a filter need not pass every card
        self._in_bak: dict[str, list[Card]] = {}
        for card in self.cards:
            for tag in card.tags:
                self._by_tag.setdefault(tag, set()).add(card.slug)
                self._tagged.setdefault(tag, []).append(card)
            self._in_bak.setdefault(card.bak, []).append(card)
        self._tag_counts = _tag_counts(self.cards)  # of the whole collection, the most asked for
        self._search: SearchIndex | None = None
        self._search_lock = threading.Lock()

    @property
    def search_index(self) -> SearchIndex:
        """Built on first use rather than with the collection, so a start answers sooner.

        At 10,000 cards it takes about a second; the store builds it straight after a change, in
        the background. A search that comes first waits for that one build instead of starting another.
        """
        if self._search is None:
            with self._search_lock:
                if self._search is None:
                    self._search = SearchIndex(self.cards, synonyms=self.synonyms)  # positions are those of self.cards
        return self._search

    def __getstate__(self):
        """Pickle without the search index: it is quick to rebuild, and a thread may be adding it meanwhile."""
        state = self.__dict__.copy()  # one step, so a thread adding the index cannot change it under pickle
        del state["_search_lock"]
        state["_search"] = None
        return state

    def __setstate__(self, state):
        self.__dict__.update(state, _search_lock=threading.Lock())

    def __iter__(self):
        return iter(self.cards)

    def __len__(self):
        return len(self.cards)

    def get(self, slug: str) -> Card | None:
        """Return the card with this slug, or None."""
        return self._by_slug.get(card_slug(slug))  # a URL typed in NFC reaches a card saved in NFD, and back

    @property
    def error_count(self) -> int:
        return sum(1 for problem in self.problems if problem.level == "fout")

    def synonyms(self, card: Card) -> dict[str, tuple[str, ...]]:
        """Per tag of the card, the other words its deck has for it: searching 'whatsapp' finds the cards tagged 'sociale media'."""
        bak = self.bakken.get(card.bak)
        return {tag: bak.synonyms(tag) for tag in card.tags} if bak else {}

    @cached_property
    def tag_words(self) -> dict[str, str]:
        """Every tag, and every synonym in a deck's vocabulary, folded -> its tag; a tag's own name wins over a synonym."""
        words = {fold(word): tag for bak in self.bakken.values() for word, tag in bak.vocabulary.items()}
        return words | {fold(tag): tag for tag in self._by_tag}

    def all_tags(self) -> list[str]:
        """Every tag that some card uses, alphabetically."""
        return sorted(self._by_tag)

    def tag_usage(self, bak: str) -> list[TagUsage]:
        """The deck's vocabulary in its own order, then tags used outside it, each with its card count."""
        counts = Counter(tag for card in self.cards if card.bak == bak for tag in card.tags)
        deck = self.bakken[bak]
        tags = dict.fromkeys((*deck.tags, *sorted(counts)))
        return [TagUsage(tag, deck.synonyms(tag), counts[tag]) for tag in tags]

    def neighbours(self, card: Card) -> tuple[Card | None, Card | None]:
        """Return the previous and next card of the same deck."""
        index = self._position[card.slug]
        before = self.cards[index - 1] if index > 0 else None
        after = self.cards[index + 1] if index + 1 < len(self.cards) else None
        return (
            before if before and before.bak == card.bak else None,
            after if after and after.bak == card.bak else None,
        )

    def select(self, tags=(), bak: str = "", query: str = "") -> Selection:
        """Return the cards carrying all ``tags``, in deck ``bak``, matching ``query``."""
        tags = tuple(dict.fromkeys(" ".join(tag.lower().split()) for tag in tags if tag.strip()))
        query = " ".join(query.split())
        # start from the fewest cards: the matches of the query, the rarest tag's cards or the deck's
        found = None
        if query:  # best first; equal ranks keep the collection's order
            found = self.search_index.search(query)  # the index holds the cards in this collection's order
            ranks = found.ranks
            cards = [self.cards[position] for position in sorted(ranks, key=lambda position: (-ranks[position], position))]
        elif tags:
            cards = min((self._tagged.get(tag, []) for tag in tags), key=len)
        else:
            cards = self._in_bak.get(bak, []) if bak else self.cards
        if tags:
            slugs = set.intersection(*(self._by_tag.get(tag, set()) for tag in tags))
            cards = [card for card in cards if card.slug in slugs]
        if bak:
            cards = [card for card in cards if card.bak == bak]
        return Selection(
            cards=tuple(cards),
            tag_counts=self._tag_counts if cards is self.cards else _tag_counts(cards),
            tags=tags, bak=bak, query=query,
            **(_search_notes(found, query, self.tag_words, tags) if found else {}),
        )


def _search_notes(found, query: str, tag_words: dict[str, str], tags) -> dict:
    """What the overview tells about a query: the words marked, left out or probably meant, and a tag it names."""
    suggestion = ""
    if found.suggestions:
        suggestion = " ".join(found.suggestions.get(word, word) for word in WORD.findall(fold(query)))
    offer = tag_words.get(" ".join(WORD.findall(fold(query))), "")
    return {
        "hits": found.hits, "left_out": found.left_out, "suggestion": suggestion,
        "tag_offer": offer if offer not in tags else "",
    }


def _tag_counts(cards) -> tuple[tuple[str, int], ...]:
    """How many of the cards carry each tag, most used first."""
    counts = Counter(tag for card in cards for tag in card.tags)
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))

"""Dutch search: case and accents ignored, word forms stemmed, title and tag hits first."""

import bisect
import itertools
import re
import unicodedata
from array import array
from collections import defaultdict
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"\w+")
NOT_ASCII = re.compile(r"[^\x00-\x7f]+")
_stemmer = snowballstemmer.stemmer("dutch")


def _strip_marks(match: re.Match) -> str:
    return "".join(char for char in match.group() if not unicodedata.combining(char))


def fold(text: str) -> str:
    """Lower-case and strip diacritics, so 'geïnitieerd' and 'geinitieerd' are one word."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    # only the few non-ASCII runs need a look at each character
    return NOT_ASCII.sub(_strip_marks, decomposed)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Return the Dutch stem of a folded word, so 'oudergesprekken' matches 'oudergesprek'."""
    return _stemmer.stemWord(word)


def terms(text: str) -> list[str]:
    """Split text into folded, stemmed search terms."""
    return [stem(word) for word in WORD.findall(fold(text))]


def _stem_words(text: str) -> dict[str, str]:
    """Folded word -> stem, for every word of a text."""
    return {word: stem(word) for word in set(WORD.findall(fold(text)))}


# An inflected query word the collection lacks ('gesprekken' where cards only say 'gesprek', or
# the other way round) is at most this many letters longer or shorter than the word it stems like.
SUFFIX_MAX = 3


def query_stem(word: str, stems: dict[str, str], known: list[str]) -> str:
    """Stem a folded query word from the collection's own words, by the rule static/statisch.js repeats.

    A known word takes its stem. An unknown one takes the stem of the nearest known word that it
    starts with, or that starts with it, at most SUFFIX_MAX letters apart: at each distance the
    shorter word first, then the first longer one in code point order. Failing that it stays as
    it is (and may still match as part of a compound). The browser of the static export knows
    only the words of the cards, so Python stems queries this way too and both agree by
    construction. ``known`` is ``sorted(stems)``.
    """
    start = bisect.bisect_left(known, word)
    longer = {}
    for other in itertools.islice(known, start, None):
        if not other.startswith(word):
            break
        longer.setdefault(len(other) - len(word), other)
    for distance in range(SUFFIX_MAX + 1):
        if distance < len(word) and word[:len(word) - distance] in stems:
            return stems[word[:len(word) - distance]]
        if distance and distance in longer:
            return stems[longer[distance]]
    return word


def _bitset(positions: list[int], size: int) -> int:
    """Return an int whose bit ``p`` is set for every position ``p``."""
    digits = bytearray(b"0") * size  # lowest bit first, reversed below
    for position in positions:
        digits[position] = 49  # ord("1")
    digits.reverse()
    return int(digits, 2)


def _positions(bits: int) -> list[int]:
    """Return the positions of the set bits, lowest first."""
    digits = bin(bits)[:1:-1]
    found, index = [], digits.find("1")
    while index != -1:
        found.append(index)
        index = digits.find("1", index + 1)
    return found


class SearchIndex:
    """An inverted index built once at load: per term, the set of cards (as bits) that contain it.

    Bits keep the index small (a few MB at 10,000 cards) and make 'all terms must match' a
    handful of integer ANDs instead of a pass over every card.
    """

    TITLE_WEIGHT = 3
    MAX_EXPANSIONS = 4096
    COMPOUND_MIN = 3  # a query term this long also matches the longer stems that contain it

    def __init__(self, cards):
        self._slugs = [card.slug for card in cards]
        # positions as 4-byte machine ints: lists of Python ints took more memory than the index itself
        title, body = defaultdict(lambda: array("I")), defaultdict(lambda: array("I"))
        self.stems: dict[str, str] = {}  # every folded word of the cards -> its stem; queries are stemmed from it
        for position, card in enumerate(cards):
            for text, index in ((" ".join((card.titel, *card.tags)), title), (" ".join((card.samenvatting, card.text)), body)):
                words = _stem_words(text)
                self.stems.update(words)
                for term in set(words.values()):
                    index[term].append(position)
        size = len(self._slugs)
        self._title = {term: _bitset(positions, size) for term, positions in title.items()}
        self._body = {term: _bitset(positions, size) for term, positions in body.items()}
        self._vocabulary = tuple(self._title.keys() | self._body.keys())
        self._expansions: dict[str, tuple[str, ...]] = {}
        self._known: list[str] | None = None  # the words of the cards, sorted, once a query needs them

    def _expand(self, term: str) -> tuple[str, ...]:
        """Dutch compounds: 'gesprek' also finds the stems that contain it, like 'oudergesprek'."""
        if len(term) < self.COMPOUND_MIN:
            return (term,)
        found = self._expansions.get(term)
        if found is None:
            if len(self._expansions) >= self.MAX_EXPANSIONS:
                self._expansions.clear()
            found = self._expansions[term] = tuple(word for word in self._vocabulary if term in word)
        return found

    def scores(self, query: str) -> dict[str, int]:
        """Return slug -> score for every card that matches all query terms."""
        wanted = [self._expand(term) for term in dict.fromkeys(self.query_terms(query))]
        if not wanted:
            return {}
        matching, in_title = -1, []
        for options in wanted:
            title = body = 0
            for word in options:
                title |= self._title.get(word, 0)
                body |= self._body.get(word, 0)
            matching &= title | body
            in_title.append(title)
        if matching <= 0:
            return {}
        found = dict.fromkeys(_positions(matching), len(wanted))
        for title in in_title:
            for position in _positions(title & matching):
                found[position] += self.TITLE_WEIGHT - 1
        return {self._slugs[position]: score for position, score in found.items()}

    def query_terms(self, query: str) -> list[str]:
        """Split a query into terms, each word stemmed by ``query_stem``."""
        if self._known is None:
            self._known = sorted(self.stems)
        return [query_stem(word, self.stems, self._known) for word in WORD.findall(fold(query))]

    def card_terms(self) -> dict[str, tuple[list[str], list[str]]]:
        """Per slug, its title-and-tag terms and its body terms, sorted: what the static export searches."""
        found = {slug: ([], []) for slug in self._slugs}
        for part, index in enumerate((self._title, self._body)):
            for term in sorted(index):
                for position in _positions(index[term]):
                    found[self._slugs[position]][part].append(term)
        return found

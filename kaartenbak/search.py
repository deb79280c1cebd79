"""Dutch search: case and accents ignored, word forms stemmed, title and tag hits first."""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"\w+")
_stemmer = snowballstemmer.stemmer("dutch")


def fold(text: str) -> str:
    """Lower-case and strip diacritics, so 'geïnitieerd' and 'geinitieerd' are one word."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Return the Dutch stem of a folded word, so 'oudergesprekken' matches 'oudergesprek'."""
    return _stemmer.stemWord(word)


def terms(text: str) -> list[str]:
    """Split text into folded, stemmed search terms."""
    return [stem(word) for word in WORD.findall(fold(text))]


class SearchIndex:
    """Terms per card, built once at load; a query ranks title and tag hits first."""

    TITLE_WEIGHT = 3

    def __init__(self, cards):
        self._title = {}
        self._body = {}
        for card in cards:
            self._title[card.slug] = frozenset(terms(" ".join((card.titel, *card.tags))))
            self._body[card.slug] = frozenset(terms(" ".join((card.samenvatting, card.text))))
        self._vocabulary = frozenset().union(*self._title.values(), *self._body.values())

    def _expand(self, term: str) -> frozenset[str]:
        """Dutch compounds: 'gesprek' also finds the stems that contain it, like 'oudergesprek'."""
        if len(term) < 3:
            return frozenset((term,))
        return frozenset(word for word in self._vocabulary if term in word)

    def scores(self, query: str) -> dict[str, int]:
        """Return slug -> score for every card that matches all query terms."""
        wanted = [self._expand(term) for term in dict.fromkeys(terms(query))]
        if not wanted:
            return {}
        found = {}
        for slug, title in self._title.items():
            body = self._body[slug]
            score = 0
            for options in wanted:
                if title & options:
                    score += self.TITLE_WEIGHT
                elif body & options:
                    score += 1
                else:
                    break
            else:
                found[slug] = score
        return found

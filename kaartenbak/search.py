"""Dutch search: case and accents ignored, word forms and compounds matched, ranked by field-weighted BM25.

The rules here are the rules of the static export too: web/export.py hands the browser the stem
map, the weights and the numbers below, and static/statisch.js only adds them up the same way.
"""

import bisect
import gc
import itertools
import math
import re
import unicodedata
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

WORD = re.compile(r"\w+")
NOT_ASCII = re.compile(r"[^\x00-\x7f]+")
_stemmer = snowballstemmer.stemmer("dutch")

# How much a word counts in each field of a card: a student means a card's subject (its title, its
# tags and their synonyms, its summary) more than a passage that mentions the word in passing.
# The prompts are part of the body too, so a word in a prompt counts for both.
FIELDS = {"titel": 6.0, "tags": 4.5, "samenvatting": 4.0, "vragen": 1.0, "tekst": 1.0}
K1 = 1.2  # BM25's usual saturation
# BM25's usual length normalisation, but none for tags: a tag is a label, and a card with more tags
# (and so more synonyms) is not less about each of them.
B = {"titel": 0.75, "tags": 0.0, "samenvatting": 0.75, "vragen": 0.75, "tekst": 0.75}
SCALE = 1000  # weights are kept as integers, so Python and the browser add them up exactly alike
TITLE_BONUS = 1_000_000  # per query word in a card's title: such a card comes before any other
WORD_RANK = 10**12  # per query word a card holds: more of the words first, whatever the scores
COMPOUND_MIN = 3  # a query word this long also matches the longer words that contain it
MAX_EXPANSIONS = 4096  # expansions kept in memory, per index

# Words a query may hold that say nothing about a card ("wat doe ik bij een boze ouder"); they are
# searched only when the query has no other word. After Snowball's Dutch stop word list, shortened.
STOPWORDS = frozenset("""
aan al als bij dan dat de der deze die dit doe doen door dus een en er ge had heb heeft het hier hij
hoe hun ik in is je jij jou jouw kan kun kunnen maar me met mij mijn moet na naar niet nog nu of om
ons ook op over te tot u uit van veel voor was wat we wel wie wij wil word wordt zal ze zich zij zijn zo zou
""".split())


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


def query_words(query: str) -> list[str]:
    """The folded words of a query that count: without stop words, unless it holds nothing else."""
    words = list(dict.fromkeys(WORD.findall(fold(query))))
    return [word for word in words if word not in STOPWORDS] or words


def card_fields(card, synonyms: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """The text of each field of FIELDS; ``synonyms``: per tag of the card, the other words its deck has for it."""
    return {
        "titel": card.titel,
        "tags": " ".join((*card.tags, *(word for words in synonyms.values() for word in words))),
        "samenvatting": card.samenvatting,
        "vragen": " ".join(text for prompt in card.prompts for text in (prompt.text, *prompt.doorvragen)),
        "tekst": card.text,
    }


SHORT_WORD = 5  # letters: a typo in a word this short may differ in one letter from the word meant, in a longer one in two


def max_typo_distance(word: str) -> int:
    """How many letters a typo may differ from the word meant."""
    return 1 if len(word) <= SHORT_WORD else 2


@dataclass(frozen=True)
class Found:
    """What a query found: each card's rank, and what a student should be told about the words."""

    ranks: dict[int, int]  # card position -> WORD_RANK per query word it holds, plus its score; higher is better
    hits: tuple[frozenset[str], ...] = ()  # per query word that matched: the terms it matched, for marking
    left_out: tuple[str, ...] = ()  # query words that match no card, left out of the search
    suggestions: dict[str, str] | None = None  # a left-out word -> the indexed word it probably meant


class SearchIndex:
    """An inverted index built once per collection: per term, the cards that hold it and how well.

    Each posting is a card's position and its BM25F weight for the term as an integer, in two
    machine arrays: lists of Python ints took more memory than the cards themselves at 10,000 cards.
    """

    def __init__(self, cards, synonyms=lambda card: {}):
        gc.disable()  # the build makes a million small objects and keeps them all: collecting meanwhile made it ten times slower
        try:
            self._build(cards, synonyms)
        finally:
            gc.enable()

    def _build(self, cards, synonyms) -> None:
        """Count words per field, blend the fields into one term frequency per card (BM25F), then weigh by idf."""
        self._slugs = [card.slug for card in cards]
        stems = self.stems = {}  # every folded word of the cards -> its stem; queries are stemmed from it
        words_per_card, lengths = [], {name: [] for name in FIELDS}
        for card in cards:
            fields = {}
            for name, text in card_fields(card, synonyms(card)).items():
                words = WORD.findall(fold(text))
                lengths[name].append(len(words))
                fields[name] = counted = Counter(words)
                for word in counted.keys() - stems.keys():  # stemming is slow: each new word once
                    stems[word] = stem(word)
            words_per_card.append(fields)
        average = {name: (sum(values) / len(values) if values else 0) or 1 for name, values in lengths.items()}
        blended_per_card, frequency, title = [], Counter(), defaultdict(set)
        for position, fields in enumerate(words_per_card):
            blended = {}
            get = blended.get
            for name, counted in fields.items():
                factor = FIELDS[name] / (1 - B[name] + B[name] * lengths[name][position] / average[name])
                for word, count in counted.items():
                    term = stems[word]
                    blended[term] = get(term, 0) + factor * count
            for word in fields["titel"]:
                title[stems[word]].add(position)
            frequency.update(blended.keys())
            blended_per_card.append(blended)
        total = len(self._slugs)
        idf = {term: math.log(1 + (total - df + 0.5) / (df + 0.5)) for term, df in frequency.items()}
        positions, weights = defaultdict(lambda: array("I")), defaultdict(lambda: array("I"))
        for position, blended in enumerate(blended_per_card):
            for term, tf in blended.items():
                positions[term].append(position)
                weights[term].append(round(SCALE * idf[term] * tf / (K1 + tf)) or 1)
        self._postings = {term: (positions[term], weights[term]) for term in positions}
        self._title = {term: frozenset(found) for term, found in title.items()}
        self._vocabulary = tuple(self._postings)
        self._expansions: dict[str, tuple[str, ...]] = {}
        self._known: list[str] | None = None  # the words of the cards, sorted, once a query needs them

    @property
    def known(self) -> list[str]:
        """Every folded word of the cards, sorted: what query words are stemmed from and typos compared with."""
        if self._known is None:
            self._known = sorted(self.stems)
        return self._known

    def expand(self, term: str) -> tuple[str, ...]:
        """The indexed terms a query term matches: itself and, for Dutch compounds, every term that contains it."""
        if len(term) < COMPOUND_MIN:
            return (term,) if term in self._postings else ()
        found = self._expansions.get(term)
        if found is None:
            if len(self._expansions) >= MAX_EXPANSIONS:
                self._expansions.clear()
            found = self._expansions[term] = tuple(word for word in self._vocabulary if term in word)
        return found

    def options(self, word: str) -> tuple[str, ...]:
        """The terms a folded query word matches: those of its stem and, as stemming may change a word's
        end ('kennismaking' -> 'kennismaak'), those that hold the word as typed ('kennismakingsgesprek').
        Failing both, those that hold the word without its last few letters: 'mishandeling' is a word of
        no card, but 'mishandel' is part of 'kindermishandel'."""
        found = tuple(dict.fromkeys((*self.expand(query_stem(word, self.stems, self.known)), *self.expand(word))))
        for cut in range(1, SUFFIX_MAX + 1):
            if found or len(word) - cut < COMPOUND_MIN:
                break
            found = self.expand(word[:-cut])
        return found

    def _word_scores(self, options: tuple[str, ...]) -> dict[int, int]:
        """Per card position, the best weight among a query word's terms, plus the title bonus."""
        postings = sorted((self._postings[term] for term in options), key=lambda posting: -len(posting[0]))
        best = dict(zip(*postings[0]))  # the longest list in one step; a word has mostly one term
        for positions, weights in postings[1:]:
            for position, weight in zip(positions, weights):
                if weight > best.get(position, 0):
                    best[position] = weight
        for position in set().union(*(self._title.get(term, ()) for term in options)):
            best[position] += TITLE_BONUS
        return best

    def search(self, query: str) -> Found:
        """Rank the cards for a query: more of its words first, then the higher score.

        A word that matches no card is left out, with the indexed word it most likely meant.
        """
        matched, left_out = [], []
        for word in query_words(query):
            options = self.options(word)
            (matched if options else left_out).append((word, options))
        ranks = Counter()
        for _, options in matched:
            ranks.update({position: WORD_RANK + score for position, score in self._word_scores(options).items()})
        return Found(
            ranks=ranks,
            hits=tuple(frozenset(options) for _, options in matched),
            left_out=tuple(word for word, _ in left_out),
            suggestions={word: meant for word, _ in left_out if (meant := self.closest_word(word))},
        )

    def closest_word(self, word: str) -> str | None:
        """The indexed word nearest to a typo, by edit distance; of equals the first in code point order."""
        match = process.extractOne(word, self.known, scorer=Levenshtein.distance, score_cutoff=max_typo_distance(word))
        return match[0] if match and match[0] != word else None

    def card_weights(self) -> dict[str, dict[str, int]]:
        """Per slug, each of its terms with its weight: what the static export scores with."""
        found = {slug: {} for slug in self._slugs}
        for term in sorted(self._postings):
            positions, weights = self._postings[term]
            for position, weight in zip(positions, weights):
                found[self._slugs[position]][term] = weight
        return found

    def title_terms(self) -> dict[str, list[str]]:
        """Per slug, the terms of its title, sorted."""
        found = {slug: [] for slug in self._slugs}
        for term in sorted(self._title):
            for position in sorted(self._title[term]):
                found[self._slugs[position]].append(term)
        return found

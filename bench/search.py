"""Compare search engines on the students' queries and on speed: ours, the one before it, SQLite FTS5, tantivy.

Relevance: the queries of tests/relevance.py on the real decks, the share whose cards all
come among the first three. Speed: p50 / p95 of a query at 10, 1,000 and 10,000 synthetic cards, each
query uncached (our compound expansions are emptied before each). Run with `make bench` (which calls
`report()`), or `.venv/bin/python -m bench.search 10,1000` for a quick look.
"""

import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path

from kaartenbak.search import FIELDS, WORD, SearchIndex, card_fields, fold, query_words, stem
from kaartenbak.store import CardStore
from tests.relevance import RELEVANCE, first_three

from .synthetic import generate

REPO = Path(__file__).resolve().parent.parent
BEFORE = "def751e"  # the last commit with the hand-written index that ranked by title hits and word counts
ROUNDS = 60  # queries timed per engine and size


class Ours:
    name = "ours (BM25F, compounds, synonyms)"

    def __init__(self, cards):
        self.index = SearchIndex(cards.cards, synonyms=cards.synonyms)
        self.cards = cards

    def top(self, query: str) -> list[str]:
        return first_three(self.cards, query)

    def timed(self, query: str) -> None:
        self.index._expansions.clear()
        self.index.search(query)


class Before:
    name = f"before ({BEFORE}: title hits, AND)"

    def __init__(self, cards):
        source = subprocess.run(["git", "show", f"{BEFORE}:kaartenbak/search.py"], cwd=REPO, capture_output=True, text=True, check=True).stdout
        module = types.ModuleType("search_before")
        exec(compile(source, "search_before.py", "exec"), module.__dict__)  # noqa: S102 - our own code, from git
        self.index = module.SearchIndex(cards.cards)
        self.order = {card.slug: i for i, card in enumerate(cards.cards)}

    def top(self, query: str) -> list[str]:
        scores = self.index.scores(query)
        return sorted(scores, key=lambda slug: (-scores[slug], self.order[slug]))

    def timed(self, query: str) -> None:
        self.index._expansions.clear()
        self.index.scores(query)


def stemmed(text: str) -> str:
    return " ".join(stem(word) for word in WORD.findall(fold(text)))


class Fts5:
    """SQLite's FTS5, fed stemmed, folded words; a query is its stems as prefixes, OR-ed, ranked by bm25() with our field weights."""

    name = "SQLite FTS5 (bm25, stemmed tokens, prefix)"

    def __init__(self, cards):
        self.db = sqlite3.connect(":memory:")
        self.db.execute(f"CREATE VIRTUAL TABLE kaart USING fts5(slug UNINDEXED, {', '.join(FIELDS)})")
        self.db.executemany(
            f"INSERT INTO kaart VALUES (?{', ?' * len(FIELDS)})",
            ((card.slug, *(stemmed(text) for text in card_fields(card, cards.synonyms(card)).values())) for card in cards),
        )
        self.weights = ", ".join(["0", *(str(weight) for weight in FIELDS.values())])

    def top(self, query: str) -> list[str]:
        words = [stem(word) for word in query_words(query)]
        if not words:
            return []
        match = " OR ".join(f'"{word}"*' for word in words)
        rows = self.db.execute(f"SELECT slug FROM kaart WHERE kaart MATCH ? ORDER BY bm25(kaart, {self.weights}) LIMIT 50", (match,))
        return [slug for (slug,) in rows]

    timed = top


class Tantivy:
    """tantivy's BM25 with its Dutch stemmer and ascii folding; field boosts as ours; words OR-ed."""

    name = "tantivy (BM25, Dutch stemmer)"

    def __init__(self, cards):
        import tantivy

        schema = tantivy.SchemaBuilder()
        schema.add_text_field("slug", stored=True, tokenizer_name="raw")
        for name in FIELDS:
            schema.add_text_field(name, tokenizer_name="nl")
        self.index = tantivy.Index(schema.build())
        self.index.register_tokenizer("nl", tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
                                      .filter(tantivy.Filter.lowercase()).filter(tantivy.Filter.ascii_fold())
                                      .filter(tantivy.Filter.stemmer("dutch")).build())
        writer = self.index.writer()
        for card in cards:
            writer.add_document(tantivy.Document(slug=card.slug, **card_fields(card, cards.synonyms(card))))
        writer.commit()
        self.index.reload()
        self.searcher = self.index.searcher()

    def top(self, query: str) -> list[str]:
        words = " ".join(query_words(query))
        if not words:
            return []
        parsed, _ = self.index.parse_query_lenient(words, list(FIELDS), field_boosts=FIELDS)
        hits = self.searcher.search(parsed, 50).hits
        return [self.searcher.doc(address)["slug"][0] for _, address in hits]

    timed = top


ENGINES = (Ours, Before, Fts5, Tantivy)


def relevance(engine) -> tuple[int, list[str]]:
    """How many relevance queries the engine answers with every expected card among the first three, and the misses."""
    misses = []
    for query, expected in RELEVANCE:
        top = engine.top(query)[:3]
        if not set(expected) <= set(top):
            misses.append(query)
    return len(RELEVANCE) - len(misses), misses


def speed(engine, queries: list[str]) -> tuple[float, float]:
    times = []
    for query in queries:
        start = time.perf_counter()
        engine.timed(query)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def synthetic_queries(cards, rounds=ROUNDS) -> list[str]:
    """Words and word pairs as students type them, drawn from the cards' titles and bodies."""
    rng = random.Random(8)
    words = sorted({word for card in list(cards)[:200] for word in WORD.findall(card.titel.lower()) if len(word) > 3})
    return [" ".join(rng.sample(words, rng.choice((1, 1, 2)))) for _ in range(rounds)]


def report(sizes=(10, 1000, 10_000)) -> list[str]:
    """Markdown lines: relevance on the real decks, then speed per engine and size."""
    real = CardStore(REPO / "kaarten").collection
    lines = ["### Search engines compared", "",
             f"Relevance: of {len(RELEVANCE)} queries from tests/relevance.py on the real decks, how many have every expected card among the first three.",
             "Speed: one query, p50 / p95 in ms, nothing cached; queries are words and pairs from the cards.", ""]
    rows, misses = [], {}
    timings = {engine: {} for engine in ENGINES}
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            generate(Path(folder), size)
            cards = CardStore(Path(folder), check_interval=0).collection
            for card in cards:  # each card's text is worked out on first use: not for the first engine alone to pay
                card.text  # noqa: B018
            queries = synthetic_queries(cards)
            for engine in ENGINES:
                built = time.perf_counter()
                instance = engine(cards)
                build = time.perf_counter() - built
                p50, p95 = speed(instance, queries)
                timings[engine][size] = f"{p50:.2f} / {p95:.2f} (index {build:.1f} s)"
                print(f"{engine.name:45} {size:>6} cards: {timings[engine][size]}", file=sys.stderr)
    for engine in ENGINES:
        found, missed = relevance(engine(real))
        misses[engine.name] = missed
        rows.append([engine.name, f"{found}/{len(RELEVANCE)}", *(timings[engine][size] for size in sizes)])
    header = ["engine", "relevance", *(f"{size:,} cards" for size in sizes)]
    lines += ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    lines += ["", "Queries each engine misses:", ""]
    lines += [f"- {name}: {', '.join(missed) or 'none'}" for name, missed in misses.items()]
    return lines


if __name__ == "__main__":
    chosen = tuple(int(size) for size in sys.argv[1].split(",")) if len(sys.argv) > 1 else (10, 1000, 10_000)
    print("\n".join(report(chosen)))

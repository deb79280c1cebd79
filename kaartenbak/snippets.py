"""Why a card matched a search: its words marked in the title and summary, and the passage that holds the rest.

A snippet is a list of (text, marked) pieces, so a template escapes every piece and only adds <mark>.
static/statisch.js builds the same pieces in the static export.
"""

import re
from dataclasses import dataclass

from .render import plain_text
from .search import WORD, fold, stem

Pieces = tuple[tuple[str, bool], ...]
BLOCK = re.compile(r"</?(?:p|li|h[1-6]|ul|ol|blockquote|table|tr|td|th|pre|figure|figcaption)\b[^>]*>")
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
BEFORE, LENGTH = 6, 24  # words of a passage shown before its first marked word, and at most in all
ELLIPSIS = "…"


@dataclass(frozen=True)
class Snippet:
    titel: Pieces
    samenvatting: Pieces
    passage: Pieces = ()  # empty when the title and summary already hold every query word


def mark(text: str, hits) -> Pieces:
    """Split text into pieces, marking each word whose stem one of ``hits`` (sets of terms) holds."""
    terms = frozenset().union(*hits)
    pieces, start = [], 0
    for word in WORD.finditer(text):
        if stem(fold(word.group())) in terms:
            pieces += [(text[start:word.start()], False), (word.group(), True)]
            start = word.end()
    pieces.append((text[start:], False))
    return tuple(piece for piece in pieces if piece[0])


def _holds(text: str, hit: frozenset[str]) -> bool:
    return any(stem(word) in hit for word in WORD.findall(fold(text)))


def passages(card, synonyms: dict[str, tuple[str, ...]]) -> list[str]:
    """The card's body as sentences, block by block, prompts included; then each tag with the deck's other words for it."""
    blocks = (plain_text(block) for block in BLOCK.split(card.html))
    sentences = [sentence for block in blocks if block for sentence in SENTENCE_END.split(block)]
    return sentences + [f"Tag {tag}, ook: " + ", ".join(synonyms[tag]) for tag in card.tags if synonyms.get(tag)]


def shorten(text: str, hits) -> str:
    """Cut a passage to LENGTH words around its first hit, with an ellipsis where words are left out."""
    words = list(WORD.finditer(text))
    if len(words) <= LENGTH:
        return text
    first = next((i for i, word in enumerate(words) if _holds(word.group(), frozenset().union(*hits))), 0)
    begin = max(0, min(first - BEFORE, len(words) - LENGTH))
    end = begin + LENGTH
    start, stop = (words[begin].start() if begin else 0), (words[end - 1].end() if end < len(words) else len(text))
    return (ELLIPSIS + " " if begin else "") + text[start:stop] + (" " + ELLIPSIS if end < len(words) else "")


def snippet(card, hits, synonyms: dict[str, tuple[str, ...]]) -> Snippet:
    """The pieces a result tile shows for a query whose words matched ``hits``; ``synonyms``: tag -> the deck's other words for it."""
    shown = f"{card.titel} {card.samenvatting}"
    missing = [hit for hit in hits if not _holds(shown, hit)]
    passage = ()
    if missing:
        best = max(passages(card, synonyms), key=lambda sentence: sum(_holds(sentence, hit) for hit in missing), default="")
        if any(_holds(best, hit) for hit in missing):
            passage = mark(shorten(best, hits), hits)
    return Snippet(mark(card.titel, hits), mark(card.samenvatting, hits), passage)

"""Lay cards out for printing: A6 cards, four to an A4 sheet, backs placed for double-sided print.

Each card gets a front (title, deck, tags) and a back (its prompts; the whole text for
cards that are not reflection cards). A back that would not fit on A6 gets smaller type,
and past that continues on another card, so nothing is ever cut off.
"""

import math
import re
from dataclasses import dataclass

from .card import Card
from .render import Prompt

PER_SHEET = 4
# Flipping a portrait sheet on its long edge mirrors left and right.
BACK_ORDER = (1, 0, 3, 2)


@dataclass(frozen=True)
class TypeSize:
    """A type size for the back of an A6 card, with what fits at that size (see afdrukken.css)."""

    name: str
    chars_per_line: int
    lines: int


# Measured in Chromium on an A6 back; tests/test_print.py checks that nothing overflows.
SIZES = (TypeSize("normaal", 42, 26), TypeSize("klein", 50, 32), TypeSize("kleinst", 57, 38))
# A card that needs more than one back is cut into parts with room to spare at the middle size.
SPLIT_SIZE = TypeSize("klein", 50, 29)
SECTION = re.compile(r"(?=<h2>)")
BLOCK_START = re.compile(r"<(?:p|li|tr|h2|h3)[ >]")
TAG = re.compile(r"<[^>]+>")
CELL = re.compile(r"<t[dh][ >]")


@dataclass(frozen=True)
class PrintedCard:
    """One A6 card: the card's front and one part of its back."""

    card: Card
    prompts: tuple[tuple[int, Prompt], ...] = ()
    sections: tuple[str, ...] = ()
    part: int = 1
    parts: int = 1
    size: str = "normaal"


@dataclass(frozen=True)
class Sheet:
    """One A4 sheet: four fronts, and on its other side the four backs in flipped order."""

    fronts: tuple[PrintedCard | None, ...]
    backs: tuple[PrintedCard | None, ...]


def _lines(texts, size: TypeSize) -> float:
    """Lines a block takes: each text starts a new line; half a line of space after the block."""
    return sum(max(1, math.ceil(length / size.chars_per_line)) for length in texts) + 0.5


def _prompt_texts(prompt: Prompt) -> list[int]:
    return [len(prompt.text), *(len(doorvraag) + 2 for doorvraag in prompt.doorvragen)]


def _text_length(piece: str) -> int:
    """Length of a piece of HTML as text; a table row wraps in its narrow cells, so it counts per cell."""
    cells = CELL.split(piece)[1:]
    if cells:
        return max(len(TAG.sub("", cell).strip()) for cell in cells) * len(cells)
    return len(TAG.sub("", piece).strip())


def _section_texts(html: str) -> list[int]:
    return [length for length in map(_text_length, BLOCK_START.split(html)) if length]


def _pack(blocks, size: TypeSize):
    """Split blocks into consecutive parts that each fit on one back at this size."""
    parts, current, used = [], [], 0.0
    for block, texts in blocks:
        need = _lines(texts, size)
        if current and used + need > size.lines:
            parts.append(current)
            current, used = [], 0.0
        current.append((block, texts))
        used += need
    return parts + [current] if current else [[]]


def _fitting_size(blocks) -> TypeSize | None:
    return next((size for size in SIZES if sum(_lines(texts, size) for _, texts in blocks) <= size.lines), None)


def printed_cards(card: Card) -> list[PrintedCard]:
    """Return the A6 card(s) one card needs: more than one only when its back is too long.

    A reflection card's back holds its prompts; scenario, role and observer cards need their
    whole text on paper, so their back holds that, section by section.
    """
    if card.soort == "reflectie" and card.prompts:
        blocks = [((number, prompt), _prompt_texts(prompt)) for number, prompt in enumerate(card.prompts, start=1)]
        field = "prompts"
    else:
        blocks = [(section, _section_texts(section)) for section in SECTION.split(card.html) if section.strip()]
        field = "sections"
    parts = [blocks] if _fitting_size(blocks) else _pack(blocks, SPLIT_SIZE)
    return [
        PrintedCard(
            card=card, part=index, parts=len(parts), size=(_fitting_size(part) or SIZES[-1]).name,
            **{field: tuple(block for block, _ in part)},
        )
        for index, part in enumerate(parts, start=1)
    ]


def sheets(cards) -> list[Sheet]:
    """Lay cards out four to a sheet, fronts in reading order and backs mirrored."""
    printed = [piece for card in cards for piece in printed_cards(card)]
    result = []
    for start in range(0, len(printed), PER_SHEET):
        page = printed[start:start + PER_SHEET]
        fronts = tuple(page) + (None,) * (PER_SHEET - len(page))
        result.append(Sheet(fronts=fronts, backs=tuple(fronts[i] for i in BACK_ORDER)))
    return result

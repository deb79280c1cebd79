"""Lay cards out for printing: one A6 card per card, four to an A4 sheet, backs placed for double-sided print.

A card's front says what it is about and where the whole card is (its page on the site); its
back holds what a card in the hand needs: a reflection card's prompts with their doorvragen, the
text of a scenario, role or observer card. A print run has one type size, the largest at which
every card of the run fits. A back that does not fit even at the smallest size is shortened from
the end, never split over two cards and never cut off; the check of the cards warns about it.
"""

import html as html_module
import math
import re
from dataclasses import dataclass, replace

from .card import Card
from .render import Prompt

PER_SHEET = 4
# Flipping a portrait sheet on its long edge mirrors left and right.
BACK_ORDER = (1, 0, 3, 2)


@dataclass(frozen=True)
class TypeSize:
    """A type size for the backs of a print run, with what fits on one A6 back at that size (see afdrukken.css).

    ``prompt`` and ``text`` are how many average characters a line holds, of a bold prompt and of
    indented normal text (doorvragen, list items; paragraphs are counted at that width too); words
    wrap as a browser wraps them. ``lines`` is how many lines the back holds, its heading included.
    """

    name: str
    points: float
    prompt: int
    text: int
    lines: float


# Measured in Chromium on an A6 back at each size (10, 9.5, 9 pt), with DejaVu Sans, one of the
# widest fonts var(--lettertype) may find (the system fonts of Windows and macOS are narrower):
# lines 29.8, 31.4, 33.1; average characters of the cards' text in the width of a prompt 40.4,
# 42.7, 45.1 and of a doorvraag 43.6, 46.2, 49.1. The sizes keep a margin below that, for lines of
# wider letters; tests/test_print.py measures again and prints the longest backs that still fit.
SIZES = (
    TypeSize("10", 10, prompt=38, text=41, lines=29.5),
    TypeSize("9-5", 9.5, prompt=40, text=43, lines=31),
    TypeSize("9", 9, prompt=42, text=46, lines=32.5),
)
SMALLEST = SIZES[-1]
MOST = math.ceil(SMALLEST.lines)  # every prompt, doorvraag or section takes a line at least: no back holds more
GAP = 0.5  # the space after a prompt, paragraph, list or table, and above a heading, in lines (afdrukken.css)
LEFT_OUT = ("aan de slag", "bronnen")  # sections that stay on the site, with a text card's introduction kept
SECTION = re.compile(r"(?=<h2>)")
BLOCK_START = re.compile(r"<(?:p|li|tr|h2|h3)[ >]")
BLOCK_GAP = re.compile(r"<(?:p|ul|ol|table|h2|h3)[ >]")
HEADING = re.compile(r"<h[23][ >]")
TAG = re.compile(r"<[^>]+>")
CELL = re.compile(r"<t[dh][ >]")
PROMPTS = 'class="vragen"'


@dataclass(frozen=True)
class PrintedCard:
    """One card as printed: its front, and on its back the prompts and (text cards) the text sections."""

    card: Card
    sections: tuple[str, ...] = ()  # a text card's sections as HTML, without its prompts
    prompts_heading: str = ""  # a text card's heading above its prompts
    prompts: tuple[tuple[int, Prompt], ...] = ()
    size: TypeSize | None = SIZES[0]  # the largest size at which this back fits; None: not even at the smallest
    shortened: bool = False

    @property
    def text_card(self) -> bool:
        return self.card.soort != "reflectie" or not self.card.prompts


@dataclass(frozen=True)
class Sheet:
    """One A4 sheet: four fronts, and on its other side the four backs in flipped order."""

    fronts: tuple[PrintedCard | None, ...]
    backs: tuple[PrintedCard | None, ...]


@dataclass(frozen=True)
class PrintRun:
    """The chosen cards on their sheets, at one type size, with the cards that had to be shortened."""

    sheets: tuple[Sheet, ...]
    size: TypeSize
    shortened: tuple[Card, ...]


def _wrapped(text: str, per_line: int) -> int:
    """Lines a text takes when its words wrap at ``per_line`` characters, as a browser wraps them."""
    lines, used = 1, 0
    for word in text.split():
        if used and used + 1 + len(word) > per_line:
            lines, used = lines + 1, 0
        used += len(word) + (1 if used else 0)
        while used > per_line:  # a word longer than the line breaks (overflow-wrap)
            lines, used = lines + 1, used - per_line
    return lines


def _prompt_lines(prompt: Prompt, size: TypeSize) -> float:
    return _wrapped(prompt.text, size.prompt) + sum(_wrapped(d, size.text) for d in prompt.doorvragen) + GAP


def _block_lines(piece: str, size: TypeSize) -> float:
    """Lines of one block of HTML; a table row wraps in its narrow cells, so it counts per cell."""
    cells = CELL.split(piece)[1:]
    if cells:
        width = max(1, size.text // len(cells) - 2)
        return max(_wrapped(_text(cell), width) for cell in cells) + 0.25  # cell padding
    text = _text(piece)
    if not text:
        return 0
    return _wrapped(text, size.prompt if HEADING.match(piece) else size.text)


def _text(html: str) -> str:
    return html_module.unescape(TAG.sub(" ", html)).strip()


def _section_lines(html: str, size: TypeSize) -> float:
    return sum(_block_lines(piece, size) for piece in BLOCK_START.split(html)) + GAP * len(BLOCK_GAP.findall(html))


def _lines(printed: PrintedCard, size: TypeSize) -> float:
    """Lines the back takes at this size: its heading, sections, prompts and the note of a shortened card."""
    lines = _wrapped(f"{printed.card.nummer or ''} {printed.card.titel}", size.prompt) + GAP
    lines += sum(_section_lines(section, size) for section in printed.sections)
    if printed.prompts and printed.prompts_heading:
        lines += 1 + GAP
    lines += sum(_prompt_lines(prompt, size) for _, prompt in printed.prompts)
    return lines + (1 + GAP if printed.shortened else 0)


def _fitting_size(printed: PrintedCard) -> TypeSize | None:
    return next((size for size in SIZES if _lines(printed, size) <= size.lines), None)


def _whole(card: Card) -> PrintedCard:
    numbered = tuple(enumerate(card.prompts, start=1))
    if card.soort == "reflectie" and card.prompts:
        return PrintedCard(card=card, prompts=numbered)
    sections, heading = [], ""
    for section in SECTION.split(card.html):
        title = TAG.sub("", section.split("</h2>", 1)[0]).strip().lower() if section.startswith("<h2>") else ""
        if PROMPTS in section and card.prompts:
            heading = TAG.sub("", section.split("</h2>", 1)[0]).strip()
        elif section.strip() and title not in LEFT_OUT:
            sections.append(section)
    return PrintedCard(card=card, sections=tuple(sections), prompts_heading=heading, prompts=numbered if heading else ())


def _shorter(printed: PrintedCard):
    """Yield ever shorter backs: doorvragen dropped from the end, then prompts, then a text card's sections.

    A back never holds more than MOST lines of anything, so longer ones are passed over unmeasured:
    measuring each of thousands of shorter backs would take a hostile card's print view minutes.
    """
    printed = replace(printed, shortened=True)
    prompts = list(printed.prompts)
    if len(prompts) > MOST:  # none of these backs fits before prompts go: drop the doorvragen at once
        prompts = [(number, Prompt(prompt.text)) for number, prompt in prompts]
    for index in reversed(range(len(prompts))):
        number, prompt = prompts[index]
        for keep in reversed(range(min(len(prompt.doorvragen), MOST))):
            prompts[index] = (number, Prompt(prompt.text, prompt.doorvragen[:keep]))
            yield replace(printed, prompts=tuple(prompts))
    for keep in reversed(range(min(len(prompts), MOST))):
        yield replace(printed, prompts=tuple(prompts[:keep]))
    for keep in reversed(range(1, min(len(printed.sections), MOST))):  # a text card keeps at least its first section
        yield replace(printed, prompts=(), sections=printed.sections[:keep])


def printed_card(card: Card) -> PrintedCard:
    """Return how a card prints: whole when it fits at the smallest size, else shortened until it does."""
    whole = _whole(card)
    size = _fitting_size(whole)
    if size is not None:
        return replace(whole, size=size)
    shortest = whole
    for shortest in _shorter(whole):
        if _lines(shortest, SMALLEST) <= SMALLEST.lines:
            break
    return replace(shortest, size=None)


def lines_too_many(card: Card) -> int:
    """How many lines the back of a card has beyond what one A6 card holds at the smallest size; 0 when it fits."""
    return max(0, math.ceil(_lines(_whole(card), SMALLEST) - SMALLEST.lines))


def run_size(printed) -> TypeSize:
    """The type size of a run: the largest at which every card fits, else the smallest."""
    sizes = [piece.size for piece in printed]
    if not sizes or all(size is not None for size in sizes):
        return min(sizes, key=lambda size: size.points, default=SIZES[0])
    return SMALLEST


def print_run(cards) -> PrintRun:
    """Lay cards out four to a sheet, fronts in reading order and backs mirrored, at one type size."""
    printed = [printed_card(card) for card in cards]
    result = []
    for start in range(0, len(printed), PER_SHEET):
        page = printed[start:start + PER_SHEET]
        fronts = tuple(page) + (None,) * (PER_SHEET - len(page))
        result.append(Sheet(fronts=fronts, backs=tuple(fronts[i] for i in BACK_ORDER)))
    return PrintRun(
        sheets=tuple(result), size=run_size(printed), shortened=tuple(piece.card for piece in printed if piece.shortened),
    )

"""Seeded draws: the same seed gives the same order on every device, in Python and in the browser.

The shuffle is a Fisher-Yates over the cards sorted by slug, driven by mulberry32 seeded with
the FNV-1a hash of the seed text: both are a few lines of integer arithmetic that
``static/draw.js`` repeats exactly, so a shared link draws the same card anywhere.
"""

import re
import secrets
import string
from operator import attrgetter, itemgetter

SEED = re.compile(r"^[a-z0-9]{1,16}$")
_MASK = 0xFFFFFFFF
_ALPHABET = string.ascii_lowercase + string.digits


def new_seed() -> str:
    """Return a short random seed that reads well in a shared link."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(6))


def valid_seed(seed: str) -> bool:
    """Tell whether a seed from a URL can be used as it is."""
    return bool(SEED.match(seed))


def _fnv1a(text: str) -> int:
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & _MASK
    return value


def _mulberry32(state: int):
    while True:
        state = (state + 0x6D2B79F5) & _MASK
        t = ((state ^ (state >> 15)) * (state | 1)) & _MASK
        t = ((t + (((t ^ (t >> 7)) * (t | 61)) & _MASK)) & _MASK) ^ t
        yield ((t ^ (t >> 14)) & _MASK) / 4294967296


BY_SLUG = attrgetter("slug")


def shuffled(items, seed: str, key=BY_SLUG, count: int | None = None) -> list:
    """Return the first ``count`` items (all by default) of the seeded shuffle of ``items``."""
    pile = sorted(items, key=key)
    count = len(pile) if count is None else min(count, len(pile))
    random = _mulberry32(_fnv1a(seed))
    for index in range(count):
        other = index + int(next(random) * (len(pile) - index))
        pile[index], pile[other] = pile[other], pile[index]
    return pile[:count]


def nth(items, seed: str, n: int, key=BY_SLUG):
    """Return the n-th (1-based) item of the seeded shuffle, or None past the end."""
    if n < 1:
        return None
    drawn = shuffled(items, seed, key=key, count=n)
    return drawn[n - 1] if len(drawn) >= n else None


def prompt_pile(cards) -> list[tuple[str, object, int]]:
    """Every prompt of ``cards`` as (key, card, 1-based number), sorted by the key a prompt draw shuffles by.

    The key, slug and zero-padded number, is the one ``static/draw.js`` sorts by too. Sorted once
    here, the pile can be kept and drawn from again without building 40,000 keys per draw.
    """
    return sorted((f"{card.slug}\n{index:03d}", card, index) for card in cards for index in range(1, len(card.prompts) + 1))


def nth_prompt(pile, seed: str, n: int):
    """Return (card, number) of the n-th prompt of the seeded shuffle of a ``prompt_pile``, or None past the end."""
    drawn = nth(pile, seed, n, key=itemgetter(0))
    return drawn[1:] if drawn else None

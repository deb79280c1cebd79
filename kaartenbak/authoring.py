"""Tools for trainers who write cards: every card loaded for checking, a deck by name, a new card."""

import json
import re
from pathlib import Path

from .bak import Bak
from .card import SOORTEN
from .collection import Collection
from .files import is_ignored
from .names import twin_key
from .parse import PLACEHOLDER
from .search import fold
from .store import CardStore

FRONT = """\
---
titel: {titel}
nummer: {nummer}
samenvatting: "{vul_in}: één of twee zinnen over waar de kaart over gaat; ze staan ook in het overzicht."
# {vul_in}: kies de tags uit de woordenlijst in {bak}/_bak.yml: {vocabulary}
tags: [{tag}]
soort: reflectie  # een van: {soorten}
begeleider: "{vul_in}: een tip voor de begeleider: wanneer gebruik je deze kaart en waar let je op?"
concept: true  # haal deze regel weg als de kaart af is
---
"""
BODY = """\
{vul_in}: een korte inleiding op het onderwerp, in een paar zinnen.

## Stof tot nadenken

- {vul_in}: Welke vraag zet de student aan het denken?
  - {vul_in}: Welke doorvraag helpt verder?

## Aan de slag

- {vul_in}: een concrete opdracht die de student deze week kan uitvoeren.

## Bronnen

- {vul_in}: Auteur, A. (jaar). *Titel*. Uitgever.
"""
TEMPLATE = FRONT + BODY


class AuthoringError(Exception):
    """A request a trainer made that cannot be done; the message says why in Dutch."""


def load_for_trainers(root) -> Collection:
    """Load every card of a folder, concept cards included, as the checks see them."""
    return CardStore(root, include_concepts=True, log_problems=False).collection  # the commands print them


def find_bak(cards: Collection, slug: str) -> Bak:
    """Return the deck with this folder name, or explain which decks there are."""
    if slug in cards.bakken:
        return cards.bakken[slug]
    known = ", ".join(sorted(cards.bakken)) or "nog geen"
    raise AuthoringError(
        f"de bak '{slug}' bestaat niet (bestaande bakken: {known}). Een nieuwe bak maak je met een map "
        f"'{slug}' in de kaartenmap, met daarin een bestand _bak.yml (zie kaarten/README.md)."
    )


def slugify(titel: str) -> str:
    """Make a file name from a titel: lower case, no diacritics, hyphens between words."""
    return re.sub(r"[^a-z0-9]+", "-", fold(titel)).strip("-")


def template_body() -> str:
    """The body a new card starts from: its sections, with example text to replace."""
    return BODY.format(vul_in=PLACEHOLDER)


def existing_card(root, slug: str) -> str | None:
    """The path (within the card folder) of a card file in any deck whose name a URL cannot tell from ``slug``
    (the same name, or one that differs only in capitals or Unicode form), or None."""
    key = twin_key(slug)
    try:
        taken = [path for path in sorted(Path(root).glob("*/*.md")) if not is_ignored(path.parent.name) and twin_key(path.stem) == key]
    except OSError:  # no card folder to look in
        return None
    return taken[0].relative_to(root).as_posix() if taken else None


def create_card(root, bak: str, titel: str) -> Path:
    """Write a new concept card from the template into deck ``bak``; never overwrite a card."""
    root = Path(root)
    cards = load_for_trainers(root)
    deck = find_bak(cards, bak)
    titel = " ".join(titel.split())
    slug = slugify(titel)
    if not slug:
        raise AuthoringError(f"de titel '{titel}' bevat geen letters of cijfers; daar kan geen bestandsnaam van gemaakt worden")
    where = existing_card(root, slug)
    if where:
        raise AuthoringError(f"er bestaat al een kaart {where}; kies een andere titel, of pas die kaart aan")
    nummer = max((card.nummer for card in cards if card.bak == bak and card.nummer is not None), default=0) + 1
    text = TEMPLATE.format(
        titel=json.dumps(titel, ensure_ascii=False),  # a JSON string is valid YAML, whatever the titel holds
        nummer=nummer,
        vul_in=PLACEHOLDER,
        bak=bak,
        vocabulary=", ".join(deck.tags) or "deze bak heeft nog geen woordenlijst, elke tag mag",
        tag=next(iter(deck.tags), "reflectie"),
        soorten=", ".join(SOORTEN),
    )
    path = root / bak / f"{slug}.md"
    with path.open("x", encoding="utf-8") as handle:  # "x": fail rather than overwrite, even in a race
        handle.write(text)
    return path

"""Practice mode: which scenario and role cards a role play draws, the same for every player's link.

A seed and two numbers pick the cards: the ``s``-th scenario of the seeded shuffle, then the
``r``-th parent role (and fourth player's role) of the shuffle of the roles that scenario allows.
``static/statisch.js`` repeats this in the browser from the role lists the export writes.
"""

from dataclasses import dataclass

from .card import Card
from .draw import nth


@dataclass(frozen=True)
class Piles:
    """The cards practice mode draws from: scenarios, the parent roles of a scenario that names none, the observer card."""

    scenarios: tuple[Card, ...]
    ouders: tuple[Card, ...]
    observatie: Card | None

    @classmethod
    def of(cls, cards) -> "Piles":
        by_soort = {"scenario": [], "rol": [], "observatie": []}
        for card in cards:
            if card.soort in by_soort:
                by_soort[card.soort].append(card)
        scenarios, rollen = by_soort["scenario"], by_soort["rol"]
        # a role written for a fourth player (the pupil, the interpreter) is no parent's role, unless a scenario says so
        fourth_only = {slug for card in scenarios for slug in card.vierde_speler} - {slug for card in scenarios for slug in card.rollen}
        ouders = [card for card in rollen if card.slug not in fourth_only] or rollen
        return cls(tuple(scenarios), tuple(ouders), (by_soort["observatie"] or [None])[0])


@dataclass(frozen=True)
class RolePlay:
    """One role play: the scenario, the parent's role, the fourth player's role (if any), the observer card."""

    scenario: Card
    ouder: Card
    vierde: Card | None
    observatie: Card | None
    more_roles: bool  # whether another role number changes anything


def listed_roles(cards, slugs) -> list[Card]:
    """The role cards among ``slugs`` that are on the site; the others are left out (the check warns of them)."""
    found = (cards.get(slug) for slug in slugs)
    return [card for card in found if card is not None and card.soort == "rol"]


def role_play(cards, piles: Piles, seed: str, s: int, r: int) -> RolePlay | None:
    """Draw the role play of scenario number ``s`` and role number ``r`` (1-based, wrapping round); None without cards."""
    if not piles.scenarios or not piles.ouders:
        return None
    scenario = nth(piles.scenarios, seed, (s - 1) % len(piles.scenarios) + 1)
    parents = listed_roles(cards, scenario.rollen) or piles.ouders  # a scenario without (usable) roles of its own takes any
    fourths = listed_roles(cards, scenario.vierde_speler)
    return RolePlay(
        scenario=scenario,
        ouder=nth(parents, seed, (r - 1) % len(parents) + 1),
        vierde=nth(fourths, seed, (r - 1) % len(fourths) + 1) if fourths else None,
        observatie=piles.observatie,
        more_roles=len(parents) > 1 or len(fourths) > 1,
    )

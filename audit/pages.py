"""Which pages the audit visits, and in which state (details open, timer running, notes kept).

A page type is a path plus what a user does there before it is checked. The list is built from
the collection, so it works on any card folder; the static export is checked on the same page
types, at the files its links point to.
"""

import json
from dataclasses import dataclass, field, replace
from typing import Callable
from urllib.parse import quote, urlencode

from kaartenbak.practice import Piles, role_play
from web.export import file_path

SEED = "abc"
NO_MATCH = "qqqzzz"  # a search text no card contains


@dataclass(frozen=True)
class Page:
    """One page type: a name for the report, the path to open and what to do before checking."""

    name: str
    path: str
    prepare: tuple[Callable, ...] = field(default=(), compare=False)
    status: int = 200
    exported: bool = True  # False: the page needs the server (the workbench), so the static export has none


def open_details(page):
    """Open every disclosure (doorvragen, sharing, QR codes), as a curious user would."""
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")


def start_timer(page):
    """Start the shortest timer (unfolding the mentor's timer first), and let it tick once."""
    page.evaluate("document.querySelectorAll('details[data-timer]').forEach(d => { d.open = true; })")
    page.locator("[data-timer] [data-seconden]").first.click()
    page.wait_for_function("document.querySelector('[data-timer-tijd]').textContent.includes(':')")


def show_doorvragen(page):
    """On the projector, show the doorvragen as the mentor's button does."""
    page.evaluate("document.querySelectorAll('[data-doorvragen]').forEach(d => { d.hidden = false; })")


def keep_notes(card):
    """Return a step that stores a conversation about ``card`` (header, prompts, notes, agreement), then reloads."""
    conversation = {"huidig": "audit", "lijst": [{
        "id": "audit", "datum": "2026-12-01", "student": "Sam", "begeleider": "Anne", "context": "stage groep 6, week 12",
        "meenemen": "Eerst luisteren, dan pas uitleggen.",
        "kaarten": [{
            "slug": card.slug, "titel": card.titel, "bak": card.bak, "url": f"/kaart/{card.slug}",
            "notitie": "Student wil oefenen met ik-boodschappen.\nVolgende keer: rollenspel.",
            "afspraak": "Volgende week een rollenspel met de mentor.",
            "vragen": [{"nr": 1, "tekst": card.prompts[0].text, "doorvragen": list(card.prompts[0].doorvragen),
                        "notitie": "Herkent het beeld uit de eigen stage.", "besproken": True}],
        }],
    }]}

    def step(page):
        page.evaluate("data => localStorage.setItem('kaartenbak.gesprekken', data)", json.dumps(conversation))
        page.reload()
        page.wait_for_selector(".verslag-kaart")

    return step


def type_problems(page):
    """In the workbench, type a tag no deck knows and wait for the live check to show the problem at its field."""
    page.fill("#veld-andere-tags", "emotei")
    page.wait_for_selector('[data-meldingen="tags"] .melding')


def example_card(cards):
    """The card that shows the most: prompts with doorvragen and a note for the mentor."""
    def richness(card):
        return (any(p.doorvragen for p in card.prompts), bool(card.begeleider), len(card.prompts))
    return max(cards, key=richness)


def four_player_scenario(cards) -> int | None:
    """The scenario number that draws, with SEED, a scenario with a fourth player; None if no scenario has one."""
    piles = Piles.of(cards)
    for number in range(1, len(piles.scenarios) + 1):
        play = role_play(cards, piles, SEED, number, 1)
        if play and play.vierde:
            return number
    return None


def page_list(cards) -> list[Page]:
    """Every page type of the site, in the states worth checking."""
    card = example_card(cards)
    tag = card.tags[0]
    gesprek = f"/kaart/{card.slug}/gesprek?vraag=1"
    pages = [
        Page("overzicht", "/"),
        Page("overzicht gefilterd", "/?" + urlencode({"tag": tag, "bak": card.bak})),
        Page("overzicht gezocht", "/?q=gesprek"),
        Page("overzicht zonder resultaat", f"/?q={NO_MATCH}"),
        Page("overzicht gezocht: fragmenten, weggelaten woord, tag", f"/?q={NO_MATCH}+{quote(tag)}"),
        Page("overzicht gezocht met tikfout", "/?q=gesprkken"),
        Page("kaart", f"/kaart/{card.slug}"),
        Page("gesprek", gesprek),
        Page("gesprek met doorvragen en timer", gesprek, (open_details, start_timer)),
        Page("projectorscherm", gesprek + "&weergave=scherm"),
        Page("projectorscherm met doorvragen", gesprek + "&weergave=scherm", (show_doorvragen,)),
        Page("gesprek uit een trekking, laatste vraag", f"/kaart/{card.slug}/gesprek?vraag={len(card.prompts)}&seed={SEED}&n=1"),
        Page("trek", f"/trek?seed={SEED}&n=1", (open_details,)),
        Page("trek gefilterd", f"/trek?{urlencode({'tag': tag})}&seed={SEED}&n=1"),
        Page("trek lege stapel", f"/trek?seed={SEED}&n=999"),
        Page("willekeurige vraag", f"/willekeurige-vraag?seed={SEED}&n=1"),
        Page("oefenen spelleider", f"/oefenen?seed={SEED}", (open_details,)),
        *(Page(f"oefenen {rol}", f"/oefenen?seed={SEED}&speler={rol}", (start_timer,)) for rol in ("leraar", "ouder", "observator")),
        Page("verslag leeg", "/verslag"),
        Page("verslag met notities", "/verslag", (keep_notes(card),)),
        Page("afdrukken", "/afdrukken"),
        Page("afdrukken een kaart", f"/afdrukken?kaart={card.slug}"),
        Page("controle", "/controle"),
        Page("werken met de kaartenbak", "/werken-met-de-kaartenbak"),
        Page("niet gevonden", "/bestaat-niet", status=404),
        Page("werkplaats", "/werkplaats", exported=False),
        Page("werkplaats met problemen", "/werkplaats", (type_problems,), exported=False),
        Page("werkplaats een kaart bewerken", f"/werkplaats?kaart={card.slug}", (open_details,), exported=False),
    ]
    vier = four_player_scenario(cards)
    if vier:
        pages += [
            Page("oefenen spelleider met vier spelers", f"/oefenen?seed={SEED}&scenario={vier}", (open_details,)),
            Page("oefenen vierde speler", f"/oefenen?seed={SEED}&scenario={vier}&speler=vierde", (start_timer,)),
        ]
    return pages


def export_page_list(cards) -> list[Page]:
    """The same page types in the static export, at the files its own links point to.

    The export has no error pages of its own (its web server answers those), so pages expecting
    an error status are left out, as are pages that need the server.
    """
    def exported(path):
        route, _, query = path.partition("?")
        return "/" + file_path(route) + (f"?{query}" if query else "")

    return [replace(page, name=f"export: {page.name}", path=exported(page.path)) for page in page_list(cards) if page.status == 200 and page.exported]

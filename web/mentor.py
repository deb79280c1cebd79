"""The mentor's modes: a seeded draw, discussion mode, a random prompt, practice mode, the report."""

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for

from kaartenbak.draw import new_seed, nth, nth_prompt, prompt_pile, valid_seed
from kaartenbak.practice import Piles, role_play

from .filters import Filter, active_filters
from .share import public_url, qr_svg
from .store import card_store, collection

bp = Blueprint("mentor", __name__)

DRAWN_SOORTEN = ("reflectie", "scenario")  # role and observer cards belong to practice mode
PRACTICE_SOORTEN = ("scenario", "rol", "observatie")
ROLLEN = {  # in the order the spelleider's overview lists them; "vierde" only plays where the scenario asks for one
    "leraar": "Leraar",
    "ouder": "Ouder",
    "vierde": "Vierde speler",
    "observator": "Observator",
}


def _number(name: str) -> int | None:
    """Read a positive whole number from the query string; None when absent or nonsense."""
    value = request.args.get(name, "")
    return int(value) if value.isascii() and value.isdigit() and len(value) < 7 and int(value) > 0 else None


def _share(endpoint: str, **args) -> dict:
    """The shareable link of a page and its QR code."""
    if current_app.config.get("KAARTENBAK_STATISCH"):  # the browser shows its own address; a QR code of a file helps no one
        return {"url": url_for(endpoint, **args), "qr": ""}
    url = public_url(endpoint, **args)
    return {"url": url, "qr": qr_svg(url, "QR-code van de link")}


def _draw_pile(current: Filter):
    """The cards a draw picks from: the selection's reflection and scenario cards.

    Drawing from the whole collection is the common case, and at 10,000 cards picking them out
    took most of a draw: that pile is made once per version of the cards.
    """
    if not current.active:
        return card_store().cached("trek-stapel", _drawable)
    return _drawable(collection().select(tags=current.tags, bak=current.bak, query=current.q).cards)


def _drawable(cards):
    return [card for card in cards if card.soort in DRAWN_SOORTEN]


def _prompt_pile(current: Filter):
    """The prompts a random question is drawn from, kept like the draw pile when nothing is filtered."""
    if not current.active:
        return card_store().cached("vragen-stapel", lambda cards: prompt_pile(_drawable(cards)))
    return prompt_pile(_draw_pile(current))


def _seeded():
    """Read filter, seed and n; with a missing or bad seed or n, seed is None and n holds what to redirect to."""
    current = Filter.from_request()
    seed, n = request.args.get("seed", ""), _number("n")
    if not valid_seed(seed) or n is None:
        return current, None, {"seed": seed if valid_seed(seed) else new_seed(), "n": n or 1}
    return current, seed, n


@bp.get("/trek")
def trek():
    current, seed, n = _seeded()
    if seed is None:
        return redirect(url_for("mentor.trek", **current.args(), **n))
    pile = _draw_pile(current)
    card = nth(pile, seed, n)

    def step(m):
        return url_for("mentor.trek", **current.args(), seed=seed, n=m)

    cards = collection()
    return render_template(
        "trek.html",
        card=card,
        bak=cards.bakken.get(card.bak) if card else None,
        n=n,
        total=len(pile),
        previous=step(n - 1) if n > 1 else None,
        next=step(n + 1) if card else None,
        last=step(len(pile)) if pile and not card else None,
        reshuffle=url_for("mentor.trek", **current.args()),
        random_prompt=url_for("mentor.willekeurige_vraag", **current.args()),
        overview=url_for("pages.index", **current.args()),
        gesprek=url_for("mentor.gesprek", slug=card.slug, vraag=1, **current.args(), seed=seed, n=n) if card else None,
        share=_share("mentor.trek", **current.args(), seed=seed, n=n),
        filter=current,
        chips=active_filters(current, cards.bakken, endpoint="mentor.trek"),
    )


def _discussion(card, index: int, nav: dict, weergave: str, stepping: bool):
    """Render discussion mode; with ``stepping`` every prompt of the card is on the page, so the browser steps without a reload."""
    cards = collection()
    numbered = list(enumerate(card.prompts, start=1))
    return render_template(
        "gesprek.html",
        card=card,
        bak=cards.bakken[card.bak],
        prompts=numbered if stepping else numbered[index - 1:index],
        index=index,
        total=len(card.prompts),
        nav=nav,
        stepping=stepping,
        scherm=weergave == "scherm",
        scherm_url=url_for("mentor.gesprek", slug=card.slug, vraag=index, weergave="scherm"),
    )


def _draw_context():
    """The draw a discussion was opened from (its filter, seed and n), or None when it came from a card."""
    current, seed, n = _seeded()
    return (current, seed, n) if seed else None


def _after_card(context):
    """Where a discussion goes when its card is done: the next card of the same draw, or back to a card."""
    if context is None:
        return None
    current, seed, n = context
    following = nth(_draw_pile(current), seed, n + 1)
    if following is None:  # the pile is empty: its page says so
        return url_for("mentor.trek", **current.args(), seed=seed, n=n + 1)
    return url_for("mentor.gesprek", slug=following.slug, vraag=1, **current.args(), seed=seed, n=n + 1)


@bp.get("/kaart/<slug>/gesprek")
def gesprek(slug):
    card = collection().get(slug) or abort(404)
    weergave = "scherm" if request.args.get("weergave") == "scherm" else None
    context = _draw_context()
    draw = {**context[0].args(), "seed": context[1], "n": context[2]} if context else {}
    index = _number("vraag")
    total = len(card.prompts)
    if total and (index is None or index > total):
        return redirect(url_for("mentor.gesprek", slug=slug, vraag=min(index or 1, total), weergave=weergave, **draw))
    index = index or 1

    def step(m):
        return url_for("mentor.gesprek", slug=slug, vraag=m, weergave=weergave, **draw)

    nav = {
        "previous": step(max(index - 1, 1)),
        "next": step(min(index + 1, max(total, 1))),
        "back": url_for("mentor.trek", **draw) if context else url_for("pages.card", slug=slug),
        "back_label": "Terug naar de stapel" if context else "Terug naar de kaart",
        "next_card": _after_card(context),
    }
    return _discussion(card, index, nav, weergave, stepping=True)


@bp.get("/willekeurige-vraag")
def willekeurige_vraag():
    current, seed, n = _seeded()
    if seed is None:
        return redirect(url_for("mentor.willekeurige_vraag", **current.args(), **n))
    prompts = _prompt_pile(current)
    drawn = nth_prompt(prompts, seed, (n - 1) % len(prompts) + 1) if prompts else None
    if drawn is None:
        return render_template("leeg.html", titel="Geen vragen", uitleg="Er zijn geen kaarten met vragen in deze selectie.", terug=url_for("pages.index", **current.args()))
    card, index = drawn

    def step(m):
        return url_for("mentor.willekeurige_vraag", **current.args(), seed=seed, n=m)

    nav = {
        "previous": step(n - 1) if n > 1 else None,
        "next": step(n + 1),
        "next_label": "Nog een willekeurige vraag",
        "back": url_for("pages.card", slug=card.slug),
        "back_label": "Naar de hele kaart",
    }
    return _discussion(card, index, nav, None, stepping=False)


def _practice_piles():
    return card_store().cached("oefen-stapels", Piles.of)


# What each player sees besides the scenario: role cards, the observer card, the notes for the mentor.
SEES_ROLES = {"ouder": ("ouder",), "vierde": ("vierde",), "observator": ("ouder", "vierde")}
SEES_NOTES = ("", "observator")  # the spelleider (no speler) and the observer


@bp.get("/oefenen")
def oefenen():
    seed, s, r = request.args.get("seed", ""), _number("scenario") or 1, _number("rol") or 1
    speler = request.args.get("speler", "")
    speler = speler if speler in ROLLEN else ""
    if not valid_seed(seed):
        return redirect(url_for("mentor.oefenen", seed=new_seed(), scenario=s, rol=r, speler=speler or None))
    cards = collection()
    spel = role_play(cards, _practice_piles(), seed, s, r)
    if spel is None:
        return render_template("leeg.html", titel="Oefenen kan nog niet", uitleg="Voor het oefenen zijn scenariokaarten en rolkaarten nodig (soort: scenario en soort: rol).", terug=url_for("pages.index"))

    def link(**changes):
        return url_for("mentor.oefenen", **{"seed": seed, "scenario": s, "rol": r, "speler": speler or None, **changes})

    in_play = {"ouder": spel.ouder, "vierde": spel.vierde}
    spelers = [  # the spelleider hands these out; a player's own view has none
        {"naam": naam, "label": label, "rolkaart": in_play.get(naam), **_share("mentor.oefenen", seed=seed, scenario=s, rol=r, speler=naam)}
        for naam, label in ROLLEN.items()
        if not speler and (naam != "vierde" or spel.vierde)
    ]
    rolkaarten = [(naam, in_play[naam]) for naam in SEES_ROLES.get(speler, ()) if in_play[naam]]
    return render_template(
        "oefenen.html",
        speler=speler,
        spelers=spelers,
        scenario=spel.scenario,
        rolkaarten=rolkaarten,
        observator=spel.observatie if speler == "observator" else None,
        vierde=spel.vierde,
        toon_begeleider=speler in SEES_NOTES,
        bakken=cards.bakken,
        ander_scenario=link(scenario=s + 1),
        andere_rol=link(rol=r + 1) if spel.more_roles else None,
        opnieuw=url_for("mentor.oefenen"),
        begeleider=link(speler=None),
        label=ROLLEN.get(speler, "Spelleider"),
    )


@bp.get("/verslag")
def verslag():
    return render_template("verslag.html")


def init_app(app):
    app.register_blueprint(bp)

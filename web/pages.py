"""The HTML pages: the overview with filters, a card, the guide, the load report and health."""

from pathlib import Path

from flask import Blueprint, Response, abort, current_app, render_template, request, send_from_directory, url_for

from kaartenbak.guide import load_guide
from kaartenbak.hyphenate import hyphenate
from kaartenbak.printing import SIZES, print_run
from kaartenbak.snippets import snippet

from .caching import cached_page, fingerprint
from .filters import Filter, active_filters, deck_links, facet_links, paginate, search_notes, tag_url
from .share import public_url, qr_svg
from .store import card_store, collection

bp = Blueprint("pages", __name__)


@bp.get("/")
@cached_page("tag", "bak", "q", "pagina")
def index():
    cards = collection()
    current = Filter.from_request()
    selection = cards.select(tags=current.tags, bak=current.bak, query=current.q)
    page = paginate(selection.cards, current)
    return render_template(
        "index.html",
        selection=selection,
        page=page,
        snippets={card.slug: snippet(card, selection.hits, cards.synonyms(card)) for card in page.cards} if selection.hits else {},
        notes=search_notes(selection, current),
        filter=current,
        facets=facet_links(selection, current),
        decks=deck_links(cards.bakken, current),
        chips=active_filters(current, cards.bakken),
        bakken=cards.bakken,
        total=len(cards),
        trek_url=url_for("mentor.trek", **current.args()),
        vraag_url=url_for("mentor.willekeurige_vraag", **current.args()),
        print_url=url_for("pages.afdrukken", **current.args()),
    )


@bp.get("/kaart/<slug>")
@cached_page()
def card(slug):
    cards = collection()
    found = cards.get(slug) or abort(404)
    before, after = cards.neighbours(found)
    return render_template("kaart.html", card=found, bak=cards.bakken[found.bak], before=before, after=after)


@bp.get("/afdrukken")
def afdrukken():
    cards = collection()
    current = Filter.from_request()
    single = cards.get(request.args.get("kaart", ""))
    chosen = [single] if single else cards.select(tags=current.tags, bak=current.bak, query=current.q).cards
    back = url_for("pages.card", slug=single.slug) if single else url_for("pages.index", **current.args())
    # a QR code of a file in the static export helps no one: its fronts say the card is on the site
    static = bool(current_app.config.get("KAARTENBAK_STATISCH"))
    qr = {card.slug: "" if static else _card_qr(card.slug) for card in chosen}
    return render_template(
        "afdrukken.html", run=print_run(chosen), count=len(chosen), bakken=cards.bakken, terug=back, qr=qr,
        statisch=static, maten=" ".join(size.name for size in SIZES),
    )


def _card_qr(slug: str):
    return qr_svg(public_url("pages.card", slug=slug), "QR-code van de kaart op de site")


@bp.get("/werken-met-de-kaartenbak")
@cached_page()
def gids():
    return render_template("gids.html", gids=load_guide(Path(current_app.root_path) / "docs" / "werken-met-de-kaartenbak.md"))


@bp.get("/plaatje/<bak>/<naam>")
def image(bak, naam):
    """Serve an image lying beside a deck's cards; anything else, links out of the folder included, is a 404."""
    store = card_store()
    if (bak, naam) not in store.collection.images:
        abort(404)
    # absolute: Flask reads a relative folder from the app's folder, the store from the working directory
    return send_from_directory(store.root.absolute() / bak, naam)


@bp.get("/controle")
def controle():
    cards = collection()
    return render_template("controle.html", problems=cards.problems, total=len(cards), errors=cards.error_count)


@bp.get("/healthz")
def healthz():
    cards = collection()
    return {"status": "ok", "kaarten": len(cards), "fouten": cards.error_count}


def deck_css() -> str:
    """Each deck's colour as a CSS class, built once per version of the collection."""
    return card_store().cached("bakken.css", lambda cards: render_template("bakken.css", bakken=cards.bakken.values()))


@bp.get("/bakken.css")
def deck_colours():
    """Serve the deck colours, so pages need no inline styles."""
    return Response(deck_css(), mimetype="text/css")


def init_app(app):
    app.register_blueprint(bp)
    app.add_template_global(tag_url)
    app.add_template_filter(hyphenate, "afbreken")
    fingerprint(app, "pages.deck_colours", deck_css)

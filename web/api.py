"""The JSON API: every card with its prompts, for scripts and the static export."""

from flask import Blueprint, current_app, stream_with_context, url_for

from .store import card_store

bp = Blueprint("api", __name__)


@bp.get("/api/kaarten.json")
def kaarten():
    """Every card, written out card by card: at 10,000 cards 10 MB of JSON that is never held whole."""
    store = card_store()
    store.collection  # noqa: B018 - notice changes first: the version read next is then never newer than the cards
    etag = f"kaarten-{store.version}-{store.changed_at}"
    response = current_app.response_class(stream_with_context(_json_parts(store.collection)), mimetype="application/json")
    response.set_etag(etag)
    return response


def _json_parts(cards, per_part: int = 100):
    dumps = current_app.json.dumps
    yield b"["
    for start in range(0, len(cards.cards), per_part):
        part = ",".join(
            dumps({**card.as_json(), "url": url_for("pages.card", slug=card.slug)}, separators=(",", ":"))
            for card in cards.cards[start:start + per_part]
        )
        yield (b"," if start else b"") + part.encode()
    yield b"]"


def init_app(app):
    app.register_blueprint(bp)

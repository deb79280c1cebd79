"""The JSON API: every card with its prompts, for scripts and the static export."""

from flask import Blueprint, url_for

from .caching import cached_page
from .store import card_store

bp = Blueprint("api", __name__)


@bp.get("/api/kaarten.json")
@cached_page
def kaarten():
    return card_store().cached(
        "api", lambda cards: [{**card.as_json(), "url": url_for("pages.card", slug=card.slug)} for card in cards]
    )


def init_app(app):
    app.register_blueprint(bp)

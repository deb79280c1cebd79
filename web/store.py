"""Attach the live card collection to the app and hand it to the views."""

from flask import current_app

from kaartenbak.store import CardStore


def init_app(app):
    """Load the cards once at start; later requests only check for changes."""
    app.extensions["kaarten"] = CardStore(
        app.config["KAARTEN_DIR"],
        check_interval=app.config["KAARTEN_CHECK_INTERVAL"],
        include_concepts=app.config["KAARTENBAK_CONCEPTEN"],
    )


def card_store() -> CardStore:
    """Return the app's card store."""
    return current_app.extensions["kaarten"]


def collection():
    """Return the current collection, picking up changes on disk."""
    return card_store().collection

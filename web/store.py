"""Attach the live card collection to the app and hand it to the views."""

import gc
import hashlib
import os
from pathlib import Path

from flask import current_app

from kaartenbak.store import CardStore


def init_app(app):
    """Load the cards once at start; later requests only check for changes."""
    app.extensions["kaarten"] = CardStore(
        app.config["KAARTEN_DIR"],
        check_interval=app.config["KAARTEN_CHECK_INTERVAL"],
        include_concepts=app.config["KAARTENBAK_CONCEPTEN"],
        cache_file=cache_file(app),
        settle=app.config["KAARTEN_SETTLE"],
        load_budget=app.config["KAARTEN_LOAD_BUDGET"],
    )
    if not app.testing:
        # The cards stay for the life of the process: keep the garbage collector from walking
        # them again and again (a fifth of the time of rendering a card page at 10,000 cards).
        gc.freeze()


def cache_file(app) -> str | None:
    """Where parsed cards are kept between runs: ``KAARTEN_CACHE`` ("" for nowhere), else the instance folder."""
    configured = app.config.get("KAARTEN_CACHE")
    if configured is not None:
        return configured or None
    if app.testing:
        return None  # every test has its own card folder: leave the instance folder alone
    root = str(Path(app.config["KAARTEN_DIR"]).resolve())
    return os.path.join(app.instance_path, f"kaarten-{hashlib.sha256(root.encode()).hexdigest()[:12]}.cache")


def card_store() -> CardStore:
    """Return the app's card store."""
    return current_app.extensions["kaarten"]


def collection():
    """Return the current collection, picking up changes on disk."""
    return card_store().collection

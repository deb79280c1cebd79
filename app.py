"""The Kaartenbak web site: ``create_app()`` wires the domain to Flask."""

import os
import secrets
from pathlib import Path

from flask import Flask

from web import api, caching, cli, compression, errors, export, mentor, offline, pages, security, store, werkplaats

HERE = Path(__file__).resolve().parent


def _comma_list(value: str) -> list[str] | None:
    return [item.strip() for item in value.split(",") if item.strip()] or None


def create_app(test_config=None):
    """Build the site; ``test_config`` replaces settings from the environment."""
    app = Flask(__name__)
    app.config.from_mapping(
        SECRET_KEY=os.environ.get("SECRET_KEY") or secrets.token_hex(32),
        KAARTEN_DIR=os.environ.get("KAARTEN_DIR") or str(HERE / "kaarten"),
        KAARTEN_CHECK_INTERVAL=float(os.environ.get("KAARTEN_CHECK_INTERVAL", "1")),
        # a card file changed less than this many seconds ago may be half written: wait for it
        KAARTEN_SETTLE=float(os.environ.get("KAARTEN_SETTLE", "0.3")),
        # seconds one check may spend reading changed cards before it serves what it has and goes on at the next check
        KAARTEN_LOAD_BUDGET=float(os.environ.get("KAARTEN_LOAD_BUDGET", "30")),
        KAARTEN_CACHE=os.environ.get("KAARTEN_CACHE"),  # parsed cards kept between runs; "" for none
        KAARTENBAK_CONCEPTEN=os.environ.get("KAARTENBAK_CONCEPTEN", "") in ("1", "true", "ja"),
        KAARTENBAK_STATISCH=os.environ.get("KAARTENBAK_STATISCH", "") in ("1", "true", "ja"),  # render for the static export
        MAX_CONTENT_LENGTH=64 * 1024,
        TRUSTED_HOSTS=_comma_list(os.environ.get("TRUSTED_HOSTS", "")),  # None: any Host is answered
        PUBLIC_URL=os.environ.get("PUBLIC_URL", "").rstrip("/"),  # where share links point; "": the Host asked for
        # a card's page on the Git host, "{pad}" standing for its path in the card folder (like MkDocs' edit_uri)
        KAARTEN_BEWERK_URL=os.environ.get("KAARTEN_BEWERK_URL", ""),
        JSON_SORT_KEYS=False,
    )
    if test_config is not None:
        app.config.update(test_config)
    app.json.ensure_ascii = False
    app.json.sort_keys = False

    store.init_app(app)
    compression.init_app(app)  # hooks run last-registered first: this one compresses what caching marked
    caching.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    pages.init_app(app)
    api.init_app(app)
    mentor.init_app(app)
    offline.init_app(app)
    werkplaats.init_app(app)
    cli.init_app(app)
    export.init_app(app)  # last, so its hook sees each page before the others do
    return app

"""Offline use: a web app manifest, a service worker, and the list of what it keeps."""

import hashlib
from pathlib import Path

from flask import Blueprint, current_app, render_template, send_from_directory, url_for

from .store import card_store

bp = Blueprint("offline", __name__)

PRECACHE_LIMIT = 1000  # a huge collection is cached as it is visited, not all at once
STATIC_FILES = ("kaartenbak.css", "kaartenbak.js", "gesprekken.js", "gesprek.js", "verslag.js", "afdrukken.css", "favicon.svg", "icoon-192.png", "icoon-512.png")


@bp.get("/manifest.webmanifest")
def manifest():
    data = {
        "name": "Kaartenbak ouderbetrokkenheid",
        "short_name": "Kaartenbak",
        "description": "Kaarten over ouderbetrokkenheid voor studenten, startende leraren en hun begeleiders.",
        "lang": "nl",
        "start_url": url_for("pages.index"),
        "scope": url_for("pages.index"),
        "display": "standalone",
        "background_color": "#f1ede4",
        "theme_color": "#1d5c7a",
        "icons": [
            {"src": url_for("static", filename=f"icoon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png"}
            for size in (192, 512)
        ] + [{"src": url_for("static", filename="favicon.svg"), "sizes": "any", "type": "image/svg+xml"}],
    }
    return current_app.response_class(current_app.json.dumps(data), mimetype="application/manifest+json")


@bp.get("/sw.js")
def service_worker():
    """Serve the worker from the root, so it may look after every page; never cached itself."""
    response = send_from_directory(current_app.static_folder, "sw.js", mimetype="text/javascript", max_age=0)
    response.headers["Cache-Control"] = "no-cache"
    return response


def _precache(cards) -> dict:
    urls = [
        url_for("pages.index"),
        url_for("mentor.verslag"),
        url_for("offline.offline_page"),
        url_for("pages.deck_colours"),
        *(url_for("static", filename=name) for name in STATIC_FILES),
        *(url_for("pages.card", slug=card.slug) for card in list(cards)[:PRECACHE_LIMIT]),
    ]
    static = Path(current_app.static_folder)
    digest = hashlib.sha256()
    for name in STATIC_FILES:
        digest.update((static / name).read_bytes())
    digest.update(str(id(cards)).encode())
    return {"versie": digest.hexdigest()[:16], "urls": urls}


@bp.get("/offline.json")
def precache_list():
    """What the service worker keeps after one visit: the overview, every card, the look."""
    return card_store().cached("offline.json", _precache)


@bp.get("/offline")
def offline_page():
    return render_template("offline.html")


def init_app(app):
    app.register_blueprint(bp)

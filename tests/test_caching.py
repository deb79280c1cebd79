"""HTTP caching: 304s for unchanged pages, new ETags for changed cards, fingerprinted static files, gzip."""

import gzip
import re

import pytest

from web.caching import PAGES_KEPT, YEAR

from .conftest import BAK_YML, card_text
from .test_store import touch_later

PAGES = ["/", "/?tag=emoties", "/?q=kaart", "/kaart/een", "/kaart/een/gesprek?vraag=1", "/api/kaarten.json", "/controle", "/bakken.css"]


@pytest.fixture
def filled(kaarten):
    kaarten.card("een", titel="Eerste kaart", tags="[emoties]")
    kaarten.card("twee", titel="Tweede kaart")
    return kaarten


def assets(page: str) -> list[str]:
    """The stylesheets and scripts a page loads."""
    return [url.replace("&amp;", "&") for url in re.findall(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"', page)]


@pytest.mark.parametrize("url", PAGES)
def test_unchanged_pages_answer_304(client, filled, url):
    first = client.get(url)
    assert first.status_code == 200 and first.headers["Last-Modified"]
    assert first.cache_control.no_cache
    again = client.get(url, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    since = client.get(url, headers={"If-Modified-Since": first.headers["Last-Modified"]})
    assert since.status_code == 304


def test_a_changed_card_changes_the_etag(client, filled):
    before = {url: client.get(url).headers["ETag"] for url in ("/kaart/een", "/", "/api/kaarten.json")}
    touch_later(filled.write("proef/een.md", card_text(titel="Eerste kaart, herzien", tags="[emoties]")))
    for url, etag in before.items():
        response = client.get(url, headers={"If-None-Match": etag})
        assert response.status_code == 200 and response.headers["ETag"] != etag
        assert "herzien" in response.get_data(as_text=True)


def test_static_files_are_fingerprinted_and_kept_for_a_year(client, filled):
    urls = assets(client.get("/kaart/een").get_data(as_text=True))
    assert any(url.startswith("/static/kaartenbak.css?v=") for url in urls)
    assert any(url.startswith("/static/kaartenbak.js?v=") for url in urls)
    for url in urls:
        with client.get(url) as response:
            assert response.status_code == 200
            assert response.cache_control.max_age == YEAR and response.cache_control.immutable
            assert response.cache_control.public and not response.cache_control.no_cache


@pytest.mark.parametrize("url", ["/static/kaartenbak.css", "/static/kaartenbak.css?v=oud", "/bakken.css", "/bakken.css?v=oud"])
def test_files_without_the_current_fingerprint_are_revalidated(client, filled, url):
    with client.get(url) as response:
        assert response.status_code == 200 and not response.cache_control.max_age


def test_deck_colours_get_a_new_fingerprint_when_a_colour_changes(client, filled):
    def colours_url():
        return next(url for url in assets(client.get("/").get_data(as_text=True)) if url.startswith("/bakken.css?v="))

    before = colours_url()
    touch_later(filled.bak(text=BAK_YML.replace("#1d5c7a", "#00ff00")) / "_bak.yml")
    after = colours_url()
    assert after != before and "#00ff00" in client.get(after).get_data(as_text=True)


@pytest.mark.parametrize("url", ["/kaart/een", "/", "/static/kaartenbak.css"])
def test_gzip_when_the_browser_accepts_it(client, filled, url):
    with client.get(url) as plain, client.get(url, headers={"Accept-Encoding": "gzip, deflate"}) as packed:
        assert plain.content_encoding is None and "Accept-Encoding" in plain.vary
        assert packed.content_encoding == "gzip" and gzip.decompress(packed.data) == plain.data
    with client.get(url, headers={"Accept-Encoding": "gzip", "If-None-Match": packed.headers["ETag"]}) as again:
        assert again.status_code == 304


def test_the_page_cache_stays_bounded(app, client, filled):
    for number in range(PAGES_KEPT + 20):
        assert client.get(f"/?q=kaart{number}").status_code == 200
    assert len(app.extensions["pages"]) == PAGES_KEPT
    app.extensions["pages"].clear()
    for number in range(20):
        assert client.get(f"/kaart/een?onzin={number}").status_code == 200
    assert len(app.extensions["pages"]) == 1  # arguments a page does not read make no new entries

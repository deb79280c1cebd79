"""Offline: after one visit the deck keeps working without a connection, and says so."""

import pytest


def test_manifest_makes_the_site_installable(client, kaarten):
    kaarten.card("een")
    manifest = client.get("/manifest.webmanifest")
    assert manifest.mimetype == "application/manifest+json"
    data = manifest.get_json()
    assert data["lang"] == "nl" and data["start_url"] == "/" and data["display"] == "standalone"
    assert {icon["sizes"] for icon in data["icons"]} >= {"192x192", "512x512"}
    for icon in data["icons"]:
        assert client.get(icon["src"]).status_code == 200
    assert 'rel="manifest" href="/manifest.webmanifest"' in client.get("/").get_data(as_text=True)


def test_the_precache_list_holds_every_card_and_changes_with_them(client, kaarten):
    kaarten.card("een")
    first = client.get("/offline.json").get_json()
    assert "/kaart/een" in first["urls"] and "/" in first["urls"] and "/offline" in first["urls"]
    assert all(client.get(url).status_code == 200 for url in first["urls"])
    kaarten.card("twee")
    second = client.get("/offline.json").get_json()
    assert "/kaart/twee" in second["urls"] and second["versie"] != first["versie"]


def test_service_worker_is_served_from_the_root_uncached(client):
    response = client.get("/sw.js")
    assert response.status_code == 200 and response.mimetype == "text/javascript"
    assert response.headers["Cache-Control"] == "no-cache"


@pytest.mark.browser
def test_after_one_visit_cards_open_without_a_connection(browser, live_server, kaarten):
    kaarten.card("bezocht", titel="Bezochte kaart")
    kaarten.card("nooit-bezocht", titel="Nooit bezochte kaart")
    context = browser.new_context()
    page = context.new_page()
    page.goto(live_server + "/kaart/bezocht")
    page.evaluate("""() => navigator.serviceWorker.ready.then(() => new Promise(resolve => {
        const check = () => caches.open('kaartenbak').then(c => c.match('/versie-van-de-kaarten'))
            .then(found => found ? resolve() : setTimeout(check, 100));
        check();
    }))""")
    assert not page.locator("[data-offline]").is_visible()

    context.set_offline(True)
    page.goto(live_server + "/kaart/nooit-bezocht")
    assert page.locator("h1").inner_text() == "Nooit bezochte kaart"
    assert page.locator("[data-offline]").is_visible()
    assert "offline" in page.locator("[data-offline]").inner_text()

    page.goto(live_server + "/trek?seed=abc&n=1")
    assert page.locator("h1").inner_text() == "Je bent offline"
    context.set_offline(False)
    context.close()

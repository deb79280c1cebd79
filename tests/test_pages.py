"""The pages: overview with filters, card, load report, health, errors — never a 500."""

import unicodedata
from urllib.parse import quote

import pytest

from .conftest import card_text


@pytest.fixture
def filled(kaarten):
    kaarten.card("eerste", titel="Eerste kaart", nummer=1, tags="[contact, emoties]", samenvatting="Over contact.")
    kaarten.card("tweede", titel="Tweede kaart", nummer=2, tags="[reflectie]", begeleider="Luister goed.")
    kaarten.card("derde", titel="Het oudergesprek", nummer=3, tags="[oudergesprek]")
    return kaarten


def test_overview_lists_cards_with_counts(client, filled):
    page = client.get("/").get_data(as_text=True)
    assert '<html lang="nl">' in page
    assert page.index("Eerste kaart") < page.index("Tweede kaart") < page.index("Het oudergesprek")
    assert "3 kaarten" in page
    assert "Over contact." in page


def test_tag_filter_shows_matching_cards_and_counts(client, filled):
    page = client.get("/?tag=emoties").get_data(as_text=True)
    assert "Eerste kaart" in page and "Tweede kaart" not in page
    assert "1 van 3 kaarten" in page
    assert 'href="/?tag=emoties&amp;tag=contact+met+ouders#resultaten"' in page  # a further tag narrows down


def test_search_and_empty_state(client, filled):
    assert "Het <mark>oudergesprek</mark>" in client.get("/?q=oudergesprekken").get_data(as_text=True)
    page = client.get("/?q=bestaatnietwoord").get_data(as_text=True)
    assert "Geen kaarten gevonden" in page and "0 van 3 kaarten" in page


def test_card_page_shows_the_card(client, filled):
    page = client.get("/kaart/tweede").get_data(as_text=True)
    assert 'data-slug="tweede"' in page
    assert '<h1 class="kaart-titel">Tweede kaart</h1>' in page
    assert '<ol class="vragen">' in page
    assert 'href="/?tag=reflectie#resultaten"' in page
    assert "Luister goed." in page
    assert 'rel="prev" href="/kaart/eerste"' in page and 'rel="next" href="/kaart/derde"' in page


def test_unknown_card_is_a_dutch_404(client, filled):
    response = client.get("/kaart/bestaat-niet")
    assert response.status_code == 404
    assert "Niet gevonden" in response.get_data(as_text=True)


def test_controle_lists_problems_in_dutch(client, kaarten):
    kaarten.card("goed")
    kaarten.write("proef/kapot.md", "---\ntitel: [oeps\n---\n")
    page = client.get("/controle").get_data(as_text=True)
    assert "proef/kapot.md" in page and "1 kaart geladen, 1 fout" in page


def test_controle_warns_of_a_scenario_naming_a_missing_role(client, kaarten):
    kaarten.card("scenario", soort="scenario", rollen="[rol-weg]")
    page = client.get("/controle").get_data(as_text=True)
    assert "proef/scenario.md" in page and "&#39;rollen&#39; noemt de kaart &#39;rol-weg&#39;, maar die bestaat niet" in page


def test_healthz_counts_cards_and_errors(client, kaarten):
    kaarten.card("goed")
    kaarten.write("proef/kapot.md", "")
    assert client.get("/healthz").get_json() == {"status": "ok", "kaarten": 1, "fouten": 1}


def test_front_matter_is_text_not_html(client, kaarten):
    kaarten.write("proef/x.md", card_text(titel='"<script>alert(1)</script>"', samenvatting='"<b>vet</b>"'))
    page = client.get("/kaart/x").get_data(as_text=True)
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "<b>vet</b>" not in page


def test_a_new_card_appears_without_restart(client, kaarten):
    assert "Later toegevoegd" not in client.get("/").get_data(as_text=True)
    kaarten.card("later", titel="Later toegevoegd")
    assert "Later toegevoegd" in client.get("/").get_data(as_text=True)


def test_deck_colours_are_served_as_css(client, filled):
    response = client.get("/bakken.css")
    assert response.mimetype == "text/css"
    assert ".bak-proef { --kleur: #1d5c7a; }" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "url",
    [
        "/?tag=",
        "/?tag=" + "x" * 5000,
        "/?q=%ff%fe%00",
        "/?q=%",
        "/?bak=../../etc",
        "/?" + "&".join(["tag=a"] * 500),
        "/kaart/..%2f..%2fapp.py",
        "/kaart/%00",
        "/kaart/" + "a" * 3000,
        "/static/../app.py",
        "/api/kaarten.json?q=<script>",
        "/controle?x=%E0%A4%A",
    ],
)
def test_odd_urls_never_give_a_server_error(client, filled, url):
    response = client.get(url)
    assert response.status_code in (200, 404)
    assert b"create_app" not in response.data


PNG = b"\x89PNG\r\n\x1a\nproef"


@pytest.fixture
def with_images(kaarten, tmp_path):
    kaarten.write("proef/schets.png", PNG)
    kaarten.write("proef/mijn foto.jpg", b"\xff\xd8\xff")
    kaarten.write("proef/schets.svg", "<svg><script>alert(1)</script></svg>")
    kaarten.write("proef/.verborgen.png", PNG)
    kaarten.card("kaart", body="![Een schets](schets.png)\n\n![Foto](mijn%20foto.jpg)\n")
    (tmp_path / "geheim.png").write_bytes(b"GEHEIM")
    (kaarten.root / "proef" / "buiten.png").symlink_to(tmp_path / "geheim.png")
    (kaarten.root / "uitstapje").symlink_to(tmp_path)
    return kaarten


@pytest.mark.parametrize("src, mimetype, data", [("/plaatje/proef/schets.png", "image/png", PNG), ("/plaatje/proef/mijn%20foto.jpg", "image/jpeg", b"\xff\xd8\xff")])
def test_card_images_are_served_beside_the_card(client, with_images, src, mimetype, data):
    assert f'src="{src}"' in client.get("/kaart/kaart").get_data(as_text=True)
    response = client.get(src)
    assert (response.status_code, response.mimetype, response.data) == (200, mimetype, data)


@pytest.mark.parametrize("settings", [{"KAARTEN_DIR": "kaarten"}])
def test_images_are_served_from_a_relative_card_folder_too(client, with_images, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # a relative KAARTEN_DIR means: from the working directory
    assert client.get("/plaatje/proef/schets.png").data == PNG


@pytest.mark.parametrize(
    "url",
    [
        "/plaatje/proef/bestaat-niet.png",
        "/plaatje/proef/schets.svg",
        "/plaatje/proef/.verborgen.png",
        "/plaatje/proef/_bak.yml",
        "/plaatje/proef/kaart.md",
        "/plaatje/proef/buiten.png",
        "/plaatje/uitstapje/geheim.png",
        "/plaatje/proef/..%2f..%2fgeheim.png",
        "/plaatje/proef/%2e%2e/%2e%2e/geheim.png",
        "/plaatje/proef/../../geheim.png",
        "/plaatje/..%2f/geheim.png",
        "/plaatje/../geheim.png",
        "/plaatje/proef/schets.png%00.svg",
    ],
)
def test_nothing_else_is_served_as_an_image(client, with_images, url):
    response = client.get(url, follow_redirects=True)
    assert response.status_code == 404
    assert b"GEHEIM" not in response.data and b"<script>" not in response.data


@pytest.mark.parametrize("settings, shown", [({}, False), ({"KAARTENBAK_CONCEPTEN": True}, True)])
def test_concept_cards_show_only_with_the_setting(client, kaarten, settings, shown):
    kaarten.card("klaar", titel="Klare kaart")
    kaarten.card("schets", titel="Schetskaart", concept="true")
    overview = client.get("/").get_data(as_text=True)
    assert "Klare kaart" in overview and ("Schetskaart" in overview) == shown
    page = client.get("/kaart/schets")
    assert page.status_code == (200 if shown else 404)
    assert ('<p class="concept">concept</p>' in page.get_data(as_text=True)) == shown
    assert [card["slug"] for card in client.get("/api/kaarten.json").get_json()] == (["klaar", "schets"] if shown else ["klaar"])


def test_a_long_overview_is_cut_into_pages(client, kaarten):
    from web.filters import PER_PAGE

    for number in range(PER_PAGE + 2):
        kaarten.card(f"kaart-{number:03d}", titel=f"Kaart {number:03d}", nummer=number + 1)
    first = client.get("/?tag=reflectie").get_data(as_text=True)
    assert first.count('class="tile ') == PER_PAGE and f"{PER_PAGE + 2} van {PER_PAGE + 2} kaarten" in first
    assert 'rel="next" href="/?tag=reflectie&amp;pagina=2"' in first and 'rel="prev"' not in first
    second = client.get("/?tag=reflectie&pagina=2").get_data(as_text=True)
    assert second.count('class="tile ') == 2 and 'rel="prev" href="/?tag=reflectie"' in second
    assert "Kaart 049" in second and "Kaart 000" not in second
    assert client.get("/?tag=reflectie&pagina=99").get_data(as_text=True) == second  # past the end: the last page
    assert client.get("/?tag=reflectie&pagina=nul").get_data(as_text=True) == first


@pytest.mark.parametrize("saved", ["NFC", "NFD"])
@pytest.mark.parametrize("typed", ["NFC", "NFD"])
def test_a_card_is_reached_whatever_unicode_form_its_file_name_and_the_url_are_in(client, kaarten, saved, typed):
    kaarten.card(unicodedata.normalize(saved, "café"), titel="Koffie")
    overview = client.get("/").get_data(as_text=True)
    assert 'href="/kaart/caf%C3%A9"' in overview  # the link is in NFC, as a person types it
    for url in ("/kaart/" + quote(unicodedata.normalize(typed, "café")), "/kaart/" + quote(unicodedata.normalize(typed, "café")) + "/gesprek"):
        response = client.get(url, follow_redirects=True)
        assert response.status_code == 200, url
        assert "Koffie" in response.get_data(as_text=True)

"""The workbench page without a browser: the form that posts, the check endpoint, download, editing a card."""

import re

import pytest

from .test_hostile import XSS, assert_calm

PROMPTS = "Inleiding.\n\n## Stof tot nadenken\n\n- Wat vind jij?\n  - Waarom?\n"
FORM = {"bak": "proef", "titel": "Een nieuwe kaart", "soort": "reflectie", "tags": ["emoties"], "tekst": PROMPTS}


@pytest.fixture
def deck(kaarten):
    kaarten.bak()
    kaarten.card("bestaand", titel="Bestaand", tags="[oudercontact, emoties]", nummer=3, samenvatting="Over iets.",
                 begeleider="'Let op: dit.'", body=PROMPTS)
    return kaarten


def files(kaarten):
    return {path: path.stat().st_mtime_ns for path in kaarten.root.rglob("*")}


def test_a_new_card_starts_from_the_template_and_the_page_says_nothing_is_stored(client, deck):
    html = client.get("/werkplaats").get_data(as_text=True)
    assert "## Stof tot nadenken" in html and "## Aan de slag" in html and "## Bronnen" in html
    assert "De site bewaart niets van wat je hier schrijft." in html
    assert 'value="contact met ouders"' in html and "(contact, oudercontact)" in html  # the vocabulary, with synonyms


def test_the_form_posts_without_javascript_and_shows_problems_and_preview(client, deck):
    html = client.post("/werkplaats", data={**FORM, "andere_tags": "emotei", "actie": "controleren"}).get_data(as_text=True)
    assert "tag &#39;emotei&#39; staat niet in de woordenlijst van de bak; bedoel je &#39;emoties&#39;?" in html
    assert 'id="veld-andere-tags" name="andere_tags" value="emotei"' in html and 'aria-invalid="true"' in html
    html = client.post("/werkplaats", data={**FORM, "actie": "controleren"}).get_data(as_text=True)
    assert "Geen problemen gevonden" in html
    assert '<h3 class="kaart-titel">Een nieuwe kaart</h3>' in html  # the card page
    assert 'class="a6 voorkant' in html and '<li value="1">Wat vind jij?<ul><li>Waarom?</li></ul></li>' in html  # as printed


def test_the_check_endpoint_answers_with_the_same_html_as_the_page(client, deck):
    answer = client.post("/werkplaats/controleren", data={**FORM, "tekst": PROMPTS.replace("?\n  -", ".\n  -")}).get_json()
    assert "eindigt niet op een vraagteken" in answer["velden"]["tekst"] and "regel 5" in answer["velden"]["tekst"]
    assert answer["velden"]["titel"].strip() == "" and answer["ongeldig"] == []
    assert answer["bestandsnaam"] == "een-nieuwe-kaart.md" and answer["bestand"].startswith("---\ntitel: Een nieuwe kaart\n")
    page = client.post("/werkplaats", data={**FORM, "tekst": PROMPTS.replace("?\n  -", ".\n  -")}).get_data(as_text=True)
    assert answer["voorbeeld"].strip() in page


def test_download_gives_a_card_file_the_strict_check_accepts(client, runner, deck):
    response = client.post("/werkplaats", data={**FORM, "actie": "downloaden"})
    assert response.headers["Content-Disposition"] == "attachment; filename=een-nieuwe-kaart.md"
    deck.write("proef/een-nieuwe-kaart.md", response.data)
    result = runner.invoke(args=["kaarten", "check", "--streng"])
    assert result.exit_code == 0, result.output
    assert "Een nieuwe kaart" in client.get("/kaart/een-nieuwe-kaart").get_data(as_text=True)


def test_editing_a_card_and_downloading_it_unchanged_gives_the_same_card_page(client, runner, deck):
    card_page = client.get("/kaart/bestaand").get_data(as_text=True)
    link = re.search(r'href="(/werkplaats\?kaart=bestaand)">Deze kaart bewerken</a>', card_page).group(1)
    html = client.get(link).get_data(as_text=True)
    assert 'value="Bestaand"' in html and "Let op: dit." in html and 'value="3"' in html
    form = {
        "bak": "proef", "titel": "Bestaand", "nummer": "3", "samenvatting": "Over iets.", "soort": "reflectie",
        "tags": ["contact met ouders", "emoties"], "begeleider": "Let op: dit.", "tekst": PROMPTS, "bestand": "bestaand",
    }
    for value in form.values():  # the form is filled in with exactly this
        assert f'value="{value}"' in html or f">{value}</textarea>" in html or all(f'value="{v}" checked' in html for v in value)
    downloaded = client.post("/werkplaats", data={**form, "actie": "downloaden"})
    assert downloaded.headers["Content-Disposition"] == "attachment; filename=bestaand.md"
    (deck.root / "proef" / "bestaand.md").write_bytes(downloaded.data)
    assert runner.invoke(args=["kaarten", "check", "--streng"]).exit_code == 0
    assert client.get("/kaart/bestaand").get_data(as_text=True) == card_page


def test_an_unknown_card_to_edit_is_a_404(client, deck):
    assert client.get("/werkplaats?kaart=bestaat-niet").status_code == 404


@pytest.mark.parametrize("settings", [{"KAARTEN_BEWERK_URL": "https://git.example/kaarten/edit/main/kaarten/{pad}"}])
def test_a_repository_edit_link_when_configured(client, deck, settings):
    html = client.get("/kaart/bestaand").get_data(as_text=True)
    assert '<a href="https://git.example/kaarten/edit/main/kaarten/proef/bestaand.md">Bewerken in de repository</a>' in html


def test_no_repository_edit_link_without_the_setting(client, deck):
    assert "Bewerken in de repository" not in client.get("/kaart/bestaand").get_data(as_text=True)


def test_the_site_writes_nothing_whatever_is_posted(client, deck):
    before = files(deck)
    for action in ("controleren", "downloaden"):
        client.post("/werkplaats", data={**FORM, "titel": "Bestaand", "bestand": "bestaand", "actie": action})
        client.post("/werkplaats", data={**FORM, "bestand": "../../app", "actie": action})
    client.post("/werkplaats/controleren", data=FORM)
    assert files(deck) == before


def test_more_than_64_kb_is_refused_in_dutch(client, deck):
    for url in ("/werkplaats", "/werkplaats/controleren"):
        response = client.post(url, data={**FORM, "tekst": "x" * 70_000})
        assert response.status_code == 413 and "De kaart is groter dan 64 kB" in response.get_data(as_text=True)


@pytest.mark.parametrize("field", ["bak", "titel", "nummer", "samenvatting", "tags", "andere_tags", "soort", "begeleider",
                                   "rollen", "vierde_speler", "tekst", "bestand", "concept"])
def test_script_in_any_field_never_reaches_the_page(client, deck, field):
    assert_calm(client.post("/werkplaats", data={**FORM, field: XSS}))
    answer = client.post("/werkplaats/controleren", data={**FORM, field: XSS}).get_json()
    for html in (answer["voorbeeld"], *answer["velden"].values()):  # the file's text is data for a textarea, not HTML
        assert "<script>window.gehackt" not in html and 'onerror="window' not in html


def test_the_static_export_has_no_workbench(client, deck, app):
    app.config["KAARTENBAK_STATISCH"] = True
    assert "werkplaats" not in client.get("/kaart/bestaand").get_data(as_text=True)

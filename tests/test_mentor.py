"""The mentor's modes through the test client: draw, discussion mode, random prompt, practice mode."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest


PROMPTS = "## Stof tot nadenken\n\n- Eerste vraag?\n  - Eerste doorvraag?\n- Tweede vraag?\n- Derde vraag?\n"


@pytest.fixture
def deck(kaarten):
    for i in range(1, 6):
        kaarten.card(f"kaart-{i}", titel=f"Kaart {i}", nummer=i, tags="[emoties]" if i % 2 else "[reflectie]", body=PROMPTS, begeleider="Alleen voor de mentor.")
    kaarten.card("scenario-een", bak="oefen", titel="Scenario een", soort="scenario", body=PROMPTS)
    kaarten.card("scenario-twee", bak="oefen", titel="Scenario twee", soort="scenario", body=PROMPTS)
    kaarten.card("rol-boos", bak="oefen", titel="Boze ouder", soort="rol", body="## Wat wil deze ouder?\n\nExcuses.\n")
    kaarten.card("rol-stil", bak="oefen", titel="Stille ouder", soort="rol", body="## Wat wil deze ouder?\n\nRust.\n")
    kaarten.card("observator", bak="oefen", titel="Observatiekaart", soort="observatie", body=PROMPTS)
    return kaarten


def drawn_slug(client, url):
    page = client.get(url).get_data(as_text=True)
    found = re.search(r'<article class="kaart[^"]*" data-slug="([^"]+)"', page)
    return found.group(1) if found else None


def test_trek_without_seed_redirects_to_a_fresh_seed(client, deck):
    response = client.get("/trek?tag=emoties")
    assert response.status_code == 302
    query = parse_qs(urlsplit(response.location).query)
    assert query["n"] == ["1"] and query["tag"] == ["emoties"] and re.fullmatch(r"[a-z0-9]{6}", query["seed"][0])


def test_a_draw_goes_through_the_selection_once_then_says_the_pile_is_empty(client, deck):
    slugs = [drawn_slug(client, f"/trek?seed=abc&n={n}") for n in range(1, 8)]
    assert sorted(slugs) == sorted(["kaart-1", "kaart-2", "kaart-3", "kaart-4", "kaart-5", "scenario-een", "scenario-twee"])
    assert "3 getrokken · nog 4 in de stapel" in client.get("/trek?seed=abc&n=3").get_data(as_text=True)
    empty = client.get("/trek?seed=abc&n=8").get_data(as_text=True)
    assert "De stapel is leeg" in empty and "Opnieuw schudden" in empty


def test_the_same_link_draws_the_same_card(client, deck):
    assert drawn_slug(client, "/trek?seed=zelfde&n=2") == drawn_slug(client, "/trek?seed=zelfde&n=2")


def test_draw_follows_the_filters(client, deck):
    slugs = {drawn_slug(client, f"/trek?tag=emoties&seed=abc&n={n}") for n in range(1, 4)}
    assert slugs == {"kaart-1", "kaart-3", "kaart-5"}


@pytest.mark.parametrize(
    "url, expected",
    [
        ("/trek?seed=abc&n=nul", "n=1"),
        ("/trek?seed=abc&n=-3", "n=1"),
        ("/trek?seed=abc&n=0", "n=1"),
        ("/trek?seed=<script>&n=2", "n=2"),
        ("/trek?seed=" + "a" * 100 + "&n=2", "n=2"),
    ],
)
def test_invalid_seed_or_n_gets_a_sensible_redirect(client, deck, url, expected):
    response = client.get(url)
    assert response.status_code == 302 and expected in response.location
    assert "<script>" not in response.location


def test_huge_n_is_an_empty_pile_not_an_error(client, deck):
    assert "De stapel is leeg" in client.get("/trek?seed=abc&n=999999").get_data(as_text=True)


def test_share_shows_the_link_and_a_qr_code(client, deck):
    page = client.get("/trek?seed=abc&n=1").get_data(as_text=True)
    assert 'value="http://localhost/trek?seed=abc&amp;n=1"' in page
    assert '<svg role="img" aria-label="QR-code van de link"' in page


@pytest.mark.parametrize("settings", [{"PUBLIC_URL": "https://kaarten.school.nl/kaartenbak"}])
def test_share_links_use_the_public_url_whatever_host_was_asked_for(client, deck):
    page = client.get("/trek?seed=abc&n=1", headers={"Host": "intern:8080"}).get_data(as_text=True)
    assert 'value="https://kaarten.school.nl/kaartenbak/trek?seed=abc&amp;n=1"' in page
    assert "intern:8080" not in page


def shown(page: str) -> list[str]:
    """The prompts a page shows without JavaScript: those in a section that is not hidden."""
    return re.findall(r'<section class="vraag-blok" data-vraag-nr="\d+" aria-labelledby="[^"]+">\s*<h1[^>]*>([^<]+)</h1>', page)


def test_discussion_mode_shows_the_asked_prompt_with_its_doorvragen_open(client, deck):
    page = client.get("/kaart/kaart-1/gesprek?vraag=1").get_data(as_text=True)
    assert "vraag 1 van 3" in page
    assert shown(page) == ["Eerste vraag?"]
    assert '<details class="doorvragen-blok" data-doorvragen open>' in page and "Eerste doorvraag?" in page
    assert 'href="/kaart/kaart-1/gesprek?vraag=2" rel="next"' in page
    assert "Alleen voor de mentor." in page
    assert shown(client.get("/kaart/kaart-1/gesprek?vraag=3").get_data(as_text=True)) == ["Derde vraag?"]


def test_from_a_card_discussion_mode_leads_back_to_the_card_and_on_to_the_report(client, deck):
    page = client.get("/kaart/kaart-1/gesprek?vraag=3").get_data(as_text=True)
    assert '<a href="/kaart/kaart-1" data-terug-link>' in page and "Terug naar de kaart" in page
    assert 'data-volgende-kaart hidden' in page and 'href="/verslag">Naar het verslag' in page


def test_from_a_draw_discussion_mode_leads_back_to_the_pile_and_on_to_the_next_card(client, deck):
    drawn = [drawn_slug(client, f"/trek?tag=emoties&seed=abc&n={n}") for n in (1, 2, 3)]
    trek = client.get("/trek?tag=emoties&seed=abc&n=1").get_data(as_text=True)
    assert f'href="/kaart/{drawn[0]}/gesprek?vraag=1&amp;tag=emoties&amp;seed=abc&amp;n=1" data-bespreek>Bespreek deze kaart' in trek
    last = client.get(f"/kaart/{drawn[0]}/gesprek?vraag=3&tag=emoties&seed=abc&n=1").get_data(as_text=True)
    assert 'href="/trek?tag=emoties&amp;seed=abc&amp;n=1" data-terug-link>' in last and "Terug naar de stapel" in last
    assert f'href="/kaart/{drawn[1]}/gesprek?vraag=1&amp;tag=emoties&amp;seed=abc&amp;n=2" data-volgende-kaart>Volgende kaart' in last
    step = client.get(f"/kaart/{drawn[0]}/gesprek?vraag=1&tag=emoties&seed=abc&n=1").get_data(as_text=True)
    assert f'href="/kaart/{drawn[0]}/gesprek?vraag=2&amp;tag=emoties&amp;seed=abc&amp;n=1" rel="next"' in step
    end = client.get(f"/kaart/{drawn[2]}/gesprek?vraag=3&tag=emoties&seed=abc&n=3").get_data(as_text=True)
    assert 'href="/trek?tag=emoties&amp;seed=abc&amp;n=4" data-volgende-kaart>' in end
    assert "De stapel is leeg" in client.get("/trek?tag=emoties&seed=abc&n=4").get_data(as_text=True)


def test_the_draw_shows_its_filter_as_chips_that_remove_it(client, deck):
    page = client.get("/trek?tag=emoties&seed=abc&n=1").get_data(as_text=True)
    assert '<a class="chip" href="/trek">tag: emoties' in page
    assert '<a class="chip wis" href="/trek">Trek uit alle kaarten</a>' in page
    assert 'class="chips"' not in client.get("/trek?seed=abc&n=1").get_data(as_text=True)


def test_projector_view_shows_just_the_prompt(client, deck):
    page = client.get("/kaart/kaart-1/gesprek?vraag=1&weergave=scherm").get_data(as_text=True)
    assert shown(page) == ["Eerste vraag?"]
    assert "Alleen voor de mentor." not in page
    assert "Volgende vraag" not in page and "Notitie" not in page and "textarea" not in page
    assert '<div class="doorvragen-blok" data-doorvragen hidden>' in page and "<summary>Doorvragen" not in page


@pytest.mark.parametrize("vraag, expected", [("", 1), ("0", 1), ("abc", 1), ("99", 3), ("-1", 1)])
def test_discussion_mode_clamps_the_prompt_number(client, deck, vraag, expected):
    response = client.get(f"/kaart/kaart-1/gesprek?vraag={vraag}")
    assert response.status_code == 302 and response.location.endswith(f"vraag={expected}")


def test_random_prompt_is_seeded_and_shareable(client, deck):
    first = client.get("/willekeurige-vraag?seed=abc&n=1&tag=emoties").get_data(as_text=True)
    assert first == client.get("/willekeurige-vraag?seed=abc&n=1&tag=emoties").get_data(as_text=True)
    assert "Nog een willekeurige vraag" in first
    assert re.search(r'data-gesprek="kaart-[135]"', first)


def test_practice_mode_hides_the_parent_role_from_the_teacher(client, deck):
    leraar = client.get("/oefenen?seed=abc&scenario=1&rol=1&speler=leraar").get_data(as_text=True)
    ouder = client.get("/oefenen?seed=abc&scenario=1&rol=1&speler=ouder").get_data(as_text=True)
    observator = client.get("/oefenen?seed=abc&scenario=1&rol=1&speler=observator").get_data(as_text=True)
    rol = re.search(r'data-slug="(rol-[a-z]+)"', ouder).group(1)
    assert rol not in leraar and 'data-slug="observator"' not in leraar
    assert rol in observator and 'data-slug="observator"' in observator
    assert re.search(r'data-slug="scenario-', leraar)


def test_practice_mode_redraws_one_card_at_a_time(client, deck):
    def cards(url):
        page = client.get(url).get_data(as_text=True)
        return re.findall(r'data-slug="((?:scenario|rol)-[a-z]+)"', page)

    scenario, rol = cards("/oefenen?seed=abc&scenario=1&rol=1&speler=ouder")
    other_scenario, same_rol = cards("/oefenen?seed=abc&scenario=2&rol=1&speler=ouder")
    assert other_scenario != scenario and same_rol == rol


def test_nothing_about_a_session_is_stored_on_the_server(client, deck):
    response = client.get("/verslag")
    assert response.status_code == 200 and "Set-Cookie" not in response.headers
    assert client.post("/verslag").status_code == 405


# ---- practice mode: who sees what, the roles a scenario names, a fourth player ----

NOTES = ("Notitie bij", "Voor de begeleider")


@pytest.fixture
def oefen(kaarten):
    """Two scenarios, one naming its own parent roles and a pupil as fourth player; every card has notes for the mentor."""
    def card(slug, titel, soort, **fields):
        kaarten.card(slug, bak="oefen", titel=titel, soort=soort, begeleider=f"Notitie bij {titel.lower()}.", **fields)

    card("scenario-een", "Scenario een", "scenario", body=PROMPTS)
    card("scenario-vier", "Scenario met leerling", "scenario", rollen="[rol-boos, rol-stil]", vierde_speler="[rol-leerling]", body=PROMPTS)
    for slug, titel in (("rol-boos", "Boze ouder"), ("rol-stil", "Stille ouder"), ("rol-druk", "Drukke ouder")):
        card(slug, titel, "rol", samenvatting=f"Je speelt een {titel.lower()}.", body=f"Geheime zorg van de {titel.lower()}.\n")
    card("rol-leerling", "De leerling", "rol", samenvatting="Je speelt de leerling.", body="Geheime zorg van de leerling.\n")
    card("observator", "Observatiekaart", "observatie", body=PROMPTS)
    return kaarten


def practice(client, **args):
    query = {"seed": "abc", "scenario": 1, "rol": 1, **args}
    return client.get("/oefenen", query_string={k: v for k, v in query.items() if v is not None}).get_data(as_text=True)


def scenario_number(client, slug) -> int:
    """The scenario number that draws ``slug`` with seed abc."""
    return next(s for s in (1, 2) if f'data-slug="{slug}"' in practice(client, scenario=s))


def slugs(page) -> list[str]:
    return re.findall(r'<article class="kaart[^"]*" data-slug="([^"]+)"', page)


def in_play(page) -> list[str]:
    return re.findall(r'data-rolkaart="([^"]+)"', page)


@pytest.mark.parametrize("s", [1, 2])
@pytest.mark.parametrize("r", [1, 2, 3])
def test_the_teacher_sees_the_scenario_only_without_notes_for_the_mentor(client, oefen, s, r):
    page = practice(client, scenario=s, rol=r, speler="leraar")
    assert [slug for slug in slugs(page)] in (["scenario-een"], ["scenario-vier"])
    assert not any(words in page for words in NOTES)
    assert "Geheime zorg" not in page and "Je speelt" not in page


def test_players_see_their_own_role_without_notes_and_the_observer_sees_everything(client, oefen):
    s = scenario_number(client, "scenario-vier")
    ouder, vierde, observator = (practice(client, scenario=s, speler=speler) for speler in ("ouder", "vierde", "observator"))
    assert slugs(ouder)[0] == "scenario-vier" and slugs(ouder)[1] in ("rol-boos", "rol-stil") and len(slugs(ouder)) == 2
    assert slugs(vierde) == ["scenario-vier", "rol-leerling"]
    assert "Geheime zorg van de leerling." in vierde and "Geheime zorg van de leerling." not in ouder
    for page in (ouder, vierde):
        assert not any(words in page for words in NOTES)
    assert slugs(observator) == ["scenario-vier", slugs(ouder)[1], "rol-leerling", "observator"]
    assert "Notitie bij scenario met leerling." in observator and "Notitie bij de leerling." in observator


def test_the_overview_names_the_role_in_play_but_never_its_hidden_concern(client, oefen):
    s = scenario_number(client, "scenario-een")
    titles = set()
    for r in (1, 2, 3):
        page = practice(client, scenario=s, rol=r)
        assert "Notitie bij scenario een." in page  # the spelleider keeps the scenario's notes
        assert "Geheime zorg" not in page and "Notitie bij de" not in page
        [slug] = in_play(page)
        titel = {"rol-boos": "Boze ouder", "rol-stil": "Stille ouder", "rol-druk": "Drukke ouder"}[slug]
        assert f"Rolkaart: <strong>{titel}</strong><br>Je speelt een {titel.lower()}." in page
        titles.add(titel)
    assert len(titles) == 3  # "Andere rol" steps through every role: the overview changes with it


def test_a_scenario_naming_its_roles_draws_only_from_those(client, oefen):
    s = scenario_number(client, "scenario-vier")
    drawn = {in_play(practice(client, scenario=s, rol=r))[0] for r in range(1, 7)}
    assert drawn == {"rol-boos", "rol-stil"}
    other = {in_play(practice(client, scenario=3 - s, rol=r))[0] for r in range(1, 7)}
    assert other == {"rol-boos", "rol-stil", "rol-druk"}  # the pupil's role is no parent's role


def test_a_scenario_with_a_fourth_player_has_four_player_links(client, oefen):
    vier = practice(client, scenario=scenario_number(client, "scenario-vier"))
    drie = practice(client, scenario=scenario_number(client, "scenario-een"))
    assert re.findall(r">Open als ([a-z ]+)<", vier) == ["leraar", "ouder", "vierde speler", "observator"]
    assert re.findall(r">Open als ([a-z ]+)<", drie) == ["leraar", "ouder", "observator"]
    assert in_play(vier)[1] == "rol-leerling" and "met vier spelers" in vier and "met drie spelers" in drie


def test_the_fourth_player_of_a_scenario_without_one_is_told_so(client, oefen):
    page = practice(client, scenario=scenario_number(client, "scenario-een"), speler="vierde")
    assert "In dit scenario speelt geen vierde speler mee." in page
    assert slugs(page) == ["scenario-een"] and not any(words in page for words in NOTES)


@pytest.mark.parametrize("s, r", [(1, 1), (2, 3), (7, 12)])
def test_player_links_and_qr_codes_follow_scenario_and_role(client, oefen, s, r):
    from web.share import qr_svg

    page = practice(client, scenario=s, rol=r)
    links = re.findall(r'<a class="knop" href="([^"]+)">Open als', page)
    spelers = ["leraar", "ouder", "observator"] if "Scenario een" in page else ["leraar", "ouder", "vierde", "observator"]
    assert links == [f"http://localhost/oefenen?seed=abc&amp;scenario={s}&amp;rol={r}&amp;speler={speler}" for speler in spelers]
    for speler in spelers:
        assert str(qr_svg(f"http://localhost/oefenen?seed=abc&scenario={s}&rol={r}&speler={speler}", "QR-code van de link")) in page
    assert f'href="/oefenen?seed=abc&amp;scenario={s + 1}&amp;rol={r}">Ander scenario' in page
    assert f'href="/oefenen?seed=abc&amp;scenario={s}&amp;rol={r + 1}">Andere rol' in page


def test_andere_rol_is_left_out_when_the_scenario_has_one_role(client, kaarten):
    kaarten.card("scenario", bak="oefen", titel="Scenario", soort="scenario", rollen="[rol-een]", body=PROMPTS)
    kaarten.card("rol-een", bak="oefen", titel="Rol een", soort="rol", body="Zorg.\n")
    kaarten.card("rol-twee", bak="oefen", titel="Rol twee", soort="rol", body="Zorg.\n")
    page = practice(client)
    assert "Andere rol" not in page and in_play(page) == ["rol-een"]

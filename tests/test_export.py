"""The static export: the CLI writes the whole site as files, which work from a web server and from disk as the live site does."""

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from playwright.sync_api import expect

from kaartenbak.draw import shuffled
from kaartenbak.store import CardStore
from web.export import file_path, relative_links

from .conftest import shown_prompt
from .test_mentor import PROMPTS, deck  # noqa: F401  (the same card folder as the mentor tests)

HERE = Path(__file__).resolve().parent
DRAW_JS = HERE.parent / "static" / "draw.js"
ATTRIBUTE_URL = re.compile(r"""\s(?:href|src|action|data-[\w-]+)="([^"]*)\"""")


@pytest.fixture
def cards(deck):  # noqa: F811
    """The mentor tests' deck, with a card to search for, a card link and an image; every card to draw has prompts."""
    deck.card("verslag", titel="Verslag van een gesprek", tags="[contact met ouders]", body="Wie heeft het gesprek geïnitieerd?\n\n" + PROMPTS)
    deck.card("plannen", titel="Plannen", tags="[soorten oudergesprekken]", body="Oudergesprekken plannen, zie [het verslag](verslag).\n\n![Een foto](foto.png)\n\n" + PROMPTS)
    deck.write("proef/foto.png", b"\x89PNG\r\n\x1a\n")
    # practice mode: a scenario with its own roles and a fourth player, all with notes for the mentor
    deck.card("scenario-twee", bak="oefen", titel="Scenario twee", soort="scenario", rollen="[rol-stil]", vierde_speler="[rol-leerling]", begeleider="Notitie bij scenario twee.", body=PROMPTS)
    deck.card("rol-leerling", bak="oefen", titel="De leerling", soort="rol", samenvatting="Je speelt de leerling.", begeleider="Notitie bij de leerling.", body="Geheime zorg.\n")
    deck.card("rol-druk", bak="oefen", titel="Drukke ouder", soort="rol", samenvatting="Je speelt een drukke ouder.", begeleider="Notitie bij de drukke ouder.", body="Geheime zorg.\n")
    return deck


def export(runner, folder):
    return runner.invoke(args=["kaarten", "export", str(folder)])


@pytest.fixture
def exported(runner, cards, tmp_path) -> Path:
    """The deck exported into a subfolder, so that only relative links can work."""
    folder = tmp_path / "site" / "kaartenbak"
    result = export(runner, folder)
    assert result.exit_code == 0, result.output
    return folder


def html_files(folder: Path):
    return sorted(folder.rglob("*.html"))


# ---- the command ----

def test_export_writes_every_page_and_says_where(runner, cards, exported):
    result = export(runner, exported)  # again, into its own earlier export
    assert result.exit_code == 0, result.output
    pages = len(html_files(exported))
    assert f"{pages} pagina's" in result.output and str(exported) in result.output
    for page in ("index.html", "trek/index.html", "willekeurige-vraag/index.html", "oefenen/index.html", "verslag/index.html", "afdrukken/index.html", "controle/index.html", "werken-met-de-kaartenbak/index.html"):
        assert (exported / page).is_file(), page
    for card in CardStore(cards.root).collection:
        assert (exported / "kaart" / card.slug / "index.html").is_file()
        assert (exported / "kaart" / card.slug / "gesprek" / "index.html").is_file()
    for name in ("kaarten-index.json", "kaarten-index.js", "bakken.css", "static/kaartenbak.css", "static/statisch.js", "static/draw.js", "plaatje/proef/foto.png"):
        assert (exported / name).is_file(), name
    assert not (exported / "static" / "sw.js").exists()  # the export keeps no service worker


def test_every_link_of_the_export_is_relative_and_leads_to_a_file(exported):
    for page in html_files(exported):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\ssrc=)[^>]*>", html), f"inline script in {page}"
        assert 'rel="manifest"' not in html and "data-service-worker" not in html
        for url in ATTRIBUTE_URL.findall(html):
            assert not url.startswith("/"), f"{url} in {page}"
            path = unquote(re.split(r"[?#]", url.replace("&amp;", "&"))[0])
            if path and ("/" in path or path.endswith((".html", ".css", ".js", ".png", ".svg"))) and not url.startswith(("http:", "https:", "mailto:")):
                assert (page.parent / path).resolve().is_file(), f"{url} in {page} leads nowhere"


def test_the_export_refuses_a_folder_it_did_not_write(runner, cards, tmp_path):
    folder = tmp_path / "documenten"
    folder.mkdir()
    (folder / "belangrijk.txt").write_text("niet weggooien")
    result = export(runner, folder)
    assert result.exit_code == 1
    assert "Niets geëxporteerd" in result.output and "niet leeg" in result.output
    assert (folder / "belangrijk.txt").read_text() == "niet weggooien" and len(list(folder.iterdir())) == 1


@pytest.mark.parametrize("target", ["een-bestand", "een-bestand/sub", "een-bestand/sub/diep"])
def test_the_export_refuses_a_file_or_a_folder_inside_one_in_dutch(runner, cards, tmp_path, target):
    (tmp_path / "een-bestand").write_text("geen map")
    result = export(runner, tmp_path / target)
    assert result.exit_code == 1
    assert "Niets geëxporteerd" in result.output and "een-bestand is een bestand, geen map" in result.output
    assert "Traceback" not in result.output and "Error" not in result.output
    assert (tmp_path / "een-bestand").read_text() == "geen map"


def test_a_folder_that_cannot_be_written_is_refused_in_dutch(runner, cards):
    result = export(runner, "/proc/kaartenbak-export")  # not even root may make a folder there
    assert result.exit_code == 1
    assert "Niets geëxporteerd: kan niet schrijven naar /proc/kaartenbak-export" in result.output
    assert "Traceback" not in result.output


def test_a_new_export_drops_the_pages_of_removed_cards(runner, cards, exported):
    (cards.root / "proef" / "kaart-5.md").unlink()
    assert export(runner, exported).exit_code == 0
    assert not (exported / "kaart" / "kaart-5").exists() and (exported / "kaart" / "kaart-4" / "index.html").is_file()


def test_the_default_destination_is_build(runner, cards, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(args=["kaarten", "export"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "build" / "index.html").is_file() and str(tmp_path / "build") in result.output


def test_the_live_site_is_not_in_static_mode(client, cards):
    html = client.get("/").get_data(as_text=True)
    assert "data-statisch" not in html and "statisch.js" not in html and 'rel="manifest"' in html
    assert client.get("/kaarten-index.js").status_code == 404


@pytest.mark.parametrize(
    "url, path",
    [
        ("/", "index.html"),
        ("/kaart/x", "kaart/x/index.html"),
        ("/kaart/x/gesprek", "kaart/x/gesprek/index.html"),
        ("/trek", "trek/index.html"),
        ("/bakken.css", "bakken.css"),
        ("/plaatje/proef/foto.png", "plaatje/proef/foto.png"),
        ("/kaart/versie.2", "kaart/versie.2/index.html"),  # not a known file type: a card page
    ],
)
def test_pages_become_folders_with_an_index(url, path):
    assert file_path(url) == path


def test_root_relative_links_point_at_files_from_the_page():
    html = '<a href="/kaart/x?vraag=2#boven" title="a > b">x</a> <p>Schrijf href="/x" zo.</p><img src="/plaatje/a/b.png"><a href="//elders.nl/">e</a>'
    assert relative_links(html, "/kaart/y/gesprek") == (
        '<a href="../../../kaart/x/index.html?vraag=2#boven" title="a > b">x</a> <p>Schrijf href="/x" zo.</p>'
        '<img src="../../../plaatje/a/b.png"><a href="//elders.nl/">e</a>'
    )
    assert relative_links('<form action="/">', "/") == '<form action="index.html">'


def test_the_index_holds_the_terms_search_py_holds(cards, exported):
    index = json.loads((exported / "kaarten-index.json").read_text(encoding="utf-8"))
    script = (exported / "kaarten-index.js").read_text(encoding="utf-8")
    assert script.startswith("window.KAARTENBAK_INDEX = ") and json.loads(script.split("= ", 1)[1].rstrip(";\n")) == index
    collection = CardStore(cards.root).collection
    search = collection.search_index
    assert [card["slug"] for card in index["kaarten"]] == [card.slug for card in collection]
    for card in index["kaarten"]:
        assert card["gewichten"] == search.card_weights()[card["slug"]] and card["titelTermen"] == search.title_terms()[card["slug"]]
    assert index["stammen"] == search.stems and "geinitieerd" in index["stammen"]
    assert index["tagWoorden"]["soorten oudergesprekken"] == "soorten oudergesprekken"
    assert {card["pagina"] for card in index["kaarten"]} >= {"kaart/kaart-1/index.html"} and index["paginas"]["trek"] == "trek/index.html"


# ---- the shuffle of static/draw.js ----

@dataclass(frozen=True)
class Item:
    slug: str


SLUGS = ["a", "b", "kaart-10", "kaart-2", "één", "zürich", "Z", "kaart-1", "😀", "\uffee", "oudergesprek\n001", "oudergesprek\n010"]
SEEDS = ["abc123", "a", "0", "zzzzzzzzzzzzzzzz", *(f"s{i}x{i * 7919 % 1000}" for i in range(200))]


def run_node(script: str, data) -> object:
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but node is missing")
        pytest.skip("node is not installed")
    done = subprocess.run([node, "-e", script, str(DRAW_JS)], input=json.dumps(data), capture_output=True, text=True, timeout=60, check=True)
    return json.loads(done.stdout)


def test_draw_js_shuffles_exactly_as_python(capsys):
    script = """
    const draw = require(process.argv[1]);
    const data = JSON.parse(require("fs").readFileSync(0, "utf8"));
    const items = data.slugs.map(slug => ({slug}));
    const out = data.seeds.map(seed => [
      draw.shuffled(items, seed).map(item => item.slug),
      [1, 3, 12, 13].map(n => { const found = draw.nth(items, seed, n); return found && found.slug; }),
    ]);
    console.log(JSON.stringify({golden: draw.shuffled("abcdefgh".split("").map(slug => ({slug})), "abc123").map(i => i.slug).join(""), out}));
    """
    result = run_node(script, {"slugs": SLUGS, "seeds": SEEDS})
    assert result["golden"] == "hbdcfgea"  # the order tests/test_draw.py pins for Python
    items = [Item(slug) for slug in SLUGS]
    for seed, (order, picks) in zip(SEEDS, result["out"]):
        full = [item.slug for item in shuffled(items, seed)]
        assert order == full, seed
        assert picks == [full[n - 1] if n <= len(full) else None for n in (1, 3, 12, 13)], seed


# ---- in Chromium: served by a plain static server in a subfolder, and opened from disk ----

@pytest.fixture
def static_server(exported):
    """``python -m http.server`` over the folder above the export; yields the export's URL."""
    server = subprocess.Popen(
        [sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", str(exported.parent)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    try:
        port = re.search(r"port (\d+)", server.stdout.readline()).group(1)
        yield f"http://127.0.0.1:{port}/{exported.name}/"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(params=["http", "file"])
def site(request, exported):
    """The export's base URL: from a static web server, or straight from disk."""
    return request.getfixturevalue("static_server") if request.param == "http" else exported.as_uri() + "/"


@pytest.fixture
def tab(browser):
    """A fresh page that fails the test on any script error."""
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    yield page
    context.close()
    assert not errors, f"errors in the browser: {errors}"


def tiles(page) -> list[str]:
    return page.locator(".tiles article[data-slug]").evaluate_all("tiles => tiles.map(t => t.dataset.slug)")


def drawn(page, url) -> str | None:
    page.goto(url)
    article = page.locator(".getrokken article.kaart, .oefen-kaarten article.kaart")
    return article.first.get_attribute("data-slug") if article.count() else None


@pytest.mark.browser
def test_the_export_works_like_the_live_site(tab, site, live_server, app):
    cards = app.extensions["kaarten"].collection
    # without a filter every card is there; a tag narrows the overview
    tab.goto(site + "index.html")
    assert tiles(tab) == [card.slug for card in cards]
    tab.locator(".facets a", has_text="emoties").click()
    tab.wait_for_url("**tag=emoties#resultaten")
    assert tiles(tab) == ["kaart-1", "kaart-3", "kaart-5"]
    assert tab.locator(".chips").inner_text().startswith("tag: emoties")

    # search folds accents and stems, with the same rules as the server
    for query, expected in (("geinitieerd", ["verslag"]), ("oudergesprek", ["plannen"])):
        tab.goto(site + "index.html")
        tab.fill("#q", query)
        tab.locator("form.zoek button[type=submit]").first.click()
        tab.wait_for_url(f"**q={query}*")
        assert tiles(tab) == expected

    # the same seed draws the same card as the live site, with and without a filter
    for args in ("seed=abc123&n={n}", "tag=emoties&seed=abc123&n={n}", "seed=zelfde&n={n}"):
        for n in (1, 2, 4, 9, 10):
            url = args.format(n=n)
            assert drawn(tab, site + "trek/index.html?" + url) == drawn(tab, f"{live_server}/trek?{url}"), url
    tab.goto(site + "trek/index.html?seed=abc123&n=10")
    assert "De stapel is leeg" in tab.locator("main").inner_text()
    tab.goto(site + "trek/index.html")
    tab.wait_for_url(re.compile(r"trek/index\.html\?seed=[a-z0-9]{6}&n=1$"))

    # discussion mode: prompt 2, then back to prompt 1 and its doorvraag
    tab.goto(site + "kaart/kaart-2/gesprek/index.html?vraag=2")
    assert shown_prompt(tab).inner_text() == "Tweede vraag?"
    assert tab.locator(".positie").inner_text() == "vraag 2 van 3"
    assert not tab.get_by_text("Eerste doorvraag?").is_visible()
    tab.get_by_role("link", name="Vorige vraag").click()
    tab.wait_for_url("**vraag=1")
    assert shown_prompt(tab).inner_text() == "Eerste vraag?"
    assert tab.get_by_text("Eerste doorvraag?").is_visible()
    tab.keyboard.press("ArrowRight")
    tab.wait_for_url("**vraag=2")
    assert shown_prompt(tab).inner_text() == "Tweede vraag?"

    # from a draw, discussion mode goes on to the next card of the same draw (or the empty pile), as on the live site
    for n in (1, 3):
        ways_on = []
        for start in (f"{live_server}/trek?tag=emoties&seed=abc123&n={n}", f"{site}trek/index.html?tag=emoties&seed=abc123&n={n}"):
            tab.goto(start)
            tab.get_by_role("link", name="Bespreek deze kaart").click()
            tab.wait_for_url("**vraag=1**")
            tab.keyboard.press("ArrowRight")
            tab.keyboard.press("ArrowRight")
            ways_on.append([unquote(tab.locator(f"[{link}]").evaluate("a => a.href")) for link in ("data-volgende-kaart", "data-terug-link")])
        live, export = ways_on
        assert export == [in_export(site, live_server, url) for url in live], (live, export)
    assert "trek" in live[0]  # after the last card of the draw: the pile says it is empty

    # the projector's page of the export shows only the prompt, never a note, and follows the mentor
    tab.goto(site + "kaart/kaart-2/gesprek/index.html?vraag=1")
    tab.get_by_role("textbox", name="Notitie bij deze vraag").fill("Geheim van de mentor")
    with tab.expect_popup() as popup:
        tab.get_by_role("link", name=re.compile("^Projector")).click()
    scherm = popup.value
    expect(shown_prompt(scherm)).to_have_text("Eerste vraag?")
    expect(scherm.locator("textarea, .werkbalk, aside.begeleider")).to_have_count(0)  # the export's script makes the page the projector's
    assert "Geheim van de mentor" not in scherm.content()
    expect(scherm.get_by_text("Eerste doorvraag?")).to_be_hidden()
    tab.keyboard.press("ArrowRight")
    expect(shown_prompt(scherm)).to_have_text("Tweede vraag?")
    scherm.close()

    # the random prompt is the live site's, with the notes of its own card
    for n in (1, 2, 5):
        tab.goto(f"{live_server}/willekeurige-vraag?seed=abc&n={n}")
        live = (tab.locator("[data-gesprek]").get_attribute("data-gesprek"), shown_prompt(tab).inner_text())
        tab.goto(f"{site}willekeurige-vraag/index.html?seed=abc&n={n}")
        assert (tab.locator("[data-gesprek]").get_attribute("data-gesprek"), shown_prompt(tab).inner_text()) == live
        assert tab.locator("[data-notities]").get_attribute("data-notities") == live[0]

    # practice mode: the same scenario and role; the teacher does not see the parent's role
    for speler in ("leraar", "ouder", "observator"):
        args = f"seed=abc&scenario=2&rol=1&speler={speler}"
        tab.goto(f"{live_server}/oefenen?{args}")
        live = tab.locator(".oefen-kaarten article.kaart").evaluate_all("a => a.map(x => x.dataset.slug)")
        tab.goto(f"{site}oefenen/index.html?{args}")
        assert tab.locator(".oefen-kaarten article.kaart").evaluate_all("a => a.map(x => x.dataset.slug)") == live
    tab.goto(f"{site}oefenen/index.html?seed=abc&speler=leraar")
    assert tab.locator('.oefen-kaarten article[data-slug^="scenario-"]').count() == 1
    assert tab.locator('.oefen-kaarten article[data-slug^="rol-"]').count() == 0

    # the print view: every card, or the chosen ones on sheets of their own
    tab.goto(site + "afdrukken/index.html")
    assert tab.locator(".vel.voorkanten .a6[data-slug]").count() == len(cards)
    tab.goto(site + "afdrukken/index.html?kaart=kaart-2")
    assert tab.locator(".vel").count() == 2
    assert tab.locator(".a6[data-slug]").evaluate_all("a => a.map(x => x.dataset.slug)") == ["kaart-2", "kaart-2"]


def in_export(site, live_server, url):
    """The file of the export that a live URL corresponds to, with its query string."""
    path, _, query = url.removeprefix(live_server).partition("?")
    return site + file_path(path) + ("?" + query if query else "")


@pytest.mark.browser
@pytest.mark.parametrize("where", ["print", "draw"])
def test_links_opened_from_disk_stay_in_the_export(tab, exported, where):
    # opened from disk, a link that left the export folder would fail: follow a few
    tab.goto(exported.as_uri() + "/kaart/kaart-1/index.html")
    tab.get_by_role("link", name="Afdrukken").first.click()
    assert tab.locator(".vel").count() == 2
    tab.get_by_role("link", name="Terug naar de kaarten").click()
    assert tab.url.endswith("/kaart/kaart-1/index.html")
    if where == "draw":
        tab.get_by_role("link", name="Trek een kaart").click()
        tab.wait_for_url(re.compile(r"trek/index\.html\?seed=\w+&n=1$"))  # the page first picks a seed, as the server does
        tab.get_by_role("link", name="Bespreek deze kaart").click()
        tab.wait_for_url(re.compile(r"/gesprek/index\.html\?vraag=1&seed=\w+&n=1$"))
        assert shown_prompt(tab).inner_text() == "Eerste vraag?"


QUERIES = [
    "geinitieerd", "GEÏNITIEERD", "oudergesprek", "oudergesprekken", "gesprek", "gesprekken", "vraag", "vragen",
    "tweede vraag", "kaart 2", "emotie", "emoties", "ouder", "ouders", "boze ouders", "!!!", "de", "ouderavond",
    "plannen verslag", "scenario", "rust", "foto", "tip mentor", "oudercontact", "oudergesprkken", "qwertyuiop plannen", "initieerde",
    "wat doe ik bij emoties", "vraag, vraag en nog een vraag", "constructor",
]
# What a result page says about a query: each tile's marked title, summary and passage, and the notes
# on left-out words, a suggestion and a tag to filter on, with the query strings of their links.
RESULTS_JS = r"""() => ({
  tiles: [...document.querySelectorAll('.tiles article[data-slug]')].map(tile => [tile.dataset.slug,
    ...[...tile.querySelectorAll('.tile-titel a, .samenvatting, .fragment')].map(e => e.className + ': ' + e.innerHTML.replace(/\u00ad/g, ''))]),
  notes: [...document.querySelectorAll('[data-zoek-hulp] p')].map(p => p.textContent.replace(/\s+/g, ' ').trim()),
  links: [...document.querySelectorAll('[data-zoek-hulp] a')].map(a => new URL(a.href).search),
})"""


@pytest.mark.browser
def test_the_browser_search_gives_what_python_gives(tab, exported, app):
    cards = app.extensions["kaarten"].collection
    for query in QUERIES:
        for tag in ("", "emoties"):
            url = exported.as_uri() + "/index.html?" + (f"tag={tag}&" if tag else "") + "q=" + query.replace(" ", "+")
            tab.goto(url)
            expected = [card.slug for card in cards.select(tags=[tag] if tag else [], query=query).cards]
            assert tiles(tab) == expected, (query, tag)


@pytest.mark.browser
def test_the_export_marks_and_explains_a_search_as_the_live_site_does(tab, exported, live_server):
    for query in QUERIES:
        tab.goto(live_server + "/?q=" + quote(query))
        live = tab.evaluate(RESULTS_JS)
        tab.goto(exported.as_uri() + "/index.html?q=" + quote(query))
        assert tab.evaluate(RESULTS_JS) == live, query
    for overview in (live_server + "/", exported.as_uri() + "/index.html"):  # a match in the body only: the passage shows it
        tab.goto(overview + "?q=geinitieerd")
        expect(tab.locator(".tiles .fragment mark")).to_have_text(["geïnitieerd"])


def test_the_exported_overview_shows_every_card_on_one_page(runner, kaarten, tmp_path):
    for i in range(60):
        kaarten.card(f"kaart-{i:02d}", titel=f"Kaart {i}")
    assert export(runner, tmp_path / "site").exit_code == 0
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert html.count('<article class="tile') == 60 and "Volgende pagina" not in html


def test_the_shipped_decks_export(shipped_app, tmp_path):
    result = shipped_app.test_cli_runner().invoke(args=["kaarten", "export", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    cards = shipped_app.extensions["kaarten"].collection
    index = json.loads((tmp_path / "site" / "kaarten-index.json").read_text(encoding="utf-8"))
    assert len(index["kaarten"]) == len(cards) > 20
    assert all((tmp_path / "site" / card["pagina"]).is_file() for card in index["kaarten"])


def test_the_export_says_when_cards_with_errors_are_left_out(runner, kaarten, tmp_path):
    kaarten.card("goed")
    kaarten.write("proef/kapot.md", "---\ntitel: [\n---\nTekst.\n")
    result = export(runner, tmp_path / "site")
    assert result.exit_code == 0 and "Let op: 1 fout in de kaarten" in result.output
    assert (tmp_path / "site" / "kaart" / "goed" / "index.html").is_file() and not (tmp_path / "site" / "kaart" / "kapot").exists()


def practice_view(page) -> dict:
    """What a player or the spelleider sees in practice mode, with links reduced to their query strings."""
    def queries(selector):
        return page.locator(selector).evaluate_all("links => links.map(a => a.textContent.trim() + ' ' + a.href.split('?')[1])")

    return {
        "label": page.locator(".rol-label").inner_text(),
        "uitleg": page.locator(".oefenen-kop p:not(.gids-link)").inner_text(),
        "kaarten": page.locator(".oefen-kaarten article.kaart").evaluate_all("a => a.map(x => x.dataset.slug)"),
        "koppen": page.locator(".oefen-kaarten h2").all_inner_texts(),
        "notities": page.locator(".oefen-kaarten aside.begeleider").all_inner_texts(),
        "in het spel": page.locator(".speler .speelt").all_inner_texts(),
        "spelers": queries(".speler a.knop"),
        "knoppen": queries(".trek-knoppen a"),
    }


@pytest.mark.browser
def test_practice_mode_in_the_export_is_the_live_sites(tab, site, live_server, cards):
    seen = set()
    for s in (1, 2):
        for r in (1, 2):
            for speler in ("", "leraar", "ouder", "vierde", "observator"):
                args = f"seed=abc&scenario={s}&rol={r}" + (f"&speler={speler}" if speler else "")
                tab.goto(f"{live_server}/oefenen?{args}")
                live = practice_view(tab)
                tab.goto(f"{site}oefenen/index.html?{args}")
                assert practice_view(tab) == live, args
                if speler in ("leraar", "ouder", "vierde"):
                    assert live["notities"] == [] and "Notitie" not in tab.locator("main").inner_text()
                seen.add((live["kaarten"][0], len(live["spelers"])))
    # both scenarios came up: the one with four players, and one with three
    assert {("scenario-twee", 4), ("scenario-een", 3)} <= seen

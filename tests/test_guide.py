"""The guide for mentors and trainers: on the site, linked where they need it, and true to the decks."""

import re
from pathlib import Path

import pytest

from kaartenbak.guide import load_guide
from kaartenbak.render import plain_text
from kaartenbak.store import CardStore

from .conftest import SHIPPED_KAARTEN
from .spelling import require_hunspell, unknown_words

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "werken-met-de-kaartenbak.md"
TABLE_HEADING = "## Welke rolkaarten passen bij welk scenario"


def test_the_guide_page_has_its_title_and_a_table_of_contents_that_leads_to_each_section(client):
    html = client.get("/werken-met-de-kaartenbak").get_data(as_text=True)
    assert "<h1>Werken met de kaartenbak</h1>" in html
    targets = re.findall(r'<li><a href="#([^"]+)">', html)
    assert len(targets) >= 6
    assert all(f'<h2 id="{target}">' in html for target in targets)


@pytest.mark.parametrize("url", ["/", "/trek", "/oefenen", "/kaart/kaart"])
def test_every_page_links_to_the_guide_from_its_footer(client, kaarten, url):
    kaarten.card("kaart", titel="Kaart")
    html = client.get(url, follow_redirects=True).get_data(as_text=True)
    footer = html[html.index('<footer'):]
    assert 'href="/werken-met-de-kaartenbak"' in footer


@pytest.mark.parametrize("url", ["/trek", "/oefenen"])
def test_the_draw_and_practice_pages_link_to_their_section_of_the_guide(client, kaarten, url):
    kaarten.card("kaart", titel="Kaart")
    kaarten.card("scenario", titel="Scenario", soort="scenario")
    kaarten.card("rol", titel="Rol", soort="rol")
    html = client.get(url, follow_redirects=True).get_data(as_text=True)
    section = re.search(r'href="/werken-met-de-kaartenbak#([^"]+)"', html).group(1)
    assert f'<h2 id="{section}">' in client.get("/werken-met-de-kaartenbak").get_data(as_text=True)


def test_the_guide_is_sanitised_like_a_card(tmp_path):
    hostile = tmp_path / "gids.md"
    hostile.write_text("# Gids\n\n## Deel\n\n<script>alert(1)</script><a href=\"javascript:alert(1)\">x</a>\n", encoding="utf-8")
    guide = load_guide(hostile)
    assert guide.titel == "Gids" and guide.inhoud == (("deel", "Deel"),)
    assert "<script" not in guide.html and "javascript:" not in guide.html


def role_table() -> dict[str, tuple[set[str], set[str]]]:
    """The guide's table as written: scenario title → (role titles for the parent, for a fourth player)."""
    text = GUIDE.read_text(encoding="utf-8")
    section = text[text.index(TABLE_HEADING):].split("\n## ", 1)[0]
    rows = [line.strip("|").split("|") for line in section.splitlines() if line.startswith("| ")][2:]  # past the header and its rule
    titles = lambda cell: {title.strip() for title in cell.split(";")} - {"–"}
    return {scenario.strip(): (titles(parents), titles(fourth)) for scenario, parents, fourth in rows}


def test_the_guides_table_of_roles_is_the_scenarios_front_matter():
    """The table helps players on paper: it must say what the scenario cards say, for every scenario."""
    cards = CardStore(SHIPPED_KAARTEN).collection
    title = {card.slug: card.titel for card in cards}
    expected = {
        card.titel: ({title[slug] for slug in card.rollen}, {title[slug] for slug in card.vierde_speler})
        for card in cards if card.soort == "scenario"
    }
    assert role_table() == expected


def test_the_guide_is_spelled_correctly():
    require_hunspell()
    guide = load_guide(GUIDE)
    text = re.sub(r"<code>.*?</code>|https?://\S+", " ", guide.html)  # commands and addresses are not Dutch
    assert unknown_words(f"{guide.titel} {plain_text(text)}") == []

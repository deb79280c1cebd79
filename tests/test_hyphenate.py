"""Dutch hyphenation of titles: soft hyphens where Dutch breaks a long word, nothing else changed."""

import pytest

from kaartenbak.hyphenate import SOFT_HYPHEN, hyphenate


@pytest.mark.parametrize("title, broken", [
    ("Kennismakingsgesprek met de ouder van Lina", "Ken-nis-ma-kings-ge-sprek met de ouder van Lina"),
    ("Soorten oudergesprekken", "Soorten ouder-ge-sprek-ken"),
    ("Interculturele communicatie", "Inter-cul-tu-rele communicatie"),
    ("Ken de achtergrond van je leerlingen", "Ken de achtergrond van je leerlingen"),  # short words stay whole
])
def test_long_words_get_soft_hyphens_where_dutch_breaks_them(title, broken):
    assert hyphenate(title).replace(SOFT_HYPHEN, "-") == broken
    assert hyphenate(title).replace(SOFT_HYPHEN, "") == title


def test_titles_on_the_overview_and_the_card_break_with_a_hyphen(client, kaarten):
    kaarten.card("lina", titel="Kennismakingsgesprek")
    broken = "Ken\u00adnis\u00adma\u00adkings\u00adge\u00adsprek"
    assert f">{broken}</a></h2>" in client.get("/").get_data(as_text=True)
    card = client.get("/kaart/lina").get_data(as_text=True)
    assert f'class="kaart-titel">{broken}</h1>' in card and 'data-titel="Kennismakingsgesprek"' in card

"""The JSON API lists every card with its prompts and URL."""


def test_api_lists_cards_with_prompts(client, kaarten):
    kaarten.card("een", titel="Eén", nummer=1, tags="[emotie]", samenvatting="Kort.")
    data = client.get("/api/kaarten.json").get_json()
    assert data == [
        {
            "slug": "een",
            "bak": "proef",
            "titel": "Eén",
            "tags": ["emoties"],
            "nummer": 1,
            "samenvatting": "Kort.",
            "soort": "reflectie",
            "vragen": [{"vraag": "Wat vind jij?", "doorvragen": ["Waarom?"]}],
            "url": "/kaart/een",
        }
    ]


def test_api_follows_changes_on_disk(client, kaarten):
    kaarten.card("een")
    assert len(client.get("/api/kaarten.json").get_json()) == 1
    kaarten.card("twee")
    assert len(client.get("/api/kaarten.json").get_json()) == 2

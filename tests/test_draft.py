"""The workbench's domain: a card file made from form fields, read back, and checked as the site loads it."""

import pytest

from kaartenbak.authoring import load_for_trainers, template_body
from kaartenbak.draft import Draft, check, compose, read_draft
from kaartenbak.parse import front_matter

from .conftest import SHIPPED_KAARTEN, card_text

PROMPTS = "Inleiding.\n\n## Stof tot nadenken\n\n- Wat vind jij?\n  - Waarom?\n"


def checked(kaarten, **fields):
    cards = load_for_trainers(kaarten.root)
    return check(Draft(**{"bak": "proef", "tags": ("emoties",), "tekst": PROMPTS, **fields}), cards, kaarten.root)


def where(result):
    return {(finding.field, finding.line, finding.message.split(";")[0]) for finding in result.findings}


@pytest.fixture
def deck(kaarten):
    kaarten.bak()
    return kaarten


@pytest.mark.parametrize("titel", ["Contact: hoe dan?", "'Ja' of \"nee\"", "yes", "123", "- een streepje", "# geen commentaar", "Één ouder"])
def test_any_titel_survives_the_file_unchanged(deck, titel):
    result = checked(deck, titel=titel)
    assert result.card is not None and result.card.titel == titel
    assert front_matter("x.md", result.text)[0]["titel"] == titel


def test_the_file_has_the_fields_in_the_template_order_and_only_those_filled_in(deck):
    result = checked(deck, titel="Kaart", nummer="4", samenvatting="Over iets.", tags=("emoties", "reflectie"), concept=True)
    assert result.text.split("---\n")[1] == (
        "titel: Kaart\nnummer: 4\nsamenvatting: Over iets.\ntags: [emoties, reflectie]\nsoort: reflectie\nconcept: true\n"
    )
    assert result.file_name == "kaart.md" and result.findings == ()


def test_a_good_draft_renders_as_the_loader_renders_its_file(deck):
    result = checked(deck, titel="Kaart", begeleider="Let op.")
    deck.write("proef/kaart.md", result.text)
    loaded = load_for_trainers(deck.root).get("kaart")
    assert loaded == result.card


@pytest.mark.parametrize("fields, expected", [
    ({"titel": ""}, ("titel", None, "'titel' ontbreekt of is leeg")),
    ({"titel": "K", "tags": ("emotei",)}, ("tags", None, "tag 'emotei' staat niet in de woordenlijst van de bak")),
    ({"titel": "K", "nummer": "drie"}, ("nummer", None, "'nummer' moet een heel getal zijn, bijvoorbeeld nummer: 3")),
    ({"titel": "K", "tekst": "Inleiding.\n\n## Stof tot nadenken\n\n- Vertel eens.\n"}, ("tekst", 5, "de vraag 'Vertel eens.' eindigt niet op een vraagteken")),
    ({"titel": "K", "tekst": PROMPTS + "\n![Schema](schema.png)\n"}, ("tekst", 8, "het plaatje 'schema.png' staat niet naast de kaart in proef/")),
    ({"titel": "K", "tekst": PROMPTS + "\nZie [de andere kaart](bestaat-niet).\n"}, ("tekst", None, "de link naar kaart 'bestaat-niet' leidt nergens heen")),
    ({"titel": "K", "tekst": "## Stof tot nadenken\n\n" + "- Wat vind je van deze lange vraag over ouders en school?\n  - Waarom?\n" * 30},
     ("tekst", None, "past niet op één gedrukte kaart: 74 regels te veel")),
    ({"titel": "K", "soort": "scenario", "rollen": ("rol-die-er-niet-is",)}, ("rollen", None, "'rollen' noemt de kaart 'rol-die-er-niet-is', maar die bestaat niet")),
    ({"titel": "K", "samenvatting": "VUL IN: iets"}, ("samenvatting", None, "hier staat nog voorbeeldtekst uit het sjabloon ('VUL IN: iets')")),
    ({"titel": "K", "bak": "weg"}, ("bak", None, "kies een bak (proef)")),
])
def test_each_problem_is_placed_at_its_field_and_line(deck, fields, expected):
    assert expected in where(checked(deck, **fields))


def test_the_template_body_asks_for_every_example_text_to_be_replaced(deck):
    result = checked(deck, titel="K", tekst=template_body())
    assert sum("voorbeeldtekst uit het sjabloon" in finding.message for finding in result.findings) == template_body().count("VUL IN")


def test_a_titel_whose_file_name_is_taken_is_an_error_for_a_new_card_only(deck):
    deck.card("contact", titel="Contact")
    assert ("titel", None, "er bestaat al een kaart met de bestandsnaam contact.md (proef/contact.md)") in where(checked(deck, titel="Contact"))
    assert checked(deck, titel="Contact", bestand="contact").findings == ()


def test_a_titel_whose_file_name_differs_only_in_capitals_is_taken_too(deck):
    deck.write("andere/Contact.md", card_text(titel="Contact"))  # a URL cannot tell Contact.md from contact.md
    assert ("titel", None, "er bestaat al een kaart met de bestandsnaam contact.md (andere/Contact.md)") in where(checked(deck, titel="Contact"))


def test_a_card_read_back_from_its_file_composes_to_the_same_card(deck):
    text = card_text(titel="Contact", tags="[oudercontact, emoties]", nummer=2, samenvatting="'Kort: hierover.'", body=PROMPTS)
    path = deck.write("proef/contact.md", text)
    cards = load_for_trainers(deck.root)
    draft = read_draft("proef/contact.md", path.read_text(encoding="utf-8"), cards.bakken["proef"], "contact")
    assert draft.tags == ("contact met ouders", "emoties")  # the synonym as the tag it stands for
    result = check(draft, cards, deck.root)
    assert result.card == cards.get("contact") and result.findings == ()


@pytest.mark.parametrize("tekst, message", [
    ("Nul\x00teken", "het bestand bevat een nulteken"),
    ("".join("  " * i + "- x?\n" for i in range(40)), "dieper genest dan 8 niveaus"),
    ("[" * 400, "meer dan 300 vierkante haken"),
])
def test_hostile_text_is_refused_with_a_dutch_message(deck, tekst, message):
    result = checked(deck, titel="K", tekst=tekst)
    assert result.card is None and any(message in finding.message for finding in result.findings)


def test_compose_never_lets_a_field_break_out_of_its_line(deck):
    text, _ = compose(Draft(titel="a\n---\ntags: [x]", tags=("b\nc",), tekst="---\n"))
    data, body = front_matter("x.md", text)
    assert data["titel"] == "a\n---\ntags: [x]" and data["tags"] == ["b\nc"] and body == "---\n"


def test_every_shipped_card_read_back_and_written_out_is_the_same_card():
    cards = load_for_trainers(SHIPPED_KAARTEN)
    assert len(cards) > 20
    for card in cards:
        text = (SHIPPED_KAARTEN / card.path).read_text(encoding="utf-8")
        draft = read_draft(card.path, text, cards.bakken[card.bak], card.slug)
        result = check(draft, cards, SHIPPED_KAARTEN)
        assert result.card == card and result.findings == (), card.path

"""Search: accents and case ignored, Dutch word forms, compounds and the decks' synonyms match; the
card a student means comes first; a typo gets a suggestion; each result shows why it matched."""

import pytest

from kaartenbak.search import fold, query_stem, terms
from kaartenbak.snippets import ELLIPSIS, snippet
from kaartenbak.store import CardStore


def test_fold_removes_case_and_accents():
    assert fold("Geïnitieerd ÉÉN") == "geinitieerd een"


def test_word_forms_share_a_stem():
    assert terms("oudergesprekken") == terms("oudergesprek")


def load(kaarten):
    return CardStore(kaarten.root, check_interval=0).collection


def slugs(cards, query, **filters):
    return [card.slug for card in cards.select(query=query, **filters).cards]


@pytest.fixture
def cards(kaarten):
    kaarten.card("titel", titel="Het oudergesprek", body="Over iets anders.\n")
    kaarten.card("tekst", titel="Verslag", body="Wie heeft het gesprek geïnitieerd? Oudergesprekken plannen.\n")
    kaarten.card("los", titel="Berichten", body="Berichten op Instagram.\n")
    return load(kaarten)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("geinitieerd", ["tekst"]),
        ("GEÏNITIEERD", ["tekst"]),
        ("oudergesprekken", ["titel", "tekst"]),  # the title hit ranks first
        ("gesprek", ["titel", "tekst"]),  # part of a compound word
        ("instagram berichten", ["los"]),
        ("instagram oudergesprek", ["titel", "los", "tekst"]),  # no card holds both: each word still finds its cards, titles first
        ("!!!", []),
    ],
)
def test_search_finds_and_ranks(cards, query, expected):
    assert slugs(cards, query) == expected


def test_a_card_with_every_query_word_comes_before_one_with_some(kaarten):
    kaarten.card("een", titel="Ouders en school", body="Over ouders, ouders en nog eens ouders.\n")
    kaarten.card("beide", titel="Iets", body="Gescheiden ouders komen apart.\n")
    assert slugs(load(kaarten), "gescheiden ouders") == ["beide", "een"]


def test_a_title_holding_a_compound_of_the_word_comes_first(kaarten):
    """'kennismaking' stems to 'kennismaak', which 'kennismakingsgesprek' does not hold: the word as typed is matched too."""
    kaarten.card("vaak", titel="Contact", body="Kennismaking, kennismaking en nog eens een kennismaking met ouders.\n")
    kaarten.card("lina", titel="Kennismakingsgesprek met de ouder van Lina", body="Een gesprek.\n")
    assert slugs(load(kaarten), "kennismaking") == ["lina", "vaak"]


def test_title_and_tags_outrank_summary_which_outranks_prompts_and_body(kaarten):
    kaarten.card("tekst", titel="Vier", body="Iets over de emotie in de tekst.\n")
    kaarten.card("vraag", titel="Drie", body="## Stof tot nadenken\n\n- Welke emotie zie je?\n")
    kaarten.card("samenvatting", titel="Twee", samenvatting="Werken met een emotie.", body="Iets anders.\n")
    kaarten.card("tag", titel="Een", tags="[emoties]", body="Iets anders.\n")
    kaarten.card("titel", titel="De emotie", body="Iets anders.\n")
    assert slugs(load(kaarten), "emotie") == ["titel", "tag", "samenvatting", "vraag", "tekst"]


def test_a_word_in_a_short_card_weighs_more_than_once_in_a_long_one(kaarten):
    kaarten.card("lang", titel="Lang", body="De ouderavond. " + "Iets heel anders en nog meer. " * 60 + "\n")
    kaarten.card("kort", titel="Kort", body="Over de ouderavond.\n")
    assert slugs(load(kaarten), "ouderavond") == ["kort", "lang"]


def test_a_tag_synonym_of_the_deck_finds_the_tagged_cards(kaarten):
    kaarten.card("contact", titel="Bereikbaar zijn", tags="[contact met ouders]", body="Over bellen.\n")
    kaarten.card("anders", titel="Anders", body="Iets anders.\n")
    cards = load(kaarten)
    assert slugs(cards, "oudercontact") == ["contact"]  # the deck's vocabulary: oudercontact -> contact met ouders
    assert cards.select(query="oudercontact").tag_offer == "contact met ouders"


def test_a_typed_tag_name_is_offered_as_a_filter_unless_it_is_on(kaarten):
    kaarten.card("een", titel="Een", tags="[emoties]", body="Iets.\n")
    cards = load(kaarten)
    assert cards.select(query="Emoties").tag_offer == "emoties"
    assert cards.select(query="emoties", tags=["emoties"]).tag_offer == ""
    assert cards.select(query="iets").tag_offer == ""


def test_a_word_part_of_a_compound_in_another_form_still_finds_it(kaarten):
    kaarten.card("een", titel="Veiligheid", body="Over kindermishandeling.\n")
    assert slugs(load(kaarten), "mishandeling") == ["een"]  # stems to 'mishandeling'; 'kindermishandel' holds 'mishandel'


def test_a_typo_gets_the_nearest_word_and_other_words_still_search(kaarten):
    kaarten.card("een", titel="Oudergesprekken plannen", body="Iets.\n")
    kaarten.card("twee", titel="Plannen", body="Iets.\n")
    cards = load(kaarten)
    typo = cards.select(query="oudergesprkken")
    assert typo.cards == () and typo.left_out == ("oudergesprkken",) and typo.suggestion == "oudergesprekken"
    half = cards.select(query="oudergesprkken plannen")
    assert {card.slug for card in half.cards} == {"een", "twee"} and half.left_out == ("oudergesprkken",)
    assert half.suggestion == "oudergesprekken plannen"
    assert cards.select(query="qwertyuiop").suggestion == ""  # nothing near enough: no suggestion


def test_stop_words_do_not_match_every_card(kaarten):
    kaarten.card("boos", titel="Boosheid", body="Een boze ouder.\n")
    kaarten.card("rust", titel="Rust", body="Wat doe je als het rustig is? Ik weet het niet.\n")
    cards = load(kaarten)
    assert slugs(cards, "wat doe ik bij een boze ouder") == ["boos"]
    assert slugs(cards, "het") == ["rust"]  # a query of stop words only still searches them


@pytest.mark.parametrize(
    "word, expected",
    [
        ("gesprek", "sprek"),  # a known word: its own stem
        ("gesprekken", "sprek"),  # a known word it starts with, a few letters shorter
        ("oudergesprek", "oudersprek"),  # a known word that starts with it, a few letters longer
        ("ouderavond", "ouderavond"),  # 'ouder' is too far off: the word stays as it is
        ("deadlines", "deadlines"),
    ],
)
def test_query_words_are_stemmed_from_the_words_of_the_cards(word, expected):
    stems = {"gesprek": "sprek", "oudergesprekken": "oudersprek", "ouder": "ouder", "de": "de"}
    assert query_stem(word, stems, sorted(stems)) == expected


def test_a_query_finds_a_longer_form_the_cards_use(kaarten):
    kaarten.card("lang", titel="Verslag", body="Oudergesprekken plannen.\n")
    assert slugs(load(kaarten), "oudergesprek") == ["lang"]


# ---- snippets ----

def marked(pieces) -> list[str]:
    return [text for text, hit in pieces if hit]


def snippet_for(cards, slug, query):
    card = cards.get(slug)
    return snippet(card, cards.select(query=query).hits, cards.synonyms(card))


def test_a_body_match_shows_its_sentence_with_the_word_forms_marked(kaarten):
    kaarten.card("een", titel="Verslag", samenvatting="Na het gesprek.", body="Eerst iets anders. Wie heeft het gesprek geïnitieerd?\n")
    found = snippet_for(load(kaarten), "een", "geinitieerd")
    assert "".join(text for text, _ in found.passage) == "Wie heeft het gesprek geïnitieerd?"
    assert marked(found.passage) == ["geïnitieerd"] and marked(found.titel) == []


def test_a_title_match_is_marked_in_the_title_without_a_passage(kaarten):
    kaarten.card("een", titel="Oudergesprekken voorbereiden", body="Een oudergesprek bereid je voor.\n")
    found = snippet_for(load(kaarten), "een", "oudergesprek")
    assert marked(found.titel) == ["Oudergesprekken"] and found.passage == ()


def test_a_long_passage_is_shortened_around_the_hit(kaarten):
    words = " ".join(f"woord{i}" for i in range(40))
    kaarten.card("een", titel="Lang", body=f"{words} de tolk {words}.\n")
    found = snippet_for(load(kaarten), "een", "tolk")
    text = "".join(text for text, _ in found.passage)
    assert text.startswith(ELLIPSIS + " woord35 ") and text.endswith(" " + ELLIPSIS) and marked(found.passage) == ["tolk"]
    assert len(text.split()) == 24 + 2


def test_a_synonym_match_shows_the_tag_it_belongs_to(kaarten):
    kaarten.card("een", titel="Bereikbaar", tags="[contact met ouders]", body="Over bellen.\n")
    found = snippet_for(load(kaarten), "een", "oudercontact")
    assert "".join(text for text, _ in found.passage) == "Tag contact met ouders, ook: contact, oudercontact"
    assert marked(found.passage) == ["oudercontact"]

"""Loading card files: every kind of bad input gets a clear Dutch error and breaks nothing else."""

import pytest

from kaartenbak.store import CardStore

from .conftest import card_text


def load(kaarten):
    return CardStore(kaarten.root, check_interval=0).collection


def only_problem(cards, path):
    found = [p for p in cards.problems if p.path == path]
    assert found, f"no problem for {path}: {cards.problems}"
    return found[0]


def test_valid_card_is_loaded_with_its_fields(kaarten):
    kaarten.card("goed", titel="Goede kaart", tags="[contact, emoties]", nummer=3, samenvatting="Kort.", begeleider="Let op.")
    card = load(kaarten).get("goed")
    assert card.titel == "Goede kaart"
    assert card.tags == ("contact met ouders", "emoties")  # the synonym maps to its tag
    assert (card.nummer, card.samenvatting, card.begeleider, card.soort) == (3, "Kort.", "Let op.", "reflectie")
    assert card.prompts[0].text == "Wat vind jij?"
    assert card.prompts[0].doorvragen == ("Waarom?",)


@pytest.mark.parametrize(
    "content, line, words",
    [
        ("---\ntitel: [niet afgesloten\ntags: [a]\n---\n", 3, "YAML"),
        ("---\n- een\n- lijst\n---\n", 2, "tussen de regels --- horen de velden van de kaart, zoals 'titel: ...' en 'tags: [...]', maar hier staat een lijst"),
        ("---\nalleen een zin\n---\n", 2, "horen de velden van de kaart, zoals 'titel: ...' en 'tags: [...]', maar hier staat alleen tekst"),
        ("---\ntags: [reflectie]\n---\nTekst\n", 1, "'titel' ontbreekt"),
        ("---\ntitel: ''\ntags: [reflectie]\n---\n", 2, "'titel' ontbreekt"),
        ("---\ntitel: 1984\ntags: [reflectie]\n---\n", 2, "moet tekst zijn"),
        ("---\ntitel: Kaart\ntags: reflectie\n---\n", 3, "moet een lijst zijn"),
        ("---\ntitel: Kaart\ntags: [emoties, contakt]\n---\n", 3, "bedoel je 'contact met ouders'?"),
        ("---\ntitel: Kaart\ntags: [reflectie]\nnummer: twee\n---\n", 4, "heel getal"),
        ("---\ntitel: Kaart\ntags: [reflectie]\nsoort: quiz\n---\n", 4, "'soort'"),
        ("---\ntitel: !!python/object/apply:os.system [echo gehackt]\ntags: [reflectie]\n---\n", 2, "niet toegestaan"),
        ("---\na: &a [x, x, x]\nb: &b [*a, *a, *a]\ntitel: Bom\ntags: [reflectie]\n---\n", 3, "verwijzingen"),
        ("titel: Zonder streepjes\n", 1, "begint niet met front matter"),
        ("---\ntitel: Open\ntags: [reflectie]\n", 1, "niet afgesloten"),
        ("---\ntitel: Kaart\ntags: [reflectie]\nsoort: scenario\nrollen: rol-boos\n---\n", 5, "'rollen' moet een lijst van bestandsnamen van rolkaarten zijn"),
        ("---\ntitel: Kaart\ntags: [reflectie]\nsoort: scenario\nvierde_speler: {leerling: ja}\n---\n", 5, "'vierde_speler' moet een lijst"),
        ("---\ntitel: Kaart\ntags: [reflectie]\nsoort: scenario\nrollen: [rol-boos, 12]\n---\n", 5, "'rollen': '12' is geen bestandsnaam van een kaart"),
        ("---\ntitel: Kaart\ntags: [reflectie]\nsoort: scenario\nvierde_speler: [\"\"]\n---\n", 5, "is geen bestandsnaam"),
        ("---\ntitel: Kaart\ntags: [reflectie]\nsoort: scenario\nrollen: [../geheim]\n---\n", 5, "is geen bestandsnaam"),
    ],
)
def test_bad_front_matter_names_file_line_and_fix(kaarten, content, line, words):
    kaarten.write("proef/slecht.md", content)
    kaarten.card("goed")
    cards = load(kaarten)
    problem = only_problem(cards, "proef/slecht.md")
    assert words in problem.message
    assert problem.line == line
    assert problem.level == "fout"
    assert cards.get("slecht") is None
    assert cards.get("goed") is not None


@pytest.mark.parametrize(
    "content, words",
    [
        (b"", "leeg"),
        (b"   \n\n", "leeg"),
        (b"---\ntitel: caf\xe9\ntags: [reflectie]\n---\n", "geen UTF-8"),
        (b"---\ntitel: x\ntags: [reflectie]\n---\n" + b"a" * (1024 * 1024), "groter dan 1 MB"),
    ],
)
def test_unreadable_files_are_reported(kaarten, content, words):
    kaarten.write("proef/slecht.md", content)
    kaarten.card("goed")
    cards = load(kaarten)
    assert words in only_problem(cards, "proef/slecht.md").message
    assert [card.slug for card in cards] == ["goed"]


def test_alias_bomb_neither_hangs_nor_loads(kaarten):
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 12)]
    kaarten.write("proef/bom.md", "---\n" + "\n".join(levels) + "\ntitel: Bom\ntags: [reflectie]\n---\n")
    assert "verwijzingen" in only_problem(load(kaarten), "proef/bom.md").message


@pytest.mark.parametrize("bom, newline", [(b"", b"\n"), (b"\xef\xbb\xbf", b"\n"), (b"", b"\r\n"), (b"\xef\xbb\xbf", b"\r\n")])
def test_bom_and_line_endings_all_work(kaarten, bom, newline):
    kaarten.write("proef/kaart.md", bom + card_text(titel="Café").replace("\n", "\r\n" if newline == b"\r\n" else "\n").encode())
    card = load(kaarten).get("kaart")
    assert card.titel == "Café"
    assert card.prompts[0].doorvragen == ("Waarom?",)


@pytest.mark.parametrize("name", [".verborgen.md", "_sjabloon.md", "kaart.md~", ".#kaart.md", "kaart.md.swp", "notities.txt"])
def test_hidden_and_editor_files_are_ignored(kaarten, name):
    kaarten.card("echt")
    kaarten.write(f"proef/{name}", "niet eens front matter")
    cards = load(kaarten)
    assert [card.slug for card in cards] == ["echt"]
    assert not cards.problems


def test_duplicate_slug_names_both_files(kaarten):
    kaarten.card("dubbel", bak="een")
    kaarten.card("dubbel", bak="twee")
    cards = load(kaarten)
    assert len(cards) == 1
    problem = only_problem(cards, "twee/dubbel.md")
    assert "een/dubbel.md" in problem.message


def test_symlink_outside_the_folder_is_never_followed(kaarten, tmp_path):
    secret = tmp_path / "geheim.md"
    secret.write_text(card_text(titel="Geheim"), encoding="utf-8")
    kaarten.card("gewoon")
    (kaarten.root / "proef" / "link.md").symlink_to(secret)
    (kaarten.root / "uitstapje").symlink_to(tmp_path)
    cards = load(kaarten)
    assert cards.get("link") is None and cards.get("geheim") is None
    assert "buiten kaarten/" in only_problem(cards, "proef/link.md").message
    assert "buiten kaarten/" in only_problem(cards, "uitstapje").message


def test_role_lists_are_read_as_file_names(kaarten):
    kaarten.card("scenario", soort="scenario", rollen="[rol-boos, rol-stil.md, rol-boos]", vierde_speler="[rol-leerling]")
    card = load(kaarten).get("scenario")
    assert (card.rollen, card.vierde_speler) == (("rol-boos", "rol-stil"), ("rol-leerling",))


def test_role_lists_belong_on_scenarios_only(kaarten):
    kaarten.card("rol", soort="rol", rollen="[rol-boos]")
    cards = load(kaarten)
    problem = only_problem(cards, "proef/rol.md")
    assert (problem.level, problem.line) == ("waarschuwing", 5)
    assert "'rollen' hoort alleen op een scenariokaart (soort: scenario)" in problem.message
    assert cards.get("rol").rollen == ()


@pytest.mark.parametrize(
    "listed, words",
    [
        ("[rol-bestaat-niet]", "'rollen' noemt de kaart 'rol-bestaat-niet', maar die bestaat niet; bestaat rol-bestaat-niet.md?"),
        ("[andere]", "'rollen' noemt de kaart 'andere', maar dat is geen rolkaart (soort: scenario)"),
    ],
)
def test_a_role_list_naming_no_role_card_is_a_warning(kaarten, listed, words):
    kaarten.card("scenario", soort="scenario", rollen=listed)
    kaarten.card("andere", soort="scenario")
    kaarten.card("rol-boos", soort="rol")
    cards = load(kaarten)
    problem = only_problem(cards, "proef/scenario.md")
    assert problem.level == "waarschuwing" and words in problem.message
    assert cards.get("scenario") is not None


def test_unknown_key_is_a_warning_with_a_suggestion(kaarten):
    kaarten.write("proef/typo.md", card_text(samenvating="Kort."))
    cards = load(kaarten)
    problem = only_problem(cards, "proef/typo.md")
    assert (problem.level, problem.line) == ("waarschuwing", 4)
    assert "bedoel je 'samenvatting'?" in problem.message
    assert cards.get("typo") is not None


def test_deck_without_bak_file_still_loads_with_a_warning(kaarten):
    (kaarten.root / "los").mkdir()
    (kaarten.root / "los" / "kaart.md").write_text(card_text(tags="[wat dan ook]"), encoding="utf-8")
    cards = load(kaarten)
    assert cards.get("kaart").tags == ("wat dan ook",)
    assert "geen _bak.yml" in only_problem(cards, "los/_bak.yml").message


@pytest.mark.parametrize(
    "text, what",
    [("- een\n- lijst\n", "een lijst"), ("Proefbak\n", "alleen tekst"), ("2024-01-01\n", "een datum"), ("12\n", "alleen een getal")],
)
def test_a_bak_file_without_fields_says_so_in_a_trainers_words(kaarten, text, what):
    kaarten.card("kaart")
    kaarten.bak("proef", text)
    problem = only_problem(load(kaarten), "proef/_bak.yml")
    assert problem.message == f"in _bak.yml horen de velden van de bak, zoals 'naam: ...' en 'tags:', maar hier staat {what}"
    assert "titel" not in problem.message


def test_broken_bak_file_is_reported_with_its_line(kaarten):
    kaarten.bak("proef", "naam: Proef\nkleur: rood\ntags: {a: [b]}\n")
    cards = load(kaarten)
    problem = only_problem(cards, "proef/_bak.yml")
    assert problem.line == 2 and "kleurcode" in problem.message


@pytest.mark.parametrize(
    "body, line, words",
    [
        ("Tekst\n\n## Stof tot nadenken\n\n- Een vraag?\n- Geen vraag.\n", 10, "niet op een vraagteken"),
        ("## Stof tot nadenken\n\n- " + "woord " * 30 + "?\n", 7, "langer dan 25 woorden"),
        ("Alleen tekst, geen vragen.\n", 5, "geen vragen"),
        ("## Stof tot nadenken\n\n- Vraag?\n\n## Bronnen\n\n## Tips\n\n- Doe iets.\n", 9, "'Bronnen' is leeg"),
        ("## Stof tot nadenken\n\n- Vraag?\n    - Te ver ingesprongen?\n", 5, "te ver ingesprongen"),
    ],
)
def test_card_body_warnings_point_at_the_line(kaarten, body, line, words):
    kaarten.write("proef/kaart.md", card_text(body=body))
    cards = load(kaarten)
    problem = only_problem(cards, "proef/kaart.md")
    assert (problem.level, problem.line) == ("waarschuwing", line)
    assert words in problem.message
    assert cards.get("kaart") is not None


def test_many_prompt_warnings_are_listed_ten_then_counted(kaarten):
    kaarten.write("proef/kaart.md", card_text(body="## Stof tot nadenken\n\n" + "".join(f"- Zin {i}.\n" for i in range(1, 31))))
    problems = [p for p in load(kaarten).problems if "vraagteken" in p.message or p.message.startswith("en nog")]
    assert [p.line for p in problems if "vraagteken" in p.message] == list(range(7, 17))
    assert [p.message for p in problems if p.message.startswith("en nog")] == ["en nog 20 vragen of secties met zo'n waarschuwing"]


def test_a_body_with_thousands_of_emphasis_marks_is_refused(kaarten):
    kaarten.write("proef/kaart.md", card_text(body="*_" * 1001))
    cards = load(kaarten)
    assert cards.get("kaart") is None
    assert "meer dan 2000 sterretjes * en lage streepjes _" in only_problem(cards, "proef/kaart.md").message

"""The trainer commands through Flask's CLI runner: check, nieuw and tags."""

import os
import unicodedata

import pytest

from kaartenbak.store import CardStore

from .conftest import Kaarten, card_text

PROMPT = "## Stof tot nadenken\n\n- Wat vind jij?\n"


def run(runner, *args):
    return runner.invoke(args=["kaarten", *args])


def lines(result) -> list[str]:
    return result.output.splitlines()


def files(kaarten) -> set[str]:
    return {path.relative_to(kaarten.root).as_posix() for path in kaarten.root.rglob("*")}


def deck_without_bak_file(kaarten):
    (kaarten.root / "los").mkdir()
    (kaarten.root / "los" / "kaart.md").write_text(card_text(), encoding="utf-8")


def svg_beside_the_card(kaarten):
    kaarten.write("proef/schets.svg", "<svg></svg>")
    kaarten.card("kaart", body="![Schets](schets.svg)\n\n" + PROMPT)


# (make the folder, the start of the line: file, line and level, what the line must also say)
CHECKS = {
    "load error": (
        lambda k: k.write("proef/kaart.md", "---\ntags: [reflectie]\n---\n"),
        "proef/kaart.md:1: fout: ", "'titel' ontbreekt of is leeg",
    ),
    "tag outside the vocabulary": (
        lambda k: k.card("kaart", tags="[emoties, contakt]"),
        "proef/kaart.md:3: fout: ", "tag 'contakt' staat niet in de woordenlijst van de bak; bedoel je 'contact met ouders'?",
    ),
    "shared nummer": (
        lambda k: (k.card("a", nummer=4), k.card("b", nummer=4)),
        "proef/b.md: waarschuwing: ", "nummer 4 komt in deze bak vaker voor",
    ),
    "reflection card without prompts": (
        lambda k: k.card("kaart", body="Alleen tekst.\n"),
        "proef/kaart.md:5: waarschuwing: ", "de kaart heeft geen vragen",
    ),
    "prompt without question mark": (
        lambda k: k.card("kaart", body="## Stof tot nadenken\n\n- Wat vind jij?\n- Vertel eens.\n"),
        "proef/kaart.md:8: waarschuwing: ", "de vraag 'Vertel eens.' eindigt niet op een vraagteken",
    ),
    "prompt too long": (
        lambda k: k.card("kaart", body="## Stof tot nadenken\n\n- " + "woord " * 26 + "?\n"),
        "proef/kaart.md:7: waarschuwing: ", "is langer dan 25 woorden",
    ),
    "link to a missing card": (
        lambda k: k.card("kaart", body="Zie [die kaart](bestaat-niet).\n\n" + PROMPT),
        "proef/kaart.md: fout: ", "de link naar kaart 'bestaat-niet' leidt nergens heen",
    ),
    "deck without _bak.yml": (
        deck_without_bak_file,
        "los/_bak.yml: waarschuwing: ", "de bak heeft geen _bak.yml",
    ),
    "empty section": (
        lambda k: k.card("kaart", body=PROMPT + "\n## Bronnen\n"),
        "proef/kaart.md:9: waarschuwing: ", "de sectie 'Bronnen' is leeg",
    ),
    "unknown front-matter key": (
        lambda k: k.card("kaart", samenvating="Kort."),
        "proef/kaart.md:4: waarschuwing: ", "onbekend veld 'samenvating'; bedoel je 'samenvatting'?",
    ),
    "missing image": (
        lambda k: k.card("kaart", body="Inleiding.\n\n![Een schets](schets.png)\n\n" + PROMPT),
        "proef/kaart.md:7: fout: ", "het plaatje 'schets.png' staat niet naast de kaart in proef/",
    ),
    "image from elsewhere": (
        lambda k: k.card("kaart", body="![Logo](https://example.org/logo.png)\n\n" + PROMPT),
        "proef/kaart.md:5: fout: ", "het plaatje 'https://example.org/logo.png' wordt niet getoond",
    ),
    "image the site does not show": (
        svg_beside_the_card,
        "proef/kaart.md:5: fout: ", "'schets.svg' is geen plaatje dat de site toont",
    ),
    "role list naming no role card": (
        lambda k: (k.card("scenario", soort="scenario", rollen="[kaart]", body=PROMPT), k.card("kaart", body=PROMPT)),
        "proef/scenario.md: waarschuwing: ", "'rollen' noemt de kaart 'kaart', maar dat is geen rolkaart (soort: reflectie)",
    ),
    "role list of the wrong type": (
        lambda k: k.card("scenario", soort="scenario", vierde_speler="rol-leerling", body=PROMPT),
        "proef/scenario.md:5: fout: ", "'vierde_speler' moet een lijst van bestandsnamen van rolkaarten zijn",
    ),
    "placeholder left": (
        lambda k: k.card("kaart", body="## Stof tot nadenken\n\n- VUL IN: Welke vraag?\n"),
        "proef/kaart.md:7: waarschuwing: ", "hier staat nog voorbeeldtekst uit het sjabloon ('VUL IN: Welke vraag?'); vervang die door je eigen tekst",
    ),
    "file name not UTF-8": (
        lambda k: k.write("proef/" + os.fsdecode("café.md".encode("latin-1")), card_text()),
        "proef/caf\\xe9.md: fout: ", "de naam is geen UTF-8",
    ),
    "pipe named like a card": (
        lambda k: os.mkfifo(k.bak() / "pijp.md"),
        "proef/pijp.md: fout: ", "is geen gewoon bestand",
    ),
    "pipe named like an image": (
        lambda k: os.mkfifo(k.bak() / "schets.png"),
        "proef/schets.png: fout: ", "is geen gewoon bestand",
    ),
    "pipe as _bak.yml": (
        lambda k: ((k.bak() / "_bak.yml").unlink(), os.mkfifo(k.root / "proef" / "_bak.yml")),
        "proef/_bak.yml: fout: ", "is geen gewoon bestand",
    ),
    "twins in case": (
        lambda k: (k.card("kaart", bak="andere"), k.card("Kaart")),
        "proef/Kaart.md: fout: ", "'Kaart' is in een webadres niet te onderscheiden van andere/kaart.md",
    ),
    "twins in Unicode form": (
        lambda k: (k.card(unicodedata.normalize("NFC", "café"), bak="andere"), k.card(unicodedata.normalize("NFD", "café"))),
        unicodedata.normalize("NFD", "proef/café.md: fout: "), "is in een webadres niet te onderscheiden van andere/café.md",
    ),
    "card in a subfolder of a deck": (
        lambda k: ((k.bak() / "sub").mkdir(), (k.root / "proef" / "sub" / "kaart.md").write_text(card_text(), encoding="utf-8")),
        "proef/sub: waarschuwing: ", "is een map in een bak; wat daarin staat, laadt de site niet",
    ),
}


@pytest.mark.parametrize("streng", [False, True])
@pytest.mark.parametrize("make, start, words", CHECKS.values(), ids=CHECKS.keys())
def test_each_check_prints_file_line_level_and_fix(kaarten, runner, make, start, words, streng):
    make(kaarten)
    result = run(runner, "check", *(["--streng"] if streng else []))
    assert any(line.startswith(start) and words in line for line in lines(result)), result.output
    failing = " fout: " in start or streng
    assert result.exit_code == (1 if failing else 0)


@pytest.mark.parametrize(
    "body",
    [
        PROMPT,
        "![Een schets](schets.png)\n\n![Foto](Foto%20klas.JPG)\n\n" + PROMPT,
        "Zie [de andere kaart](andere) en [nog een](/kaart/andere).\n\n" + PROMPT,
    ],
)
def test_a_clean_folder_passes_strictly(kaarten, runner, body):
    kaarten.write("proef/schets.png", b"\x89PNG")
    kaarten.write("proef/Foto klas.JPG", b"\xff\xd8")
    kaarten.card("kaart", body=body)
    kaarten.card("andere")
    result = run(runner, "check", "--streng")
    assert lines(result) == ["2 kaarten, 0 fouten, 0 waarschuwingen"]
    assert result.exit_code == 0


@pytest.mark.parametrize(
    "cards, summary",
    [
        ({"a": {}}, "1 kaart, 0 fouten, 0 waarschuwingen"),
        ({"a": {}, "b": {"tags": "[contakt]"}, "c": {"samenvating": "x"}}, "2 kaarten, 1 fout, 1 waarschuwing"),
        ({"a": {"tags": "[x]", "samenvating": "x"}, "b": {"tags": "[y]", "samenvating": "x"}}, "0 kaarten, 2 fouten, 2 waarschuwingen"),
    ],
)
def test_summary_counts_in_dutch(kaarten, runner, cards, summary):
    for slug, fields in cards.items():
        kaarten.card(slug, **fields)
    assert lines(run(runner, "check"))[-1] == summary


def test_check_reads_the_folder_it_is_given(kaarten, runner, tmp_path):
    kaarten.card("goed")
    elders = Kaarten(tmp_path / "elders")
    elders.card("kapot", tags="[contakt]")
    result = run(runner, "check", str(elders.root))
    assert lines(result)[0].startswith("proef/kapot.md:3: fout: ")
    assert result.exit_code == 1
    missing = run(runner, "check", str(tmp_path / "nergens"))
    assert "fout: de kaartenmap bestaat niet" in missing.output
    assert missing.exit_code == 1
    (tmp_path / "een-bestand").write_text("geen map")
    a_file = run(runner, "check", str(tmp_path / "een-bestand"))
    assert "een-bestand: fout: is een bestand, geen kaartenmap" in a_file.output and "Error" not in a_file.output
    assert a_file.exit_code == 1


def test_check_prints_each_problem_once_not_also_in_the_log(kaarten, runner, tmp_path, caplog):
    elders = Kaarten(tmp_path / "elders")
    elders.card("kapot", tags="[contakt]")
    caplog.set_level("INFO")
    assert run(runner, "check", str(elders.root)).exit_code == 1
    assert not [record for record in caplog.records if record.name.startswith("kaartenbak")]


def test_check_includes_concept_cards(kaarten, runner):
    kaarten.card("schets", concept="true", tags="[contakt]")
    result = run(runner, "check")
    assert lines(result) == [
        "proef/schets.md:3: fout: tag 'contakt' staat niet in de woordenlijst van de bak; bedoel je 'contact met ouders'?",
        "0 kaarten, 1 fout, 0 waarschuwingen",
    ]


@pytest.mark.parametrize(
    "titel, slug",
    [
        ("Interculturele communicatie 3", "interculturele-communicatie-3"),
        ("Één kaart!", "een-kaart"),
        ("  Ouders: \"samen\" & #1  ", "ouders-samen-1"),
        ("Geïnitieerd   gesprek", "geinitieerd-gesprek"),
    ],
)
def test_nieuw_makes_a_card_that_passes_once_its_placeholders_are_filled_in(kaarten, runner, titel, slug):
    kaarten.bak("proef")
    result = run(runner, "nieuw", "proef", titel)
    path = kaarten.root / "proef" / f"{slug}.md"
    assert result.exit_code == 0, result.output
    assert str(path) in result.output and "Volgende stappen" in result.output

    text = path.read_text(encoding="utf-8")
    placeholders = [number for number, line in enumerate(text.split("\n"), start=1) if "VUL IN" in line]
    checked = run(runner, "check")
    assert checked.exit_code == 0
    assert lines(checked)[:-1] == [
        line for line in lines(checked) if line.startswith("proef/") and ": waarschuwing: hier staat nog voorbeeldtekst" in line
    ]
    assert [int(line.split(":")[1]) for line in lines(checked)[:-1]] == placeholders
    assert run(runner, "check", "--streng").exit_code == 1

    path.write_text(text.replace("VUL IN: ", "").replace("concept: true", "concept: false"), encoding="utf-8")
    strict = run(runner, "check", "--streng")
    assert lines(strict) == ["1 kaart, 0 fouten, 0 waarschuwingen"]
    card = CardStore(kaarten.root).collection.get(slug)
    assert (card.titel, card.soort, card.concept) == (" ".join(titel.split()), "reflectie", False)
    assert card.prompts[0].doorvragen


@pytest.mark.parametrize(
    "existing, nummer",
    [
        ({}, 1),
        ({"a": {"nummer": 3}, "b": {"nummer": 7, "concept": "true"}, "c": {}}, 8),
    ],
)
def test_nieuw_takes_the_next_nummer_of_its_deck(kaarten, runner, existing, nummer):
    kaarten.bak("proef")
    kaarten.card("elders", bak="anders", nummer=20)
    for slug, fields in existing.items():
        kaarten.card(slug, **fields)
    run(runner, "nieuw", "proef", "Nieuwe kaart")
    assert f"\nnummer: {nummer}\n" in (kaarten.root / "proef" / "nieuwe-kaart.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "bak, titel, words",
    [
        ("proef", "Eén kaart", "er bestaat al een kaart proef/een-kaart.md"),
        ("anders", "Een kaart", "er bestaat al een kaart proef/een-kaart.md"),
        ("onbekend", "Kaart", "de bak 'onbekend' bestaat niet (bestaande bakken: anders, proef)"),
        ("..", "Kaart", "de bak '..' bestaat niet"),
        ("proef", "?!", "geen letters of cijfers"),
    ],
)
def test_nieuw_refuses_and_says_why(kaarten, runner, bak, titel, words):
    original = kaarten.card("een-kaart", titel="Bestaand")
    kaarten.bak("anders")
    before = files(kaarten)
    result = run(runner, "nieuw", bak, titel)
    assert result.exit_code == 1
    assert result.output.startswith("Geen kaart gemaakt: ") and words in result.output
    assert files(kaarten) == before
    assert original.read_text(encoding="utf-8") == card_text(titel="Bestaand")


def test_tags_counts_cards_per_tag_with_synonyms_and_unused_tags(kaarten, runner):
    kaarten.card("a", tags="[contact, emoties]")
    kaarten.card("b", tags="[contact met ouders, reflectie]")
    kaarten.card("c", tags="[emotie]", concept="true")
    kaarten.card("d", bak="anders", tags="[reflectie]")
    result = run(runner, "tags")
    assert result.exit_code == 0
    assert lines(result) == [
        "Proefbak (anders)",
        "  contact met ouders: 0 kaarten (niet gebruikt); synoniemen: contact, oudercontact",
        "  emoties: 0 kaarten (niet gebruikt); synoniemen: emotie",
        "  soorten oudergesprekken: 0 kaarten (niet gebruikt); synoniemen: oudergesprek",
        "  reflectie: 1 kaart",
        "",
        "Proefbak (proef)",
        "  contact met ouders: 2 kaarten; synoniemen: contact, oudercontact",
        "  emoties: 2 kaarten; synoniemen: emotie",
        "  soorten oudergesprekken: 0 kaarten (niet gebruikt); synoniemen: oudergesprek",
        "  reflectie: 1 kaart",
    ]
    only = run(runner, "tags", "anders")
    assert lines(only) == lines(result)[:5]


def test_tags_of_a_deck_without_vocabulary_are_the_ones_its_cards_use(kaarten, runner):
    kaarten.bak("los", "naam: Los\n")
    kaarten.card("a", bak="los", tags="[vrij, ook vrij]")
    assert lines(run(runner, "tags", "los")) == ["Los (los)", "  ook vrij: 1 kaart", "  vrij: 1 kaart"]


def test_tags_of_an_unknown_deck_fail(kaarten, runner):
    kaarten.bak("proef")
    result = run(runner, "tags", "onbekend")
    assert result.exit_code == 1
    assert "de bak 'onbekend' bestaat niet (bestaande bakken: proef)" in result.output

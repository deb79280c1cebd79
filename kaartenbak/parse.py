"""Turn the text of a card file or ``_bak.yml`` into a Card or Bak, gathering every problem."""

import difflib
import re
from datetime import date, datetime

import frontmatter

from .bak import DEFAULT_KLEUR, HEX_COLOUR, Bak
from .card import SOORTEN, Card
from .printing import lines_too_many
from .files import IMAGE_SUFFIXES, is_image
from .names import card_slug
from .problems import WAARSCHUWING, CardError, Problem
from .render import image_name, render
from .safe_yaml import YamlError, load_mapping_lines

MAX_PROMPT_WORDS = 25
# Python-Markdown slows down steeply on deep nesting, many brackets or many raw tags (minutes
# for a few kilobytes); no real card comes near these limits.
MAX_NESTING = 8
MAX_TAG_PROBLEMS = 10  # also the most warnings about prompts and sections listed one by one
# Front-matter text is short by nature; a browser needs seconds to lay out a 50,000-letter title.
MAX_LENGTHS = {"titel": 150, "naam": 150, "samenvatting": 500, "begeleider": 3000, "beschrijving": 3000}
MAX_BRACKETS = 300
MAX_TAGS = 500
MAX_EMPHASIS = 2000  # * and _ mixed by the ten thousand take Python-Markdown seconds; the richest card has 40
NESTED_LINE = re.compile(r"^((?:[ \t]*>)*)([ \t]*)(?:(?:[-*+]|\d+[.)])[ \t]|>)", re.MULTILINE)
RAW_TAG = re.compile(r"<[A-Za-z/!]")
CARD_KEYS = ("titel", "tags", "nummer", "samenvatting", "begeleider", "soort", "concept", "rollen", "vierde_speler")
# Fields naming other cards by file name; only a scenario card may carry them (practice mode reads them).
ROLE_LISTS = {"rollen": "rol-boze-ouder, rol-bezorgde-ouder", "vierde_speler": "rol-leerling"}
MAX_LISTED = 50
BAK_KEYS = ("naam", "beschrijving", "kleur", "tags")
CARD_FIELDS = "tussen de regels --- horen de velden van de kaart, zoals 'titel: ...' en 'tags: [...]'"  # what belongs in the front matter, said when something else is there
PLACEHOLDER = "VUL IN"  # marks the template's example text until the trainer replaces it


def _what(value) -> str:
    """Name what YAML made of a text in a trainer's words, not Python's."""
    if value is None:
        return "niets"
    kinds = ((bool, "alleen true of false"), ((int, float), "alleen een getal"), (str, "alleen tekst"), (list, "een lijst"), ((date, datetime), "een datum"))
    return next((name for kind, name in kinds if isinstance(value, kind)), "iets anders")


def _load_yaml(where: str, text: str, first_line: int, expected: str):
    """Load a YAML mapping, reporting errors at their line in the file; ``expected`` says in Dutch which fields belong there."""
    try:
        data, key_lines = load_mapping_lines(text)
    except YamlError as error:
        line = first_line + error.line if error.line is not None else None
        raise CardError([Problem(where, line, str(error))]) from None
    except RecursionError:
        raise CardError([Problem(where, first_line, "de YAML is te diep genest")]) from None
    if not isinstance(data, dict):
        content_line = first_line + text[: len(text) - len(text.lstrip())].count("\n")
        raise CardError([Problem(where, content_line, f"{expected}, maar hier staat {_what(data)}")])
    return data, {key: first_line + line for key, line in key_lines.items()}


def _split(where: str, text: str):
    """Split front matter from body; return (yaml, body, the file line of the YAML's first line)."""
    handler = frontmatter.YAMLHandler()
    if not handler.detect(text):
        raise CardError([Problem(where, 1, "de kaart begint niet met front matter: zet op de eerste regel ---")])
    try:
        yaml_text, body = handler.split(text)
    except ValueError:
        raise CardError([Problem(where, 1, "de front matter is niet afgesloten: zet een regel --- na de velden")]) from None
    start = text.find(yaml_text, 3) if yaml_text else text.find("\n") + 1
    return yaml_text, body, text.count("\n", 0, start) + 1


def front_matter(where: str, text: str) -> tuple[dict, str]:
    """Return a card's fields and its body as the loader reads them; raise CardError when they cannot be read."""
    yaml_text, body, first_line = _split(where, text)
    data, _ = _load_yaml(where, yaml_text, first_line, CARD_FIELDS)
    return data, body.removeprefix("\n")  # the body starts after the line break that ends the closing ---


def _unknown_keys(where, data, lines, known):
    for key in data:
        if key not in known:
            guess = difflib.get_close_matches(str(key), known, n=1)
            hint = f"; bedoel je '{guess[0]}'?" if guess else f"; bekende velden: {', '.join(known)}"
            yield Problem(where, lines.get(str(key)), f"onbekend veld '{key}'{hint}", WAARSCHUWING)


def _text_field(where, data, lines, key, *, required=False):
    value = data.get(key)
    if value is None or value == "":
        if required:
            return None, [Problem(where, lines.get(key, 1), f"'{key}' ontbreekt of is leeg; geef {'de bak' if key == 'naam' else 'de kaart'} een {key}")]
        return "", []
    if not isinstance(value, str):
        return None, [Problem(where, lines.get(key), f"'{key}' moet tekst zijn; zet de waarde tussen aanhalingstekens")]
    if len(value) > MAX_LENGTHS.get(key, MAX_LENGTHS["begeleider"]):
        return None, [Problem(where, lines.get(key), f"'{key}' is langer dan {MAX_LENGTHS.get(key, MAX_LENGTHS['begeleider'])} tekens; maak hem korter")]
    return " ".join(value.split()) if key == "titel" else value.strip(), []


def _tags(where, data, lines, bak: Bak):
    value = data.get("tags")
    line = lines.get("tags", 1)
    if value is None or value == []:
        return None, [Problem(where, line, "'tags' ontbreekt; geef minstens één tag, bijvoorbeeld tags: [reflectie]")]
    if not isinstance(value, list):
        return None, [Problem(where, line, "'tags' moet een lijst zijn, bijvoorbeeld tags: [contact met ouders, emoties]")]
    tags, problems = [], []
    for word in value:
        if not isinstance(word, str) or not word.strip() or len(word) > MAX_LENGTHS["titel"]:
            problems.append(Problem(where, line, f"tag {str(word)[:80]!r} is geen korte tekst"))
            continue
        tag = bak.resolve_tag(word)
        if tag is None:
            guess = bak.closest_tag(word) if len(problems) < MAX_TAG_PROBLEMS else None  # past the limit only the count is shown
            hint = f"; bedoel je '{guess}'?" if guess else f"; kies uit de tags in {bak.slug}/_bak.yml"
            problems.append(Problem(where, line, f"tag '{word[:80]}' staat niet in de woordenlijst van de bak{hint}"))
        elif tag not in tags:
            tags.append(tag)
    if len(problems) > MAX_TAG_PROBLEMS:  # one typo per line helps; three thousand bury the page
        rest = len(problems) - MAX_TAG_PROBLEMS
        problems = problems[:MAX_TAG_PROBLEMS] + [Problem(where, line, f"en nog {rest} tags die niet kloppen")]
    return (tuple(tags) if not problems else None), problems


def _nummer(where, data, lines):
    value = data.get("nummer")
    if value is None:
        return None, []
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None, [Problem(where, lines.get("nummer"), "'nummer' moet een heel getal zijn, bijvoorbeeld nummer: 3")]
    return value, []


def _soort(where, data, lines):
    value = data.get("soort", "reflectie")
    if value not in SOORTEN:
        return None, [Problem(where, lines.get("soort"), f"'soort' moet een van deze zijn: {', '.join(SOORTEN)}")]
    return value, []


def _concept(where, data, lines):
    value = data.get("concept", False)
    if not isinstance(value, bool):
        return None, [Problem(where, lines.get("concept"), "'concept' moet true of false zijn")]
    return value, []


def _role_list(where, data, lines, key):
    """Read a list of role cards' file names (without .md): the roles practice mode draws from."""
    value = data.get(key)
    if value is None or value == []:
        return (), []
    example = f"bijvoorbeeld {key}: [{ROLE_LISTS[key]}]"
    if not isinstance(value, list):
        return None, [Problem(where, lines.get(key), f"'{key}' moet een lijst van bestandsnamen van rolkaarten zijn, {example}")]
    if len(value) > MAX_LISTED:
        return None, [Problem(where, lines.get(key), f"'{key}' noemt meer dan {MAX_LISTED} kaarten; kies er minder")]
    slugs, problems = [], []
    for item in value:
        slug = card_slug(item.strip().removesuffix(".md")) if isinstance(item, str) else ""
        if not slug or len(slug) > MAX_LENGTHS["titel"] or "/" in slug:
            problems.append(Problem(where, lines.get(key), f"'{key}': {str(item)[:80]!r} is geen bestandsnaam van een kaart; schrijf de naam zonder .md, {example}"))
        elif slug not in slugs:
            slugs.append(slug)
    return (tuple(slugs) if not problems else None), problems


def _only_on_scenarios(where, values, lines):
    """Role lists mean something on a scenario card only: elsewhere they are ignored, with a warning."""
    if values["soort"] == "scenario":
        return
    for key in ROLE_LISTS:
        if values[key]:
            values[key] = ()
            yield Problem(where, lines.get(key), f"'{key}' hoort alleen op een scenariokaart (soort: scenario); op deze kaart wordt het genegeerd", WAARSCHUWING)


def _refuse_pathological(where: str, body: str, body_line: int) -> None:
    """Stop a body that would take the renderer minutes: deep nesting, masses of brackets or tags."""
    for match in NESTED_LINE.finditer(body):
        quotes, indent = match.group(1).count(">"), len(match.group(2).expandtabs(4))
        if quotes + indent // 2 > MAX_NESTING:
            line = body_line + body.count("\n", 0, match.start())
            raise CardError([Problem(where, line, f"deze lijst of dit citaat is dieper genest dan {MAX_NESTING} niveaus; maak hem platter")])
    if body.count("[") > MAX_BRACKETS:
        raise CardError([Problem(where, body_line, f"de kaart bevat meer dan {MAX_BRACKETS} vierkante haken [; zoveel links heeft geen kaart nodig")])
    if len(RAW_TAG.findall(body)) > MAX_TAGS:
        raise CardError([Problem(where, body_line, f"de kaart bevat meer dan {MAX_TAGS} HTML-tags; schrijf gewone Markdown")])
    if body.count("*") + body.count("_") > MAX_EMPHASIS:
        raise CardError([Problem(where, body_line, f"de kaart bevat meer dan {MAX_EMPHASIS} sterretjes * en lage streepjes _; zoveel opmaak heeft geen kaart nodig")])


def _line_of(body: str, body_line: int, text: str) -> int:
    """Find the file line where a rendered text starts, by its first words; else the body's first line."""
    start = " ".join(text.split()[:3])
    for number, line in enumerate(body.split("\n")):
        if start and start in " ".join(line.split()):
            return body_line + number
    return body_line


def _body_warnings(where, body, body_line, rendered, soort):
    if soort == "reflectie" and not rendered.prompts:
        yield Problem(where, body_line + 1, "de kaart heeft geen vragen: zet ze als lijst onder '## Stof tot nadenken'", WAARSCHUWING)
    found = []  # (text to find the line of, message); finding the line is most of the cost of these checks
    for prompt in rendered.prompts:
        if not prompt.text.rstrip().endswith("?"):
            found.append((prompt.text, f"de vraag '{prompt.text[:60]}' eindigt niet op een vraagteken"))
        if len(prompt.text.split()) > MAX_PROMPT_WORDS:
            found.append((prompt.text, f"de vraag '{prompt.text[:60]}…' is langer dan {MAX_PROMPT_WORDS} woorden; maak hem korter"))
    found += [(heading, f"de sectie '{heading}' is leeg") for heading, has_content in rendered.sections if not has_content]
    for text, message in found[:MAX_TAG_PROBLEMS]:
        yield Problem(where, _line_of(body, body_line, text), message, WAARSCHUWING)
    if len(found) > MAX_TAG_PROBLEMS:  # as with tags: a few help, thousands bury the page (and take seconds to place)
        yield Problem(where, body_line + 1, f"en nog {len(found) - MAX_TAG_PROBLEMS} vragen of secties met zo'n waarschuwing", WAARSCHUWING)
    if rendered.misindented:
        yield Problem(where, body_line + 1, "een doorvraag is te ver ingesprongen en hoort nu bij de vraag zelf: zet precies twee spaties voor '- '", WAARSCHUWING)


def _placeholders(where, text):
    for number, line in enumerate(text.split("\n"), start=1):
        if PLACEHOLDER in line:
            example = line[line.index(PLACEHOLDER):].strip().strip("\"'")  # without the quotes YAML put around it
            example = example if len(example) <= 40 else example[:40].rstrip() + "…"
            yield Problem(where, number, f"hier staat nog voorbeeldtekst uit het sjabloon ('{example}'); vervang die door je eigen tekst", WAARSCHUWING)


def _image_problems(where, body, body_line, sources, bak: Bak, images):
    for src in sources:
        name = image_name(src)
        line = _line_of(body, body_line, src)
        if name is None:
            yield Problem(where, line, f"het plaatje '{src}' wordt niet getoond: zet het bestand naast de kaart in {bak.slug}/ en schrijf alleen de bestandsnaam, bijvoorbeeld ![beschrijving](plaatje.png)")
        elif not is_image(name):
            yield Problem(where, line, f"'{name}' is geen plaatje dat de site toont; gebruik een bestand dat eindigt op {', '.join(IMAGE_SUFFIXES)}")
        elif name not in images:
            yield Problem(where, line, f"het plaatje '{name}' staat niet naast de kaart in {bak.slug}/; zet het daar of verbeter de naam (let ook op hoofdletters)")


def parse_card(where: str, slug: str, text: str, bak: Bak, images: frozenset[str]) -> tuple[Card, list[Problem]]:
    """Parse a card's text (``images``: the image files beside it); raise CardError if it cannot be shown."""
    yaml_text, body, first_line = _split(where, text)
    data, lines = _load_yaml(where, yaml_text, first_line, CARD_FIELDS)
    problems = [*_unknown_keys(where, data, lines, CARD_KEYS), *_placeholders(where, text)]
    values = {}
    for key, (value, found) in {
        "titel": _text_field(where, data, lines, "titel", required=True),
        "samenvatting": _text_field(where, data, lines, "samenvatting"),
        "begeleider": _text_field(where, data, lines, "begeleider"),
        "tags": _tags(where, data, lines, bak),
        "nummer": _nummer(where, data, lines),
        "soort": _soort(where, data, lines),
        "concept": _concept(where, data, lines),
        **{key: _role_list(where, data, lines, key) for key in ROLE_LISTS},
    }.items():
        values[key] = value
        problems.extend(found)
    errors = [p for p in problems if p.level != WAARSCHUWING]
    if errors:
        raise CardError(problems)
    problems.extend(_only_on_scenarios(where, values, lines))
    body_line = first_line + yaml_text.count("\n")  # the body starts on the closing --- line
    _refuse_pathological(where, body, body_line)
    rendered = render(body, bak.slug)
    problems.extend(_body_warnings(where, body, body_line, rendered, values["soort"]))
    # a missing image is an error, yet the card still reads well without it: show it, report it
    problems.extend(_image_problems(where, body, body_line, rendered.images, bak, images))
    card = Card(
        slug=slug, bak=bak.slug, path=where, html=rendered.html, prompts=rendered.prompts,
        links=rendered.links, **values,
    )
    problems.extend(_print_warning(where, card))
    return card, problems


def _print_warning(where, card):
    """Warn when the back of a card does not fit on one printed A6 card, by the print view's own estimate."""
    lines = lines_too_many(card)
    if lines:
        yield Problem(
            where, None,
            f"past niet op één gedrukte kaart: {lines} {'regel' if lines == 1 else 'regels'} te veel; op papier wordt de kaart "
            "ingekort. Zet er minder vragen of doorvragen op, maak ze korter, of verdeel de kaart over twee kaarten",
            WAARSCHUWING, concerns="tekst",
        )


def parse_bak(where: str, slug: str, text: str | None) -> tuple[Bak, list[Problem]]:
    """Parse ``_bak.yml``; a missing or broken file still gives a usable deck named after its folder."""
    fallback = Bak(slug=slug, naam=slug.replace("-", " ").capitalize())
    if text is None:
        return fallback, [Problem(where, None, "de bak heeft geen _bak.yml; maak er een met naam, beschrijving en tags", WAARSCHUWING)]
    try:
        data, lines = _load_yaml(where, text, 1, "in _bak.yml horen de velden van de bak, zoals 'naam: ...' en 'tags:'")
    except CardError as error:
        return fallback, error.problems
    problems = list(_unknown_keys(where, data, lines, BAK_KEYS))
    naam, found = _text_field(where, data, lines, "naam", required=True)
    problems += found
    beschrijving, found = _text_field(where, data, lines, "beschrijving")
    problems += found
    kleur = data.get("kleur") or DEFAULT_KLEUR
    if not isinstance(kleur, str) or not HEX_COLOUR.match(kleur):
        problems.append(Problem(where, lines.get("kleur"), "'kleur' moet een kleurcode zijn zoals \"#1d5c7a\" (tussen aanhalingstekens)"))
        kleur = DEFAULT_KLEUR
    vocabulary, found = _vocabulary(where, data.get("tags"), lines.get("tags"))
    problems += found
    bak = Bak(
        slug=slug, naam=naam or fallback.naam, beschrijving=beschrijving or "", kleur=kleur,
        vocabulary=vocabulary, tags=tuple(dict.fromkeys(vocabulary.values())),
    )
    return bak, problems


def _vocabulary(where, value, line):
    """Read ``tags:`` as a mapping of tag to synonyms (a plain list of tags works too)."""
    if value is None:
        return {}, [Problem(where, line, "de bak heeft geen tags; zet onder 'tags:' de woordenlijst", WAARSCHUWING)]
    if isinstance(value, list):
        value = {tag: None for tag in value}
    if not isinstance(value, dict):
        return {}, [Problem(where, line, "'tags' moet een lijst van tags met hun synoniemen zijn, bijvoorbeeld  verslaglegging: [verslag]")]
    vocabulary, problems = {}, []
    for tag, synonyms in value.items():
        if synonyms is None:
            synonyms = []
        if not isinstance(tag, str) or not isinstance(synonyms, list) or not all(isinstance(s, str) for s in synonyms):
            problems.append(Problem(where, line, f"tag {tag!r}: schrijf de synoniemen als lijst van woorden, bijvoorbeeld [verslag, notulen]"))
            continue
        tag = " ".join(tag.lower().split())
        for word in [tag, *synonyms]:
            word = " ".join(word.lower().split())
            if vocabulary.get(word, tag) != tag:
                problems.append(Problem(where, line, f"'{word}' hoort bij twee tags: '{vocabulary[word]}' en '{tag}'"))
            vocabulary.setdefault(word, tag)
    return vocabulary, problems

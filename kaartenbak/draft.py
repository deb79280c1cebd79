"""A card being written in the workbench: its file made from form fields, read back from a file, and
checked and rendered exactly as the site loads it. Nothing here writes a file."""

from dataclasses import dataclass, field

import yaml

from .authoring import existing_card, slugify
from .bak import Bak
from .card import Card
from .collection import Collection
from .files import clean_text
from .parse import MAX_LENGTHS, front_matter
from .problems import FOUT, CardError, Problem
from .store import collection_problems, parse_text

# The front matter in the order of the template of `kaarten nieuw` (and of kaarten/README.md).
FIELDS = ("titel", "nummer", "samenvatting", "tags", "soort", "begeleider", "concept", "rollen", "vierde_speler")
BODY = "tekst"  # the form's name for the Markdown below the front matter
NEW_SLUG = "nieuwe-kaart"  # the file name of a card without a titel yet


@dataclass(frozen=True)
class Draft:
    """What the workbench form holds; ``bestand`` names the card being edited ("" for a new card)."""

    bak: str = ""
    titel: str = ""
    nummer: str = ""  # as typed: the loader's own check says what is wrong with "drie"
    samenvatting: str = ""
    tags: tuple[str, ...] = ()
    soort: str = "reflectie"
    begeleider: str = ""
    concept: bool = False
    rollen: tuple[str, ...] = ()
    vierde_speler: tuple[str, ...] = ()
    tekst: str = ""
    bestand: str = ""


@dataclass(frozen=True)
class Finding:
    """A problem placed at the form field it concerns; ``line`` counts within that field."""

    field: str  # a name of FIELDS, BODY or "bak"; "" for the card as a whole
    line: int | None
    message: str
    level: str = FOUT


@dataclass(frozen=True)
class Checked:
    """A draft as the loader sees it: its file, its card (None when it cannot be shown) and what is wrong."""

    slug: str
    text: str
    card: Card | None
    findings: tuple[Finding, ...] = field(default=())

    @property
    def file_name(self) -> str:
        return f"{self.slug}.md"

    @property
    def invalid_fields(self) -> frozenset[str]:
        """The fields with an error (not only a warning) in them."""
        return frozenset(finding.field for finding in self.findings if finding.level == FOUT and finding.field)

    @property
    def errors(self) -> int:
        return sum(1 for finding in self.findings if finding.level == FOUT)


def _yaml_line(key: str, value) -> str:
    """One field as YAML: lists in brackets as the template writes them, text quoted only where YAML needs it."""
    flow = None if isinstance(value, (list, tuple)) else False
    value = list(value) if isinstance(value, tuple) else value
    return yaml.safe_dump({key: value}, allow_unicode=True, sort_keys=False, width=float("inf"), default_flow_style=flow)


def _values(draft: Draft) -> dict:
    """The fields a card file carries: the required ones always, the optional ones when filled in."""
    nummer = draft.nummer.strip()
    values = {
        "titel": draft.titel,
        "nummer": int(nummer) if nummer.isascii() and nummer.isdigit() and len(nummer) < 10 else nummer,
        "samenvatting": draft.samenvatting.strip(),
        "tags": draft.tags,
        "soort": draft.soort,
        "begeleider": draft.begeleider.strip(),
        "concept": draft.concept,
        "rollen": draft.rollen,
        "vierde_speler": draft.vierde_speler,
    }
    return {key: value for key, value in values.items() if key in ("titel", "tags", "soort") or value not in ("", (), False)}


def compose(draft: Draft) -> tuple[str, list[tuple[int, str]]]:
    """Return the card file's text and where each field starts in it (file line, field), the body last."""
    lines, starts, number = ["---\n"], [], 2
    for key, value in _values(draft).items():
        dumped = _yaml_line(key, value)
        starts.append((number, key))
        lines.append(dumped)
        number += dumped.count("\n")
    lines.append("---\n")
    starts.append((number, BODY))  # the loader counts the body's lines from the closing ---
    body = draft.tekst.replace("\r\n", "\n").replace("\r", "\n")
    lines.append(body if body.endswith("\n") or not body else body + "\n")
    return "".join(lines), starts


def _place(problem: Problem, starts: list[tuple[int, str]]) -> Finding:
    """Put a problem at the field its file line lies in, counting lines from that field's start."""
    if problem.line is None:
        return Finding(problem.concerns, None, problem.message, problem.level)
    first, name = max(((line, key) for line, key in starts if line <= problem.line), default=(1, "titel"))
    return Finding(name, max(1, problem.line - first) if name == BODY else None, problem.message, problem.level)


def check(draft: Draft, cards: Collection, root) -> Checked:
    """Check and render a draft as the site would load it from ``<bak>/<slug>.md`` in the card folder ``root``."""
    editing = cards.get(draft.bestand)
    slug = editing.slug if editing else slugify(draft.titel)[:MAX_LENGTHS["titel"]].strip("-") or NEW_SLUG  # a file name of a sane length
    text, starts = compose(draft)
    bak = cards.bakken.get(draft.bak)
    if bak is None:
        known = ", ".join(cards.bakken) or "er zijn nog geen bakken"
        return Checked(slug, text, None, (Finding("bak", None, f"kies een bak ({known})"),))
    where = f"{bak.slug}/{slug}.md"
    findings = []
    taken = None if editing else existing_card(root, slug)
    if taken:
        findings.append(Finding("titel", None, f"er bestaat al een kaart met de bestandsnaam {slug}.md ({taken}); kies een andere titel, of open die kaart en kies Bewerken"))
    try:
        card, problems = parse_text(where, slug, clean_text(where, text), bak, _images(cards, bak))
    except CardError as error:
        card, problems = None, error.problems
    if card is not None:
        others = [other for other in cards if other.slug != slug]
        problems += [problem for problem in collection_problems([*others, card]) if problem.path == where]
    findings += [_place(problem, starts) for problem in problems]
    findings.sort(key=lambda finding: finding.level != FOUT)  # errors first: they keep the card off the site
    return Checked(slug, text, card, tuple(findings))


def _images(cards: Collection, bak: Bak) -> frozenset[str]:
    return frozenset(name for deck, name in cards.images if deck == bak.slug)


def _text(value) -> str:
    return "" if value is None else str(value)


def _words(value) -> tuple[str, ...]:
    return tuple(_text(item) for item in value) if isinstance(value, list) else ()


def read_draft(where: str, text: str, bak: Bak, slug: str) -> Draft:
    """Fill the form from a card file, tags written as synonyms under the tag they stand for."""
    data, body = front_matter(where, text)
    tags = tuple(dict.fromkeys(bak.resolve_tag(tag) or tag for tag in _words(data.get("tags"))))
    return Draft(
        bak=bak.slug,
        titel=_text(data.get("titel")),
        nummer=_text(data.get("nummer")),
        samenvatting=_text(data.get("samenvatting")),
        tags=tags,
        soort=_text(data.get("soort") or "reflectie"),
        begeleider=_text(data.get("begeleider")),
        concept=data.get("concept") is True,
        rollen=_words(data.get("rollen")),
        vierde_speler=_words(data.get("vierde_speler")),
        tekst=body,
        bestand=slug,
    )

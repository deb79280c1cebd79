"""The static export: the whole site as files that work from any folder, web server or USB stick.

With ``KAARTENBAK_STATISCH`` on, the site renders itself for freezing: every page links to the
others by relative paths in the file layout of the export (``/kaart/x`` is ``kaart/x/index.html``),
and pages load ``static/statisch.js`` with the index of the cards, so the browser does what the
server does per request (filters, search, draws, discussion and practice mode) by the same rules.
"""

import json
import math
import mimetypes
import re
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

from flask import Blueprint, current_app, request, url_for
from flask_frozen import Freezer, MissingURLGeneratorWarning

from kaartenbak.practice import Piles, listed_roles
from kaartenbak.printing import BACK_ORDER, PER_SHEET, SIZES, printed_card
from kaartenbak.search import COMPOUND_MIN, SHORT_WORD, STOPWORDS, SUFFIX_MAX, TITLE_BONUS
from kaartenbak.snippets import BEFORE, LENGTH, passages

from .filters import MAX_TAGS, MAX_TEXT
from .mentor import DRAWN_SOORTEN, PRACTICE_SOORTEN, ROLLEN
from .store import card_store, collection

STATIC_FLAG = "KAARTENBAK_STATISCH"
MARKER = "kaarten-index.js"  # a folder holding this is an earlier export, which an export may replace
PAGES = {  # the pages the export starts from; cards, images and static files are added to these
    "index": "pages.index",
    "afdrukken": "pages.afdrukken",
    "controle": "pages.controle",
    "trek": "mentor.trek",
    "willekeurige-vraag": "mentor.willekeurige_vraag",
    "oefenen": "mentor.oefenen",
    "verslag": "mentor.verslag",
    "gids": "pages.gids",
}
# The pages that pick a card in the browser: how a card is shown there (template, heading level), and the kinds it picks from.
CARD_TEMPLATES = {"mentor.trek": ("_getrokken.html", 2, DRAWN_SOORTEN), "mentor.oefenen": ("_kaart.html", 3, PRACTICE_SOORTEN)}

# A tag with its attributes (quoted values may hold '>'), and in it an attribute holding a root-relative URL.
TAG = re.compile(r"""<[a-zA-Z][^\s/>]*(?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?)*\s*/?>""")
URL_ATTRIBUTE = re.compile(r"""(\s(?:href|src|action|data-[\w-]+)=")(/(?!/)[^"]*)\"""")

bp = Blueprint("export", __name__)


def file_path(url_path: str) -> str:
    """Return the file the export writes a URL path to: a page becomes a folder with ``index.html``.

    Anything whose name has a known file type (``bakken.css``, an image) stays a file.
    """
    path = url_path.lstrip("/")
    if not path or path.endswith("/"):
        return path + "index.html"
    if mimetypes.guess_type(path.rsplit("/", 1)[-1])[0]:
        return path
    return path + "/index.html"


def relative_links(html: str, page: str) -> str:
    """Point every root-relative URL in the tags of ``html`` at its file, relative to the page at URL path ``page``."""
    up = "../" * file_path(page).count("/")

    def relative(match: re.Match) -> str:
        target = match.group(2)
        cut = min((i for i in (target.find("?"), target.find("#")) if i != -1), default=len(target))
        return f'{match.group(1)}{up}{file_path(target[:cut])}{target[cut:]}"'

    return TAG.sub(lambda tag: URL_ATTRIBUTE.sub(relative, tag.group()), html)


def build_index(cards) -> dict:
    """The data the browser needs to filter, search and draw as the server does: the cards and the rules."""
    search = cards.search_index
    weights, titles = search.card_weights(), search.title_terms()
    return {
        "kaarten": [
            {
                **card.as_json(),
                "begeleider": card.begeleider,
                "pagina": file_path(url_for("pages.card", slug=card.slug)),
                "gesprek": file_path(url_for("mentor.gesprek", slug=card.slug)),
                "gewichten": weights[card.slug],  # folded, stemmed terms with their weights, as kaartenbak/search.py holds them
                "titelTermen": titles[card.slug],
                "passages": passages(card, cards.synonyms(card)),  # what a snippet is taken from
                **(_practice_roles(cards, card) if card.soort == "scenario" else {}),
                "drukmaat": _print_size(card),
            }
            for card in cards
        ],
        "bakken": {bak.slug: {"naam": bak.naam, "css": bak.css_class} for bak in cards.bakken.values()},
        "stammen": dict(sorted(search.stems.items())),  # every folded word of the cards -> its stem
        "tagWoorden": dict(sorted(cards.tag_words.items())),  # a tag or synonym, folded -> the tag a query naming it offers
        "paginas": {name: file_path(url_for(endpoint)) for name, endpoint in PAGES.items()},
        "regels": {
            "titelBonus": TITLE_BONUS,
            "samenstellingMin": COMPOUND_MIN,
            "achtervoegselMax": SUFFIX_MAX,
            "stopwoorden": sorted(STOPWORDS),
            "tikfoutKort": SHORT_WORD,
            "fragmentVoor": BEFORE,
            "fragmentLengte": LENGTH,
            "maxTags": MAX_TAGS,
            "maxTekst": MAX_TEXT,
            "trekSoorten": list(DRAWN_SOORTEN),
            "rollen": ROLLEN,
            "ouderRollen": [card.slug for card in Piles.of(cards).ouders],  # for a scenario that names no roles of its own
            "perVel": PER_SHEET,
            "achterkant": list(BACK_ORDER),
            "drukmaten": [size.name for size in SIZES],  # largest first, as the print view picks them
        },
    }


def _print_size(card) -> str:
    """The largest type size at which a card prints whole; the smallest (shortened) when it fits at none."""
    return (printed_card(card).size or SIZES[-1]).name


def _practice_roles(cards, scenario) -> dict:
    """A scenario's own roles, as practice mode draws from them: only role cards on the site, in file-name order."""
    return {
        "rollen": sorted(card.slug for card in listed_roles(cards, scenario.rollen)),
        "vierdeSpeler": sorted(card.slug for card in listed_roles(cards, scenario.vierde_speler)),
    }


def _index_text() -> str:
    return card_store().cached("export-index", lambda cards: json.dumps(build_index(cards), ensure_ascii=False, separators=(",", ":")))


@bp.get("/kaarten-index.json")
def index_json():
    return current_app.response_class(_index_text(), mimetype="application/json")


@bp.get("/kaarten-index.js")
def index_js():
    """The same index as a script: a page opened from disk may not fetch() a file, but may load a script."""
    return current_app.response_class(f"window.KAARTENBAK_INDEX = {_index_text()};\n", mimetype="text/javascript")


def _card_templates():
    """The cards a page picks from in the browser, with their template, decks and heading level; none elsewhere."""
    template, kop, soorten = CARD_TEMPLATES.get(request.endpoint, (None, None, ()))
    cards = collection()
    return [(template, card, cards.bakken[card.bak], kop) for card in cards if card.soort in soorten]


def init_app(app):
    """In static mode: serve the index, offer card templates to the pages, and make every link relative."""
    if not app.config.get(STATIC_FLAG):
        return
    app.register_blueprint(bp)
    app.jinja_env.globals["kaart_sjablonen"] = _card_templates

    @app.after_request
    def relative(response):
        if response.mimetype == "text/html" and not response.direct_passthrough:
            response.set_data(relative_links(response.get_data(as_text=True), request.path))
        return response


class ExportFreezer(Freezer):
    """Frozen-Flask, writing every page as ``<path>/index.html`` so the folder also opens from disk."""

    def urlpath_to_filepath(self, path):
        return file_path(path)


class ExportError(Exception):
    """An export that cannot be done; the message says why in Dutch."""


@dataclass(frozen=True)
class Exported:
    """What an export wrote."""

    folder: Path
    pages: int
    files: int
    problems: int


def _check_destination(folder: Path) -> None:
    """Refuse a folder that holds anything but an earlier export: freezing deletes what it did not write."""
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder} is een bestand, geen map; kies een map")
    blocking = next((parent for parent in folder.parents if parent.exists() and not parent.is_dir()), None)
    if blocking is not None:
        raise ExportError(f"{folder} kan geen map worden: {blocking} is een bestand, geen map; kies een map")
    if folder.is_dir() and any(folder.iterdir()) and not (folder / MARKER).is_file():
        raise ExportError(
            f"de map {folder} is niet leeg en bevat geen eerdere export. De export vervangt alles in de "
            "doelmap; kies een nieuwe of lege map"
        )


def _urls():
    """Every page of the export; Frozen-Flask adds what these pages link to with url_for."""
    cards = collection()
    for endpoint in (*PAGES.values(), "pages.deck_colours", "export.index_js", "export.index_json"):
        yield endpoint, {}
    for card in cards:  # a card without prompts has a discussion page too, which says so, as on the site
        yield "pages.card", {"slug": card.slug}
        yield "mentor.gesprek", {"slug": card.slug}
    for bak, naam in sorted(cards.images):
        yield "pages.image", {"bak": bak, "naam": naam}


def export_site(create_app, config, destination) -> Exported:
    """Write the site of ``config`` to ``destination`` with an app made by ``create_app`` in static mode."""
    folder = Path(destination).absolute()
    _check_destination(folder)
    app = create_app({
        **config,
        STATIC_FLAG: True,
        "KAARTEN_CHECK_INTERVAL": math.inf,  # one consistent snapshot of the cards
        "KAARTEN_LOAD_BUDGET": None,  # every card, however long reading them takes
        "KAARTENBAK_PER_PAGINA": sys.maxsize,  # one overview page with every card: a file cannot answer ?pagina=
        "FREEZER_DESTINATION": str(folder),
        "FREEZER_STATIC_IGNORE": ["sw.js"],  # the export keeps no service worker: it runs from anywhere
    })
    freezer = ExportFreezer(app, with_no_argument_rules=False)
    freezer.register_generator(_urls)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MissingURLGeneratorWarning)  # health, manifest and the like stay out on purpose
        try:
            written = [str(page.path) for page in freezer.freeze_yield()]
        except OSError as error:  # a folder no one may write to, a full disk
            raise ExportError(f"kan niet schrijven naar {error.filename or folder} ({error.strerror})") from None
    for path in sorted(folder.rglob("*"), reverse=True):  # Frozen-Flask leaves the folders of removed cards
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    pages = sum(1 for path in written if path.endswith(".html"))
    with app.app_context():
        problems = collection().error_count
    return Exported(folder=folder, pages=pages, files=len(written) - pages, problems=problems)

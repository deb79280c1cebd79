"""The workbench: write or edit one card in the browser, checked and previewed as the site loads it.

The page posts its form to itself (no JavaScript needed) or, with JavaScript, to the check endpoint
as the trainer types. Either way the server renders the draft and forgets it: nothing is written.
"""

import io
from urllib.parse import quote

from flask import Blueprint, abort, current_app, render_template, request, send_file
from werkzeug.exceptions import RequestEntityTooLarge

from kaartenbak.authoring import template_body
from kaartenbak.card import SOORTEN
from kaartenbak.draft import BODY, FIELDS, Draft, check, read_draft
from kaartenbak.files import read_text
from kaartenbak.printing import printed_card, run_size
from kaartenbak.problems import CardError

from .share import public_url, qr_svg
from .store import card_store

bp = Blueprint("werkplaats", __name__)
FORM_FIELDS = ("bak", *FIELDS, BODY)
LABELS = {
    "bak": "Bak", "titel": "Titel", "nummer": "Nummer", "samenvatting": "Samenvatting", "tags": "Tags", "soort": "Soort",
    "begeleider": "Voor de begeleider", "concept": "Concept", "rollen": "Rollen", "vierde_speler": "Vierde speler", BODY: "Tekst",
}
TOO_LARGE = (
    "De kaart is groter dan 64 kB: zoveel tekst past op geen kaart. Ga met de knop Terug van je browser terug "
    "naar de werkplaats (je tekst staat er dan meestal nog) en maak de kaart korter."
)
MORE = ("nummer", "concept", "rollen", "vierde_speler")  # the fields folded away under "Meer velden"


def _list(value: str) -> tuple[str, ...]:
    """Words typed with commas between them."""
    return tuple(word.strip() for word in value.split(",") if word.strip())


def draft_from_form(form) -> Draft:
    """Read the form as it was posted: ticked tags first, then the ones typed."""
    return Draft(
        bak=form.get("bak", ""),
        titel=form.get("titel", ""),
        nummer=form.get("nummer", ""),
        samenvatting=form.get("samenvatting", ""),
        tags=tuple(dict.fromkeys([*form.getlist("tags"), *_list(form.get("andere_tags", ""))])),
        soort=form.get("soort", "reflectie"),
        begeleider=form.get("begeleider", ""),
        concept=form.get("concept") == "ja",
        rollen=_list(form.get("rollen", "")),
        vierde_speler=_list(form.get("vierde_speler", "")),
        tekst=form.get(BODY, ""),
        bestand=form.get("bestand", ""),
    )


def _opened_card(slug: str) -> tuple[Draft, list]:
    """The draft of an existing card, read from its file; its problems when the file cannot be read."""
    store = card_store()
    card = store.collection.get(slug) or abort(404)
    bak = store.collection.bakken[card.bak]
    try:
        return read_draft(card.path, read_text(store.root, store.root / card.path), bak, card.slug), []
    except CardError as error:
        return Draft(bak=card.bak, titel=card.titel, bestand=card.slug), error.problems


def _checked(draft: Draft):
    store = card_store()
    return check(draft, store.collection, store.root)


def _preview(checked) -> dict:
    """What the preview templates need: the card and how it prints."""
    card = checked.card
    if card is None:
        return {"checked": checked, "labels": LABELS}
    printed = printed_card(card)
    qr = qr_svg(public_url("pages.card", slug=card.slug), "QR-code van de kaart op de site")
    bakken = card_store().collection.bakken
    return {"checked": checked, "labels": LABELS, "card": card, "bak": bakken[card.bak], "bakken": bakken,
            "piece": printed, "maat": run_size([printed]), "qr": {card.slug: qr}}


def _page(draft: Draft, checked, opened_problems=()):
    cards = card_store().collection
    by_field = _by_field(checked)
    vocabulary = cards.bakken[draft.bak].tags if draft.bak in cards.bakken else ()
    return render_template(
        "werkplaats.html", draft=draft, decks=cards.bakken, tag_usage={slug: cards.tag_usage(slug) for slug in cards.bakken},
        soorten=SOORTEN, opened_problems=opened_problems, by_field=by_field,
        andere_tags=", ".join(tag for tag in draft.tags if tag not in vocabulary),
        meer_open=any(getattr(draft, name) for name in MORE) or any(by_field[name] for name in MORE),
        bewerkt=cards.get(draft.bestand), **_preview(checked),
    )


def _by_field(checked) -> dict:
    fields = {name: [] for name in ("", *FORM_FIELDS)}
    for finding in checked.findings:
        fields[finding.field].append(finding)
    return fields


@bp.get("/werkplaats")
def werkplaats():
    slug = request.args.get("kaart", "")
    if slug:
        draft, problems = _opened_card(slug)
    else:
        cards = card_store().collection
        bak = request.args.get("bak", "")
        draft, problems = Draft(bak=bak if bak in cards.bakken else next(iter(cards.bakken), ""), tekst=template_body()), []
    return _page(draft, _checked(draft), problems)


@bp.post("/werkplaats")
def werkplaats_form():
    """The form posted without JavaScript: check it and show the page again, or download the card."""
    draft = draft_from_form(request.form)
    checked = _checked(draft)
    if request.form.get("actie") == "downloaden":
        return send_file(
            io.BytesIO(checked.text.encode()), mimetype="text/markdown", as_attachment=True, download_name=checked.file_name,
        )
    return _page(draft, checked)


@bp.post("/werkplaats/controleren")
def controleren():
    """Check and render what is in the form, for the page's script; the answer holds the same HTML as the page."""
    checked = _checked(draft_from_form(request.form))
    by_field = _by_field(checked)
    fields = {name: render_template("_werkplaats_meldingen.html", meldingen=found) for name, found in by_field.items() if name}
    return {
        "voorbeeld": render_template("_werkplaats_voorbeeld.html", **_preview(checked)),
        "velden": fields,
        "ongeldig": sorted(checked.invalid_fields),
        "bestand": checked.text,
        "bestandsnaam": checked.file_name,
    }


@bp.errorhandler(RequestEntityTooLarge)
def too_large(error):
    """More than the 64 KB the site reads: say what to do, as the trainer's text is still in the browser."""
    return render_template("fout.html", code=413, titel="De kaart is te groot", uitleg=TOO_LARGE), 413


def edit_url(card) -> str | None:
    """The card's page on the Git host, from ``KAARTEN_BEWERK_URL`` with ``{pad}`` for its path in the card folder."""
    pattern = current_app.config.get("KAARTEN_BEWERK_URL")
    return pattern.replace("{pad}", quote(card.path)) if pattern else None


def init_app(app):
    app.register_blueprint(bp)
    app.add_template_global(edit_url, "bewerk_url")

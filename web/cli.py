"""Commands for trainers: ``flask --app app kaarten check|nieuw|tags|export``."""

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from kaartenbak.authoring import AuthoringError, create_card, find_bak, load_for_trainers
from kaartenbak.check import count, report
from kaartenbak.parse import PLACEHOLDER

from .export import ExportError, export_site

kaarten = AppGroup("kaarten", help="Kaarten controleren, nieuwe kaarten maken, de tags bekijken en de site exporteren.")


def _folder() -> Path:
    return Path(current_app.config["KAARTEN_DIR"])


def _stop(message: str):
    """Say in Dutch why a command cannot go on, and fail."""
    click.echo(message, err=True)
    raise SystemExit(1)


@kaarten.command("check", short_help="Controleer de kaarten.")
@click.argument("folder", metavar="[MAP]", required=False, type=click.Path(path_type=Path))  # the check says in Dutch what is wrong with it
@click.option("--streng", is_flag=True, help="Ook bij waarschuwingen mislukken (exitcode 1).")
def check(folder, streng):
    """Controleer elke kaart in MAP (standaard de kaartenmap van de site) zoals de site ze laadt."""
    if code := report(folder or _folder(), streng):
        raise SystemExit(code)


@kaarten.command("nieuw", short_help="Maak een nieuwe kaart.")
@click.argument("bak")
@click.argument("titel")
def nieuw(bak, titel):
    """Maak in BAK een nieuwe conceptkaart met deze TITEL, volgens het sjabloon."""
    try:
        path = create_card(_folder(), bak, titel)
    except AuthoringError as error:
        _stop(f"Geen kaart gemaakt: {error}")
    click.echo(f"Nieuwe kaart: {path}")
    click.echo("Volgende stappen:")
    click.echo(f"  1. Open het bestand en vervang elke tekst met '{PLACEHOLDER}' door je eigen tekst.")
    click.echo("  2. Controleer de kaart: flask --app app kaarten check")
    click.echo(f"  3. Bekijk de kaart: KAARTENBAK_CONCEPTEN=1 make run, dan http://127.0.0.1:5000/kaart/{path.stem}")
    click.echo("  4. Klaar? Haal de regel 'concept: true' weg en controleer met: flask --app app kaarten check --streng")


@kaarten.command("tags", short_help="Toon de tags per bak.")
@click.argument("bak", required=False)
def tags(bak):
    """Toon de woordenlijst van elke bak (of alleen BAK): hoeveel kaarten elke tag gebruiken."""
    cards = load_for_trainers(_folder())
    try:
        decks = [find_bak(cards, bak)] if bak else list(cards.bakken.values())
    except AuthoringError as error:
        _stop(f"Kan de tags niet tonen: {error}")
    for index, deck in enumerate(decks):
        if index:
            click.echo()
        click.echo(f"{deck.naam} ({deck.slug})")
        for usage in cards.tag_usage(deck.slug):
            unused = "" if usage.count else " (niet gebruikt)"
            synonyms = f"; synoniemen: {', '.join(usage.synonyms)}" if usage.synonyms else ""
            click.echo(f"  {usage.tag}: {count(usage.count, 'kaart', 'kaarten')}{unused}{synonyms}")


@kaarten.command("export", short_help="Schrijf de hele site als losse bestanden.")
@click.argument("doel", required=False, default="build", type=click.Path(path_type=Path))  # the export says in Dutch what is wrong with it
def export(doel):
    """Schrijf de hele site naar de map DOEL (standaard build/): kopieer die map naar een webserver of usb-stick, of open index.html."""
    from app import create_app  # the factory builds the site in static mode; app.py imports this module, so here

    try:
        done = export_site(create_app, current_app.config, doel)
    except ExportError as error:
        _stop(f"Niets geëxporteerd: {error}")
    pages = count(done.pages, "pagina", "pagina's")
    click.echo(f"{pages} en {count(done.files, 'ander bestand', 'andere bestanden')} geschreven naar {done.folder}")
    if done.problems:
        click.echo(f"Let op: {count(done.problems, 'fout', 'fouten')} in de kaarten; een kaart met een fout staat niet in de export (zie: flask --app app kaarten check)", err=True)
    click.echo(f"Open {done.folder / 'index.html'} in een browser, of zet de map op een webserver.")


def init_app(app):
    """Add the ``kaarten`` commands to ``flask``."""
    app.cli.add_command(kaarten)

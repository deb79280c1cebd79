"""``kaarten-check``: the site's checks of a card folder as a command of its own, without the site.

A repository that holds only cards runs it on every commit through ``.pre-commit-hooks.yaml``, or
in a hosted CI job; ``flask --app app kaarten check`` prints the same through ``report``.
"""

from pathlib import Path

import click

from .authoring import load_for_trainers


def count(number: int, one: str, more: str) -> str:
    """A number with the Dutch word for one or more of it."""
    return f"{number} {one if number == 1 else more}"


def report(folder: Path, streng: bool) -> int:
    """Print every problem of the cards in ``folder`` and a count; return the exit code (1 on an error, or a warning when strict)."""
    cards = load_for_trainers(folder)
    for problem in cards.problems:
        click.echo(str(problem))
    errors = cards.error_count
    warnings = len(cards.problems) - errors
    click.echo(", ".join((
        count(len(cards), "kaart", "kaarten"),
        count(errors, "fout", "fouten"),
        count(warnings, "waarschuwing", "waarschuwingen"),
    )))
    return 1 if errors or (streng and warnings) else 0


@click.command("kaarten-check")
@click.argument("folder", metavar="[MAP]", default="kaarten", type=click.Path(path_type=Path))  # the check says in Dutch what is wrong with it
@click.option("--streng", is_flag=True, help="Ook bij waarschuwingen mislukken (exitcode 1).")
def main(folder, streng):
    """Controleer elke kaart in MAP (standaard kaarten/) zoals de site ze laadt."""
    raise SystemExit(report(folder, streng))

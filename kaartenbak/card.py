"""A card: one Markdown file with front matter, parsed and rendered once."""

from dataclasses import dataclass

from .render import Prompt, demote_headings, plain_text

SOORTEN = ("reflectie", "scenario", "rol", "observatie")


@dataclass(frozen=True)
class Card:
    """Everything the site shows of one card; built once when the file is read."""

    slug: str
    bak: str
    path: str
    titel: str
    tags: tuple[str, ...]
    html: str
    prompts: tuple[Prompt, ...]
    nummer: int | None = None
    samenvatting: str = ""
    begeleider: str = ""
    soort: str = "reflectie"
    concept: bool = False
    links: tuple[str, ...] = ()
    rollen: tuple[str, ...] = ()  # a scenario's parent roles, by slug; empty: every role card
    vierde_speler: tuple[str, ...] = ()  # the roles of a scenario's fourth player (pupil, second parent); empty: none

    @property
    def sort_key(self):
        """Order by deck, then nummer (unnumbered last), then titel."""
        return (self.bak, self.nummer is None, self.nummer or 0, self.titel.lower(), self.slug)

    @property
    def text(self) -> str:
        """The body as plain words, for the search index: worked out when asked, as keeping it costs
        more memory than the search index itself (16 MB at 10,000 cards)."""
        return plain_text(self.html)

    def html_under(self, level: int) -> str:
        """The body with its headings one level below a card title shown as heading ``level``."""
        return demote_headings(self.html, level - 1)

    def as_json(self) -> dict:
        """Return the card as the JSON API shows it (without the URL, which the web layer knows)."""
        return {
            "slug": self.slug,
            "bak": self.bak,
            "titel": self.titel,
            "tags": list(self.tags),
            "nummer": self.nummer,
            "samenvatting": self.samenvatting,
            "soort": self.soort,
            "vragen": [{"vraag": p.text, "doorvragen": list(p.doorvragen)} for p in self.prompts],
        }

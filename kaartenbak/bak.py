"""A deck (kaartenbak): its description and its tag vocabulary from ``_bak.yml``."""

import difflib
import re
from dataclasses import dataclass, field
from functools import cached_property

DEFAULT_KLEUR = "#3d5a80"
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class Bak:
    """One deck: a folder under ``kaarten/`` with an optional ``_bak.yml``."""

    slug: str
    naam: str
    beschrijving: str = ""
    kleur: str = DEFAULT_KLEUR
    # tag -> tag, synonym -> tag; empty means the deck has no vocabulary yet
    vocabulary: dict[str, str] = field(default_factory=dict)
    tags: tuple[str, ...] = ()

    @property
    def css_class(self) -> str:
        """Return a CSS class name for the deck's colour, safe whatever the folder is called."""
        return "bak-" + re.sub(r"[^a-z0-9-]", "-", self.slug.lower())

    def resolve_tag(self, word: str) -> str | None:
        """Map a tag or synonym to its tag; None when the vocabulary does not know it."""
        word = " ".join(str(word).lower().split())
        if not self.tags:
            return word or None
        return self.vocabulary.get(word)

    def synonyms(self, tag: str) -> tuple[str, ...]:
        """Return the other words the vocabulary maps to ``tag``."""
        return self._synonyms.get(tag, ())

    @cached_property
    def _synonyms(self) -> dict[str, tuple[str, ...]]:
        """tag -> its synonyms, worked out once: the search index asks for every card's tags."""
        found = {}
        for word, tag in self.vocabulary.items():
            if word != tag:
                found[tag] = (*found.get(tag, ()), word)
        return found

    def closest_tag(self, word: str) -> str | None:
        """Suggest the known tag or synonym that looks most like ``word``."""
        matches = difflib.get_close_matches(str(word).lower(), self.vocabulary, n=1, cutoff=0.6)
        return self.vocabulary[matches[0]] if matches else None

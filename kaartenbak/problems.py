"""Problems found in card files, reported to trainers in plain Dutch."""

from dataclasses import dataclass

FOUT = "fout"
WAARSCHUWING = "waarschuwing"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a file: where it is and how to fix it."""

    path: str
    line: int | None
    message: str
    level: str = FOUT
    concerns: str = ""  # without a line: the card field it is about ('nummer', 'rollen', 'tekst' for the body), for the workbench

    @property
    def location(self) -> str:
        """Return ``pad:regel`` as editors and the check command print it."""
        return f"{self.path}:{self.line}" if self.line else self.path

    def __str__(self) -> str:
        return f"{self.location}: {self.level}: {self.message}"


class CardError(Exception):
    """Raised while reading a file; carries every problem found so far."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(map(str, problems)))
        self.problems = problems

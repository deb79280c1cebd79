"""Fixtures: card folders built in tmp_path, the app, its test client and CLI runner."""

import textwrap
from pathlib import Path

import pytest

from app import create_app

BAK_YML = """\
naam: Proefbak
beschrijving: Een bak om mee te testen.
kleur: "#1d5c7a"
tags:
  contact met ouders: [contact, oudercontact]
  emoties: [emotie]
  soorten oudergesprekken: [oudergesprek]
  reflectie:
"""


def card_text(titel="Kaart", tags="[reflectie]", body=None, **fields) -> str:
    """Return the text of a valid card; keyword arguments add front-matter fields."""
    lines = [f"titel: {titel}", f"tags: {tags}", *(f"{key}: {value}" for key, value in fields.items())]
    if body is None:
        body = "Een korte inleiding.\n\n## Stof tot nadenken\n\n- Wat vind jij?\n  - Waarom?\n"
    return "---\n" + "\n".join(lines) + "\n---\n" + textwrap.dedent(body)


class Kaarten:
    """A card folder in tmp_path that tests fill file by file."""

    def __init__(self, root: Path):
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def bak(self, name="proef", text=BAK_YML) -> Path:
        folder = self.root / name
        folder.mkdir(exist_ok=True)
        (folder / "_bak.yml").write_text(text, encoding="utf-8")
        return folder

    def write(self, relative: str, content: str | bytes) -> Path:
        """Write a file below the card folder, making its deck when needed."""
        path = self.root / relative
        if not (path.parent / "_bak.yml").exists() and path.parent != self.root:
            self.bak(path.parent.name)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    def card(self, slug: str, bak="proef", **fields) -> Path:
        return self.write(f"{bak}/{slug}.md", card_text(**fields))


@pytest.fixture
def kaarten(tmp_path) -> Kaarten:
    return Kaarten(tmp_path / "kaarten")


@pytest.fixture
def app(kaarten):
    return create_app({"TESTING": True, "KAARTEN_DIR": str(kaarten.root), "KAARTEN_CHECK_INTERVAL": 0})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()

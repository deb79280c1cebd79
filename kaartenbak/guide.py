"""The guide for mentors and trainers: one Markdown document kept beside the code, rendered once."""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import markdown

from .render import ALLOWED_ATTRIBUTES, sanitise

TITLE = re.compile(r"^#\s+(.+)$", re.MULTILINE)
# Headings keep their ids so that the table of contents and links from other pages can point at a section.
ATTRIBUTES = {**ALLOWED_ATTRIBUTES, "h2": {"id"}, "h3": {"id"}}


@dataclass(frozen=True)
class Guide:
    titel: str
    html: str  # without the title, which the page sets itself
    inhoud: tuple[tuple[str, str], ...]  # (id, heading) of each section, for the table of contents


@cache
def load_guide(path: Path) -> Guide:
    """Read and render the guide once per process: it ships with the site and changes with a release."""
    text = Path(path).read_text(encoding="utf-8")
    title = TITLE.search(text)
    body = TITLE.sub("", text, count=1) if title else text
    md = markdown.Markdown(extensions=["tables", "toc"], extension_configs={"toc": {"toc_depth": "2"}})
    html = sanitise(md.convert(body), attributes=ATTRIBUTES)
    sections = tuple((entry["id"], entry["name"]) for entry in md.toc_tokens)
    return Guide(titel=title.group(1).strip() if title else "", html=html, inhoud=sections)

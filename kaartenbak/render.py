"""Render card Markdown to safe HTML and pull out the card's discussion prompts."""

import html as html_module
import re
import threading
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from urllib.parse import quote, unquote

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import InlineProcessor, Treeprocessor

from .names import card_slug

PROMPTS_HEADING = "stof tot nadenken"
SLUG_LINK = re.compile(r"^[a-z0-9][a-z0-9-]*$")
LAZY_SUBLIST = re.compile(r"\n\s*[-*+]\s")
IMAGE_NAME = re.compile(r"^[^/\\:?#]+$")  # a bare file name: no folder, scheme, query or fragment
IMAGE_URL = "/plaatje/{bak}/{name}"
HEADING_TAG = re.compile(r"<(/?)h([1-6])\b")
EXTENSIONS = ("mdx_truly_sane_lists", "tables")  # doorvragen indented by 2 spaces, as trainers write them; tables

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em",
    "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "q",
    "s", "small", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "u", "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "ol": {"class", "start"},
    "ul": {"class"},
    "li": {"class"},
    "td": {"align"},
    "th": {"align"},
}


@dataclass(frozen=True)
class Prompt:
    """One question under 'Stof tot nadenken' with its follow-up questions (doorvragen)."""

    text: str
    doorvragen: tuple[str, ...] = ()


@dataclass
class Rendered:
    """What one pass over a card body yields."""

    html: str
    prompts: tuple[Prompt, ...]
    links: tuple[str, ...]
    images: tuple[str, ...]  # the sources as written, before they point at the image route
    sections: tuple[tuple[str, bool], ...] = field(default=())  # (heading, has content)
    misindented: bool = False  # a doorvraag indented so far that it became part of its prompt


def _plain(element: etree.Element) -> str:
    """Return an element's text without the text of nested lists."""
    parts = [element.text or ""]
    for child in element:
        if child.tag not in ("ul", "ol"):
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def image_name(src: str) -> str | None:
    """Return the file name an image source names next to its card, or None if it names no such file."""
    name = unquote(src)
    return name if IMAGE_NAME.match(name) else None


class _CardTreeprocessor(Treeprocessor):
    """Number the prompts list, point card links at card pages and images at the image route, and collect facts."""

    def run(self, root):
        found = self.md.kaart_facts = _facts()
        children = list(root)
        for index, element in enumerate(children):
            if element.tag == "h2":
                following = children[index + 1] if index + 1 < len(children) else None
                heading = _plain(element)
                found["sections"].append((heading, following is not None and following.tag != "h2"))
                if heading.lower() == PROMPTS_HEADING and following is not None and following.tag in ("ul", "ol"):
                    following.tag = "ol"
                    following.set("class", "vragen")
                    items = [item for item in following if item.tag == "li"]
                    found["prompts"] = [self._prompt(item) for item in items]
                    found["misindented"] = any(LAZY_SUBLIST.search(item.text or "") for item in items)
        for link in root.iter("a"):
            href = link.get("href", "")
            if SLUG_LINK.match(href):
                found["links"].append(href)
                link.set("href", f"/kaart/{href}")
            elif href.startswith("/kaart/"):
                found["links"].append(card_slug(unquote(href.removeprefix("/kaart/").strip("/"))))
        for image in root.iter("img"):
            src = image.get("src", "")
            found["images"].append(src)
            if name := image_name(src):
                image.set("src", IMAGE_URL.format(bak=quote(self.md.kaart_bak), name=quote(name)))

    @staticmethod
    def _prompt(item: etree.Element) -> Prompt:
        doorvragen = tuple(
            _plain(sub) for nested in item if nested.tag in ("ul", "ol") for sub in nested if sub.tag == "li"
        )
        for nested in item:
            if nested.tag in ("ul", "ol"):
                nested.set("class", "doorvragen")
        return Prompt(_plain(item), doorvragen)


def _facts() -> dict:
    return {"prompts": [], "links": [], "images": [], "sections": [], "misindented": False}


# What each of Python-Markdown's inline patterns needs to find in a text before it can match.
INLINE_TRIGGERS = {
    "backtick": "`", "escape": r"\\", "em_strong": r"[*_]", "entity": "&", "linebreak": "  \n",
    "autolink": "<", "automail": "<", "html": "<",
    **dict.fromkeys(("reference", "link", "image_link", "image_reference", "short_reference", "short_image_ref"), r"\["),
}
PLACEHOLDER_MARKS = "[\x02\x03]"  # Python-Markdown's stash markers, in case one reaches the inline step


class _PlainTextFirst(InlineProcessor):
    """Python-Markdown's inline step, passing over text that holds nothing any inline pattern looks for.

    The stock step tries each of its fourteen patterns on every piece of text, and most of a card
    is plain words: this was the largest part of parsing a card.
    """

    def __init__(self, md, triggers: re.Pattern):
        super().__init__(md)
        self.triggers = triggers

    def _InlineProcessor__handleInline(self, data, patternIndex=0):  # noqa: N802 - the stock step's own (private) name
        if not self.triggers.search(data):
            return data
        return super()._InlineProcessor__handleInline(data, patternIndex)


class _CardExtension(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(_CardTreeprocessor(md), "kaart", 1)
        patterns = [item.name for item in md.inlinePatterns._priority]
        if set(patterns) <= INLINE_TRIGGERS.keys():  # a pattern from a newer version or another extension: keep the stock step
            triggers = re.compile("|".join([PLACEHOLDER_MARKS, *sorted({INLINE_TRIGGERS[name] for name in patterns})]))
            md.treeprocessors.register(_PlainTextFirst(md, triggers), "inline", 20)


_converters = threading.local()


def _converter() -> markdown.Markdown:
    """This thread's Markdown converter: setting one up costs as much as a tenth of converting a card."""
    md = getattr(_converters, "md", None)
    if md is None:
        md = _converters.md = markdown.Markdown(extensions=[*EXTENSIONS, _CardExtension()])
    return md


def sanitise(html: str, attributes: dict[str, set[str]] = ALLOWED_ATTRIBUTES) -> str:
    """Strip everything from HTML that could run script or load foreign frames and forms."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=attributes,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


def plain_text(html: str) -> str:
    """The words of rendered HTML without its tags or character references, on one line."""
    return " ".join(html_module.unescape(nh3.clean(html, tags=set())).split())


def demote_headings(html: str, levels: int) -> str:
    """Move every heading in rendered ``html`` ``levels`` deeper (h6 at most), to nest it under another heading."""
    if levels <= 0:
        return html
    return HEADING_TAG.sub(lambda tag: f"<{tag[1]}h{min(int(tag[2]) + levels, 6)}", html)


def render(body: str, bak: str) -> Rendered:
    """Render a card body of deck ``bak`` once: sanitised HTML, prompts, links, images and sections."""
    md = _converter().reset()
    md.kaart_bak, md.kaart_facts = bak, None
    html = md.convert(body)
    facts = md.kaart_facts or _facts()  # still None for an empty body: Markdown then skips its tree steps
    return Rendered(
        html=sanitise(html),
        prompts=tuple(facts["prompts"]),
        links=tuple(facts["links"]),
        images=tuple(facts["images"]),
        sections=tuple(facts["sections"]),
        misindented=facts["misindented"],
    )

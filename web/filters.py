"""Read the filter from the query string and build the links that change it."""

from dataclasses import dataclass
from functools import lru_cache

from flask import current_app, request, url_for

MAX_TAGS = 10
MAX_TEXT = 200
PER_PAGE = 48  # tiles on one page of the overview: a few screens, and light on a phone
RESULTS = "resultaten"  # the anchor of the results: after a filter, a phone shows them instead of the form again


@dataclass(frozen=True)
class Filter:
    """What the user asked for: tags (all must match), a deck and a search text."""

    tags: tuple[str, ...] = ()
    bak: str = ""
    q: str = ""

    @classmethod
    def from_request(cls):
        """Read ``tag``, ``bak`` and ``q``; cut absurd values down instead of failing."""
        tags = tuple(dict.fromkeys(tag[:MAX_TEXT] for tag in request.args.getlist("tag")[:MAX_TAGS] if tag.strip()))
        return cls(tags=tags, bak=request.args.get("bak", "")[:MAX_TEXT], q=request.args.get("q", "")[:MAX_TEXT])

    def args(self, **changes) -> dict:
        """Return query arguments for ``url_for``, leaving out empty ones."""
        values = {"tag": list(self.tags), "bak": self.bak, "q": self.q, **changes}
        return {key: value for key, value in values.items() if value}

    @property
    def active(self) -> bool:
        return bool(self.tags or self.bak or self.q)


@lru_cache(maxsize=4096)
def _tag_url(script_root: str, tag: str) -> str:
    return url_for("pages.index", tag=tag, _anchor=RESULTS)


def tag_url(tag: str) -> str:
    """Link to the overview filtered on one tag; built once per tag, as every tile links its tags."""
    return _tag_url(request.script_root, tag)


def facet_links(selection, current: Filter, endpoint: str = "pages.index"):
    """Tag links within the selection: a click adds the tag, or removes it when active."""
    links = []
    for tag, count in selection.tag_counts:
        active = tag in current.tags
        tags = [t for t in current.tags if t != tag] if active else [*current.tags, tag]
        links.append({"tag": tag, "count": count, "active": active, "url": url_for(endpoint, **current.args(tag=tags), _anchor=RESULTS)})
    return links


def deck_links(bakken, current: Filter):
    """One link per deck: a tap chooses that deck (keeping tags and search), or lets it go when it is chosen."""
    return [
        {"slug": slug, "naam": bak.naam, "active": slug == current.bak,
         "url": url_for("pages.index", **current.args(bak="" if slug == current.bak else slug), _anchor=RESULTS)}
        for slug, bak in bakken.items()
    ]


def active_filters(current: Filter, bakken, endpoint: str = "pages.index"):
    """One removable chip per active filter, with the link that drops it."""
    chips = [
        {"label": f"tag: {tag}", "url": url_for(endpoint, **current.args(tag=[t for t in current.tags if t != tag]))}
        for tag in current.tags
    ]
    if current.bak:
        naam = bakken[current.bak].naam if current.bak in bakken else current.bak
        chips.append({"label": f"bak: {naam}", "url": url_for(endpoint, **current.args(bak=""))})
    if current.q:
        chips.append({"label": f"zoekterm: {current.q}", "url": url_for(endpoint, **current.args(q=""))})
    return chips


@dataclass(frozen=True)
class Page:
    """One page of a long list of cards, with links to the pages before and after it."""

    cards: tuple
    number: int
    count: int
    previous: str | None = None
    next: str | None = None


def paginate(cards, current: Filter, endpoint: str = "pages.index") -> Page:
    """Return the page ``?pagina=`` asks for (the first when it is absent or nonsense, the last when past the end)."""
    per_page = current_app.config.get("KAARTENBAK_PER_PAGINA") or PER_PAGE  # the static export shows them all
    count = max(1, -(-len(cards) // per_page))
    value = request.args.get("pagina", "")
    number = min(int(value), count) if value.isascii() and value.isdigit() and len(value) < 7 and int(value) > 0 else 1

    def link(n: int) -> str:
        return url_for(endpoint, **current.args(), pagina=n if n > 1 else None)

    return Page(
        cards=tuple(cards[(number - 1) * per_page:number * per_page]),
        number=number,
        count=count,
        previous=link(number - 1) if number > 1 else None,
        next=link(number + 1) if number < count else None,
    )


def search_notes(selection, current: Filter, endpoint: str = "pages.index") -> dict:
    """Links for what the overview says about a query: the words it probably meant, and the tag it names."""
    return {
        "left_out": selection.left_out,
        "suggestion": selection.suggestion,
        "suggestion_url": url_for(endpoint, **current.args(q=selection.suggestion), _anchor=RESULTS) if selection.suggestion else "",
        "tag": selection.tag_offer,
        "tag_url": url_for(endpoint, **current.args(tag=[*current.tags, selection.tag_offer], q=""), _anchor=RESULTS) if selection.tag_offer else "",
    }

"""Read the filter from the query string and build the links that change it."""

from dataclasses import dataclass

from flask import request, url_for

MAX_TAGS = 10
MAX_TEXT = 200


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


def facet_links(selection, current: Filter, endpoint: str = "pages.index"):
    """Tag links within the selection: a click adds the tag, or removes it when active."""
    links = []
    for tag, count in selection.tag_counts:
        active = tag in current.tags
        tags = [t for t in current.tags if t != tag] if active else [*current.tags, tag]
        links.append({"tag": tag, "count": count, "active": active, "url": url_for(endpoint, **current.args(tag=tags))})
    return links


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

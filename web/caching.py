"""HTTP caching: ETag and Last-Modified with 304s, pages kept per collection version, fingerprinted assets."""

import hashlib
import os
import threading
from collections import OrderedDict
from functools import lru_cache, wraps

from flask import current_app, make_response, request
from werkzeug.security import safe_join

from .store import card_store

YEAR = 365 * 24 * 60 * 60
PAGES_KEPT = 256  # rendered pages in memory; bounded, so odd query strings cannot fill it


class Recent:
    """The most recently used values, at most ``size`` of them; safe to share between threads."""

    def __init__(self, size: int):
        self.size = size
        self._values = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            value = self._values.get(key)
            if value is not None:
                self._values.move_to_end(key)
            return value

    def put(self, key, value) -> None:
        with self._lock:
            self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > self.size:
                self._values.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._values.clear()

    def __len__(self):
        return len(self._values)


def cached_page(*args: str):
    """Render a page once per collection version, path and value of the query ``args`` it reads.

    Other query arguments are left out of the key, so junk in a URL cannot fill the cache.
    """

    def decorate(view):
        @wraps(view)
        def wrapper(**kwargs):
            store = card_store()
            store.collection  # noqa: B018 - let the store notice changes before the version is read
            key = (store.version, request.path, *(tuple(request.args.getlist(name)) for name in args))
            pages = current_app.extensions["pages"]
            page = pages.get(key)
            if page is None:
                response = make_response(view(**kwargs))
                if response.status_code != 200 or response.is_streamed:
                    return response
                response.add_etag()
                page = (response.get_data(), response.content_type, response.get_etag()[0])
                pages.put(key, page)
            body, content_type, etag = page
            response = current_app.response_class(body, content_type=content_type)
            response.set_etag(etag)
            return response

        return wrapper

    return decorate


def short_hash(data: bytes | str) -> str:
    """Return a short content hash for a URL."""
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()[:12]


@lru_cache(maxsize=64)
def _file_hash(path: str, mtime_ns: int, size: int) -> str:
    with open(path, "rb") as handle:
        return short_hash(handle.read())


def static_fingerprint(filename: str) -> str | None:
    """Return the fingerprint of a file in static/, recomputed only when the file changes."""
    path = safe_join(current_app.static_folder, filename)
    try:
        info = os.stat(path) if path else None
    except OSError:
        return None
    return _file_hash(path, info.st_mtime_ns, info.st_size) if info else None


def fingerprint(app, endpoint: str, content) -> None:
    """Add ``?v=<hash of content()>`` to every URL of ``endpoint``; such URLs may be cached for a year."""
    app.extensions.setdefault("fingerprints", {})[endpoint] = content


def init_app(app):
    """Answer conditional requests, keep rendered pages, let browsers keep fingerprinted files."""
    app.extensions["pages"] = Recent(PAGES_KEPT)  # rendered pages by collection version and URL
    app.extensions.setdefault("fingerprints", {})

    def current_fingerprint(endpoint, values):
        if endpoint == "static":
            return static_fingerprint(values.get("filename", ""))
        content = app.extensions["fingerprints"].get(endpoint)
        return short_hash(content()) if content else None

    @app.url_defaults
    def add_fingerprint(endpoint, values):
        if "v" not in values and (endpoint == "static" or endpoint in app.extensions["fingerprints"]):
            found = current_fingerprint(endpoint, values)
            if found:
                values["v"] = found

    @app.after_request
    def conditional(response):
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        version = request.args.get("v")
        if version and version == current_fingerprint(request.endpoint, {**(request.view_args or {}), **request.args}):
            response.cache_control.no_cache = None
            response.cache_control.public = True
            response.cache_control.max_age = YEAR
            response.cache_control.immutable = True
        if response.direct_passthrough:
            return response  # a file: send_file answered conditional requests already
        if response.get_etag()[0] is None:
            if response.is_streamed:
                return response  # no body to hash
            response.add_etag()
        if response.last_modified is None:
            response.last_modified = card_store().changed_at
        if not response.cache_control.max_age:
            response.cache_control.no_cache = True  # keep it, but ask first: cards change
        return response.make_conditional(request)

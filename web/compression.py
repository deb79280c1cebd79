"""Gzip text responses for browsers that accept it; a body with an ETag is compressed only once."""

import gzip

from flask import request

from .caching import Recent

COMPRESSIBLE = {"text/html", "text/css", "text/javascript", "application/javascript", "application/json", "image/svg+xml"}
MIN_BYTES = 512  # below this gzip saves less than its own overhead
KEPT = 256


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=6, mtime=0)


def init_app(app):
    """Compress HTML, CSS, JS and JSON; call before hooks that set ETags, so this hook runs after them."""
    compressed = Recent(KEPT)  # gzipped bodies by path and ETag

    @app.after_request
    def compress(response):
        if response.status_code != 200 or response.mimetype not in COMPRESSIBLE or response.content_encoding:
            return response
        response.vary.add("Accept-Encoding")
        if not request.accept_encodings["gzip"]:
            return response
        source, response.direct_passthrough = response.response, False  # a static file: read it, it is small
        data = response.get_data()
        if hasattr(source, "close"):
            source.close()
        if len(data) < MIN_BYTES:
            return response
        etag, _ = response.get_etag()
        body = compressed.get((request.path, etag)) if etag else None
        if body is None:
            body = _gzip(data)
            if etag:
                compressed.put((request.path, etag), body)
        response.set_data(body)
        response.content_encoding = "gzip"
        if etag:
            response.set_etag(etag, weak=True)  # these bytes differ from the uncompressed response's
        return response

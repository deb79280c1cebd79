"""Gzip text responses for browsers that accept it; a body with an ETag is compressed only once."""

import gzip
import zlib

from flask import request

from .caching import Recent

COMPRESSIBLE = {"text/html", "text/css", "text/javascript", "application/javascript", "application/json", "image/svg+xml"}
MIN_BYTES = 512  # below this gzip saves less than its own overhead
KEPT = 256


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=6, mtime=0)


def _gzip_stream(chunks):
    packer = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)  # 16+: a gzip header and trailer
    for chunk in chunks:
        yield packer.compress(chunk)
    yield packer.flush()


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
        etag, _ = response.get_etag()
        if response.is_streamed and not response.direct_passthrough:  # a body written as it goes: compress as it goes
            response.response = _gzip_stream(response.response)
            response.headers.pop("Content-Length", None)
            response.content_encoding = "gzip"
            if etag:
                response.set_etag(etag, weak=True)
            return response
        body = compressed.get((request.path, etag)) if etag else None
        source, response.direct_passthrough = response.response, False  # a static file: small, so read it
        if body is None:
            data = response.get_data()
            if len(data) < MIN_BYTES:
                return response
            body = _gzip(data)
            if etag:
                compressed.put((request.path, etag), body)
        if hasattr(source, "close"):
            source.close()
        response.set_data(body)
        response.content_encoding = "gzip"
        if etag:
            response.set_etag(etag, weak=True)  # these bytes differ from the uncompressed response's
        return response

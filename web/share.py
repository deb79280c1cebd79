"""Shared links and their QR codes, made on the server as inline SVG."""

from functools import lru_cache

import segno
from flask import current_app, request, url_for
from markupsafe import Markup


def public_url(endpoint: str, **values) -> str:
    """The full address of a page to give to others: under ``PUBLIC_URL`` when set, else under the Host asked for."""
    base = current_app.config.get("PUBLIC_URL")
    if not base:
        return url_for(endpoint, _external=True, **values)
    return base + url_for(endpoint, **values).removeprefix(request.script_root)  # PUBLIC_URL holds any prefix itself


@lru_cache(maxsize=512)
def qr_svg(url: str, title: str = "QR-code") -> Markup:
    """Return an accessible SVG QR code for a URL; cached, as a draw's links repeat."""
    code = segno.make(url, error="m")
    svg = code.svg_inline(scale=4, border=2, dark="#000", light="#fff", title=title, svgclass="qr", lineclass=None, omitsize=False)
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{Markup.escape(title)}" ', 1))

"""QR codes for shared links, made on the server as inline SVG."""

from functools import lru_cache

import segno
from markupsafe import Markup


@lru_cache(maxsize=512)
def qr_svg(url: str, title: str = "QR-code") -> Markup:
    """Return an accessible SVG QR code for a URL; cached, as a draw's links repeat."""
    code = segno.make(url, error="m")
    svg = code.svg_inline(scale=4, border=2, dark="#000", light="#fff", title=title, svgclass="qr", lineclass=None, omitsize=False)
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{Markup.escape(title)}" ', 1))

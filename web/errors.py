"""Dutch error pages that cannot fail themselves; anything unexpected is logged and answered calmly, never with a trace."""

from flask import current_app, has_request_context, render_template
from flask.globals import request_ctx
from markupsafe import escape
from werkzeug.exceptions import BadHost, HTTPException, InternalServerError, SecurityError

MESSAGES = {
    400: ("Ongeldig verzoek", "De site begrijpt dit verzoek niet. Controleer het adres."),
    404: ("Niet gevonden", "Deze pagina of kaart bestaat niet (meer)."),
    405: ("Niet toegestaan", "Deze pagina kan zo niet worden opgevraagd."),
    413: ("Te groot", "Wat je verstuurde is te groot."),
}
UNKNOWN_HOST = ("Onbekend adres", "Deze site is niet te bereiken onder dit adres. Gebruik het adres of de link die je kreeg.")
OTHER = ("Er ging iets mis", "Probeer het opnieuw.")
# Without links or styles: it needs nothing that could fail (a URL adapter, the collection, a template).
PLAIN = (
    '<!doctype html>\n<html lang="nl">\n<head><meta charset="utf-8"><title>{titel} · Kaartenbak</title></head>\n'
    "<body><main><p>{code}</p><h1>{titel}</h1><p>{uitleg}</p></main></body>\n</html>\n"
)


def plain_page(code: int, titel: str, uitleg: str) -> str:
    """The error page when the full one cannot be made: plain HTML, no request needed."""
    return PLAIN.format(code=code, titel=escape(titel), uitleg=escape(uitleg))


def error_page(error: HTTPException) -> str:
    """The site's own error page where URLs can be built for its links; else the plain one."""
    titel, uitleg = UNKNOWN_HOST if isinstance(error, (BadHost, SecurityError)) else MESSAGES.get(error.code, OTHER)
    if has_request_context() and request_ctx.url_adapter is not None:  # None: the Host was malformed or not trusted
        try:
            return render_template("fout.html", code=error.code, titel=titel, uitleg=uitleg)
        except Exception:  # noqa: BLE001 - an error page must answer whatever broke
            current_app.logger.exception("de foutpagina zelf mislukte")
    return plain_page(error.code, titel, uitleg)


def init_app(app):
    """Render every HTTP error as a Dutch page."""

    @app.errorhandler(HTTPException)
    def http_error(error):
        return error_page(error), error.code

    @app.errorhandler(Exception)
    def unexpected(error):
        app.logger.exception("onverwachte fout")
        return http_error(InternalServerError())

"""Dutch error pages; anything unexpected is logged and answered calmly, never with a trace."""

from flask import render_template
from werkzeug.exceptions import HTTPException, InternalServerError

MESSAGES = {
    404: ("Niet gevonden", "Deze pagina of kaart bestaat niet (meer)."),
    405: ("Niet toegestaan", "Deze pagina kan zo niet worden opgevraagd."),
    413: ("Te groot", "Wat je verstuurde is te groot."),
}


def init_app(app):
    """Render every HTTP error as a Dutch page."""

    @app.errorhandler(HTTPException)
    def http_error(error):
        titel, uitleg = MESSAGES.get(error.code, ("Er ging iets mis", "Probeer het opnieuw."))
        return render_template("fout.html", code=error.code, titel=titel, uitleg=uitleg), error.code

    @app.errorhandler(Exception)
    def unexpected(error):
        app.logger.exception("onverwachte fout")
        return http_error(InternalServerError())

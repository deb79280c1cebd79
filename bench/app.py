"""The site as `make run` serves it, plus a bare route to compare against; for the benchmark only."""

import os

from app import create_app as create_site


def create_app():
    """Build the real site and add ``/bench/bare``: a constant page of ``BENCH_BARE_BYTES`` bytes."""
    app = create_site()
    body = "x" * int(os.environ.get("BENCH_BARE_BYTES", "10000"))

    @app.get("/bench/bare")
    def bare():
        return body

    return app

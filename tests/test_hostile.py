"""Hostile input everywhere: card files and URLs never give a 500, a script that runs, or a foreign file."""

import http.client
import os
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from app import create_app

from .conftest import Kaarten, card_text, watched_page

XSS = '"><script>window.gehackt=1</script><img src=x onerror="window.gehackt=1">'
ROUTES = [
    "/", "/kaart/aanval", "/kaart/aanval/gesprek", "/trek", "/willekeurige-vraag", "/oefenen",
    "/verslag", "/afdrukken", "/controle", "/healthz", "/api/kaarten.json", "/bakken.css",
    "/manifest.webmanifest", "/offline.json", "/offline", "/werkplaats",
]
PARAMS = ["tag", "bak", "q", "seed", "n", "vraag", "weergave", "speler", "scenario", "rol", "kaart"]
VALUES = [
    XSS, "javascript:alert(1)", "x" * 20000, "%zz", "%ff%fe", "\x00", "../../../etc/passwd", "..%2f..%2fapp.py",
    "-1", "0", "99999999999999999999", "1e9", "NaN", "", " ", "☃", "%ed%a0%80", "%c0%af",
]


@pytest.fixture
def hostile(kaarten):
    kaarten.bak("proef", f"naam: '{XSS}'\nbeschrijving: '{XSS}'\nkleur: '#1d5c7a'\ntags:\n  '{XSS}': ['<b>synoniem</b>']\n  reflectie:\n")
    kaarten.write("proef/aanval.md", card_text(
        titel=f"'{XSS}'", tags=f"['{XSS}', reflectie]", samenvatting=f"'{XSS}'", begeleider=f"'{XSS}'",
        body=f"{XSS}\n\n[klik](javascript:window.gehackt=1) [data](data:text/html,<script>x</script>)\n\n"
        "<a href=\"javascript:window.gehackt=1\">a</a> <svg onload=\"window.gehackt=1\"></svg>\n\n"
        "## Stof tot nadenken\n\n- Vraag <script>window.gehackt=1</script>?\n  - Doorvraag <img src=x onerror=window.gehackt=1>?\n",
    ))
    kaarten.write("proef/lang.md", card_text(titel="T" * 150, tags="[" + ", ".join(["reflectie"] * 3000) + "]"))
    kaarten.write("proef/te-lang.md", card_text(titel="T" * 50000))
    kaarten.write("proef/veel-tags.md", card_text(tags="[" + ", ".join(f"onbekend{i}" for i in range(3000)) + "]"))
    kaarten.write("proef/diep.md", card_text(body="".join("  " * i + "- x?\n" for i in range(400))))
    return kaarten


def assert_calm(response):
    """No server error, and no markup from the input in a page (JSON and CSS carry it as data)."""
    assert response.status_code < 500
    if response.mimetype != "text/html":
        return
    body = response.get_data(as_text=True)
    assert "<script>window.gehackt" not in body and 'onerror="window' not in body and "Traceback" not in body


@pytest.mark.parametrize("route", ROUTES)
def test_every_route_shrugs_off_hostile_query_values(client, hostile, route):
    for value in VALUES:
        assert_calm(client.get(f"{route}?" + "&".join(f"{name}={value}" for name in PARAMS)))
        assert_calm(client.get(f"{route}?" + "&".join(f"{name}={value}" for name in PARAMS * 3)))


@pytest.mark.parametrize(
    "path",
    ["/kaart/..%2f..%2fapp.py", "/kaart/%2e%2e/%2e%2e/app.py", "/static/../app.py", "/static/%2e%2e/app.py",
     "/plaatje/proef/..%2f..%2fapp.py", "/kaart/a%00b", "/kaart/" + "x" * 5000, "/%ff", "/kaart/%c0%af"],
)
def test_no_file_outside_the_card_folder_is_ever_served(client, hostile, path):
    response = client.get(path)
    assert response.status_code in (400, 404)
    assert b"create_app" not in response.data


def test_hostile_cards_are_reported_not_fatal(client, hostile):
    report = client.get("/controle").get_data(as_text=True)
    assert "proef/veel-tags.md" in report and "en nog 2990 tags" in report
    assert "proef/diep.md" in report and "genest" in report
    assert "proef/te-lang.md" in report and "langer dan 150 tekens" in report
    assert client.get("/healthz").get_json()["kaarten"] >= 2


def test_a_file_name_that_is_not_utf8_is_reported_and_the_other_cards_stay(client, kaarten):
    kaarten.card("gewoon", titel="Gewone kaart")
    kaarten.write("proef/" + os.fsdecode("café.md".encode("latin-1")), card_text(titel="Windows-kaart"))
    for route, shows in (("/", "Gewone kaart"), ("/afdrukken", "Gewone kaart"), ("/offline.json", "/kaart/gewoon"), ("/api/kaarten.json", "Gewone kaart")):
        response = client.get(route)
        assert response.status_code == 200, route
        assert shows in response.get_data(as_text=True), route
    assert "proef/caf\\xe9.md" in client.get("/controle").get_data(as_text=True)


def test_pipes_named_like_cards_are_reported_and_never_read(tmp_path):
    kaarten = Kaarten(tmp_path / "kaarten")
    kaarten.card("gewoon", titel="Gewone kaart")
    kaarten.bak("pijpen").joinpath("_bak.yml").unlink()
    for name in ("pijpen/_bak.yml", "proef/pijp.md", "proef/pijp.png"):
        os.mkfifo(kaarten.root / name)
    client = create_app({"TESTING": True, "KAARTEN_DIR": str(kaarten.root), "KAARTEN_SETTLE": 0}).test_client()  # returns: nothing waits on a pipe
    assert "Gewone kaart" in client.get("/").get_data(as_text=True)
    report = client.get("/controle").get_data(as_text=True)
    assert all(name in report for name in ("pijpen/_bak.yml", "proef/pijp.md", "proef/pijp.png"))
    assert report.count("is geen gewoon bestand") == 3


HOSTS = ["a..b", "a" * 64 + ".nl", "x" * 300, ".", "[::1", "host:99999", "host:abc", "exa mple", "xn--", "münchen.de", "ä" * 70]


def get_with_host(base: str, route: str, host: str) -> tuple[int, str]:
    """Ask waitress, as a browser or a scanner would, with any Host header (the test client itself trips over some)."""
    connection = http.client.HTTPConnection(urlsplit(base).netloc, timeout=30)
    connection.putrequest("GET", route, skip_host=True)
    connection.putheader("Host", host.encode("latin-1"))
    connection.endheaders()
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    connection.close()
    return response.status, body


def test_a_malformed_host_is_a_plain_dutch_400_on_every_route(live_server, hostile):
    for host in HOSTS:
        for route in ROUTES:
            status, body = get_with_host(live_server, route, host)
            assert status < 500, (host, route)
            assert status != 400 or "Onbekend adres" in body, (host, route)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(route=st.sampled_from(ROUTES), host=st.text(st.characters(min_codepoint=33, max_codepoint=255), min_size=1, max_size=300))
def test_no_host_header_breaks_a_page(live_server, hostile, route, host):
    assert get_with_host(live_server, route, host)[0] < 500


@pytest.mark.parametrize("settings", [{"TRUSTED_HOSTS": ["kaarten.school.nl"]}])
def test_a_host_that_is_not_trusted_is_a_plain_dutch_400(client, hostile):
    assert client.get("/kaart/aanval", headers={"Host": "kaarten.school.nl"}).status_code == 200
    for route in ROUTES:
        response = client.get(route, headers={"Host": "aanvaller.example"})
        assert response.status_code == 400
        assert "Onbekend adres" in response.get_data(as_text=True)


def test_trusted_hosts_come_from_the_environment(kaarten, monkeypatch):
    monkeypatch.setenv("TRUSTED_HOSTS", "kaarten.school.nl, .school.nl")
    client = create_app({"TESTING": True, "KAARTEN_DIR": str(kaarten.root)}).test_client()
    assert client.get("/healthz", headers={"Host": "www.school.nl"}).status_code == 200
    assert client.get("/healthz", headers={"Host": "aanvaller.example"}).status_code == 400


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    route=st.sampled_from(ROUTES),
    params=st.lists(st.tuples(st.sampled_from(PARAMS), st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)), max_size=6),
)
def test_fuzzed_queries_never_break_a_page(client, hostile, route, params):
    assert_calm(client.get(route, query_string=params))


WORKBENCH_FIELDS = ["bak", "titel", "nummer", "samenvatting", "tags", "andere_tags", "soort", "begeleider", "concept",
                    "rollen", "vierde_speler", "tekst", "bestand", "actie"]


@pytest.mark.parametrize("tekst, message", [
    ("".join("  " * i + "- x?\n" for i in range(60)), "dieper genest dan 8 niveaus"),
    ("[" * 400, "meer dan 300 vierkante haken"),
    ("<b>" * 600, "meer dan 500 HTML-tags"),
    ("*_" * 20000, "meer dan 2000 sterretjes"),
    ("Nul\x00teken", "nulteken"),
])
def test_the_workbench_refuses_what_the_loader_refuses_in_dutch(client, hostile, tekst, message):
    response = client.post("/werkplaats/controleren", data={"bak": "proef", "titel": "T", "tags": "reflectie", "tekst": tekst})
    assert response.status_code == 200 and message in response.get_json()["voorbeeld"]  # the problems above the preview


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(form=st.lists(st.tuples(st.sampled_from(WORKBENCH_FIELDS), st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)), max_size=12))
def test_fuzzed_workbench_forms_never_break_a_page(client, hostile, form):
    for url in ("/werkplaats", "/werkplaats/controleren"):
        assert_calm(client.post(url, data=MultiDict(form)))


@pytest.mark.browser
def test_no_script_runs_and_no_csp_violation_in_chromium(browser, live_server, hostile):
    context, page, dialogs = watched_page(browser)
    for route in ["/", "/kaart/aanval", "/kaart/aanval/gesprek?vraag=1", "/trek?seed=abc&n=1", "/controle", "/afdrukken",
                  "/?q=" + XSS, "/oefenen?seed=abc&speler=ouder"]:
        page.goto(live_server + route)
        for link in page.locator("main a[href^='javascript'], main a[href^='data']").all():
            link.click(no_wait_after=True)
        assert page.evaluate("window.gehackt") is None, route
        assert page.evaluate("window.__csp") == [], route
    assert dialogs == []
    context.close()

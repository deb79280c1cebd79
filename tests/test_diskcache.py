"""The disk cache: a restart parses only the cards that changed, and nothing when none did."""

import pytest
from flask import Flask

import kaartenbak.store as store_module
from kaartenbak.store import CardStore
from web.store import cache_file

from .test_store import touch_later


@pytest.fixture
def parsed(monkeypatch):
    """The slugs parse_card is called for from now on."""
    seen = []
    original = store_module.parse_card
    monkeypatch.setattr(store_module, "parse_card", lambda *args: seen.append(args[1]) or original(*args))
    return seen


def test_a_restart_parses_only_what_changed(kaarten, tmp_path, parsed):
    kaarten.card("een", titel="Over het oudergesprek")
    kaarten.card("twee")
    cache = tmp_path / "cache" / "kaarten.cache"
    CardStore(kaarten.root, cache_file=cache).wait_until_saved()
    parsed.clear()

    again = CardStore(kaarten.root, cache_file=cache).collection
    assert parsed == []
    assert [card.slug for card in again] == ["twee", "een"]  # by title
    assert [card.slug for card in again.select(query="oudergesprekken").cards] == ["een"]

    touch_later(kaarten.card("twee", titel="Herzien"))
    kaarten.card("drie")
    third = CardStore(kaarten.root, cache_file=cache).collection
    assert sorted(parsed) == ["drie", "twee"]
    assert third.get("twee").titel == "Herzien" and len(third) == 3


def test_a_cache_made_with_other_settings_is_not_used(kaarten, tmp_path):
    kaarten.card("klaar")
    kaarten.card("schets", concept="true")
    cache = tmp_path / "kaarten.cache"
    assert [card.slug for card in CardStore(kaarten.root, cache_file=cache).collection] == ["klaar"]
    with_concepts = CardStore(kaarten.root, cache_file=cache, include_concepts=True).collection
    assert [card.slug for card in with_concepts] == ["klaar", "schets"]


def test_a_damaged_cache_is_ignored_and_rewritten(kaarten, tmp_path, parsed):
    kaarten.card("een")
    cache = tmp_path / "kaarten.cache"
    cache.write_bytes(b"geen pickle")
    first = CardStore(kaarten.root, cache_file=cache)
    assert first.collection.get("een")
    first.wait_until_saved()
    parsed.clear()
    assert CardStore(kaarten.root, cache_file=cache).collection.get("een") and parsed == []


def test_an_unwritable_cache_only_costs_speed(kaarten, tmp_path):
    kaarten.card("een")
    not_a_folder = tmp_path / "bestand"
    not_a_folder.write_text("x")
    assert CardStore(kaarten.root, cache_file=not_a_folder / "kaarten.cache").collection.get("een")


@pytest.mark.parametrize(
    "settings, expected",
    [
        ({"KAARTEN_CACHE": "/ergens/kaarten.cache"}, "/ergens/kaarten.cache"),
        ({"KAARTEN_CACHE": ""}, None),
        ({"TESTING": True}, None),
        ({}, "instance"),
    ],
)
def test_the_app_keeps_its_cache_in_the_instance_folder(settings, expected):
    app = Flask(__name__, instance_path="/srv/instance")
    app.config.update({"KAARTEN_DIR": "/srv/kaarten", **settings})
    found = cache_file(app)
    if expected == "instance":
        assert found.startswith("/srv/instance/kaarten-") and found.endswith(".cache")
    else:
        assert found == expected

"""Live reload: cards added, changed, broken and removed show up without a restart."""

import math
import os
import threading
import time

import pytest

from kaartenbak import workers
from kaartenbak.store import CardStore

from .conftest import card_text


def touch_later(path):
    """Move the modification time on, as a later save would."""
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))


def test_add_change_break_and_remove_while_running(kaarten):
    store = CardStore(kaarten.root, check_interval=0)
    assert len(store.collection) == 0

    path = kaarten.card("nieuw", titel="Eerste versie")
    assert store.collection.get("nieuw").titel == "Eerste versie"

    path.write_text(card_text(titel="Tweede versie"), encoding="utf-8")
    touch_later(path)
    assert store.collection.get("nieuw").titel == "Tweede versie"

    path.write_text("---\ntitel: [kapot\n---\n", encoding="utf-8")
    touch_later(path)
    cards = store.collection
    assert cards.get("nieuw").titel == "Tweede versie"  # the last good version stays
    assert any(p.path == "proef/nieuw.md" and p.level == "fout" for p in cards.problems)

    path.unlink()
    assert store.collection.get("nieuw") is None
    assert not store.collection.problems


def test_unchanged_files_are_not_parsed_again(kaarten, monkeypatch):
    kaarten.card("een")
    kaarten.card("twee")
    store = CardStore(kaarten.root, check_interval=0)
    parsed = []
    import kaartenbak.store as module

    original = module.parse_card
    monkeypatch.setattr(module, "parse_card", lambda *args: parsed.append(args[1]) or original(*args))
    kaarten.card("drie")
    assert len(store.collection) == 3
    assert parsed == ["drie"]


def test_checks_are_throttled_by_the_interval(kaarten):
    store = CardStore(kaarten.root, check_interval=3600)
    kaarten.card("later")
    assert store.collection.get("later") is None  # not checked again yet
    store.refresh()
    assert store.collection.get("later") is not None


def test_a_changed_vocabulary_rechecks_the_decks_cards(kaarten):
    kaarten.card("kaart", tags="[nieuwe tag]")
    store = CardStore(kaarten.root, check_interval=0)
    assert store.collection.get("kaart") is None
    bak = kaarten.root / "proef" / "_bak.yml"
    bak.write_text("naam: Proef\ntags:\n  nieuwe tag:\n", encoding="utf-8")
    touch_later(bak)
    assert store.collection.get("kaart").tags == ("nieuwe tag",)


def test_concept_cards_only_show_when_asked(kaarten):
    kaarten.card("klaar")
    kaarten.card("schets", concept="true")
    assert [c.slug for c in CardStore(kaarten.root).collection] == ["klaar"]
    assert [c.slug for c in CardStore(kaarten.root, include_concepts=True).collection] == ["klaar", "schets"]


def test_an_image_added_later_clears_its_error_without_touching_the_card(kaarten):
    kaarten.card("kaart", body="![Schets](schets.png)\n\n## Stof tot nadenken\n\n- Vraag?\n")
    store = CardStore(kaarten.root, check_interval=0)
    assert [p.line for p in store.collection.problems if "schets.png" in p.message] == [5]
    kaarten.write("proef/schets.png", b"\x89PNG")
    assert not store.collection.problems
    assert store.collection.images == {("proef", "schets.png")}


def test_a_due_check_runs_in_the_background(kaarten, monkeypatch):
    kaarten.card("een")
    store = CardStore(kaarten.root, check_interval=0.01)
    go = threading.Event()
    scan = store._scan
    monkeypatch.setattr(store, "_scan", lambda: go.wait(10) and scan())
    kaarten.card("later")
    time.sleep(0.02)
    started = time.monotonic()
    assert store.collection.get("later") is None  # the check is under way, the request does not wait
    assert time.monotonic() - started < 1
    go.set()
    while store.collection.get("later") is None:
        assert time.monotonic() - started < 10
        time.sleep(0.01)


def test_a_file_still_being_written_waits_and_the_last_version_stays(kaarten):
    path = kaarten.card("bezig", titel="Oud")
    old = path.stat().st_mtime_ns
    os.utime(path, ns=(old, old - 10_000_000_000))  # saved long ago
    store = CardStore(kaarten.root, check_interval=0, settle=5)
    assert store.collection.get("bezig").titel == "Oud"
    path.write_text(card_text(titel="Nieuw"), encoding="utf-8")  # just now: may be half written
    assert store.collection.get("bezig").titel == "Oud"
    touch_later(path)  # an mtime in the future counts as settled
    assert store.collection.get("bezig").titel == "Nieuw"


@pytest.fixture
def big_deck(kaarten):
    """A deck with a broken card and a duplicate slug, made 'big' by lowering the bar for worker processes."""
    for nummer in range(1, 9):
        kaarten.card(f"kaart-{nummer}", titel=f"Kaart {nummer}", nummer=nummer)
    kaarten.card("kaart-1", bak="andere", titel="Zelfde naam")
    kaarten.write("proef/kapot.md", "---\ntitel: [kapot\n---\n")
    return kaarten


def seen(cards):
    return [(card.slug, card.titel, card.html) for card in cards], cards.problems


def test_a_big_first_load_is_parsed_by_worker_processes_with_the_same_result(big_deck, monkeypatch):
    alone = seen(CardStore(big_deck.root).collection)
    started = []

    class CountingPool(workers.ProcessPoolExecutor):
        def __init__(self, count, **options):
            started.append(count)
            super().__init__(count, **options)

    monkeypatch.setattr(workers, "ProcessPoolExecutor", CountingPool)
    monkeypatch.setattr(workers, "JOBS_PER_WORKER", 2)
    monkeypatch.setattr(workers, "cores", lambda: 2)
    assert seen(CardStore(big_deck.root).collection) == alone
    assert started == [2]
    assert any(problem.path == "proef/kapot.md" and problem.line for problem in alone[1])


def test_where_no_worker_can_start_the_cards_are_parsed_in_the_site_itself(big_deck, monkeypatch):
    alone = seen(CardStore(big_deck.root).collection)

    def refuse(*args, **options):
        raise OSError("geen processen")

    monkeypatch.setattr(workers, "ProcessPoolExecutor", refuse)
    monkeypatch.setattr(workers, "JOBS_PER_WORKER", 2)
    monkeypatch.setattr(workers, "cores", lambda: 2)
    assert seen(CardStore(big_deck.root).collection) == alone


def test_a_file_with_a_name_that_is_not_utf8_is_reported_once_it_appears(kaarten):
    kaarten.card("gewoon")
    store = CardStore(kaarten.root, check_interval=0)
    assert not store.collection.problems
    kaarten.write("proef/" + os.fsdecode("café.md".encode("latin-1")), card_text())
    assert [problem.path for problem in store.collection.problems] == ["proef/caf\\xe9.md"]
    assert [card.slug for card in store.collection] == ["gewoon"]


def test_a_pipe_appearing_while_running_is_reported_and_later_changes_still_show(kaarten):
    kaarten.card("een")
    store = CardStore(kaarten.root, check_interval=0)
    os.mkfifo(kaarten.root / "proef" / "pijp.md")
    assert [problem.path for problem in store.collection.problems] == ["proef/pijp.md"]
    kaarten.card("twee")
    assert store.collection.get("twee") is not None


def test_a_deck_renamed_during_a_rebuild_keeps_the_last_collection_until_the_next_check(kaarten, monkeypatch):
    kaarten.card("een", bak="oud")
    kaarten.card("twee")
    store = CardStore(kaarten.root, check_interval=0)
    kaarten.card("drie")  # a change, so the next check rebuilds
    past = time.time_ns() - 10_000_000_000
    os.utime(kaarten.root, ns=(past, past))  # the card folder itself last changed long ago
    scan = store._scan

    def scan_then_rename():
        found = scan()
        (kaarten.root / "oud").rename(kaarten.root / "nieuw")  # while the collection is being built
        return found

    monkeypatch.setattr(store, "_scan", scan_then_rename)
    cards = store.collection
    assert [(card.slug, card.bak) for card in cards] == [("een", "oud"), ("twee", "proef")]  # the last one, whole
    assert set(cards.bakken) == {"oud", "proef"}
    monkeypatch.setattr(store, "_scan", scan)
    cards = store.collection
    assert [(card.slug, card.bak) for card in cards] == [("een", "nieuw"), ("drie", "proef"), ("twee", "proef")]
    assert set(cards.bakken) == {"nieuw", "proef"}


@pytest.mark.parametrize("processes", [False, True], ids=["in the site", "in worker processes"])
def test_a_load_out_of_time_serves_what_it_read_and_goes_on_at_the_next_check(kaarten, monkeypatch, processes):
    if processes:
        monkeypatch.setattr(workers, "JOBS_PER_WORKER", 1)
        monkeypatch.setattr(workers, "cores", lambda: 2)
    for i in range(4):
        kaarten.card(f"kaart-{i}", titel=f"Kaart {i}")
    store = CardStore(kaarten.root, check_interval=math.inf, load_budget=0)  # no time at all: one file per check
    first = store.collection
    assert len(first) == 1
    [warning] = [problem for problem in first.problems if "niet gelezen" in problem.message]
    assert "nog 3 kaartbestanden niet gelezen" in warning.message
    for _ in range(3):
        store.refresh()
    cards = store.collection
    assert sorted(card.slug for card in cards) == [f"kaart-{i}" for i in range(4)]
    assert not any("niet gelezen" in problem.message for problem in cards.problems)


def test_a_change_not_read_in_time_keeps_the_card_as_it_was(kaarten):
    for i in range(3):
        kaarten.card(f"kaart-{i}", titel=f"Kaart {i}")
    store = CardStore(kaarten.root, check_interval=math.inf, load_budget=0)
    for _ in range(2):
        store.refresh()
    time.sleep(0.01)
    for i in range(3):
        kaarten.card(f"kaart-{i}", titel=f"Nieuw {i}")
    store.refresh()
    assert sorted(card.titel for card in store.collection) == ["Kaart 1", "Kaart 2", "Nieuw 0"]  # the others as they were
    for _ in range(2):
        store.refresh()
    assert sorted(card.titel for card in store.collection) == ["Nieuw 0", "Nieuw 1", "Nieuw 2"]

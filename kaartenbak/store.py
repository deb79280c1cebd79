"""Keep the collection in memory and pick up changes on disk without a restart."""

import logging
import os
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .bak import Bak
from .card import Card
from .collection import Collection, InconsistentCollection
from .diskcache import DiskCache
from .files import BAK_FILE, NOT_REGULAR, Stamp, inside, is_ignored, is_image, is_regular, read_text, relative, stamp
from .names import card_slug, readable, shown, twin_key
from .parse import ROLE_LISTS, parse_bak, parse_card
from .problems import FOUT, WAARSCHUWING, CardError, Problem
from .workers import run_all

log = logging.getLogger(__name__)
SCAN_SHARE = 0.02  # checks for changes take at most this share of the time, however many files
UNREAD = "nog {count} kaartbestanden niet gelezen: het lezen duurde langer dan {budget:g} seconden. De site gaat bij de volgende controle verder"
SUBFOLDER = "is een map in een bak; wat daarin staat, laadt de site niet. Zet kaarten en plaatjes direct in de map van de bak"
NOT_UTF8 = "de naam is geen UTF-8 (dat gebeurt bij uitpakken van een zip van Windows); de site slaat hem over. Geef hem een nieuwe naam, zonder vreemde tekens"


@dataclass(frozen=True)
class _Parsed:
    """One file as last read: its stamp, the card (or the last good one) and its problems."""

    key: tuple
    card: Card | None
    problems: tuple[Problem, ...]


def _read_card(root: Path, path: Path, bak: Bak, images: frozenset[str]) -> tuple[Card | None, list[Problem]]:
    """Parse one card file; a card that cannot be shown gives None and its problems. Runs in worker processes too."""
    where = relative(root, path)
    try:
        text = read_text(root, path)
    except CardError as error:
        return None, list(error.problems)
    return parse_text(where, card_slug(path.stem), text, bak, images)


def parse_text(where: str, slug: str, text: str, bak: Bak, images: frozenset[str]) -> tuple[Card | None, list[Problem]]:
    """Parse a card's text as the site loads it; a card that cannot be shown gives None and its problems."""
    try:
        return parse_card(where, slug, text, bak, images)
    except (CardError, RecursionError, ValueError) as error:
        if not isinstance(error, CardError):  # a file no rule foresaw must still not stop the others
            log.exception("kan %s niet verwerken", where)
            error = CardError([Problem(where, None, "deze kaart kon niet worden verwerkt; vereenvoudig de opmaak of vraag hulp")])
        return None, list(error.problems)


def _keep_last_good(key, card: Card | None, problems: list[Problem], previous: _Parsed | None) -> _Parsed:
    """While a card has an error, its last good version stays on the site."""
    if card is None and previous is not None and previous.card is not None:
        where = previous.card.path
        problems = [*problems, Problem(where, None, "de laatste goede versie van deze kaart blijft zichtbaar tot de fout is hersteld", WAARSCHUWING)]
        card = previous.card
    return _Parsed(key, card, tuple(problems))


def _read_bak(root: Path, folder: Path) -> tuple[Bak, list[Problem]]:
    path = folder / BAK_FILE
    where = relative(root, path)
    if not path.exists():
        return parse_bak(where, folder.name, None)
    try:
        return parse_bak(where, folder.name, read_text(root, path))
    except CardError as error:
        return parse_bak(where, folder.name, "")[0], error.problems


class CardStore:
    """The live collection of one card folder; re-reads only files whose stamp changed.

    With ``cache_file`` the parsed cards and the last collection are also kept on disk: a restart
    parses only what changed while the site was down, and nothing at all when nothing did.
    """

    def __init__(self, root, *, check_interval: float = 1.0, include_concepts: bool = False, log_problems: bool = True, cache_file=None, settle: float = 0.0,
                 load_budget: float | None = None):
        self.root = Path(root)
        self.check_interval = check_interval
        # seconds one check may spend reading changed cards; the next check goes on where it stopped. None: no limit
        self.load_budget = load_budget
        self.settle = settle
        self.include_concepts = include_concepts
        self.log_problems = log_problems
        self._disk = DiskCache(cache_file, str(self.root.resolve()), include_concepts) if cache_file else None
        saved = self._disk.load() if self._disk else {}
        self._parsed: dict[Path, _Parsed] = saved.get("parsed", {})
        self._paths = {str(path): path for path in self._parsed}  # reused, as building a Path is slow
        self._bakken: dict[Path, tuple[Stamp | None, Bak, list[Problem]]] = {}
        self._signature = saved.get("signature")
        self._collection = saved.get("collection", Collection())
        self._next_check = float("-inf")
        self._lock = threading.Lock()
        self._checking = threading.Lock()  # held while a background check runs
        self.version = 1 if saved else 0
        self.changed_at = time.time()  # wall clock of the last rebuild, for Last-Modified
        self._derived: dict = {}
        self._saving = threading.Lock()
        self._saved_version = self.version
        self._save_thread: threading.Thread | None = None
        if not self.refresh():  # the cards as saved on disk: their search index was not saved with them
            self._build_search_index_soon(self._collection)
            self._log_problems()

    @property
    def collection(self) -> Collection:
        """Return the current collection; when a check is due, start it in the background.

        Requests never wait for a scan of the folder: they get the collection as it is, and the
        next request after the check gets the new one. With an interval of 0 (tests, editing
        cards) every call checks, and waits.
        """
        if self.check_interval <= 0:
            self.refresh()
        elif time.monotonic() >= self._next_check and self._checking.acquire(blocking=False):
            threading.Thread(target=self._check_in_background, name="kaarten-check", daemon=True).start()
        return self._collection

    def _check_in_background(self) -> None:
        try:
            self.refresh()
        except Exception:
            log.exception("checking %s for changed cards failed", self.root)
        finally:
            self._checking.release()

    def cached(self, key, build):
        """Return ``build(collection)``, computed once per version of the collection."""
        cards = self.collection
        version, value = self._derived.get(key, (None, None))
        if version is not cards:
            value = build(cards)
            self._derived[key] = (cards, value)
        return value

    def refresh(self) -> bool:
        """Scan the folder; rebuild the collection when anything changed. Return whether it did."""
        with self._lock:
            started = time.monotonic()
            self._next_check = started + self.check_interval
            files, images, problems, moments = self._scan()
            # a big folder is checked less often, so checking stays a small share of the work
            self._next_check = time.monotonic() + max(self.check_interval, (time.monotonic() - started) / SCAN_SHARE)
            signature = (tuple(files), images, tuple(problems))  # a new odd file changes it too
            if signature == self._signature:
                return False
            self._signature = signature
            built = self._build(files, images, problems, moments)  # may reset the signature
            if built is None:  # the folder moved while it was read: keep the collection we have, look again next time
                self._signature = None
                return False
            self._collection = built
            self.version += 1
            self.changed_at = time.time()
            if self._disk:
                # the signature as _build left it: None when a file was still being written, so a restart looks again
                self._save_soon({"parsed": self._parsed, "signature": self._signature, "collection": self._collection}, self.version)
            self._build_search_index_soon(self._collection)
            self._log_problems()
            return True

    def _build_search_index_soon(self, collection: Collection) -> None:
        """Build the search index in the background: the start need not wait for it, and the first search need not either."""
        def build():
            if collection is self._collection:  # a newer collection has replaced it: that one gets its own
                collection.search_index  # noqa: B018 - built and kept on first use

        threading.Thread(target=build, name="kaarten-zoekindex", daemon=True).start()

    def _save_soon(self, saved: dict, version: int) -> None:
        """Write the disk cache in a thread of its own: at 10,000 cards that takes a fifth of a second the start need not wait for.

        Nothing in ``saved`` changes after a rebuild (each one makes new dicts and a new collection),
        so the thread can pickle it while requests go on. It is no daemon: a command that ends
        straight after loading still leaves its cache. An older version never overwrites a newer one.
        """
        def save():
            with self._saving:
                if version > self._saved_version:
                    self._disk.save(saved)
                    self._saved_version = version

        self._save_thread = threading.Thread(target=save, name="kaarten-opslaan")
        self._save_thread.start()

    def wait_until_saved(self) -> None:
        """Return once the cards as last loaded are in the disk cache (for whoever reads the cache next)."""
        if self._save_thread is not None:
            self._save_thread.join()

    def _still_being_written(self, key) -> bool:
        """Tell whether a file changed so recently that its writer may not be done with it."""
        age = time.time() - key[0].mtime_ns / 1e9
        return 0 <= age < self.settle

    def _log_problems(self) -> None:
        if self.log_problems:
            for problem in self._collection.problems:
                log.log(logging.WARNING if problem.level == FOUT else logging.INFO, "%s", problem)

    def _scan(self):
        """List (path, key) of every card file, (deck, name) of every image, problems, and each deck folder (and the card folder) with its mtime.

        A key changes with the file, its deck or the deck's images. A folder's mtime changes when a file
        in it is added, removed or renamed: taken before it is listed, it tells whether it moved since.
        """
        files, images, problems, paths = [], set(), [], {}
        moments = {self.root: _mtime(self.root)}
        try:
            folders = sorted(os.scandir(self.root), key=lambda entry: entry.name)
        except NotADirectoryError:
            return [], frozenset(), [Problem(str(self.root), None, "is een bestand, geen kaartenmap; geef de map met de bakken")], moments
        except OSError:
            return [], frozenset(), [Problem(str(self.root), None, "de kaartenmap bestaat niet of is niet te lezen")], moments
        for folder in folders:
            if is_ignored(folder.name) or not folder.is_dir():
                continue
            if not readable(folder.name):
                problems.append(Problem(shown(folder.name), None, NOT_UTF8))
                continue
            folder_path = Path(folder.path)
            if folder.is_symlink() and not inside(self.root, folder_path):
                problems.append(Problem(folder.name, None, "verwijst (symbolische link) naar een map buiten kaarten/; zo'n link wordt niet gevolgd"))
                continue
            moments[folder_path] = _mtime(folder_path)
            bak_stamp = self._bak_stamp(folder_path)
            try:
                entries = sorted(os.scandir(folder_path), key=lambda entry: entry.name)
            except OSError:
                continue
            cards, deck_images, found = self._sort_deck(folder.name, entries)
            problems.extend(found)
            images.update((folder.name, name) for name in deck_images)
            for entry in cards:
                try:
                    key = (stamp(entry), bak_stamp, deck_images)
                except OSError:  # removed between listing and stat
                    continue
                path = paths[entry.path] = self._paths.get(entry.path) or Path(entry.path)
                files.append((path, key))
        self._paths = paths
        return files, frozenset(images), problems, moments

    def _sort_deck(self, deck: str, entries: list[os.DirEntry]):
        """Sort a deck folder's entries into card files, the images it may serve and problems: what a trainer meant as a card or image is read or reported."""
        cards, images, problems = [], [], []
        for entry in entries:
            name = entry.name
            if is_ignored(name):
                continue
            where = f"{deck}/{shown(name)}"
            if not readable(name):
                problems.append(Problem(where, None, NOT_UTF8))
            elif entry.is_dir():  # a deck is one flat folder: a card's file name is its address, its images lie beside it
                problems.append(Problem(where, None, SUBFOLDER, WAARSCHUWING))
            elif not (name.endswith(".md") or is_image(name)):
                continue
            elif not is_regular(entry):
                problems.append(Problem(where, None, NOT_REGULAR))
            elif name.endswith(".md"):
                cards.append(entry)
            elif not entry.is_symlink() or inside(self.root, Path(entry.path)):  # never an image linked from outside
                images.append(name)
        return cards, frozenset(images), problems

    def _bak_stamp(self, folder: Path):
        path = folder / BAK_FILE
        try:
            current = stamp(path)
        except OSError:
            current = None
        known = self._bakken.get(folder)
        if known is None or known[0] != current:
            self._bakken[folder] = (current, *_read_bak(self.root, folder))
        return current

    def _build(self, files, images, scan_problems, moments) -> Collection | None:
        """Build the next collection from one scan; None when the folder moved meanwhile and there is a collection to keep."""
        problems = list(scan_problems)
        parsed, changed = {}, []
        for path, key in files:
            previous = self._parsed.get(path)
            if previous is not None and previous.key == key:
                parsed[path] = previous
            elif self._still_being_written(key):
                # an editor may be halfway through saving: wait a moment, meanwhile serve the last version
                self._signature = None
                if previous is not None:
                    parsed[path] = previous
            else:
                changed.append((path, key, previous))
        jobs = [(self.root, path, self._bakken[path.parent][1], key[2]) for path, key, _ in changed]
        deadline = None if self.load_budget is None else time.monotonic() + self.load_budget
        read = run_all(_read_card, jobs, deadline)
        for (path, key, previous), (card, found) in zip(changed, read):
            parsed[path] = _keep_last_good(key, card, found, previous)
        if len(read) < len(changed):  # out of time: serve the rest as they were, and read them at the next check
            self._signature = None
            parsed.update({path: previous for path, _, previous in changed[len(read):] if previous is not None})
            problems.append(Problem(str(self.root), None, UNREAD.format(count=len(changed) - len(read), budget=self.load_budget), WAARSCHUWING))
        parsed = {path: parsed[path] for path, _ in files if path in parsed}  # in folder order: the first of two equal slugs wins
        self._parsed = parsed
        self._bakken = {folder: value for folder, value in self._bakken.items() if folder in moments}  # the decks of this scan
        for folder, (_, _, found) in sorted(self._bakken.items()):
            problems.extend(found)
        cards, owner = [], {}
        for path, entry in parsed.items():
            problems.extend(entry.problems)
            card = entry.card
            if card is None:
                continue
            twin = owner.get(twin_key(card.slug))
            if twin is not None:
                problems.append(Problem(card.path, None, _twin_message(card, twin)))
                continue
            owner[twin_key(card.slug)] = card
            cards.append(card)
        problems.extend(collection_problems(cards))
        visible = [card for card in cards if self.include_concepts or not card.concept]
        bakken = {bak.slug: bak for _, bak, _ in (self._bakken[folder] for folder in sorted(self._bakken))}
        if self.version and any(_mtime(folder) != moment for folder, moment in moments.items()):
            log.info("%s changed while it was read; the cards as they were stay until the next check", self.root)
            return None
        try:
            return Collection(cards=tuple(visible), bakken=bakken, images=images, problems=tuple(sorted(set(problems), key=_problem_order)))
        except InconsistentCollection:
            log.exception("not publishing the cards of %s: they do not fit together", self.root)
            return None


def _twin_message(card: Card, first: Card) -> str:
    """Say which card's file name is taken: the same name in another deck, or a twin only a computer tells apart."""
    if Path(card.path).name == Path(first.path).name:
        return f"de bestandsnaam '{card.slug}' bestaat ook als {first.path}; elke kaart heeft een unieke bestandsnaam nodig"
    return (
        f"de bestandsnaam '{card.slug}' is in een webadres niet te onderscheiden van {first.path}: ze verschillen alleen in "
        "hoofdletters of in hoe een letter met accent is opgeslagen (zoals een Mac dat anders doet). Geef een van beide een andere naam"
    )


def _mtime(folder: Path) -> int | None:
    try:
        return os.stat(folder).st_mtime_ns
    except OSError:  # gone: that is a change too
        return None


def _problem_order(problem: Problem):
    return (problem.path, problem.line or 0, problem.message)


def collection_problems(cards: list[Card]):
    """Problems that involve more than one card: shared numbers, links that lead nowhere, roles that are none."""
    slugs = {card.slug for card in cards}
    soort = {card.slug: card.soort for card in cards}
    numbers = Counter((card.bak, card.nummer) for card in cards if card.nummer is not None)
    for card in cards:
        if numbers[(card.bak, card.nummer)] > 1:
            yield Problem(card.path, None, f"nummer {card.nummer} komt in deze bak vaker voor; geef elke kaart een eigen nummer", WAARSCHUWING, "nummer")
        for link in card.links:
            if link not in slugs:
                yield Problem(card.path, None, f"de link naar kaart '{link}' leidt nergens heen; bestaat {link}.md?", concerns="tekst")
        for key in ROLE_LISTS:
            for slug in getattr(card, key):
                if slug not in soort:
                    yield Problem(card.path, None, f"'{key}' noemt de kaart '{slug}', maar die bestaat niet; bestaat {slug}.md? Het oefenen laat hem weg", WAARSCHUWING, key)
                elif soort[slug] != "rol":
                    yield Problem(card.path, None, f"'{key}' noemt de kaart '{slug}', maar dat is geen rolkaart (soort: {soort[slug]}); het oefenen laat hem weg", WAARSCHUWING, key)

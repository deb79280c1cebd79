"""Find and read card files safely: never outside the card folder, never too big."""

import os
import stat as filetype
from pathlib import Path
from typing import NamedTuple

from .problems import CardError, Problem

MAX_BYTES = 1024 * 1024
BAK_FILE = "_bak.yml"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp")  # no .svg: an SVG can carry script
NOT_REGULAR = "is geen gewoon bestand (maar bijvoorbeeld een pipe, een apparaat of een link die nergens heen wijst); de site leest alleen gewone bestanden"
# A pipe would make open() wait for a writer: open without waiting, and read only what is a regular file.
OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def is_ignored(name: str) -> bool:
    """Skip hidden files, files starting with ``_`` and editor leftovers."""
    return name.startswith((".", "_", "#")) or name.endswith(("~", ".swp", ".swo", ".tmp", "#"))


def is_regular(entry: os.DirEntry) -> bool:
    """Tell whether a listed file is a regular file (links followed): the only kind the site reads."""
    try:
        return entry.is_file()
    except OSError:
        return False


def is_image(name: str) -> bool:
    """Tell whether a file name is an image the site shows next to the cards."""
    return name.lower().endswith(IMAGE_SUFFIXES) and not is_ignored(name)


class Stamp(NamedTuple):
    """What tells us a file changed without reading it (a tuple: cheap to make and compare by the thousand)."""

    mtime_ns: int
    size: int
    inode: int


def stamp(entry: os.DirEntry | Path) -> Stamp:
    """Return the change stamp of a file, without following links."""
    info = entry.stat(follow_symlinks=False) if isinstance(entry, os.DirEntry) else entry.lstat()
    return Stamp(info.st_mtime_ns, info.st_size, info.st_ino)


def relative(root: Path, path: Path) -> str:
    """Return the path as trainers see it: relative to the card folder, with slashes."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


def inside(root: Path, path: Path) -> bool:
    """Tell whether a path, links resolved, stays inside the card folder."""
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        return False


def read_text(root: Path, path: Path) -> str:
    """Read a card file as text: UTF-8 with or without BOM, any line ends, at most 1 MB."""
    where = relative(root, path)
    if path.is_symlink() and not inside(root, path):
        raise CardError([Problem(where, None, "verwijst (symbolische link) naar een bestand buiten kaarten/; zo'n link wordt niet gevolgd")])
    try:
        if not filetype.S_ISREG(path.stat().st_mode):  # a pipe or device is never opened at all
            raise CardError([Problem(where, None, NOT_REGULAR)])
        with os.fdopen(os.open(path, OPEN_FLAGS), "rb") as handle:
            if not filetype.S_ISREG(os.fstat(handle.fileno()).st_mode):  # swapped for one since the check
                raise CardError([Problem(where, None, NOT_REGULAR)])
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise CardError([Problem(where, None, f"kan het bestand niet lezen ({error.strerror})")]) from None
    if len(data) > MAX_BYTES:
        raise CardError([Problem(where, None, "het bestand is groter dan 1 MB; maak de kaart korter of splits hem op")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CardError([Problem(where, line, "het bestand is geen UTF-8; sla het op als UTF-8 (in de meeste editors: 'Opslaan als' → codering UTF-8)")]) from None
    return clean_text(where, text)


def clean_text(where: str, text: str) -> str:
    """Give a card's text plain line ends, and refuse a text that is empty or holds a null character."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise CardError([Problem(where, None, "het bestand bevat een nulteken; is het wel een tekstbestand?")])
    if not text.strip():
        raise CardError([Problem(where, None, "het bestand is leeg; begin met front matter tussen twee regels ---")])
    return text

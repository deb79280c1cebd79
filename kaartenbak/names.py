"""The file-name rule in one place: which names the site can read, how they are shown, and the slug a card's name gives.

A card's slug is its file name without ``.md`` in Unicode's composed form (NFC): macOS saves ``é``
as ``e`` plus an accent (NFD), a person types it as one letter, and both must reach the same card.
Two names that differ only in case or in that form cannot be told apart in a URL: they are twins.
"""

import os
import unicodedata


def readable(name: str) -> bool:
    """Tell whether a name from disk is valid UTF-8; Python keeps the bytes of any other name as lone surrogates."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def shown(name: str) -> str:
    """Return a name as far as it can be shown: each byte that is not UTF-8 as ``\\xe9``."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def card_slug(name: str) -> str:
    """Return the slug of a card file name (without ``.md``), a URL or a link: the name in NFC."""
    return unicodedata.normalize("NFC", name)


def twin_key(slug: str) -> str:
    """Return what two slugs share when a URL cannot tell them apart: the same letters, whatever their case or form."""
    return card_slug(slug).casefold()

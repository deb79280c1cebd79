"""The file-name rule in one place: which names the site can read, and how they are shown."""

import os


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

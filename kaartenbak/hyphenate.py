"""Dutch hyphenation: soft hyphens in long words, so a title breaks where Dutch breaks, in every browser and in print.

Browsers hyphenate Dutch themselves only on some systems (not Chromium on Linux or Windows), and
a compound such as "Kennismakingsgesprek" is wider than a phone's card: the hyphenation
dictionary of LibreOffice, shipped by pyphen, marks every place it may break.
"""

import re
from functools import lru_cache

import pyphen

SOFT_HYPHEN = "\u00ad"
MIN_LETTERS = 13  # a shorter word fits on any line the site shows a title on, down to 320 px
_DICTIONARY = pyphen.Pyphen(lang="nl_NL", left=3, right=3)  # no "ou-" or "-en" left alone at a line's end
_LONG_WORD = re.compile(rf"[^\W\d_]{{{MIN_LETTERS},}}")


@lru_cache(maxsize=4096)
def _word(word: str) -> str:
    return _DICTIONARY.inserted(word, hyphen=SOFT_HYPHEN)


def hyphenate(text: str) -> str:
    """Return ``text`` with soft hyphens where its long words may break; what shows is unchanged."""
    return _LONG_WORD.sub(lambda match: _word(match.group()), text)

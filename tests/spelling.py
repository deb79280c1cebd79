"""Dutch spelling with hunspell-nl and our word list, for the cards and the guide."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

WOORDENLIJST = Path(__file__).resolve().parent / "woordenlijst.txt"


def require_hunspell():
    """Skip without hunspell-nl on a developer's machine; in CI its absence is a failure."""
    if shutil.which("hunspell") is None or not Path("/usr/share/hunspell/nl_NL.dic").exists():
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but hunspell with hunspell-nl is missing")
        pytest.skip("hunspell with the Dutch dictionary (hunspell-nl) is not installed")


def unknown_words(text: str) -> list[str]:
    """The words of ``text`` that neither the Dutch dictionary nor our word list knows."""
    result = subprocess.run(
        ["hunspell", "-d", "nl_NL", "-p", str(WOORDENLIJST), "-l"],
        input=text, capture_output=True, text=True, check=True,
    )
    return sorted(set(result.stdout.split()))

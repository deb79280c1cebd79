"""Runs of eight words from the seed texts, kept as hashes so the test runs without the seeds themselves.

Cards must be written in our own words. The seeds live outside the repository (``../shared/seeds``);
when they change, run ``.venv/bin/python -m tests.seed_ngrams ../shared/seeds`` to refresh the list.
"""

import hashlib
import re
import sys
from pathlib import Path

HASHES = Path(__file__).resolve().parent / "seed_ngrams.txt"
WORD = re.compile(r"\w+(?:['’-]\w+)*")
RUN = 8


def ngram_hashes(text: str) -> set[str]:
    """Hash every run of eight words, case-folded, punctuation ignored."""
    words = [word.casefold() for word in WORD.findall(text)]
    return {
        hashlib.blake2b(" ".join(words[i:i + RUN]).encode(), digest_size=6).hexdigest()
        for i in range(len(words) - RUN + 1)
    }


if __name__ == "__main__":
    seeds = Path(sys.argv[1])
    hashes = set().union(*(ngram_hashes(path.read_text(encoding="utf-8")) for path in sorted(seeds.glob("*.txt"))))
    HASHES.write_text("\n".join(sorted(hashes)) + "\n", encoding="utf-8")
    print(f"{len(hashes)} runs of {RUN} words written to {HASHES}")

"""Write a synthetic card folder: five decks, thirty tags, cards of about 2 KB like the real ones."""

import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
REAL_CARDS = HERE.parent / "kaarten"
DECKS = 5
TAGS_PER_DECK = 6
SOORTEN = ("reflectie",) * 6 + ("scenario",) * 2 + ("rol", "observatie")
# Used when the real cards are not there, so the benchmark still runs on a bare checkout.
FALLBACK_WORDS = (
    "ouders leerling gesprek school contact leraar vertrouwen samen afspraak zorgen rapport "
    "mentor klas thuis verwachtingen luisteren vragen begrip emoties conflict oplossing "
    "ouderavond ontwikkeling feedback reflectie houding partnerschap communicatie verslag"
).split()


def _vocabulary() -> list[str]:
    """Dutch words from the real cards, so search and stemming see realistic text."""
    words = re.findall(r"[^\W\d_]{3,}", " ".join(p.read_text("utf-8") for p in REAL_CARDS.glob("*/*.md")))
    return sorted({word.lower() for word in words}) or FALLBACK_WORDS


def _sentence(rng: random.Random, words: list[str], low=8, high=16, end=".") -> str:
    chosen = rng.choices(words, k=rng.randint(low, high))
    return " ".join(chosen).capitalize() + end


def _bak_yml(deck: int, tags: list[str]) -> str:
    lines = [f"naam: Bak {deck + 1}", f"beschrijving: Synthetische bak {deck + 1} voor de benchmark.", f'kleur: "#{deck * 40 + 16:02x}5a80"', "tags:"]
    lines += [f"  {tag}: [{tag}-synoniem, {tag}-ander-woord]" for tag in tags]
    return "\n".join(lines) + "\n"


def _card(rng: random.Random, words: list[str], nummer: int, tags: list[str], slugs: list[str]) -> str:
    titel = " ".join(rng.choices(words, k=rng.randint(3, 6))).capitalize()
    begeleider = " ".join(_sentence(rng, words) for _ in range(2))
    prompts = []
    for _ in range(rng.randint(3, 5)):
        prompts.append("- " + _sentence(rng, words, 6, 12, "?"))
        prompts += ["  - " + _sentence(rng, words, 4, 9, "?") for _ in range(rng.randint(1, 3))]
    link = f"Lees ook [deze kaart]({rng.choice(slugs)})." if slugs else ""
    body = [
        " ".join(_sentence(rng, words) for _ in range(5)),
        "## Stof tot nadenken", "\n".join(prompts),
        "## Aan de slag", "\n".join("- " + _sentence(rng, words) for _ in range(3)),
        "## Bronnen", f"- {_sentence(rng, words, 5, 9)} {link}",
    ]
    front = [
        "---", f"titel: {titel}", f"nummer: {nummer}", f"samenvatting: {_sentence(rng, words, 10, 18)}",
        f"tags: [{', '.join(rng.sample(tags, rng.randint(2, 4)))}]", f"soort: {rng.choice(SOORTEN)}",
        f"begeleider: >-\n  {begeleider}", "---",
    ]
    return "\n".join(front) + "\n" + "\n\n".join(body) + "\n"


def generate(root: Path, count: int, seed: int = 8) -> dict:
    """Fill ``root`` with ``count`` cards; return what the benchmark needs to build its URLs."""
    rng = random.Random(seed)
    words = _vocabulary()
    all_tags = [f"thema {letter}{number}" for letter in "abcde" for number in range(TAGS_PER_DECK)]
    slugs = []
    for index in range(count):
        deck = index % DECKS
        folder = root / f"bak-{deck + 1}"
        tags = all_tags[deck * TAGS_PER_DECK:(deck + 1) * TAGS_PER_DECK]
        if index < DECKS:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "_bak.yml").write_text(_bak_yml(deck, tags), encoding="utf-8")
        slug = f"kaart-{index:05d}-{rng.choice(words)}"
        (folder / f"{slug}.md").write_text(_card(rng, words, index // DECKS + 1, tags, slugs[-50:]), encoding="utf-8")
        slugs.append(slug)
    return {"slug": slugs[len(slugs) // 2], "tags": all_tags[:2], "query": "oudergesprek"}

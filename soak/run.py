"""Soak test: the production server under load on loopback while card files keep changing.

Runs waitress (as `make run` does) on a copy of kaarten/, sends requests from 64 connections
for a fixed time, and meanwhile rewrites a card atomically and in place (sometimes broken),
adds and removes cards, renames a deck and rewrites its _bak.yml (sometimes broken). Prints
the figures; exits 1 when an expectation is not met.
Only 127.0.0.1 is ever contacted.
"""

import http.client
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONNECTIONS = int(os.environ.get("SOAK_CONNECTIONS", "64"))
SECONDS = float(os.environ.get("SOAK_SECONDS", "60"))
PATHS = ["/", "/?tag=emoties", "/?q=oudergesprek", "/kaart/ouderbetrokkenheid", "/kaart/levend",
         "/kaart/levend/gesprek?vraag=1", "/trek?seed=abc&n=2", "/api/kaarten.json", "/controle",
         "/kaart/wissel-1", "/?bak=wissel-a", "/?bak=wissel-b", "/afdrukken", "/offline.json"]
DECKS = ("wissel-a", "wissel-b")  # the deck that is renamed back and forth
BAK = "naam: Wisselbak\nkleur: \"#{kleur}\"\ntags:\n  reflectie:\n"
BROKEN_BAK = "- een lijst\n- geen bak\n"
VERSION = re.compile(r"Versie (\d+) van de levende kaart.*?EINDE-(\d+)", re.S)


def card(version: int, broken: bool = False) -> str:
    if broken:
        return "---\ntitel: [kapot\n---\n"
    filler = "Een regel tekst die de kaart wat langer maakt. " * 40
    return (f"---\ntitel: Versie {version} van de levende kaart\ntags: [reflectie]\n---\n{filler}\n\n"
            f"## Stof tot nadenken\n\n- Werkt versie {version}?\n  - Echt?\n\nEINDE-{version}\n")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def deck_folder(root: Path) -> Path:
    return next(root / name for name in DECKS if (root / name).exists())


def editor(folder: Path, stop: threading.Event, stats: Counter):
    """Keep changing cards and decks: atomic rewrites, in-place rewrites, broken content, add and remove, rename a deck, rewrite its _bak.yml."""
    path, version = folder / "levend.md", 1
    while not stop.is_set():
        version += 1
        action = random.choice(["atomic", "atomic", "inplace", "broken", "add", "remove", "rename", "bak", "bak-broken"])
        if action == "atomic":
            temp = folder / ".levend.tmp"
            temp.write_text(card(version), encoding="utf-8")
            temp.replace(path)
        elif action == "inplace":
            with path.open("w", encoding="utf-8") as handle:
                text = card(version)
                handle.write(text[: len(text) // 2])
                handle.flush()
                time.sleep(0.01)
                handle.write(text[len(text) // 2:])
        elif action == "broken":
            path.write_text(card(version, broken=True), encoding="utf-8")
            time.sleep(0.05)
            path.write_text(card(version), encoding="utf-8")
        elif action == "add":
            (folder / f"tijdelijk-{version}.md").write_text(card(version), encoding="utf-8")
        elif action == "remove":
            for extra in list(folder.glob("tijdelijk-*.md"))[:1]:
                extra.unlink()
        elif action == "rename":
            deck = deck_folder(folder.parent)
            deck.rename(folder.parent / DECKS[deck.name == DECKS[0]])
        else:
            bak = deck_folder(folder.parent) / "_bak.yml"
            if action == "bak-broken":
                bak.write_text(BROKEN_BAK, encoding="utf-8")
                time.sleep(0.05)
            bak.write_text(BAK.format(kleur=f"{version % 0xFFFFFF:06x}"), encoding="utf-8")
        stats[action] += 1
        time.sleep(0.05)


def client(port: int, stop: threading.Event, stats: Counter, problems: list):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while not stop.is_set():
        path = random.choice(PATHS)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read()
        except (OSError, http.client.HTTPException) as error:
            stats["fouten"] += 1
            problems.append(f"{path}: {error!r}")
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            continue
        stats["antwoorden"] += 1
        stats[f"status {response.status}"] += 1
        if response.status >= 500:
            problems.append(f"{path}: {response.status}")
        elif response.status == 200 and "html" in response.getheader("Content-Type", ""):
            text = body.decode("utf-8", "replace")
            if not text.rstrip().endswith("</html>"):
                problems.append(f"{path}: onvolledige pagina")
            if path == "/kaart/levend":
                found = VERSION.search(text)
                if not found or found.group(1) != found.group(2):
                    problems.append(f"{path}: half geschreven kaart geserveerd")
    connection.close()


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="kaartenbak-soak-"))
    shutil.copytree(ROOT / "kaarten", work / "kaarten")
    folder = work / "kaarten" / "ouderbetrokkenheid"
    (folder / "levend.md").write_text(card(1), encoding="utf-8")
    deck = work / "kaarten" / DECKS[0]
    deck.mkdir()
    (deck / "_bak.yml").write_text(BAK.format(kleur="1d5c7a"), encoding="utf-8")
    for number in (1, 2, 3):
        (deck / f"wissel-{number}.md").write_text(card(number).replace("levende kaart", f"wisselkaart {number}"), encoding="utf-8")
    port = free_port()
    env = {**os.environ, "KAARTEN_DIR": str(work / "kaarten"), "KAARTEN_CHECK_INTERVAL": "0.2", "KAARTEN_CACHE": ""}
    server = subprocess.Popen(
        [sys.executable, "-m", "waitress", "--host=127.0.0.1", f"--port={port}", "--threads=8", "--call", "app:create_app"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/healthz")
                break
            except OSError:
                time.sleep(0.1)
        stats, problems, stop = Counter(), [], threading.Event()
        # warm up at full load first, so the baseline RSS includes the server's working set
        warm = [threading.Thread(target=client, args=(port, stop, Counter(), [])) for _ in range(CONNECTIONS)]
        warm.append(threading.Thread(target=editor, args=(folder, stop, Counter())))
        for thread in warm:
            thread.start()
        time.sleep(10)
        stop.set()
        for thread in warm:
            thread.join()
        rss_start = rss_kb(server.pid)

        stop = threading.Event()
        threads = [threading.Thread(target=client, args=(port, stop, stats, problems)) for _ in range(CONNECTIONS)]
        threads.append(threading.Thread(target=editor, args=(folder, stop, stats)))
        started = time.monotonic()
        for thread in threads:
            thread.start()
        time.sleep(SECONDS)
        stop.set()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        rss_end = rss_kb(server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)

    growth = (rss_end - rss_start) / rss_start * 100 if rss_start else 0
    print(f"{CONNECTIONS} verbindingen, {elapsed:.0f} s, {stats['antwoorden']} antwoorden ({stats['antwoorden'] / elapsed:.0f}/s)")
    print("statussen:", {key: value for key, value in sorted(stats.items()) if key.startswith("status")})
    print("bewerkingen:", {key: stats[key] for key in ("atomic", "inplace", "broken", "add", "remove", "rename", "bak", "bak-broken")})
    print(f"fouten: {stats['fouten']}, problemen: {len(problems)}, RSS {rss_start // 1024} → {rss_end // 1024} MB ({growth:+.1f} %)")
    for problem in problems[:20]:
        print("  -", problem)
    return 0 if not problems and stats["fouten"] == 0 and growth < 10 else 1


if __name__ == "__main__":
    sys.exit(main())

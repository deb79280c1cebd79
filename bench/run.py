"""Benchmark the site at 10, 1,000 and 10,000 cards; print a table and write bench/RESULTS.md.

Run with `make bench`, or `.venv/bin/python -m bench.run --sizes 10,1000` for a quicker look.
"""

import argparse
import contextlib
import datetime
import gzip
import http.client
import json
import multiprocessing
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from . import search as search_engines
from .synthetic import generate

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BIN = Path(sys.executable).parent
RESULTS = HERE / "RESULTS.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
LOAD_SECONDS = 3  # one bounded throughput run
LATENCY_SECONDS = 1.5  # at most this long per URL in-process
UNCACHED = ("one tag", "two tags", "search", "card")  # also measured with the page cache emptied before each request
SETTLED = 1.0  # seconds: the site leaves files younger than KAARTEN_SETTLE (0.3 s) for later, as if still being written
MAKE_RUN_ARENAS = "2"  # as the Makefile's run target sets it
ASSET = re.compile(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"')


def pages(info: dict) -> dict[str, str]:
    """The URLs measured, by page type."""
    tag, other = (urllib.request.quote(tag) for tag in info["tags"])
    slug = info["slug"]
    return {
        "overview": "/",
        "one tag": f"/?tag={tag}",
        "two tags": f"/?tag={tag}&tag={other}",
        "search": f"/?q={info['query']}",
        "card": f"/kaart/{slug}",
        "discussion": f"/kaart/{slug}/gesprek?vraag=1",
        "draw": "/trek?seed=abc&n=1",
        "random prompt": "/willekeurige-vraag?seed=abc&n=1",
        "api": "/api/kaarten.json",
    }


# --- helpers -------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def fetch(port: int, path: str, timeout=5.0) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def cpu_seconds(pid: int) -> float | None:
    """CPU time the process and its finished workers used so far: unlike wall time, hardly affected by a busy machine."""
    with contextlib.suppress(OSError, IndexError, ValueError):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return sum(int(field) for field in fields[11:15]) / os.sysconf("SC_CLK_TCK")  # utime, stime, cutime, cstime
    return None


def peak_rss_mb(pid: int) -> float | None:
    """The process's peak resident set size (Linux's VmHWM)."""
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return None


@contextlib.contextmanager
def server(kaarten: Path, call="app:create_app", extra_env=None):
    """Serve with waitress as `make run` does; yield (process, port, seconds and CPU seconds until /healthz answered).

    A value of None in ``extra_env`` leaves that variable out.
    """
    port = free_port()
    env = {**os.environ, "MALLOC_ARENA_MAX": MAKE_RUN_ARENAS, "KAARTEN_DIR": str(kaarten), **(extra_env or {})}
    env = {name: value for name, value in env.items() if value is not None}
    command = [str(BIN / "waitress-serve"), "--host=127.0.0.1", f"--port={port}", "--call", call]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the server stopped with code {process.returncode}")
            with contextlib.suppress(OSError):
                if fetch(port, "/healthz", timeout=60)[0] == 200:
                    break
            if time.perf_counter() - started > 300:
                raise RuntimeError("the server did not answer within 300 s")
            time.sleep(0.005)
        yield process, port, (time.perf_counter() - started, cpu_seconds(process.pid))
    finally:
        process.terminate()
        process.wait(10)


# --- measurements --------------------------------------------------------------------------------


def cold_start(kaarten: Path, urls: dict, runs: int, env=None) -> dict:
    """Seconds (and CPU seconds) from process start to the first answer, per run; peak RSS after every page type was served."""
    starts, cpu, rss = [], [], None
    expected = len(list(kaarten.glob("*/*.md")))
    for _ in range(runs):
        with server(kaarten, extra_env=env) as (process, port, (seconds, cpu_used)):
            loaded = json.loads(fetch(port, "/healthz")[1])["kaarten"]
            if loaded != expected:  # a start that skipped cards would look faster than it is
                raise RuntimeError(f"the server loaded {loaded} of {expected} cards at its first answer")
            starts.append(seconds)
            cpu.append(cpu_used)
            for url in urls.values():
                for _ in range(5):
                    fetch(port, url, timeout=120)
            rss = peak_rss_mb(process.pid)
    return {"starts": starts, "cpu": cpu, "rss_mb": rss}


def latency(kaarten: Path, urls: dict) -> dict:
    """p50/p95 in milliseconds per page type, through the Flask test client."""
    os.environ["KAARTEN_DIR"] = str(kaarten)
    from app import create_app

    app = create_app()
    client = app.test_client()
    pages_kept = app.extensions.get("pages")  # the rendered-page cache, where there is one
    result = {}
    for name, url in urls.items():
        result[name] = timed(client, url)
        if pages_kept is not None and name in UNCACHED:
            result[f"{name}, not cached"] = timed(client, url, before=pages_kept.clear)
    result["_card_bytes"] = len(client.get(urls["card"]).data)
    result["_check"] = check_cost(app, client, urls["card"])
    result["_bytes"] = page_bytes(client, urls)
    return result


def timed(client, url: str, before=lambda: None) -> dict:
    """Request one URL many times; return p50 and p95 in ms."""
    for _ in range(3):
        status = client.get(url).status_code
    times, cpu, began = [], [], time.perf_counter()
    while len(times) < 20 or (len(times) < 300 and time.perf_counter() - began < LATENCY_SECONDS):
        before()
        start, start_cpu = time.perf_counter(), time.thread_time()
        client.get(url).close()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.thread_time() - start_cpu) * 1000)
    return {"status": status, "p50": statistics.median(times), "p95": percentile(times, 0.95), "cpu": statistics.median(cpu), "n": len(times)}


def check_cost(app, client, url: str) -> dict:
    """What checking the disk for changes costs: one scan, and what it adds to a request while checks fall due."""
    store = app.extensions["kaarten"]
    scans = []
    for _ in range(5):
        start = time.perf_counter()
        store.refresh()
        scans.append((time.perf_counter() - start) * 1000)
    windows = {"checking": [], "quiet": []}
    for _ in range(3):  # alternate, so a busy machine disturbs both alike
        for name, interval in (("checking", 0.25), ("quiet", 1e9)):
            store.check_interval = interval
            began = time.perf_counter()
            while time.perf_counter() - began < 0.5:
                start = time.perf_counter()
                client.get(url).close()
                windows[name].append((time.perf_counter() - start) * 1000)
    store.check_interval = 1.0
    checking, quiet = windows["checking"], windows["quiet"]
    return {
        "scan": statistics.median(scans),
        "mean": statistics.mean(checking),
        "quiet": statistics.mean(quiet),
        "p99": percentile(checking, 0.99),
        "p99 quiet": percentile(quiet, 0.99),
    }


def page_bytes(client, urls: dict) -> dict:
    """Bytes of each HTML page type with the CSS and JS it loads: as stored, and as sent with gzip."""
    result = {}
    for name in ("overview", "search", "card", "discussion", "draw"):
        response = client.get(urls[name], headers={"Accept-Encoding": "gzip"})
        sent = len(response.data)
        html = gzip.decompress(response.data) if response.content_encoding == "gzip" else response.data
        raw = len(html)
        revalidated = client.get(urls[name], headers={"If-None-Match": response.headers.get("ETag", "-")}).status_code
        for asset in ASSET.findall(html.decode()):
            asset_response = client.get(asset.replace("&amp;", "&"), headers={"Accept-Encoding": "gzip"})
            body = asset_response.get_data()
            sent += len(body)
            raw += len(gzip.decompress(body) if asset_response.content_encoding == "gzip" else body)
            asset_response.close()
        result[name] = {"raw": raw, "sent": sent, "revalidated": revalidated}
    return result


def _hammer(port: int, path: str, seconds: float, counter) -> None:
    """One connection of the Python load generator: keep-alive requests until time is up."""
    connection = http.client.HTTPConnection("127.0.0.1", port)
    done, deadline = 0, time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        connection.request("GET", path)
        connection.getresponse().read()
        done += 1
    with counter.get_lock():
        counter.value += done


def requests_per_second(port: int, path: str) -> float:
    """Load one URL for LOAD_SECONDS from loopback: with wrk when there is one, else from Python."""
    url = f"http://127.0.0.1:{port}{path}"
    if shutil.which("wrk"):
        output = subprocess.run(["wrk", "-t1", "-c8", f"-d{LOAD_SECONDS}s", url], capture_output=True, text=True, check=True).stdout
        return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    counter = multiprocessing.Value("l", 0)
    workers = [multiprocessing.Process(target=_hammer, args=(port, path, LOAD_SECONDS, counter)) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return counter.value / LOAD_SECONDS


def throughput(kaarten: Path, urls: dict, size: int) -> dict:
    """Requests per second for the card page and for a bare route of its size, alternated twice."""
    with server(kaarten, call="bench.app:create_app", extra_env={"BENCH_BARE_BYTES": str(size)}) as (_, port, _started):
        for path in (urls["card"], "/bench/bare"):
            requests_per_second(port, path)  # warm up
        card, bare = [], []
        for _ in range(2):
            card.append(requests_per_second(port, urls["card"]))
            bare.append(requests_per_second(port, "/bench/bare"))
    return {"card": statistics.mean(card), "bare": statistics.mean(bare), "bytes": size}


def ensure_wrk() -> str:
    """Install Debian's wrk when it is missing and we may; say which load generator runs."""
    if not shutil.which("wrk") and shutil.which("apt-get") and os.geteuid() == 0:
        for command in (["apt-get", "install", "-y", "wrk"], ["apt-get", "update"], ["apt-get", "install", "-y", "wrk"]):
            if shutil.which("wrk"):
                break
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return "wrk (1 thread, 8 connections)" if shutil.which("wrk") else "Python (4 processes, keep-alive)"


# --- report --------------------------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    memory = ""
    with contextlib.suppress(OSError, StopIteration):
        kib = int(next(line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal")))
        memory = f", {kib / 1024 / 1024:.0f} GB RAM"
    commit = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    return f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; Python {platform.python_version()}; commit {commit or '?'}"


def table(headers, rows) -> list[str]:
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows)]
    line = lambda cells: "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths)) + " |"  # noqa: E731
    return [line(headers), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, rows)]


def report(results: dict, generator: str) -> list[str]:
    sizes = list(results)
    lines = [
        f"Machine: {machine()}",
        f"Date: {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}; load average at the end {' '.join(f'{x:.1f}' for x in os.getloadavg())}",
        f"Load generator: {generator}, {LOAD_SECONDS} s per run",
        "",
    ]
    lines += ["### Cold start and memory", ""]
    lines += ["Seconds from starting waitress to the first answer, wall clock (CPU). Peak RSS after serving every page type;",
              f"`make run` sets MALLOC_ARENA_MAX={MAKE_RUN_ARENAS}, which stops each server thread keeping its own free memory;",
              "the last column is the same server with glibc's default (up to 8 arenas per core).", ""]
    lines += table(
        ["cards", "first start, nothing cached", "restarts", "peak RSS (MB)", "with glibc's default arenas"],
        [[f"{n:,}", seconds(r["cold"], 0), " / ".join(seconds(r["cold"], i) for i in range(1, len(r["cold"]["starts"]))) or "-",
          megabytes(r["cold"]["rss_mb"]), megabytes(r["arenas"]["rss_mb"])] for n, r in results.items()],
    )
    lines += ["", "### In-process latency, p50 / p95 wall clock (CPU p50), ms", ""]
    names = [name for name in results[sizes[0]]["latency"] if not name.startswith("_")]
    lines += table(["page"] + [f"{n:,} cards" for n in sizes], [
        [name] + [f"{m['p50']:.2f} / {m['p95']:.2f} ({m['cpu']:.2f})" for m in (results[n]["latency"][name] for n in sizes)] for name in names
    ])
    lines += ["", "### Checking for changed files: card page in ms, mean / p99, with checks due every 0.25 s and without", ""]
    lines += table(["cards", "one scan (ms)", "with checks", "without", "cost per request"], [
        [f"{n:,}", f"{c['scan']:.1f}", f"{c['mean']:.2f} / {c['p99']:.2f}", f"{c['quiet']:.2f} / {c['p99 quiet']:.2f}", f"{c['mean'] - c['quiet']:+.3f}"]
        for n, c in ((n, r["latency"]["_check"]) for n, r in results.items())
    ])
    lines += ["", "### Throughput under waitress (requests/s)", ""]
    lines += table(["cards", "card page", "bare route", "ratio", "page bytes"], [
        [f"{n:,}", f"{r['load']['card']:.0f}", f"{r['load']['bare']:.0f}", f"{r['load']['card'] / r['load']['bare']:.2f}", r["load"]["bytes"]]
        for n, r in results.items()
    ])
    lines += ["", "### Bytes per page, HTML + CSS + JS (as stored / as sent with gzip), and revalidation", ""]
    kinds = list(results[sizes[0]]["latency"]["_bytes"])
    lines += table(["page"] + [f"{n:,} cards" for n in sizes], [
        [kind] + [f"{b['raw'] / 1024:.1f} KB / {b['sent'] / 1024:.1f} KB, {b['revalidated']}" for b in (results[n]["latency"]["_bytes"][kind] for n in sizes)]
        for kind in kinds
    ])
    lines += ["", "### Targets", ""] + [f"- {line}" for line in targets(results)]
    return lines


def seconds(cold: dict, index: int) -> str:
    cpu = cold["cpu"][index]
    return f"{cold['starts'][index]:.2f} s" + (f" ({cpu:.2f})" if cpu is not None else "")


def megabytes(value) -> str:
    return f"{value:.0f}" if value else "?"


def targets(results: dict) -> list[str]:
    def verdict(ok):
        return "met" if ok else "MISSED"

    out = []
    for n, r in results.items():
        ratio = r["load"]["card"] / r["load"]["bare"]
        out.append(f"{verdict(ratio >= 0.9)}: card-page throughput ≥ 0.9 × bare route at {n:,} cards ({ratio:.2f})")
    limits = {1000: 1.0, 10000: 5.0}
    for n, limit in limits.items():
        if n in results:
            first, *restarts = results[n]["cold"]["starts"]
            out.append(f"{verdict(first <= limit)}: cold start ≤ {limit:g} s at {n:,} cards, nothing cached ({first:.2f} s)")
            if restarts:
                out.append(f"{verdict(max(restarts) <= limit)}: cold start ≤ {limit:g} s at {n:,} cards, restart ({max(restarts):.2f} s, slowest)")
    small, large = min(results), max(results)
    if large > small:
        for name in ("card", "card, not cached"):
            if name in results[large]["latency"]:
                ratio = results[large]["latency"][name]["p50"] / results[small]["latency"][name]["p50"]
                out.append(f"{verdict(ratio <= 1.2)}: card-page latency ({name}) at {large:,} ≤ 1.2 × at {small:,} ({ratio:.2f})")
        cost = [results[n]["latency"]["_check"]["mean"] - results[n]["latency"]["_check"]["quiet"] for n in (small, large)]
        out.append(f"{verdict(cost[1] <= max(0.05, cost[0]))}: change checks cost no more per request at {large:,} than at {small:,} "
                   f"({cost[0]:+.3f} ms vs {cost[1]:+.3f} ms; up to 0.05 ms counts as noise)")
        measured = results[large]["latency"]
        names = [f"{name}, not cached" if f"{name}, not cached" in measured else name for name in ("one tag", "two tags", "search")]
        slowest = max(names, key=lambda name: measured[name]["p50"])
        p50 = measured[slowest]["p50"]
        out.append(f"{verdict(p50 <= 20)}: filter and search p50 ≤ 20 ms at {large:,} cards (slowest: {slowest}, {p50:.1f} ms)")
        rss, arenas = results[large]["cold"]["rss_mb"], results[large]["arenas"]["rss_mb"]
        if rss:
            out.append(f"{verdict(rss <= 200)}: RSS ≤ 200 MB at {large:,} cards, served as `make run` does ({rss:.0f} MB)")
        if arenas:
            out.append(f"{verdict(arenas <= 200)}: RSS ≤ 200 MB at {large:,} cards with glibc's default arenas ({arenas:.0f} MB)")
    biggest = max((b["sent"], kind, n) for n, r in results.items() for kind, b in r["latency"]["_bytes"].items())
    out.append(f"{verdict(biggest[0] <= 30 * 1024)}: ≤ 30 KB per page with its CSS and JS, as sent (largest: {biggest[1]} at {biggest[2]:,} cards, {biggest[0] / 1024:.1f} KB)")
    revalidated = all(b["revalidated"] == 304 for r in results.values() for b in r["latency"]["_bytes"].values())
    out.append(f"{verdict(revalidated)}: pages answer 304 to If-None-Match")
    return out


def write_results(lines: list[str]) -> None:
    """Replace the generated block of RESULTS.md, keeping what people wrote around it."""
    block = "\n".join([START, *lines, END])
    text = RESULTS.read_text("utf-8") if RESULTS.exists() else f"# Benchmark results\n\nWritten by `make bench`.\n\n{START}\n{END}\n"
    before, _, rest = text.partition(START)
    _, _, after = rest.partition(END)
    RESULTS.write_text(before + block + after, "utf-8")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,1000,10000", help="card counts, comma-separated")
    parser.add_argument("--starts", type=int, default=3, help="cold starts per size")
    parser.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md alone")
    args = parser.parse_args(argv)
    generator = ensure_wrk()
    results = {}
    with tempfile.TemporaryDirectory(prefix="kaartenbak-bench-") as temp:
        for size in map(int, args.sizes.split(",")):
            kaarten = Path(temp) / f"kaarten-{size}"
            os.environ["KAARTEN_CACHE"] = str(Path(temp) / f"kaarten-{size}.cache")  # not in the instance folder
            info = generate(kaarten, size)
            time.sleep(SETTLED)
            urls = pages(info)
            print(f"{size:,} cards: cold start…", file=sys.stderr, flush=True)
            cold = cold_start(kaarten, urls, args.starts)
            print(f"{size:,} cards: latency…", file=sys.stderr, flush=True)
            measured = latency(kaarten, urls)
            print(f"{size:,} cards: throughput…", file=sys.stderr, flush=True)
            results[size] = {
                "cold": cold,
                "arenas": cold_start(kaarten, urls, 1, {"MALLOC_ARENA_MAX": None}),
                "latency": measured,
                "load": throughput(kaarten, urls, measured["_card_bytes"]),
            }
    print("search engines…", file=sys.stderr, flush=True)
    lines = report(results, generator) + [""] + search_engines.report(tuple(map(int, args.sizes.split(","))))
    print("\n".join(lines))
    if not args.no_write:
        write_results(lines)
        print(f"\nwritten to {RESULTS.relative_to(REPO)}", file=sys.stderr)


if __name__ == "__main__":
    main()

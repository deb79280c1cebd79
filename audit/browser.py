"""Chromium, the site on a loopback port, and the checks that run inside a Playwright page."""

import os
import shutil
import threading
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from waitress.server import create_server

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# The machine has no internet: without these flags Chromium keeps trying to phone home.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# WCAG 2.0-2.2 at levels A and AA, plus axe's best practices (landmarks, heading order, one h1).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
NARROW = 320  # CSS pixels: WCAG 1.4.10 reflow, the same as 1280 pixels zoomed to 400 %
TARGET = 24  # CSS pixels: the least width and height of anything to tap (WCAG 2.5.8), with no spacing exception
COLOUR_SCHEMES = ("light", "dark")  # contrast must hold in the dark theme too


def find_chromium() -> str | None:
    """Return a Chromium to drive: $CHROMIUM, else the first one on PATH."""
    names = [os.environ.get("CHROMIUM", ""), "chromium", "chromium-browser", "google-chrome", "chrome"]
    return next((path for path in map(shutil.which, filter(None, names)) if path), None)


def launch(playwright, executable):
    """Start a headless Chromium that stays off the network."""
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)


@contextmanager
def serve(app):
    """Serve ``app`` with waitress on a free loopback port; yield its base URL."""
    server = create_server(app, host="127.0.0.1", port=0, threads=8)
    stop = threading.Event()

    def run():  # waitress's own run() never returns; closing its sockets under it breaks its select()
        while not stop.is_set():
            server.asyncore.loop(timeout=server.adj.asyncore_loop_timeout, map=server._map, use_poll=server.adj.asyncore_use_poll, count=1)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        stop.set()
        server.pull_trigger()
        thread.join()
        server.task_dispatcher.shutdown()
        server.close()


class QuietFileHandler(SimpleHTTPRequestHandler):
    """A plain static file server, as a trainer would put the export on; it logs nothing."""

    def log_message(self, *args):
        pass


@contextmanager
def serve_folder(folder):
    """Serve the files in ``folder`` on a free loopback port, as any static web server would; yield the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietFileHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def visit(page, base, spec) -> list[str]:
    """Open a page type and bring it into the state to check; return what went wrong on the way."""
    response = page.goto(base + spec.path)
    for step in spec.prepare:
        step(page)
    return [] if response.status == spec.status else [f"HTTP {response.status}, expected {spec.status}"]


def settle(page):
    """Wait until fonts are loaded and animations (the card flip) have finished."""
    page.evaluate("Promise.all([document.fonts.ready, ...document.getAnimations().map(a => a.finished)])")


def axe_violations(page) -> list[dict]:
    """Run axe-core in ``page``; its context needs ``bypass_csp=True``, as the site forbids inline script."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    settle(page)
    return page.evaluate(
        """tags => axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})
            .then(result => result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, url: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary, html: n.html})),
            })))""",
        AXE_TAGS,
    )


def axe_findings(page) -> list[str]:
    """Run axe in each colour scheme; return a readable finding per scheme with violations."""
    findings = []
    for scheme in COLOUR_SCHEMES:
        page.emulate_media(color_scheme=scheme)
        if violations := axe_violations(page):
            findings.append(f"{scheme} theme: axe found {len(violations)} violation(s)\n{describe(violations)}")
    return findings


def reflow_findings(page) -> list[str]:
    """Narrow the viewport to 320 CSS pixels; return a finding if the page then scrolls sideways."""
    page.set_viewport_size({"width": NARROW, "height": 640})
    width = page.evaluate("document.documentElement.scrollWidth")
    return [f"{width}px wide at a {NARROW}px viewport (horizontal scrolling)"] if width > NARROW else []


SMALL_TARGETS = """least => {
  // What a finger must hit: a checkbox or radio by its label, a link inside a sentence not at all (WCAG's inline exception).
  const inSentence = a => {
    const block = a.closest("p, li, td, dd, figcaption");
    return Boolean(block) && block.textContent.replace(/\\s+/g, " ").trim().length > a.textContent.trim().length + 3;
  };
  const targets = [...document.querySelectorAll("a[href], button, summary, input:not([type=hidden]), select, textarea")]
    .filter(e => !(e.tagName === "A" && inSentence(e)))
    .map(e => (e.type === "checkbox" || e.type === "radio") && e.closest("label") ? e.closest("label") : e);
  return [...new Set(targets)].flatMap(e => {
    const r = e.getBoundingClientRect(), style = getComputedStyle(e);
    if (!e.getClientRects().length || style.visibility === "hidden" || r.width <= 1 || r.height <= 1) return [];
    if (r.width >= least - 0.5 && r.height >= least - 0.5) return [];
    return [`${Math.round(r.width)}×${Math.round(r.height)} px: ${e.outerHTML.slice(0, 120)}`];
  });
}"""


def target_findings(page) -> list[str]:
    """Return a finding for each control on screen smaller than 24×24 CSS pixels at the current width."""
    width = page.viewport_size["width"]
    settle(page)  # a card still flipping in is narrower than it will be
    return [f"tap target under {TARGET}×{TARGET} at {width}px: {small}" for small in page.evaluate(SMALL_TARGETS, TARGET)]


def describe(violations) -> str:
    """Axe's violations as readable lines: rule, impact, help, and each element with what to fix."""
    lines = []
    for violation in violations:
        lines.append(f"  {violation['id']} ({violation['impact']}): {violation['help']} <{violation['url']}>")
        for node in violation["nodes"]:
            lines.append(f"    at {node['target']}: {node['html'][:160]}")
            lines.extend(f"      {line}" for line in (node["summary"] or "").splitlines())
    return "\n".join(lines)

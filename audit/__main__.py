"""Audit the site: axe-core, the Nu Html Checker and Lighthouse over every page type; exit 1 on any finding.

Run with ``make audit`` (which installs the pinned npm tools first), or ``.venv/bin/python -m audit``.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

from app import create_app
from web.export import export_site

from .browser import AXE, CHROMIUM_ARGS, ROOT, axe_findings, find_chromium, launch, reflow_findings, serve, serve_folder, target_findings, visit
from .pages import example_card, export_page_list, page_list

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
REPORTS = Path(tempfile.gettempdir()) / "kaartenbak-audit"  # not build/: the static export owns that folder
MINIMUM = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
TRIES = 3  # performance wobbles on a busy two-core machine: a run that misses only there is retried
TOOLS = ("axe", "html", "lighthouse")


def log(message=""):
    print(message, flush=True)


def check_in_browser(browser, base, pages, axe=True):
    """Run axe in both colour schemes (unless ``axe`` is false), the tap-target check at 1280 and 320 px and the
    reflow check; return findings and each page's rendered HTML."""
    findings, rendered = [], {}
    for spec in pages:
        context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 800})
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        problems = visit(page, base, spec)
        rendered[spec.name] = page.content()  # before axe adds its script
        problems += (axe_findings(page) if axe else []) + target_findings(page) + reflow_findings(page) + target_findings(page)  # 1280 px, then 320 px
        where = f"{spec.name} ({spec.path})"
        findings += [f"{where}: {problem}" for problem in problems]
        if errors := [e for e in errors if "status of 404" not in e or spec.status != 404]:
            findings.append(f"{where}: errors in the browser console: {errors}")
        context.close()
        log(f"  checked {where}")
    return findings, rendered


def check_pages(base, pages, tools, chromium):
    """Run the browser checks and the Nu Html Checker (as far as ``tools`` asks) over ``pages`` at ``base``."""
    findings, rendered = [], {}
    if tools & {"axe", "html"}:
        with sync_playwright() as playwright:
            browser = launch(playwright, chromium)
            findings, rendered = check_in_browser(browser, base, pages, axe="axe" in tools)
            browser.close()
    if "html" in tools:
        findings += check_html(base, pages, rendered)
    return findings


def check_export(config, pages, tools, chromium):
    """Export the site to a temporary folder, serve it as plain files and check its pages as the live site's."""
    with tempfile.TemporaryDirectory() as folder:
        try:
            exported = export_site(create_app, config, folder)
        except Exception as error:  # noqa: BLE001 - a failed export is a finding, and the live site's findings still get printed
            return [f"the static export failed: {error!r}"]
        with serve_folder(exported.folder) as base:
            log(f"audit: {len(pages)} page types of the static export on {base}")
            return check_pages(base, pages, tools, chromium)


def check_html(base, pages, rendered):
    """Validate the HTML as served and as rendered after scripts ran, with the Nu Html Checker."""
    with tempfile.TemporaryDirectory() as folder:
        names, files = {}, []
        for index, spec in enumerate(pages):
            try:
                source = urllib.request.urlopen(base + spec.path).read()
            except urllib.error.HTTPError as error:
                source = error.read()
            for kind, html in (("served", source), ("rendered", rendered.get(spec.name, "").encode())):
                if html:
                    path = Path(folder) / f"{index:02d}-{kind}.html"
                    path.write_bytes(html)
                    files.append(str(path))
                    names[path.name] = f"{spec.name} ({spec.path}), {kind}"
        result = subprocess.run(
            ["java", "-jar", str(VNU), "--format", "json", *files],
            capture_output=True, text=True,
        )
    try:
        messages = json.loads(result.stderr or "{}").get("messages", [])
    except ValueError:
        return [f"the Nu Html Checker did not answer in JSON (exit {result.returncode}): {result.stderr.strip()[:500]}"]
    findings = []
    for message in messages:
        where = names.get(message.get("url", "").rsplit("/", 1)[-1], message.get("url"))
        line = f"{where}, line {message.get('lastLine', '?')}: {message.get('message')}\n    {message.get('extract', '').strip()}"
        if message["type"] == "error" or message.get("subType") == "fatal":
            findings.append(line)
        elif message["type"] == "info" and message.get("subType") == "warning":
            log(f"  warning (not failing): {line}")
    if result.returncode not in (0, 1) or (result.returncode and not messages):
        findings.append(f"the Nu Html Checker failed to run: {result.stderr.strip()[:500]}")
    return findings


def lighthouse(url, chromium, name):
    """Run Lighthouse (mobile, simulated throttling) on ``url``; return its JSON report."""
    REPORTS.mkdir(parents=True, exist_ok=True)
    output = REPORTS / f"lighthouse-{name}.json"
    subprocess.run(
        [str(LIGHTHOUSE), url, "--output=json", f"--output-path={output}", "--quiet",
         f"--only-categories={','.join(MINIMUM)}",
         f"--chrome-flags=--headless=new {' '.join(CHROMIUM_ARGS)}"],
        check=True, env={**os.environ, "CHROME_PATH": chromium},
    )
    return json.loads(output.read_text(encoding="utf-8"))


def failing_audits(report, category):
    """The audits that cost points in a category: id, title and what Lighthouse shows."""
    audits = report["audits"]
    lines = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        if ref.get("weight") and audit.get("score") is not None and audit["score"] < 1:
            lines.append(f"    {audit['id']}: {audit['title']} (score {audit['score']}) {audit.get('displayValue', '')}")
    return lines


def check_lighthouse(base, chromium, targets):
    """Score each (name, path) with Lighthouse; return a finding per category below its minimum."""
    findings = []
    for name, path in targets:
        for attempt in range(1, TRIES + 1):
            report = lighthouse(base + path, chromium, name)
            scores = {key: round(report["categories"][key]["score"] * 100) for key in MINIMUM}
            log(f"  lighthouse {name} ({path}), try {attempt}: {scores} (report: {REPORTS / f'lighthouse-{name}.json'})")
            low = [key for key, minimum in MINIMUM.items() if scores[key] < minimum]
            if low != ["performance"]:
                break  # only performance wobbles; other categories are deterministic
        for key in low:
            findings.append(f"lighthouse {name} ({path}): {key} {scores[key]} < {MINIMUM[key]}\n" + "\n".join(failing_audits(report, key)))
    return findings


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m audit", description=__doc__.splitlines()[0])
    parser.add_argument("--kaarten", default=str(ROOT / "kaarten"), help="card folder to serve (default: kaarten/)")
    parser.add_argument("--tools", default=",".join(TOOLS), help=f"comma-separated subset of {','.join(TOOLS)}")
    args = parser.parse_args(argv)
    tools = set(args.tools.split(","))
    chromium = find_chromium()
    missing = [str(path.relative_to(ROOT)) for path in (AXE, VNU, LIGHTHOUSE) if not path.exists()]
    missing += [name for name, found in (("chromium", chromium), ("java", shutil.which("java"))) if not found]
    if missing:
        sys.exit(f"audit: missing {', '.join(missing)}; `make audit` runs npm ci, and .ci/run installs chromium and java")

    config = {"KAARTEN_DIR": args.kaarten, "KAARTEN_CHECK_INTERVAL": 3600}
    app = create_app(config)
    cards = app.extensions["kaarten"].collection
    pages, export_pages = page_list(cards), export_page_list(cards)
    findings = []
    started = time.monotonic()
    with serve(app) as base:
        log(f"audit: {len(pages)} page types on {base} ({len(cards)} cards from {args.kaarten})")
        findings += check_pages(base, pages, tools, chromium)
        if "lighthouse" in tools:
            findings += check_lighthouse(base, chromium, [("overzicht", "/"), ("kaart", f"/kaart/{example_card(cards).slug}")])
    if tools & {"axe", "html"}:
        findings += check_export(config, export_pages, tools, chromium)
    for finding in findings:
        log(f"FAIL {finding}")
    log(f"audit: {len(findings)} finding(s) in {time.monotonic() - started:.0f}s")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())

"""``kaarten-check``, the checks without the site, as a repository of cards runs them from .pre-commit-hooks.yaml."""

import tomllib
from pathlib import Path

import yaml
from click.testing import CliRunner

from kaartenbak.check import main

ROOT = Path(__file__).resolve().parent.parent


def test_strict_fails_on_a_warning_and_says_where(kaarten, monkeypatch):
    kaarten.card("kaart", body="## Stof tot nadenken\n\n- Vertel eens.\n")
    monkeypatch.chdir(kaarten.root.parent)  # MAP defaults to kaarten/ in the current folder, as in a repository of cards
    loose, strict = CliRunner().invoke(main, []), CliRunner().invoke(main, ["--streng"])
    assert loose.exit_code == 0 and strict.exit_code == 1
    assert "proef/kaart.md:7: waarschuwing: de vraag 'Vertel eens.' eindigt niet op een vraagteken" in strict.output
    assert strict.output.endswith("1 kaart, 0 fouten, 1 waarschuwing\n")


def test_the_hook_runs_the_command_the_package_installs():
    hook, = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    command = hook["entry"].split()[0]
    assert scripts[command] == "kaartenbak.check:main" and "--streng" in hook["entry"]

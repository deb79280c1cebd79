"""Keep what the store built on disk between runs, so a restart re-reads only the files that changed.

Parsing is by far the slowest part of a start (Markdown, sanitising, YAML: most of a millisecond
per card); reading the parsed cards back for 10,000 cards takes well under a second. The search
index is not kept: it is rebuilt in the background after a start.

The file is a pickle, so it is trusted like the code: keep it in a folder only the site's
own user can write to (Flask's instance folder). Anything unreadable or from another version
of the code is ignored and rewritten.
"""

import hashlib
import logging
import os
import pickle
import tempfile
from importlib import metadata
from pathlib import Path

log = logging.getLogger(__name__)

# the libraries whose output ends up in a parsed card
LIBRARIES = ("markdown", "mdx-truly-sane-lists", "nh3", "python-frontmatter", "pyyaml", "snowballstemmer")


def code_version() -> str:
    """Hash the domain's code and the library versions, so any change to either starts afresh."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    for name in LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(name.encode())
    return digest.hexdigest()


class DiskCache:
    """One file holding a dict of what the store built, valid for one version of the code and one ``identity``."""

    def __init__(self, path, *identity):
        self.path = Path(path)
        self.tag = (code_version(), identity)

    def load(self) -> dict:
        """Return what was saved, or nothing when the file is missing, damaged or out of date."""
        try:
            with self.path.open("rb") as handle:
                # the tag comes first: a file from other code is skipped before its objects are made
                return pickle.load(handle) if pickle.load(handle) == self.tag else {}
        except FileNotFoundError:
            return {}
        except Exception as error:  # noqa: BLE001 - a damaged cache only costs a slower start
            log.warning("ignoring the unreadable card cache %s (%s)", self.path, error)
            return {}

    def save(self, saved: dict) -> None:
        """Write atomically, so a crash halfway leaves the previous file; failing only logs."""
        temporary = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=self.path.name, suffix=".tmp")
            with os.fdopen(handle, "wb") as file:
                pickle.dump(self.tag, file, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump(saved, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.path)
        except Exception as error:  # noqa: BLE001 - it runs in a thread of its own, and a missing cache only costs speed
            log.warning("cannot write the card cache %s (%s)", self.path, error)
            if temporary:
                Path(temporary).unlink(missing_ok=True)

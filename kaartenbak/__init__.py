"""The kaartenbak domain: cards, decks, loading, validation and search, without Flask."""

import logging

# A library leaves output to the program that uses it: the server's logging shows load problems,
# while the trainer commands, which print them themselves, would otherwise repeat each on stderr.
logging.getLogger(__name__).addHandler(logging.NullHandler())

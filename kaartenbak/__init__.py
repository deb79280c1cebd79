"""The kaartenbak domain: cards, decks, loading, validation and search, without Flask."""

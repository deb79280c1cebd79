"""Check every page type in a real browser: axe-core, the Nu Html Checker and Lighthouse (``python -m audit``)."""

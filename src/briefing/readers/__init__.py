"""The work behind the built-in readers that is more than a few lines (HTML pages, JSONL corpora,
BRAT standoff); the plugins in :mod:`briefing.builtin` register them."""

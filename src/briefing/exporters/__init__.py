"""The work behind the built-in exporters that is more than a few lines (CSV tables, the HTML
report, BRAT standoff, Label Studio tasks); the plugins in :mod:`briefing.builtin` register them."""

"""The built-in input and output formats, one module per format: its reading or writing, the
reader or exporter class, and the ``briefing_register`` hook that registers them, as an installed
plugin would. (The reports for people to read, ``markdown`` and ``html``, are in
:mod:`briefing.report`.)"""

"""Reports for people to read: the exporters ``markdown`` and ``html``, with what they share (how a
participant is described and ordered, each side's stance on each issue)."""

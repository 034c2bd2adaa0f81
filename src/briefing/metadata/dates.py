"""Dates as the text writes them, resolved to ISO dates against the publication date with
dateparser (never against the machine's clock)."""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["resolve_date"]

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_BARE_WEEKDAY = re.compile(
    r"^(?:on\s+|last\s+|this\s+|early\s+|late\s+)?(?P<day>" + "|".join(_WEEKDAYS) + r")"
    r"(?:\s+(?:morning|afternoon|evening|night))?$",
    re.I,
)


def resolve_date(phrase: str, base: dt.date | None) -> str | None:
    """The ISO date ``phrase`` names, read relative to ``base`` (the publication date).

    A bare weekday ("on Thursday", "Wednesday night") is the most recent such day on or before
    ``base``, as news reports use it. Without a base, only absolute dates resolve.
    """
    import dateparser

    phrase = " ".join(phrase.split())
    weekday = _BARE_WEEKDAY.match(phrase)
    if weekday:
        if base is None:
            return None
        back = (base.weekday() - _WEEKDAYS.index(weekday.group("day").lower())) % 7
        return (base - dt.timedelta(days=back)).isoformat()
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(base, dt.time())
    elif not re.search(r"\b\d{4}\b", phrase):
        return None
    parsed = dateparser.parse(phrase, languages=["en"], settings=settings)  # type: ignore[arg-type]
    return parsed.date().isoformat() if parsed else None

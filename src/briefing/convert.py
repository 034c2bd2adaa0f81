"""Briefings to and from plain data and JSON (schema ``briefing/1``), with a private cattrs converter.

Field names in the data are the model's attribute names; spans are ``{"start", "end", "text"}``
objects and sequences are lists. ``from_dict(to_dict(b)) == b`` for every briefing.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import cattrs
from cattrs.preconf.json import make_converter as make_json_converter

from .errors import BriefingError
from .model import Briefing

__all__ = ["SCHEMA", "from_dict", "dumps", "loads", "make_converter", "schema", "to_dict"]

#: The schema id every exported briefing carries under ``"schema"``.
SCHEMA = "briefing/1"


class SchemaError(BriefingError, ValueError):
    """Data that is not a valid ``briefing/1`` briefing. The message names the bad fields."""


def make_converter() -> cattrs.Converter:
    """A new converter for the briefing model, unstructuring tuples to lists and refusing
    unknown keys so that a misspelt field is reported rather than dropped."""
    return make_json_converter(forbid_extra_keys=True)


@cache
def _converter() -> cattrs.Converter:
    return make_converter()


def to_dict(briefing: Briefing) -> dict[str, Any]:
    """The briefing as plain data, ``"schema"`` first."""
    return {"schema": SCHEMA, **_converter().unstructure(briefing)}


def from_dict(data: dict[str, Any]) -> Briefing:
    """The briefing in ``data``; a :class:`SchemaError` naming what is wrong otherwise."""
    if not isinstance(data, dict):
        raise SchemaError(f"a briefing must be a JSON object, not {type(data).__name__}")
    version = data.get("schema")
    if version != SCHEMA:
        raise SchemaError(f"expected schema {SCHEMA!r}, found {version!r}")
    body = {key: value for key, value in data.items() if key != "schema"}
    try:
        return _converter().structure(body, Briefing)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as error:
        if isinstance(error, cattrs.BaseValidationError):
            reasons = cattrs.transform_error(error, format_exception=_describe)
        else:
            reasons = [str(error)]
        raise SchemaError("invalid briefing: " + "; ".join(reasons)) from error


def _describe(error: BaseException, _type: object) -> str:
    if isinstance(error, KeyError):
        return "required field missing"
    if isinstance(error, cattrs.ForbiddenExtraKeysError):
        return f"unknown field(s) {', '.join(sorted(error.extra_fields))}"
    return str(error) or type(error).__name__


def dumps(briefing: Briefing, *, indent: int | None = None) -> str:
    return json.dumps(to_dict(briefing), ensure_ascii=False, indent=indent)


def loads(text: str) -> Briefing:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SchemaError(f"not JSON: {error}") from error
    return from_dict(data)


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of ``briefing/1``, as shipped in the package."""
    text = resources.files("briefing").joinpath("data/briefing-1.schema.json").read_text("utf-8")
    return json.loads(text)

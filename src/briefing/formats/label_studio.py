"""The exporter ``label-studio``: statements as Label Studio pre-annotation tasks, one a briefing,
each with the text under ``data.text`` and one prediction whose regions are the ``Source``, ``Cue``
and ``Content`` spans (``labels`` results) tied by relations (content ``said by`` source, cue
``cue`` content). Offsets are Unicode code points, as Label Studio counts them;
:data:`LABEL_CONFIG` is the labelling interface they fit."""

from __future__ import annotations

import json
from collections.abc import Iterable
from importlib import metadata
from typing import Any, TextIO

from ..model import Briefing, Span
from ..plugin import hookimpl
from ..report.participants import describe

__all__ = ["LABEL_CONFIG", "LabelStudioExporter", "task"]

LABEL_CONFIG = """<View>
  <Labels name="label" toName="text">
    <Label value="Source" background="#ffa8a8"/>
    <Label value="Cue" background="#ffd43b"/>
    <Label value="Content" background="#74c0fc"/>
  </Labels>
  <Relations>
    <Relation value="said by"/>
    <Relation value="cue"/>
  </Relations>
  <Text name="text" value="$text"/>
</View>
"""


def _region(region_id: str, label: str, span: Span, score: float, note: str | None = None) -> dict[str, Any]:
    region: dict[str, Any] = {
        "id": region_id, "from_name": "label", "to_name": "text", "type": "labels", "score": score,
        "value": {"start": span.start, "end": span.end, "text": span.text, "labels": [label]},
    }
    if note:
        region["meta"] = {"text": [note]}
    return region


def _relation(from_id: str, to_id: str, label: str) -> dict[str, Any]:
    return {"from_id": from_id, "to_id": to_id, "type": "relation", "direction": "right", "labels": [label]}


def task(briefing: Briefing, model_version: str) -> dict[str, Any]:
    """The Label Studio task of one briefing (statements with empty content are left out)."""
    result: list[dict[str, Any]] = []
    scores = []
    for s in briefing.statements:
        content = [span for span in s.content if span.end > span.start]
        if not content:
            continue
        scores.append(s.confidence)
        ids = [f"{s.id}-content-{n}" for n in range(1, len(content) + 1)]
        note = ", ".join([s.kind, s.act, *([s.attribution] if s.attribution != "speech" else [])])
        note += f"; issues: {', '.join(s.issues)}" if s.issues else ""
        result += [_region(i, "Content", span, s.confidence, note) for i, span in zip(ids, content, strict=True)]
        if s.source is not None and s.source.end > s.source.start:
            who = briefing.participant(s.speaker)
            result.append(_region(f"{s.id}-source", "Source", s.source, s.confidence,
                                  f"speaker: {describe(who)}" if who else None))
            result += [_relation(i, f"{s.id}-source", "said by") for i in ids]
        if s.cue is not None and s.cue.end > s.cue.start:
            result.append(_region(f"{s.id}-cue", "Cue", s.cue, s.confidence))
            result.append(_relation(f"{s.id}-cue", ids[0], "cue"))
    source = briefing.source
    data = {"text": briefing.text, "briefing": briefing.id, "title": source.title, "url": source.url,
            "path": source.path, "published": source.published}
    prediction = {"model_version": model_version, "score": round(sum(scores) / len(scores), 3) if scores else 1.0,
                  "result": result}
    return {"data": {k: v for k, v in data.items() if v is not None}, "predictions": [prediction]}


class LabelStudioExporter:
    name = "label-studio"
    description = "Label Studio tasks: the text with Source, Cue, Content regions and relations as predictions"
    suffix = ".json"
    many = True

    def write(self, briefings: Iterable[Briefing], stream: TextIO) -> None:
        try:
            version = f"briefing {metadata.version('briefing')}"
        except metadata.PackageNotFoundError:
            version = "briefing"
        stream.write("[")
        for number, briefing in enumerate(briefings):
            stream.write(("," if number else "") + "\n" + json.dumps(task(briefing, version), ensure_ascii=False))
        stream.write("\n]\n")


@hookimpl
def briefing_register(registry):
    registry.add_exporter(LabelStudioExporter())

"""A briefing laid onto its spaCy ``Doc`` for spaCy users: ``doc._.briefing`` and span groups.

- ``doc.spans["briefing_statements"]``: each statement's content, cue and source, labelled
  ``Content``, ``Cue`` or ``Source``, with ``kb_id_`` the speaker's participant id and ``id_`` the
  statement id;
- ``doc.spans["briefing_participants"]``: every mention, labelled with the participant's kind, with
  ``kb_id_`` its id;
- ``doc.spans["briefing_issues"]``: every issue mention, labelled with the issue's label, with
  ``kb_id_`` its id.

Spans are widened to whole tokens where a character offset falls inside one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import Briefing, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["add_spans"]


def add_spans(doc: Doc, briefing: Briefing) -> Doc:
    """``doc`` with ``doc._.briefing`` set and the span groups above filled."""
    from .nlp import register_extensions

    register_extensions()

    def span(s: Span, label: str, kb_id: str = "", span_id: str = ""):
        return doc.char_span(s.start, s.end, label=label, kb_id=kb_id, span_id=span_id, alignment_mode="expand")

    statements = []
    for st in briefing.statements:
        roles = [("Content", s) for s in st.content]
        roles += [(role, s) for role, s in (("Cue", st.cue), ("Source", st.source)) if s is not None]
        statements += [span(s, role, st.speaker or "", st.id) for role, s in roles]
    doc.spans["briefing_statements"] = [s for s in statements if s is not None]
    mentions = [span(m, p.kind, p.id) for p in briefing.participants for m in p.mentions]
    doc.spans["briefing_participants"] = [s for s in mentions if s is not None]
    issues = [span(m, i.label, i.id) for i in briefing.issues for m in i.mentions]
    doc.spans["briefing_issues"] = [s for s in issues if s is not None]
    doc._.briefing = briefing
    return doc

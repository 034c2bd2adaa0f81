"""Where the rules' statements take over from the tagger's: the constructions the CRF learns badly
from PolNeAR because they are rare there, but whose shape the parse shows plainly.

- A tagged cue with **no content** linked to it, its clause left untagged: the tagger drops a
  clause that opens with a fronted phrase ("After the vote, the clinic met its targets, the mayor
  said") though it tags the source and cue plainly; the rules' statement of that cue.
- A **parenthetical** cue ("The fees, she insisted, are modest"; "As such, she explained, the
  owners agreed …"): the tagger takes the clause's own verb for the cue, or drops the part
  before the cue; the rules report the clause around it.
- **Coordinated** cues ("she warned against … and urged …") when the tagger read the second
  cue as part of the first one's content: the rules make two statements.
- A statement the tagger found **no speaker** for (no cue, or a cue with no source): a quotation
  after "She added:" at the end of the paragraph before, a transcript's "LUNDE: …" inside a quote;
  the rules' statement that overlaps it, when the rules know its source.
- A tagged cue that lies outside its content's sentences, when a rules' statement with a source
  overlaps that content ("According to X, A. He expressed B" is two statements, not B's cue for A).
- A speaker **label** opening a paragraph ("PENCE: …", "“WALLACE: …" in a transcript quoted in
  an article, "Graham: …" in a headline): the label's statement, unless the tagger found another
  label inside what it reports ("Clinton: “…” Bush: “…”", where the rules read one label only).
- A cue in a **relative clause** with a subject of its own ("the new port, which he
  called …") when the tagger gave it the relative pronoun for content: the rules' content
  is what follows the cue.

- A tagged content that runs on into a second cue **coordinated** with the clause the first cue
  governs, of the same tense and with no subject of its own ("said the port would close and urged
  calm"): the parse hangs "urged" on "close", the tagger reads it as reported; the content stops
  before "and", and the rules' frame of the second cue is a statement of the same source.

Elsewhere the rules only trim the tagger's cue to theirs ("also stressed" is cued by
"stressed"): cues are not scored, but they are shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from ..intervals import Intervals
from ..model import Span
from ..nlp import doc_text
from .quotes import CLOSING_MARKS, OPENING_MARKS
from .tagger import TaggedSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..model import Statement
    from .frames import Frame
    from .linking import Linked

__all__ = ["parenthetical", "split_coordinated", "take_over"]

_RELATIVE = {"WDT", "WP", "WP$"}
_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}
#: How sure the tagger must be of a cue it linked to no content for the rules' statement to stand in.
_SURE_CUE = 0.9
#: The fewest words such a statement reports ("asked to", "I learned" are fragments of a misread frame).
_FEWEST_WORDS = 4
#: The fewest words of such a statement that is a whole quotation.
_FEWEST_QUOTED = 3


def _overlaps(a: TaggedSpan | Span, b: TaggedSpan | Span) -> bool:
    return a.start < b.end and b.start < a.end


def parenthetical(text: str, statement: Statement) -> bool:
    """Whether the statement's source and cue stand between commas inside what it reports
    ("…, she insisted, …"; "…, said the minister, …")."""
    if statement.cue is None or statement.source is None:
        return False
    start = min(statement.cue.start, statement.source.start)
    end = max(statement.cue.end, statement.source.end)
    if end - start > 80 or not (text[:start].rstrip().endswith(",") and text[end:].lstrip().startswith(",")):
        return False
    return any(c.end <= start for c in statement.content) or any(c.start >= end for c in statement.content)


def _labelled(text: str, statement: Statement) -> bool:
    """Whether the statement is a speaker label's ("PENCE: …", "Graham: …"), opening its paragraph
    (after any quotation mark): the tagger, trained on articles where transcripts are rare, misses
    most such turns, and the label names the speaker plainly."""
    cue, source = statement.cue, statement.source
    if cue is None or source is None or cue.text != ":" or text[source.end : cue.start].strip():
        return False
    opening = text.rfind("\n", 0, source.start) + 1
    return not text[opening : source.start].strip(" \t\"“'‘`")


def _relative(doc: Doc, statement: Statement, groups: Sequence[Linked]) -> bool:
    """Whether the statement's cue heads a relative clause with its own subject ("which he described
    as") and the tagger gave that cue the relative pronoun for content."""
    cue = doc.char_span(statement.cue.start, statement.cue.end, alignment_mode="expand").root
    if cue.dep_ != "relcl" or not any(c.dep_ == "nsubj" for c in cue.children):
        return False
    return any(g.cue is not None and _overlaps(g.cue, statement.cue) and doc[g.contents[0].first].tag_ in _RELATIVE
               for g in groups if g.contents)


def _coordinated(doc: Doc, statements: Sequence[Statement], groups: Sequence[Linked]) -> set[int]:
    """The indices of the statements of two coordinated cues ("warned against … and urged …")
    when the tagger read the second cue as part of the first one's content."""
    heads = {doc.char_span(s.cue.start, s.cue.end, alignment_mode="expand").root.i: k
             for k, s in enumerate(statements) if s.cue is not None}
    found = set()
    for head, k in heads.items():
        token = doc[head]
        first = heads.get(token.head.i)
        if token.dep_ != "conj" or first is None:
            continue
        cue, other = statements[k].cue, statements[first].cue
        if any(g.cue is not None and _overlaps(g.cue, other) and any(_overlaps(c, cue) for c in g.contents)
               for g in groups):
            found |= {k, first}
    return found


def _cue_elsewhere(doc: Doc, group: Linked) -> bool:
    """Whether the group's cue lies outside the sentence its content begins in ("According to X, A.
    He expressed B" read as one statement of "expressed")."""
    if group.cue is None or not group.contents:
        return False
    first = min(group.contents, key=lambda c: c.start)
    return doc[group.cue.first].sent.start != doc[first.first].sent.start


def _tagged(doc: Doc, role: str, span: Span, probability: float) -> TaggedSpan:
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    return TaggedSpan(role, span.start, span.end, tokens.start, tokens.end - 1, probability)


def take_over(doc: Doc, groups: list[Linked], statements: Sequence[Statement],
              cues: Sequence[TaggedSpan] = ()) -> list[Linked]:
    """``groups`` (the tagger's linked attributions) with the rules' ``statements`` put in the place
    of the groups they overlap (by cue or content), or added for a tagged cue of ``cues`` that no
    group holds, for the constructions above; and every tagged cue that holds a rules' cue trimmed
    to it."""
    from .linking import Linked

    text = doc_text(doc)
    held = Intervals((span.start, span.end) for g in groups for span in [*g.contents, *([g.cue] if g.cue else [])])
    lone = Intervals((c.start, c.end) for c in cues if c.probability >= _SURE_CUE and not held.overlaps(c.start, c.end))
    shared = _coordinated(doc, statements, groups)
    speakerless = [c for g in groups if g.cue is None or g.source is None or _cue_elsewhere(doc, g)
                   for c in g.contents]
    blocks = [c for g in groups for c in g.contents if c.block]
    labels = Intervals((g.cue.start, g.cue.end) for g in groups
                       if g.cue is not None and text[g.cue.start : g.cue.end] == ":")
    taking = [s for k, s in enumerate(statements) if s.cue is not None and s.source is not None
              and not any(_overlaps(b, piece) for b in blocks for piece in s.content) and (
        k in shared or parenthetical(text, s) or _relative(doc, s, groups)
        or (_labelled(text, s) and not any(labels.overlaps(c.start, c.end) for c in s.content))
        or any(_overlaps(c, piece) for c in speakerless for piece in s.content)
        or (lone.overlaps(s.cue.start, s.cue.end) and not any(held.overlaps(c.start, c.end) for c in s.content)
            and _substantial(text, s)))]
    for statement in taking:
        cue = _tagged(doc, "CUE", statement.cue, statement.confidence)
        contents = [_tagged(doc, "CONTENT", c, statement.confidence) for c in statement.content]
        groups = [kept for g in groups if not (g.cue is not None and _overlaps(g.cue, cue))
                  for kept in [_without(g, contents)] if kept is not None]
        groups.append(Linked(cue, contents, _tagged(doc, "SOURCE", statement.source, statement.confidence)))
    return _untagged_quotations(doc, [_trim_cue(doc, g, statements) for g in groups], statements)


def _substantial(text: str, statement: Statement) -> bool:
    """Whether a rules' statement reports enough to stand in for a lone cue: at least
    :data:`_FEWEST_WORDS` words, or whole quotations of at least :data:`_FEWEST_QUOTED` ("Raising the
    fees “makes no sense,” she said"): a misread frame leaves a fragment of a clause ("asked to"),
    never a whole quotation, and a quoted name ("wrote under the name “Old Salt”") is shorter."""
    words = sum(len(c.text.split()) for c in statement.content)
    quoted = all(text[c.start] in OPENING_MARKS and text[c.end - 1] in CLOSING_MARKS for c in statement.content)
    return words >= _FEWEST_WORDS or (quoted and words >= _FEWEST_QUOTED)


def _untagged_quotations(doc: Doc, groups: list[Linked], statements: Sequence[Statement]) -> list[Linked]:
    """``groups`` with the quotations of the rules' statement of the same cue that no group holds,
    after the group's content in its paragraph ("“A,” she says. “B.”" where the tagger tagged only
    A): a quotation after the statement's own goes on with it (`rules` step 4), and the tagger,
    seeing no cue next to it, leaves it out. One in a later paragraph is left alone: such joins are
    doubtful (a heading in quotes, another speaker's words)."""
    text = doc_text(doc)
    by_cue = {(s.cue.start, s.cue.end): s for s in statements if s.cue is not None}
    held = Intervals((span.start, span.end) for g in groups
                     for span in [*g.contents, *(x for x in (g.cue, g.source) if x is not None)])
    for group in groups:
        statement = by_cue.get((group.cue.start, group.cue.end)) if group.cue is not None else None
        if statement is None or not any(_overlaps(c, p) for c in group.contents for p in statement.content):
            continue
        last = max(c.end for c in group.contents)
        for piece in statement.content:
            if (text[piece.start] in OPENING_MARKS and last <= piece.start and "\n" not in text[last : piece.start]
                    and not held.overlaps(piece.start, piece.end)):
                group.contents.append(_tagged(doc, "CONTENT", piece, statement.confidence))
    return groups


def _without(group: Linked, contents: Sequence[TaggedSpan]) -> Linked | None:
    """``group`` less its content pieces that overlap ``contents`` (taken over by a rules'
    statement), or ``None`` when no piece is left: a quotation the tagger joined to the one before
    it ("“A,” she said. “B …" where B is another speaker's) costs the statement only that piece."""
    pieces = [c for c in group.contents if not any(_overlaps(c, r) for r in contents)]
    if not pieces:
        return None
    group.contents = pieces
    return group


def _trim_cue(doc: Doc, group: Linked, statements: Sequence[Statement]) -> Linked:
    if group.cue is None:
        return group
    for statement in statements:
        cue = statement.cue
        if cue is not None and group.cue.start <= cue.start and cue.end <= group.cue.end and (
            (cue.start, cue.end) != (group.cue.start, group.cue.end)
        ):
            trimmed = _tagged(doc, "CUE", cue, group.cue.probability)
            group.cue = attrs.evolve(trimmed, speech=group.cue.speech)
            break
    return group


def split_coordinated(doc: Doc, groups: list[Linked], frames: Sequence[Frame]) -> list[Linked]:
    """``groups`` with each content that runs on into a cue coordinated with the clause its own cue
    governs, of the same tense and with no subject ("said the port would close *and urged* calm"),
    cut before the conjunction, and that cue's frame added as a statement of the same source."""
    from .linking import Linked

    text = doc_text(doc)
    framed = {f.head: f for f in frames if f.content}
    found = []
    for group in groups:
        found.append(group)
        if group.cue is None or group.source is None or len(group.contents) != 1:
            continue
        content = group.contents[0]
        cue = doc[group.cue.first : group.cue.last + 1].root
        for i in range(content.first + 1, content.last + 1):
            frame = framed.get(i)
            if frame is None:
                continue
            token = doc[i]
            # coordinated with what the cue reports, not with a verb deeper inside it
            if (token.dep_ != "conj" or token.tag_ != cue.tag_ or token.head.head != cue
                    or any(c.dep_ in _SUBJECTS for c in token.children)):
                continue
            before = token.i - 1
            while before > content.first and doc[before].dep_ == "advmod":
                before -= 1  # "and also urged"
            if doc[before].dep_ != "cc" or not (token.idx < frame.content[0][0] and frame.content[-1][1] <= content.end):
                continue
            last = before - 1
            while last > content.first and (doc[last].is_punct or doc[last].is_space):
                last -= 1
            group.contents = [attrs.evolve(content, end=doc[last].idx + len(doc[last]), last=last)]
            pieces = [_tagged(doc, "CONTENT", Span.of(text, *piece), content.probability) for piece in frame.content]
            found.append(Linked(_tagged(doc, "CUE", Span.of(text, *frame.cue), group.cue.probability), pieces,
                                group.source))
            break
    return found


"""Reports in an "as" clause inside a transcript's turns: "as the President said, we will …", "…,
as I mentioned", "as was mentioned by the Secretary, …", "as we made it clear to them, that …".
Spoken briefings lean on this form to credit each other; the content is the clause the "as" clause
hangs on, less the "as" clause, or the "that" clause right after it."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..model import Participant, Section, Span, Statement
from ..nlp import doc_text
from .cues import cue_lexicon
from .speech_phrases import speech_phrase

__all__ = ["as_reports", "mentioned_in", "offsets", "trimmed"]

#: "as we speak" tells the time, not what was said.
_IDIOMS = {"speak"}
#: Words and marks trimmed off the ends of a content piece.
_EDGE = {"and", "but", "so", "or", "well", "that", "then", "now"}
_CONFIDENCE = 0.8
#: Conjunctions that open a clause of its own after an "as" clause inside a sentence.
_JOINING = {"but", "and", "or", "yet"}
#: Marks that end the clause before an "as" clause ("… for testing: as she said, …").
_BREAKS = {":", ";", "—", "–", "--"}


def as_reports(doc: Doc, participants: Sequence[Participant], sections: Sequence[Section]) -> list[Statement]:
    """The statements that an "as" clause reports inside the ``turn`` sections of ``doc``, each with
    its source (the clause's subject, or the agent of a passive) and the participant a mention of
    whom that source is (``None`` otherwise). The cue is a speech verb or a phrase ("as we made it
    clear to them"); a modal ("as she will explain") makes it no report."""
    text = doc_text(doc)
    turns = sorted(s.span for s in sections if s.kind == "turn")
    if not turns:
        return []
    lex = cue_lexicon()
    by_mention = {(m.start, m.end): p.id for p in participants for m in p.mentions}
    found = []
    for token in doc:
        if token.lower_ != "as" or token.dep_ != "mark":
            continue
        cue = token.head
        lemma = lex.lemma(cue)
        cued = lex.is_verb_cue(cue) and not lex.needs_content(lemma) or speech_phrase(cue)
        if (not cued or lemma in _IDIOMS or cue.dep_ not in {"advcl", "parataxis"}
                or any(c.tag_ == "MD" for c in cue.children)):
            continue
        turn = next((t for t in turns if t.start <= cue.idx < t.end), None)
        source = _source(cue)
        if turn is None or source is None:
            continue
        pieces = [p for p in _content(cue) if turn.start <= p[0] and p[1] <= turn.end]
        if not pieces:
            continue
        found.append(Statement(
            id="as", kind="indirect", content=[Span.of(text, s, e) for s, e in pieces],
            speaker=by_mention.get(source) or mentioned_in(by_mention, source),
            cue=Span.of(text, cue.idx, cue.idx + len(cue)), source=Span.of(text, *source), confidence=_CONFIDENCE,
        ))
    return found


def _source(cue: Token) -> tuple[int, int] | None:
    """The offsets of the cue's subject, or of the agent of a passive ("mentioned by the Secretary")."""
    for child in cue.children:
        if child.dep_ == "nsubj":
            return offsets(list(child.subtree))
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return offsets(list(objects[0].subtree))
    return None


def offsets(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def mentioned_in(by_mention: dict[tuple[int, int], str], source: tuple[int, int]) -> str | None:
    """The participant with a mention inside the source ("our own Dr. Lee")."""
    inside = {pid for (start, end), pid in by_mention.items() if source[0] <= start and end <= source[1]}
    return inside.pop() if len(inside) == 1 else None


def _content(cue: Token) -> list[tuple[int, int]]:
    """The clause the "as" clause hangs on, less the "as" clause: the part after it when it opens
    that clause ("As she said, …"), else the parts before and after it ("It is, as she said, safe").
    The "as" clause ends at the first mark after its cue, whatever the parse hangs on the cue after
    it ("approved, as she said, for adults"); the clause it hangs on is widened to the one holding
    words before it ("The stock has been, as I said, much enlarged": the parse hangs the "as"
    clause on "enlarged"), and starts after a colon, semicolon or dash before it. A "that" clause
    right after the "as" clause is what it reports ("make it clear to them, as we made it clear to
    you, that …"), whatever the parse hangs it on, and a clause that a conjunction opens after it is
    not ("We are ready, as she said, but the rain …")."""
    inner = list(cue.subtree)
    first = inner[0].i
    last = next((t.i - 1 for t in inner if t.i > cue.i and t.is_punct), inner[-1].i)
    that = _that_after(cue.doc, last)
    if that is not None:
        piece = trimmed([t for t in cue.sent if t.i > that])
        return [piece] if piece else []
    opening = max((t.i for t in cue.sent if t.i < first and t.text in _BREAKS), default=cue.sent.start - 1)

    def words_before(node: Token) -> bool:
        return any(t.is_alpha and t.dep_ not in {"mark", "cc"} for t in node.subtree if opening < t.i < first)

    node = cue if cue.head == cue else cue.head
    while node.head != node and not words_before(node):
        node = node.head
    outer = [t for t in (node.subtree if node != cue else cue.sent) if t.sent == cue.sent and t.i > opening]
    after = trimmed([t for t in outer if t.i > last])
    if node == cue or not words_before(node):
        return [after] if after else []
    before = trimmed([t for t in outer if t.i < first])
    joined = next((t for t in cue.doc[last + 1 : cue.sent.end] if not t.is_punct), None)
    if joined is not None and joined.lower_ in _JOINING:  # "…, as she said, but …": a clause of its own
        return [before] if before else []
    return [p for p in (before, after) if p]


def _that_after(doc: Doc, last: int) -> int | None:
    """The index of a "that" after the comma that ends an "as" clause at token ``last``."""
    if last + 2 < len(doc) and doc[last + 1].text == "," and doc[last + 2].lower_ == "that":
        return last + 2
    return None


def trimmed(tokens: list[Token]) -> tuple[int, int] | None:
    """The offsets of ``tokens`` without the punctuation and linking words at either end."""
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].lower_ in _EDGE):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_space or tokens[-1].is_punct or tokens[-1].lower_ in _EDGE):
        tokens = tokens[:-1]
    if not any(t.is_alpha for t in tokens):
        return None
    return offsets(tokens)

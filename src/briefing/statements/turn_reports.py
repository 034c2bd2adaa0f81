"""Reports inside a transcript's turns that speakers phrase without a "that" clause, which the
extractors, trained on news, mostly miss:

- a directive with an infinitive: "the mayor has asked us to close the park", "we urged the
  builders to finish early" (the content is the infinitive);
- a request or call with one: "the Governor's call to save water", "calls from the mayors to
  close the park";
- a clause that a colon ends: "she has made it plain: …", "we sent this message to the
  schools: …", "we keep hearing from mayors: …" (the content is the sentence after the colon);
- a cue the extractor passed over in a "that" clause ("since the mayor insisted that …") or a
  cleft ("what the engineers wrote to us was that …");
- hearing from someone: "you have heard from the Secretary that …" (the speaker is the one heard
  from, not the one who heard);
- what someone said, restated: "to repeat what the mayor said, the park stays closed" (the clause
  that the restating infinitive opens);
- a report inside another's clause: "people say that nurses tell us they lack masks" (the nurses'
  words, left inside the outer report by the extractors);
- what someone did by saying it: "the one thing the Board has done is say, “…”" (the Board's).

Hedged, future and negated forms ("I would ask them to …", "we didn't ask them to …") report
nothing."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from ..model import Participant, Section, Span, Statement
from ..nlp import doc_text
from .as_clauses import mentioned_in, offsets, trimmed
from .cues import cue_lexicon
from .speech_phrases import speech_phrase

__all__ = ["turn_reports"]

#: Verbs that report a directive when an infinitive follows their object ("asked us to …").
_DIRECTIVES = {"direct", "ask", "task", "challenge", "urge", "instruct", "order", "tell", "request", "encourage",
               "advise", "implore", "beg", "invite", "call"}
#: Nouns that report one when an infinitive follows them ("her call to donate …").
_DIRECTIVE_NOUNS = {"call", "request", "order", "directive", "instruction", "appeal", "plea", "demand", "promise",
                    "pledge"}
#: Verbs of saying again what another said ("to echo what she said, …").
_RESTATING = {"reiterate", "repeat", "echo", "restate", "underscore", "underline", "emphasize", "stress", "amplify"}
#: Quotation marks that open and close a quotation.
_OPENING = {"“", '"', "‘"}
_CLOSING = {"”", '"', "’"}
_CONFIDENCE = 0.7
#: How many tokens (punctuation, adverbs) may stand between a cleft's cue clause and its "is that".
_CLEFT_GAP = 4


def turn_reports(doc: Doc, participants: Sequence[Participant], sections: Sequence[Section],
                 taken: Sequence[Statement] = ()) -> list[Statement]:
    """The statements of the forms above inside the ``turn`` sections of ``doc``, each with its
    source and the participant a mention of whom that source is (``None`` otherwise), leaving out
    cues ``taken`` statements already have."""
    text = doc_text(doc)
    turns = sorted(s.span for s in sections if s.kind == "turn")
    if not turns:
        return []
    cues = {s.cue.start for s in taken if s.cue is not None}
    by_mention = {(m.start, m.end): p.id for p in participants for m in p.mentions}
    found = []
    for cue, source, content in _reports(doc):
        turn = next((t for t in turns if t.start <= cue.idx < t.end), None)
        if turn is None or cue.idx in cues or _hedged(cue):
            continue
        content = content and (max(content[0], turn.start), min(content[1], turn.end))
        if not content or content[1] - content[0] < 2 or not turn.start <= source[0] < turn.end:
            continue
        found.append(Statement(
            id="turn", kind="indirect", content=[Span.of(text, *content)],
            speaker=by_mention.get(source) or mentioned_in(by_mention, source),
            cue=Span.of(text, cue.idx, cue.idx + len(cue)), source=Span.of(text, *source), confidence=_CONFIDENCE,
        ))
    return found


def _reports(doc: Doc) -> Iterator[tuple[Token, tuple[int, int], tuple[int, int] | None]]:
    """Each cue of the forms above with the offsets of its source and of its content."""
    lex = cue_lexicon()
    for token in doc:
        if token.pos_ in {"VERB", "AUX"}:
            heard = _heard_from(token)
            doer = _doer(token) if lex.is_verb_cue(token) else None
            if doer is not None:
                yield token, doer, _that_clause(token) or _after_cue(token)
                continue
            subject = heard or _subject(token)
            if subject is None:
                continue
            infinitive = _infinitive(token) if token.lemma_.lower() in _DIRECTIVES else None
            if infinitive is not None and any(c.dep_ == "dobj" for c in token.children):
                yield token, subject, _from_to(infinitive)
            elif heard is not None and (clause := next((c for c in token.children if c.dep_ == "ccomp"), None)):
                yield token, subject, trimmed(list(clause.subtree))
            elif _before_colon(token) and (lex.is_verb_cue(token) or heard or speech_phrase(token)):
                yield token, subject, _after_colon(token)
            elif lex.is_verb_cue(token) and (content := _that_clause(token) or _cleft(token) or _restated(token)
                                             or _nested(token, lex.is_verb_cue(token.head))):
                yield token, subject, content
        elif token.pos_ == "NOUN" and token.lemma_.lower() in _DIRECTIVE_NOUNS:
            owner = _owner(token)
            end = max(t.i for t in owner.subtree) if owner is not None and owner.dep_ == "pobj" else token.i
            after = doc[end + 1] if end + 1 < len(doc) else None
            if owner is not None and after is not None and after.tag_ == "TO" and after.head.tag_ == "VB":
                yield token, offsets([t for t in owner.subtree if t.tag_ != "POS"]), _from_to(after.head)


def _owner(noun: Token) -> Token | None:
    """Whose call or request a noun is: its possessor ("the Governor's call"), else the one it is
    from ("calls from the mayors to …")."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    return owner or next((o for p in noun.children if p.dep_ == "prep" and p.lower_ == "from"
                          for o in p.children if o.dep_ == "pobj"), None)


def _subject(verb: Token) -> tuple[int, int] | None:
    """The verb's subject, the nearest before it when a speaker restarts ("that they — doctors are
    telling us")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    subject = next((c for c in reversed(subjects) if c.i < verb.i), subjects[0] if subjects else None)
    return offsets(list(subject.subtree)) if subject is not None else None


def _heard_from(verb: Token) -> tuple[int, int] | None:
    """The one heard from in "heard from X": the speaker of what was heard."""
    if verb.lemma_.lower() != "hear":
        return None
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"), None)
    heard = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    return offsets(list(heard.subtree)) if heard is not None else None


def _infinitive(verb: Token) -> Token | None:
    """The ``to``-infinitive complement of a verb ("asked us *to close* the park")."""
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VB"
                 and any(a.tag_ == "TO" for a in c.children)), None)


def _from_to(verb: Token) -> tuple[int, int] | None:
    """The infinitive phrase from its "to" to its end."""
    to = next((a for a in verb.children if a.tag_ == "TO"), None)
    return trimmed([t for t in verb.subtree if to is None or t.i >= to.i])


def _that_clause(verb: Token) -> tuple[int, int] | None:
    """The "that" clause a cue governs ("insisted that the tolls stay low"), without the "that"; also when
    the parse hangs the cue on the clause ("She said, last month, that the …")."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and _that(c) is not None), None)
    if clause is None and verb.dep_ == "parataxis" and verb.head.i > verb.i:
        clause = verb.head
    that = _that(clause) if clause is not None else None
    return trimmed([t for t in clause.subtree if t.i > that.i]) if that is not None else None


def _that(clause: Token) -> Token | None:
    """The "that" opening a clause (what comes before it, "a week ago", is not what was said)."""
    return next((m for m in clause.children if m.dep_ == "mark" and m.lower_ == "that"), None)


def _cleft(verb: Token) -> tuple[int, int] | None:
    """What a cue reports in a cleft ("what the engineers wrote to us was that …", "the one point she
    stressed is that …"): the rest of the sentence after the "is that" that follows the cue's clause."""
    if not any(c.tag_ in {"WP", "WDT"} and c.dep_ in {"dobj", "dative"} for c in verb.children):
        return None
    sentence, start = verb.sent, max(t.i for t in verb.subtree) + 1
    for token in verb.doc[start : min(start + _CLEFT_GAP, sentence.end - 1)]:
        if token.lemma_ == "be" and token.nbor().lower_ == "that":
            return trimmed(list(verb.doc[token.i + 2 : sentence.end]))
        if not (token.is_punct or token.pos_ == "ADV"):
            return None
    return None


def _restated(verb: Token) -> tuple[int, int] | None:
    """What a cue reports when an infinitive of restating opens a clause with it ("to echo what she
    said, the park stays closed"): the rest of the sentence after the infinitive."""
    restating = verb.head
    if (verb.dep_ != "ccomp" or not any(c.tag_ == "WP" and c.dep_ == "dobj" for c in verb.children)
            or restating.lemma_.lower() not in _RESTATING or restating.dep_ != "advcl"
            or not any(c.tag_ == "TO" for c in restating.children) or restating.head.i < restating.i):
        return None
    end = max(t.i for t in restating.subtree)
    return trimmed([t for t in verb.sent if t.i > end])


def _doer(verb: Token) -> tuple[int, int] | None:
    """Who did what a cue says in "the one thing she has done is say, “…”" (the subject of the "do"
    clause on the cue's subject, which the parse may take for a passive)."""
    done = next((r for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}
                 for r in c.children if r.dep_ == "relcl" and r.lemma_ == "do"), None)
    doer = next((c for c in done.children if c.dep_ == "nsubj"), None) if done is not None else None
    return offsets(list(doer.subtree)) if doer is not None else None


def _after_cue(verb: Token) -> tuple[int, int] | None:
    """The words after a cue: its sentence, or the quotation that opens right after it."""
    doc = verb.doc
    start = next((t.i for t in doc[verb.i + 1 :] if not t.is_punct), len(doc))
    if any(t.text in _OPENING for t in doc[verb.i + 1 : start]):
        end = next((t.i for t in doc[start:] if t.text in _CLOSING), len(doc))
        return trimmed(list(doc[start:end]))
    return trimmed(list(doc[start : verb.sent.end]))


def _nested(verb: Token, in_report: bool) -> tuple[int, int] | None:
    """What a cue inside another cue's clause reports without a "that" ("people say that doctors
    tell us they lack masks": the doctors' words), which extractors leave inside the outer report."""
    if not in_report or verb.dep_ != "ccomp" or verb.head.i > verb.i:
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and _that(c) is None), None)
    return trimmed(list(clause.subtree)) if clause is not None else None


def _hedged(cue: Token) -> bool:
    """Whether a modal or a negation makes the cue no report ("would ask", "didn't ask")."""
    return any(c.tag_ == "MD" or c.dep_ == "neg" for c in cue.children)


def _before_colon(verb: Token) -> bool:
    """Whether the verb's clause ends at a colon (the verb's own subtree runs up to it)."""
    last = max(t.i for t in verb.subtree)
    doc = verb.doc
    return doc[last].text == ":" or (last + 1 < len(doc) and doc[last + 1].text == ":")


def _after_colon(verb: Token) -> tuple[int, int] | None:
    """The sentence after the colon that ends the verb's clause: up to the end of the sentence
    the first word after the colon is in."""
    doc = verb.doc
    colon = max(t.i for t in verb.subtree)
    colon = colon if doc[colon].text == ":" else colon + 1
    if colon + 1 >= len(doc):
        return None
    first = doc[colon + 1]
    return trimmed([t for t in first.sent if t.i > colon])

"""Attributions of attitude: statements whose cue is no speech verb but a belief ("experts suspect
that …"), an intention ("the mayor wants to …", "the union refused to …") or a finding ("the survey
shows that …"). News attributes these as it attributes speech, and a stance is often held this way.

A verb of the attitude lexicon (``data/attitudes.json``) with a subject and a clause it governs
(a ``that`` clause or a ``to`` infinitive) is a statement: the subject is the source, resolved to a
speaker as any statement's, the verb the cue, the clause the content. A verb of taking a stance
towards a thing ("condemned the closure", "oppose the limits", "wants lower fees"; the lexicon's
``objects``, and ``act_objects`` when the object names an act: "challenged the rules") makes one
with its noun-phrase object as the content. Speech wins: an attitude is
left out when its cue or content lies inside or overlaps a statement already found, or a quote (what
is quoted is someone's words); so is one put as a question or a condition ("if they want to …"),
one whose subject is "you", and any inside a transcript's turn: "I think …", "we want …" are the
turn's own words, which the turn's statement holds already, and a speaker's account of what others
want or believe was not measured there (its sources named the labelled speakers anew). The verbs
are found by lemma (or regular form) over the parse's columns; a ``Token`` is made only for them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import attrs

from ..doc_tables import lexeme_ids, token_attributes
from ..intervals import Intervals
from ..issues.stance import stance_lexicon
from ..model import Section, Span, Statement
from ..nlp import doc_text
from .cues import cue_lexicon
from .frames import QuoteIndex, source_range, statement_kind, subject_of, trim

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .resolve import Resolver

__all__ = ["act_object_verbs", "attitude_lexicon", "object_lexicon", "with_attitudes"]

#: How sure an attitude statement is, before its speaker's resolution: below a speech cue's, as the
#: verbs are more often used without attributing anything ("we found the keys").
CONFIDENCE = 0.6
_SKIPPED_SECTIONS = {"byline", "dateline", "tagline", "label"}
# "If they want to …", "unless he decides to …", "whether she plans to …": a condition, not a view held.
_CONDITIONS = {"if", "unless", "whether", "until"}
# A yes-no question's clause ("to determine whether …") is what is not known yet; "shows how …" is
# a finding.
_QUESTION_WORDS = {"whether", "if"}
_LISTENER = {"you"}
_RELATIVE = {"WDT", "WP"}
_FINITE = {"VBD", "VBZ", "VBP"}
_CLAUSES = {"ccomp", "xcomp", "acl"}
_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}
_FEWEST_WORDS = 2
# What an object that names something is tagged as.
_NAMING = {"NOUN", "PROPN", "VERB"}


def _lexicon_data() -> dict:
    return json.loads(resources.files("briefing").joinpath("data/attitudes.json").read_text("utf-8"))


@cache
def attitude_lexicon() -> dict[str, str]:
    """Each attitude verb's lemma with what it attributes (``belief``, ``intention``, ``finding``)."""
    return {verb: kind for kind, verbs in _lexicon_data().items()
            if not kind.startswith("_") and kind not in {"objects", "act_objects"} for verb in verbs}


@cache
def object_lexicon() -> dict[str, str]:
    """Each stance verb whose content is its noun-phrase object ("condemned the launch", "oppose the
    levy", "wants lower fees") with what it attributes (``speech``, ``belief``, ``intention``); those
    of :func:`act_object_verbs` among them."""
    data = _lexicon_data()
    return {verb: kind for key in ("objects", "act_objects") for kind, verbs in data[key].items() for verb in verbs}


@cache
def act_object_verbs() -> frozenset[str]:
    """The stance verbs that take a stance only on an act ("challenged the rules", "sought a ban"),
    not on anyone ("challenged the incumbent", "sought the nomination")."""
    return frozenset(verb for verbs in _lexicon_data()["act_objects"].values() for verb in verbs)


def regular_forms(verb: str) -> set[str]:
    """The verb and its regular inflections ("hope": "hopes", "hoped", "hoping"; "plan": "planned",
    "planning"; "worry": "worried"): the small English model lemmatises some of them to another word
    ("hoped" to "hop"), so they are matched by form as well as by lemma."""
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return {verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    if verb.endswith("e"):
        base = verb[:-1]
    elif len(verb) <= 4 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" and verb[-3] not in "aeiou":
        base = verb + verb[-1]  # one short syllable ending in a consonant: "planned"
    else:
        base = verb
    third = verb + "es" if verb.endswith(("s", "sh", "ch", "x", "z")) else verb + "s"
    return {verb, third, base + "ed", base + "ing"}


@cache
def _word_ids() -> tuple[dict[int, tuple[str | None, str | None]], dict[int, tuple[str | None, str | None]]]:
    """The attitude verbs by the id of their lemma, and by the id of each regular form, in any
    spaCy string store (the id is a hash of the word), each with its kind with a clause and its
    kind with a noun-phrase object (``None`` where it takes none)."""
    from spacy.strings import get_string_id

    clauses, objects = attitude_lexicon(), object_lexicon()
    both = {lemma: (clauses.get(lemma), objects.get(lemma)) for lemma in clauses.keys() | objects.keys()}
    return ({get_string_id(lemma): kinds for lemma, kinds in both.items()},
            {get_string_id(form): kinds for lemma, kinds in both.items() for form in regular_forms(lemma)})


def _complement(verb: Token, kind: str) -> tuple[Token, Token] | None:
    """The clause the verb governs on its right, and its first word: a ``that`` clause, or for
    beliefs and intentions also a ``to`` infinitive ("plans to …", "expects to …"); a finding shows a
    clause ("shows that …", not "shows him leading"). A clause after a noun object is none of the
    verb's ("want policies that cut revenue (they want lower rates …)": the parse hangs the aside on
    the first "want"), unless the clause has no subject of its own: then the parse took its subject
    for the verb's object ("feels the apology was late"), and the clause begins there."""
    subject_taken = None
    for child in verb.rights:
        if child.dep_ == "dobj" and child.pos_ in _NAMING:
            subject_taken = child
            continue
        if child.dep_ == "ccomp" and child.pos_ in {"VERB", "AUX"}:
            if subject_taken is None:
                return child, child.left_edge
            if not any(c.dep_ in _SUBJECTS for c in child.children):
                return child, subject_taken.left_edge
            return None
        if subject_taken is not None:
            continue
        if child.dep_ == "xcomp" and kind != "finding" and any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children):
            return child, child.left_edge
    return None


def _object(verb: Token) -> Token | None:
    """The noun phrase the verb takes as its direct object on its right ("condemned the launch"),
    when it names something (not a pronoun: "backed it" says nothing of what); the parse's relation
    decides, as the tagger takes some plural nouns for verbs ("challenging the Plan rules")."""
    for child in verb.rights:
        if child.dep_ == "dobj" and child.pos_ in _NAMING:
            return child
    return None


def _posed(verb: Token) -> bool:
    """Whether the verb is put as a condition or question, or in the passive ("is expected to"):
    no one is said to hold the attitude; or whether it stands in a heading written in capitals."""
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or verb.text.isupper():
        return True  # passive, or a heading in capitals
    if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in verb.children):
        return True
    return verb.sent.text.rstrip().rstrip("\"”’'").endswith("?")


def _source(verb: Token, quotes: QuoteIndex) -> tuple[tuple[int, int], Token] | None:
    """The source mention of the attitude and its head: the verb's subject (or the subject it
    shares, "… and wants to"); for a relative clause ("the mayor, who wants …") the noun it
    modifies."""
    subject = subject_of(verb)
    own = subject is not None and subject.head == verb
    if verb.dep_ == "ccomp" or (verb.dep_ == "relcl" and own and subject.tag_ not in _RELATIVE):
        # part of another claim ("it is clear that she wants …") or a description of something
        # else ("the land where they planned to …"): not an attitude the text reports for itself
        return None
    if not own and not (verb.dep_ == "conj" and verb.tag_ in _FINITE):
        return None  # a participle's or infinitive's holder is guessed ("those wanting to …", "assuming that …")
    if subject is None or subject.dep_ == "expl" or quotes.inside(subject.idx):
        return None
    if subject.tag_ in _RELATIVE:
        clause = next((a for a in verb.ancestors if a.dep_ == "relcl"), verb if verb.dep_ == "relcl" else None)
        if clause is None or clause.head.pos_ not in {"NOUN", "PROPN"}:
            return None
        noun = clause.head
        first = noun.left_edge
        return (first.idx, noun.idx + len(noun)), noun
    return source_range(subject, verb, quotes), subject


def _speech_word(token: Token) -> bool:
    """Whether the token is a speech verb, or a speech noun ("statement", or one sharing a speech
    verb's lemma: "claim")."""
    lex = cue_lexicon()
    lemma = token.lemma_.lower()
    return (token.pos_ == "VERB" and lex.lemma(token) in lex.verbs) or (
        token.pos_ == "NOUN" and (lemma in lex.nouns or lemma in lex.verbs))


def _reports_speech(verb: Token, clause: Token) -> bool:
    """Whether a report of speech holds the attitude or lies in its clause: a speech word with a
    clause of its own in the clause ("refused to explain how …", "… aside from saying he wants …"),
    or one whose clause the verb stands in ("the claim that she refused to …"). The report is the
    attribution that counts, and speech wins."""
    child = verb
    for ancestor in verb.ancestors:
        if child.dep_ in _CLAUSES and _speech_word(ancestor):
            return True
        child = ancestor
    return any(_speech_word(t) and any(c.dep_ in _CLAUSES for c in t.children) for t in clause.subtree)


def _held(taken: Intervals, claimed: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start``..``end`` overlaps a statement found before (``taken``: the extractor's;
    ``claimed``: the few attitudes found so far)."""
    return taken.overlaps(start, end) or any(a < end and start < b for a, b in claimed)


def with_attitudes(doc: Doc, statements: Sequence[Statement], resolver: Resolver, quotes: QuoteIndex,
                   sections: Sequence[Section]) -> list[Statement]:
    """``statements`` (what an extractor found) with the attitude statements of ``doc`` added, in
    text order and numbered ``s1``, … again; each attitude's source is resolved through the
    extractor's ``resolver``, which remembers it for later pronouns as for any statement."""
    by_lemma, by_form = _word_ids()
    ids, pos = lexeme_ids(doc), token_attributes(doc)["pos"]
    kinds = {i: by_lemma.get(lemma) or by_form[lower] for i, (lemma, lower) in enumerate(zip(ids["lemma"], ids["lower"]))
             if (lemma in by_lemma or lower in by_form) and pos[i] == "VERB"}
    if not kinds:
        return list(statements)
    text = doc_text(doc)
    skip = [s.span for s in sections if s.kind in _SKIPPED_SECTIONS or s.kind == "turn"]
    taken = Intervals((span.start, span.end) for s in statements
                      for span in [*s.content, *(x for x in (s.cue, s.source) if x is not None)])
    quoted = Intervals((q.start, q.end) for q in quotes.quotes)
    found: list[Statement] = []
    claimed: list[tuple[int, int]] = []  # the contents and sources of the attitudes found so far
    for i, (clause_kind, object_kind) in kinds.items():
        verb = doc[i]
        if (quoted.overlaps(verb.idx, verb.idx + len(verb)) or _held(taken, claimed, verb.idx, verb.idx + len(verb))
                or any(s.start <= verb.idx < s.end for s in skip) or _posed(verb)):
            continue
        complement = _complement(verb, clause_kind) if clause_kind is not None else None
        clause, first = complement if complement is not None else (None, None)
        kind = clause_kind
        if clause is None and object_kind is not None:
            clause, kind = _object(verb), object_kind
            if clause is not None and verb.lemma_.lower() in act_object_verbs() and not stance_lexicon().is_act(clause):
                continue
            first = clause.left_edge if clause is not None else None
        # a clause reaching left of the verb is a relative ("what many expect to be …"), not content
        source = _source(verb, quotes) if clause is not None and first.i > verb.i else None
        if source is None:
            continue
        (source_start, source_end), head = source
        if {w.lower() for w in text[source_start:source_end].split()} <= _LISTENER:
            continue
        start, end = trim(text, first.idx, clause.right_edge.idx + len(clause.right_edge), quotes)
        if (first.lower_ in _QUESTION_WORDS or _reports_speech(verb, clause)
                or len(text[start:end].split()) < _FEWEST_WORDS or _held(taken, claimed, start, end) or quoted.covers(start, end)
                or _held(taken, claimed, source_start, source_end)):
            continue
        speaker, sure = resolver.resolve((source_start, source_end), head.i)
        resolver.remember((source_start, source_end), speaker)
        found.append(Statement(
            id="", kind=statement_kind(text, [(start, end)], quotes), content=[Span.of(text, start, end)],
            speaker=speaker, cue=Span.of(text, verb.idx, verb.idx + len(verb)),
            source=Span.of(text, source_start, source_end), confidence=round(min(CONFIDENCE, sure), 2),
            attribution=kind,
        ))
        claimed += [(start, end), (source_start, source_end)]
    ordered = sorted([*statements, *found], key=lambda s: (s.content[0].start, s.content[0].end))
    return [attrs.evolve(s, id=f"s{number}") for number, s in enumerate(ordered, 1)]

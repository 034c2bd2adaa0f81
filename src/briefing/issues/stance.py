"""The stance a sentence takes toward an issue it mentions, read off the dependency parse.

From the mention upwards to what reports it, each word on the way that supports, opposes, worries
about or negates what lies below it is applied in turn, the nearest first: "no mass deportations"
(oppose), "the need for dialogue" (support), "a concern over deportations" (concern), "against the
dangers of illegal migration" (oppose), "the importance of stopping drug networks" (oppose: support
of stopping), "did not reject the plan" (support). A coordinated word does not govern its sibling
("securing the border and supporting Central America"), and a verb does not govern its adjuncts.
A relative clause's stance is its subject's ("a group that wants to ..."), a fronted "without"
is a condition, and an act named by what it is about ("a review of the fees") is no stand on that.
A verb of naming lends what it calls its object ("called the vote a mistake"), an agent or act doing
harm is faulted ("mishandled the audit"), and "no" does not reach what its noun comes from.
Saying critics exaggerate something defends it, "too high" is a harm, an "if" clause with a harmful
consequence is opposed, and a side announcing an act ("the country would withdraw from ...") stands
for it. A relative clause saying its head does harm judges the head ("a mood against trade that
risks ..."), a noun of expression lends its attitude ("an expression of frustration with ..."), a
verbless concession says what its subject is ("while an important step, it is not ..."), and a
naming in a free relative ("denounced what she called ...") is the speaker's to take up. An idiom
("push back on", "fight for", "take issue with", "critical of") decides instead of its head. An
attitude a person named in the statement holds is theirs, not the speaker's: as a light verb's
object ("Bell has respect for ...") or a noun they own ("Bell's plan for ..."). A stance word in a
proper name ("the Tax Policy Center") is part of the name. A verb of growth said of its subject
alone ("output will expand") reports a change, an embedded question ("asked who approved the deal")
takes no stand, and "it" is the side announcing an act when a verb above has the side as its subject
("the country ... suggested that it would withdraw"). An act is judged by what it does ("the
program saves lives", "the tariffs have failed"), a verb of liking judges only what is liked, and a
clause as subject, also after "it" ("it would be a mistake to reopen"), by its predicate. Every word
applied is kept as evidence. The words are data (``data/stances.json``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import attrs
from attrs import frozen

from ..participants.lexicon import lexicon
from .words import Word, as_words

if TYPE_CHECKING:
    from spacy.tokens import Token  # the public functions also take spaCy tokens

__all__ = ["Judgement", "StanceLexicon", "Step", "framed", "judge", "stance_lexicon", "walk"]

# Prepositions that attach adjuncts to a verb (its manner, means, time or place), not its object.
_ADJUNCT_PREPOSITIONS = {"by", "through", "in", "at", "with", "after", "before", "during", "since", "despite", "via",
                         "into", "as", "from", "because", "while", "upon", "under", "within", "amid", "throughout"}
# Prepositions of when and where a reporting verb's act took place ("criticized it during a visit to
# Oslo"): what they name is not what the verb reports.
_SETTING_PREPOSITIONS = {"during", "after", "before", "since", "at", "amid", "throughout", "while", "upon"}
_ADJUNCT_RELATIONS = {"advcl", "advmod", "npadvmod", "mark", "cc", "punct", "parataxis", "aux", "auxpass", "det"}
_NOMINAL_RELATIONS = {"dobj", "pobj", "prep", "attr", "dative", "oprd", "nsubjpass", "appos", "acomp"}
_PLURAL_SUBJECTS = {"we", "they", "both", "all"}
_AGENTS = {"PERSON", "ORG", "GPE", "NORP"}
# Prepositions naming who holds an attitude a noun names ("praise from Oslo", "criticism by the mayor").
_HOLDERS = {"from", "by"}
# Prepositions whose object is what the verb before them acts on ("withdraw from", "break with").
_PARTING = {"from", "with", "of"}
# Dependencies of the words after a head that make an idiom with it ("push back", "fight for", "take issue").
_IDIOM_PARTS = {"prt", "prep", "dobj", "advmod"}
# Conjunctions of a concession ("while certainly important, it is not ...").
_CONCESSIVE = {"while", "though", "although", "albeit"}
# Tags of a verb saying what has happened or happens (past, present, participle).
_DONE_TAGS = {"VBD", "VBZ", "VBP", "VBN"}
# Relations of what a verb does something to, or says its subject is.
_OBJECTS = {"dobj", "dative", "attr", "acomp", "oprd", "xcomp", "ccomp"}
# What opens an embedded question: its subject ("asked who approved the deal") or "whether".
_ASKING_SUBJECTS = {"who", "whom", "which"}
#: How many (lexeme, lemma) answers :meth:`StanceLexicon.kind` keeps before it starts over.
_KINDS_KEPT = 50_000
# The kinds of stance word, in the order :meth:`StanceLexicon.kind` tries them.
_KINDS = ("negation", "advocacy", "oppose", "harm", "concern", "support", "misrepresent")
# The kinds of word that hold an attitude toward what they govern ("respect", "doubts", "a plan").
_ATTITUDES = {"support", "advocacy", "oppose", "concern"}


@frozen
class StanceLexicon:
    support: frozenset[str]
    advocacy: frozenset[str]
    oppose: frozenset[str]
    harm: frozenset[str]
    concern: frozenset[str]
    negation: frozenset[str]
    agreement: frozenset[str]
    cues: dict[str, frozenset[str]]
    framing_cues: frozenset[str]
    naming: frozenset[str] = frozenset()  # "called the plan a mistake": only what it calls the object judges it
    agents: frozenset[str] = frozenset()  # "a supporter of": who holds a stance
    object_cues: dict[str, frozenset[str]] = attrs.Factory(dict)  # "wants lower fees" → support
    problem: frozenset[str] = frozenset()
    generic: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    acts: frozenset[str] = frozenset()
    misrepresent: frozenset[str] = frozenset()
    verdicts: frozenset[str] = frozenset()  # harm that judges worth: "is a mistake" opposes anything not a problem
    outcomes: dict[str, str] = attrs.Factory(dict)  # "the program saves lives" → support of its doer
    framing_nouns: frozenset[str] = frozenset()
    prepositions: frozenset[str] = frozenset()  # "with respect to": no respect in it
    discourse: frozenset[str] = frozenset()  # "I want to thank": speaking announced, no stand
    only_as: dict[str, frozenset[str]] = attrs.Factory(dict)  # "stop" as a verb: a campaign stop is none
    idioms: dict[str, str] = attrs.Factory(dict)  # "push back" → oppose
    changing: frozenset[str] = frozenset()  # "output will expand": a change, not a stand
    enacting: frozenset[str] = frozenset()  # "to pass the bill": a stand; "passed the bill": news
    liking: frozenset[str] = frozenset()  # "likes the deal"; "I'd like to begin": a manner of speaking
    feasibility: frozenset[str] = frozenset()  # "it is impossible to send the files": no verdict
    asking: frozenset[str] = frozenset()  # "asked if it works": "if" asks
    sides: frozenset[str] = frozenset()  # "the country would withdraw": the side announcing an act
    occupied: dict[str, frozenset[str]] = attrs.Factory(dict)  # "failed in the Senate": busy, not failing
    idiom_heads: frozenset[str] = frozenset()  # their first words, to look no further for others
    _kinds: dict[tuple[int, int], tuple[str | None, bool]] = attrs.field(factory=dict, init=False, eq=False, repr=False)
    _kinds_by_word: dict[str, str] = attrs.field(factory=dict, init=False, eq=False, repr=False)

    def is_problem(self, token: Word) -> bool:
        """Whether the word names a problem in itself (terrorists, a virus) or calls its head one
        ("illegal migration")."""
        return token.lemma_.lower() in self.problem or token.lower_ in self.problem or (
            token.dep_ == "amod" and self.kind(token) == "harm"
        )

    def is_act(self, token: Word) -> bool:
        """Whether the word names something agents do or decide (a plan, a veto, taxes); a plural
        is also read off its form, since the lemmatizer mistakes some ("taxes" as "taxis")."""
        word = token.lower_
        return token.lemma_.lower() in self.acts or (token.tag_ in {"NNS", "NNPS"} and (
            word[:-1] in self.acts or (word.endswith("es") and word[:-2] in self.acts)))

    def kind(self, token: Word) -> str | None:
        """What the word does to a stance below it: ``support``, ``advocacy``, ``oppose``, ``harm``,
        ``concern``, ``negation``, ``misrepresent``, or ``None``; an idiom the word heads decides
        instead ("push back on", "fight for", "take issue with"); a word of a proper name ("the Tax
        Policy Center") has none but negation. The word's own kind, and whether it
        can head an idiom, are kept per lexeme and lemma (the parse asks again and again about the
        same words), up to :data:`_KINDS_KEPT` pairs, so memory stays bounded over any stream."""
        key = (token.lower, token.lemma)
        try:
            found, heads = self._kinds[key]
        except KeyError:
            words, forms = self._words(), (token.lower_, token.lemma_.lower())
            found = words.get(forms[0]) or words.get(forms[1])
            heads = not self.idiom_heads.isdisjoint(forms)
            if len(self._kinds) >= _KINDS_KEPT:
                self._kinds.clear()
            self._kinds[key] = (found, heads)
        if heads and (idiom := self.idiom_kind(token)) is not None:
            return idiom
        if found != "negation" and token.pos_ == "PROPN" and token.ent_type_:
            return None  # part of a name ("the Tax Policy Center", "Ban Ki-moon"), not a word of stance
        if found is not None and token.dep_ == "pobj" and self._within_preposition(token):
            return None  # "with respect to Norway"
        if found is not None and token.pos_ not in self.only_as.get(token.lemma_.lower(), (token.pos_,)):
            return None  # "a campaign stop", "came back", "right now": another word
        return found

    def _within_preposition(self, token: Word) -> bool:
        """Whether the noun is the middle of a preposition of several words ("with respect to")."""
        return any(f"{token.head.lower_} {token.lower_} {c.lower_}" in self.prepositions
                   for c in token.children if c.dep_ == "prep")

    def _words(self) -> dict[str, str]:
        """Each stance word's kind, the first of :data:`_KINDS` that lists it; built on first use."""
        if not self._kinds_by_word:
            for kind in reversed(_KINDS):
                self._kinds_by_word.update(dict.fromkeys(getattr(self, kind), kind))
        return self._kinds_by_word

    def idiom_kind(self, token: Word) -> str | None:
        """The stance of the idiom ``token`` heads with a particle, preposition or object after it."""
        return next((self.idioms[key] for c in token.children if c.i > token.i and c.dep_ in _IDIOM_PARTS
                     and (key := self.idiom_with(token, c)) is not None), None)

    def idiom_with(self, head: Word, part: Word) -> str | None:
        """The idiom ``head`` makes with ``part`` ("frustrated" or "frustrate", with "with"), if any,
        or with a particle or object before ``part`` ("speak up for", "take aim at"). An object with
        its own "of" is another phrase ("make sense of" is to understand)."""
        if part.dep_ == "dobj" and any(c.dep_ == "prep" and c.lower_ == "of" for c in part.children):
            return None
        for word in {head.lemma_.lower(), head.lower_} & self.idiom_heads:
            if (key := f"{word} {part.lower_}") in self.idioms:
                return key
            for particle in head.children:
                if particle.dep_ in {"prt", "dobj"} and particle.i < part.i \
                        and (key := f"{word} {particle.lower_} {part.lower_}") in self.idioms:
                    return key
        return None

    def manner_kind(self, token: Word) -> str | None:
        """``harm`` for an adverb of a harmful manner, made from a harm adjective ("illegally",
        "recklessly"): it faults the act it modifies."""
        word = token.lower_
        if token.pos_ == "ADV" and word.endswith("ly") and word[:-2] in self.harm:
            return "harm"
        return None

    def outcome_kind(self, verb: Word, child: Word) -> str | None:
        """What a verb of outcome says of its doer ``child`` (its subject, or the "by" of its passive):
        "the program saves lives" and "the plan works" support it, "the tariffs have failed" and "lives
        were ruined by the levy" are harm it does. The doer is an act (:meth:`is_act`): people doing
        it ("she helped", "killed by police") are reported, not judged, and what it does to its object
        is no stand on that ("hurt farmers"). Done to a person, a group or a problem, it is partisan
        or welcome ("the early vote helps Ames", "will not destroy the cartel"), not a verdict on
        the act. A vote that fails ("failed in the Senate", "failed to pass") and work on something
        ("working on a plan", "working to end it") say nothing of their subject's worth."""
        lemma = verb.lemma_.lower()
        kind = self.outcomes.get(lemma)
        if kind is None or verb.pos_ != "VERB":
            return None
        if child.dep_ == "agent":
            child = next((c for c in child.children if c.dep_ == "pobj"), child)
        elif child.dep_ != "nsubj":
            return None
        # what it is done to: its object, or the subject of a clause after it ("help him win")
        done_to = [o for c in verb.children if c.dep_ in {"dobj", "dative", "nsubjpass", "xcomp", "ccomp"}
                   for o in (c, *(d for d in c.children if d.dep_ == "nsubj" and c.dep_ != "dobj"))]
        if not self.is_act(child) or any(o.pos_ in {"PRON", "PROPN"} or o.ent_type_ in _AGENTS or self.is_problem(o)
                                         for o in done_to):
            return None
        if lemma in self.occupied and any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ in self.occupied[lemma])
                                      for c in verb.children):
            return None
        return kind

    def reports(self, lemma: str, *, attitudes: bool = False) -> bool:
        """Whether the verb ``lemma`` reports, frames or names what it governs (a cue, a framing cue,
        a verb of naming), or with ``attitudes`` also lends its stance to a noun-phrase object."""
        cues = [*self.cues.values(), *(self.object_cues.values() if attitudes else ())]
        return lemma in self.framing_cues or lemma in self.naming or any(lemma in words for words in cues)

    def cue_kind(self, cue: Word, *, nominal: bool = False) -> str | None:
        """The stance a reporting verb lends to what it reports, an attitude verb to what it reports
        as a ``nominal`` object ("wants lower fees"); a framing verb ("expressed", "voiced") lends
        that of its object noun ("expressed concerns", "voiced support"); an idiom the verb heads
        decides instead ("called for a review": support, where "called the plan bold" is a naming)."""
        if cue.lemma_.lower() in self.idiom_heads and (idiom := self.idiom_kind(cue)) is not None:
            return idiom
        lemma = cue.lemma_.lower()
        for kind, words in [*self.cues.items(), *(self.object_cues.items() if nominal else ())]:
            if lemma in words or cue.lower_ in words:
                return kind
        if lemma in self.framing_cues:
            for child in cue.children:
                if child.dep_ == "dobj" and self.kind(child) in {"support", "oppose", "harm", "concern", "advocacy"}:
                    return self.kind(child)
        return None


def framed(term: Sequence[Token | Word]) -> list[Word]:
    """The issue as the speaker frames it: a noun phrase acted on by a verb of action is that
    action ("cut taxes", "the videos should be released"), whose stance is read from the words
    above the verb; a problem (terrorists), or the object of a light verb or a stance cue
    ("have taxes", "rejected the plan") stays itself."""
    lex, term = stance_lexicon(), as_words(term)
    root = _root(term)
    verb = root.head
    prep = None
    if root.dep_ == "pobj" and verb.lower_ in _PARTING and verb.head.pos_ == "VERB" and verb.i == verb.head.i + 1 \
            and verb.head.lemma_.lower() not in lex.agreement and not any(c.dep_ == "dobj" for c in verb.head.children):
        prep, verb = verb, verb.head  # "withdraw from the market", "break with the union": the verb's own object
    elif root.dep_ not in {"dobj", "nsubjpass"}:
        return list(term)
    if verb.pos_ != "VERB" or _problem(term, root, lex) is not None:
        return list(term)
    lemma = verb.lemma_.lower()
    if lex.reports(lemma, attitudes=True) or lemma in lex.light_verbs or lex.kind(verb) in {"support", "advocacy", "concern", "harm", "negation", "misrepresent"}:
        return list(term)
    return sorted({verb, *([prep] if prep is not None else []), *term}, key=lambda t: t.i)


@cache
def stance_lexicon() -> StanceLexicon:
    data = json.loads(resources.files("briefing").joinpath("data/stances.json").read_text("utf-8"))
    return StanceLexicon(
        **{key: frozenset(data[key]) for key in (
            "support", "advocacy", "oppose", "harm", "concern", "negation", "agreement", "problem", "generic",
            "light_verbs", "acts", "misrepresent", "framing_nouns", "prepositions", "discourse", "verdicts", "changing",
            "enacting", "liking", "feasibility", "asking", "sides")},
        occupied={verb: frozenset(prepositions) for verb, prepositions in data["occupied"].items()},
        outcomes={word: kind for kind, words in data["outcomes"].items() for word in words},
        cues={kind: frozenset(words) for kind, words in data["cues"].items()},
        framing_cues=frozenset(data["framing_cues"]),
        naming=frozenset(data["naming"]),
        agents=frozenset(data["agents"]),
        object_cues={kind: frozenset(words) for kind, words in data["object_cues"].items()},
        only_as={word: frozenset(tags) for word, tags in data["only_as"].items()},
        idioms={phrase: kind for kind, phrases in data["idioms"].items() for phrase in phrases},
        idiom_heads=frozenset(phrase.split()[0] for phrases in data["idioms"].values() for phrase in phrases),
    )


@frozen
class Judgement:
    """A stance, the tokens that decided it, and, when it was reported as agreed by several
    ("the officials agreed that ..."), the agreeing verb."""

    stance: str
    evidence: tuple[Word, ...] = ()
    agreed: Word | None = None


class _Composer:
    """Applies stance words one after another, nearest to the issue first. Acting against what is
    opposed supports it ("rejected the cut"); a problem named as a threat is a concern, and acting
    against it stays one ("against the dangers of ..."); a concern does not turn advocacy
    ("concerns: ... the need for dialogue"); saying others misrepresent something defends it
    ("they exaggerate the agency's reach"); a verdict on worth ("is a mistake") opposes anything
    not a problem, other harm only an act. A negation turns a stance around; one with no stance
    below it opposes only the mention itself ("no mass deportations"): "did not say when the
    plan starts" takes no stance on the plan."""

    def __init__(self) -> None:
        self.stance: str | None = None
        self.advocated = False
        self.harmful = False
        self.act = False  # the issue is something done (a plan, a veto): calling it harmful opposes it
        self.negated = False
        self.evidence: list[Word] = []

    def reset(self) -> None:
        """Forget the stance so far (it was someone else's); what the issue is stays."""
        self.stance, self.advocated, self.negated, self.evidence = None, False, False, []

    def apply(self, kind: str | None, token: Word, *, on_mention: bool = False) -> None:
        if kind is None:
            return
        before = self.stance
        if kind == "negation":
            self.negated = True
            if self.stance is None and not on_mention:
                return
            self.stance = {None: "oppose", "support": "oppose", "oppose": "support", "concern": None}[self.stance]
            self.harmful = False
        elif (kind in {"harm", "verdict"} and self.act) or (kind == "verdict" and not self.harmful):
            self.stance, self.harmful = "oppose", True  # "the tax is a mistake", "the wall is a waste of money"
        elif kind in {"harm", "verdict"}:
            self.stance, self.harmful = ("concern", True) if before in {None, "oppose", "concern"} else ("oppose", self.harmful)
        elif kind == "oppose":
            if self.harmful:
                self.stance = "oppose" if self.act else "concern"
            else:
                self.stance = "support" if before == "oppose" else "oppose"
        elif kind in {"support", "advocacy"}:
            self.stance = self.stance or "support"
            self.advocated = self.advocated or (kind == "advocacy" and self.stance == "support")
        elif kind == "concern" and (self.stance is None or (self.stance == "support" and not self.advocated)):
            self.stance = "concern"
        elif kind == "misrepresent" and self.stance is None:
            # "critics exaggerate the agency's reach": the speaker defends it; a problem said to be
            # exaggerated ("they exaggerate the level of crime") is not raised by the speaker
            self.stance, self.negated = (None, True) if self.harmful else ("support", self.negated)
        agrees = {"support": "support", "advocacy": "support", "misrepresent": "support", "oppose": "oppose", "harm": "concern",
                  "verdict": "oppose", "concern": "concern"}
        if self.stance != before or agrees.get(kind) == self.stance or (self.harmful and kind == "oppose"):
            self.evidence.append(token)

    def judgement(self, agreed: Word | None = None) -> Judgement:
        return Judgement(self.stance or "neutral", tuple(sorted(self.evidence, key=lambda t: t.i)), agreed)


def _negations(token: Word, lex: StanceLexicon, came_from: Word | None, term: Sequence[Word]) -> list[Word]:
    """The words that negate ``token`` ("no", "not", "never", "no longer"; "no" or "little" on an
    idiom's object: "makes no sense"), "not only ... but also" aside; a condition denies nothing
    ("if it does not have the means to threaten its neighbours yet, it will": the threat stands)."""
    if any(c.dep_ == "mark" and c.lower_ == "if" for c in token.children):
        return []
    found = [
        c for c in token.children
        if c.dep_ in {"neg", "det", "advmod"} and lex.kind(c) == "negation"
        and (came_from is None or c.i != came_from.i) and c not in term
        and not (c.i + 1 < len(c.words) and c.nbor(1).lower_ in {"only", "just", "merely"})
    ]
    for c in token.children:
        if c.dep_ == "advmod" and c.lower_ == "longer":  # "no longer supports"
            found += [d for d in c.children if d.lower_ == "no"]
        elif c.dep_ == "dobj" and lex.idiom_with(token, c) is not None:  # "makes no sense", "took little issue with"
            found += [d for d in c.children if (d.dep_ == "det" and lex.kind(d) == "negation")
                      or (d.dep_ == "amod" and d.lower_ == "little" and d.nbor(-1).lower_ != "a")]
    return found


def _denied_by_subject(node: Word, lex: StanceLexicon) -> Word | None:
    """The word that denies ``node`` through its subject: "nobody wants the levy", "no one should
    worry about it" (a verb whose doer is no one is not done)."""
    for subject in (c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}):
        if lex.kind(subject) == "negation":
            return subject
        if (no := next((c for c in subject.children if c.dep_ == "det" and lex.kind(c) == "negation"), None)) is not None:
            return no
    return None


def _opposed_twice(kind: str | None, child: Word) -> bool:
    """Whether an opposing word is over its own "against" ("protested against", "the fight against
    the levy"): one opposition said twice, not an opposition opposed."""
    return kind == "oppose" and child.lower_ == "against"


def _harm_against(node: Word, lex: StanceLexicon) -> bool:
    """Whether ``node`` is "against" naming whom a problem harms ("attacks against asylum homes",
    "violence against refugees"): the target of the harm, not the speaker's stand against it."""
    return node.dep_ == "prep" and node.lower_ == "against" and node.head.pos_ == "NOUN" and lex.is_problem(node.head)


def _governs(node: Word, child: Word, lex: StanceLexicon) -> bool:
    """Whether ``node``'s own stance word applies to ``child`` below it. A light verb has no action
    for a preposition to place: "have their day in court" is about the court. A preposition that makes
    an idiom with the node is its object's ("disagree with"); one naming who holds the attitude a noun
    names is not ("criticism from the mayor"). A verb of liking judges only its object. A wish or
    need to speak ("I want to thank", "we need to talk about") announces what is said, and takes no
    stand on it."""
    relation = child.dep_
    if relation == "conj" or relation in _ADJUNCT_RELATIONS:
        return False
    if node.lemma_.lower() in lex.liking and relation != "dobj":
        return False  # "I'd like to begin by announcing": no stand on what is announced
    if relation == "xcomp" and child.lemma_.lower() in lex.discourse:
        return False
    if lex.idiom_with(node, child) is not None:
        return True  # "disagrees with the plan": no adjunct, the idiom's object
    if relation == "prep" and child.lower_ in _HOLDERS and node.pos_ == "NOUN" and \
            lex.kind(node) in {"support", "oppose", "concern"}:
        return False  # "praise from Putin": the praise is Putin's, not for him
    return not (relation == "prep" and node.pos_ in {"VERB", "AUX"} and child.lower_ in _ADJUNCT_PREPOSITIONS
                and node.lemma_.lower() not in lex.light_verbs)


def _plural(subject: Word) -> bool:
    return subject.tag_ in {"NNS", "NNPS"} or subject.lower_ in _PLURAL_SUBJECTS or any(
        c.dep_ == "conj" for c in subject.children
    )


def _modals(verb: Word, lex: StanceLexicon, composer: _Composer) -> None:
    """A modal of advocacy on a verb ("should be released", "must go") supports what it does."""
    for child in verb.children:
        if child.dep_ == "aux" and lex.kind(child) == "advocacy":
            composer.apply("advocacy", child)


def _judging(node: Word, relations: set[str], lex: StanceLexicon, kinds: set[str] | None = None) -> Word | None:
    """The first stance word among ``node``'s children in ``relations``, their adjectives and an
    adverb of excess on them ("too high", "determines too much")."""
    for predicate in (c for c in node.children if c.dep_ in relations):
        for word in (predicate, *(c for c in predicate.children if c.dep_ == "amod" or (c.dep_ == "advmod" and c.lower_ == "too"))):
            if lex.kind(word) is not None and (kinds is None or lex.kind(word) in kinds):
                return word
    return None


def _naming(verb: Word, lex: StanceLexicon) -> bool:
    """Whether ``verb`` names its direct object ("called the plan bold", "branded the levy a tax"),
    rather than heading an idiom ("called for a review") or reporting."""
    return verb.lemma_.lower() in lex.naming and lex.idiom_kind(verb) is None \
        and any(c.dep_ in {"dobj", "oprd"} for c in verb.children)


def _predicate(node: Word, child: Word, lex: StanceLexicon) -> Word | None:
    """The word that says what ``child`` is: for the subject of a copula its predicate ("the
    guidelines remain the cornerstone", "the virus is dangerous", "raising taxes would be a mistake",
    "it would be a mistake to raise taxes"); for the object of a verb of naming what it is called
    ("called the vote a mistake"); for the doer of a verb with no stance of its own, the good or
    harm it does ("displayed disregard", "brings progress"), the harm it leaves things in ("made
    things worse", "put schools at risk") or its excess ("goes too far")."""
    if child.dep_ not in {"nsubj", "nsubjpass", "csubj"} and not _extraposed(node, child, lex):
        if node.pos_ != "VERB":  # "sentiment against trade that risks ...": the sentiment does harm
            return _harmful_clause(node, lex, child) or _expressed(node, child, lex)
        return _judging(node, {"oprd"}, lex) if child.dep_ != "oprd" else None
    found = _judging(node, {"attr", "acomp", "oprd"}, lex)
    if found is None and child.dep_ == "nsubj" and node.pos_ == "VERB" and lex.kind(node) is None:
        verbs = [node, *(c for c in node.children if c.dep_ == "conj" and c.pos_ == "VERB")]  # "breaks ... and brings"
        objects = [c for v in verbs for c in v.children if c.dep_ == "dobj"] or \
            [c for p in node.children if p.dep_ == "prep" and p.i == node.i + 1 for c in p.children if c.dep_ == "pobj"]  # "result in"
        # an act named as the object is what is done to, not good done ("would not affect his policy");
        # what it is called still counts ("result in retaliatory measures")
        found = next((w for o in objects if (w := _judging(o.head, {o.dep_}, lex, {"harm", "support"}))
                      and not (w.i == o.i and lex.is_act(o))), None)
        # or the state it leaves things in ("made things worse", "put schools at risk", "left them in danger")
        states = [c for c in node.children if c.dep_ in {"ccomp", "oprd"} and c.pos_ == "ADJ"] + \
            [c for o in (node, *objects) for p in o.children if p.dep_ == "prep" and p.lower_ in {"at", "in", "into"}
             for c in p.children if c.dep_ == "pobj"]
        found = found or next((c for c in states if lex.kind(c) == "harm"), None)
        # or an excess in how it does it ("goes too far", "spends too much"; "it rose, too" is "also")
        found = found or next((t for c in node.children if c.dep_ in {"advmod", "dobj"}
                               for t in c.children if t.dep_ == "advmod" and t.lower_ == "too"), None)
    return found


def _verdict(predicate: Word, lex: StanceLexicon) -> str | None:
    """The kind of a word said of the mention as its predicate or name: a harm that judges worth
    ("is a waste of money", "called it a mistake") is a ``verdict``, which opposes anything not a
    problem; the same word heading what it judges ("a disgrace that workers live in poverty") or a
    verb ("no one will mistake it for ...") is plain harm."""
    kind = lex.kind(predicate)
    if kind == "harm" and predicate.pos_ != "VERB" and predicate.lemma_.lower() in lex.verdicts:
        return "verdict"
    return kind


def _extraposed(node: Word, child: Word, lex: StanceLexicon) -> bool:
    """Whether ``child`` is an act put after its copula, with "it" holding its place ("it would be
    a mistake to reopen the port", "it is important to keep it open"): the act is the subject. A
    fact so put ("it is good that the port is open") is judged, not an act argued for, and how
    feasible an act is ("it is impossible to send the files") is no verdict on it."""
    return child.dep_ == "xcomp" and node.lemma_.lower() == "be" \
        and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in node.children) \
        and not any(c.dep_ == "acomp" and c.lemma_.lower() in lex.feasibility for c in node.children)


def _harmful_clause(noun: Word, lex: StanceLexicon, came_from: Word | None = None) -> Word | None:
    """The harm word of a relative clause on ``noun`` whose subject is its relative pronoun ("a mood
    that risks undermining trade", "a rule which is dangerous"): the clause says the noun does harm,
    as a predicate does; a clause the walk came up through is not one that judges the noun."""
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    for clause in (c for c in noun.children if c.dep_ == "relcl" and (came_from is None or c.i != came_from.i)):
        if any(c.dep_ == "nsubj" and c.tag_ in {"WDT", "WP"} for c in clause.children):
            found = clause if lex.kind(clause) == "harm" else _judging(clause, {"dobj", "acomp", "attr"}, lex, {"harm"})
            if found is not None and found.lower_ != "too":  # "people who earn too much to qualify": a measure
                return found
    return None


def _expressed(node: Word, child: Word, lex: StanceLexicon) -> Word | None:
    """The attitude a noun of expression voices about what its preposition names ("an expression of
    frustration with the plan", "a show of support for the bill"), as a framing verb lends that of
    its object ("expressed frustration with")."""
    if child.dep_ != "prep" or child.lower_ == "of" or node.lemma_.lower() not in lex.framing_nouns:
        return None
    attitudes = (p for c in node.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj")
    return next((p for p in attitudes if lex.kind(p) in {"support", "oppose", "concern"}), None)


def _concession(node: Word, child: Word, lex: StanceLexicon) -> Word | None:
    """The stance word of a verbless concessive clause on the verb of ``child``, its subject ("the
    plan, while certainly an important step, is not ..."): it says what the subject is, whatever
    the main clause denies."""
    if child.dep_ != "nsubj":
        return None
    for clause in (c for c in node.children if c.dep_ == "advcl" and c.pos_ in {"NOUN", "PROPN", "ADJ"}):
        if any(m.dep_ == "mark" and m.lower_ in _CONCESSIVE for m in clause.children):
            words = (clause, *(a for a in clause.children if a.dep_ == "amod"))
            return next((w for w in words if lex.kind(w) is not None), None)
    return None


def _doer(node: Word, child: Word, word: Word, lex: StanceLexicon) -> bool:
    """Whether ``child`` is an agent or an act doing what is judged harmful ("the agency mishandled
    the case", "the regime displayed disregard"): the doer is faulted, as an act called harmful is
    ("the storm caused damage" stays a concern)."""
    copula = node.lemma_.lower() in lex.light_verbs and any(c.dep_ in {"attr", "acomp"} for c in node.children)
    agent = child.ent_type_ in _AGENTS or lex.is_act(child)
    return child.dep_ == "nsubj" and agent and node.pos_ == "VERB" and not copula and lex.kind(word) == "harm"


def _about(node: Word, child: Word, lex: StanceLexicon) -> bool:
    """Whether ``node`` is an act named by what it is about ("her policy toward Norway", "a review
    of the fees"): a stand on the act is none on that, unless the act itself opposes it ("the
    repeal of the tax"). A plan to do something ("the plan to cut taxes", "the fisheries plan") is
    not named by a preposition."""
    if child.dep_ != "prep" or node.pos_ != "NOUN" or not lex.is_act(node):
        return False
    doing = any(c.pos_ == "VERB" for c in child.children)  # "the decision of closing the port" is that doing
    return not doing and lex.kind(node) in {None, "support", "advocacy"}


def _someone_elses(node: Word, lex: StanceLexicon, within: tuple[int, int] | None = None) -> bool:
    """Whether ``node`` is a word of attitude (a cue or stance word: "wants", "rejects", "praised",
    or a light verb with one as its object: "has respect for") whose subject is a person or group named in
    the statement: the attitude is theirs, reported, not the speaker's. Agreeing is left to
    :func:`judge` (those who agree hold the stance). A naming in a free relative ("denounced what
    Hale called reckless launches") is not: it only quotes the words for what the statement is
    about, which the speaker takes up. An adjective of attitude is its copula's subject's ("Bell is
    critical of", "the Republicans were not pleased with")."""
    if node.pos_ == "ADJ" and node.dep_ == "acomp":
        return lex.kind(node) in _ATTITUDES and _named_in(node.head, "nsubj", within)
    if node.pos_ != "VERB":
        return False
    lemma = node.lemma_.lower()
    if any(c.dep_ == "dobj" and c.tag_ == "WP" for c in node.children):
        return False
    cue = lex.reports(lemma)
    held = lemma in lex.light_verbs and any(c.dep_ == "dobj" and lex.kind(c) in _ATTITUDES for c in node.children)
    attitude = cue or held or lex.kind(node) is not None
    return attitude and lemma not in lex.agreement and _named_in(node, "nsubj", within)


def _held_by_others(node: Word, lex: StanceLexicon) -> bool:
    """Whether ``node`` is a noun of those who hold a stance ("supporters", "critics") that is not
    said of a subject ("she is a supporter of the levy", "Ortiz, a critic of it"): its referents hold
    the stance ("supporters of the levy rallied")."""
    return node.lemma_.lower() in lex.agents and node.dep_ not in {"attr", "appos", "oprd"}


def _named_in(node: Word, relation: str, within: tuple[int, int] | None) -> bool:
    """Whether a child of ``node`` in ``relation`` is a person or a group (spaCy's NORP: "the
    Republicans") named in the statement: a subject or owner outside it is its source, the speaker.
    Inside a statement's content a person named by a title alone is someone else too ("the President
    likes the idea"); outside statements such a subject is who holds the attitude ("the senator
    rejected the plan")."""
    return any(c.dep_ == relation and (c.ent_type_ in {"PERSON", "NORP"} or (within is not None and _titled(c)))
               and (within is None or within[0] <= c.idx < within[1]) for c in node.children)


def _titled(noun: Word) -> bool:
    """Whether ``noun`` is a person named by a title alone ("the President", "the governor's plan")."""
    return noun.pos_ in {"NOUN", "PROPN"} and lexicon().is_title_head(noun.text) \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def _owned(node: Word, lex: StanceLexicon, within: tuple[int, int] | None) -> bool:
    """Whether ``node`` is a noun of attitude or intent owned by a person named in the statement
    (``within``: "Ortiz's plan", "Ortiz's support for the levy"): the attitude is the owner's, not
    the speaker's, who may still judge the noun ("Ortiz's plan is reckless"). Outside statements
    the owner is who holds it (see :mod:`.detect`)."""
    return within is not None and node.pos_ == "NOUN" and lex.kind(node) in _ATTITUDES \
        and _named_in(node, "poss", within)


def _changes_itself(verb: Word, child: Word, lex: StanceLexicon) -> bool:
    """Whether a verb of growth or passage is said of its subject ``child`` with no object ("output
    will expand", "sales improved", "the bill will pass"): it reports how the subject changes, not a
    stand on it ("the levy stays" and "his skill is valued" still say what the subject is worth)."""
    return child.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.lemma_.lower() in lex.changing \
        and lex.idiom_kind(verb) is None and not any(c.dep_ in _OBJECTS for c in verb.children)


def _asked(clause: Word, lex: StanceLexicon) -> bool:
    """Whether ``clause`` is an embedded question ("wanted to know who approved the deal", "asked
    whether the plan works", "asked if it works"): what it says is asked about, not said, so a
    stance inside it is no one's. "If" asks only under a verb of asking or finding out; elsewhere it
    is a condition ("and if necessary close the port", "if it cannot yet, it will, she said")."""
    if clause.dep_ not in {"ccomp", "xcomp", "conj", "pcomp"}:
        return False
    asking = clause.dep_ == "ccomp" and clause.head.lemma_.lower() in lex.asking
    return any((c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in _ASKING_SUBJECTS) or (c.dep_ == "mark" and (
        c.lower_ == "whether" or (c.lower_ == "if" and asking))) for c in clause.children)


def _emphatic(verb: Word, lex: StanceLexicon) -> bool:
    """Whether a verb of saying is denied only to stress what it says: "can't overstate how
    unprecedented it is", "I cannot stress enough the progress made" say it the more."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or (lemma not in lex.discourse and lemma not in lex.misrepresent):
        return False
    children = verb.children
    able = any(c.dep_ == "aux" and c.lemma_.lower() in {"can", "could"} for c in children)
    denied = any(c.dep_ == "neg" for c in children)
    return able and denied and (lemma in lex.misrepresent or any(c.lower_ == "enough" for c in children))


def _enacted(verb: Word, lex: StanceLexicon) -> bool:
    """Whether a verb of making law takes no stand: done ("passed", "has passed", "passes"), it
    reports news, not a wish ("to pass", "would pass"); with a particle it is another verb
    ("passing out fliers")."""
    if verb.lemma_.lower() not in lex.enacting:
        return False
    done = verb.tag_ in _DONE_TAGS and not any(c.tag_ == "MD" for c in verb.children)
    return done or any(c.dep_ == "prt" for c in verb.children)


def _done_by_no_one(verb: Word) -> bool:
    """A passive verb without its agent ("is planned", not "is backed by farmers"): it reports
    what is done, and takes no one's side."""
    return verb.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)


def _first_person(verb: Word) -> bool:
    """Whether the clause's subject is the speaker ("the rules we wrote"), or anyone at all ("any
    time you want to cut taxes"): the view is the speaker's own."""
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"i", "we", "you", "one"} for c in verb.children)


def _condition(node: Word, lex: StanceLexicon) -> bool:
    """A fronted "without" states a condition, not a stand against: "without investment, trade
    will stall" argues for the investment ("released without delay" still opposes the delay)."""
    return node.dep_ == "prep" and lex.kind(node) == "negation" and node.i < node.head.i


def _consequence(node: Word, child: Word, lex: StanceLexicon) -> Word | None:
    """The harm a clause says follows when ``child``, an "if" clause under it, holds ("if the bill
    passes, companies are at risk", "if the veto were overridden, it would hurt trade"): the speaker
    is against what the condition states."""
    if child.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "if" for c in child.children):
        return None
    if lex.kind(node) == "harm":
        return node
    for c in node.children:
        if c.i == child.i:
            continue
        words = [c, *(a for a in c.children if a.dep_ == "amod")] if c.dep_ in {"attr", "acomp", "oprd", "dobj"} else \
            [p for p in c.children if p.dep_ == "pobj"] if c.dep_ == "prep" else []  # "at risk"
        found = next((w for w in words if lex.kind(w) == "harm"), None)
        if found is not None:
            return found
    return None


def _announced(verb: Word, root: Word, term: Sequence[Word], composer: _Composer, lex: StanceLexicon) -> None:
    """Support for an action (the framed mention, ``root``) that ``verb`` says the side the speaker
    speaks for will do ("the country would withdraw from the union", "the government would declare
    its intention to break with it"): announcing an act is standing for it. The "will" is the
    evidence. "It" is the side only when a verb above has the side as its subject ("the government
    said it would ..."); otherwise "it" and "we" are left alone: "it would cost billions" names a
    proposal, and "we will publish the figures" a promise too small to place under a topic."""
    if composer.stance is not None or root.pos_ != "VERB" or root not in term or verb.pos_ != "VERB" \
            or not any(c.dep_ == "nsubj" and _side(c, lex) for c in verb.children):
        return
    will = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in {"will", "would", "'ll", "shall"}), None)
    if will is not None:
        composer.apply("support", will)


def _side(subject: Word, lex: StanceLexicon) -> bool:
    """Whether ``subject`` is the side a speaker speaks for: a side noun, or "it" under a verb whose
    subject is one ("the country would declare ... and suggested that it would withdraw")."""
    if subject.lower_ in lex.sides:
        return True
    if subject.lower_ != "it":
        return False
    node = subject.head
    while node.head.i != node.i:
        node = node.head
        if any(c.dep_ == "nsubj" and c.lower_ in lex.sides for c in node.children):
            return True
    return False


@frozen
class Step:
    """A word on the way up from the mention, and the stance composed up to and including it."""

    node: Word
    judgement: Judgement


def _root(words: Sequence[Word]) -> Word:
    return min(words, key=lambda w: w.depth)


def _problem(term: Sequence[Word], root: Word, lex: StanceLexicon) -> Word | None:
    """The word that makes the mention a problem ("terrorists", "the spread of the virus", "illegal
    migration"); a problem word that only modifies another noun names a kind of it, not the problem
    ("pollution credits", "drug prices")."""
    return next((t for t in (*term, *root.children)
                 if lex.is_problem(t) and (t.i == root.i or t.dep_ != "compound")), None)


def walk(term: Sequence[Token | Word], *, within: tuple[int, int] | None = None, cue: Sequence[Token | Word] = (),
         acting: bool = False) -> list[Step]:
    """The steps from the mention ``term`` (its tokens) up its sentence; the first is the mention
    itself with the negations on it ("no mass deportations"). ``within`` bounds the walk to a
    statement's content (character offsets); ``cue`` holds the tokens of its cue ("warned",
    "warned against"), whose head is the last step. ``acting``: the term is an act the speaker
    intends, a verb whose own stance word counts ("wants to junk", "promised to expand")."""
    lex, term = stance_lexicon(), as_words(term)
    cue = as_words(cue, term[0].words)
    root = _root(term)
    head = _root(cue) if cue else None
    composer = _Composer()
    composer.act = root.pos_ == "VERB" or lex.is_act(root)
    if acting and lex.kind(root) in {"support", "oppose"}:
        composer.apply(lex.kind(root), root)
    for child in root.children:  # "reckless actions", "the new threat", "illegally moved": how the mention is qualified
        # an adjective in a phrase naming an act judges the act rather than narrowing it ("robust
        # steps", "reckless launches"); elsewhere it is part of a name ("right foot") or, for a harm,
        # makes the issue a problem ("illegal migration", below)
        inside = child in term and not composer.act
        if child.dep_ == "amod" and not inside and lex.kind(child) in {"harm", "support"}:
            composer.apply(lex.kind(child), child)
        elif child.dep_ == "advmod" and composer.act and lex.manner_kind(child):
            composer.apply("harm", child)
    if (harm := _harmful_clause(root, lex)) is not None:  # "the tariff, which risks hurting farmers"
        composer.apply("harm", harm)
    composer.harmful = composer.harmful or (not composer.act and _problem(term, root, lex) is not None)
    for token in term:
        for negation in _negations(token, lex, None, term):
            composer.apply("negation", negation, on_mention=True)
    _modals(root, lex, composer)
    _announced(root, root, term, composer, lex)
    steps = [Step(root, composer.judgement())]
    child, node = root, root.head
    while node.i != child.i:
        if _asked(child, lex):
            composer.reset()  # "asked who approved the deal": asked about, not said
        if head is not None and node == head:
            named = _predicate(head, child, lex) if child.dep_ not in {"nsubj", "nsubjpass"} else None
            word = named or head  # "called her vote a mistake": what she called it
            kind = _verdict(named, lex) if named is not None else lex.cue_kind(head, nominal=child.dep_ in _NOMINAL_RELATIONS)
            if named is None and _naming(head, lex):
                kind = None  # "called the plan bold": only what it is called judges it, not "call" as in "call for"
            repeated = _opposed_twice(kind, child)
            # a cue counts for what it reports as a noun phrase, for an act it commits to ("vowed to
            # impose levies", "refused to sign"), and a worrying cue for clauses too
            setting = child.dep_ == "prep" and child.lower_ in _SETTING_PREPOSITIONS and lex.idiom_with(head, child) is None
            lends = not setting and (kind == "concern" or child.dep_ in _NOMINAL_RELATIONS
                                     or (child.dep_ == "xcomp" and kind is not None))
            if kind is not None and not repeated and lends:
                if lex.kind(child) == kind and head.lemma_.lower() in lex.framing_cues:
                    composer.evidence.append(head)  # "voiced opposition to": the object, applied, is what it voiced
                else:
                    composer.apply(kind, word)
            steps.append(Step(node, composer.judgement()))
            break
        if within is not None and not within[0] <= node.idx < within[1] and node not in cue:
            break
        if _emphatic(node, lex):
            steps.append(Step(node, composer.judgement()))  # "I can't stress enough the progress": stressed
            child, node = node, node.head
            continue
        if _about(node, child, lex):
            break  # what is done about the issue is what the words above judge ("called for a review of the fees")
        if child.dep_ == "relcl" and not _first_person(child):
            composer.reset()  # "a group that wants to ...": the group's stance, not the speaker's
            # a clause on people says what they do, and what is said of them is not said of that:
            # "the fees punish shippers who fund the guards" says nothing of the guards
            if any(c.lower_ in {"who", "whom"} for c in child.children):
                steps.append(Step(node, composer.judgement()))
                break
        if _someone_elses(node, lex, within) or _held_by_others(node, lex):
            composer.reset()  # "Dubois wants the fees", "supporters of the fees rallied": theirs, not the speaker's
            steps.append(Step(node, composer.judgement()))
            break
        if _owned(node, lex, within):
            composer.reset()  # "Ortiz's plan for the levy": Ortiz's stance; what is said of the plan is the speaker's
        elif _governs(node, child, lex) and not (child.dep_ == "compound" and lex.kind(node) in {"concern", "harm"}) \
                and not _condition(node, lex):
            # "border security concerns" are concerns in that area, not about it
            word = _predicate(node, child, lex) or node
            kind = lex.kind(word) if word.i == node.i else _verdict(word, lex)
            if kind is None and word.i == node.i:
                kind = lex.outcome_kind(node, child)  # "the tariffs have failed", "the plan works"
            if _harm_against(node, lex):
                kind = None  # "attacks against the homes": whom they harm, below
            elif _harm_against(child, lex):
                kind = "harm"  # the homes are harmed: a concern, and condemning the attacks defends them
            elif _opposed_twice(kind, child):
                kind = None
            # "was frustrated with": a feeling; "should be suspended": a passive urged is a stand
            passive = _done_by_no_one(node) and lex.idiom_kind(node) is None \
                and not any(c.dep_ == "aux" and lex.kind(c) == "advocacy" for c in node.children)
            if word.i == node.i and kind in {"support", "oppose"} and passive:
                kind = None  # "a review is planned", "the bill was rejected": what was done, not a stand
            elif word.i == node.i and kind == "support" and _changes_itself(node, child, lex):
                kind = None  # "output will expand": a change reported, not a stand
            elif word.i == node.i and kind == "support" and _enacted(node, lex):
                kind = None  # "the House passed the bill": news, not a stand; "passing out fliers": no law
            composer.act = composer.act or (_doer(node, child, word, lex) and not composer.harmful)
            composer.apply(kind, word, on_mention=True)
            _modals(node, lex, composer)
            _announced(node, root, term, composer, lex)
            # "no" denies what it determines, not what it comes from ("no loss from the tax");
            # "not" on a verb turns only a stance below it
            aside = child.dep_ == "prep" and child.lower_ in _ADJUNCT_PREPOSITIONS
            for negation in _negations(node, lex, child, term):
                composer.apply("negation", negation, on_mention=negation.dep_ != "neg" and not aside)
            if kind is not None and (nobody := _denied_by_subject(node, lex)) is not None:
                composer.apply("negation", nobody)  # "nobody wants the levy": denied, if it says anything
            if kind is None and word.i == node.i and (conceded := _concession(node, child, lex)) is not None:
                composer.apply(lex.kind(conceded), conceded)  # after the main clause's "not", which it escapes
        else:
            composer.negated = composer.negated or bool(_negations(node, lex, child, term))
        if (harm := _consequence(node, child, lex)) is not None:
            composer.apply("oppose", harm)  # "if the bill passes, jobs are at risk": against the condition
        steps.append(Step(node, composer.judgement()))
        child, node = node, node.head
    problem = _problem(term, root, lex)
    if composer.stance is None and problem is not None and not composer.act and not composer.negated:
        composer.apply("concern", problem)  # "violence rose": a problem raised
        steps[-1] = Step(steps[-1].node, composer.judgement())
    return steps


def judge(term: Sequence[Token | Word], *, within: tuple[int, int] | None = None, cue: Sequence[Token | Word] = (),
          acting: bool = False) -> Judgement:
    """The stance toward the issue mentioned by ``term`` (tokens), from the words above it up to
    the head of the statement's ``cue`` (tokens); ``agreed`` is set when the stance is reported as held by several ("the
    officials agreed that ...", "we agree on ..."). ``acting`` as for :func:`walk`."""
    lex = stance_lexicon()
    steps = walk(term, within=within, cue=cue, acting=acting)
    agreed = None
    for step in steps[1:]:
        node = step.node
        if node.pos_ in {"VERB", "AUX"} and node.lemma_.lower() in lex.agreement:
            subjects = [c for c in node.children if c.dep_ == "nsubj"]
            if subjects and _plural(subjects[0]):
                agreed = node
                break
    return attrs.evolve(steps[-1].judgement, agreed=agreed) if agreed is not None else steps[-1].judgement

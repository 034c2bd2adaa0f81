"""Issues in a briefing: taxonomy terms found in the text, the statements that raise them, and each
speaker's stance on them, judged from the cue and negation in the statement."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..model import Briefing, Issue, Position, Span, Statement
from .taxonomy import Taxonomy

__all__ = ["find_issues", "stance_of"]

_OPPOSE_CUES = {"warn", "object", "reject", "oppose", "criticize", "criticise", "condemn", "denounce", "deny", "blast",
                "slam", "dismiss", "refuse", "rule", "decry", "attack", "protest", "fight", "veto"}
_CONCERN_CUES = {"worry", "fear", "lament", "complain", "question", "doubt", "caution"}
_SUPPORT_CUES = {"support", "welcome", "praise", "emphasize", "emphasise", "call", "urge", "insist", "reiterate", "echo",
                 "agree", "recognize", "recognise", "endorse", "back", "favor", "favour", "promise", "pledge", "vow",
                 "applaud", "hail", "defend", "stress", "underscore", "advocate", "propose", "demand"}
_CONCERN_WORDS = re.compile(r"\b(?:concern\w*|worr\w*|fear\w*|impossib\w*|danger\w*|threat\w*|risk\w*)\b", re.I)
_NEGATION = re.compile(r"\b(?:no|not|never|nor|against|without|stop\w*|end(?:ing)?|ban\w*|halt\w*)\b(?:\W+\w+){0,3}\W*$", re.I)
_MIN_MENTIONS = 2


def stance_of(statement: Statement, term_start: int) -> str:
    """The stance a statement takes toward the issue mentioned at ``term_start``."""
    cue = statement.cue.text.lower() if statement.cue else ""
    cue_lemma = re.sub(r"(?:ed|es|s|ing)$", "", cue.split()[0]) if cue else ""
    content = next((span for span in statement.content if span.start <= term_start < span.end), statement.content[0])
    before = content.text[: max(0, term_start - content.start)]
    if _NEGATION.search(before):
        return "oppose"
    if any(cue_lemma.startswith(c[:5]) for c in _OPPOSE_CUES):
        return "oppose"
    if _CONCERN_WORDS.search(before[-80:]) or any(cue_lemma.startswith(c[:5]) for c in _CONCERN_CUES):
        return "concern"
    if any(cue_lemma.startswith(c[:5]) for c in _SUPPORT_CUES):
        return "support"
    return "neutral"


def find_issues(briefing: Briefing, taxonomy: Taxonomy, skip: Sequence[Span] = ()) -> Briefing:
    """The briefing with its issues (topics and finer issues of ``taxonomy`` that statements raise
    or the text names at least twice), statements linked to them, and stances."""
    import attrs

    text = briefing.text
    hits: dict[str, list[Span]] = {}
    for topic in taxonomy.topics:
        for match in topic.pattern.finditer(text):
            if not any(s.start <= match.start() < s.end for s in skip):
                hits.setdefault(topic.key, []).append(Span.of(text, match.start(), match.end()))
    raised: dict[str, list[tuple[Statement, int]]] = {}
    for statement in briefing.statements:
        for key, spans in hits.items():
            for span in spans:
                if any(c.start <= span.start < c.end for c in statement.content):
                    raised.setdefault(key, []).append((statement, span.start))
                    break
    by_key = {t.key: t for t in taxonomy.topics}
    kept = {key for key, spans in hits.items() if key in raised or len(spans) >= _MIN_MENTIONS}
    kept |= {by_key[key].parent for key in kept if by_key[key].parent}
    issues = []
    for topic in taxonomy.topics:
        if topic.key not in kept:
            continue
        stances: dict[str, Counter[str]] = {}
        evidence: dict[tuple[str, str], list[str]] = {}
        for statement, at in raised.get(topic.key, ()):
            if statement.speaker is None:
                continue
            stance = stance_of(statement, at)
            stances.setdefault(statement.speaker, Counter())[stance] += 1
            evidence.setdefault((statement.speaker, stance), []).append(statement.id)
        positions = []
        for participant, counts in stances.items():
            stance = max(counts, key=lambda s: (counts[s], s != "neutral"))
            positions.append(Position(participant=participant, stance=stance, statements=evidence[(participant, stance)]))
        issues.append(
            Issue(
                id=topic.key,
                label=topic.label,
                code=topic.code,
                parent=topic.parent,
                mentions=hits.get(topic.key, ()),
                positions=positions,
            )
        )
    links: dict[str, list[str]] = {}
    for key in kept:
        for statement, _ in raised.get(key, ()):
            links.setdefault(statement.id, []).append(key)
    statements = [
        attrs.evolve(s, issues=(*s.issues, *sorted(set(links.get(s.id, ())) - set(s.issues)))) for s in briefing.statements
    ]
    return attrs.evolve(briefing, issues=(*briefing.issues, *issues), statements=statements)

"""Questions in a transcript: whether a reporter's turn asks anything, and whom it is put to.

Text rules only, shared by the reader that builds the turns (:mod:`briefing.turns`), the
statements layer that resolves "you" inside a question (:mod:`briefing.statements.transcripts`),
and the topic classifier, which reads no topic into thanks (:mod:`briefing.issues.topics`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .model import Participant

__all__ = ["addressee", "asks", "courtesy"]

#: Words of thanks, greeting and turn-taking: a turn of only these (and names) asks nothing.
_COURTESY = {
    "thank", "thanks", "you", "very", "much", "so", "sir", "ma'am", "ma’am", "please", "okay", "ok", "yes", "yeah",
    "all", "right", "great", "appreciate", "it", "and", "oh", "well", "hi", "hello", "good", "morning",
    "afternoon", "evening", "everybody", "everyone", "again", "mr", "madam", "mrs", "ms", "dr",
}
#: Words that open a question even when capitalised alone ("Why?", "How so?").
_ASKING = {"why", "what", "how", "when", "where", "who", "whom", "whose", "which", "is", "are", "was", "were", "do",
           "does", "did", "can", "could", "will", "would", "should", "may", "might", "have", "has", "had"}
#: Stage notes in brackets: "(Inaudible.)", "(Laughter.)", "[crosstalk]".
_NOTE = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_LONGEST_COURTESY = 8
#: A form of address: a courtesy title or office and up to two capitalised words, between a sentence
#: start or a comma and a comma or a sentence end ("Mr. President, …", "…, Dr. Lee?").
_VOCATIVE = re.compile(
    r"(?:^|(?<=[.?!,:;—–-])\s*)(?P<title>Mr\.|Madam|Mrs\.|Ms\.|Dr\.|Doctor|Secretary|Admiral|General|"
    r"Governor|Senator|Administrator|Commissioner|Director)\s+(?P<name>(?:[A-Z][\w’'-]*\s?){1,2}?)\s*(?=[,?!.])"
)
_COURTESY_TITLES = {"Mr.", "Madam", "Mrs.", "Ms."}


def courtesy(text: str) -> bool:
    """Whether a turn is only thanks, a greeting or a name ("Thank you.", "Jon?", "Thank you very
    much, sir."), or only a stage note ("(Inaudible.)"): it says and asks nothing."""
    words = re.findall(r"[\w’']+", _NOTE.sub(" ", text))
    if len(words) > _LONGEST_COURTESY:
        return False
    rest = [w for w in words if w.lower() not in _COURTESY]
    return all(w[:1].isupper() and w.lower() not in _ASKING for w in rest)


def asks(text: str) -> bool:
    """Whether a reporter's turn asks something: not when it is a :func:`courtesy`."""
    return not courtesy(text)


def addressee(text: str, speakers: Sequence[Participant], next_speaker: str | None) -> str | None:
    """The id of the participant a question is put to: the first form of address in ``text`` that
    names exactly one of the ``speakers`` ("Mr. Vice President," by title; "Dr. Lee," by name), else
    ``next_speaker``, the one who takes the next turn (``None`` when a reporter does)."""
    for match in _VOCATIVE.finditer(text):
        name = match.group("name").strip()
        title = match.group("title")
        if title in _COURTESY_TITLES:
            by_title = [p.id for p in speakers if p.title and p.title.lower() == name.lower()]
            if len(by_title) == 1:
                return by_title[0]
        last = name.split()[-1].lower()
        by_name = [p.id for p in speakers if last in {w.lower() for w in p.name.split()}]
        if len(by_name) == 1:
            return by_name[0]
    return next_speaker

"""What a recogniser takes for a person's name but is not one: stage directions ("(Applause)"),
hashtags, words with digits (a disease "XYZ-21", a mask "K-80", a time stamp), calendar words,
single letters ("Generation Z"), spans running over a line break, and single words the text also
uses as common nouns ("Vaccine" at the start of a sentence, when "vaccine" is written elsewhere)."""

from __future__ import annotations

import re
__all__ = ["CALENDAR_WORDS", "common_words", "is_common_word", "not_a_name"]

#: Weekdays and months: dates, never people or organisations.
CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december".split()
)
#: Calendar words that are also given names ("May", "June", "April"): not dropped on their own.
_ALSO_NAMES = frozenset({"may", "june", "april", "august"})
#: A name lent to a thing: "<Name>'s disease", "<Name>'s law".
_EPONYM = re.compile(r"['’]s\s+(?:disease|syndrome|lymphoma|palsy|law|principle|rule|theorem)\b")


def not_a_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, a span read as a person's name, cannot be one by its form or
    its surroundings (a stage direction, a hashtag, an eponym such as "<Name>'s disease")."""
    mention = text[start:end]
    words = mention.split()
    if not words or "\n" in mention or any(c.isdigit() for c in mention):
        return True
    before, after = text[:start].rstrip()[-1:], text[end:].lstrip(" .!")[:1]
    if (before == "(" and after == ")") or text[start - 1 : start] in {"#", "@"}:
        return True  # "(Laughter)", "#StaySafe"
    if _EPONYM.match(text, end):
        return True  # "Hodgkin's disease": a name lent to a thing
    if len(words) == 1 and words[0].lower() in CALENDAR_WORDS - _ALSO_NAMES:
        return True
    return any(len(w) == 1 and w.isalpha() for w in words[1:]) or (len(words) == 1 and len(words[0].strip(".")) < 2)


def common_words(text: str) -> frozenset[str]:
    """The words ``text`` writes in lower case (its common nouns, verbs, ...)."""
    return frozenset(re.findall(r"(?<![\w'’.-])[a-z][a-z'’-]+", text))


def is_common_word(word: str, lowercase: frozenset[str]) -> bool:
    """Whether a capitalised single ``word`` is one of the text's ``lowercase`` words (see
    :func:`common_words`: "Vaccine" where "vaccine" is written too): a common word, not a name."""
    return word[:1].isupper() and word.lower() in lowercase

"""What a recogniser takes for a person's name but is not one: stage directions ("(Applause)"),
hashtags, words with digits (a disease "XYZ-21", a mask "K-80", a time stamp), calendar words,
single letters ("Generation Z"), spans running over a line break, single words the text also
uses as common nouns ("Vaccine" at the start of a sentence, when "vaccine" is written elsewhere),
and single words that their surroundings show to be no name: a numbered thing ("Section 8"), the
start of a hyphenated place ("Port-au-Prince"), a verb opening a sentence ("Close the schools"), a
title's last word ("Vice President") and a word after "the" that modifies no group of people ("the
Hill", "the Doctor")."""

from __future__ import annotations

import re

from .lexicon import lexicon

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
#: After a single word: a number ("Section 8") or the rest of a hyphenated word ("Port-au-Prince").
_NUMBERED_OR_JOINED = re.compile(
    r"[ \t]+(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|hundred)\b)|-[a-z]"
)
#: A determiner after a word that opens a sentence: the word is a verb ("Close the schools").
_IMPERATIVE = re.compile(r"\s+(?:the|a|an|this|these|those|your|our|their|every)\s")
_OPENERS = frozenset({"", ".", ":", "!", "?", '"', "“"})
#: What a person's name modifies after "the" ("the Lee administration", "the Ruiz campaign"):
#: after "the", a single word followed by anything else is no person ("the Hill", "the Doctor").
_NAME_MODIFIES = frozenset(
    "administration campaign camp family team government presidency era years foundation "
    "organization organisation allies aides staff".split()
)


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
    if len(words) == 1 and (words[0].lower() in CALENDAR_WORDS - _ALSO_NAMES or _single_word_thing(text, start, end)):
        return True
    return any(len(w) == 1 and w.isalpha() for w in words[1:]) or (len(words) == 1 and len(words[0].strip(".")) < 2)


def _single_word_thing(text: str, start: int, end: int) -> bool:
    """Whether the single word ``text[start:end]`` is, by its neighbours, a thing, a verb or a title
    rather than a name: numbered or hyphen-joined, a verb before its object at a sentence's start,
    the last word of a title ("First Lady"), or after "the" without a group of people to name ("the
    Hill" but not "the Lee administration")."""
    if _NUMBERED_OR_JOINED.match(text, end):
        return True
    if _IMPERATIVE.match(text, end) and text[max(0, start - 20) : start].rstrip()[-1:] in _OPENERS:
        return True  # "She says: Close the schools", a verb that opens a sentence
    previous = re.search(r"(\S+)\s+$", text[max(0, start - 30) : start])
    if previous is None:
        return False
    lex = lexicon()
    word, before = text[start:end], previous.group(1)
    if lex.is_title_head(word) and before in lex.title_modifiers and not lex.is_title_head(before):
        return True  # "First Lady", "Vice President"
    if before.lower() != "the":
        return False
    following = re.match(r"\s+([A-Za-z]+)", text[end : end + 30])
    return following is None or following.group(1).lower() not in _NAME_MODIFIES


def common_words(text: str) -> frozenset[str]:
    """The words ``text`` writes in lower case (its common nouns, verbs, ...)."""
    return frozenset(re.findall(r"(?<![\w'’.-])[a-z][a-z'’-]+", text))


def is_common_word(word: str, lowercase: frozenset[str]) -> bool:
    """Whether a capitalised single ``word`` is one of the text's ``lowercase`` words (see
    :func:`common_words`: "Vaccine" where "vaccine" is written too): a common word, not a name."""
    return word[:1].isupper() and word.lower() in lowercase

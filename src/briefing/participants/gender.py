"""Grammatical gender of participants, for pronouns: "she" cannot mean a man named two sentences
back. Read from courtesy titles ("Mrs. Roe"), gendered role words ("congresswoman", "first lady")
and common given names (``data/first_names.json``); unknown when the text gives none of these."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from ..model import Participant
from .names import fold

__all__ = ["courtesy_gender", "name_gender", "participant_gender", "pronoun_gender", "word_gender"]

_COURTESY = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lady|Lord)\.?\s+$")
_COURTESY_GENDER = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f"}
_WORDS = {
    "m": {"man", "men", "boy", "father", "son", "brother", "husband", "king", "prince", "businessman", "chairman",
          "congressman", "spokesman", "councilman", "assemblyman", "actor", "gentleman", "uncle", "nephew",
          "grandfather", "widower", "boyfriend", "anchorman", "sportsman", "dad"},
    "f": {"woman", "women", "girl", "mother", "daughter", "sister", "wife", "queen", "princess", "businesswoman",
          "chairwoman", "congresswoman", "spokeswoman", "councilwoman", "assemblywoman", "actress", "lady",
          "aunt", "niece", "grandmother", "widow", "girlfriend", "anchorwoman", "sportswoman", "mom"},
}
_PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}


@cache
def _given_names() -> dict[str, str]:
    data = json.loads(resources.files("briefing").joinpath("data/first_names.json").read_text("utf-8"))
    return {**{n: "m" for n in data["male"]}, **{n: "f" for n in data["female"]}}


def pronoun_gender(word: str) -> str | None:
    """``m`` for he/him/his, ``f`` for she/her/hers, else ``None``."""
    return _PRONOUNS.get(word.lower())


def word_gender(word: str) -> str | None:
    """The gender a role noun implies ("congresswoman": ``f``), else ``None``."""
    word = word.lower()
    return next((g for g, words in _WORDS.items() if word in words), None)


def participant_gender(participant: Participant, text: str) -> str | None:
    """``m``, ``f`` or ``None`` for a person: the courtesy titles before their mentions and the
    gendered words of their title; with no courtesy title, their given name, else the title's
    words; ``None`` when these disagree."""
    if participant.kind != "person":
        return None
    votes = set()
    for mention in participant.mentions:
        courtesy = _COURTESY.search(text[max(0, mention.start - 6) : mention.start])
        if courtesy:
            votes.add(_COURTESY_GENDER[courtesy.group(1).lower()])
        elif mention.text.split()[0].rstrip(".").lower() in _COURTESY_GENDER:
            votes.add(_COURTESY_GENDER[mention.text.split()[0].rstrip(".").lower()])
    titled = {g for word in re.findall(r"[A-Za-z]+", participant.title or "") if (g := word_gender(word))}
    given = None if votes else name_gender(participant.name.split())
    # a given name goes before a title's word, which may be generic: "chairman Maria Roe" is a woman
    votes |= {given} if given else titled
    return votes.pop() if len(votes) == 1 else None


def name_gender(words: list[str]) -> str | None:
    """The gender of the first given name before the surname ("Ann Roe"), accents aside; a name
    of one word counts when it is a given name ("Melanie")."""
    given = (fold(w.split("-")[0]) for w in words[: max(1, len(words) - 1)])  # "María", "Mary-Kate"
    return next((g for w in given if (g := _given_names().get(w))), None)


def courtesy_gender(words: list[str]) -> str | None:
    """The gender of courtesy forms ("Mrs.", "Mr."), when they name one."""
    found = {_COURTESY_GENDER[w] for w in (w.rstrip(".").lower() for w in words) if w in _COURTESY_GENDER}
    return found.pop() if len(found) == 1 else None

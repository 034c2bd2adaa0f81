"""A long news-like text of any length, for tests and benchmarks of long inputs: paragraphs of
narrative and of quotes with a named speaker, some quotes running over two paragraphs (opening mark
at each paragraph, closing mark at the end), with the offsets of every quote's words known.

Built from a fixed seed, so the same size gives the same text. The sentences and names are made up.
"""

from __future__ import annotations

import random

import attrs

__all__ = ["GeneratedQuote", "long_text"]

_SPEAKERS = ("Ilse Varga", "Tomas Brandt", "Nadia Okafor", "Pieter Holm")
_PLACES = ("the river port", "the old mill", "the northern ferry", "the valley railway")
_NARRATIVE = (
    "The council met again on Tuesday to talk about {place}.",
    "Several residents wrote letters about {place} during the week.",
    "Work on {place} has been delayed twice since the spring.",
    "A report on {place} was published by the regional office.",
)
_QUOTED = (
    "We will finish the work on {place} before winter.",
    "Nobody has asked us to pay more for {place}.",
    "The plan for {place} is ready and the money is there.",
    "We listened to the families who live near {place}.",
)


@attrs.frozen
class GeneratedQuote:
    """A direct quote of the generated text, marks included, at ``start``..``end``,
    over two paragraphs when ``paragraphs`` is 2, said by ``speaker``."""

    start: int
    end: int
    speaker: str
    paragraphs: int


def long_text(chars: int, seed: int = 13) -> tuple[str, list[GeneratedQuote]]:
    """A text of at least ``chars`` characters and the direct quotes it holds."""
    rng = random.Random(seed)
    parts: list[str] = []
    quotes: list[GeneratedQuote] = []
    size = 0

    def add(paragraph: str) -> int:
        nonlocal size
        at = size
        parts.append(paragraph)
        size += len(paragraph)
        return at

    while size < chars:
        place, speaker = rng.choice(_PLACES), rng.choice(_SPEAKERS)
        add(" ".join(rng.choice(_NARRATIVE).format(place=place) for _ in range(2)) + "\n\n")
        first = rng.choice(_QUOTED).format(place=place)
        if rng.random() < 0.3:
            second = rng.choice(_QUOTED).format(place=rng.choice(_PLACES))
            lead = f"{speaker} said on Monday: "
            at = add(f'{lead}"{first}\n\n"{second}"\n\n') + len(lead)
            quotes.append(GeneratedQuote(at, at + len(first) + len(second) + 5, speaker, 2))
        else:
            at = add(f'"{first}" {speaker} said.\n\n')
            quotes.append(GeneratedQuote(at, at + len(first) + 2, speaker, 1))
    return "".join(parts), quotes

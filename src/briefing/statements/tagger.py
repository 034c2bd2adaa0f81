"""The trained statement tagger: a linear-chain CRF (python-crfsuite) that labels each token of a
paragraph B/I of ``SOURCE``, ``CUE`` or ``CONTENT`` of a statement, of ``XSOURCE``, ``XCUE`` or
``XCONTENT`` of another attribution (a belief, an intention), or ``O``; and the gold labels it
learns from.

The weights ship in ``briefing/data/statements-crf.crfsuite`` and are read the first time a
:class:`StatementTagger` tags something; :mod:`briefing.statements.train` writes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from attrs import frozen

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..formats.brat import Attribution
    from .features import Paragraph

__all__ = ["MODEL_RESOURCE", "ROLES", "StatementTagger", "TaggedSpan", "gold_labels", "spans_of"]

ROLES = ("SOURCE", "CUE", "CONTENT")
#: The shipped weights, inside the package.
MODEL_RESOURCE = "data/statements-crf.crfsuite"


@frozen
class TaggedSpan:
    """A run of tokens with one role: character offsets, token indices (into the doc), the mean
    marginal probability of its labels, and the mean share of it that goes to speech (rather than
    to a belief or intention, the ``X`` roles). ``block`` marks a block quote taken from the rules."""

    role: str
    start: int
    end: int
    first: int
    last: int
    probability: float
    speech: float = 1.0
    block: bool = False


def gold_labels(tokens: Sequence[Token], attributions: Sequence[Attribution],
                others: Sequence[Attribution] = ()) -> list[str]:
    """The BIO label of each token from gold attributions (a token takes the role of any span it
    touches; each piece of a discontinuous span begins anew). The roles of ``others`` (attributions
    that are not statements: beliefs, intentions) are learnt apart, prefixed with ``X``."""
    owner: dict[int, tuple[str, int, int]] = {}
    every = [(a, "") for a in attributions] + [(a, "X") for a in others]
    for number, (attribution, prefix) in enumerate(every):
        roles = (("CONTENT", attribution.content), ("CUE", attribution.cue), ("SOURCE", attribution.source))
        for role, ranges in roles:
            for piece, (start, end) in enumerate(ranges):
                for offset in range(start, end):
                    owner.setdefault(offset, (prefix + role, number, piece))
    labels = []
    previous = None
    for token in tokens:
        found = None
        for offset in range(token.idx, token.idx + len(token)):
            if offset in owner:
                found = owner[offset]
                break
        if found is None:
            labels.append("O")
        else:
            labels.append(("I-" if found == previous else "B-") + found[0])
        previous = found
    return labels


def spans_of(paragraph: Paragraph, labels: Sequence[str], probabilities: Sequence[float],
             speech: Sequence[float] | None = None) -> list[TaggedSpan]:
    """The runs of ``labels`` over the paragraph's tokens (an ``I-`` after another role starts a run)."""
    spans = []
    run: list[int] = []
    role = None
    speech = speech if speech is not None else [1.0] * len(labels)

    def close() -> None:
        if run:
            first, last = paragraph.tokens[run[0]], paragraph.tokens[run[-1]]
            spans.append(TaggedSpan(role, first.idx, last.idx + len(last), first.i, last.i,
                                    sum(probabilities[k] for k in run) / len(run),
                                    sum(speech[k] for k in run) / len(run)))

    for k, label in enumerate(labels):
        kind, _, name = label.partition("-")
        if kind == "O" or kind == "B" or name != role:
            close()
            run, role = ([k], name) if kind != "O" else ([], None)
        else:
            run.append(k)
    close()
    return spans


class StatementTagger:
    """Tags paragraphs with the CRF at ``path`` (the shipped weights by default), loaded once."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self._tagger = None
        self._model = b""
        self._labels: set[str] = set()

    def _load(self):
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        if self.path is not None:
            tagger.open(str(self.path))
        else:
            # The tagger reads the model in place: keep the bytes alive as long as it.
            self._model = resources.files("briefing").joinpath(MODEL_RESOURCE).read_bytes()
            tagger.open_inmemory(self._model)
        self._labels = set(tagger.labels())
        return tagger

    def tag(self, paragraph: Paragraph) -> tuple[list[str], list[float], list[float]]:
        """The most likely labels with the ``X`` (not speech) roles folded into their roles, the
        marginal probability of each (both variants summed), and the share of it that is speech."""
        if self._tagger is None:
            self._tagger = self._load()
        tagger = self._tagger
        labels = tagger.tag(paragraph.features)
        folded, probabilities, speech = [], [], []
        for k, label in enumerate(labels):
            kind, _, name = label.partition("-")
            if kind == "O":
                folded.append("O")
                probabilities.append(tagger.marginal("O", k))
                speech.append(0.0)
                continue
            role = name.removeprefix("X")
            said = tagger.marginal(f"{kind}-{role}", k) if f"{kind}-{role}" in self._labels else 0.0
            other = tagger.marginal(f"{kind}-X{role}", k) if f"{kind}-X{role}" in self._labels else 0.0
            folded.append(f"{kind}-{role}")
            probabilities.append(said + other)
            speech.append(said / (said + other) if said + other else 0.0)
        return folded, probabilities, speech

"""The trained statement tagger: a linear-chain CRF (:mod:`.crf`) that labels each token of a
paragraph B/I of ``SOURCE``, ``CUE`` or ``CONTENT`` of a statement, of ``XSOURCE``, ``XCUE`` or
``XCONTENT`` of another attribution (a belief, an intention), or ``O``; and the gold labels it
learns from.

The weights ship in ``briefing/data/statements-crf.crfsuite`` (python-crfsuite's format) and are
read the first time a :class:`StatementTagger` tags something; :mod:`briefing.statements.train`
writes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from attrs import frozen

from ..doc_tables import token_attributes, token_texts
from .crf import CrfModel
from .features import COLUMNS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..formats.brat import Attribution
    from .features import FeatureTable, Paragraph

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
    speech = speech if speech is not None else [1.0] * len(labels)
    offsets, words = token_attributes(paragraph.doc)["idx"], token_texts(paragraph.doc)

    def close(start: int, end: int) -> None:
        first, last = paragraph.indices[start], paragraph.indices[end - 1]
        spans.append(TaggedSpan(role, offsets[first], offsets[last] + len(words[last]), first, last,
                                sum(probabilities[start:end]) / (end - start), sum(speech[start:end]) / (end - start)))

    start, role = None, None  # where the open run starts, and its role
    for k, label in enumerate(labels):
        if label == "O":
            if start is not None:
                close(start, k)
            start, role = None, None
            continue
        kind, _, name = label.partition("-")
        if kind == "B" or name != role:
            if start is not None:
                close(start, k)
            start, role = k, name
    if start is not None:
        close(start, len(labels))
    return spans


class StatementTagger:
    """Tags paragraphs with the CRF at ``path`` (the shipped weights by default), loaded once. The
    paragraphs of a doc share one feature table, and the first of them to be tagged has the whole
    table decoded at once (the last table's results are kept)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self._model: CrfModel | None = None
        self._last: tuple[FeatureTable | None, list[tuple[list[str], list[float], list[float]]]] = (None, [])

    def model(self) -> CrfModel:
        """The weights, read on the first call."""
        if self._model is None:
            if self.path is not None:
                data = self.path.read_bytes()
            else:
                data = resources.files("briefing").joinpath(MODEL_RESOURCE).read_bytes()
            self._model = CrfModel.read(data)
        return self._model

    def tag(self, paragraph: Paragraph) -> tuple[list[str], list[float], list[float]]:
        """The most likely labels with the ``X`` (not speech) roles folded into their roles, the
        marginal probability of each (both variants summed), and the share of it that is speech."""
        table, results = self._last
        if table is not paragraph.table:
            table = paragraph.table
            results = self._tag_table(table)
            self._last = (table, results)
        return results[paragraph.number]

    def _tag_table(self, table: FeatureTable) -> list[tuple[list[str], list[float], list[float]]]:
        model = self.model()
        labels, marginals = model.decode(model.scores(COLUMNS, table.columns), table.bounds)
        folded, said, other = _folding(model.labels)
        # A last column of zeros stands for a variant the model lacks.
        marginals = np.concatenate([marginals, np.zeros((len(marginals), 1))], axis=1)
        rows = np.arange(len(labels))
        said_p, other_p = marginals[rows, said[labels]], marginals[rows, other[labels]]
        probabilities = said_p + other_p
        speech = np.divide(said_p, probabilities, out=np.zeros_like(said_p), where=probabilities != 0)
        names = [folded[y] for y in labels.tolist()]
        probabilities, speech = probabilities.tolist(), speech.tolist()
        return [(names[start:end], probabilities[start:end], speech[start:end]) for start, end in table.bounds]


def _folding(labels: Sequence[str]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """For each label of the model: its name with ``X`` folded away, and the columns of its speech
    and not-speech variants among the marginals (``len(labels)`` where the model lacks one; "O" is
    its own not-speech variant)."""
    index = {label: k for k, label in enumerate(labels)}
    missing = len(labels)
    folded, said, other = [], [], []
    for label in labels:
        kind, _, name = label.partition("-")
        if kind == "O":
            folded.append("O")
            said.append(missing)
            other.append(index[label])
            continue
        role = name.removeprefix("X")
        folded.append(f"{kind}-{role}")
        said.append(index.get(f"{kind}-{role}", missing))
        other.append(index.get(f"{kind}-X{role}", missing))
    return folded, np.array(said), np.array(other)

"""The topic classifier: a linear model over hashed n-grams (:mod:`.features`) that gives a short
text one of the CAP major topics or ``none`` (no policy topic), with a probability for each.

Its weights are plain arrays, ``<name>.npz`` (the known buckets, their idf, one weight per bucket
and label, a bias per label) beside ``<name>.json`` (the labels, the softmax temperature and where
the weights come from). :mod:`.train_topics` makes them; ``briefing/data/topics-cap.*`` ship.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import numpy as np
from attrs import field, frozen

from ..errors import BriefingError
from .features import BUCKETS, count, weigh

__all__ = ["NO_TOPIC", "TopicClassifier", "load_classifier"]

NO_TOPIC = "none"
_ARRAYS = ("buckets", "idf", "weights", "bias")


@frozen
class TopicClassifier:
    """``labels[j]`` is scored by ``weights[:, j]`` over the features in ``buckets`` (sorted), each
    weighed by its ``idf``; a feature outside ``buckets`` is ignored. ``about`` records the data,
    its licence and the measures of training."""

    labels: tuple[str, ...] = field(converter=tuple)
    buckets: np.ndarray
    idf: np.ndarray
    weights: np.ndarray
    bias: np.ndarray
    temperature: float = 1.0
    about: dict = field(factory=dict)
    _kept: dict[str, np.ndarray] = field(factory=dict, init=False, eq=False, repr=False)  # tables made on first use

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """The linear score of each label for each text, one row per text, computed for all at once.
        A feature outside ``buckets`` adds nothing to a sum, so only the known ones are summed, each
        text's as one segment of the known features (a text without any scores its bias)."""
        counts = count(texts)
        at = self._places()[counts.buckets]
        known = at < len(self.buckets)
        values = weigh(counts, np.append(self.idf, np.float32(0.0))[at])
        # float32 weights times float32 values, multiplied in float64: exact products.
        weighted = np.multiply(self.weights[at[known]], values[known].astype(np.float64)[:, None])
        ends = np.concatenate([[0], np.cumsum(known)])[counts.indptr]  # each row's end among the known features
        sums = np.zeros((len(ends) - 1, len(self.labels)))
        filled = ends[1:] > ends[:-1]
        if filled.any():  # a segment runs from its start to the next filled row's start
            sums[filled] = np.add.reduceat(weighted, ends[:-1][filled], axis=0)
        return sums + self.bias

    def _places(self) -> np.ndarray:
        """Each bucket's place in ``buckets``, ``len(buckets)`` for one not there: one look-up per
        feature instead of a search. Made on first use and kept."""
        if "places" not in self._kept:
            places = self._kept["places"] = np.full(BUCKETS, len(self.buckets), dtype=np.int32)
            places[self.buckets] = np.arange(len(self.buckets), dtype=np.int32)
        return self._kept["places"]

    def probabilities(self, texts: Sequence[str], softening: float = 1.0) -> np.ndarray:
        """A probability per label for each text: the softmax of its scores times ``temperature``
        (times ``softening``, below 1 for texts longer than the headlines it was set on)."""
        scaled = self.scores(texts) * self.temperature * softening
        scaled = np.exp(scaled - scaled.max(axis=1, keepdims=True))
        return scaled / scaled.sum(axis=1, keepdims=True)

    def predict(self, texts: Sequence[str]) -> list[str]:
        """The best label of each text."""
        return [self.labels[j] for j in self.scores(texts).argmax(axis=1)]

    def save(self, path: str | Path) -> None:
        """Write ``path.npz`` and ``path.json`` (``path`` without a suffix)."""
        path = Path(path)
        np.savez_compressed(path.with_suffix(".npz"), buckets=self.buckets.astype(np.int32), idf=self.idf.astype(np.float16),
                            weights=self.weights.astype(np.float16), bias=self.bias.astype(np.float32))
        meta = {"labels": list(self.labels), "temperature": self.temperature, "about": self.about}
        path.with_suffix(".json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")


def load_classifier(path: str | Path | None = None) -> TopicClassifier:
    """Read a classifier saved by :meth:`TopicClassifier.save` (by default the shipped CAP one);
    a :class:`BriefingError` naming the file and the problem otherwise."""
    path = Path(path) if path is not None else Path(str(resources.files("briefing").joinpath("data/topics-cap")))
    try:
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        with np.load(path.with_suffix(".npz"), allow_pickle=False) as arrays:
            buckets, idf, weights, bias = (arrays[name] for name in _ARRAYS)
        if weights.shape != (len(buckets), len(meta["labels"])) or idf.shape != buckets.shape or bias.shape != (len(meta["labels"]),):
            raise ValueError(f"array shapes disagree: {len(buckets)} buckets, {weights.shape} weights, {len(meta['labels'])} labels")
        return TopicClassifier(meta["labels"], buckets.astype(np.int64), idf.astype(np.float32), weights.astype(np.float32),
                               bias.astype(np.float64), float(meta.get("temperature", 1.0)), meta.get("about", {}))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise BriefingError(f"topic classifier {path}: {type(error).__name__}: {error}") from error

"""A linear-chain CRF read from a CRFsuite model file and run in numpy: the state weights of each
attribute, the transition weights, Viterbi decoding and forward-backward marginals.

python-crfsuite trains the weights (:mod:`.train`); tagging with it meant handing it one string per
feature and token, which it then looked up, and that cost more than everything else the statements
stage does. Here the features come as columns of values (:class:`~.features.FeatureTable`), each
value is looked up in its column's table, and the scores of all the paragraphs of a doc are computed
together. The arithmetic is CRFsuite's (scores summed in the features' order, the same scaled
forward and backward passes), so the labels are the same and the marginals agree to rounding.

The file layout (CRFsuite's ``crf1d`` model, little-endian): a header (``lCRF``, sizes, the offsets
of its chunks), a ``FEAT`` chunk of features (type 0 for an attribute's weight for a label, 1 for a
transition; source, destination, weight as a double), and two constant databases (``CQDB``) holding
the label and attribute strings by id.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from itertools import repeat

import numpy as np
from attrs import frozen

__all__ = ["CrfModel", "read_strings"]

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_FEATURE = np.dtype([("type", "<u4"), ("source", "<u4"), ("target", "<u4"), ("weight", "<f8")])


def read_strings(data: bytes, offset: int) -> list[str]:
    """The strings of the CQDB at ``offset``, by id: its header gives the place of the array that
    points from each id to its record (id, size, the string and a NUL byte)."""
    magic, _, _, _, count, backward = struct.unpack_from("<4sIIIII", data, offset)
    if magic != b"CQDB":
        raise ValueError(f"no CQDB at byte {offset} of the CRF model")
    strings = []
    for number, where in enumerate(struct.unpack_from(f"<{count}I", data, offset + backward)):
        key, size = struct.unpack_from("<II", data, offset + where)
        if key != number:
            raise ValueError(f"CQDB record {number} of the CRF model holds id {key}")
        start = offset + where + 8
        strings.append(data[start : start + size - 1].decode("utf-8"))
    return strings


class _Rows(dict):
    """A column's rows by value; an unknown value (or ``None``, no value) has the row of zeros."""

    def __init__(self, unknown: int, known: dict) -> None:
        super().__init__(known)
        self.unknown = unknown

    def __missing__(self, value: str) -> int:
        return self.unknown


@frozen
class CrfModel:
    """The weights: ``state[a, y]`` is attribute ``a``'s weight for label ``y`` (with a last row of
    zeros for attributes the model does not know), ``transition[y, z]`` the weight of ``z`` after
    ``y``; ``tables`` maps a feature column's name (``"w="``, ``"sstart"``) to its values' rows."""

    labels: tuple[str, ...]
    tables: dict[str, _Rows]
    state: np.ndarray
    transition: np.ndarray

    @classmethod
    def read(cls, data: bytes) -> CrfModel:
        """The model in ``data``, the bytes of a CRFsuite model file."""
        magic, _, kind, _, _, n_labels, n_attributes, features, labels, attributes, _, _ = _HEADER.unpack_from(data)
        if magic != b"lCRF" or kind != b"FOMC":
            raise ValueError("not a CRFsuite crf1d model")
        _, _, count = struct.unpack_from("<4sII", data, features)
        entries = np.frombuffer(data, dtype=_FEATURE, count=count, offset=features + 12)
        state = np.zeros((n_attributes + 1, n_labels))
        transition = np.zeros((n_labels, n_labels))
        for target, kind_number in ((state, 0), (transition, 1)):
            chosen = entries[entries["type"] == kind_number]
            target[chosen["source"], chosen["target"]] = chosen["weight"]
        unknown = n_attributes  # the row of zeros
        tables: dict[str, _Rows] = {}
        for row, attribute in enumerate(read_strings(data, attributes)):
            name, equals, value = attribute.partition("=")
            tables.setdefault(name + equals, _Rows(unknown, {None: unknown}))[value] = row
        return cls(tuple(read_strings(data, labels)), tables, state, transition)

    def scores(self, names: Sequence[str], columns: Sequence[Sequence[str | None]]) -> np.ndarray:
        """The state score of each label for each row of the ``columns`` (a value per row, or
        ``None``), summed over the columns in their order as CRFsuite sums a token's features. A
        column with one value throughout (a flag no token of the doc has) is looked up once."""
        count = len(columns[0]) if columns else 0
        total = np.zeros((count, len(self.labels)))
        for name, column in zip(names, columns, strict=True):
            table = self.tables.get(name)
            if table is None or not count:
                continue
            if column.count(column[0]) == count:  # the same row for every value: added to each
                total += self.state[table.get(column[0], table.unknown)]
            else:
                rows = map(table.get, column, repeat(table.unknown, count))  # dict.get: no Python call per value
                total += self.state[np.fromiter(rows, dtype=np.intp, count=count)]
        return total

    def decode(self, scores: np.ndarray, bounds: Sequence[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
        """The most likely label of each row (Viterbi) and every label's marginal probability, each
        ``(start, end)`` of ``bounds`` (rows of ``scores``) being one sequence. The sequences run side
        by side, longest first, so that those still running at a step are a leading slice."""
        order = sorted(range(len(bounds)), key=lambda n: bounds[n][0] - bounds[n][1])
        lengths = [bounds[n][1] - bounds[n][0] for n in order]
        padded = np.zeros((len(order), lengths[0] if order else 0, len(self.labels)))
        for row, n in enumerate(order):
            padded[row, : lengths[row]] = scores[bounds[n][0] : bounds[n][1]]
        # running[t]: how many sequences are longer than t.
        running = np.searchsorted(-np.array(lengths), -np.arange(padded.shape[1]), side="left").tolist()
        paths, marginals = self._viterbi(padded, lengths, running), self._marginals(padded, running)
        labels = np.empty(len(scores), dtype=np.intp)
        probabilities = np.empty(scores.shape)
        for row, n in enumerate(order):
            start, end = bounds[n]
            labels[start:end] = paths[row]
            probabilities[start:end] = marginals[row, : lengths[row]]
        return labels, probabilities

    def _viterbi(self, scores: np.ndarray, lengths: list[int], running: list[int]) -> list[list[int]]:
        best = scores[:, 0].copy()
        back = np.zeros(scores.shape, dtype=np.intp)
        # reach[s, y, z]: the best score of z at t through y; the best is taken over the middle
        # axis, a maximum of whole rows (a reduction over the last, short axis costs more).
        reach = np.empty((len(best), *self.transition.shape))
        for t in range(1, scores.shape[1]):
            n = running[t]
            np.add(best[:n, :, None], self.transition, out=reach[:n])
            reach[:n].argmax(axis=1, out=back[:n, t])  # the first best, as CRFsuite keeps it
            reach[:n].max(axis=1, out=best[:n])
            best[:n] += scores[:n, t]
        paths = []
        for row, (length, label) in enumerate(zip(lengths, best.argmax(axis=1).tolist(), strict=True)):
            path = [label] * length
            steps = back[row, :length].tolist()
            for t in range(length - 1, 0, -1):
                label = path[t - 1] = steps[t][label]
            paths.append(path)
        return paths

    def _marginals(self, scores: np.ndarray, running: list[int]) -> np.ndarray:
        """CRFsuite's scaled forward and backward passes: each step's forward scores are scaled to
        sum to one, the backward ones by the same factors. Each step writes into arrays made once."""
        state = np.exp(scores)
        step = np.exp(self.transition)
        back_step = step.T
        size, longest, _ = scores.shape
        forward = np.zeros(scores.shape)
        scale = np.ones((size, longest, 1))
        sums = np.empty(size)
        forward[:, 0] = state[:, 0]
        for t in range(longest):
            n = running[t]
            here = forward[:n, t]
            if t:
                np.multiply(forward[:n, t - 1] @ step, state[:n, t], out=here)
            np.divide(1, here.sum(axis=1, out=sums[:n]), out=scale[:n, t, 0])
            here *= scale[:n, t]
        backward = np.zeros(scores.shape)
        for t in range(longest - 1, -1, -1):
            n, ending = running[t], running[t + 1] if t + 1 < longest else 0
            if ending < n:  # the sequences ending at t
                backward[ending:n, t] = scale[ending:n, t]
            if ending:
                np.multiply((backward[:ending, t + 1] * state[:ending, t + 1]) @ back_step, scale[:ending, t],
                            out=backward[:ending, t])
        return forward * backward / scale

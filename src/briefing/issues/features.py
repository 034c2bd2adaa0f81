"""Hashed n-gram features of short texts for the topic classifier: lower-cased words and word pairs,
and the character 3- to 5-grams of each word, each hashed into a fixed space of buckets.

Hashing (CRC-32, the same on every machine and Python run) lets the shipped weights be plain arrays
indexed by bucket, with no vocabulary file. Character n-grams carry what a word's stem says when the
word itself is rare ("deport" in "deportees"). Words and characters are two blocks, each weighed by
tf-idf and scaled to unit length on its own, so that neither drowns the other.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from attrs import frozen

__all__ = ["BUCKETS", "CHARS", "WORDS", "Counts", "count", "weigh"]

BUCKETS = 1 << 22
_WORD = re.compile(r"\w+")
_CHAR_SIZES = (3, 4, 5)
WORDS, CHARS = 0, 1


def _bucket(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & (BUCKETS - 1)


@frozen
class Counts:
    """The features of several texts, row after row: row ``i`` holds ``buckets[indptr[i]:indptr[i+1]]``
    with their counts and their block (``WORDS`` or ``CHARS``). Buckets are unique within a row and block."""

    indptr: np.ndarray
    buckets: np.ndarray
    counts: np.ndarray
    blocks: np.ndarray

    @property
    def rows(self) -> np.ndarray:
        """The row of each feature."""
        return np.repeat(np.arange(len(self.indptr) - 1), np.diff(self.indptr))


@lru_cache(maxsize=1 << 16)
def _char_buckets(word: str) -> tuple[int, ...]:
    """A word's character n-gram buckets, kept for the words seen last: the same words come back
    in text after text."""
    padded = f" {word} "
    return tuple(_bucket("c" + padded[i : i + n]) for n in _CHAR_SIZES for i in range(len(padded) - n + 1))


@lru_cache(maxsize=1 << 16)
def _word_bucket(word: str) -> int:
    """A word's bucket, kept like :func:`_char_buckets`."""
    return _bucket("w" + word)


def _row(text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One text's buckets, their counts and their blocks."""
    tokens = _WORD.findall(text.lower())
    buckets, counts, blocks = [], [], []
    for block, features in (
        (WORDS, [_word_bucket(t) for t in tokens] + [_bucket(f"w{a} {b}") for a, b in zip(tokens, tokens[1:])]),
        (CHARS, [b for t in tokens for b in _char_buckets(t)]),
    ):
        found, times = np.unique(np.asarray(features, dtype=np.int64), return_counts=True)
        buckets.append(found)
        counts.append(times)
        blocks.append(np.full(len(found), block, dtype=np.int8))
    return np.concatenate(buckets), np.concatenate(counts), np.concatenate(blocks)


def count(texts: Sequence[str]) -> Counts:
    """Count each text's hashed features; a text given several times (the sentence of several
    statements) is counted once."""
    indptr, buckets, counts, blocks = [0], [], [], []
    rows: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
    for text in texts:
        if text not in rows:
            rows[text] = _row(text)
        found, times, block = rows[text]
        buckets.append(found)
        counts.append(times)
        blocks.append(block)
        indptr.append(indptr[-1] + len(found))
    if not texts:
        return Counts(np.zeros(1, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32), np.zeros(0, np.int8))
    return Counts(np.asarray(indptr, dtype=np.int64), np.concatenate(buckets), np.concatenate(counts).astype(np.float32),
                  np.concatenate(blocks))


def weigh(counts: Counts, idf: np.ndarray) -> np.ndarray:
    """The value of each feature: sublinear term frequency (1 + log count) times its ``idf`` (one per
    feature; 0 drops a feature), each block of each row scaled to unit length."""
    values = (1.0 + np.log(counts.counts)) * idf
    group = counts.rows * 2 + counts.blocks
    norms = np.sqrt(np.bincount(group, weights=values * values, minlength=2 * (len(counts.indptr) - 1)))
    norms[norms == 0] = 1.0
    return (values / norms[group]).astype(np.float32)

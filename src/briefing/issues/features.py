"""Hashed n-gram features of short texts for the topic classifier: lower-cased words and word pairs,
and the character 3- to 5-grams of each word, each hashed into a fixed space of buckets.

Stop words (spaCy's English list: "and", "that", "we", "going") are left out: they say how a text
is put, not what it is about. Headlines have few, so the ones that have more (reviews, quotes)
taught the model that "and" and "me" mean Culture, which it then read into every turn of a spoken
transcript, where they are most of the words.

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
from itertools import chain

import numpy as np
from attrs import frozen
from spacy.lang.en.stop_words import STOP_WORDS

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
def _char_buckets(word: str) -> np.ndarray:
    """A word's character n-gram buckets, kept for the words seen last: the same words come back
    in text after text."""
    padded = f" {word} "
    found = np.array([_bucket("c" + padded[i : i + n]) for n in _CHAR_SIZES for i in range(len(padded) - n + 1)],
                     dtype=np.int64)
    found.setflags(write=False)  # shared by every text with the word
    return found


@lru_cache(maxsize=1 << 16)
def _word_bucket(word: str) -> int:
    """A word's bucket, kept like :func:`_char_buckets`."""
    return _bucket("w" + word)


@lru_cache(maxsize=1 << 16)
def _pair_bucket(first: str, second: str) -> int:
    """A word pair's bucket, kept like :func:`_char_buckets`."""
    return _bucket(f"w{first} {second}")


def _keys(texts: Sequence[list[str]]) -> np.ndarray:
    """The features of texts given as their lowercase words, as keys that sort by text (row), then
    block, then bucket: ``(row * 2 + block) * BUCKETS + bucket``. The words of all the texts are
    hashed and their rows set together, not text by text."""
    sizes = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    pair_sizes = np.maximum(sizes - 1, 0)
    rows = np.arange(len(texts), dtype=np.int64)
    words = [word for text in texts for word in text]
    word_rows = np.repeat(rows, sizes)
    pairs = np.fromiter(chain.from_iterable(map(_pair_bucket, text, text[1:]) for text in texts), dtype=np.int64,
                        count=int(pair_sizes.sum()))
    chars = [_char_buckets(word) for word in words]
    char_rows = np.repeat(word_rows, np.fromiter(map(len, chars), dtype=np.int64, count=len(chars)))
    return np.concatenate([
        np.fromiter(map(_word_bucket, words), dtype=np.int64, count=len(words)) + (word_rows * 2 + WORDS) * BUCKETS,
        pairs + (np.repeat(rows, pair_sizes) * 2 + WORDS) * BUCKETS,
        (np.concatenate(chars) if chars else np.zeros(0, np.int64)) + (char_rows * 2 + CHARS) * BUCKETS,
    ])


def count(texts: Sequence[str]) -> Counts:
    """Count each text's hashed features, stop words left out; a text given several times (the
    sentence of several statements) is counted once. Every text's features are counted in one sort
    of their keys (:func:`_keys`)."""
    if not texts:
        return Counts(np.zeros(1, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32), np.zeros(0, np.int8))
    rows = dict.fromkeys(texts)
    words = [[word for word in _WORD.findall(text.lower()) if word not in STOP_WORDS] for text in rows]
    found, times = np.unique(_keys(words), return_counts=True)
    groups = found // BUCKETS
    indptr = np.searchsorted(groups // 2, np.arange(len(rows) + 1))
    buckets, counts, blocks = found % BUCKETS, times.astype(np.float32), (groups % 2).astype(np.int8)
    if len(rows) < len(texts):  # a text given again takes its first row's features
        first = {text: row for row, text in enumerate(rows)}
        take = [np.arange(indptr[first[text]], indptr[first[text] + 1]) for text in texts]
        indptr = np.concatenate([[0], np.cumsum([len(t) for t in take])])
        at = np.concatenate(take)
        buckets, counts, blocks = buckets[at], counts[at], blocks[at]
    return Counts(indptr.astype(np.int64), buckets, counts, blocks)


def weigh(counts: Counts, idf: np.ndarray) -> np.ndarray:
    """The value of each feature: sublinear term frequency (1 + log count) times its ``idf`` (one per
    feature; 0 drops a feature), each block of each row scaled to unit length."""
    values = (1.0 + np.log(counts.counts)) * idf
    group = counts.rows * 2 + counts.blocks
    norms = np.sqrt(np.bincount(group, weights=values * values, minlength=2 * (len(counts.indptr) - 1)))
    norms[norms == 0] = 1.0
    return (values / norms[group]).astype(np.float32)

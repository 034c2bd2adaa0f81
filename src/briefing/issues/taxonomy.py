"""Issue taxonomies as data: a JSON file of topics (with a code such as ``cap:9``) and the finer
issues under them, each with the terms that name it. See docs/issues.md for the format."""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Sequence
from pathlib import Path

from attrs import frozen

from ..errors import BriefingError

__all__ = ["Taxonomy", "Topic", "Words", "load_taxonomy"]

_WORD = re.compile(r"\w+")


@frozen
class Words:
    """A text's words, so that a term is looked for only where its first word starts instead of by
    a scan of the whole text per term: the lowercase words sorted (``sorted``), where each word
    written in ASCII starts (``starts``, by its lowercase form), and where every other word starts
    (``other``: its case may fold in ways a lowercase comparison does not follow, so it is always tried)."""

    sorted: list[str]
    starts: dict[str, list[int]]
    other: list[int]

    @classmethod
    def of(cls, text: str) -> Words:
        starts: dict[str, list[int]] = {}
        other, others = [], set()
        for match in _WORD.finditer(text):
            word = match.group()
            if word.isascii():
                starts.setdefault(word.lower(), []).append(match.start())
            else:
                other.append(match.start())
                others.add(word)
        if all(c.lower() == c for c in set(text) if not c.isascii()):
            # lowercasing changes ASCII letters only, one for one: the words are those found, lowercased
            return cls(sorted(starts.keys() | {word.lower() for word in others}), starts, other)
        return cls(sorted(set(_WORD.findall(text.lower()))), starts, other)

    def starting(self, first: str) -> list[int]:
        """Where a word that a term's first word (``deport*``: any ending) can match starts, in order."""
        prefix = first.rstrip("*")
        if not first.endswith("*"):
            found = list(self.starts.get(prefix, ()))
        else:
            found = [at for word, places in self.starts.items() if word.startswith(prefix) for at in places]
        return sorted(found + self.other) if self.other or first.endswith("*") else found


@frozen
class Topic:
    """A topic or a finer issue: ``parent`` is the topic's key for a finer issue; ``exclude``
    matches words its terms catch but that do not name it ("importance" for "import*")."""

    key: str
    label: str
    code: str | None
    patterns: tuple[re.Pattern[str], ...]
    parent: str | None = None
    exclude: tuple[re.Pattern[str], ...] = ()
    first_words: tuple[str, ...] = ()  # each term's first word, aligned with ``patterns`` ("deport*")
    exclude_first_words: tuple[str, ...] = ()  # the same for ``exclude``

    def find(self, text: str, words: Words | None = None) -> list[tuple[int, int]]:
        """Where each of the topic's terms occurs in ``text`` (matches of different terms may
        overlap), words its exclusions match left out. ``words``, the text's words, lets a term
        whose first word is not among them be skipped, and the others be tried only where their
        first word starts."""
        if words is None or len(self.first_words) != len(self.patterns):
            found = {m.span() for pattern in self.patterns for m in pattern.finditer(text)}
        else:
            found = {span for pattern, first in zip(self.patterns, self.first_words, strict=True)
                     if _occurs(first, words.sorted) for span in _matches(pattern, first, text, words)}
        if not found:
            return []
        if words is None or len(self.exclude_first_words) != len(self.exclude):
            excluded = [m.span() for pattern in self.exclude for m in pattern.finditer(text)]
        else:
            excluded = [span for pattern, first in zip(self.exclude, self.exclude_first_words, strict=True)
                        for span in _matches(pattern, first, text, words)]
        return sorted(span for span in found if not any(a <= span[0] and span[1] <= b for a, b in excluded))


def _matches(pattern: re.Pattern[str], first: str, text: str, words: Words) -> list[tuple[int, int]]:
    """``[m.span() for m in pattern.finditer(text)]`` for a term pattern (:func:`_patterns`) whose
    first word is ``first``: a match starts where a word does, so only those starts are tried, each
    past the match before as ``finditer`` does."""
    if not _WORD.fullmatch(first.rstrip("*")):  # a first word that is no plain word may start elsewhere: scan
        return [m.span() for m in pattern.finditer(text)]
    found, end = [], 0
    for start in words.starting(first):
        if start >= end and (match := pattern.match(text, start)) is not None:
            found.append(match.span())
            end = match.end()
    return found


@frozen
class Taxonomy:
    name: str
    topics: tuple[Topic, ...]

    def children(self, key: str) -> tuple[Topic, ...]:
        return tuple(t for t in self.topics if t.parent == key)


def _patterns(terms: list[str]) -> tuple[re.Pattern[str], ...]:
    """One pattern per term: words joined by spaces or hyphens, a trailing ``*`` for any ending."""
    patterns = []
    for term in terms:
        words = [re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "") for w in term.split()]
        patterns.append(re.compile(r"(?<!\w)" + r"[\s-]+".join(words) + r"(?!\w)", re.IGNORECASE))
    return tuple(patterns)


def _first_words(terms: list[str]) -> tuple[str, ...]:
    return tuple(re.split(r"[\s-]+", term.strip().lower())[0] for term in terms)


def _occurs(first: str, words: Sequence[str]) -> bool:
    """Whether a term's first word ("deport*" for any ending) is among ``words`` (sorted)."""
    prefix = first.rstrip("*")
    at = bisect_left(words, prefix)
    return at < len(words) and (words[at] == prefix or (first.endswith("*") and words[at].startswith(prefix)))


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _exclusions(*entries: dict) -> tuple[re.Pattern[str], ...]:
    return _patterns([term for entry in entries for term in entry.get("exclude", ())])


def _exclusions_first_words(*entries: dict) -> tuple[str, ...]:
    return _first_words([term for entry in entries for term in entry.get("exclude", ())])


def load_taxonomy(path: str | Path) -> Taxonomy:
    """Read a taxonomy file; a :class:`BriefingError` naming the file and the problem otherwise."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        topics = []
        for topic in data["topics"]:
            key = _key(topic.get("code") or topic["label"])
            topics.append(Topic(key, topic["label"], topic.get("code"), _patterns(topic["terms"]), None, _exclusions(topic),
                                _first_words(topic["terms"]), _exclusions_first_words(topic)))
            for issue in topic.get("issues", ()):
                topics.append(Topic(
                    f"{key}-{_key(issue['label'])}", issue["label"], topic.get("code"), _patterns(issue["terms"]), key,
                    _exclusions(topic, issue), _first_words(issue["terms"]), _exclusions_first_words(topic, issue),
                ))
        return Taxonomy(data.get("name", Path(path).stem), tuple(topics))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise BriefingError(f"taxonomy {path}: {type(error).__name__}: {error}") from error

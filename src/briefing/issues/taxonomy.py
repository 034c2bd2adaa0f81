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

__all__ = ["Taxonomy", "Topic", "load_taxonomy"]


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

    def find(self, text: str, words: Sequence[str] | None = None) -> list[tuple[int, int]]:
        """Where each of the topic's terms occurs in ``text`` (matches of different terms may
        overlap), words its exclusions match left out. ``words``, the text's lowercase words sorted,
        lets a term whose first word is not among them be skipped without a scan."""
        patterns = self.patterns
        if words is not None and len(self.first_words) == len(patterns):
            patterns = tuple(p for p, first in zip(patterns, self.first_words, strict=True) if _occurs(first, words))
            if not patterns:
                return []
        excluded = [m.span() for pattern in self.exclude for m in pattern.finditer(text)]
        found = {m.span() for pattern in patterns for m in pattern.finditer(text)}
        return sorted(span for span in found if not any(a <= span[0] and span[1] <= b for a, b in excluded))


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


def load_taxonomy(path: str | Path) -> Taxonomy:
    """Read a taxonomy file; a :class:`BriefingError` naming the file and the problem otherwise."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        topics = []
        for topic in data["topics"]:
            key = _key(topic.get("code") or topic["label"])
            topics.append(Topic(key, topic["label"], topic.get("code"), _patterns(topic["terms"]), None, _exclusions(topic),
                                _first_words(topic["terms"])))
            for issue in topic.get("issues", ()):
                topics.append(Topic(
                    f"{key}-{_key(issue['label'])}", issue["label"], topic.get("code"), _patterns(issue["terms"]), key,
                    _exclusions(topic, issue), _first_words(issue["terms"]),
                ))
        return Taxonomy(data.get("name", Path(path).stem), tuple(topics))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise BriefingError(f"taxonomy {path}: {type(error).__name__}: {error}") from error

"""Issue taxonomies as data: a JSON file of topics (with a code such as ``cap:9``) and the finer
issues under them, each with the terms that name it. See docs/issues.md for the format."""

from __future__ import annotations

import json
import re
from pathlib import Path

from attrs import frozen

from ..errors import BriefingError

__all__ = ["Taxonomy", "Topic", "load_taxonomy"]


@frozen
class Topic:
    """A topic or a finer issue: ``parent`` is the topic's key for a finer issue."""

    key: str
    label: str
    code: str | None
    pattern: re.Pattern[str]
    parent: str | None = None


@frozen
class Taxonomy:
    name: str
    topics: tuple[Topic, ...]

    def children(self, key: str) -> tuple[Topic, ...]:
        return tuple(t for t in self.topics if t.parent == key)


def _pattern(terms: list[str]) -> re.Pattern[str]:
    alternatives = []
    for term in sorted(terms, key=len, reverse=True):
        words = [re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "") for w in term.split()]
        alternatives.append(r"[\s-]+".join(words))
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def load_taxonomy(path: str | Path) -> Taxonomy:
    """Read a taxonomy file; a :class:`BriefingError` naming the file and the problem otherwise."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        topics = []
        for topic in data["topics"]:
            key = _key(topic["code"] or topic["label"])
            topics.append(Topic(key, topic["label"], topic.get("code"), _pattern(topic["terms"])))
            for issue in topic.get("issues", ()):
                topics.append(
                    Topic(f"{key}-{_key(issue['label'])}", issue["label"], topic.get("code"), _pattern(issue["terms"]), key)
                )
        return Taxonomy(data.get("name", Path(path).stem), tuple(topics))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise BriefingError(f"taxonomy {path}: {type(error).__name__}: {error}") from error

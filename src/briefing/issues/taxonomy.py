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
    """A topic or a finer issue: ``parent`` is the topic's key for a finer issue; ``exclude``
    matches words its terms catch but that do not name it ("importance" for "import*")."""

    key: str
    label: str
    code: str | None
    patterns: tuple[re.Pattern[str], ...]
    parent: str | None = None
    exclude: tuple[re.Pattern[str], ...] = ()

    def find(self, text: str) -> list[tuple[int, int]]:
        """Where each of the topic's terms occurs in ``text`` (matches of different terms may
        overlap), words its exclusions match left out."""
        excluded = [m.span() for pattern in self.exclude for m in pattern.finditer(text)]
        found = {m.span() for pattern in self.patterns for m in pattern.finditer(text)}
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
            topics.append(Topic(key, topic["label"], topic.get("code"), _patterns(topic["terms"]), None, _exclusions(topic)))
            for issue in topic.get("issues", ()):
                topics.append(Topic(
                    f"{key}-{_key(issue['label'])}", issue["label"], topic.get("code"), _patterns(issue["terms"]), key,
                    _exclusions(topic, issue),
                ))
        return Taxonomy(data.get("name", Path(path).stem), tuple(topics))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise BriefingError(f"taxonomy {path}: {type(error).__name__}: {error}") from error

"""spaCy's attribute ruler and rule lemmatizer, run on whole token columns with the same result.

In spaCy's English pipelines these two components cost about a fifth of the parse: the attribute
ruler's ``Matcher`` tries each of its ~180 patterns at every token through a Python ``Token``, and
the lemmatizer builds a ``Token`` and a ``MorphAnalysis`` per token. :class:`TokenColumns` does
the same work on ``doc.to_array`` columns: the pattern tests a token passes are worked out once per
distinct row of column values, the matched rules' attributes are set once per token in the ruler's
order, and a lemma is made by spaCy's own lemmatizer once per (word, part of speech, morphology) and
written back as one column. So the ``Doc`` comes out the same (``tests/test_token_columns.py``
compares them token by token).

:meth:`TokenColumns.of` stands in for the two components only when it can be exact: spaCy's
own classes, patterns made of the tests handled here, rules that set token attributes only, the
lemmatizer in ``rule`` mode, and nothing after them but the entity recognizer, which reads neither
tags nor lemmas. Otherwise the pipeline runs spaCy's components as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["TokenColumns"]

#: Token attributes a pattern may test here: each is one ``doc.to_array`` column.
_COLUMNS = ("ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "ENT_TYPE", "IS_SPACE", "IS_PUNCT",
            "IS_ALPHA", "IS_DIGIT", "IS_TITLE", "IS_UPPER", "IS_LOWER", "IS_STOP", "LIKE_NUM")
#: The components that may follow the attribute ruler: they read neither tags nor lemmas.
_AFTER = ("lemmatizer", "ner")
#: The attributes a rule may set here: the token's own (an attribute of the word's lexeme would be
#: shared by every token of the word, and the last rule to set it would depend on the order).
_SETTABLE = ("POS", "TAG", "MORPH", "LEMMA", "DEP")


class _Unsupported(Exception):
    """A pattern uses something the column tests do not do exactly (an operator, a quantifier,
    an extension attribute): spaCy's own component then runs."""


class _Test:
    """One token of a pattern: the tests it makes on a token's column values."""

    def __init__(self, spec: dict[str, Any], columns: list[str]) -> None:
        from spacy.strings import get_string_id

        #: (position of the column in a row, operator, argument), an equality test first.
        self.checks: list[tuple[int, str, Any]] = []
        for key, value in spec.items():
            column = key.upper()
            if column not in _COLUMNS:
                raise _Unsupported(key)
            if column not in columns:
                columns.append(column)
            at = columns.index(column)
            flag = column.startswith(("IS_", "LIKE_"))
            if isinstance(value, dict):
                if len(value) != 1:
                    raise _Unsupported(value)
                ((op, arg),) = value.items()
                if op in ("IN", "NOT_IN") and not flag:
                    self.checks.append((at, op, frozenset(get_string_id(str(v)) for v in arg)))
                elif op == "REGEX" and not flag:
                    self.checks.append((at, op, re.compile(arg)))
                else:
                    raise _Unsupported(op)
            elif flag and isinstance(value, bool):
                self.checks.append((at, "==", int(value)))
            elif not flag and isinstance(value, str):
                self.checks.append((at, "==", get_string_id(value)))
            else:
                raise _Unsupported(value)
        self.checks.sort(key=lambda check: check[1] != "==")

    def holds(self, row: tuple[int, ...], strings: Any) -> bool:
        for at, op, arg in self.checks:
            value = row[at]
            if op == "==":
                if value != arg:
                    return False
            elif op == "IN":
                if value not in arg:
                    return False
            elif op == "NOT_IN":
                if value in arg:
                    return False
            elif not arg.search(strings[value] if value else ""):  # REGEX, on the string as the Matcher does
                return False
        return True


class TokenColumns:
    """The attribute ruler (and the rule lemmatizer after it) of a spaCy pipeline, run on columns.

    Build it with :meth:`of`; :attr:`names` are the components it stands in for (disable them in
    ``nlp.pipe`` and call the object on each parsed ``Doc``). The tests a token passes depend on
    its row of column values alone, so they are worked out once per distinct row, and the lemma
    once per (word, part of speech, morphology); both caches are emptied when they grow past
    :attr:`CACHE_LIMIT` entries, so memory stays bounded over any stream."""

    CACHE_LIMIT = 50_000

    def __init__(self, nlp: Language, ruler: Any, lemmatizer: Any | None) -> None:
        from spacy import attrs
        from spacy.strings import get_string_id

        self._strings = nlp.vocab.strings
        settable = {getattr(attrs, name) for name in _SETTABLE}
        if any(not set(a) <= settable for a in ruler.attrs):
            raise _Unsupported("an attribute that is not the token's own")
        #: Per rule (the ruler's attribute index): the attributes it sets and the token it sets them on.
        self._attrs: list[dict[int, int]] = list(ruler.attrs)
        self._indices: list[int] = list(ruler.indices)
        self._lemmatizer = lemmatizer
        self._lemmas: dict[tuple[int, int, int], int] = {}
        self._passing: dict[tuple[int, ...], tuple[int, ...]] = {}
        self._columns: list[str] = []
        self._tests: list[_Test] = []
        #: By the id of a pattern's first test: (attribute index, key, ids of its later tests).
        self._starting: dict[int, list[tuple[int, int, tuple[int, ...]]]] = {}
        for index in range(len(ruler.attrs)):
            key = get_string_id(str(index))
            for pattern in ruler.matcher.get(str(index))[1]:
                if not -len(pattern) <= self._indices[index] < len(pattern):
                    raise _Unsupported("a token index outside its pattern")  # spaCy's ruler raises on it
                ids = []
                for spec in pattern:
                    self._tests.append(_Test(spec, self._columns))
                    ids.append(len(self._tests) - 1)
                if ids:
                    self._starting.setdefault(ids[0], []).append((index, key, tuple(ids[1:])))
        #: The tests with an equality test, by (column position, value); the others.
        self._by_value: dict[tuple[int, int], list[int]] = {}
        self._unindexed: list[int] = []
        for i, test in enumerate(self._tests):
            if test.checks and test.checks[0][1] == "==":
                self._by_value.setdefault(test.checks[0][:1] + test.checks[0][2:], []).append(i)
            else:
                self._unindexed.append(i)
        self.names = ("attribute_ruler",) + (("lemmatizer",) if lemmatizer is not None else ())

    @classmethod
    def of(cls, nlp: Language, components: Iterable[str]) -> TokenColumns | None:
        """The column version of ``nlp``'s ``attribute_ruler`` (and ``lemmatizer``) among the
        ``components`` that will run, or ``None`` when it cannot give spaCy's result exactly."""
        from spacy.pipeline import AttributeRuler, Lemmatizer

        run = [name for name in nlp.pipe_names if name in set(components)]
        if "attribute_ruler" not in run or not isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler):
            return None
        after = run[run.index("attribute_ruler") + 1:]
        if any(name not in _AFTER for name in after):
            return None
        lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in after else None
        if lemmatizer is not None and not (
            isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode == "rule" and not lemmatizer.overwrite
            and lemmatizer.lookups.has_table("lemma_rules")
        ):
            return None
        try:
            return cls(nlp, nlp.get_pipe("attribute_ruler"), lemmatizer)
        except _Unsupported:
            return None

    def _passed(self, row: tuple[int, ...]) -> tuple[int, ...]:
        """The ids of the tests a token with these column values passes."""
        passing = self._passing.get(row)
        if passing is None:
            if len(self._passing) >= self.CACHE_LIMIT:
                self._passing.clear()
            candidates = [*self._unindexed, *(i for at, value in enumerate(row) for i in self._by_value.get((at, value), ()))]
            passing = self._passing[row] = tuple(i for i in candidates if self._tests[i].holds(row, self._strings))
        return passing

    def matches(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """What ``AttributeRuler.match`` returns for ``doc``: (attribute index, key, start, end),
        sorted, each match once."""
        from spacy import attrs

        if not len(doc) or not self._columns:
            return []
        rows = doc.to_array([getattr(attrs, c) for c in self._columns]).reshape(len(doc), -1).tolist()
        passing = [set(self._passed(tuple(row))) for row in rows]
        found = set()  # the Matcher gives a key's match at the same place once, whichever pattern made it
        for start, here in enumerate(passing):
            for first in here:
                for index, key, rest in self._starting.get(first, ()):
                    end = start + 1 + len(rest)
                    if not rest or end <= len(passing) and all(t in passing[start + 1 + k] for k, t in enumerate(rest)):
                        found.add((index, key, start, end))
        return sorted(found)

    def lemmatize(self, doc: Doc) -> None:
        """Set each lemma the rule lemmatizer would: only where none is set, from its rules, looked
        up once per (word, part of speech, morphology)."""
        import numpy
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = table[:, 3].copy()
        known = self._lemmas
        for i in numpy.flatnonzero(lemmas == 0).tolist():
            key = (int(table[i, 0]), int(table[i, 1]), int(table[i, 2]))
            lemma = known.get(key)
            if lemma is None:
                if len(known) >= self.CACHE_LIMIT:
                    known.clear()
                lemma = known[key] = self._strings.add(self._lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas)

    def annotate(self, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        """Set what the matched rules set, as ``AttributeRuler.set_annotations`` does: in the order of
        the matches, so a later rule overrides an earlier one, but once per token."""
        from spacy.tokens._retokenize import set_token_attrs

        merged: dict[int, dict[int, int]] = {}
        for index, _, start, end in matches:
            at = self._indices[index]
            merged.setdefault(start + at if at >= 0 else end + at, {}).update(self._attrs[index])
        for i, attributes in merged.items():
            set_token_attrs(doc[i], attributes)

    def __call__(self, doc: Doc) -> Doc:
        self.annotate(doc, self.matches(doc))
        if self._lemmatizer is not None:
            self.lemmatize(doc)
        return doc

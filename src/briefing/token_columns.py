"""spaCy's attribute ruler and rule lemmatizer, run on whole token columns with the same result.

In spaCy's English pipelines these two components cost about a fifth of the parse: the attribute
ruler's ``Matcher`` tries each of its ~180 patterns at every token through a Python ``Token``, and
the lemmatizer builds a ``Token`` and a ``MorphAnalysis`` per token. :class:`TokenColumns` does
the same work on ``doc.to_array`` columns: each pattern is a test on arrays of hashes (a regular
expression is tried once per distinct word), and a lemma is looked up once per (word, part of
speech, morphology) and written back as one column. The matches found, their order, the
attributes set and the lemmas are the attribute ruler's and the lemmatizer's own (their
``set_annotations`` and ``lemmatize`` do the writing and the rule lemmas), so the ``Doc`` comes out
the same (``tests/test_token_columns.py`` compares them token by token).

:meth:`TokenColumns.of` stands in for the two components only when it can be exact: spaCy's
own classes, patterns made of the predicates handled here, the lemmatizer in ``rule`` mode, and
nothing after them but the entity recognizer, which reads neither tags nor lemmas. Otherwise the
pipeline runs spaCy's components as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["TokenColumns"]

#: Token attributes a pattern may test here: each is one ``doc.to_array`` column.
_COLUMNS = ("ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "ENT_TYPE", "IS_SPACE", "IS_PUNCT",
            "IS_ALPHA", "IS_DIGIT", "IS_TITLE", "IS_UPPER", "IS_LOWER", "IS_STOP", "LIKE_NUM")
#: The components that may follow the attribute ruler: they read neither tags nor lemmas.
_AFTER = ("lemmatizer", "ner")


class _Unsupported(Exception):
    """A pattern uses something the column tests do not do exactly (an operator, a quantifier,
    an extension attribute): spaCy's own component then runs."""


class _Test:
    """One token of a pattern: the column tests it makes, as functions of the column arrays."""

    def __init__(self, spec: dict[str, Any]) -> None:
        from spacy.strings import get_string_id

        self.checks: list[tuple[str, str, Any]] = []
        for key, value in spec.items():
            column = key.upper()
            if column not in _COLUMNS:
                raise _Unsupported(key)
            flag = column.startswith(("IS_", "LIKE_"))
            if isinstance(value, dict):
                if len(value) != 1:
                    raise _Unsupported(value)
                ((op, arg),) = value.items()
                if op in ("IN", "NOT_IN") and not flag:
                    self.checks.append((column, op, [get_string_id(str(v)) for v in arg]))
                elif op == "REGEX" and not flag:
                    self.checks.append((column, op, re.compile(arg)))
                else:
                    raise _Unsupported(op)
            elif flag and isinstance(value, bool):
                self.checks.append((column, "==", int(value)))
            elif not flag and isinstance(value, str):
                self.checks.append((column, "==", get_string_id(value)))
            else:
                raise _Unsupported(value)
        self.checks.sort(key=lambda check: check[1] != "==")  # an equality test first: it picks the tokens

    def positions(self, columns: _Doc) -> numpy.ndarray:
        """The sorted indices of the tokens that pass: the tokens holding the value of the first
        equality test, filtered by the others (every token when there is no equality test)."""
        import numpy

        checks = self.checks
        if checks and checks[0][1] == "==":
            column, _, value = checks[0]
            found, checks = columns.where(column, value), checks[1:]
        else:
            found = numpy.arange(columns.size)
        for column, op, arg in checks:
            values = columns.values[column][found]
            if op == "==":
                found = found[values == arg]
            elif op == "IN":
                found = found[numpy.isin(values, arg)]
            elif op == "NOT_IN":
                found = found[~numpy.isin(values, arg)]
            else:  # REGEX: tried once per distinct value, on its string as the Matcher does
                matching = [h for h in numpy.unique(values).tolist() if arg.search(columns.strings[h] if h else "")]
                found = found[numpy.isin(values, matching)]
        return found


class _Doc:
    """A doc's token columns, and for each column the tokens holding each value (built on demand)."""

    def __init__(self, doc: Doc, names: list[str]) -> None:
        from spacy import attrs

        table = doc.to_array([getattr(attrs, name) for name in names])
        self.size = len(doc)
        self.strings = doc.vocab.strings
        self.values = {name: table[:, i] for i, name in enumerate(names)}
        self._where: dict[str, dict[int, numpy.ndarray]] = {}

    def where(self, column: str, value: int) -> numpy.ndarray:
        import numpy

        groups = self._where.get(column)
        if groups is None:
            values = self.values[column]
            order = numpy.argsort(values, kind="stable")
            distinct, starts = numpy.unique(values[order], return_index=True)
            groups = self._where[column] = dict(zip(distinct.tolist(), numpy.split(order, starts[1:]), strict=True))
        return groups.get(value, numpy.empty(0, dtype=numpy.int64))


class TokenColumns:
    """The attribute ruler (and the rule lemmatizer after it) of a spaCy pipeline, run on columns.

    Build it with :meth:`of`; :attr:`names` are the components it stands in for (disable them in
    ``nlp.pipe`` and call the object on each parsed ``Doc``)."""

    def __init__(self, nlp: Language, ruler: Any, lemmatizer: Any | None) -> None:
        from spacy.strings import get_string_id

        strings = nlp.vocab.strings
        self._strings = strings
        self._ruler = ruler
        self._lemmatizer = lemmatizer
        self._lemmas: dict[tuple[int, int, int], int] = {}
        #: Each pattern: the ruler's attribute index, its key, and its token tests.
        self._patterns: list[tuple[int, int, list[_Test]]] = []
        for index in range(len(ruler.attrs)):
            key = get_string_id(str(index))
            for pattern in ruler.matcher.get(str(index))[1]:
                if pattern:
                    self._patterns.append((index, key, [_Test(spec) for spec in pattern]))
        self._columns = sorted({c for _, _, tests in self._patterns for t in tests for c, _, _ in t.checks})
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

    def matches(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """What ``AttributeRuler.match`` returns for ``doc``: (attribute index, key, start, end),
        sorted, each match once."""
        import numpy

        if not len(doc):
            return []
        columns = _Doc(doc, self._columns)
        found = set()  # the Matcher gives a key's match at the same place once, whichever pattern made it
        for index, key, tests in self._patterns:
            starts = tests[0].positions(columns)
            for offset, test in enumerate(tests[1:], start=1):
                starts = numpy.intersect1d(starts, test.positions(columns) - offset, assume_unique=True)
            found.update((index, key, start, start + len(tests)) for start in starts.tolist())
        return sorted(found)

    def lemmatize(self, doc: Doc) -> None:
        """Set each lemma the rule lemmatizer would: only where none is set, from its rules, looked
        up once per (word, part of speech, morphology)."""
        import numpy
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = table[:, 3].copy()
        known = self._lemmas
        strings = self._strings
        for i in numpy.flatnonzero(lemmas == 0).tolist():
            key = (int(table[i, 0]), int(table[i, 1]), int(table[i, 2]))
            lemma = known.get(key)
            if lemma is None:
                lemma = known[key] = strings.add(self._lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas)

    def __call__(self, doc: Doc) -> Doc:
        self._ruler.set_annotations(doc, self.matches(doc))
        if self._lemmatizer is not None:
            self.lemmatize(doc)
        return doc

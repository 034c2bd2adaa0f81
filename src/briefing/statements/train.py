"""Training the statement tagger from BRAT gold in the PolNeAR layout.

    python -m briefing.statements.train /work/shared/corpus/polnear/train

parses every article with the same pipeline ``briefing evaluate`` uses (metadata and participants
by the rules), runs the rule-based statement extractor for its features, labels each token from the
first annotator's speech attributions, and trains the CRF (L-BFGS with elastic-net regularisation,
a fixed number of passes, no randomness), writing ``src/briefing/data/statements-crf.crfsuite``.
``--cache DIR`` keeps the parses for the next run.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from ..formats.brat import Attribution, GoldDocument, read_gold
from ..evaluate import SPEECH
from ..model import Briefing
from ..nlp import doc_text

__all__ = ["PARAMS", "gold_attributions", "main", "parsed", "sequences", "train"]

#: The CRF's training parameters (L-BFGS; c1 is the L1 weight that keeps the model small).
PARAMS = {
    "c1": 2.0,
    "c2": 0.01,
    "max_iterations": 150,
    "feature.possible_transitions": True,
    "feature.minfreq": 1,
}
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "data" / "statements-crf.crfsuite"


def gold_attributions(document: GoldDocument) -> list[Attribution]:
    """The attributions the tagger learns: those with content whose cue reports speech (the
    evaluation's ``speech`` subset)."""
    return [
        a for a in document.attributions
        if a.content and a.cue and SPEECH.search(" ".join(document.text[s:e] for s, e in a.cue))
    ]


def parsed(directory: str | Path, cache: str | Path | None = None, model: str | None = None
           ) -> Iterator[tuple[GoldDocument, Briefing, object]]:
    """Each gold document with its briefing (metadata and participants extracted) and spaCy doc,
    read from ``cache`` when it holds them."""
    from spacy.tokens import DocBin

    from ..convert import dumps, loads
    from ..pipeline import Pipeline

    documents = list(read_gold(directory))
    pipeline = Pipeline(model=model, reader="text", statements="none", issues="none")
    stored = Path(cache) / f"{Path(directory).name}.spacy" if cache else None
    stored_json = stored.with_suffix(".jsonl") if stored else None
    if stored is not None and stored.is_file() and stored_json.is_file():
        docs = list(DocBin().from_disk(stored).get_docs(pipeline.nlp.vocab))
        briefings = [loads(line) for line in stored_json.read_text("utf-8").splitlines()]
        yield from zip(documents, briefings, docs, strict=True)
        return
    briefings = [b for b in pipeline.read([d.path for d in documents])]
    pairs = []
    for briefing, doc in zip(briefings, pipeline.nlp.pipe(b.text for b in briefings), strict=True):
        briefing = pipeline.extract_from_doc(briefing, doc)
        pairs.append((briefing, doc))
    if stored is not None:
        stored.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=[d for _, d in pairs]).to_disk(stored)
        stored_json.write_text("".join(dumps(b) + "\n" for b, _ in pairs), "utf-8")
    for document, (briefing, doc) in zip(documents, pairs, strict=True):
        yield document, briefing, doc


def sequences(items, others: bool = True) -> Iterator[tuple[list[list[str]], list[str]]]:
    """(features, labels) of every paragraph of every parsed gold document."""
    from .features import rule_view, token_features
    from .frames import QuoteIndex, find_frames
    from .quotes import find_quotes
    from .rules import extract_statements
    from .tagger import gold_labels

    for document, briefing, doc in items:
        skip = [(s.span.start, s.span.end) for s in briefing.sections
                if s.kind in {"byline", "dateline", "tagline", "label"}]
        quotes = [q for q in find_quotes(doc_text(doc)) if not any(a <= q.start < b for a, b in skip)]
        frames = find_frames(doc, QuoteIndex(quotes), skip=skip)
        statements, _ = extract_statements(doc, briefing.participants, briefing.sections, frames)
        attributions = gold_attributions(document)
        rest = [a for a in document.attributions if a.content and a not in attributions] if others else []
        for paragraph in token_features(doc, quotes, rule_view(doc, statements, frames)):
            yield paragraph.features, gold_labels(paragraph.tokens, attributions, rest)


def train(items, out: str | Path, params: dict | None = None) -> dict:
    """Train the CRF on ``items`` (from :func:`parsed`) and write it to ``out``; returns a summary."""
    try:
        import pycrfsuite
    except ImportError as error:  # tagging needs only numpy; training needs python-crfsuite
        raise ImportError("training the statements CRF needs python-crfsuite: pip install 'briefing[train]'") from error

    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.select("lbfgs", "crf1d")
    trainer.set_params({**PARAMS, **(params or {})})
    paragraphs = tokens = 0
    for features, labels in sequences(items):
        trainer.append(features, labels)
        paragraphs += 1
        tokens += len(labels)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return {"paragraphs": paragraphs, "tokens": tokens, "iterations": trainer.logparser.last_iteration,
            "bytes": out.stat().st_size}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m briefing.statements.train", description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="gold in the PolNeAR layout (text/, attributions/), e.g. polnear/train")
    parser.add_argument("--out", default=str(DEFAULT_OUT), help="where to write the weights (default: the package's)")
    parser.add_argument("--cache", help="directory to keep the spaCy parses in between runs")
    parser.add_argument("--model", help="spaCy pipeline (default: as briefing picks it)")
    parser.add_argument("--c1", type=float, default=PARAMS["c1"])
    parser.add_argument("--c2", type=float, default=PARAMS["c2"])
    parser.add_argument("--iterations", type=int, default=PARAMS["max_iterations"])
    args = parser.parse_args(argv)
    began = time.perf_counter()
    items = list(parsed(args.corpus, args.cache, args.model))
    parsed_at = time.perf_counter()
    summary = train(items, args.out, {"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations})
    done = time.perf_counter()
    print(f"{len(items)} articles, {summary['paragraphs']} paragraphs, {summary['tokens']} tokens; "
          f"parse {parsed_at - began:.0f}s, train {done - parsed_at:.0f}s; "
          f"{summary['iterations']['num']} iterations; wrote {args.out} ({summary['bytes'] / 1e6:.1f} MB)",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

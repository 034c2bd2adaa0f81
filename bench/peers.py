"""Statement extraction quality of briefing's extractors and of textacy, on the same gold data.

    python bench/peers.py [GOLD_DIR] [--limit N]

GOLD_DIR is BRAT gold in the PolNeAR layout (default: ../shared/corpus/polnear/dev). textacy's
``direct_quotations`` (speaker, cue, content triples) is turned into briefing statements — the
speaker tokens as the source, no participants — and every system is scored with
``briefing.evaluate``, which agrees with PolNeAR's reference scorer. textacy raises on a text with
an odd number of quotation marks; such a text counts as giving no statements. textacy is optional
(``pip install textacy``); without it only briefing's extractors are scored.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from briefing import Briefing, Pipeline, PluginManager, Span, Statement
from briefing.formats.brat import read_gold
from briefing.evaluate import evaluate
from briefing.nlp import load_pipeline

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT.parent / "shared" / "corpus" / "polnear" / "dev"


def textacy_briefings(nlp, documents):
    from textacy.extract.triples import direct_quotations

    for document, doc in zip(documents, nlp.pipe([d.text for d in documents], batch_size=8), strict=True):
        statements = []
        try:
            triples = list(direct_quotations(doc))
        except ValueError:
            triples = []  # textacy refuses texts with an odd number of quotation marks
        for number, triple in enumerate(triples, 1):
            speaker, cue, content = triple.speaker, triple.cue, triple.content
            statements.append(Statement(
                id=f"s{number}", kind="direct",
                content=[Span.of(doc.text, content.start_char, content.end_char)],
                cue=Span.of(doc.text, cue[0].idx, cue[-1].idx + len(cue[-1])) if cue else None,
                source=Span.of(doc.text, speaker[0].idx, speaker[-1].idx + len(speaker[-1])) if speaker else None,
            ))
        yield Briefing(id=document.name, text=doc.text, statements=statements)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    documents = list(read_gold(args.gold))[: args.limit]
    nlp = load_pipeline()
    plugins = PluginManager(autoload=False)
    systems = {}
    for name in plugins.names("statements extractor"):
        pipeline = Pipeline(nlp=nlp, plugins=plugins, statements=name, issues="none", reader="text")
        systems[f"briefing {name}"] = list(pipeline.extract_many([d.path for d in documents]))
    try:
        systems["textacy direct_quotations"] = list(textacy_briefings(nlp, documents))
    except ImportError:
        print("textacy is not installed: pip install textacy to compare with it")
    print(f"{len(documents)} documents from {args.gold}")
    print(f"{'system':28} {'subset':7} {'loose P/R/F1':22} {'strict F1':>9} {'speaker':>8} {'named':>6}")
    for name, briefings in systems.items():
        report = evaluate(documents, briefings, ("speech", "direct"))
        for row in report.rows:
            print(f"{name:28} {row.subset:7} {str(row.loose):22} {row.strict[2]:9.3f} {row.speaker:8.3f} "
                  f"{row.named_speaker:6.3f}")


if __name__ == "__main__":
    main()

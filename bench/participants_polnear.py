"""How well participants come out on PolNeAR: the people and organisations the annotators marked as
sources, found as participants with the titles, organisations and parties the article gives them.

Run from the project root (the corpus is read from ../shared/corpus or $BRIEFING_CORPUS)::

    python bench/participants_polnear.py                 # train and dev
    python bench/participants_polnear.py dev --show 40   # dev only, list 40 failures of each kind

Definitions, all over gold attributions whose source *names* someone: the source, with any
parenthetical ("(D-Va.)") and anything after its first comma (an appositive) set aside, ends in a run
of capitalised words that are not titles, honorifics, pronouns or party words. That run is the
*name* ("Robby Mook" in "Clinton campaign manager Robby Mook"); the other words of the source,
determiners and honorifics left out, are its *description* ("Clinton campaign manager").

- **found**: a participant (not the author) has a mention overlapping the name.
- **resolved**: such a participant's name holds every word of the name (so "Mook" must have been
  merged into "Robby Mook").
- **speaker**: the resolved participant's role is ``speaker``.
- **titled**: of the resolved sources that resolve to a person and whose description says more
  than a party ("Democrat Hillary Clinton" does not), the person has
  a title or an organisation; **title agrees**: a word of that title or organisation (abbreviations
  spelt out) is a word of the description.
- **party**: of the resolved sources whose description states one party ("(D-Va.)", "R-Wis.",
  "Democrat", "Republican", "GOP"), the participant's party is that party.

Each source counts once per attribution, as the annotators marked it.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from conftest import corpus_dir  # noqa: E402

from briefing import Pipeline, PluginManager  # noqa: E402
from briefing.brat import read_gold  # noqa: E402
from briefing.participants.countries import country  # noqa: E402
from briefing.participants.lexicon import lexicon  # noqa: E402
from briefing.participants.names import fold  # noqa: E402

_WORD = re.compile(r"[^\s,()]+")
_PARTY_CODE = re.compile(r"^\(?([DR])-[A-Z][\w.]*\)?,?$")
_PARTY_WORDS = {"democrat": "Democratic", "democrats": "Democratic", "democratic": "Democratic",
                "republican": "Republican", "republicans": "Republican", "gop": "Republican"}
_NOT_NAMES = {"he", "she", "it", "they", "we", "i", "you", "who", "this", "that", "these", "those", "there", "one",
              "no", "the", "a", "an", "his", "her", "their", "its", "our", "some", "many", "most", "all", "both"}
_DETERMINERS = {"the", "a", "an", "'s", "’s", "'", "’"}
_PREPOSITIONS = {"for", "of", "at", "by", "to", "with", "from", "in", "on"}


def _is_name_word(word: str) -> bool:
    bare = re.sub(r"(?:'s|’s|'|’)$", "", word)
    if not bare[:1].isupper() or bare.lower() in _NOT_NAMES or bare.lower() in _PARTY_WORDS:
        return False
    lex = lexicon()
    return not (lex.is_title_word(bare) or bare in lex.honorifics or country(bare))


def name_and_description(text: str, ranges) -> tuple[list[tuple[int, int, str]], list[str]] | None:
    """The name run (document offsets and words) and the description words of a gold source; a
    source naming several people ("Mr. Grassley and Mr. Leahy") names none for this count."""
    words = [(a + m.start(), a + m.end(), m.group()) for a, b in ranges for m in _WORD.finditer(text[a:b])]
    if not words or any(w in {"and", "&"} for _s, _e, w in words):
        return None
    description, head = [], []
    cut = False
    for start, end, word in words:
        after_comma = cut
        if text[end:end + 1] == "," or word.endswith(","):
            cut = True
        if after_comma or text[start - 1:start] == "(" or _PARTY_CODE.match(word):
            description.append(word)
        else:
            head.append((start, end, word))
    run: list[tuple[int, int, str]] = []
    for item in reversed(head):
        if not _is_name_word(item[2]) or (run and re.search(r"(?:'s|’s|'|’)$", item[2])):
            break
        run.insert(0, item)
    while run and _sentence_initial(text, run[0][0]) and re.search(rf"\b{re.escape(run[0][2].lower())}\b", text):
        run.pop(0)  # "Rival", "Police": a sentence's first word that the text also writes in lower case
    if run and len(head) > len(run) and head[len(head) - len(run) - 1][2].lower() in _PREPOSITIONS:
        return None  # "a spokeswoman for Hillary Clinton" names the spokeswoman, not Clinton
    if not run or run[-1] is not head[-1]:
        return None
    rest = [w for _s, _e, w in head[: len(head) - len(run)]]
    description += rest
    return run, [w for w in description if w.lower() not in _DETERMINERS and w not in lexicon().courtesy_titles]


def _sentence_initial(text: str, start: int) -> bool:
    return re.search(r"(?:^|[.!?:]\s+|\n\s*|[“\"]\s*)$", text[max(0, start - 3) : start]) is not None


def expected_party(description: list[str]) -> str | None:
    found = set()
    for word in description:
        code = _PARTY_CODE.match(word)
        if code:
            found.add("Democratic" if code.group(1) == "D" else "Republican")
        party = _PARTY_WORDS.get(re.sub(r"\W+$", "", word.lower()))
        if party:
            found.add(party)
    return found.pop() if len(found) == 1 else None


def _folded(words) -> set[str]:
    return {fold(re.sub(r"(?:'s|’s|'|’)$", "", w)) for w in lexicon().expand(" ".join(words)).split()}


def measure(documents, briefings, show: int = 0) -> Counter:
    counts: Counter = Counter()
    shown: Counter = Counter()

    def note(kind: str, line: str) -> None:
        if shown[kind] < show:
            shown[kind] += 1
            print(f"{kind}\t{line}")

    for document, briefing in zip(documents, briefings, strict=True):
        people = [p for p in briefing.participants if p.role != "author"]
        for attribution in document.attributions:
            if not attribution.source:
                continue
            parsed = name_and_description(document.text, attribution.source)
            if parsed is None:
                continue
            run, description = parsed
            start, end = run[0][0], run[-1][1]
            source = " … ".join(document.text[a:b] for a, b in attribution.source)
            counts["named sources"] += 1
            found = [p for p in people if any(m.start < end and start < m.end for m in p.mentions)]
            if not found:
                note("MISSED", f"{document.name}\t{source}")
                continue
            counts["found"] += 1
            want = _folded(w for _s, _e, w in run)
            right = [p for p in found if want <= _folded(p.name.split())]
            if not right:
                note("NAME", f"{document.name}\t{source}\t-> {[p.name for p in found]}")
                continue
            counts["resolved"] += 1
            participant = right[0]
            counts["speaker"] += participant.role == "speaker"
            titled = [w for w in description if not _PARTY_CODE.match(w) and not _PARTY_WORDS.get(re.sub(r"\W+$", "", w.lower()))]
            if titled and participant.kind == "person":
                counts["described"] += 1
                if participant.title or participant.organization:
                    counts["titled"] += 1
                    mine = _folded(f"{participant.title or ''} {participant.organization or ''}".split())
                    if mine & _folded(description):
                        counts["title agrees"] += 1
                    else:
                        note("TITLE", f"{document.name}\t{source}\t-> {participant.title!r} {participant.organization!r}")
                else:
                    note("UNTITLED", f"{document.name}\t{source}")
            party = expected_party(description)
            if party:
                counts["with party"] += 1
                if participant.party == party:
                    counts["party right"] += 1
                else:
                    note("PARTY", f"{document.name}\t{source}\t-> {participant.party!r}")
    return counts


def report(counts: Counter) -> str:
    def share(part: str, whole: str) -> str:
        return f"{counts[part]}/{counts[whole]} = {counts[part] / counts[whole]:.3f}" if counts[whole] else "-"

    return "\n".join([
        f"named sources       {counts['named sources']}",
        f"found               {share('found', 'named sources')}",
        f"resolved            {share('resolved', 'named sources')}",
        f"speaker             {share('speaker', 'resolved')}",
        f"titled (described)  {share('titled', 'described')}",
        f"title agrees        {share('title agrees', 'described')}",
        f"party right         {share('party right', 'with party')}",
    ])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("splits", nargs="*", default=["train", "dev"], help="PolNeAR splits (default: train dev)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles of each split")
    parser.add_argument("--show", type=int, default=0, help="list up to N failures of each kind")
    args = parser.parse_args()
    corpus = corpus_dir()
    if corpus is None:
        sys.exit("the shared corpus is not available (../shared/corpus or $BRIEFING_CORPUS)")
    pipeline = Pipeline(plugins=PluginManager(autoload=False), reader="text")
    for split in args.splits:
        began = time.perf_counter()
        documents = list(read_gold(corpus / "polnear" / split))[: args.limit]
        failed = []
        briefings = {b.source.path: b for b in pipeline.extract_many((d.path for d in documents), on_error=failed.append)}
        kept = [d for d in documents if str(d.path) in briefings]
        counts = measure(kept, [briefings[str(d.path)] for d in kept], args.show)
        print(f"== PolNeAR {split}: {len(kept)} articles, {time.perf_counter() - began:.0f} s")
        for failure in failed:
            print(f"   left out (extraction failed): {failure}")
        print(report(counts))


if __name__ == "__main__":
    main()

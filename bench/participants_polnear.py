"""How well participants come out on PolNeAR: the people and organisations the annotators marked as
sources, found as participants with the titles, organisations and parties the article gives them.

Run from the project root (the corpus is read from ../shared/corpus or $BRIEFING_CORPUS)::

    python bench/participants_polnear.py                 # train and dev
    python bench/participants_polnear.py dev --show 40   # dev only, list 40 failures of each kind

Definitions, all over gold attributions whose source *names* someone: the source, with any
parenthetical ("(D-Va.)"), anything after its first comma (an appositive) and anything from its first
preposition or relative pronoun on ("of West Virginia", "that appeared in ...") set aside, ends in a
run of capitalised words that are not titles, honorifics, pronouns or party words. That run is the
*name* ("Robby Mook" in "Clinton campaign manager Robby Mook"); the other words of the source,
determiners and honorifics left out, are its *description* ("Clinton campaign manager"). A word
capitalised only where capitals say nothing (at a sentence's start, or in a line whose words are all
capitalised, such as a title-case headline) is a name word only if the text also capitalises it
somewhere else ("Polls", "Frustrated Parents" are not names; a surname is). With ``--loose`` the
definitions are those before this paragraph's last two rules, and an acronym does not resolve (the numbers of earlier runs).

- **found**: a participant (not the author) has a mention overlapping the name.
- **resolved**: such a participant's name holds every word of the name (so "Mook" must have been
  merged into "Robby Mook").
- **speaker**: the resolved participant's role is ``speaker``.
- **titled**: of the resolved sources that resolve to a person and whose description says more
  than a party ("Democrat Hillary Clinton" does not), the person has
  a title or an organisation; **title agrees**: a word of that title or organisation (abbreviations
  spelt out) is a word of the description.
  An acronym resolves to its expansion ("the IMF" to "International Monetary Fund").
- **party**: of the resolved sources whose description states one party ("(D-Va.)", "R-Wis.",
  "Democrat", "Republican", "GOP"), the participant's party is that party.
- **organisation**: of the resolved sources that resolve to a person and whose description names an
  organisation (a capitalised word that is no title, party, country, state or honorific: "Clinton" in
  "Clinton campaign manager", "RNC" in "chief strategist for the RNC"), the person's organisation
  shares a word with it, or is its expansion ("Republican National Committee" for "RNC").
- **country**: of the resolved sources whose description names a country or a state ("Mexico's
  foreign minister", "a nurse from Ohio": the United States), the participant's affiliation is that
  country; **country from party**: of those whose description states a party, the participant's
  affiliation is the party's country (the United States for PolNeAR's parties).

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
from briefing.formats.brat import read_gold  # noqa: E402
from briefing.participants.countries import country, region_country  # noqa: E402
from briefing.participants.lexicon import lexicon  # noqa: E402
from briefing.participants.names import fold, is_acronym  # noqa: E402

_WORD = re.compile(r"[^\s,()]+")
_PARTY_CODE = re.compile(r"^\(?([DR])-[A-Z][\w.]*\)?,?$")
_PARTY_WORDS = {"democrat": "Democratic", "democrats": "Democratic", "democratic": "Democratic",
                "republican": "Republican", "republicans": "Republican", "gop": "Republican"}
_NOT_NAMES = {"he", "she", "it", "they", "we", "i", "you", "who", "this", "that", "these", "those", "there", "one",
              "no", "the", "a", "an", "his", "her", "their", "its", "our", "some", "many", "most", "all", "both"}
_DETERMINERS = {"the", "a", "an", "'s", "’s", "'", "’"}
_PREPOSITIONS = {"for", "of", "at", "by", "to", "with", "from", "in", "on"}
_RELATIVES = {"who", "whose", "which", "that", "whom"}
_PARTICLES = {"bin", "ibn", "de", "del", "der", "van", "von", "da", "di", "du", "al", "el", "la", "le"}
_CUTS = _PREPOSITIONS | {"like", "including", "who", "whose", "which", "that"}
_SMALL = {"a", "an", "the", "of", "for", "to", "in", "on", "at", "and", "or", "by", "with", "from", "as", "is", "are"}


def _is_name_word(word: str) -> bool:
    bare = re.sub(r"(?:'s|’s|'|’)$", "", word)
    if not bare[:1].isupper() or bare.lower() in _NOT_NAMES or bare.lower() in _PARTY_WORDS:
        return False
    lex = lexicon()
    return not (lex.is_title_word(bare) or bare in lex.honorifics or country(bare))


def _uninformative(text: str, start: int, alone: bool = True) -> bool:
    """Whether a capital at ``start`` says nothing: a sentence's first word (``alone``, not followed
    by another capitalised word of the same name), or a word in a line whose words are all
    capitalised (a title-case headline, an all-caps heading)."""
    previous = re.search(r"(\S+)\s+$", text[max(0, start - 30) : start])
    abbreviation = previous is not None and re.fullmatch(r"(?:[A-Z][a-z]{0,3}\.|(?:[A-Z]\.)+)", previous.group(1))
    if alone and _sentence_initial(text, start) and not abbreviation:  # "Sen. Graham" is mid-sentence
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    words = [w for w in _WORD.findall(text[line_start : line_end if line_end >= 0 else len(text)])
             if w[:1].isalpha() and w.lower() not in _SMALL]
    return len(words) >= 3 and all(w[:1].isupper() for w in words)


def _telling_capitals(text: str) -> set[str]:
    """The words the text capitalises where a capital tells a name: neither at a sentence's start
    nor in a line all of whose words are capitalised."""
    return {fold(m.group()) for m in _NAME_WORD.finditer(text) if not _uninformative(text, m.start())}


_NAME_WORD = re.compile(r"\b[A-Z][\w'’.-]*")


def name_and_description(
    text: str, ranges, telling: set[str] | None = None
) -> tuple[list[tuple[int, int, str]], list[str]] | None:
    """The name run (document offsets and words) and the description words of a gold source; a
    source naming several people ("Mr. Grassley and Mr. Leahy") names none for this count. With
    ``telling`` (the :func:`_telling_capitals` of the text) the stricter definition applies."""
    words = [(a + m.start(), a + m.end(), m.group()) for a, b in ranges for m in _WORD.finditer(text[a:b])]
    if not words or any(w in {"and", "&"} for _s, _e, w in words):
        return None
    description, head = [], []
    cut = relative = False
    for start, end, word in words:
        after_comma = cut
        if text[end:end + 1] == "," or word.endswith(","):
            cut = True
        relative = relative or (telling is not None and after_comma and word.lower() in _RELATIVES)
        if relative or (telling is not None and after_comma and (word.isdigit() or word.lower() in _NOT_NAMES | {"others"})):
            continue  # strictly, a relative clause, an age or a pronoun describes no title
        if after_comma or text[start - 1:start] == "(" or _PARTY_CODE.match(word):
            description.append(word)
        else:
            head.append((start, end, word))
    if telling is not None:
        # "Gov. Earl Ray Tomblin of West Virginia", "Mr. Morgan of the Sierra Club": the name is a
        # person's run before the first preposition or relative pronoun that follows one (of two
        # words or more, or after an honorific; "the Center for ..." names an organisation)
        at = next((k for k in range(1, len(head)) if head[k][2].lower() in _CUTS and _personal(text, head[:k])), None)
        if at is not None:
            description += [w for _s, _e, w in head[at:]]
            head = head[:at]
    run = _run(text, head, telling is not None)
    if telling is not None and run and _unnamed(text, run, telling):
        return None  # "Polls", "Frustrated Parents": capitals that tell no name
    before = [w for _s, _e, w in head[: len(head) - len(run)]]
    if telling is not None:  # "advisers to Mr. Obama", "data from the 2014 Community Survey"
        while before and (before[-1] in lexicon().honorifics or before[-1].islower() or before[-1].isdigit()) and (
            before[-1].lower() not in _CUTS
        ):
            before.pop()
    if run and before and before[-1].lower() in (_CUTS if telling is not None else _PREPOSITIONS):
        return None  # "a spokeswoman for Hillary Clinton" names the spokeswoman, not Clinton
    if not run or run[-1] is not head[-1]:
        return None
    rest = head[: len(head) - len(run)]
    if telling is not None:  # "Bill" in "Bill Clinton" opening a sentence is no description
        rest = [item for item in rest if item[0] < run[0][0] and not _popped(text, item, run)]
    description += [w for _s, _e, w in rest]
    return run, [w for w in description if w.lower() not in _DETERMINERS and w not in lexicon().courtesy_titles]


def _personal(text: str, head: list[tuple[int, int, str]]) -> bool:
    run = _run(text, head)
    return len(run) > 1 or (bool(run) and len(head) > 1 and head[-2][2] in lexicon().honorifics)


def _unnamed(text: str, run: list[tuple[int, int, str]], telling: set[str]) -> bool:
    """Whether a run's last word is capitalised only where capitals tell nothing, and is no acronym
    or label: in a title-case line ("Frustrated Parents"), or as a plural opening a sentence
    ("Polls", "Demonstrators")."""
    start, _end, word = run[-1]
    bare = _bare(word).rstrip(":")
    if bare.isupper() or fold(bare) in telling:
        return False
    return _uninformative(text, start, len(run) == 1 and bare.endswith("s"))


def _popped(text: str, item: tuple[int, int, str], run: list[tuple[int, int, str]]) -> bool:
    """Whether ``item`` is a name word :func:`_run` left out as a sentence's first word."""
    return _is_name_word(item[2]) and _sentence_initial(text, item[0]) and text[item[1] : run[0][0]].strip() == ""


def _run(text: str, head: list[tuple[int, int, str]], strict: bool = False) -> list[tuple[int, int, str]]:
    """The run of name words that ends ``head``; ``strict``, with particles inside it ("Osama bin
    Laden")."""
    run: list[tuple[int, int, str]] = []
    for item in reversed(head):
        particle = strict and run and item[2] in _PARTICLES
        if not (_is_name_word(item[2]) or particle) or (run and re.search(r"(?:'s|’s|'|’)$", item[2])):
            break
        run.insert(0, item)
    while run and run[0][2] in _PARTICLES:
        run.pop(0)
    while run and _sentence_initial(text, run[0][0]) and re.search(rf"\b{re.escape(run[0][2].lower())}\b", text):
        run.pop(0)  # "Rival", "Police": a sentence's first word that the text also writes in lower case
    return run


def _bare(word: str) -> str:
    return re.sub(r"(?:'s|’s|'|’)$", "", word)


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


def _resolves(run_words: list[str], name: str, loose: bool) -> bool:
    """Whether a participant named ``name`` is the one a source's name words name: it holds every
    word, or (not ``loose``) one is the other's acronym ("the IMF", "International Monetary Fund")."""
    if _folded(run_words) <= _folded(name.split()):
        return True
    written = " ".join(_bare(w) for w in run_words)
    return not loose and (is_acronym(written, name) or is_acronym(name, written))


def _organization_words(description: list[str]) -> list[str]:
    """The words of a description that name an organisation: capitalised, and no title, party,
    country, state, honorific or preposition ("Clinton" in "Clinton campaign manager")."""
    lex = lexicon()
    bare = [_bare(w.strip(",()")) for w in description]
    places = set()
    for k in range(len(bare)):  # "South Korean", "New York"
        for size in (1, 2, 3):
            if k + size <= len(bare) and (country(" ".join(bare[k : k + size])) or region_country(" ".join(bare[k : k + size]))):
                places.update(range(k, k + size))
    found = []
    for k, (word, written) in enumerate(zip(bare, description, strict=True)):
        if k in places or not word[:1].isupper() or _PARTY_CODE.match(written) or written.startswith("("):
            continue  # "(D)", "(Vt.)": party codes and states in parentheses
        if word.lower() in {*_PARTY_WORDS, *_NOT_NAMES} or re.fullmatch(r"[A-Z][a-z]{0,3}\.", word):
            continue  # "Md.": a state's abbreviation
        if lex.is_title_word(word) or word in lex.honorifics:
            continue
        found.append(word)
    return found


def _stated_country(description: list[str]) -> str | None:
    """The one country a description names, directly or by a state ("a nurse from Ohio")."""
    found = {country(_bare(w.strip(",()"))) or region_country(_bare(w.strip(",()"))) for w in description} - {None}
    return found.pop() if len(found) == 1 else None


def measure(documents, briefings, show: int = 0, loose: bool = False) -> Counter:
    counts: Counter = Counter()
    shown: Counter = Counter()

    def note(kind: str, line: str) -> None:
        if shown[kind] < show:
            shown[kind] += 1
            print(f"{kind}\t{line}")

    def tally(whole: str, part: str, right: bool, kind: str = "", line: str = "") -> None:
        counts[whole] += 1
        counts[part] += right
        if not right and kind:
            note(kind, line)

    for document, briefing in zip(documents, briefings, strict=True):
        people = [p for p in briefing.participants if p.role != "author"]
        telling = _telling_capitals(document.text)
        for attribution in document.attributions:
            if not attribution.source:
                continue
            parsed = name_and_description(document.text, attribution.source, None if loose else telling)
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
            right = [p for p in found if _resolves([w for _s, _e, w in run], p.name, loose)]
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
                        note("TITLE", f"{document.name}\t{source}\t{description}\t-> {participant.title!r} {participant.organization!r}")
                else:
                    note("UNTITLED", f"{document.name}\t{source}")
            where = f"{document.name}\t{source}\t->"
            party = expected_party(description)
            if party:
                tally("with party", "party right", participant.party == party, "PARTY", f"{where} {participant.party!r}")
                # PolNeAR's parties are all American
                tally("country by party", "country from party", participant.affiliation == "United States")
            named = _organization_words(titled) if participant.kind == "person" else []
            if named:
                theirs = participant.organization or ""
                right = bool(_folded(named) & _folded(theirs.split())) or any(is_acronym(w, theirs) for w in named)
                tally("with organisation", "organisation right", right, "ORG", f"{where} {participant.organization!r}")
            stated = _stated_country(description)
            if stated:
                right = participant.affiliation == stated
                tally("with country", "country right", right, "COUNTRY", f"{where} {participant.affiliation!r}")
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
        f"organisation right  {share('organisation right', 'with organisation')}",
        f"country right       {share('country right', 'with country')}",
        f"country from party  {share('country from party', 'country by party')}",
    ])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("splits", nargs="*", default=["train", "dev"], help="PolNeAR splits (default: train dev)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles of each split")
    parser.add_argument("--show", type=int, default=0, help="list up to N failures of each kind")
    parser.add_argument("--loose", action="store_true", help="the looser definition of a named source of earlier runs")
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
        counts = measure(kept, [briefings[str(d.path)] for d in kept], args.show, args.loose)
        print(f"== PolNeAR {split}: {len(kept)} articles, {time.perf_counter() - began:.0f} s")
        for failure in failed:
            print(f"   left out (extraction failed): {failure}")
        print(report(counts))


if __name__ == "__main__":
    main()

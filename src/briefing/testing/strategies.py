"""Hypothesis strategies for the briefing model and for text: valid briefings (every span inside
its text, every reference resolving), any Unicode, and prose with quotes and reporting verbs.
Shared by briefing's tests and offered to plugin authors through :mod:`briefing.testing`."""

from __future__ import annotations

from hypothesis import strategies as st

from briefing.model import (
    ACTS,
    ATTRIBUTIONS,
    ORG_TYPES,
    PARTICIPANT_KINDS,
    ROLES,
    SECTION_KINDS,
    STANCES,
    STATEMENT_KINDS,
    Briefing,
    Event,
    Issue,
    Participant,
    Position,
    Provenance,
    Section,
    Source,
    Span,
    Statement,
)

#: Text as users give it: any Unicode (surrogates excluded), quotes and newlines included.
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),
    max_size=400,
)
#: Text that reads like prose, for the extractors.
prose = st.lists(
    st.one_of(
        st.sampled_from(["Kelly", "said", "he", "the", "minister", "“", "”", '"', "''", "``", "‘", "’", ":",
                         "\n\n", ".", ",", "according to", "Mexico's", "Foreign Minister", "told reporters",
                         "«", "»", "„", "“", "—", "'", "that", "no", "deportations", "Secretary", "Chong"]),
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12),
    ),
    max_size=60,
).map(" ".join)

names = st.text(alphabet=st.characters(categories=("L",)), min_size=1, max_size=12)
optional_names = st.none() | names
iso_dates = st.dates().map(lambda d: d.isoformat())


def spans_in(text: str) -> st.SearchStrategy[Span]:
    return st.tuples(st.integers(0, len(text)), st.integers(0, len(text))).map(
        lambda ab: Span.of(text, min(ab), max(ab))
    )


sources = st.builds(
    Source,
    path=st.none() | st.just("article.txt"),
    url=st.none() | st.just("https://example.org/a"),
    title=optional_names,
    authors=st.lists(names, max_size=2).map(tuple),
    published=st.none() | iso_dates,
    publisher=optional_names,
)
events = st.builds(
    Event,
    kind=st.none() | st.sampled_from(["press_briefing", "press_conference", "meeting"]),
    date=st.none() | iso_dates,
    location=optional_names,
)


@st.composite
def briefings(draw, text: st.SearchStrategy[str] = texts) -> Briefing:
    """A valid briefing: every span inside its text, every reference to an existing id."""
    body = draw(text)
    span = spans_in(body)
    people = []
    for number in range(draw(st.integers(0, 4))):
        people.append(
            Participant(
                id=f"p{number}",
                name=draw(names),
                kind=draw(st.sampled_from(PARTICIPANT_KINDS)),
                title=draw(optional_names),
                organization=draw(optional_names),
                affiliation=draw(optional_names),
                party=draw(st.none() | st.sampled_from(["Democratic", "Republican"])),
                role=draw(st.sampled_from(ROLES)),
                mentions=draw(st.lists(span, max_size=3)),
                org_type=draw(st.none() | st.sampled_from(ORG_TYPES)),
                members=draw(st.lists(st.sampled_from([p.id for p in people]), unique=True, max_size=2))
                if people
                else (),
            )
        )
    ids = [p.id for p in people]
    statements = []
    for number in range(draw(st.integers(0, 4))):
        statements.append(
            Statement(
                id=f"s{number}",
                kind=draw(st.sampled_from(STATEMENT_KINDS)),
                content=draw(st.lists(span, min_size=1, max_size=3)),
                speaker=draw(st.none() | st.sampled_from(ids)) if ids else None,
                cue=draw(st.none() | span),
                source=draw(st.none() | span),
                act=draw(st.sampled_from(ACTS)),
                confidence=draw(st.floats(0, 1)),
                reply_to=draw(st.none() | st.sampled_from([s.id for s in statements])) if statements else None,
                addressee=draw(st.none() | st.sampled_from(ids)) if ids else None,
                reported_by=draw(st.none() | st.sampled_from([s.id for s in statements])) if statements else None,
                attribution=draw(st.sampled_from(ATTRIBUTIONS)),
            )
        )
    statement_ids = [s.id for s in statements]
    issues = []
    for number in range(draw(st.integers(0, 3))):
        positions = []
        for participant in draw(st.lists(st.sampled_from(ids), unique=True, max_size=3)) if ids else []:
            positions.append(
                Position(
                    participant=participant,
                    stance=draw(st.sampled_from(STANCES)),
                    statements=draw(st.lists(st.sampled_from(statement_ids), max_size=2)) if statement_ids else (),
                    evidence=draw(st.lists(span, max_size=2)),
                )
            )
        issues.append(
            Issue(id=f"i{number}", label=draw(names), code=draw(st.none() | st.just(f"cap:{number}")),
                  mentions=draw(st.lists(span, max_size=2)), positions=positions)
        )
    return Briefing(
        id=draw(names),
        text=body,
        source=draw(sources),
        event=draw(events),
        sections=[Section(kind=draw(st.sampled_from(SECTION_KINDS)), span=s) for s in draw(st.lists(span, max_size=2))],
        participants=people,
        statements=statements,
        issues=issues,
        provenance=[Provenance(stage="statements", name="rules", plugin="briefing.statements.plugin", version="0")],
    )


@st.composite
def dependency_trees(draw, max_words: int = 14) -> dict[str, list]:
    """One sentence's parse as ``spacy.tokens.Doc`` takes it (``words``, ``heads``, ``deps``,
    ``pos``): a random tree, crossing arcs allowed, with the labels and parts of speech that noun
    chunks turn on (coordination chains included) among others."""
    size = draw(st.integers(1, max_words))
    order = draw(st.permutations(range(size)))
    heads = [0] * size
    heads[order[0]] = order[0]
    for place, node in enumerate(order[1:], start=1):
        heads[node] = order[draw(st.integers(0, place - 1))]
    labels = ["nsubj", "dobj", "pobj", "appos", "attr", "conj", "conj", "cc", "det", "amod", "compound", "prep"]
    deps = [draw(st.sampled_from(labels)) for _ in range(size)]
    deps[order[0]] = "ROOT"
    pos = [draw(st.sampled_from(["NOUN", "PROPN", "PRON", "DET", "ADJ", "VERB", "CCONJ"])) for _ in range(size)]
    return {"words": [f"w{i}" for i in range(size)], "heads": heads, "deps": deps, "pos": pos}

"""Organisations and groups as participants: those the lexicon knows (DHS, the RNC), campaigns
("the Clinton campaign", "Trump's campaign"), named organisations that act in the text ("The
Washington Post reported", "according to Politifact"), groups that do ("GOP leaders said",
"Republicans argue") and countries that do ("Mexico's opposition to ..."), each merged across its
mentions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..doc_tables import noun_chunk_roots, token_attributes
from ..intervals import Intervals
from ..model import Span
from .clusters import Cluster, choose, outside
from .countries import country
from .lexicon import lexicon
from .names import fold, is_part_of
from .parties import party_of_tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["acts", "add_organizations_and_groups"]

_POSSESSIVE = {"'s", "’s", "'", "’"}
_STATEMENT_NOUNS = {"statement", "report", "analysis", "poll", "survey", "spokesman", "spokeswoman", "spokesperson",
                    "release", "memo", "letter", "ad", "email", "response", "editorial", "announcement", "reporting"}
_STAND_NOUNS = {"opposition", "support", "objection", "action", "plan", "proposal", "policy", "position", "decision",
                "demand", "restoration", "insistence", "refusal", "rejection", "stance", "offer", "request", "warning",
                "pledge", "promise", "commitment", "threat", "initiative", "approach", "strategy", "effort", "push"}
_GROUP_DROP = {"the", "a", "an", "some", "many", "most", "all", "several", "other", "these", "those", "both", "few",
               "fellow", "two", "three", "four", "more", "top", "leading", "key", "prominent", "senior"}
_OFFICIAL_HEADS = {"officials", "counterparts", "delegation", "delegations", "ministers", "secretaries"}


def acts(token: Token) -> bool:
    """Whether the phrase headed by ``token`` is an agent in its sentence: the subject of a verb
    (or conjoined with one), "according to" it, "by" it in a passive, or the owner of a statement
    or stand ("the campaign's statement", "Mexico's opposition", "the proposed U.S. action")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    head = token.head
    return (
        token.dep_ == "nsubj"
        or (token.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according")
        or (token.dep_ == "pobj" and head.dep_ == "agent")
        or (token.dep_ in {"poss", "compound", "nmod"} and head.lemma_.lower() in _STATEMENT_NOUNS | _STAND_NOUNS)
    )


def _bare(tokens: list[Token]) -> list[Token]:
    """The tokens without leading articles and quantifiers and a trailing possessive."""
    while tokens and tokens[0].lower_ in _GROUP_DROP:
        tokens = tokens[1:]
    while tokens and tokens[-1].text in _POSSESSIVE:
        tokens = tokens[:-1]
    return tokens


def _person_of(token: Token, people: list[Cluster]) -> Cluster | None:
    return next((c for c in people if any(s <= token.idx < e for s, e in c.mentions)), None)


def _campaigns(doc: Doc, people: list[Cluster], skip: list[Span], inside_titles: list[tuple[int, int]]) -> list[Cluster]:
    """"the Clinton campaign", "Hillary Clinton's campaign": one organisation per person, named
    after their surname. A campaign named in someone's title ("Clinton campaign manager Robby
    Mook") is remembered for that, but the title is the person's mention, not the campaign's.
    "the campaign" acting is the one of the candidate named last, by their campaign or by their
    name ("Roe plans a tour. The campaign says …" is Roe's)."""
    by_owner: dict[int, Cluster] = {}
    seen: dict[int, list[int]] = {}
    mentioned = [i for i, lower in enumerate(token_attributes(doc)["lower"]) if lower == "campaign"]
    for token in (doc[i] for i in mentioned):
        if token.pos_ != "NOUN" or not outside(doc[token.i : token.i + 1], skip):
            continue
        before = token.i - 1
        while before >= 0 and doc[before].head.i == token.i and doc[before].pos_ in {"ADJ", "NUM"}:
            before -= 1  # "Trump's presidential campaign", "Roe's 2016 campaign"
        if before >= 0 and doc[before].text in _POSSESSIVE:
            before -= 1
        owner = _person_of(doc[before], people) if before >= 0 and doc[before].ent_type_ == "PERSON" else None
        if owner is None:
            continue
        first = before
        while first > 0 and doc[first - 1].ent_type_ == "PERSON" and _person_of(doc[first - 1], people) is owner:
            first -= 1
        cluster = by_owner.get(id(owner))
        if cluster is None:
            name = f"{owner.words[-1]} campaign"
            cluster = Cluster("organization", name.split(), name, owner=owner)
            by_owner[id(owner)] = cluster
        seen.setdefault(id(cluster), []).append(token.idx)
        if not any(s <= token.idx < e for s, e in inside_titles):
            cluster.add(doc[first].idx, token.idx + len(token))
    campaigns = list(by_owner.values())
    for token in (doc[i] for i in mentioned):
        if acts(token) and [t.lower_ for t in token.lefts] == ["the"]:
            # the campaign of the candidate named last, by their campaign or by their name
            earlier = [(max(max(at for at in seen[id(c)] if at < token.idx), c.owner.last_before(token.idx)), c)
                       for c in campaigns if any(at < token.idx for at in seen[id(c)])]
            if earlier:
                max(earlier, key=lambda pair: pair[0])[1].add(token.idx, token.idx + len(token))
    return [c for c in campaigns if c.mentions]


def _named(doc: Doc, people: list[Cluster], skip: list[Span], taken: list[tuple[int, int]]) -> list[Cluster]:
    """Organisations the recogniser names: kept when the lexicon knows them or they act somewhere;
    their other mentions ("The Post" for "The Washington Post") merged in. ``taken`` holds spans
    already read (titles, groups)."""
    lex = lexicon()
    candidates = []
    held = Intervals(taken)
    for ent in doc.ents:
        if ent.label_ != "ORG" or not outside(ent, skip) or held.contains(ent.start_char):
            continue
        tokens = _bare(list(ent))
        if not tokens or not any(t.text[:1].isupper() for t in tokens):
            continue
        words = [t.text for t in tokens]
        if any(is_part_of(words, c.words) for c in people) or all(lex.is_title_word(w) for w in words):
            continue  # a person or a title ("Admiral") the recogniser took for an organisation
        candidates.append((tokens, lex.organization(" ".join(words)), acts(ent.root)))
    clusters: list[Cluster] = []
    by_key: dict[str, Cluster] = {}
    ordered = sorted(candidates, key=lambda c: (-len(c[0]), c[0][0].i))
    # acting mentions first, so that a mention before an organisation's first act joins it too
    for tokens, known, acting in [c for c in ordered if c[2]] + [c for c in ordered if not c[2]]:
        words = [t.text for t in tokens]
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        if known:
            cluster = by_key.get(known[0])
            if cluster is None:
                key, record = known
                cluster = by_key[key] = Cluster("organization", record["name"].split(), record["name"])
                cluster.affiliation = country(record["country"]) if record.get("country") else None
                if record.get("party"):
                    cluster.parties.append(record["party"])
                clusters.append(cluster)
            cluster.add(start, end)
            continue
        fits = [c for c in clusters if is_part_of(words, c.words) or is_part_of(words, c.name.split())]
        if fits:
            choose(fits, start).add(start, end)
        elif acting:
            cluster = Cluster("organization", words, doc[tokens[0].i : tokens[-1].i + 1].text)
            party = next((lex.party(w) for w in words if lex.party(w)), None)  # "Democratic National Convention"
            if party:
                cluster.parties.append(party)
            clusters.append(cluster)
            cluster.add(start, end)
    return clusters


def _groups(doc: Doc, clusters: list[Cluster], skip: list[Span]) -> list[Cluster]:
    """Groups that act, named by party or nationality: "Republicans", "GOP leaders", "European
    leaders". "the U.S. officials" is not one when people of that country are participants: it
    means them."""
    taken = Intervals((s, e) for c in clusters for s, e in c.mentions)
    countries = {c.affiliation for c in clusters if c.kind == "person" and c.affiliation}
    found: dict[str, Cluster] = {}
    tags = token_attributes(doc)["tag"]
    for start, end, at in noun_chunk_roots(doc):
        if tags[at] not in {"NNS", "NNPS"}:
            continue
        chunk, root = doc[start:end], doc[at]
        if not acts(root) or not outside(chunk, skip):
            continue
        tokens = _bare([t for t in chunk if t.i <= root.i])
        if not tokens or taken.overlaps(tokens[0].idx, tokens[-1].idx + len(tokens[-1])):
            continue
        party, _ = party_of_tokens(tokens)
        place = next((country(t.text) for t in tokens if t.ent_type_ in {"GPE", "NORP"} or t.text == "U.S."), None)
        if not (party or place or any(t.ent_type_ == "NORP" for t in tokens)):
            continue
        if root.lower_ in _OFFICIAL_HEADS and place in countries:
            continue
        name = doc[tokens[0].i : tokens[-1].i + 1].text
        cluster = found.get(fold(name))
        if cluster is None:
            cluster = found[fold(name)] = Cluster("group", name.split(), name, affiliation=place)
        if party:
            cluster.parties.append(party)
        cluster.add(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
    return list(found.values())


def _countries(doc: Doc, skip: list[Span], taken: list[tuple[int, int]]) -> list[Cluster]:
    """Countries that act ("Mexico insists", "Mexico's opposition to ...", "the proposed U.S.
    action"): their governments, as organisations speaking for themselves."""
    found: dict[str, Cluster] = {}
    held = Intervals(taken)
    for ent in doc.ents:
        if ent.label_ != "GPE" or not outside(ent, skip) or held.contains(ent.start_char):
            continue
        tokens = _bare(list(ent))
        name = country(" ".join(t.text for t in tokens)) if tokens else None
        if name is None or not acts(ent.root):
            continue
        cluster = found.get(name)
        if cluster is None:
            cluster = found[name] = Cluster("organization", name.split(), name, affiliation=name)
        cluster.add(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
    return list(found.values())


def add_organizations_and_groups(doc: Doc, clusters: list[Cluster], skip: list[Span]) -> None:
    """Add to ``clusters`` (the people found so far) the organisations and groups of the text."""
    people = [c for c in clusters if c.kind == "person"]
    inside_titles = [
        (doc[t.start].idx, doc[t.end - 1].idx + len(doc[t.end - 1])) for c in people for _, t in c.titles if t.end > t.start
    ]
    clusters += _campaigns(doc, people, skip, inside_titles)
    groups = _groups(doc, clusters, skip)
    clusters += _named(doc, people, skip, inside_titles + [m for g in groups for m in g.mentions])
    clusters += groups
    clusters += _countries(doc, skip, inside_titles + [m for c in clusters for m in c.mentions])

"""People, organisations and groups in a parsed text, merged across their mentions into
participants with title, organisation, affiliation, party and role.

Mentions of people come from the entity recogniser, from surnames it missed, and from descriptions by
title ("the Foreign Minister", "The Mexican official", "the Republican nominee"), each resolved to
the person it can only be, or else to the most recent compatible one. Organisations and groups come
from :mod:`.groups`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..doc_tables import capitalised, noun_chunk_roots, sentence_starts, token_attributes, token_texts
from ..intervals import Intervals
from ..model import Participant, Span
from ..nlp import doc_text
from .clusters import Cluster, choose, choose_named, courtesy_fits, outside
from .countries import country
from .gender import name_gender
from .groups import add_organizations_and_groups
from .lexicon import lexicon
from .names import clean_name, fold, is_acronym, is_part_of, misspelt, name_words, slug, unique_id, usual_apostrophes
from .org_types import ends_like_organization
from .parties import party_after, party_of_candidacy
from .titles import Title, description_title, organization_after, title_after, title_apposed, title_before

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan

__all__ = ["find_participants"]

_MEETING_LEMMAS = {"meet", "join", "visit", "host", "welcome", "accompany", "greet", "receive", "hold", "attend"}
_GENERIC_HEADS = {"official", "officials", "leader", "spokesman", "spokeswoman", "spokesperson"}
_DASHES = {"—", "–", "--"}
_PLURAL_PEOPLE = {"officials", "leaders", "delegation", "counterparts", "ministers", "secretaries"}


def _person_mentions(doc: Doc, skip: list[Span]) -> list[tuple[SpacySpan, list[str]]]:
    found = []
    for ent in doc.ents:
        if ent.label_ == "PERSON" and outside(ent, skip):
            cleaned = clean_name(_whole_name(ent))
            if cleaned is not None:
                found.append(cleaned)
    return found + _titled_names(doc, skip) + _appositive_names(doc, skip) + _apposed_names(doc, skip)


def _whole_name(ent: SpacySpan) -> SpacySpan:
    """A person entity with the surname the recogniser cut off after it, which the parse makes the
    head of its last word ("Kathleen" in "Kathleen O’Dowd spoke", where the apostrophe misled it)."""
    doc, end = ent.doc, ent.end
    while (end < len(doc) and end - ent.end < 2 and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end
           and not doc[end - 1].whitespace_.strip(" ") and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper()
           and doc[end].ent_type_ in {"", "PERSON"}):
        end += 1
    return doc[ent.start : end] if end > ent.end else ent


def _titled_names(doc: Doc, skip: list[Span]) -> list[tuple[SpacySpan, list[str]]]:
    """Names the recogniser missed right after a title: "Foreign Minister Anders Lunde"."""
    lex = lexicon()
    found = []
    words = token_texts(doc)
    heads = [i for i in capitalised(doc) if lex.is_title_head(words[i])]
    for token in (doc[i] for i in heads):
        end = token.i + 1
        while (
            end < len(doc) and end - token.i <= 4 and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper()
            and doc[end].ent_type_ not in {"PERSON", "ORG", "GPE", "NORP", "DATE"} and not lex.is_title_word(doc[end].text)
        ):
            end += 1
        if end > token.i + 1 and (end >= len(doc) or doc[end].ent_type_ != "PERSON"):
            span = doc[token.i + 1 : end]
            if outside(span, skip):
                found.append((span, []))
    return found


def _appositive_names(doc: Doc, skip: list[Span]) -> list[tuple[SpacySpan, list[str]]]:
    """Names the recogniser missed before an appositive title: "Jean-Marc Ayrault, the foreign
    minister of France, said ..."."""
    lex = lexicon()
    found = []
    words, starts, columns = token_texts(doc), sentence_starts(doc), token_attributes(doc)
    pos, types = columns["pos"], columns["ent_type"]
    for at in (i for i, word in enumerate(words) if word == ","):
        start, first = at, starts[at]
        while start > first and at - start < 5:
            before = start - 1
            if pos[before] == "PROPN" and words[before][:1].isupper() and types[before] in {"", "PERSON", "ORG"}:
                start -= 1
            elif words[before] == "-" and not doc[before].whitespace_ and start - 1 > first:
                start -= 1  # "Jean-Marc"
            else:
                break
        if at - start < 2 or words[start] == "-" or "PERSON" in types[start:at]:
            continue
        name = doc[start:at]
        title = title_after(name)
        if title and title.title and lex.is_title_head(title.title.split()[-1]) and outside(name, skip):
            found.append((name, []))
    return found


def _apposed_names(doc: Doc, skip: list[Span]) -> list[tuple[SpacySpan, list[str]]]:
    """Names the recogniser missed in apposition to a title before them: "Acme's chief executive,
    Ana Ruiz, said ..."."""
    found = []
    words, columns = token_texts(doc), token_attributes(doc)
    pos, types = columns["pos"], columns["ent_type"]
    for at in (i for i, word in enumerate(words) if word == ","):
        end = at + 1
        while end < len(doc) and end - at <= 4 and pos[end] == "PROPN" and words[end][:1].isupper():
            end += 1
        if end - at < 3 or any(t in {"PERSON", "GPE", "DATE"} for t in types[at + 1 : end]):
            continue
        name = doc[at + 1 : end]
        title = title_apposed(name)
        if title and title.title and outside(name, skip):
            found.append((name, []))
    return found


def _cluster_people(text: str, mentions: list[tuple[SpacySpan, list[str]]]) -> list[Cluster]:
    lex = lexicon()
    clusters: list[Cluster] = []
    having: dict[str, list[Cluster]] = {}  # the clusters, in order, whose name holds a (folded) word
    ordered = sorted(mentions, key=lambda m: (-len(m[0]), m[0].start))
    texts = token_texts(ordered[0][0].doc) if ordered else []
    for name, honorifics in ordered:
        # a name begun again after a dash ("Robert — Robert Hollis") is named by what follows it
        written = texts[name.start : name.end]
        named = name[max((k + 1 for k, word in enumerate(written) if word in _DASHES), default=0) :]
        words = texts[named.start : named.end]
        before = [*honorifics, *texts[max(0, name.start - 1) : name.start]]
        # a name is part of another only if the other holds its first word
        folded = name_words(words)
        candidates = having.get(folded[0], ()) if folded else ()
        fits = courtesy_fits([c for c in candidates if is_part_of(words, c.words)], before)
        if fits:
            cluster = _just_introduced(name.doc, fits, name.start) or choose_named(fits, name.start_char, before)
        else:
            cluster = Cluster("person", words, named.text)
            clusters.append(cluster)
            for word in dict.fromkeys(name_words(words)):
                having.setdefault(word, []).append(cluster)
        cluster.add(name.start_char, name.end_char)
        for title in (title_before(name), title_apposed(name), title_after(name), organization_after(name)):
            if title is not None:
                priority = 0 if len(words) == len(cluster.words) else 2
                cluster.titles.append((priority if title.start < name.start else priority + 1, title))
        honorifics = [h for h in honorifics if h not in lex.courtesy_titles]
        if honorifics:
            expanded = lex.expand(" ".join(honorifics))
            cluster.titles.append((5, Title(expanded, None, None, None, name.start, name.start)))
        party = party_after(text, name.end_char) or party_of_candidacy(name)
        if party:
            cluster.parties.append(party)
    return clusters


def _misspelt_surnames(clusters: list[Cluster]) -> list[Cluster]:
    """A one-word name one letter off the surname of exactly one person named in full ("McLenney"
    beside "Tyresha McClenney") is that person, misspelt."""
    full = [c for c in clusters if len(c.words) > 1]
    gone = []
    for cluster in clusters:
        if len(cluster.words) != 1:
            continue
        fits = [c for c in full if misspelt(cluster.words[0], c.words[-1])]
        if len(fits) == 1:
            for start, end in cluster.mentions:
                fits[0].add(start, end)
            fits[0].titles += cluster.titles
            fits[0].parties += cluster.parties
            gone.append(cluster)
    return [c for c in clusters if c not in gone]


def _just_introduced(doc: Doc, fits: list[Cluster], at: int) -> Cluster | None:
    """Of several people a short name at token ``at`` fits, the one last the subject of a sentence
    in the three before it or of its own ("Secretary Jeh Johnson says …. Johnson tells …"), if any."""
    starts, offsets = sentence_starts(doc), token_attributes(doc)["idx"]
    sentence = starts[at]
    for _ in range(3):
        sentence = starts[sentence - 1] if sentence > 0 else sentence
    latest: tuple[int, Cluster] | None = None
    first, last = offsets[sentence], offsets[at]
    for cluster in fits:
        for start, end in cluster.mentions:
            if not first <= start < last:
                continue
            span = doc.char_span(start, end, alignment_mode="expand")
            if (span is not None and sentence <= span.start < at and span.root.dep_ in {"nsubj", "nsubjpass"}
                    and (latest is None or span.start > latest[0])):
                latest = (span.start, cluster)
    return latest[1] if latest else None


def _add_missed_surnames(doc: Doc, clusters: list[Cluster], skip: list[Span], within: list[Span] | None = None) -> None:
    """Surnames the recogniser missed or mislabelled ("Videgaray also recognized ..."); with
    ``within``, only those inside these spans (the headline, which names no one new)."""
    people = [c for c in clusters if c.kind == "person"]
    taken = {start for c in people for start, _ in c.mentions}
    covered = Intervals((s, e) for c in people for s, e in c.mentions)
    by_surname: dict[str, list[Cluster]] = {}  # in the clusters' order, as ``choose`` breaks ties by it
    for c in people:
        by_surname.setdefault(fold(c.words[-1]), []).append(c)
    if within is not None and not within:
        return
    words, columns = token_texts(doc), token_attributes(doc)
    offsets, pos, types, deps = columns["idx"], columns["pos"], columns["ent_type"], columns["dep"]
    for i in capitalised(doc):
        start = offsets[i]
        if start in taken:
            continue
        if within is None and pos[i] not in {"PROPN", "NOUN", "ADJ", "X"}:
            continue  # a headline's parse is poor ("Trump" a verb); there only known names count
        if covered.contains(start):
            continue
        word = words[i]
        end = start + len(word)
        inside = any(s.start < end and start < s.end for s in (skip if within is None else within))
        if inside if within is None else not inside:
            continue
        key = fold(word)
        # a one-word name's other mentions too, where the word is plainly a name ("Politifact then
        # ruled ..."): a proper noun of no other entity type
        plain = within is not None or (pos[i] == "PROPN" and types[i] in {"", "PERSON"})
        fits = [c for c in by_surname.get(key, ()) if len(c.words) > 1 or plain]
        if not fits and within is None and deps[i] in {"nsubj", "nsubjpass"}:
            # a subject misspelling the surname of one person named in full ("Wines believes")
            fits = [c for c in people if len(c.words) > 1 and misspelt(word, c.words[-1])]
            fits = fits if len(fits) == 1 else []
        before = words[max(0, i - 1) : i]
        fits = courtesy_fits(fits, before)
        if fits:
            (_just_introduced(doc, fits, i) or choose_named(fits, start, before)).add(start, end)


def _described_chunks(doc: Doc) -> Iterable[tuple[int, int, int]]:
    """The noun phrases that may describe someone, as ``(start, end, root)`` token indices: the
    noun chunks, and the possessors inside them ("The president's" in "The president's roots also
    came into play")."""
    columns = token_attributes(doc)
    deps, pos = columns["dep"], columns["pos"]
    for start, end, root in noun_chunk_roots(doc):
        yield start, end, root
        for i in range(start, root):
            if deps[i] == "poss" and pos[i] in {"NOUN", "PROPN"}:
                possessor = doc[doc[i].left_edge.i : i + 1]
                yield possessor.start, possessor.end, possessor.root.i


def _descriptions(doc: Doc, clusters: list[Cluster], skip: list[Span]) -> None:
    """Mentions by title alone: "the Foreign Minister", "Mexico's Secretary of the Interior"."""
    people = [c for c in clusters if c.kind == "person"]
    covered = [(s, e) for c in people for s, e in c.mentions]
    covered += [(doc[t.start].idx, doc[t.end - 1].idx + 1) for c in people for _, t in c.titles if t.end > t.start]
    named = Intervals(covered)
    lex, words, columns = lexicon(), token_texts(doc), token_attributes(doc)
    held: dict[int, tuple[int, Title | None]] = {}  # each person's best title, while no title is added

    def best_title(cluster: Cluster) -> Title | None:
        known = held.get(id(cluster))
        if known is None or known[0] != len(cluster.titles):
            known = held[id(cluster)] = (len(cluster.titles), cluster.best_title())
        return known[1]

    tags, lowers, types = columns["tag"], columns["lower"], columns["ent_type"]
    for start, end, at in _described_chunks(doc):
        if tags[at] not in {"NN", "NNP"} or "PERSON" in types[start:end]:
            continue
        if not (lex.is_title_head(words[at]) or lowers[at] in _GENERIC_HEADS):
            continue
        chunk = doc[start:end]
        root = doc[at]
        if named.overlaps(chunk.start_char, chunk.end_char) or not outside(chunk, skip):
            continue
        if chunk[0].lower_ not in {"the", "this", "that"} and not any(t.text in {"'s", "’s"} for t in chunk):
            continue  # only definite descriptions refer back: "the Foreign Minister", "Mexico's Secretary"
        end = root.i + 1
        for child in root.rights:
            if child.lower_ == "of" and any(t.text[:1].isupper() for t in child.subtree if t.i > child.i):
                end = child.right_edge.i + 1
        tokens = list(doc[chunk.start : end])
        described = description_title(tokens)
        if described is None:
            continue
        generic = root.lower_ in _GENERIC_HEADS
        fits = [c for c in people if _compatible(c, described, generic, best_title(c))]
        before = [c for c in fits if c.last_before(chunk.start_char) >= 0]
        if described.region:
            # "the governor of Ohio" is one known to govern Ohio, or the text's only governor: where
            # it names several, one of no known state is as likely another one.
            placed = [c for c in before if (t := best_title(c)) is not None and t.region == described.region]
            before = placed or (before if len(fits) == 1 else [])
        if not before:
            continue
        cluster = choose(before, chunk.start_char)
        cluster.add(chunk.start_char, tokens[-1].idx + len(tokens[-1]))
        if described.affiliation and not cluster.affiliation:
            cluster.affiliation = described.affiliation
        if not generic:
            cluster.titles.append((4, described))
        elif described.party:
            cluster.parties.append(described.party)


def _compatible(cluster: Cluster, described: Title, generic: bool, title: Title | None) -> bool:
    """Whether a description fits a person whose best title is ``title``: no other country or
    party, and its title's words are those of one of the person's titles (any title or country will
    do for "the official")."""
    affiliation = cluster.affiliation or (title.affiliation if title else None)
    if described.affiliation and affiliation and described.affiliation != affiliation:
        return False
    party = cluster.party()
    if described.party and party and described.party != party:
        return False
    if described.region and title and title.region and described.region != title.region:
        return False  # "the governor of Oklahoma" is not the Governor of New York
    if generic:
        return title is not None or affiliation is not None or (party is not None and described.party is not None)
    if not described.title:
        return False
    theirs = {fold(w) for w in described.title.split()} - {"of", "the"}
    return any(t.title and theirs <= {fold(w) for w in t.title.split()} for _, t in cluster.titles)


def _plural_affiliations(doc: Doc, clusters: list[Cluster]) -> None:
    """"the U.S. officials" after a sentence naming people gives those people that affiliation."""
    columns, starts = token_attributes(doc), sentence_starts(doc)
    found = [i for i, (lower, tag) in enumerate(zip(columns["lower"], columns["tag"]))
             if lower in _PLURAL_PEOPLE and tag == "NNS" and starts[i] > 0]
    sentences = list(doc.sents) if found else []
    index_of = {sent.start: index for index, sent in enumerate(sentences)}
    for i in found:
        token = doc[i]
        place = next((country(t.text) for t in token.lefts if t.ent_type_ in {"GPE", "NORP"} or t.text == "U.S."), None)
        if place is None:
            continue
        previous = sentences[index_of[starts[i]] - 1]
        for cluster in clusters:
            if cluster.kind == "person" and cluster.affiliation is None and any(
                previous.start_char <= s < previous.end_char for s, _ in cluster.mentions
            ):
                title = cluster.best_title()
                if not (title and title.affiliation):
                    cluster.affiliation = place


def _coordinated_affiliations(doc: Doc, clusters: list[Cluster]) -> None:
    """"Mexico's Foreign Minister X and Secretary of the Interior Y": Y shares X's country."""
    by_start = {s: c for c in clusters for s, _ in c.mentions}
    for cluster in clusters:
        if cluster.affiliation or cluster.kind != "person":
            continue
        for priority, title in cluster.titles:
            if title.affiliation or title.start < 2:
                continue
            joiner = doc[title.start - 1]
            if joiner.lower_ != "and":
                continue
            for other in clusters:
                if other is cluster:
                    continue
                for s, e in other.mentions:
                    if e == joiner.idx - 1 or e == joiner.idx:
                        other_title = other.best_title()
                        if other_title and other_title.affiliation:
                            cluster.affiliation = other_title.affiliation
    del by_start


def _roles(doc: Doc, clusters: list[Cluster]) -> None:
    """Who met, joined or visited whom: those people took part (``attendee``)."""
    columns = token_attributes(doc)
    pos = columns["pos"]
    for i in [i for i, lemma in enumerate(columns["lemma"]) if lemma in _MEETING_LEMMAS]:
        if pos[i] not in {"VERB", "NOUN"}:
            continue
        token = doc[i]
        span = doc[token.left_edge.i : token.right_edge.i + 1] if token.pos_ == "NOUN" else None
        args = [c for c in token.children if c.dep_ in {"nsubj", "dobj", "prep", "conj", "nsubjpass"}]
        spans = [doc[a.left_edge.i : a.right_edge.i + 1] for a in args]
        if span is not None:
            spans.append(span)
        for cluster in clusters:
            if cluster.kind == "person" and any(
                sp.start_char <= s < sp.end_char for sp in spans for s, _ in cluster.mentions
            ):
                cluster.role = "attendee"


def find_participants(
    doc: Doc, *, skip: Iterable[Span] = (), authors: Iterable[tuple[str, Span]] = (), headlines: Iterable[Span] = ()
) -> list[Participant]:
    """The participants of a parsed text. ``skip`` holds spans not to read as body (headline,
    byline); ``authors`` the byline's names with their spans; in ``headlines`` the surnames of
    people found in the body become mentions too. The countries the text only implies are left
    to :func:`.affiliations.complete_affiliations`, once a transcript's speakers are known."""
    skip = list(skip)
    text = doc_text(doc)
    clusters = _misspelt_surnames(_cluster_people(text, _person_mentions(doc, skip)))
    _add_missed_surnames(doc, clusters, skip)
    _add_missed_surnames(doc, clusters, skip, within=list(headlines))
    for cluster in clusters:
        title = cluster.best_title()
        cluster.affiliation = cluster.affiliation or (title.affiliation if title else None)
    _coordinated_affiliations(doc, clusters)
    _plural_affiliations(doc, clusters)
    _descriptions(doc, clusters, skip)
    _roles(doc, clusters)
    add_organizations_and_groups(doc, clusters, skip)
    clusters = _merge_acronyms(clusters)
    _people_taken_for_organizations(doc, clusters)
    _organizations_taken_for_people(clusters)
    _add_headline_organizations(doc, clusters, list(headlines))
    participants: list[Participant] = []
    used: set[str] = set()
    for name, span in authors:
        participants.append(Participant(id=unique_id(slug(name), used), name=name, role="author", mentions=(span,)))
    for cluster in sorted(clusters, key=lambda c: min(s for s, _ in c.mentions)):
        title = cluster.best_title()
        organization = _organization(title, clusters)
        name = usual_apostrophes(cluster.name, [text[s:e] for s, e in cluster.mentions])
        participants.append(
            Participant(
                id=unique_id(slug(name), used),
                name=name,
                kind=cluster.kind,
                title=title.full_title() if title and cluster.kind == "person" else None,
                organization=organization,
                affiliation=cluster.affiliation or (title.affiliation if title else None),
                party=cluster.party() or _campaign_party(organization, clusters),
                role=cluster.role,
                mentions=tuple(Span.of(text, s, e) for s, e in sorted(cluster.mentions)),
            )
        )
    return participants


def _organizations_taken_for_people(clusters: list[Cluster]) -> None:
    """A name the recogniser took for a person's that begins with no given name and ends in a word
    of organisations' names ("Acme Foods", "Lund Institute") is an organisation's."""
    for cluster in clusters:
        if (cluster.kind == "person" and len(cluster.words) > 1 and name_gender(cluster.words) is None
                and ends_like_organization(cluster.words[-1])):
            cluster.kind, cluster.titles = "organization", []


def _people_taken_for_organizations(doc: Doc, clusters: list[Cluster]) -> None:
    """A name the recogniser took for an organisation that an appositive describes as a person: by
    a title ("NAME, the state's attorney general,") or as a party's member ("NAME, a Democrat
    whose office ...")."""
    lex = lexicon()
    for cluster in clusters:
        if cluster.kind != "organization" or cluster.owner is not None or lex.organization(cluster.name):
            continue
        for start, end in cluster.mentions:
            span = doc.char_span(start, end)
            title = title_after(span) if span is not None else None
            if title is None or title.organization:
                continue
            member = title.title is None and title.party is not None and title.end - title.start == 1
            if member or (title.title and lex.is_title_head(title.title.split()[-1]) and lex.is_government_title(title.title)):
                cluster.kind = "person"
                cluster.titles.append((1, title))
                break


def _merge_acronyms(clusters: list[Cluster]) -> list[Cluster]:
    """One organisation for an acronym and its expansion ("EPA", "Environmental Protection
    Agency"), named as the text names it more often (the expansion on a tie)."""
    organizations = [c for c in clusters if c.kind == "organization"]
    gone = []
    for short in organizations:
        full = next((c for c in organizations if c is not short and c not in gone and is_acronym(short.name, c.name)), None)
        if full is None:
            continue
        kept, other = (short, full) if len(short.mentions) > len(full.mentions) else (full, short)
        for start, end in other.mentions:
            kept.add(start, end)
        kept.affiliation = kept.affiliation or other.affiliation
        kept.parties += other.parties
        gone.append(other)
    return [c for c in clusters if c not in gone]


def _add_headline_organizations(doc: Doc, clusters: list[Cluster], headlines: list[Span]) -> None:
    """An organisation of the body named in the headline by its name: a mention there too."""
    organizations = {fold(c.name): c for c in clusters if c.kind == "organization" and len(c.words) == 1}
    if not organizations:
        return
    offsets, words = token_attributes(doc)["idx"], token_texts(doc)
    # the tokens that may overlap a headline: from the one before its start to the last before its end
    near = sorted({i for h in headlines
                   for i in range(max(0, bisect_left(offsets, h.start) - 1), bisect_left(offsets, h.end))})
    for i in near:
        word, start = words[i], offsets[i]
        if any(h.start < start + len(word) and start < h.end for h in headlines):
            cluster = organizations.get(fold(word))
            if cluster is not None:
                cluster.add(start, start + len(word))


def _organization(title: Title | None, clusters: list[Cluster]) -> str | None:
    """The organisation a title names, as the participant for it is named (the lexicon's full name
    for "DHS", the expansion for an acronym), or in a text about one campaign, that campaign for
    a campaign title ("campaign manager Jane Roe")."""
    organizations = [c for c in clusters if c.kind == "organization"]
    if title is None:
        return None
    written = title.organization
    if written is None:
        campaigns = [c for c in organizations if c.name.endswith(" campaign")]
        words = {w.lower() for w in (title.title or "").split()}
        return campaigns[0].name if "campaign" in words and len(campaigns) == 1 else None
    known = lexicon().organization(written)
    if known:
        return known[1]["name"]
    same = next((c for c in organizations if fold(c.name) == fold(written) or is_acronym(written, c.name)
                 or is_acronym(c.name, written)), None)
    return same.name if same else written


def _campaign_party(organization: str | None, clusters: list[Cluster]) -> str | None:
    """The party of the person whose campaign ``organization`` is ("Clinton campaign"), when the
    text gives one and only one for the people of that name."""
    if not organization or not organization.endswith(" campaign"):
        return None
    owner = organization.removesuffix(" campaign").split()
    parties = {c.party() for c in clusters if c.kind == "person" and is_part_of(owner, c.words)} - {None}
    return parties.pop() if len(parties) == 1 else None


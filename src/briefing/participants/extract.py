"""People, organisations and groups in a parsed text, merged across their mentions into
participants with title, organisation, affiliation, party and role.

Mentions of people come from the entity recogniser, from surnames it missed, and from descriptions by
title ("the Foreign Minister", "The Mexican official", "the Republican nominee"), each resolved to
the person it can only be, or else to the most recent compatible one. Organisations and groups come
from :mod:`.groups`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..doc_tables import noun_chunks, token_texts
from ..intervals import Intervals
from ..model import Participant, Span
from ..nlp import doc_text
from .affiliations import complete_affiliations
from .clusters import Cluster, choose, choose_named, courtesy_fits, outside
from .countries import country
from .groups import add_organizations_and_groups
from .lexicon import lexicon
from .names import clean_name, fold, is_acronym, is_part_of, misspelt, slug, unique_id, usual_apostrophes
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
    heads = [i for i, word in enumerate(token_texts(doc)) if word[:1].isupper() and lex.is_title_head(word)]
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
    for comma in (doc[i] for i, word in enumerate(token_texts(doc)) if word == ","):
        start, first = comma.i, comma.sent.start
        while start > first and comma.i - start < 5:
            before = doc[start - 1]
            if before.pos_ == "PROPN" and before.text[:1].isupper() and before.ent_type_ in {"", "PERSON", "ORG"}:
                start -= 1
            elif before.text == "-" and not before.whitespace_ and start - 1 > first:
                start -= 1  # "Jean-Marc"
            else:
                break
        if comma.i - start < 2 or doc[start].text == "-" or any(t.ent_type_ == "PERSON" for t in doc[start : comma.i]):
            continue
        name = doc[start : comma.i]
        title = title_after(name)
        if title and title.title and lex.is_title_head(title.title.split()[-1]) and outside(name, skip):
            found.append((name, []))
    return found


def _apposed_names(doc: Doc, skip: list[Span]) -> list[tuple[SpacySpan, list[str]]]:
    """Names the recogniser missed in apposition to a title before them: "Acme's chief executive,
    Ana Ruiz, said ..."."""
    found = []
    for comma in (doc[i] for i, word in enumerate(token_texts(doc)) if word == ","):
        end = comma.i + 1
        while end < len(doc) and end - comma.i <= 4 and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
            end += 1
        if end - comma.i < 3 or any(t.ent_type_ in {"PERSON", "GPE", "DATE"} for t in doc[comma.i + 1 : end]):
            continue
        name = doc[comma.i + 1 : end]
        title = title_apposed(name)
        if title and title.title and outside(name, skip):
            found.append((name, []))
    return found


def _cluster_people(text: str, mentions: list[tuple[SpacySpan, list[str]]]) -> list[Cluster]:
    lex = lexicon()
    clusters: list[Cluster] = []
    ordered = sorted(mentions, key=lambda m: (-len(m[0]), m[0].start))
    for name, honorifics in ordered:
        # a name begun again after a dash ("Robert — Robert Hollis") is named by what follows it
        named = name[max((k + 1 for k, t in enumerate(name) if t.text in _DASHES), default=0) :]
        words = [t.text for t in named]
        before = [*honorifics, *(t.text for t in name.doc[max(0, name.start - 1) : name.start])]
        fits = courtesy_fits([c for c in clusters if is_part_of(words, c.words)], before)
        if fits:
            cluster = _just_introduced(name.doc, fits, name.start) or choose_named(fits, name.start_char, before)
        else:
            cluster = Cluster("person", words, named.text)
            clusters.append(cluster)
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
    sentence = doc[at].sent
    for _ in range(3):
        sentence = doc[sentence.start - 1].sent if sentence.start > 0 else sentence
    latest: tuple[int, Cluster] | None = None
    first, last = sentence.start_char, doc[at].idx
    for cluster in fits:
        for start, end in cluster.mentions:
            if not first <= start < last:
                continue
            span = doc.char_span(start, end, alignment_mode="expand")
            if (span is not None and sentence.start <= span.start < at and span.root.dep_ in {"nsubj", "nsubjpass"}
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
    capitalised = [i for i, word in enumerate(token_texts(doc)) if word[:1].isupper()]
    for token in (doc[i] for i in capitalised):
        if token.idx in taken:
            continue
        if within is None and token.pos_ not in {"PROPN", "NOUN", "ADJ", "X"}:
            continue  # a headline's parse is poor ("Trump" a verb); there only known names count
        if covered.contains(token.idx):
            continue
        here = doc[token.i : token.i + 1]
        if (within is None and not outside(here, skip)) or (within is not None and outside(here, within)):
            continue
        key = fold(token.text)
        # a one-word name's other mentions too, where the word is plainly a name ("Politifact then
        # ruled ..."): a proper noun of no other entity type
        plain = within is not None or (token.pos_ == "PROPN" and token.ent_type_ in {"", "PERSON"})
        fits = [c for c in by_surname.get(key, ()) if len(c.words) > 1 or plain]
        if not fits and within is None and token.dep_ in {"nsubj", "nsubjpass"}:
            # a subject misspelling the surname of one person named in full ("Wines believes")
            fits = [c for c in people if len(c.words) > 1 and misspelt(token.text, c.words[-1])]
            fits = fits if len(fits) == 1 else []
        before = [t.text for t in doc[max(0, token.i - 1) : token.i]]
        fits = courtesy_fits(fits, before)
        if fits:
            (_just_introduced(doc, fits, token.i) or choose_named(fits, token.idx, before)).add(token.idx, token.idx + len(token))


def _described_chunks(doc: Doc) -> Iterable[SpacySpan]:
    """The noun phrases that may describe someone: the noun chunks, and the possessors inside
    them ("The president's" in "The president's roots also came into play")."""
    for chunk in noun_chunks(doc):
        yield chunk
        for token in chunk:
            if token.dep_ == "poss" and token.i < chunk.root.i and token.pos_ in {"NOUN", "PROPN"}:
                yield doc[token.left_edge.i : token.i + 1]


def _descriptions(doc: Doc, clusters: list[Cluster], skip: list[Span]) -> None:
    """Mentions by title alone: "the Foreign Minister", "Mexico's Secretary of the Interior"."""
    people = [c for c in clusters if c.kind == "person"]
    covered = [(s, e) for c in people for s, e in c.mentions]
    covered += [(doc[t.start].idx, doc[t.end - 1].idx + 1) for c in people for _, t in c.titles if t.end > t.start]
    named = Intervals(covered)
    for chunk in _described_chunks(doc):
        root = chunk.root
        if root.tag_ not in {"NN", "NNP"} or any(t.ent_type_ == "PERSON" for t in chunk):
            continue
        if named.overlaps(chunk.start_char, chunk.end_char) or not outside(chunk, skip):
            continue
        if not (lexicon().is_title_head(root.text) or root.lower_ in _GENERIC_HEADS):
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
        fits = [c for c in people if _compatible(c, described, generic)]
        before = [c for c in fits if c.last_before(chunk.start_char) >= 0]
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


def _compatible(cluster: Cluster, described: Title, generic: bool) -> bool:
    """Whether a description fits a person: no other country or party, and its title's words are
    those of one of the person's titles (any title or country will do for "the official")."""
    title = cluster.best_title()
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
    sentences = list(doc.sents)
    words = token_texts(doc)
    for index, sent in enumerate(sentences[1:], start=1):
        for token in (doc[i] for i in range(sent.start, sent.end) if words[i].lower() in _PLURAL_PEOPLE):
            if token.tag_ != "NNS":
                continue
            place = next((country(t.text) for t in token.lefts if t.ent_type_ in {"GPE", "NORP"} or t.text == "U.S."), None)
            if place is None:
                continue
            previous = sentences[index - 1]
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
    for token in doc:
        if token.lemma_ not in _MEETING_LEMMAS or token.pos_ not in {"VERB", "NOUN"}:
            continue
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
    doc: Doc, *, skip: Iterable[Span] = (), authors: Iterable[tuple[str, Span]] = (), headlines: Iterable[Span] = (),
    host: str | None = None,
) -> list[Participant]:
    """The participants of a parsed text. ``skip`` holds spans not to read as body (headline,
    byline); ``authors`` the byline's names with their spans; in ``headlines`` the surnames of
    people found in the body become mentions too; ``host`` names who publishes it (see
    :func:`.affiliations.complete_affiliations`)."""
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
    return complete_affiliations(participants, host=host)


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
    for i, word in enumerate(token_texts(doc)):
        cluster = organizations.get(fold(word))
        if cluster is not None and not outside(doc[i : i + 1], headlines):
            token = doc[i]
            cluster.add(token.idx, token.idx + len(token))


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


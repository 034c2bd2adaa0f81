"""Political parties as news writes them: words ("Republican", "GOP leaders", "a Democrat"),
party codes after a name ("Sen. Tim Kaine (D-Va.)", "Paul Ryan, R-Wis.,") and the party of an
organisation ("RNC chairman"), and a party's primary someone ran in ("NAME, who lost the Democratic
primaries"). The parties are data (``parties`` in ``data/titles.json``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lexicon import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan, Token

__all__ = ["party_after", "party_of_candidacy", "party_of_tokens"]

_CODE = re.compile(
    r"\s*(?:\(\s*(?P<code>[A-Z])\s*[-–]\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\s*\)"
    r"|,\s*(?P<code2>[A-Z])\s*[-–]\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\s*(?=[,;)]|\.?\s|$)"
    r"|\s*\((?P<bare>[A-Z])\))"
)


def _in_long_organization(token: Token) -> bool:
    """Whether the token is part of a named organisation of several words ("Republican National
    Committee"), where a party word names the organisation, not a party."""
    doc = token.doc
    return token.ent_type_ == "ORG" and (
        token.ent_iob_ == "I" or (token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I")
    )


def party_of_tokens(tokens: list[Token]) -> tuple[str | None, list[Token]]:
    """The party that party words among ``tokens`` name (``None`` if none or several), and the
    tokens without those words."""
    lex = lexicon()
    found, kept = set(), []
    for token in tokens:
        party = lex.party(token.text) if not _in_long_organization(token) else None
        if party:
            found.add(party)
        else:
            kept.append(token)
    return (found.pop() if len(found) == 1 else None), kept


def party_after(text: str, end: int) -> str | None:
    """The party of a party code right after a name ending at ``end``: "(D-Va.)", ", R-Wis.,",
    "(R-IN)", "(D)"."""
    match = _CODE.match(text, end)
    if not match:
        return None
    code = match.group("code") or match.group("code2") or match.group("bare")
    return lexicon().party_codes.get(code)


_CONTESTS = {"primary", "primaries", "nomination", "caucus", "caucuses"}
_RUNNING = {"win", "lose", "seek", "enter", "run", "contest", "pursue"}
_BIDS = {"candidacy", "campaign", "bid", "run"}


def party_of_candidacy(name: SpacySpan) -> str | None:
    """The party whose primary or nomination a relative clause right after ``name`` says the person
    ran for: "NAME, who lost the Democratic primaries to ...", "NAME (Vt.), who won the Republican
    nomination", "NAME, whose candidacy for the Democratic nomination ..."; one who merely speaks of
    a party's nominee is not counted."""
    doc, at = name.doc, name.end
    if at < len(doc) and doc[at].text == "(":
        at = next((k + 1 for k in range(at, min(len(doc), at + 8)) if doc[k].text == ")"), at)
    if at + 1 >= len(doc) or doc[at].text != "," or doc[at + 1].lower_ not in {"who", "whose"}:
        return None
    lex = lexicon()
    for token in doc[at + 2 : min(len(doc), at + 16)]:
        if token.is_punct:
            break
        party = next((lex.party(t.text) for t in token.lefts if lex.party(t.text)), None)
        if token.lower_ not in _CONTESTS or party is None:
            continue
        head = token
        for _ in range(3):  # "lost the ... primaries", "candidacy for the ... nomination"
            head = head.head
            if (head.pos_ in {"VERB", "AUX"} and head.lemma_ in _RUNNING) or head.lower_ in _BIDS:
                return party
    return None

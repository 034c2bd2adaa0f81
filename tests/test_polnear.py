"""Participants on ordinary political news (PolNeAR articles, read from the shared corpus): the people
quoted come out as speakers with the titles, organisations and parties the article gives them."""

import pytest

from briefing import Pipeline, PluginManager
from conftest import need_corpus

ARTICLES = {
    "mook": "dev/text/west-journal_2016-09-26_rush-limbaugh-hillary-asking-mod.txt",
    "kaine": "train/text/breitbart_2016-07-22_tim-kaine-fully-embraced-abortio.txt",
    "priebus": "train/text/politico_2016-04-17_rnc-rules-clash-erupts.txt",
}


@pytest.fixture(scope="module")
def articles(nlp):
    root = need_corpus() / "polnear"
    pipeline = Pipeline(nlp=nlp, plugins=PluginManager(autoload=False), reader="text")
    found = pipeline.extract_many(root / path for path in ARTICLES.values())
    return {key: {p.name: p for p in briefing.participants} for key, briefing in zip(ARTICLES, found, strict=True)}


def facts(participant):
    return (participant.role, participant.title, participant.organization, participant.affiliation, participant.party)


def test_campaign_manager(articles):
    people = articles["mook"]
    assert facts(people["Robby Mook"]) == ("speaker", "Campaign Manager", "Clinton campaign", None, None)
    assert [m.text for m in people["Robby Mook"].mentions] == ["Robby Mook", "Mook", "Mook", "Mook"]
    assert facts(people["Lester Holt"])[1:3] == ("Moderator", "NBC")
    assert people["Clinton campaign"].kind == "organization"


def test_senator_with_a_party_code(articles):
    # the state before the title, and the country from the party
    assert facts(articles["kaine"]["Tim Kaine"]) == (
        "speaker", "Senator from Virginia", None, "United States", "Democratic"
    )


def test_party_chairman(articles):
    people = articles["priebus"]
    assert facts(people["Reince Priebus"]) == (
        "speaker", "Chairman of the Republican National Committee", "Republican National Committee", "United States",
        "Republican",
    )
    assert "The chairman" in [m.text for m in people["Reince Priebus"].mentions]

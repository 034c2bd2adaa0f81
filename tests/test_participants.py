"""Participants: names merged across mentions, titles, organisations, countries, parties, roles,
organisations and groups. The texts are written for these tests."""

import pytest
from hypothesis import HealthCheck, given, settings

from briefing import Briefing, Pipeline
from briefing.model import Span
from briefing.participants.clusters import Cluster
from briefing.participants.extract import _organizations_taken_for_people, find_participants
from briefing.participants.titles import Title
from briefing.participants.parties import party_after
from briefing.testing.strategies import prose


@pytest.fixture
def participants(nlp, plugins):
    """The participants the metadata and participants stages find in a text, by name."""
    pipeline = Pipeline(nlp=nlp, plugins=plugins, statements="none", issues="none")

    def run(text):
        return {p.name: p for p in pipeline.extract(text).participants}

    return run


def facts(participant):
    return (participant.kind, participant.title, participant.organization, participant.affiliation, participant.party)


def test_titles_organisations_and_parties_before_the_name(participants):
    found = participants(
        "Clinton campaign manager Robby Mook spoke first. Sen. Tim Kaine (D-Va.) spoke next. "
        "RNC chairman Reince Priebus answered. House Speaker Paul Ryan, R-Wis., left early. "
        "Republican presidential nominee Donald Trump arrived late."
    )
    assert facts(found["Robby Mook"]) == ("person", "Campaign Manager", "Clinton campaign", None, None)
    assert facts(found["Tim Kaine"]) == ("person", "Senator", None, "United States", "Democratic")
    assert facts(found["Reince Priebus"]) == (
        "person", "Chairman of the Republican National Committee", "Republican National Committee", "United States",
        "Republican",
    )
    assert facts(found["Paul Ryan"]) == (
        "person", "Speaker of the House", "House of Representatives", "United States", "Republican"
    )
    assert facts(found["Donald Trump"]) == ("person", "Presidential Nominee", None, "United States", "Republican")


def test_titles_in_appositives(participants):
    found = participants(
        "Mara Quinn, chief counsel for the Republican National Committee, disagreed. "
        "Luis Ortega, Peru's foreign minister, was there. Dana Holt, 44, a nurse from Ohio, was not. "
        "Whit Ramos, who was Ortega's campaign pollster, stayed home. Ellen Ruiz, a Democrat, objected."
    )
    assert facts(found["Mara Quinn"]) == (
        "person", "Chief Counsel", "Republican National Committee", "United States", "Republican"
    )
    assert facts(found["Luis Ortega"]) == ("person", "Foreign Minister", None, "Peru", None)
    assert found["Dana Holt"].title == "Nurse"
    assert found["Whit Ramos"].title == "Campaign Pollster"
    assert facts(found["Ellen Ruiz"]) == ("person", None, None, "United States", "Democratic")


def test_a_name_the_recogniser_misses_before_an_appositive_title(participants):
    found = participants("Jean-Marc Ayrault, the foreign minister of France, said it would not stand.")
    assert facts(found["Jean-Marc Ayrault"]) == ("person", "Foreign Minister", None, "France", None)


@pytest.mark.parametrize("courtesy", ["Mr.", "Dr."])
def test_courtesy_titles_are_not_titles(participants, courtesy):
    assert participants(f"{courtesy} Omar Haddad arrived on Monday.")["Omar Haddad"].title is None


def test_surnames_and_definite_descriptions_merge_into_one_person(participants):
    found = participants(
        "Republican presidential nominee Donald Trump spoke in Ohio. Later Trump left. "
        "The Republican nominee then flew home. Peru's Foreign Minister Luis Ortega met him. "
        "The Peruvian official said little, and the Foreign Minister left."
    )
    assert [m.text for m in found["Donald Trump"].mentions] == ["Donald Trump", "Trump", "The Republican nominee"]
    assert [m.text for m in found["Luis Ortega"].mentions] == [
        "Luis Ortega", "The Peruvian official", "the Foreign Minister"
    ]


def test_campaigns_groups_and_acting_countries_are_participants(participants):
    found = participants(
        "Democratic nominee Hillary Clinton toured Ohio. The Clinton campaign said the race was close. "
        "GOP leaders disagreed, and some Republicans stayed silent. "
        "Mexico's opposition to the plan was clear. The Daily Ledger reported the talks."
    )
    assert facts(found["Clinton campaign"]) == ("organization", None, None, "United States", "Democratic")
    assert facts(found["GOP leaders"]) == ("group", None, None, "United States", "Republican")
    assert facts(found["Republicans"]) == ("group", None, None, "United States", "Republican")
    assert facts(found["Mexico"]) == ("organization", None, None, "Mexico", None)
    assert facts(found["Daily Ledger"]) == ("organization", None, None, None, None)


def test_organisations_named_only_in_passing_are_not_participants(participants):
    assert "Acme Widgets" not in participants("She bought a chair from Acme Widgets in May.")


def test_headline_names_no_one_but_mentions_people_of_the_body(nlp, plugins):
    text = "Ortega Meets Ruiz in Lima\n\nBy Ana Soto on May 2, 2022\n\nForeign Minister Luis Ortega met reporters."
    briefing = Pipeline(nlp=nlp, plugins=plugins, statements="none", issues="none").extract(text)
    people = {p.name: p for p in briefing.participants}
    assert set(people) == {"Ana Soto", "Luis Ortega"}
    assert [m.text for m in people["Luis Ortega"].mentions] == ["Ortega", "Luis Ortega"]
    assert people["Ana Soto"].role == "author"


def test_people_who_meet_are_attendees(participants):
    found = participants("Minister Luis Ortega met with President Ana Ruiz in Lima. Trump was mentioned.")
    assert (found["Luis Ortega"].role, found["Ana Ruiz"].role, found["Trump"].role) == (
        "attendee", "attendee", "mentioned"
    )


@pytest.mark.parametrize(
    ("after", "party"),
    [(" (D-Va.) said", "Democratic"), (", R-Wis., said", "Republican"), (" (R-IN)", "Republican"), (" (I-Vt.)", "Independent"),
     (" (D)", "Democratic"), (", Reagan said", None), (" said (D-Va.)", None)],
)
def test_party_codes(after, party):
    assert party_after("Kaine" + after, 5) == party


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(prose)
def test_never_raises_and_spans_are_valid(nlp, text):
    doc = nlp(text)
    skip = [Span.of(text, 0, min(len(text), 10))]
    found = find_participants(doc, skip=skip, headlines=skip)
    briefing = Briefing(id="x", text=text, participants=found)  # validates every span and id
    for participant in briefing.participants:
        assert participant.mentions and all(m.text.strip() for m in participant.mentions)


def test_a_party_word_before_the_name_gives_the_party_and_its_country(participants):
    found = participants("Democrat Nora Field voted yes. Republican Carl Winter voted no.")
    assert facts(found["Nora Field"]) == ("person", None, None, "United States", "Democratic")
    assert facts(found["Carl Winter"]) == ("person", None, None, "United States", "Republican")


def test_a_known_organisation_before_a_title_is_its_organisation(participants):
    found = participants("Fed Chair Janet Morrow warned of inflation on Tuesday.")
    assert facts(found["Janet Morrow"]) == ("person", "Chair", "Federal Reserve", "United States", None)


def test_a_campaign_title_in_a_text_about_one_campaign_names_that_campaign(participants):
    one = participants("The Harris campaign opened an office in Ohio. Campaign manager Tom Bright said the race was close.")
    assert one["Tom Bright"].organization == "Harris campaign"
    two = participants(
        "Anna Webb opened an office in Ohio. The Harris campaign and Anna Webb's campaign disagree. "
        "Campaign manager Tom Bright said the race was close."
    )
    assert two["Tom Bright"].organization is None


def test_a_speaker_introducing_themselves_names_their_organisation(participants):
    assert participants("I'm Kara Nolan with Acme Logistics, and I have a question.")["Kara Nolan"].organization == (
        "Acme Logistics"
    )
    assert participants("The mayor thanked Kara Nolan with a smile.")["Kara Nolan"].organization is None


def test_a_state_after_a_title_or_a_name_gives_the_title_its_state_and_the_country(participants):
    found = participants("Sen. Paul Grady of Ohio spoke first. Lise Roy, the premier of Ontario, spoke next.")
    assert facts(found["Paul Grady"]) == ("person", "Senator from Ohio", None, "United States", None)
    assert facts(found["Lise Roy"]) == ("person", "Premier of Ontario", None, "Canada", None)
    assert participants("Ohio Gov. Ann Marsh signed the bill.")["Ann Marsh"].title == "Governor of Ohio"


def test_a_description_naming_another_state_is_not_the_person(participants):
    found = participants(
        "Governor Tom Lasko of New York said hospitals were full. Asked about the governor of Oklahoma, he declined."
    )
    assert [m.text for m in found["Tom Lasko"].mentions] == ["Tom Lasko"]
    assert found["Tom Lasko"].title == "Governor of New York"


def test_a_description_naming_a_state_is_no_governor_of_unknown_state_among_several(participants):
    found = participants(
        "We spoke with Governor Lasko and Governor Okafor. Later the governor of Utah called the plan unfair."
    )
    assert [found[name].title for name in ("Lasko", "Okafor")] == ["Governor", "Governor"]
    assert [m.text for m in found["Okafor"].mentions] == ["Okafor"]
    alone = participants("Governor Okafor spoke on Monday. Later the governor of Utah called the plan unfair.")
    assert alone["Okafor"].title == "Governor of Utah"


def test_a_name_ending_like_an_organisations_with_no_given_name_is_one():
    taken = [Cluster("person", name.split(), name) for name in ("Halvern Foods", "Emily Bank", "Ross Post")]
    taken[0].titles.append((0, Title("King", None, None, None, 0, 0)))  # "Donnie King, Halvern Foods."
    _organizations_taken_for_people(taken)
    assert [(c.kind, c.titles) for c in taken] == [("organization", []), ("person", []), ("person", [])]


def test_an_organisations_country_passes_to_its_spokespeople(participants):
    found = participants("Dana Reyes, a spokeswoman for the Mexican Embassy, declined to comment.")
    assert facts(found["Dana Reyes"]) == ("person", "Spokeswoman", "Mexican Embassy", "Mexico", None)


def test_an_acronym_and_its_expansion_are_one_organisation(participants):
    found = participants(
        "The Environmental Protection Agency issued a rule. The EPA said it would apply in May. "
        "EPA Administrator Lou Park defended it."
    )
    agency = found["Environmental Protection Agency"]
    assert [m.text for m in agency.mentions] == ["Environmental Protection Agency", "EPA"]
    assert "EPA" not in found
    assert found["Lou Park"].organization == "Environmental Protection Agency"


def test_a_known_agency_named_only_by_its_acronym_takes_its_full_name_and_country(participants):
    found = participants("The FDA said on Monday that the new test was safe. The FAA said flights would resume.")
    assert facts(found["Food and Drug Administration"])[::3] == ("organization", "United States")
    assert facts(found["Federal Aviation Administration"])[::3] == ("organization", "United States")
    assert "FDA" not in found and "FAA" not in found


def test_the_current_title_wins_over_a_former_one(participants):
    found = participants(
        "Former Gov. Ed Varga endorsed the plan on Monday. Ed Varga, now a campaign surrogate for the challenger, "
        "spoke at noon."
    )
    assert found["Ed Varga"].title == "Campaign Surrogate"
    assert participants("Former Gov. Ed Varga endorsed the plan.")["Ed Varga"].title == "Former Governor"


def test_the_most_specific_form_of_a_title_wins(participants):
    found = participants(
        "Secretary Maria Olsen spoke on Monday. The next day Maria Olsen, the Secretary of Agriculture, resigned."
    )
    assert found["Maria Olsen"].title == "Secretary of Agriculture"


def test_a_president_without_a_country_in_a_text_about_one_countrys_government(participants):
    found = participants(
        "Homeland Security Secretary Jo Lane met Peru's Foreign Minister Luis Ortega. "
        "They discussed President Hale's plan."
    )
    assert found["Hale"].affiliation == "United States"
    assert found["Luis Ortega"].affiliation == "Peru"


@pytest.mark.parametrize(("short", "full", "expected"), [
    ("DHS", "Department of Homeland Security", True),
    ("I.R.S.", "Internal Revenue Service", True),
    ("EPA", "Environmental Protection Agency", True),
    ("NBC", "Republican National Committee", False),
    ("Fed", "Federal Reserve", False),
])
def test_acronyms(short, full, expected):
    from briefing.participants.names import is_acronym

    assert is_acronym(short, full) is expected


def test_a_name_takes_the_apostrophes_the_text_mostly_writes(participants):
    from briefing.participants.names import usual_apostrophes

    assert usual_apostrophes("Dan O’Hara", ["Dan O’Hara", "O'Hara", "O'Hara"]) == "Dan O'Hara"
    assert usual_apostrophes("Dan O'Hara", ["Dan O'Hara", "O’Hara", "O’Hara"]) == "Dan O’Hara"
    assert usual_apostrophes("Dan O’Hara", ["Dan O’Hara", "O'Hara"]) == "Dan O’Hara"  # a tie: as found
    assert usual_apostrophes("Ann Roe", ["Ann Roe's", "Roe’s"]) == "Ann Roe"
    found = participants("Commissioner James O’Neill spoke on Monday. \"We are ready,\" said O'Neill. "
                         "O'Neill thanked the crews.")
    assert "James O'Neill" in found and "James O’Neill" not in found


def test_states_and_countries_named_first():
    from briefing.participants.countries import leading_country, region_country

    assert (region_country("Ohio"), region_country("Ontario"), region_country("Atlantis")) == (
        "United States", "Canada", None
    )
    assert (leading_country("the Russian Embassy"), leading_country("Mexico's Foreign Ministry")) == ("Russia", "Mexico")
    assert leading_country("Daily Ledger") is None


def test_two_capital_letters_are_a_country_only_when_news_uses_them_so():
    from briefing.participants.countries import country

    assert (country("US"), country("UK"), country("MEX")) == ("United States", "United Kingdom", "Mexico")
    assert (country("VA"), country("CA"), country("IN")) == (None, None, None)


def test_a_title_held_before_is_former_and_yields_to_a_current_one(participants):
    served = participants("Ed Varga, who served as general chairman of the DNC during the 2000 election, spoke.")
    assert facts(served["Ed Varga"]) == (
        "person", "Former General Chairman", "Democratic National Committee", "United States", "Democratic"
    )
    retired = participants("Then former Gen. Mark Fyne spoke on Monday. Mark Fyne, a top Vance surrogate, spoke again.")
    assert retired["Mark Fyne"].title == "Surrogate"


def test_a_party_member_the_recogniser_takes_for_an_organisation_is_a_person(participants):
    found = participants("Marchetti, a Democrat whose staff audits Ohio charities, said it was legal.")
    assert facts(found["Marchetti"])[0::4] == ("person", "Democratic")  # the recogniser says ORG


def test_a_partys_primary_in_a_relative_clause_gives_the_party(participants):
    lost = participants("Sen. Jim Holt (Vt.), who lost the Democratic primaries to Ann Lee, spoke.")
    sought = participants("Tom Vance, whose candidacy for the Republican nomination rested on tax cuts, spoke.")
    critic = participants("Tom Vance, who criticized the Republican nominee, spoke.")
    assert (lost["Jim Holt"].party, sought["Tom Vance"].party, critic["Tom Vance"].party) == (
        "Democratic", "Republican", None
    )


def test_an_appositive_after_a_state(participants):
    found = participants("Rep. Alan Pike of Maryland, the panel's ranking Democrat, objected.")
    assert facts(found["Alan Pike"]) == ("person", "Representative from Maryland", None, "United States", "Democratic")


def test_an_organisation_is_named_as_the_text_names_it_most(participants):
    found = participants(
        "The Global Grain Council (GGC) met in May. The GGC said prices would rise. The GGC later denied it. "
        "GGC director Lou Park defended the council."
    )
    assert "Global Grain Council" not in found
    assert [m.text for m in found["GGC"].mentions] == ["Global Grain Council", "GGC", "GGC", "GGC"]
    assert found["Lou Park"].organization == "GGC"


@pytest.mark.parametrize(("word", "name", "expected"), [
    ("McLenney", "McClenney", True),   # a letter dropped
    ("Wines", "Wimes", True),          # a letter changed
    ("McLenny", "McClenney", False),   # two letters off
    ("Clintons", "Clinton", False),    # a plural, not a slip
    ("Dunne", "Dunn", False),          # too short to tell
    ("Forde", "Horde", False),         # another first letter
])
def test_misspellings(word, name, expected):
    from briefing.participants.names import misspelt

    assert misspelt(word, name) is expected


def test_a_misspelt_surname_joins_the_one_person_it_is_one_letter_from(participants):
    found = participants(
        "Fair opens.\n\nMany voters are unhappy, said Tyresha McClenney, a nurse from Tampa. "
        "McLenney said the rally was too short. Voters are restless, said Leslie Wimes, a teacher. "
        "Wines believes the town will vote."
    )
    assert [m.text for m in found["Tyresha McClenney"].mentions] == ["Tyresha McClenney", "McLenney"]
    assert [m.text for m in found["Leslie Wimes"].mentions] == ["Leslie Wimes", "Wines"]
    assert "McLenney" not in found


def test_a_possessive_description_is_a_mention_of_the_person_it_fits(participants):
    found = participants("Fair opens.\n\nPresident Tom Hale toured the farm on Monday.\n\n"
                         "The president's roots also came into play.")
    assert [m.text for m in found["Tom Hale"].mentions] == ["Tom Hale", "The president"]


def test_a_campaign_with_an_adjective_after_the_possessive_is_the_owners(participants):
    found = participants("Fair opens.\n\nSenator Ana Costa’s presidential campaign opened an office in Dayton.")
    assert [m.text for m in found["Costa campaign"].mentions] == ["Ana Costa’s presidential campaign"]


def test_a_given_name_before_a_surname_picks_its_person(participants):
    from briefing.participants.clusters import Cluster, choose_named

    donald, ivanka = Cluster("person", ["Donald", "Roe"], "Donald Roe"), Cluster("person", ["Ivy", "Roe"], "Ivy Roe")
    donald.add(0, 9)
    ivanka.add(40, 47)
    assert choose_named([donald, ivanka], 60) is donald
    assert choose_named([donald, ivanka], 60, ["Ivy"]) is ivanka
    assert choose_named([donald, ivanka], 60, ["Mrs."]) is ivanka


def test_a_surname_is_the_person_just_introduced_as_a_subject(participants):
    found = participants(
        "Fair opens.\n\nGovernor Gary Hale won the primary in May.\n\nLater that day, Secretary Jeh Hale said "
        "the polls were safe. Hale told a radio host that the count was under way. Hale added that it was slow."
    )
    assert [m.text for m in found["Jeh Hale"].mentions] == ["Jeh Hale", "Hale", "Hale"]


def test_a_us_department_is_known_by_its_secretary_unless_every_government_has_one(participants):
    found = participants("HUD Secretary Ben Okafor spoke first. Veterans Affairs Secretary Mia Lopez spoke after him. "
                         "Interior Secretary Luis Ortega of Chile spoke last.")
    assert {(p.name, p.organization, p.affiliation) for p in found.values() if p.kind == "person"} >= {
        ("Ben Okafor", "Department of Housing and Urban Development", "United States"),
        ("Mia Lopez", "Department of Veterans Affairs", "United States"),
    }
    assert found["Luis Ortega"].affiliation == "Chile"  # an interior ministry is no sign of the United States


def test_a_title_before_an_appositive_name_is_the_persons(participants):
    found = participants("Kestrel Motors' chief executive, Ines Varga, said the depot would close. "
                         "The union's spokesman, Piet Olsen, said the workers would strike.")
    assert facts(found["Ines Varga"]) == ("person", "Chief Executive", "Kestrel Motors", None, None)
    assert facts(found["Piet Olsen"])[:2] == ("person", "Spokesman")


def test_a_title_with_its_of_phrase_before_an_appositive_name_is_the_persons(participants):
    found = participants("The Secretary of Transportation, Ines Varga, said the depot would close. "
                         "The head of the union, Piet Olsen, said the workers would strike.")
    assert facts(found["Ines Varga"])[:2] == ("person", "Secretary of Transportation")
    assert facts(found["Piet Olsen"])[:2] == ("person", None)  # a lowercase "of" phrase is no title


def test_a_role_noun_that_names_no_title_gives_no_title(participants):
    found = participants("The firm sold a coal company, Ridge Valley Mining, to its rival last year.")
    assert all(p.kind != "person" for p in found.values())


def test_a_department_by_its_short_form_is_the_lexicons_department(participants):
    found = participants("Defense Secretary Hal Brenner told reporters the troops would stay.")
    assert facts(found["Hal Brenner"]) == (
        "person", "Secretary of Defense", "Department of Defense", "United States", None)
    other = participants("Philippine Defense Secretary Hal Brenner told reporters the troops would stay.")
    assert other["Hal Brenner"].affiliation == "Philippines"
    assert other["Hal Brenner"].organization != "Department of Defense"


@pytest.mark.parametrize("written", ["O'Dowd", "O’Dowd", "ODowd"])
def test_a_surname_with_an_apostrophe_is_one_person_however_written(participants, written):
    found = participants(f"Kathleen O’Dowd spoke first. Then {written} said the budget was short. "
                         f"{written} left early.")
    people = [p for p in found.values() if "Dowd" in p.name]
    assert len(people) == 1 and people[0].name.startswith("Kathleen O")  # spelt as the text mostly does
    assert len(people[0].mentions) == 3


def test_a_courtesy_form_of_the_other_gender_is_another_person(participants):
    found = participants("Kathleen O’Dowd spoke first. Later Mr. O'Dowd said the budget was short.")
    assert len(found["Kathleen O’Dowd"].mentions) == 1
    assert len([p for p in found.values() if "Dowd" in p.name]) == 2


def test_a_department_by_its_name_without_department_of_is_the_lexicons(participants):
    found = participants("Housing and Urban Development Secretary Ada Brill said rents would fall. "
                         "HUD Secretary Cy Moss disagreed.")
    for name in ("Ada Brill", "Cy Moss"):
        assert facts(found[name]) == ("person", "Secretary of Housing and Urban Development",
                                      "Department of Housing and Urban Development", "United States", None)


def test_a_title_of_several_words_is_no_organisation_and_another_office(participants):
    found = participants("We spoke to General Ames Corbin. General Corbin took care of it. "
                         "The Surgeon General will speak next.")
    corbin = found["Ames Corbin"]
    assert (corbin.title, corbin.organization, len(corbin.mentions)) == ("General", None, 2)


def test_a_name_begun_again_after_a_dash_is_the_name(participants):
    found = participants("Secretary Robert Hollis will speak. Our great leader there, Robert — Robert Hollis — "
                         "told me it was fine.")
    assert [p.name for p in found.values() if "Hollis" in p.name] == ["Robert Hollis"]


def test_a_titled_name_in_a_list_is_no_title_of_the_name_before(nlp):
    from spacy.tokens import Span as SpacySpan

    from briefing.participants.titles import title_after

    doc = nlp("We owe thanks to Speaker Obermann, Leader Castellanos, and the staff of both houses.")
    doc.ents = [SpacySpan(doc, 5, 6, label="PERSON"), SpacySpan(doc, 8, 9, label="PERSON")]
    assert title_after(doc[5:6]) is None  # "Leader" is Castellanos's
    assert title_after(doc[8:9]) is None

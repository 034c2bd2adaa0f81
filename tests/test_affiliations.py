"""The countries a text implies for its participants: from organisations, parties, the home
country of its officials, and a national government's briefing. Participants written for these
tests."""

from briefing.model import Participant
from briefing.participants.affiliations import complete_affiliations, home_country


def person(name, **facts):
    return Participant(id=name.lower().replace(" ", "-"), name=name, **facts)


def countries(participants, host=None):
    return {p.name: p.affiliation for p in complete_affiliations(participants, host=host)}


def test_an_organisations_country_passes_to_its_people():
    found = countries([
        person("Embassy of Peru", kind="organization", affiliation="Peru"),
        person("Ana Soto", title="Spokeswoman", organization="Embassy of Peru"),
        person("Lou Park", title="Administrator", organization="Federal Bureau of Investigation"),
        person("Rita Gomez", title="Spokeswoman", organization="the Chilean Embassy"),
    ])
    assert (found["Ana Soto"], found["Lou Park"], found["Rita Gomez"]) == ("Peru", "United States", "Chile")


def test_a_partys_country_passes_to_its_members():
    assert countries([person("Nora Field", party="Democratic")])["Nora Field"] == "United States"


def test_an_official_without_a_country_holds_an_office_of_the_home_country():
    people = [
        person("Jo Lane", title="Secretary of Homeland Security", organization="Department of Homeland Security"),
        person("Ed Cole", party="Republican"),
        person("Luis Ortega", title="Foreign Minister", affiliation="Peru"),
        person("Hale", title="President"),
        person("Tia Moss", title="Nurse"),
    ]
    assert home_country(people) == "United States"
    found = countries(people)
    assert (found["Hale"], found["Luis Ortega"], found["Tia Moss"]) == ("United States", "Peru", None)


def test_no_home_country_without_a_clear_one():
    people = [person("Ed Cole", party="Republican"), person("Tom Hart", party="Labour"), person("Hale", title="President")]
    assert home_country(people) is None
    assert countries(people)["Hale"] is None


def test_the_officials_at_a_national_governments_briefing_speak_for_its_country():
    people = [person("Birch", title="Admiral", role="speaker"), person("Kim Lowe", role="speaker"),
              person("Reporters", kind="group", role="speaker")]
    assert countries(people, host="The White House") == {"Birch": "United States", "Kim Lowe": None, "Reporters": None}
    assert countries(people, host="The Daily Ledger")["Birch"] is None


def test_a_second_holder_of_a_sole_office_is_not_the_home_countrys():
    from briefing.model import Span

    twice = (Span(start=0, end=4, text="Dane"), Span(start=10, end=14, text="Dane"))
    found = countries([
        person("Ross Dane", title="President", role="speaker", mentions=twice),
        person("Xi Lan", title="President", mentions=(Span(start=20, end=22, text="Xi"),)),
        person("Ada Moreno", title="Senator", party="Democratic"),
        person("Cal Reyes", title="Vice President"),
    ], host="The White House")
    assert found == {"Ross Dane": "United States", "Xi Lan": None, "Ada Moreno": "United States",
                     "Cal Reyes": "United States"}


def test_no_one_takes_a_country_that_lacks_their_office():
    people = [person("Ed Cole", party="Republican"), person("Ray Abe", title="Prime Minister"),
              person("Uta Lind", title="Chancellor"), person("Hale", title="President")]
    assert countries(people) == {"Ed Cole": "United States", "Ray Abe": None, "Uta Lind": None, "Hale": "United States"}
    assert countries([person("Ray Abe", title="Prime Minister", role="speaker")], host="The White House") == {"Ray Abe": None}

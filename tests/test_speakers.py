"""Transcript participants (:mod:`briefing.participants.speakers`, :mod:`briefing.metadata.head`):
one participant a labelled speaker, named reporters inside the Reporters group, no stage direction
or disease taken for a person, and the event as the page's head states it. Example texts are our
own; the corpus test checks three shared White House transcripts against a hand annotation."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from briefing import Briefing, Participant, Pipeline, Span, extract
from briefing.model import Source
from briefing.metadata.head import read_head
from briefing.participants.names import fold
from briefing.participants.noise import not_a_name
from briefing.participants.speakers import fit_to_speakers, same_given_name
from briefing.turns import add_turns
from conftest import need_corpus

ANNOTATION = Path(__file__).with_name("transcript_participants.json")

TALK = """Rose Garden

June 3, 2031

2:14 P.M. EDT

THE PRESIDENT: Thank you all. We met the mayors in Denver last week, and Dana Ruiz did great work. Dana, you want to say a few words?

THE VICE PRESIDENT: Thank you, Mr. President. Dr. Rob Okafor will talk about the XYZ-31 vaccine. (Laughter.)

DR. OKAFOR: Thank you, Madam Vice President. As the President said, the vaccine trials start soon. I'm Rob Okafor, the director of research with Halvern Laboratories.

Q Dr. Okafor, when? Robert, is it safe?

DR. OKAFOR: Yes, it is safe.

THE PRESIDENT: Go ahead, Lena.

Q Mr. President, what did Robert tell you?

THE PRESIDENT: Bobby told me it works. Lena, thank you.

END
"""


def _people(briefing):
    return {p.id: p for p in briefing.participants}


@pytest.fixture(scope="module")
def talk():
    return extract(TALK)


def test_the_head_states_place_date_and_kind_not_the_talk(talk):
    assert (talk.event.location, talk.event.date) == ("Rose Garden", "2031-06-03")
    head = read_head(TALK, TALK.index("THE PRESIDENT:"), "Remarks in a Press Briefing")
    assert head.kind == "press_briefing" and [line.text for line in head.lines] == ["Rose Garden", "June 3, 2031", "2:14 P.M. EDT"]
    assert read_head("Welcome all to a long introduction that runs on and on in prose before anyone speaks here.\n\nA: Hi", 95).place is None


def test_one_participant_a_speaker_with_given_names_and_nicknames_merged(talk):
    okafor = [p for p in talk.participants if "Okafor" in p.name or p.name in {"Robert", "Bobby", "Rob"}]
    assert len(okafor) == 1
    assert okafor[0].name == "Rob Okafor" and {"Robert", "Bobby"} <= {m.text for m in okafor[0].mentions}
    assert okafor[0].title == "Director of Research"  # from his self-introduction; "Dr." is a courtesy form
    assert okafor[0].organization == "Halvern Laboratories"


def test_a_vocative_names_the_next_speaker(talk):
    vice = next(p for p in talk.participants if p.title == "Vice President")
    assert "Dana" in {m.text for m in vice.mentions}
    ruiz = [p for p in talk.participants if p.name == "Dana Ruiz"]
    assert ruiz and all(m.text != "Dana" for m in ruiz[0].mentions)


def test_titles_in_address_are_their_holders_and_no_one_new(nlp):
    text = ("THE PRESIDENT: Hello.\n\nQ Mr. President, and you, Madam Vice President?\n\nTHE VICE PRESIDENT: Yes.\n\n"
            "Q Did the President of Peru call?\n")
    briefing = add_turns(Briefing(id="x", text=text))
    at = text.index("Mr. President")
    vice = text.index("President", text.index("Vice"))
    peru = text.index("President of Peru")
    found = [Participant(id="mr-president", name="Mr. President", mentions=[Span.of(text, at, at + 13)]),
             Participant(id="president", name="President", mentions=[Span.of(text, vice, vice + 9)]),
             Participant(id="madam", name="Madam", mentions=[Span.of(text, vice - 11, vice - 6)]),
             Participant(id="president-2", name="President", mentions=[Span.of(text, peru, peru + 9)])]
    fitted = {p.id: p for p in fit_to_speakers(briefing, [*briefing.participants, *found], nlp(text))}
    assert set(fitted) == {"the-president", "the-vice-president", "reporters"}  # no one invented
    assert Span.of(text, at, at + 13) in fitted["the-president"].mentions
    assert Span.of(text, vice, vice + 9) in fitted["the-vice-president"].mentions  # "President" of "Vice President"
    assert Span.of(text, peru, peru + 9) not in fitted["the-president"].mentions  # another country's president


def test_two_forms_of_one_given_name_no_speaker_bears_are_one_person(nlp):
    text = ("THE PRESIDENT: We thank Dr. Okafor and Tony for the work.\n\nQ Will you close the border?\n\n"
            "THE PRESIDENT: Anthony will decide that with the governors.\n")
    briefing = add_turns(Briefing(id="x", text=text))
    found = [Participant(id=name.lower(), name=name, mentions=[Span.of(text, text.index(name), text.index(name) + len(name))])
             for name in ("Tony", "Anthony")]
    fitted = [p for p in fit_to_speakers(briefing, [*briefing.participants, *found], nlp(text)) if p.id in {"tony", "anthony"}]
    assert [(p.name, len(p.mentions)) for p in fitted] == [("Anthony", 2)]


def test_named_reporters_are_members_of_the_reporters(talk):
    reporters = next(p for p in talk.participants if p.name == "Reporters")
    members = [p for p in talk.participants if p.id in reporters.members]
    assert [m.name for m in members] == ["Lena"] and len(members[0].mentions) == 2


def test_stage_directions_and_diseases_are_not_people(talk):
    assert not [p for p in talk.participants if p.kind == "person" and ("Laughter" in p.name or "XYZ" in p.name)]
    text = "We laughed (Laughter) and then #StayHome Jo Lee came; Hodgkin's disease."
    assert not_a_name(text, text.index("Laughter"), text.index("Laughter") + 8)
    assert not_a_name(text, text.index("StayHome"), text.index("StayHome") + 8)
    assert not_a_name(text, text.index("Hodgkin"), text.index("Hodgkin") + 7)
    assert not not_a_name(text, text.index("Jo Lee"), text.index("Jo Lee") + 6)


def test_a_stated_organisation_and_the_publishers_country():
    okafor = next(p for p in extract(TALK).participants if p.name == "Rob Okafor")
    assert okafor.organization == "Halvern Laboratories"
    assert same_given_name("Tony", "Anthony") and same_given_name("Bob", "Rob") and not same_given_name("Mike", "Karen")


@pytest.mark.corpus
def test_the_annotated_white_house_transcripts():
    """No second participant for a labelled speaker, no non-person typed a person, and titles,
    organisations and countries as annotated for at least 90% of the labelled officials."""
    corpus = need_corpus() / "briefings"
    annotation = {k: v for k, v in json.loads(ANNOTATION.read_text("utf-8")).items() if not k.startswith("_")}
    duplicates, non_people, officials, right = [], [], 0, {"title": 0, "organization": 0, "country": 0}
    for name, gold in annotation.items():
        briefing = extract(corpus / name)
        labels = {s.span: s.span.text for s in briefing.sections if s.kind == "label"}
        allowed = {fold(w.replace("’", "'")) for person in gold["people"] for w in person.split()}
        for speaker in gold["speakers"]:
            holder = next(p for p in briefing.participants if any(labels.get(m) == speaker["label"] for m in p.mentions))
            names = {fold(speaker["surname"]), *(fold(g) for g in speaker["given"])}
            allowed |= names
            duplicates += [(name, p.name) for p in briefing.participants
                           if p is not holder and p.name.split() and fold(p.name.split()[-1]) in names - {fold(g) for g in speaker["given"]} | (
                               {fold(g) for g in speaker["given"]} if len(p.name.split()) == 1 else set())]
            officials += 1
            right["title"] += holder.title == speaker["title"]
            right["organization"] += (holder.organization or None) == speaker["organization"] or (
                holder.organization is not None and speaker["organization"] is not None
                and fold(speaker["organization"]) in fold(holder.organization))
            right["country"] += holder.affiliation == speaker["country"]
        for p in briefing.participants:
            if p.kind == "person" and p.name[:1].isupper() and fold(p.name.split()[-1].replace("’", "'")) not in allowed:
                non_people.append((name, p.name))
    # One remains: a given name the talk never ties to its speaker ("I speak to <given name>" with
    # neither a full name nor an address in that briefing); reported in docs/participants.md.
    assert len(duplicates) <= 1, duplicates
    assert non_people == []
    assert all(count >= 0.9 * officials for count in right.values()), right


@pytest.mark.corpus
@pytest.mark.parametrize("name", ["white_house_briefing_March-18-2020.html", "white_house_briefing_March-22-2020.html"])
def test_no_question_mark_in_a_title_and_no_dash_in_a_name(name):
    """A reporter's "Q" opening a turn is no word of the title after it ("Q Senator …"), and a name
    begun again after a dash ("Robert — Robert …") is one name."""
    people = [p for p in _shared(name).participants if p.kind == "person"]
    assert not [p.title for p in people if p.title and any(len(w) == 1 for w in p.title.split())]
    assert not [p.name for p in people if "—" in p.name or "–" in p.name]


@pytest.mark.corpus
@pytest.mark.parametrize("name", ["white_house_briefing_March-18-2020.html", "white_house_briefing_March-22-2020.html"])
def test_a_leader_named_at_the_white_house_is_not_the_united_states(name):
    """A "President" beside the host's, or a "Prime Minister", named but not speaking, is another
    country's (here Xi's and Trudeau's; the talk gives no country word beside them)."""
    leaders = [p for p in _shared(name).participants
               if p.kind == "person" and p.role == "mentioned" and p.title in {"President", "Prime Minister"}]
    assert leaders and all(p.affiliation != "United States" for p in leaders)


@functools.cache
def _shared(name):
    return extract(need_corpus() / "briefings" / name)


def test_a_president_the_president_names_is_another(nlp):
    text = ("THE PRESIDENT: Thank you. I spoke with President Lan this morning about trade.\n\n"
            "Q Did President Lan agree to send the data?\n\nTHE PRESIDENT: He did. Prime Minister Oto called too.\n")
    briefing = add_turns(Briefing(id="x", text=text, source=Source(publisher="The White House")))
    assert [p.name for p in briefing.participants if p.kind == "person"] == ["The President"]
    found = Pipeline(nlp=nlp).extract_from_doc(briefing, nlp(text)).participants
    assert [(p.name, p.role, p.affiliation) for p in found if p.kind == "person"] == [
        ("The President", "speaker", "United States"), ("Lan", "mentioned", None), ("Oto", "mentioned", None)]

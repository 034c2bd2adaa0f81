from briefing.model import Participant, Span
from briefing.participants.gender import participant_gender, pronoun_gender, word_gender


def person(text, name, *starts, title=None):
    return Participant(id="p", name=name, title=title,
                       mentions=[Span.of(text, s, s + len(name.split()[-1])) for s in starts])


def test_courtesy_title_before_a_mention_gives_the_gender():
    text = "Mrs. Vale spoke."
    assert participant_gender(person(text, "Vale", 5), text) == "f"


def test_given_name_gives_the_gender_and_a_lone_surname_does_not():
    text = "John Vale spoke."
    assert participant_gender(person(text, "John Vale", 5), text) == "m"
    assert participant_gender(person("Vale spoke.", "Vale", 0), "Vale spoke.") is None


def test_gendered_title_word_and_disagreeing_evidence():
    text = "Mr. Vale spoke."
    assert participant_gender(person("Vale spoke.", "Vale", 0, title="Congresswoman"), "Vale spoke.") == "f"
    assert participant_gender(person(text, "Vale", 4, title="Congresswoman"), text) is None


def test_pronoun_and_word_gender():
    assert (pronoun_gender("Her"), pronoun_gender("him"), pronoun_gender("they")) == ("f", "m", None)
    assert (word_gender("spokeswoman"), word_gender("businessman"), word_gender("senator")) == ("f", "m", None)


def test_a_given_name_goes_before_a_generic_title_word():
    text = "Chairman Nora Vale spoke."
    assert participant_gender(person(text, "Nora Vale", 14, title="Chairman"), text) == "f"
    assert participant_gender(person("Vale spoke.", "Vale", 0, title="Chairman"), "Vale spoke.") == "m"


def test_given_names_are_read_without_accents_or_a_second_part():
    from briefing.participants.gender import name_gender

    assert name_gender(["Sofía", "Pérez"]) == "f"
    assert name_gender(["Mary-Kate", "Lund"]) == "f"
    assert name_gender(["José", "Ruiz"]) == "m"

"""What is no person's name though a recogniser may read one (:mod:`briefing.participants.noise`):
a single word shown by its neighbours to be a numbered thing, part of a hyphenated place, a verb, a
title or a thing after "the". The sentences are our own."""

import pytest

from briefing.participants.noise import not_a_name


def word_at(text, word):
    start = text.index(word)
    return text, start, start + len(word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The guard serves under Title 10 this year.", "Title"),
        ("It is funded under Section twelve of the act.", "Section"),
        ("They flew to Port-au-Prince on Monday.", "Port"),
        ("Her advice was simple: Close the schools today.", "Close"),
        ("Our Vice President said so.", "President"),
        ("The bill is stuck on the Hill again.", "Hill"),
        ("As the Doctor can tell you, it spreads.", "Doctor"),
        ("Flights from the Borgo area stopped.", "Borgo"),
    ],
)
def test_a_single_word_its_neighbours_show_is_no_name(text, word):
    assert not_a_name(*word_at(text, word))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The Okafor administration disagreed.", "Okafor"),
        ("Aides to the Ruiz campaign left.", "Ruiz"),
        ("We thank Lasko, who did the work.", "Lasko"),
        ("Marsh said the plan works.", "Marsh"),
        ("Senator Grady met them.", "Grady"),
        ("They asked Okafor the question.", "Okafor"),
    ],
)
def test_a_name_in_the_same_places_stays_a_name(text, word):
    assert not not_a_name(*word_at(text, word))

"""Questions in a transcript: turns of courtesy that say and ask nothing, and whom a question is put to."""

import pytest

from briefing.model import Participant
from briefing.questions import addressee, asks, courtesy

SPEAKERS = [
    Participant(id="lee", name="Lee", title="President"),
    Participant(id="ruiz", name="Ana Ruiz", title="Vice President"),
    Participant(id="patel", name="Sam Patel"),
]


@pytest.mark.parametrize("text", ["Thank you.", "Jon?", "Thank you very much, sir.", "(Inaudible.)", "Okay. Thanks.",
                                  "Mr. President —"])
def test_thanks_names_and_stage_notes_ask_nothing(text):
    assert courtesy(text)
    assert not asks(text)


@pytest.mark.parametrize("text", ["Why?", "Is it safe?", "How many beds are left in the county?",
                                  "Thank you. Will the schools open on Monday?", "Thank you. The beds are full."])
def test_a_question_asks(text):
    assert not courtesy(text)
    assert asks(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Mr. President, will the bridge open?", "lee"),  # by title
    ("Thank you, Madam Vice President. When?", "ruiz"),
    ("And, Dr. Patel, how long will the tests take?", "patel"),  # by name
    ("How long will it take, Dr. Patel?", "patel"),
    ("The mayor spoke to Dr. Patel. Is it true?", "next"),  # named, not addressed
    ("Governor Ames said no, sir. Why?", "next"),  # addressed by a title nobody in the room holds
])
def test_a_question_is_put_to_whom_it_addresses_else_to_the_next_speaker(text, expected):
    assert addressee(text, SPEAKERS, "next") == expected

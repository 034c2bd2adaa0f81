"""A transcript's speaker labels and turns (:mod:`briefing.turns`)."""

import pytest

from briefing.turns import add_turns, find_turns, is_transcript, parse_label


@pytest.mark.parametrize(
    ("label", "title", "name"),
    [
        ("SECRETARY ESPER", "Secretary", ["ESPER"]),
        ("THE PRESIDENT", "President", []),
        ("THE VICE PRESIDENT", "Vice President", []),
        ("ACTING SECRETARY WOLF", "Acting Secretary", ["WOLF"]),
        ("DR. FAUCI", "Dr.", ["FAUCI"]),
        ("MR. SMITH", "Mr.", ["SMITH"]),
        ("SURGEON GENERAL ADAMS", "Surgeon General", ["ADAMS"]),
        ("ADMIRAR GIROIR", None, ["ADMIRAR", "GIROIR"]),
        ("PARTICIPANT", None, ["PARTICIPANT"]),
    ],
)
def test_labels_give_title_and_name(label, title, name):
    assert parse_label(label) == (title, name)


def test_turns_run_from_label_to_label_and_stop_at_the_end():
    text = "Room 1\n\nTHE PRESIDENT:  Hello.\n\nMore.\n\nQ  Why?\n\nDR. FAUCI: Because.\n\nEND\n\n4:15 P.M. EDT\n"
    turns = find_turns(text)
    assert [(t.label.text, t.content.text) for t in turns] == [
        ("THE PRESIDENT", "Hello.\n\nMore."), ("Q", "Why?"), ("DR. FAUCI", "Because.")
    ]
    assert is_transcript(text)
    assert not is_transcript("WASHINGTON: The president said on Monday that talks would go on.\n\nNOTE: updated.")


def test_a_title_only_label_takes_the_name_the_title_gives():
    from briefing import Briefing, Source

    text = "THE PRESIDENT: Hi.\n\nQ Sir?\n\nTHE VICE PRESIDENT: Yes.\n"
    briefing = add_turns(Briefing(id="x", text=text, source=Source(title="Remarks by President Lee and Vice President Ruiz")))
    assert [(p.name, p.title) for p in briefing.participants] == [
        ("Lee", "President"), ("Ruiz", "Vice President"), ("Reporters", None)
    ]

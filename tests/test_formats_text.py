"""The reader ``text`` (:mod:`briefing.formats.text`): what no other reader claims."""

from briefing import Input
from conftest import read


def test_plain_text_still_goes_to_the_text_reader(pipeline, example_path):
    _, name = read(pipeline, Input.from_path(example_path))
    assert name == "text"

"""Organisations speaking inside turns that no participant stands for
(:mod:`briefing.statements.named_sources`)."""

from briefing.model import Participant, Span, Statement
from briefing.statements.named_sources import organization_speakers

TEXT = ("We heard directly from Microsoft that they are sending laptops to the schools. "
        "The Microsoft team told me that the laptops ship today. The mayor said that the roads are open.")


def _said(source: str, after: int = 0, speaker: str | None = None, reported: bool = True) -> Statement:
    start = TEXT.index(source, after)
    end = TEXT.index(".", start)
    return Statement(id="s", kind="indirect", content=[Span.of(TEXT, end - 10, end)],
                     source=Span.of(TEXT, start, start + len(source)), cue=Span.of(TEXT, start - 5, start - 1),
                     speaker=speaker, reported_by="t1" if reported else None)


def test_a_source_naming_an_organisation_no_participant_bears_is_that_organisation(nlp):
    doc = nlp(TEXT)
    statements = [_said("Microsoft"), _said("The Microsoft team"), _said("The mayor"),
                  _said("Microsoft", speaker="lee"), _said("Microsoft", reported=False)]
    found, added = organization_speakers(statements, doc, [])
    # the head or the name it is compounded with; a common noun, a resolved or an outer source: untouched
    assert [s.speaker for s in found] == ["microsoft", "microsoft", None, "lee", None]
    assert [(p.name, p.kind, [m.text for m in p.mentions]) for p in added] == [
        ("Microsoft", "organization", ["Microsoft", "Microsoft"])]


def test_an_existing_participant_of_that_name_is_reused(nlp):
    doc = nlp(TEXT)
    known = Participant(id="ms", name="Microsoft", kind="organization")
    found, added = organization_speakers([_said("Microsoft")], doc, [known])
    assert [s.speaker for s in found] == ["ms"] and added == []

"""A briefing laid onto its spaCy ``Doc`` (:mod:`briefing.doc_spans`)."""


def test_spacy_doc_with_the_briefing_attached(pipeline, example_path):
    doc = pipeline.extract_doc(example_path)
    briefing = doc._.briefing
    assert doc.text == briefing.text
    statements = doc.spans["briefing_statements"]
    first = briefing.statements[0]
    assert [(s.text, s.label_, s.kb_id_, s.id_) for s in list(statements)[:3]] == [
        (first.content[0].text, "Content", first.speaker, first.id),
        (first.cue.text, "Cue", first.speaker, first.id),
        (first.source.text, "Source", first.speaker, first.id),
    ]
    mentions = {(s.text, s.kb_id_) for s in doc.spans["briefing_participants"]}
    assert ("Claire Dubois", "claire-dubois") in mentions
    assert len(doc.spans["briefing_issues"]) == sum(len(i.mentions) for i in briefing.issues)

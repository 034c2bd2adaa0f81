"""The day's issues: phrases scored by statements, speakers and distinctiveness, variants merged,
generic ones dropped, the list capped; measured on three shared transcripts against issues listed
by hand (tests/data/transcript_issues.json)."""

import json
import re

import pytest

from briefing.issues.phrases import Phrase, phrase_at, stem
from briefing.issues.salience import MAX_ISSUES, Background, salient
from conftest import ROOT, need_corpus

LISTED = json.loads((ROOT / "tests" / "data" / "transcript_issues.json").read_text(encoding="utf-8"))
_SMALL = {"the", "and", "for", "of", "to", "a", "an"}
MEASURED = {"white_house_briefing_March-15-2020": 4, "white_house_briefing_March-17-2020": 4, "white_house_briefing_March-21-2020": 5}


def phrase(head, *modifiers, start=0):
    return Phrase(start, start + 1, " ".join((*modifiers, head)), stem(head), tuple(stem(m) for m in modifiers))


WORDS = Background(100, {"test": 5, "mask": 3, "kit": 4, "health": 60})


def test_variants_merge_and_a_narrower_framing_does_not():
    raised = [(phrase("tests"), "s1", "a"), (phrase("testing"), "s2", "b"), (phrase("kits", "test"), "s3", "a"),
              (phrase("masks"), "s4", "a"), (phrase("masks", "cloth"), "s5", "b"), (phrase("masks", "cloth"), "s6", "a")]
    groups = salient(raised, WORDS)
    assert [(g.first.key, sorted(p.label for p in g.phrases)) for g in groups] == [
        ("cloth-mask", ["cloth masks", "cloth masks"]),  # a narrower framing keeps its identity
        ("test", ["test kits", "testing", "tests"]),
    ]


def test_a_compound_joins_the_more_raised_of_its_modifier_and_its_head():
    raised = [(phrase("stores"), f"s{k}", "ab"[k % 2]) for k in range(4)] + [
        (phrase("grocery"), "g1", "a"), (phrase("grocery"), "g2", "b"),
        (phrase("stores", "grocery"), "c1", "c"), (phrase("stores", "grocery"), "c2", "a"),
        (phrase("testing"), "t1", "a"), (phrase("testing"), "t2", "b"),
        (phrase("kits", "test"), "k1", "a"), (phrase("kits", "test"), "k2", "b")]
    groups = salient(raised, Background(100, {}))
    assert sorted((g.label, len(g.phrases), len(g.speakers)) for g in groups) == [
        ("grocery", 2, 2),
        ("stores", 6, 3),  # "grocery stores" with the stores, said alone four times, not the groceries said twice
        ("testing", 4, 2),  # no "kits" said alone: "test kits" are testing
    ]


def test_a_clipped_form_framed_like_its_full_form_merges():
    raised = [(phrase("lab"), "s1", "a"), (phrase("lab"), "s2", "b"), (phrase("lab", "commercial"), "s3", "a"),
              (phrase("laboratory"), "s4", "c"), (phrase("laboratory"), "s10", "d"),
              (phrase("laboratory", "commercial"), "s5", "c"), (phrase("man"), "s6", "a"), (phrase("man"), "s7", "b"),
              (phrase("management"), "s8", "a"), (phrase("management"), "s9", "c")]
    groups = salient(raised, Background(100, {}))
    assert sorted((g.label, len(g.phrases), len(g.speakers)) for g in groups) == [
        ("lab", 6, 4),  # "lab" and "laboratory", both framed by "commercial" (said once each: they join them)
        ("man", 2, 2), ("management", 2, 2),  # a shared beginning alone is no clipping
    ]


def test_a_name_and_its_short_forms_merge_and_a_company_is_not_its_head():
    raised = [(phrase("Reserve", "Federal"), "s1", "a"), (phrase("Reserve", "Federal"), "s2", "a"), (phrase("Fed"), "s3", "b"),
              (phrase("Agency", "Federal", "Emergency", "Management"), "s4", "a"), (phrase("FEMA"), "s5", "b"), (phrase("FEMA"), "s6", "b"),
              (phrase("Stockpile", "Strategic", "National"), "s7", "a"), (phrase("Stockpile"), "s8", "b"),
              (phrase("stockpile"), "s9", "b"), (phrase("Healthcare", "Sonic"), "s10", "a"), (phrase("Healthcare", "Sonic"), "s11", "b"),
              (phrase("healthcare"), "s12", "a"), (phrase("healthcare"), "s13", "b")]
    groups = salient(raised, Background(100, {}))
    # a name said in full and short is labelled with both; a name's head is no short form
    assert sorted(g.label for g in groups) == ["Federal Emergency Management Agency (FEMA)", "Federal Reserve (Fed)",
                                              "Sonic Healthcare", "Stockpile", "healthcare"]
    assert sorted(sorted({p.label for p in g.phrases}) for g in groups) == [
        ["FEMA", "Federal Emergency Management Agency"],  # initials
        ["Fed", "Federal Reserve"],  # the first letters of its first word
        ["Sonic Healthcare"],  # a name's head written in lower case is not the name
        ["Stockpile", "Strategic National Stockpile", "stockpile"],  # its head, written as a name
        ["healthcare"],
    ]


def test_a_name_is_no_framing_of_its_words_unless_they_are_written_as_a_name():
    raised = [(phrase("water"), f"w{k}", "ab"[k % 2]) for k in range(3)] + [
        (phrase("Act", "Clean", "Water"), "a1", "a"), (phrase("Act", "Clean", "Water"), "a2", "b"),
        (phrase("clinic"), "c1", "a"), (phrase("clinic"), "c2", "b"), (phrase("Clinic", "Harbor"), "c3", "a"),
        (phrase("Acme"), "m1", "a"), (phrase("Acme"), "m2", "b"), (phrase("Mobile", "Acme"), "m3", "a"),
        (phrase("Mobile", "Acme"), "m4", "b")]
    groups = salient(raised, Background(100, {}))
    assert sorted(sorted({p.label for p in g.phrases}) for g in groups) == [
        ["Acme", "Acme Mobile"],  # a word written as a name: Acme Mobile is Acme's
        ["Clean Water Act"],  # a law is not the water it names, said twice
        ["clinic"],  # nor is a clinic's name, said once, a clinic talked about
        ["water"],
    ]


def test_a_short_form_framing_another_word_is_the_name():
    raised = [(phrase("Authority", "Northern", "Port"), "s1", "a"), (phrase("Authority", "Northern", "Port"), "s2", "a"),
              (phrase("fees", "NPA"), "s3", "b")]
    groups = salient(raised, Background(100, {}))
    # "the NPA fees" are the Authority's, as "the Fed rate" is the Federal Reserve's
    assert [sorted(p.label for p in g.phrases) for g in groups] == [
        ["NPA fees", "Northern Port Authority", "Northern Port Authority"]]


def test_a_framing_said_once_joins_its_head_said_again_and_again():
    raised = [(phrase("stockpile"), "s1", "a"), (phrase("stockpile"), "s2", "b"), (phrase("stockpile", "national"), "s3", "a"),
              (phrase("stockpile", "federal"), "s4", "c"), (phrase("masks", "cloth"), "s5", "a"), (phrase("masks", "cloth"), "s6", "b"),
              (phrase("masks"), "s7", "c"), (phrase("dialogue"), "s8", "a"), (phrase("dialogue", "bilateral"), "s9", "b")]
    groups = salient(raised, Background(100, {}))
    assert sorted((g.label, len(g.phrases), len(g.speakers)) for g in groups) == [
        ("cloth masks", 2, 2),  # a framing said again keeps its identity, and "masks" said once joins nothing
        ("stockpile", 4, 3),  # "national" and "federal" stockpile, said once each, are the stockpile
    ]  # "dialogue" is said alone once only: "bilateral dialogue" does not join it, and neither is an issue


def test_the_briefing_subject_gives_its_place_when_places_are_scarce():
    many = [(phrase(f"word{n}"), f"s{n}-{k}", speaker) for n in range(MAX_ISSUES) for k in range(2) for speaker in "ab"]
    subject = [(phrase("virus"), f"v{k}", speaker) for k in range(5) for speaker in "abc"]
    virus = stem("virus")
    crowded = [g.first.head for g in salient(many + subject, Background(100, {}), subject={virus})]
    assert virus not in crowded and len(crowded) == MAX_ISSUES
    assert [g.first.head for g in salient(many + subject, Background(100, {}))][0] == virus  # the most raised otherwise
    assert [g.first.head for g in salient(many[:4] + subject, Background(100, {}), subject={virus})][-1] == virus


def test_a_phrase_raised_once_or_common_everywhere_is_no_issue():
    raised = [(phrase("masks"), "s1", "a"), (phrase("health"), "s2", "a"), (phrase("health"), "s3", "b")]
    assert salient(raised, WORDS) == []


def test_the_list_is_capped_most_salient_first():
    raised = [(phrase(f"word{n}"), f"s{n}-{k}", speaker) for n in range(12) for k in range(1 + n % 3) for speaker in "ab"]
    groups = salient(raised, Background(100, {}))
    assert len(groups) == MAX_ISSUES
    scores = [g.score(Background(100, {})) for g in groups]
    assert scores == sorted(scores, reverse=True)


def test_a_phrase_keeps_the_modifiers_that_frame_it(nlp):
    doc = nlp("There will be no mass deportations and no new tariffs.")
    framed = [phrase_at(chunk) for chunk in doc.noun_chunks]
    assert [(p.label, p.key) for p in framed] == [("mass deportations", "mass-deportat"), ("tariffs", "tariff")]


def test_words_joined_by_a_hyphen_are_one_word(nlp):
    doc = nlp("The clinic offers virtual check-ins and high-throughput screening, and the bank mails checks.")
    framed = {p.label: p for p in map(phrase_at, doc.noun_chunks) if p is not None}
    # the parser makes "check" a compound of "ins": a check-in is no check
    assert (framed["virtual check-ins"].head, framed["virtual check-ins"].modifiers) == ("check-in", ("virtual",))
    assert framed["checks"].head == stem("checks") != framed["virtual check-ins"].head
    assert framed["high-throughput screening"].modifiers == ("high-throughput",)


def test_a_number_written_onto_a_word_is_part_of_it(nlp):
    doc = nlp("The clinic bought masks from 3M, and 20 states use 5G networks.")
    framed = {p.label: p for p in map(phrase_at, doc.noun_chunks) if p is not None}
    # the tokenizer splits "3M" into "3" and "M"; a number with a space after it is no part of a word
    assert framed["3M"].head == stem("3m") and "M" not in framed
    assert framed["5g networks"].modifiers == (stem("5g"),) and framed["states"].modifiers == ()


@pytest.mark.parametrize(("head", "expected"), [("plan", "plan"), ("-", None), ("2", None), ("’s", None), ("'s", None)])
def test_a_head_that_is_no_word_is_no_phrase(nlp, head, expected):
    from spacy.tokens import Doc

    # a dash or a figure the tagger reads as a noun ("the - ", "a 2") names nothing
    doc = Doc(nlp.vocab, words=["the", head], pos=["DET", "NOUN"], heads=[1, 1], deps=["det", "ROOT"],
              lemmas=["the", head])
    found = phrase_at(doc[0:2])
    assert (found.label if found else None) == expected


def _found(label, issues):
    words = {stem(w) for w in re.findall(r"[a-z]+", label.lower()) if w not in _SMALL and len(w) > 2}
    return any(words & {stem(w) for w in re.findall(r"[a-z]+", issue.label.lower())} for issue in issues)


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(k for k in LISTED if not k.startswith("_")))
def test_transcript_issues_listed_by_hand_are_found(nlp, plugins, name):
    from briefing import Pipeline

    # the default statements extractor (`trained`); `rules`, which salience was tuned on, finds the same
    pipeline = Pipeline(nlp=nlp, plugins=plugins)
    path = need_corpus() / "briefings" / f"{name}.html"
    briefing = pipeline.extract(path)
    finer = [i for i in briefing.issues if i.parent is not None or i.code is None]
    listed = LISTED[name]
    found = [label for label in listed if _found(label, finer)]
    # measured (docs/issues.md): 4, 4 and 5 of the 5 listed; the target, all of them, is not met yet
    assert len(found) >= MEASURED[name], (found, [i.label for i in finer])
    assert len(finer) <= 2 * len(listed), [i.label for i in finer]

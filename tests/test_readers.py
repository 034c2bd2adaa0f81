"""The built-in readers: HTML pages, transcripts, JSONL corpora and BRAT standoff, and choosing
among them by file name and content."""

import json
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import Briefing, Input
from briefing.errors import BriefingError, InputError, InputWarning
from briefing.questions import asks
from briefing.turns import add_turns, find_turns, is_transcript, parse_label
from conftest import EXAMPLES, need_corpus

TRANSCRIPT = EXAMPLES / "harbour_safety_briefing_transcript.txt"

PAGE = b"""<!DOCTYPE html>
<html><head><title>Kelly visits Mexico | Example News</title>
<meta name="author" content="Jane Roe; John Poe">
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://news.example.org/kelly">
<meta property="article:published_time" content="2017-02-23"></head>
<body><nav>Home | World | Sports</nav>
<article><h1>Kelly visits Mexico</h1>
<p>Kelly said the talks went well. &lt;script&gt;alert(1)&lt;/script&gt; was posted by a reader.</p>
<p>"We will not deport anyone," he told reporters in Mexico City on Thursday.</p></article>
<footer>Copyright Example News</footer></body></html>"""


def read(pipeline, input):
    """The briefings the reader detected for ``input`` gives, before any extractor, and its name."""
    entry = pipeline.choose_reader(input)
    return list(entry.obj.read(input)), entry.name


# -- HTML ----------------------------------------------------------------------------------


def test_html_page_gives_main_text_and_metadata(pipeline):
    [briefing], name = read(pipeline, Input.from_bytes(PAGE, name="page.html"))
    assert name == "html"
    assert briefing.text.split("\n\n") == [
        "Kelly visits Mexico",
        "Kelly said the talks went well. <script>alert(1)</script> was posted by a reader.",
        '"We will not deport anyone," he told reporters in Mexico City on Thursday.',
    ]
    source = briefing.source
    assert (source.title, source.authors, source.published) == ("Kelly visits Mexico", ("Jane Roe", "John Poe"), "2017-02-23")
    assert (source.publisher, source.url, source.path) == ("Example News", "https://news.example.org/kelly", "page.html")
    assert "Copyright" not in briefing.text and "Sports" not in briefing.text


def test_html_is_sniffed_without_an_extension(pipeline):
    _, name = read(pipeline, Input.from_bytes(b"\n  <!doctype html>" + PAGE[15:], name="-"))
    assert name == "html"


def test_html_without_main_text_is_an_input_error(pipeline):
    with pytest.raises(InputError, match="empty.html: no main text found"):
        read(pipeline, Input.from_bytes(b"<html><body><nav></nav></body></html>", name="empty.html"))


def test_the_white_house_page_reads_as_a_transcript(pipeline):
    path = need_corpus() / "briefings" / "white_house_briefing_March-16-2020.html"
    [briefing], name = read(pipeline, Input.from_path(path))
    assert name == "html"
    assert briefing.source.title.startswith("Remarks by President Trump, Vice President Pence")
    assert briefing.source.published == "2020-03-16"
    assert briefing.text.startswith("James S. Brady Press Briefing Room\n\n3:21 P.M. EDT\n\nTHE PRESIDENT: Thank you")
    by_label = {}
    for statement in briefing.statements:
        by_label.setdefault(statement.source.text, set()).add(statement.speaker)
    assert by_label["THE PRESIDENT"] == {"trump"} and by_label["Q"] == {"reporters"}
    assert by_label["ADMIRAL GIROIR"] == by_label["ADMIRAR GIROIR"] == {"giroir"}  # the page misspells it once
    assert len(briefing.statements) == 213
    assert sum(s.act == "question" for s in briefing.statements) == 92  # four "Q" turns ask nothing: "Yeah.", "Mr. President —"


# -- transcripts ------------------------------------------------------------------------


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


def test_a_plain_transcript_gives_one_statement_a_turn(pipeline):
    [briefing], name = read(pipeline, Input.from_path(TRANSCRIPT))
    assert name == "transcript"
    people = {p.id: p for p in briefing.participants}
    assert {(p.name, p.title, p.kind) for p in people.values()} == {
        ("Okafor", "Secretary", "person"), ("Vasquez", None, "person"), ("Hale", "Acting Director", "person"),
        ("Reporters", None, "group"),
    }
    turns = [(s.source.text, s.speaker, s.act, s.kind) for s in briefing.statements]
    assert turns == [
        ("SECRETARY OKAFOR", "okafor", "statement", "direct"), ("DR. VASQUEZ", "vasquez", "statement", "direct"),
        ("Q", "reporters", "question", "direct"), ("SECRETARY OKAFOR", "okafor", "answer", "direct"),
        ("Q", "reporters", "question", "direct"), ("DR. VASQUEZ", "vasquez", "answer", "direct"),
        ("ACTING DIRECTOR HALE", "hale", "statement", "direct"),
    ]
    last = briefing.statements[-1]
    assert last.content[0].text == "If I may add one thing: the ferry schedule is not affected."
    assert [s.kind for s in briefing.sections[:5]] == ["headline", "dateline", "dateline", "label", "turn"]
    assert (briefing.source.title, briefing.event.location) == ("Press Briefing on Harbour Safety", "Port Authority Briefing Room, Halifax")
    assert people["okafor"].mentions == tuple(s.source for s in briefing.statements if s.speaker == "okafor")


def test_a_title_only_label_takes_the_name_the_title_gives():
    from briefing import Briefing, Source

    text = "THE PRESIDENT: Hi.\n\nQ Sir?\n\nTHE VICE PRESIDENT: Yes.\n"
    briefing = add_turns(Briefing(id="x", text=text, source=Source(title="Remarks by President Lee and Vice President Ruiz")))
    assert [(p.name, p.title) for p in briefing.participants] == [
        ("Lee", "President"), ("Ruiz", "Vice President"), ("Reporters", None)
    ]


def test_speakers_merge_with_the_people_the_text_names_and_quotes_go_to_who_said_them(pipeline):
    briefing = pipeline.extract(TRANSCRIPT)
    vasquez = briefing.participant("vasquez")
    assert (vasquez.name, vasquez.title, vasquez.role) == ("Lena Vasquez", None, "speaker")  # "Dr." is a courtesy form
    assert [p.name for p in briefing.participants].count("Lena Vasquez") == 1
    inner = [s for s in briefing.statements if s.id.startswith("s")]
    assert [(s.source.text, s.cue.text, s.content[0].text) for s in inner] == [
        ("Admiral Brandt", "told", 'that "the coast guard will double its patrols until the end of the month."'),
        ("The shipping association", "said", 'that the new checks are "a tax on honest crews."'),
    ]
    assert briefing.participant(inner[0].speaker).name == "Brandt"
    assert len(briefing.statements) == 9  # seven turns, two reported inside them; "I would say" is the turn's own


def test_the_done_when_briefing(pipeline):
    """The issue's check: one statement per labelled turn, the right speakers, questions marked."""
    path = need_corpus() / "briefings" / "white_house_briefing_March-16-2020.html"
    briefing = pipeline.extract(path)
    turns = [s for s in briefing.statements if s.id.startswith("t")]
    assert len(turns) == 213
    speakers = {(p.name, p.title) for p in briefing.participants if briefing.statements_by(p.id)}
    assert {("Trump", "President"), ("Fauci", None), ("Pence", "Vice President"), ("Azar", "Secretary"),
            ("Giroir", "Admiral"), ("Reporters", None)} <= speakers
    assert ("Birx", "Ambassador") in speakers  # the label says DR. BIRX; the text calls her Ambassador Birx
    assert {s.act for s in turns if s.source.text == "Q" and asks(s.content[0].text)} == {"question"}
    assert all(s.act == "statement" for s in turns if s.source.text == "Q" and not asks(s.content[0].text))
    first_answer = next(s for s in turns if s.act == "answer")
    assert (briefing.participant(first_answer.speaker).name, first_answer.content[0].text[:22]) == ("Trump", "My favorite question; ")
    vice = next(s for s in briefing.statements if s.source.text == "the Vice President")
    assert vice.speaker == "pence" and vice.id.startswith("s")


# -- JSONL ----------------------------------------------------------------------------------


def test_jsonl_streams_records_and_reports_bad_lines(pipeline):
    lines = [
        {"id": "a", "text": "Kelly said no.", "title": "T", "published": "2017-02-23", "url": "https://x.org/a"},
        "not json",
        {"text": "Lunde said yes.\r\nAgain.", "authors": ["Maren Solberg"]},
        {"id": 7, "title": "no text"},
        [1, 2],
        {"id": "b", "text": "ok", "title": 3},
    ]
    data = "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines).encode() + b"\n\n"
    results, name = read(pipeline, Input.from_bytes(data, name="corpus.jsonl"))
    assert name == "jsonl"
    first, bad_json, third, no_text, not_object, bad_title = results
    assert (first.id, first.text, first.source.title, first.source.published, first.source.url, first.source.path) == (
        "a", "Kelly said no.", "T", "2017-02-23", "https://x.org/a", "corpus.jsonl")
    assert (third.id, third.text, third.source.authors) == ("corpus-3", "Lunde said yes.\nAgain.", ("Maren Solberg",))
    assert str(bad_json).startswith("corpus.jsonl:2: is not JSON")
    assert str(no_text) == 'corpus.jsonl:4: a record needs a "text" string'
    assert str(not_object) == "corpus.jsonl:5: a record must be a JSON object, not list"
    assert str(bad_title) == 'corpus.jsonl:6: "title" must be a string'


def test_jsonl_is_sniffed_from_content(pipeline):
    _, name = read(pipeline, Input.from_bytes(b'{"id": 1, "text": "Kelly said no."}\n', name="-"))
    assert name == "jsonl"


def test_jsonl_records_flow_through_the_pipeline_with_failures_reported(pipeline, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"id": "one", "text": "Kelly said the talks went well."}\n{"id": 2}\n', encoding="utf-8")
    results = list(pipeline.run([corpus]))
    assert results[0].id == "one" and results[0].statements[0].content[0].text == "the talks went well"
    assert str(results[1].error) == f'{corpus}:2: a record needs a "text" string'


# -- BRAT ----------------------------------------------------------------------------------


def test_brat_reads_statements_and_noted_speakers(pipeline, tmp_path):
    text = 'Kelly said the talks went well. "No deportations," Chong said.'
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.ann").write_text(
        "T1\tSource 0 5\tKelly\nT2\tCue 6 10\tsaid\nT3\tContent 11 30\tthe talks went well\n"
        "#1\tAnnotatorNotes T1\tspeaker: John Kelly\nT4\tAttribution 6 10\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        'T5\tContent 32 50\t"No deportations,"\nT6\tAttribution-no-source 51 56\tChong\n'
        "E2\tAttribution-no-source:T6 Content:T5\n",
        encoding="utf-8",
    )
    [briefing], name = read(pipeline, Input.from_path(tmp_path / "a.ann"))
    assert name == "brat"
    assert briefing.id == "a" and briefing.source.path == str(tmp_path / "a.txt")
    first, second = briefing.statements
    assert (first.kind, first.content[0].text, first.cue.text, first.source.text, first.speaker) == (
        "indirect", "the talks went well", "said", "Kelly", "john-kelly")
    assert (second.kind, second.content[0].text, second.source, second.speaker) == ("direct", '"No deportations,"', None, None)
    assert [(p.id, p.name, p.mentions[0].text) for p in briefing.participants] == [("john-kelly", "John Kelly", "Kelly")]


def test_brat_without_its_text_is_an_input_error(pipeline, tmp_path):
    (tmp_path / "lonely.ann").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="no text found for it"):
        read(pipeline, Input.from_path(tmp_path / "lonely.ann"))


def test_brat_reads_polnear_layout(pipeline):
    corpus = need_corpus() / "polnear" / "dev" / "attributions"
    ann = sorted(corpus.glob("*.ann"))[0]
    [briefing], _ = read(pipeline, Input.from_path(ann))
    assert briefing.source.path.endswith(f"text/{ann.stem.rsplit('_', 1)[0]}.txt")
    assert len(briefing.statements) > 5
    assert all(s.content for s in briefing.statements)


def test_plain_text_still_goes_to_the_text_reader(pipeline, example_path):
    _, name = read(pipeline, Input.from_path(example_path))
    assert name == "text"


def test_speakers_merge_only_with_whom_they_clearly_are():
    from briefing import Participant
    from briefing.participants.merge import merge_participants

    given = [Participant(id="pence", name="Pence", title="Vice President", role="speaker"),
             Participant(id="fauci", name="Fauci", title="Dr.", role="speaker"),
             Participant(id="trump", name="The President", title="President", role="speaker"),
             Participant(id="smith", name="Smith", title="Mr.", role="speaker")]
    found = [Participant(id="karen-pence", name="Karen Pence"),
             Participant(id="mike-pence", name="Mike Pence", title="Vice President"),
             Participant(id="anthony-fauci", name="Anthony Fauci", title="Director"),
             Participant(id="fauci", name="Fauci"),
             Participant(id="donald-trump", name="Donald Trump", title="President"),
             Participant(id="smith", name="Jane Smith", title="Senator"),
             Participant(id="john-smith", name="John Smith", title="Governor")]
    merged = merge_participants(given, found)
    assert [(p.id, p.name, p.title) for p in merged] == [
        ("pence", "Mike Pence", "Vice President"),     # Karen Pence is someone else: the title tells
        ("fauci", "Anthony Fauci", "Director"),        # a real title outranks the label's honorific
        ("trump", "Donald Trump", "President"),        # known by title alone: the one who holds it
        ("smith", "Smith", "Mr."),                     # two Smiths found, neither clearly him
        ("karen-pence", "Karen Pence", None),
        ("smith-2", "Jane Smith", "Senator"),          # the id clash is resolved, not dropped
        ("john-smith", "John Smith", "Governor"),
    ]


# -- fuzzing -------------------------------------------------------------------------------

#: Bytes a reader may meet: random, or mangled pieces of every format it reads.
_FORMAT_PIECES = [PAGE, b'{"id": "a", "text": "Kelly said no."}\n', b"T1\tSource 0 5\tKelly\n", b"THE PRESIDENT:  Thank you.\n",
                  b"Q    Mr. President?\n", b"\xff\xfe", b"\xef\xbb\xbf", b"\x00", b"<", b"\n", b'"', b"\xe2\x80\x9c"]
fuzz_bytes = st.one_of(
    st.binary(max_size=600),
    st.lists(st.one_of(st.sampled_from(_FORMAT_PIECES), st.binary(max_size=20)), max_size=12).map(b"".join),
)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=fuzz_bytes, suffix=st.sampled_from([".txt", ".html", ".jsonl", ".ann", ""]))
def test_readers_refuse_bad_bytes_with_an_input_error_only(plugins, data, suffix):
    """Every reader, on any bytes under any name: briefings, or a BriefingError naming the input,
    never another exception (a fuzz harness; ``HYPOTHESIS_PROFILE=fuzz`` runs it longer, see
    docs/formats.md)."""
    for entry in plugins.entries("reader"):
        input = Input.from_bytes(data, name=f"fuzz{suffix}")
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", InputWarning)
                entry.obj.detect(input, input.head())
                for result in entry.obj.read(input):
                    assert isinstance(result, (Briefing, BriefingError))
        except BriefingError as error:
            assert str(error).startswith("fuzz")

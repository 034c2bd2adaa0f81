import re

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import Briefing, Failure, Input, Pipeline, PluginManager, Span, Statement, extract_many, hookimpl
from briefing.convert import dumps, loads
from briefing.errors import InputError, InputWarning, PluginError, UnknownNameError
from briefing.nlp import cut_points, doc_text
from briefing.pipeline import as_input
from briefing.testing.strategies import prose, texts
from conftest import EnginePlugin, ExtractorPlugin, Failing


def test_text_and_path_inputs(pipeline, example_path):
    from_path = pipeline.extract(example_path)
    assert from_path.id == "arctic_fisheries_briefing"
    assert from_path.source.path == str(example_path)
    from_text = pipeline.extract(example_path.read_text(encoding="utf-8"))
    assert from_text.id.startswith("text-") and from_text.source.path is None
    assert from_text.text == from_path.text
    assert [s.content for s in from_text.statements] == [s.content for s in from_path.statements]


def test_a_short_string_naming_a_file_is_read_as_that_file(pipeline, example_path):
    assert as_input(str(example_path)).path == example_path
    assert as_input("Kelly said no.").data == b"Kelly said no."


@pytest.mark.parametrize("mistyped", ["a.txt", "notes/briefing", "~/in/day1.html"])
def test_a_string_that_looks_like_a_missing_path_is_an_error_not_a_text(pipeline, mistyped):
    with pytest.raises(InputError, match=rf"^{re.escape(mistyped)}: no such file"):
        pipeline.extract(mistyped)
    failures = []
    assert list(pipeline.extract_many([mistyped, "Kelly said no."], on_error=failures.append))[0].text == "Kelly said no."
    assert [f.input for f in failures] == [mistyped]


def test_a_text_is_never_taken_for_a_path(pipeline):
    assert pipeline.extract(Input.from_text("a.txt")).text == "a.txt"


def test_no_text_gives_an_empty_briefing_and_a_warning(pipeline, tmp_path):
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n\n ")
    with pytest.warns(InputWarning, match=rf"^{re.escape(str(blank))}: holds no text"):
        briefing = pipeline.extract(blank)
    assert briefing.statements == () and briefing.participants == ()


def test_a_failure_names_its_input(nlp, tmp_path):
    path = tmp_path / "day1.txt"
    path.write_text("Kelly said no.")
    manager = PluginManager(autoload=False, plugins=[ExtractorPlugin(Failing())])
    [failure] = Pipeline(nlp=nlp, plugins=manager, statements="failing").run([path])
    assert str(failure).startswith(f"{path}: plugin 'extractor_plugin' failed in statements extractor 'failing'")


def test_provenance_names_every_stage(pipeline):
    briefing = pipeline.extract("Kelly said the talks went well.")
    assert [(p.stage, p.name, p.plugin) for p in briefing.provenance] == [
        ("reader", "text", "briefing.formats.text"),
        ("metadata", "rules", "briefing.metadata.plugin"),
        ("participants", "rules", "briefing.participants.plugin"),
        ("statements", "trained", "briefing.statements.plugin"),
        ("issues", "rules", "briefing.issues.plugin"),
    ]


def test_none_skips_a_stage(nlp, plugins):
    briefing = Pipeline(nlp=nlp, plugins=plugins, statements="none", issues="none").extract("Kelly said no.")
    assert briefing.statements == () and briefing.issues == ()
    assert [p.stage for p in briefing.provenance] == ["reader", "metadata", "participants"]


def test_batch_goes_on_past_a_bad_input(pipeline, example_path, tmp_path):
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\x00\x00\x00")
    results = list(pipeline.run([example_path, tmp_path / "missing.txt", binary, "Kelly said no."]))
    assert [type(r) for r in results] == [Briefing, Failure, Failure, Briefing]
    assert str(results[1].error) == f"{tmp_path / 'missing.txt'}: No such file or directory"
    assert str(results[2].error) == f"{binary}: is not text (it holds NUL bytes, as binary files do)"


def test_extract_many_streams_and_reports(nlp, plugins, example_path, tmp_path):
    failures = []
    inputs = [example_path, tmp_path / "nope.txt", example_path]
    out = list(extract_many(inputs, on_error=failures.append, nlp=nlp, plugins=plugins))
    assert len(out) == 2 and len(failures) == 1
    with pytest.raises(InputError, match="nope.txt: No such file"):
        list(extract_many(inputs, nlp=nlp, plugins=plugins))


def test_doc_carries_the_briefing(pipeline):
    doc = pipeline.nlp("Kelly said no.")
    briefing = pipeline.extract_from_doc(Briefing(id="x", text=doc.text), doc)
    assert doc._.briefing is briefing


def test_roles_follow_statements(pipeline, example_path):
    briefing = pipeline.extract(example_path)
    roles = {p.name: p.role for p in briefing.participants}
    assert roles["Claire Dubois"] == roles["Anders Lunde"] == "speaker"
    assert roles["Maren Solberg"] == "author"
    speakers = {s.speaker for s in briefing.statements}
    assert all((p.role == "speaker") == (p.id in speakers) for p in briefing.participants)


def test_a_long_text_is_parsed_in_pieces_and_a_quote_across_a_cut_is_found_whole(nlp, plugins):
    paragraph = "The harbour board met on Monday. Its members talked about the docks and the ferries.\n\n"
    quote = 'Lunde said: "The fees will stay.\n\n"They pay for the coast guard."\n\n'
    text = paragraph * 30 + quote + paragraph * 30
    whole = Pipeline(nlp=nlp, plugins=plugins).extract(text)
    inside_the_quote = len(paragraph) * 30 + quote.index('"They')
    pieces = Pipeline(nlp=nlp, plugins=plugins, chunk_chars=inside_the_quote + 5)
    assert cut_points(text, pieces.chunk_chars)[0] == inside_the_quote
    chunked = pieces.extract(text)
    assert chunked.text == text
    assert [s.content for s in chunked.statements] == [s.content for s in whole.statements]
    [statement] = [s for s in chunked.statements if s.kind == "direct"]
    assert [c.text for c in statement.content] == [quote[12:-2]]  # both paragraphs of the quote
    assert len(pieces.parse(text)) == len(nlp(text))


def test_cut_points_fall_between_paragraphs_then_lines_then_words():
    assert cut_points("aaaa\n\nbbbb\n\ncccc", 8) == [6, 12]
    assert cut_points("aaaa\nbbbb cc", 8) == [5]
    assert cut_points("aaaa bbbb", 6) == [5]
    assert cut_points("abcdefghij", 4) == [4, 8]
    assert cut_points("short", 10) == []


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.one_of(texts, prose))
def test_any_text_gives_a_valid_briefing(pipeline, text):
    """Every stage on any Unicode: no exception, spans inside the text and equal to their slice (the
    model checks that), unique ids, every reference resolving, and JSON round-tripping."""
    briefing = pipeline.extract(Input.from_text(text))
    assert list(briefing.broken_references()) == []
    assert all(0 <= span.start <= span.end <= len(briefing.text) for _where, span in briefing.spans())
    assert loads(dumps(briefing)) == briefing


def test_no_network_is_used(pipeline, example_path, monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("briefing tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    assert pipeline.extract(example_path).statements


def test_an_extractor_leaving_a_dangling_reference_is_named(nlp):
    class Dangling:
        stage, name, description = "statements", "dangling", "speaker that is nobody"

        def extract(self, briefing, doc):
            statement = Statement(id="s1", kind="direct", content=[Span.of(briefing.text, 0, 5)], speaker="ghost")
            return attrs.evolve(briefing, statements=[statement])

    manager = PluginManager(autoload=False, plugins=[ExtractorPlugin(Dangling())])
    [failure] = Pipeline(nlp=nlp, plugins=manager, statements="dangling").run(["Kelly said no."])
    assert "statement s1 speaker 'ghost' names no participant" in str(failure)
    assert "plugin 'extractor_plugin' failed in statements extractor 'dangling'" in str(failure)


def test_an_unreadable_file_is_one_failure_naming_it(pipeline, tmp_path, monkeypatch):
    locked = tmp_path / "locked.txt"
    locked.write_text("Kelly said no.")

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self.path))

    monkeypatch.setattr(Input, "open", refuse)  # root reads any file, so the refusal is simulated
    [failure] = pipeline.run([locked])
    assert str(failure) == f"{locked}: Permission denied"


def test_no_input_can_run_code():
    """Nothing in the package unpickles, evals or execs: input is only ever parsed as data. (Worker
    processes of a parallel run exchange briefings through multiprocessing, among themselves.)"""
    from conftest import ROOT

    sources = [*(ROOT / "src").rglob("*.py"), *(ROOT / "plugins").glob("*/src/**/*.py")]
    offending = [str(p) for p in sources if re.search(r"import pickle|pickle\.loads?\(|\b(eval|exec)\(|marshal\.loads", p.read_text())]
    assert sources and offending == []


def test_many_processes_give_the_same_briefings_in_order_and_progress_sees_each(pipeline, tmp_path):
    texts = [f"Lunde said the fees were too high {n} times." for n in range(9)] + ["a.txt"]
    seen = []
    one = list(pipeline.extract_many(texts, on_error=lambda f: None))
    two = list(pipeline.extract_many(texts, on_error=seen.append, n_process=2, progress=seen.append))
    assert two == one and len(two) == 9
    assert sum(isinstance(s, Briefing) for s in seen) == 9
    assert [str(s) for s in seen if isinstance(s, Failure)] == ["a.txt: no such file (to read this string as the text itself, pass Input.from_text(...))"] * 2


def test_the_text_of_a_doc_is_built_once(nlp):
    doc = nlp("Kelly said no.\n\nLunde agreed.")
    first = doc_text(doc)
    assert first == doc.text and doc_text(doc) is first  # spaCy's Doc.text is a new string each time


def test_only_the_components_the_extractors_need_run_and_their_output_is_unchanged(nlp, plugins, example_path):
    alone = Pipeline(nlp=nlp, plugins=plugins, participants="none", statements="none", issues="none")
    assert alone.components == ("tok2vec", "parser", "ner")
    doc = alone.parse("The minister spoke in Oslo on Monday.")
    assert doc.has_annotation("DEP") and doc.has_annotation("ENT_IOB")
    assert not doc.has_annotation("TAG") and not doc.has_annotation("LEMMA")
    full = Pipeline(nlp=nlp, plugins=plugins)
    assert full.components == tuple(nlp.pipe_names)
    briefing, everything = alone.extract(example_path), full.extract(example_path)
    assert (briefing.event, briefing.source, briefing.sections) == (everything.event, everything.source, everything.sections)


def test_the_engine_is_chosen_by_name(pipeline):
    from briefing.errors import PluginError, UnknownNameError

    assert pipeline.plugins.names("engine") == ["local"]
    with pytest.raises(UnknownNameError, match="unknown engine 'spark'; known: local"):
        pipeline.process([], engine="spark")
    with pytest.raises(PluginError, match="takes no scheduler"):
        list(pipeline.run(["Kelly said no."], scheduler="tcp://10.0.0.1:8786"))


def test_settings_build_the_same_pipeline_again(nlp):
    from briefing import PluginManager

    original = Pipeline(nlp=nlp, plugins=PluginManager(autoload=False, block=["briefing.formats.html"]),
                        statements="trained", issues="none", options={"taxonomy": "cap"}, batch_size=3)
    rebuilt = original.settings.build()
    assert rebuilt.settings == original.settings
    assert [(e.kind, e.name) for e in rebuilt.extractors] == [(e.kind, e.name) for e in original.extractors]
    assert "html" not in rebuilt.plugins.names("reader") and rebuilt.nlp.pipe_names == nlp.pipe_names


class Recording:
    """An engine that runs in this process and notes what it was asked."""

    name, description = "recording", "this process, noting its arguments"

    def __init__(self):
        self.asked = []

    def process(self, pipeline, items, *, n_process, scheduler):
        self.asked.append((n_process, scheduler))
        return pipeline.process_here(items)


def test_a_plugin_engine_is_chosen_by_name_and_given_the_run(nlp):
    engine = Recording()
    pipeline = Pipeline(nlp=nlp, plugins=PluginManager(autoload=False, plugins=[EnginePlugin(engine)]), issues="none")
    texts = ["Kelly said no.", "The minister said yes."]
    assert list(pipeline.extract_many(texts, engine="recording", n_process=3, scheduler="here")) == list(
        pipeline.extract_many(texts))
    assert engine.asked == [(3, "here")]


def test_extractor_choice_is_by_name_not_by_order(nlp):
    class Marker:
        stage = "statements"
        description = "marks"

        def __init__(self, name):
            self.name = name

        def extract(self, briefing, doc):
            return attrs.evolve(briefing, id=self.name)

    class Two:
        __name__ = "two"

        @hookimpl
        def briefing_register(self, registry):
            registry.add_extractor(Marker("second"))

    for order in ([ExtractorPlugin(Marker("first")), Two()], [Two(), ExtractorPlugin(Marker("first"))]):
        manager = PluginManager(autoload=False, plugins=order)
        assert Pipeline(nlp=nlp, plugins=manager, statements="first").extract("x").id == "first"
        assert Pipeline(nlp=nlp, plugins=manager, statements="second").extract("x").id == "second"


def test_extractor_must_return_the_briefing(nlp):
    class Forgetful:
        stage = "issues"
        name = "forgetful"
        description = "returns nothing"

        def extract(self, briefing, doc):
            return None

    manager = PluginManager(autoload=False, plugins=[ExtractorPlugin(Forgetful())])
    with pytest.raises(PluginError, match="must return the briefing"):
        Pipeline(nlp=nlp, plugins=manager, issues="forgetful").extract("x")


def test_briefing_returned_is_a_briefing(pipeline):
    assert isinstance(pipeline.extract("Kelly said no."), Briefing)


def test_a_part_is_reused_by_name_through_the_pipeline(nlp, plugins):
    pipeline = Pipeline(nlp=nlp, plugins=plugins)
    rules = pipeline.extractor("statements", "rules")
    assert rules.plugin == "briefing.statements.plugin"
    with pytest.raises(UnknownNameError, match=r"unknown stage 'quotes'; known: issues, metadata, participants, statements"):
        pipeline.extractor("quotes", "rules")

"""The helpers for the common kinds of part (:mod:`briefing.plugin.interfaces`):
:func:`detect_by_name` and :class:`RenderedExporter`."""

import io

from briefing import Briefing, Input, PluginManager
from briefing.plugin import RenderedExporter, detect_by_name
from conftest import ExporterPlugin


def test_detect_by_name_trusts_the_suffix_then_the_first_bytes():
    def starts_with_brace(head):
        return head.startswith(b"{")

    assert detect_by_name(Input.from_bytes(b"", "notes.XYZ"), b"", (".xyz",)) == 0.9
    assert detect_by_name(Input.from_bytes(b"{", "-"), b"{", (".xyz",), starts_with_brace, sniffed=0.4) == 0.4
    assert detect_by_name(Input.from_bytes(b"x", "-"), b"x", (".xyz",), starts_with_brace, sniffed=0.4) == 0.0
    assert detect_by_name(Input.from_text("{"), b"{", (".xyz",)) == 0.0


def test_a_rendered_exporter_writes_each_briefing_as_rendered():
    exporter = RenderedExporter("ids", "the ids", ".txt", lambda b: f"<{b.id}>")
    stream = io.StringIO()
    exporter.write([Briefing(id="a", text="x"), Briefing(id="b", text="y")], stream)
    assert stream.getvalue() == "<a><b>" and not exporter.many
    manager = PluginManager(autoload=False, plugins=[ExporterPlugin(exporter)])
    assert manager.exporter("ids").obj is exporter

"""The exporter ``markdown`` (:mod:`briefing.report.markdown`)."""

from conftest import export


def test_the_markdown_report_shows_the_talk_of_a_transcript(plugins):
    from briefing import Briefing
    from briefing.turns import add_turns

    text = ("MAYOR OKAFOR: The ferries run on time.\n\nQ Mayor Okafor, will the bridge reopen in May?\n\n"
            "MAYOR OKAFOR: Yes, in May.\n\nQ Thank you.\n")
    report = export(plugins, "markdown", add_turns(Briefing(id="x", text=text)))
    talk = report[report.index("## Share of the talk"):]
    assert talk.splitlines()[3:6] == ["|---|---|---|", "| Reporters | 10 | 56% |", "| Okafor | 8 | 44% |"]
    assert "- **Reporters → Okafor:** Mayor Okafor, will the bridge reopen in May?\n  - **Okafor:** Yes, in May." in talk
    assert "## Share of the talk" not in export(plugins, "markdown", Briefing(id="y", text="No turns here."))

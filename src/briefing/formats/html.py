"""The reader ``html``: a saved web page's main text and the article's metadata, found by
trafilatura; a page holding a speaker-labelled transcript is read as one, turns and all.

The text kept in :attr:`Briefing.text` is trafilatura's extraction with one blank line between
paragraphs (the layout plain-text briefings have), and every offset indexes into it; a short head
line the extraction dropped but the page's description opens with comes first. Nothing is
fetched: the page comes from a file or standard input.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import InputError
from ..model import Briefing, Source
from ..plugin import Input, detect_by_name, hookimpl
from ..turns import add_turns, is_transcript

__all__ = ["HTML_SUFFIXES", "HtmlReader", "looks_like_html", "read_html"]

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_OPENING = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])", re.I | re.S)


def looks_like_html(head: bytes) -> bool:
    """Whether the first bytes open an HTML document."""
    return bool(_OPENING.match(head))


def _title(title: str | None, site: str | None) -> str | None:
    """The page title without the site's name tacked on ("… | The White House")."""
    if title and site:
        for separator in (" | ", " - ", " – ", " — ", " :: "):
            if title.endswith(separator + site):
                return title[: -len(separator + site)].strip()
    return title


def read_html(input: Input) -> Briefing:
    """The briefing of a saved web page: its main text, title, authors, date, site and address."""
    import trafilatura

    with input.open() as stream:
        data = stream.read()
    document = trafilatura.bare_extraction(
        data, with_metadata=True, include_comments=False, include_tables=True, favor_recall=True
    )
    text = "\n\n".join(line.strip() for line in (document.text or "").splitlines() if line.strip()) if document else ""
    text = _with_dropped_head(text, document.description if document else None)
    if not text:
        raise InputError(input.label, "no main text found in this HTML page")
    authors = tuple(a.strip() for a in (document.author or "").split(";") if a.strip())
    source = Source(
        path=input.name,
        url=document.url,
        title=_title(document.title, document.sitename),
        authors=authors,
        published=document.date,
        publisher=document.sitename or document.hostname,
    )
    return Briefing(id=input.briefing_id(text), text=text, source=source)


def _with_dropped_head(text: str, description: str | None) -> str:
    """The text with the short line that opens the page's description but not the extracted text,
    as its first paragraph: the description is often the body's first words, and a head line set
    apart from the body's paragraphs ("Press Briefing Room" above a transcript) is what the
    extraction drops."""
    if not text or not description:
        return text
    opening, described = " ".join(text.split("\n", 1)[0].split())[:40], " ".join(description.split())
    at = described.find(opening)
    head = described[:at].strip() if at > 0 else ""
    if not head or len(head) > 100 or re.search(r"[.!?:]$|https?:", head):
        return text
    return f"{head}\n\n{text}"


class HtmlReader:
    name = "html"
    description = "a saved web page: main text, title, authors, date, site (trafilatura); transcripts get their turns"

    def detect(self, input: Input, head: bytes) -> float:
        return detect_by_name(input, head, HTML_SUFFIXES, looks_like_html, sniffed=0.8)

    def read(self, input: Input) -> Iterator[Briefing]:
        briefing = read_html(input)
        yield add_turns(briefing) if is_transcript(briefing.text) else briefing


@hookimpl
def briefing_register(registry):
    registry.add_reader(HtmlReader())

"""Main-text extraction from saved HTML pages, with trafilatura (offline: it only parses the string given)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HtmlArticle:
    text: str
    title: str | None
    date: str | None  # YYYY-MM-DD
    url: str | None


def extract_html(html: str) -> HtmlArticle | None:
    """Return the page's main text and metadata, or None when no article text is found."""
    # Imported lazily: trafilatura (lxml, htmldate, justext) is slow to import and only needed for HTML.
    from trafilatura import bare_extraction

    # No url and no fetching: bare_extraction works on the string alone, so nothing touches the network.
    # extensive_search=False stops htmldate from guessing a date out of body text such as
    # "Copyright 2019" (which it would report as 2019-01-01); only real date markup counts.
    doc = bare_extraction(
        html,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        with_metadata=True,
        deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None or not (doc.text or "").strip():
        return None
    title = (doc.title or "").strip() or None
    # For "Site | Headline" <title>s trafilatura may keep the site name; that is no headline.
    if title and doc.sitename and title == doc.sitename.strip():
        title = None
    return HtmlArticle(text=doc.text, title=title, date=doc.date or None, url=doc.url or None)

"""APA 7th edition (Publication Manual of the American Psychological Association, 2020)."""

from __future__ import annotations

from ._case import apa_title_case, sentence_case, short_title
from ._rich import Form, Name, Rich, apa_date, comma_after, quoted
from ._work import Work

FORMS: tuple[Form, ...] = ("reference", "in-text", "narrative")


def _names_reference(names: tuple[Name, ...]) -> str:
    # 9.8: up to 20 authors, "Family, I." each, "&" before the last.
    parts = [n.initials for n in names]
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + ", & " + parts[-1]


def _names_in_text(names: tuple[Name, ...]) -> str:
    # 8.17: one or two authors by name ("&" in parentheses), three or more "et al.".
    if len(names) >= 3:
        return f"{names[0].family} et al."
    return " & ".join(n.family for n in names)


def _names_narrative(names: tuple[Name, ...]) -> str:
    # 8.17: "and" in running text.
    if len(names) >= 3:
        return f"{names[0].family} et al."
    return " and ".join(n.family for n in names)


def _date(work: Work) -> str:
    # 9.14-9.17: (Year, Month Day) for a broadcast and a news article (10.1 ex. 14-16);
    # (n.d.) when unknown.
    if work.date is not None and work.kind in ("episode", "article"):
        return apa_date(work.date, work.suffix)
    return work.year_text


def _reference_title(work: Work) -> Rich:
    # 9.19: titles of works that stand alone (a news website article, 10.1 ex. 14; a data
    # set, 10.9) in italics and sentence case; 9.21: no title, a description in brackets.
    if work.title is None:
        return "[" + work.label + "]"
    title = sentence_case(work.title, work.keep)
    if work.kind == "episode":
        return Rich.plain(title)  # 10.12 ex. 86: an episode title is not italic
    return Rich.italic(title)


def _in_text_title(work: Work) -> Rich:
    # 8.14: a work with no author is cited by its title, shortened when long, in title
    # case, in italics if the reference italicises it and in quotation marks if not; an
    # untitled work by its bracketed description (9.21), shortened alike. The shortening is
    # the one MLA and Chicago use: the main title (before a colon), its first four words.
    if work.title is None:
        return "[" + short_title(work.label, drop_article=False) + "]"
    title = short_title(Rich.plain(apa_title_case(work.title, work.keep)), drop_article=False)
    return quoted(title) if work.kind == "episode" else Rich.italic(title.text)


def reference(work: Work) -> Rich:
    date = Rich.plain(f"({_date(work)}).")
    if work.kind == "episode":
        # 10.12 ex. 86: Director, D. (Director). (Date). Title (…) [TV series episode]. In
        # Producer (Executive Producer), *Series*. Production company. Executive producers
        # and production company are not known; the network stands as publisher.
        title = _reference_title(work) + " [TV series episode]."
        series = "In " + Rich.italic(work.container or "").end(".") if work.container else Rich()
        network = Rich.plain(work.network).end(".") if work.network else Rich()
        if work.director is not None:
            head = Rich.plain(f"{work.director.initials} (Director).")
            return Rich.join(" ", [head, date, title, series, network])
        return Rich.join(" ", [title, date, series, network])
    if work.kind == "dataset":
        # 10.9 ex. 66 (data set) and 10.10 (software): Author. (Year). *Title* (Version) [Description]. URL
        title = _reference_title(work) + f" (Version {work.version}) [{work.medium}]."
        head = Rich.plain(_names_reference(work.authors)).end(".")
        return Rich.join(" ", [head, date, title, Rich.plain(work.url or "")])
    # 10.1 ex. 14 (news website article): Author. (Date). *Title*. Site Name. URL
    # 9.12: no author, the title moves to the author position, before the date.
    title = _reference_title(work).end(".")
    site = Rich.plain(work.container).end(".") if work.container else Rich()
    url = Rich.plain(work.url or "")  # 9.35: no period after a URL
    if work.authors:
        return Rich.join(" ", [Rich.plain(_names_reference(work.authors)).end("."), date, title, site, url])
    return Rich.join(" ", [title, date, site, url])


def who_key(work: Work) -> str:
    """What an in-text citation names: works sharing it and the year get suffixes (9.47)."""
    return _who(work, narrative=False).text


def _who(work: Work, narrative: bool) -> Rich:
    if work.kind == "episode" and work.director is not None:
        return Rich.plain(work.director.family)
    if work.authors:
        return Rich.plain(_names_narrative(work.authors) if narrative else _names_in_text(work.authors))
    return _in_text_title(work)


def in_text(work: Work, speaker: Name | None, narrative: bool) -> Rich:
    who, year = _who(work, narrative), _date_in_text(work)
    if speaker is not None:
        # 8.6: a secondary source: (Original, as cited in Secondary, Year).
        if narrative:
            return Rich.plain(f"{speaker.family} (as cited in ") + comma_after(who) + f" {year})"
        return Rich.plain(f"({speaker.family}, as cited in ") + comma_after(who) + f" {year})"
    if narrative:
        return who + f" ({year})"
    # 8.14: the comma goes inside a title's closing quotation mark ("Part 1," 2017).
    return "(" + comma_after(who) + f" {year})"


def _date_in_text(work: Work) -> str:
    # 8.10: the year only in text citations.
    return work.year_text


def cite(work: Work, form: str, speaker: Name | None) -> Rich:
    if form == "reference":
        return reference(work)
    return in_text(work, speaker, narrative=form == "narrative")

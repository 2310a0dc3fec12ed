"""Chicago Manual of Style, 17th edition (2017): author-date (chapter 15) and notes and
bibliography (chapter 14)."""

from __future__ import annotations

from ._case import headline_case, short_title
from ._rich import Form, Name, Rich, chicago_date, quoted
from ._work import Work

AUTHOR_DATE_FORMS: tuple[Form, ...] = ("reference", "in-text", "narrative")
NOTE_FORMS: tuple[Form, ...] = ("note", "short-note", "reference")


def _names_inverted(names: tuple[Name, ...]) -> str:
    # 14.76: first author inverted, the others in normal order; "and" before the last.
    if len(names) == 1:
        return names[0].inverted
    rest = [n.full for n in names[1:]]
    return names[0].inverted + ", " + (", ".join(rest[:-1]) + ", and " if len(rest) > 1 else "and ") + rest[-1]


def _names_note(names: tuple[Name, ...]) -> str:
    # 14.76: in notes, names in normal order; four or more, "et al." after the first.
    if len(names) >= 4:
        return f"{names[0].full} et al."
    full = [n.full for n in names]
    return full[0] if len(full) == 1 else ", ".join(full[:-1]) + (", and " if len(full) > 2 else " and ") + full[-1]


def _names_in_text(names: tuple[Name, ...]) -> str:
    # 15.23: two or three authors by name; four or more, "et al."
    if len(names) >= 4:
        return f"{names[0].family} et al."
    fam = [n.family for n in names]
    return fam[0] if len(fam) == 1 else ", ".join(fam[:-1]) + (", and " if len(fam) > 2 else " and ") + fam[-1]


def _title(work: Work, mark: str = "") -> Rich:
    # 8.159: headline style; 14.86: an article title in quotation marks; 14.89: an
    # untitled work, a description, capitalised sentence-style, no quotation marks.
    if work.title is None:
        return work.label.end(mark) if mark else work.label
    return quoted(Rich.plain(headline_case(work.title, work.keep)), mark)


def _url(work: Work) -> Rich:
    return Rich.plain(work.url).end(".") if work.url else Rich()  # 14.18: a period follows


def _outlet(work: Work) -> Rich:
    return Rich.italic(work.container or "")


def _aired(work: Work) -> Rich:
    # 14.265: "aired Month Day, Year, on Network."
    if work.date is None and not work.network:
        return Rich()
    when = f"aired {chicago_date(work.date)}" if work.date else "aired"
    return Rich.plain(f"{when}, on {work.network}" if work.network else when)


# --------------------------------------------------------------------------- author-date


def author_date_reference(work: Work) -> Rich:
    year = Rich.plain(work.year_text).end(".")
    if work.kind == "episode":
        # 15.57 with 14.265: Director, dir. Year. *Series*. “Episode.” Aired Date, on Network.
        head = Rich.plain(f"{work.director.inverted}, dir.") if work.director else Rich()
        aired = _aired(work)
        aired_sentence = Rich.plain(aired.text[:1].upper() + aired.text[1:]).end(".") if aired else Rich()
        return Rich.join(
            " ", [head, year, Rich.italic(work.container or "").end("."), _title(work, "."), aired_sentence]
        )
    if work.kind == "dataset":
        # 15.53 with 14.169: Author. Year. *Title*. Version. Description. URL.
        head = Rich.plain(_names_inverted(work.authors)).end(".")
        title = Rich.italic(headline_case(work.title or "", work.keep)).end(".")
        return Rich.join(
            " ", [head, year, title, Rich.plain(f"Version {work.version}."), Rich.plain(f"{work.medium}."), _url(work)]
        )
    # 15.49 (news articles): Author. Year. “Title.” *Outlet*, Month Day, Year. URL.
    # 15.47 with 14.207: an unsigned article is listed under the name of the outlet, and
    # the full date follows the title.
    day = Rich.plain(chicago_date(work.date)) if work.date else Rich()
    if work.authors:
        outlet = Rich.join(", ", [_outlet(work), day]).end(".")
        names = Rich.plain(_names_inverted(work.authors)).end(".")
        return Rich.join(" ", [names, year, _title(work, "."), outlet, _url(work)])
    return Rich.join(" ", [_outlet(work).end("."), year, _title(work, "."), day.end(".") if day else day, _url(work)])


def who_key(work: Work) -> str:
    """What an in-text citation names: works sharing it and the year get suffixes (15.19)."""
    return _who(work).text


def _who(work: Work) -> Rich:
    if work.kind == "episode" and work.director is not None:
        return Rich.plain(work.director.family)
    if work.authors:
        return Rich.plain(_names_in_text(work.authors))
    return _outlet(work)


def author_date_in_text(work: Work, speaker: Name | None, narrative: bool) -> Rich:
    # 15.7: (Author Year), no comma; 15.52: "quoted in" for a secondary source.
    who = _who(work) + f" {work.year_text}"
    if speaker is not None:
        if narrative:
            return Rich.plain(f"{speaker.full} (quoted in ") + who + ")"
        return Rich.plain(f"({speaker.family}, quoted in ") + who + ")"
    if narrative:
        return _who(work) + f" ({work.year_text})"
    return "(" + who + ")"


# --------------------------------------------------------------------------- notes


def full_note(work: Work, speaker: Name | None) -> Rich:
    if work.kind == "episode":
        # 14.265: *Series*, “Episode,” directed by Name, aired Date, on Network.
        parts = [Rich.italic(work.container or ""), _title(work, ",")]
        parts.append(Rich.plain(f"directed by {work.director.full}") if work.director else Rich())
        body = Rich.join(" ", [Rich.join(", ", parts[:1]) + ",", parts[1], Rich.join(", ", [parts[2], _aired(work)])])
        note = body.end(".")
    elif work.kind == "dataset":
        # 14.169: Author, *Title*, version (Year), URL.
        title = Rich.italic(headline_case(work.title or "", work.keep))
        head = Rich.join(
            ", ",
            [Rich.plain(_names_note(work.authors)), title, Rich.plain(f"version {work.version} ({work.year_text})")],
        )
        note = Rich.join(", ", [head, Rich.plain(work.url or "")]).end(".")
    else:
        # 14.191, 14.207: Author, “Title,” *Outlet*, Date, URL. (unsigned: begins with the title)
        date = Rich.plain(chicago_date(work.date)) if work.date else Rich.plain("n.d.")
        title = _title(work, ",") if work.title is not None else work.label.end(",")
        tail = Rich.join(", ", [_outlet(work), date, Rich.plain(work.url or "")]).end(".")
        note = Rich.join(" ", [Rich.plain(_names_note(work.authors)).end(",") if work.authors else Rich(), title, tail])
    if speaker is not None:
        # 14.260: “quoted in” for a source known only from another.
        return Rich.plain(f"{speaker.full}, quoted in ") + note
    return note


def short_note(work: Work, speaker: Name | None) -> Rich:
    # 14.29-14.30: author's family name and a short title of up to four words.
    if work.kind == "episode":
        note = (
            Rich.italic(short_title(Rich.plain(work.container or ""), drop_article=True).text)
            + ", "
            + _title(work, ".")
        )
    elif work.kind == "dataset":
        title = Rich.italic(short_title(Rich.plain(headline_case(work.title or "", work.keep)), drop_article=True).text)
        note = (Rich.plain(_names_in_text(work.authors)) + ", " + title).end(".")
    else:
        if work.title is None:
            short = short_title(work.label, drop_article=True).end(".")
        else:
            short = quoted(short_title(Rich.plain(headline_case(work.title, work.keep)), drop_article=True), ".")
        note = (Rich.plain(_names_in_text(work.authors)) + ", " + short) if work.authors else short
    if speaker is not None:
        return Rich.plain(f"{speaker.family}, quoted in ") + note
    return note


def bibliography(work: Work) -> Rich:
    if work.kind == "episode":
        # 14.265: Director, dir. *Series*. “Episode.” Aired Date, on Network.
        head = Rich.plain(f"{work.director.inverted}, dir.") if work.director else Rich()
        aired = _aired(work)
        aired_sentence = Rich.plain(aired.text[:1].upper() + aired.text[1:]).end(".") if aired else Rich()
        return Rich.join(" ", [head, Rich.italic(work.container or "").end("."), _title(work, "."), aired_sentence])
    if work.kind == "dataset":
        head = Rich.plain(_names_inverted(work.authors)).end(".")
        title = Rich.italic(headline_case(work.title or "", work.keep)).end(".")
        return Rich.join(" ", [head, title, Rich.plain(f"Version {work.version}, {work.year_text}."), _url(work)])
    date = Rich.plain(chicago_date(work.date) if work.date else "n.d.").end(".")
    if work.authors:
        # 14.191: Author. “Title.” *Outlet*, Date. URL.
        outlet = Rich.join(", ", [_outlet(work), date])
        return Rich.join(
            " ", [Rich.plain(_names_inverted(work.authors)).end("."), _title(work, "."), outlet, _url(work)]
        )
    # 14.207: unsigned: *Outlet*. “Title.” Date. URL.
    return Rich.join(" ", [_outlet(work).end("."), _title(work, "."), date, _url(work)])


def cite_author_date(work: Work, form: str, speaker: Name | None) -> Rich:
    if form == "reference":
        return author_date_reference(work)
    return author_date_in_text(work, speaker, narrative=form == "narrative")


def cite_note(work: Work, form: str, speaker: Name | None) -> Rich:
    if form == "note":
        return full_note(work, speaker)
    if form == "short-note":
        return short_note(work, speaker)
    return bibliography(work)

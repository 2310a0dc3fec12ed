"""MLA 9th edition (MLA Handbook, 2021)."""

from __future__ import annotations

import re

from ._case import headline_case, short_title
from ._rich import Form, Name, Rich, mla_date, quoted
from ._work import Work

FORMS: tuple[Form, ...] = ("reference", "in-text", "narrative")


def _names(names: tuple[Name, ...]) -> str:
    # 5.7-5.9: "Family, Given"; two: "Family, Given, and Given Family"; three or more: et al.
    if len(names) == 1:
        return names[0].inverted
    if len(names) == 2:
        return f"{names[0].inverted}, and {names[1].full}"
    return f"{names[0].inverted}, et al."


def _url(url: str) -> str:
    # 5.93: the scheme (http://, https://) may be omitted; we omit it.
    return re.sub(r"^https?://", "", url)


def _title(work: Work) -> Rich:
    # 5.24: a title in headline style; 5.27: a work contained in another, in quotation
    # marks; 5.30: an untitled work, a generic description, neither quoted nor italic.
    if work.title is None:
        return work.label
    return Rich.plain(headline_case(work.title, work.keep))


def reference(work: Work) -> Rich:
    if work.kind == "dataset":
        # 5.118 (version) and the template: Author. *Title*. Version, Date. Location.
        head = Rich.plain(_names(work.authors)).end(".") if work.authors else Rich()
        title = Rich.italic(headline_case(work.title or "", work.keep)).end(".")
        version = Rich.plain(f"Version {work.version}, {work.year_text}.")
        return Rich.join(" ", [head, title, version, Rich.plain(_url(work.url)).end(".") if work.url else Rich()])
    if work.kind == "episode":
        # 5.104 (a television episode): “Episode.” *Series*, contributors, Network, Date.
        elements = [Rich.italic(work.container or "")]
        if work.director is not None:
            elements.append(Rich.plain(f"directed by {work.director.full}"))
        if work.network:
            elements.append(Rich.plain(work.network))
        if work.date is not None:
            elements.append(Rich.plain(mla_date(work.date)))
        return quoted(_title(work), ".") + " " + Rich.join(", ", elements).end(".")
    # The template: Author. “Title.” *Container*, Date, Location.
    # 5.22: no author, the entry begins with the title.
    head = Rich.plain(_names(work.authors)).end(".") if work.authors else Rich()
    title = _title(work).end(".") if work.title is None else quoted(_title(work), ".")
    container = [Rich.italic(work.container)] if work.container else []
    if work.date is not None:
        container.append(Rich.plain(mla_date(work.date)))
    if work.url:
        container.append(Rich.plain(_url(work.url)))
    return Rich.join(" ", [head, title, Rich.join(", ", container).end(".") if container else Rich()])


def _short(work: Work) -> Rich:
    # 6.7: in the text, a short form of the first element of the entry: the title's first
    # words, keeping its quotation marks; a description's first words plainly.
    if work.kind == "dataset" or (work.authors and work.kind == "article"):
        return Rich.plain(
            " and ".join(n.family for n in work.authors[:2]) + (" et al." if len(work.authors) > 2 else "")
        )
    if work.title is None:
        return short_title(work.label, drop_article=False)
    return quoted(short_title(_title(work), drop_article=False))


def in_text(work: Work, speaker: Name | None, narrative: bool) -> Rich:
    short = _short(work)
    if speaker is not None:
        # 6.77: an indirect source: “qtd. in” before the source; the speaker named in prose.
        if narrative:
            return Rich.plain(f"{speaker.full} (qtd. in ") + short + ")"
        return "(qtd. in " + short + ")"
    if narrative:
        # 6.5: in prose, the author's full name or the work's full title.
        if work.authors:
            return Rich.plain(
                " and ".join(n.full for n in work.authors[:2]) + (" et al." if len(work.authors) > 2 else "")
            )
        if work.kind == "dataset":
            return Rich.plain(_names(work.authors))
        return work.label if work.title is None else quoted(_title(work))
    return "(" + short + ")"


def cite(work: Work, form: str, speaker: Name | None) -> Rich:
    if form == "reference":
        return reference(work)
    return in_text(work, speaker, narrative=form == "narrative")

"""Citations: ``cite(record, style, form, markup)`` and whole bibliographies.

One module per style family (``_apa``, ``_mla``, ``_chicago``, ``_machine``) shares the
small helpers of ``_rich`` (rich text, quotation marks, names, dates), the title rules of
``_case`` (capitalisation, short titles) and the style-neutral :class:`~._work.Work` of
``_work``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import attrs

from .._citable import STYLES, Citable, Style
from .._errors import ChoiceError, argument, shown, suggest
from .._search import normalize
from . import _apa, _chicago, _machine, _mla
from ._rich import MARKUPS, Form, Markup, Name, Rich
from ._work import Work, work_of

if TYPE_CHECKING:
    from .._dataset import Dataset

__all__ = [
    "FORMS",
    "MARKUPS",
    "STYLES",
    "Citable",
    "Form",
    "Markup",
    "Style",
    "bibliography_with",
    "cite_with",
]


_PROSE: dict[str, tuple[tuple[Form, ...], Callable[[Work, str, Name | None], Rich]]] = {
    "apa": (_apa.FORMS, _apa.cite),
    "mla": (_mla.FORMS, _mla.cite),
    "chicago": (_chicago.AUTHOR_DATE_FORMS, _chicago.cite_author_date),
    "chicago-note": (_chicago.NOTE_FORMS, _chicago.cite_note),
}
#: Every style and the forms it has.
FORMS: dict[Style, tuple[Form, ...]] = {
    style: _PROSE[style][0] if style in _PROSE else ("reference",) for style in STYLES
}


def _check(style: object, form: object, markup: object) -> None:
    """Raise a :class:`ChoiceError` naming the parameter unless the three are valid together."""
    if not isinstance(style, str) or style not in FORMS:
        raise ChoiceError("citation style", style, suggest(str(style), STYLES) or STYLES)
    forms: tuple[str, ...] = FORMS[style]
    if not isinstance(form, str) or form not in forms:
        raise ChoiceError(f"form of style {style!r}", form, forms)
    if not isinstance(markup, str) or markup not in MARKUPS:
        raise ChoiceError("markup", markup, MARKUPS)


# Author-date styles: what names a work in the text, for year letters. The other styles
# tell works apart by their titles and give no letters.
_WHO: dict[str, Callable[[Work], str]] = {"apa": _apa.who_key, "chicago": _chicago.who_key}


def _title_key(work: Work) -> tuple[object, ...]:
    # APA 9.47 and CMOS 15.19: same name and year, ordered by title, an initial article
    # ignored (APA 9.47, CMOS 14.68); numbers compared as numbers, so that the parts of a
    # series keep their order (APA 9.47: "Part 2" before "Part 10").
    text = re.sub(r"^(the|a|an) ", "", normalize(work.sort_title))
    return tuple((0, int(p), "") if p.isdecimal() else (1, 0, p) for p in re.split(r"(\d+)", text) if p)


def _year_letters(works: Iterable[Work], style: str) -> dict[str, str]:
    """The letter each work's year takes in a list of ``works``, by work key: "a", "b", …
    in title order where one name has several works in one year (APA 9.47, CMOS 15.19);
    none (no key) where the name and year are the work's alone, and in styles without
    years."""
    who = _WHO.get(style)
    if who is None:
        return {}
    groups: dict[tuple[str, int | None], dict[str, Work]] = {}
    for work in works:
        groups.setdefault((who(work), work.year), {})[work.key] = work
    letters: dict[str, str] = {}
    for same in groups.values():
        if len(same) > 1:
            for i, work in enumerate(sorted(same.values(), key=_title_key)):
                letters[work.key] = "abcdefghijklmnopqrstuvwxyz"[i % 26] * (i // 26 + 1)
    return letters


def _works(ds: Dataset, records: Iterable[Citable], parameter: str) -> dict[str, Work]:
    """The works ``records`` cite, each once, by key (in the order first cited)."""
    argument(records, parameter, Iterable, "an iterable of records to cite")
    if isinstance(records, (str, bytes)):
        # Iterable, but of characters: the same message as argument() gives.
        raise TypeError(
            f"{parameter} must be an iterable of records to cite, not {type(records).__name__} {shown(records)}"
        )
    works: dict[str, Work] = {}
    for record in records:
        work, _ = work_of(ds, record)
        works.setdefault(work.key, work)
    return works


def cite_with(
    ds: Dataset,
    record: Citable,
    style: Style = "apa",
    form: Form = "reference",
    markup: Markup = "text",
    among: Iterable[Citable] | None = None,
) -> str:
    """A citation of ``record`` resolved in ``ds``: see :func:`putin_interviews.cite`."""
    _check(style, form, markup)
    work, speaker = work_of(ds, record)
    if among is not None:
        cited = _works(ds, among, "among")
        if work.key not in cited:
            raise ValueError(
                f"among must include the work cited: {work.key!r} is not among the {len(cited)} works given"
            )
        work = _lettered(work, _year_letters(cited.values(), style))
    return _render(work, speaker, style, form, markup)


def _lettered(work: Work, letters: dict[str, str]) -> Work:
    letter = letters.get(work.key, "")
    return attrs.evolve(work, suffix=letter) if letter else work


def _render(work: Work, speaker: Name | None, style: str, form: str, markup: str) -> str:
    if style in _machine.MACHINE:
        return _machine.MACHINE[style](work)
    _, build = _PROSE[style]
    return build(work, form, speaker).render(markup)


# A contributor's role after the name: "(Director)." (APA), ", dir." (Chicago).
_ROLE = re.compile(r" \([A-Z][a-z]+(?: [A-Z][a-z]+)*\)\.|, dirs?\.")


def _sort_key(entry: str) -> str:
    # APA 9.44-9.47, MLA 5.128, CMOS 14.68: alphabetical by the first element, letter by
    # letter, ignoring an initial article, a contributor's role (APA 9.44) and punctuation
    # such as brackets and quotation marks; then by the year and its letter.
    text = normalize(_ROLE.sub("", re.sub(r"<[^>]+>", "", entry)))
    return re.sub(r"^(the|a|an) ", "", text)


def bibliography_with(
    ds: Dataset, records: Iterable[Citable], style: Style = "apa", markup: Markup = "text"
) -> list[str]:
    """Reference-list entries of ``records`` resolved in ``ds``: see
    :func:`putin_interviews.bibliography`."""
    _check(style, "reference", markup)
    works = _works(ds, records, "records")  # quotations of one article cite it once
    letters = _year_letters(works.values(), style)
    entries = {key: _render(_lettered(w, letters), None, style, "reference", markup) for key, w in works.items()}
    if style in _machine.MACHINE:
        return [entries[k] for k in sorted(entries)]
    return sorted(entries.values(), key=_sort_key)

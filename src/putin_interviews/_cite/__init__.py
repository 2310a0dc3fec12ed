"""Citations: ``cite(record, style, form, markup)`` and whole bibliographies.

One module per style family (``_apa``, ``_mla``, ``_chicago``, ``_machine``) shares the
small helpers of ``_rich`` (rich text, case, quotation marks, names, dates) and the
style-neutral :class:`~._work.Work` of ``_work``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Union

import attrs

from .._errors import ChoiceError, suggest
from .._models import Article, Critique, Episode, Quote
from .._search import normalize
from . import _apa, _chicago, _machine, _mla
from ._rich import MARKUPS, Name, Rich
from ._work import Work, all_works, work_of

if TYPE_CHECKING:
    from .._dataset import Dataset

__all__ = ["FORMS", "MARKUPS", "STYLES", "Citable", "bibliography_with", "cite_with"]

#: What can be cited.
Citable = Union[Article, Episode, Quote, Critique, "Dataset"]

_PROSE: dict[str, tuple[tuple[str, ...], Callable[[Work, str, Name | None], Rich]]] = {
    "apa": (_apa.FORMS, _apa.cite),
    "mla": (_mla.FORMS, _mla.cite),
    "chicago": (_chicago.AUTHOR_DATE_FORMS, _chicago.cite_author_date),
    "chicago-note": (_chicago.NOTE_FORMS, _chicago.cite_note),
}
#: Every style and the forms it has.
FORMS: dict[str, tuple[str, ...]] = {
    **{style: forms for style, (forms, _) in _PROSE.items()},
    **dict.fromkeys(_machine.MACHINE, ("reference",)),
}
STYLES = tuple(FORMS)


def _check(style: str, form: str, markup: str) -> None:
    if not isinstance(style, str) or style not in FORMS:
        raise ChoiceError("citation style", style, suggest(str(style), STYLES) or STYLES)
    if not isinstance(form, str) or form not in FORMS[style]:
        raise ChoiceError(f"form of style {style!r}", form, FORMS[style])
    if not isinstance(markup, str) or markup not in MARKUPS:
        raise ChoiceError("markup", markup, MARKUPS)


# Author-date styles: what names a work in the text, for year suffixes.
_WHO: dict[str, Callable[[Work], str]] = {"apa": _apa.who_key, "chicago": _chicago.who_key}


def _with_suffix(ds: Dataset, work: Work, style: str) -> Work:
    """Add "a", "b", … to the year when the same name has several works that year, ordered
    by title (APA 9.47; CMOS 15.19)."""
    who = _WHO.get(style)
    if who is None:
        return work
    key = (who(work), work.year)
    same = sorted((w for w in all_works(ds) if (who(w), w.year) == key), key=lambda w: normalize(w.sort_title))
    if len(same) < 2:
        return work
    index = [w.key for w in same].index(work.key)
    return attrs.evolve(work, suffix="abcdefghijklmnopqrstuvwxyz"[index % 26] * (index // 26 + 1))


def cite_with(ds: Dataset, record: Citable, style: str = "apa", form: str = "reference", markup: str = "text") -> str:
    """A citation of ``record`` resolved in ``ds``: see :func:`putin_interviews.cite`."""
    _check(style, form, markup)
    work, speaker = work_of(ds, record)
    work = _with_suffix(ds, work, style)
    if style in _machine.MACHINE:
        return _machine.MACHINE[style](work)
    _, build = _PROSE[style]
    return build(work, form, speaker).render(markup)


def _sort_key(entry: str) -> str:
    # APA 9.44-9.47, MLA 5.128, CMOS 14.68: alphabetical by the first element, letter by
    # letter, ignoring an initial article and punctuation such as brackets and quotation marks.
    text = normalize(re.sub(r"<[^>]+>", "", entry))
    return re.sub(r"^(the|a|an) ", "", text)


def bibliography_with(ds: Dataset, records: Iterable[Citable], style: str = "apa", markup: str = "text") -> list[str]:
    """Reference-list entries of ``records`` resolved in ``ds``: see
    :func:`putin_interviews.bibliography`."""
    form = "reference"
    _check(style, form, markup)
    entries: dict[str, str] = {}
    for record in records:
        work, _ = work_of(ds, record)
        if work.key not in entries:  # quotations of one article cite it once
            entries[work.key] = cite_with(ds, record, style, form, markup)
    if style in _machine.MACHINE:
        return [entries[k] for k in sorted(entries)]
    return sorted(entries.values(), key=_sort_key)

"""The types of the citation functions' parameters: what can be cited, and the choices of
style, form and markup (``Literal``s an editor completes). They are here, apart from the
citation code, so that a dataset's method signatures resolve without importing it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, Union, get_args

from ._models import Article, Critique, Episode, Quote

if TYPE_CHECKING:
    from ._dataset import Dataset

__all__ = ["MARKUPS", "STYLES", "Citable", "Form", "Markup", "Style"]

#: What can be cited.
Citable = Union[Article, Episode, Quote, Critique, "Dataset"]
#: A citation style: APA 7, MLA 9, Chicago 17 (author-date, notes) and machine formats.
Style = Literal["apa", "mla", "chicago", "chicago-note", "bibtex", "ris", "csl-json"]
#: How a citation is written out: plain text, HTML (``<i>``) or Markdown (``*…*``).
Markup = Literal["text", "html", "markdown"]
#: A form of citation: an entry of the reference list, a parenthetical or narrative
#: citation in the text, a note or a short note. Which styles have which: ``FORMS``.
Form = Literal["reference", "in-text", "narrative", "note", "short-note"]

#: Every style and every markup, in order (the command line's choices too).
STYLES: tuple[Style, ...] = get_args(Style)
MARKUPS: tuple[Markup, ...] = get_args(Markup)

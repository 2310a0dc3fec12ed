"""A curated, citable dataset about *The Putin Interviews* (Showtime, 2017) and its press.

Importing the package reads no data; the bundled dataset is read on first use.

>>> import putin_interviews
>>> ds = putin_interviews.dataset()
>>> [q.text for q in ds.quotes if q.speaker_id == "putin"][0]
'I wasn’t sure I wanted to do that,'
"""

# Public names are defined on first access (PEP 562), so that ``import putin_interviews`` costs
# little: command-line tools and notebooks pay for a module when they use it. Type checkers
# see the imports below.
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from ._api import (
        articles,
        critiques,
        episodes,
        get_article,
        get_critique,
        get_episode,
        get_person,
        get_quote,
        people,
        quotes,
        search,
    )
    from ._cite import FORMS as CITATION_FORMS
    from ._cite import bibliography, cite
    from ._dataset import MAX_BYTES, SCHEMA_VERSION, Dataset, Hits, dataset, load, loads
    from ._errors import DatasetError, NotFoundError, Problem
    from ._models import (
        Article,
        ArticleKind,
        Basis,
        Claim,
        CriticKind,
        Critique,
        DatasetInfo,
        DateWindow,
        Episode,
        Person,
        PersonKind,
        Quote,
        QuoteKind,
        Span,
        Stance,
        TargetKind,
        Venue,
    )
    from ._schema import json_schema
    from ._tables import Articles, Critiques, Episodes, Hit, People, Quotes, Table
    from ._version import __version__

# Public name -> (private module, its name there).
_LAZY: dict[str, tuple[str, str]] = {
    "Article": ("._models", "Article"),
    "ArticleKind": ("._models", "ArticleKind"),
    "Articles": ("._tables", "Articles"),
    "Basis": ("._models", "Basis"),
    "CITATION_FORMS": ("._cite", "FORMS"),
    "Claim": ("._models", "Claim"),
    "CriticKind": ("._models", "CriticKind"),
    "Critique": ("._models", "Critique"),
    "Critiques": ("._tables", "Critiques"),
    "Dataset": ("._dataset", "Dataset"),
    "DatasetError": ("._errors", "DatasetError"),
    "DatasetInfo": ("._models", "DatasetInfo"),
    "DateWindow": ("._models", "DateWindow"),
    "Episode": ("._models", "Episode"),
    "Episodes": ("._tables", "Episodes"),
    "Hit": ("._tables", "Hit"),
    "Hits": ("._dataset", "Hits"),
    "MAX_BYTES": ("._dataset", "MAX_BYTES"),
    "NotFoundError": ("._errors", "NotFoundError"),
    "People": ("._tables", "People"),
    "Person": ("._models", "Person"),
    "PersonKind": ("._models", "PersonKind"),
    "Problem": ("._errors", "Problem"),
    "Quote": ("._models", "Quote"),
    "QuoteKind": ("._models", "QuoteKind"),
    "Quotes": ("._tables", "Quotes"),
    "SCHEMA_VERSION": ("._dataset", "SCHEMA_VERSION"),
    "Span": ("._models", "Span"),
    "Stance": ("._models", "Stance"),
    "Table": ("._tables", "Table"),
    "TargetKind": ("._models", "TargetKind"),
    "Venue": ("._models", "Venue"),
    "articles": ("._api", "articles"),
    "bibliography": ("._cite", "bibliography"),
    "cite": ("._cite", "cite"),
    "critiques": ("._api", "critiques"),
    "dataset": ("._dataset", "dataset"),
    "episodes": ("._api", "episodes"),
    "get_article": ("._api", "get_article"),
    "get_critique": ("._api", "get_critique"),
    "get_episode": ("._api", "get_episode"),
    "get_person": ("._api", "get_person"),
    "get_quote": ("._api", "get_quote"),
    "json_schema": ("._schema", "json_schema"),
    "load": ("._dataset", "load"),
    "loads": ("._dataset", "loads"),
    "people": ("._api", "people"),
    "quotes": ("._api", "quotes"),
    "search": ("._api", "search"),
}


def __getattr__(name: str) -> Any:
    try:
        module, attribute = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module, __name__), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "CITATION_FORMS",
    "MAX_BYTES",
    "SCHEMA_VERSION",
    "Article",
    "ArticleKind",
    "Articles",
    "Basis",
    "Claim",
    "CriticKind",
    "Critique",
    "Critiques",
    "Dataset",
    "DatasetError",
    "DatasetInfo",
    "DateWindow",
    "Episode",
    "Episodes",
    "Hit",
    "Hits",
    "NotFoundError",
    "People",
    "Person",
    "PersonKind",
    "Problem",
    "Quote",
    "QuoteKind",
    "Quotes",
    "Span",
    "Stance",
    "Table",
    "TargetKind",
    "Venue",
    "__version__",
    "articles",
    "bibliography",
    "cite",
    "critiques",
    "dataset",
    "episodes",
    "get_article",
    "get_critique",
    "get_episode",
    "get_person",
    "get_quote",
    "json_schema",
    "load",
    "loads",
    "people",
    "quotes",
    "search",
]

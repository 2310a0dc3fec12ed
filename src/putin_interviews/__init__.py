"""A curated, citable dataset about *The Putin Interviews* (Showtime, 2017) and its press.

Importing the package reads no data; the bundled dataset is read on first use.

>>> import putin_interviews
>>> ds = putin_interviews.dataset()
>>> [q.text for q in ds.quotes.filter(speaker="putin", mode="direct")][0]
'I wasn’t sure I wanted to do that,'
"""

# Public names are defined on first access (PEP 562), so that ``import putin_interviews`` costs
# little: command-line tools and notebooks pay for a module when they use it. Type checkers
# see the imports below and not ``__getattr__``, so a misspelt name is an error to them. The
# three lists (these imports, ``_LAZY`` and ``__all__``) are held equal by the tests. No
# ``from __future__`` import here: it would bind the name ``annotations`` in the module.
import typing as _typing
from importlib import import_module as _import_module

from ._version import __version__

if _typing.TYPE_CHECKING:
    from ._cite import FORMS as CITATION_FORMS
    from ._dataset import Dataset
    from ._errors import ChoiceError, DatasetError, NotFoundError, Problem
    from ._filters import UNSET, UnsetType
    from ._hits import Hit, Hits
    from ._kinds import (
        ArticleKind,
        CriticKind,
        PersonKind,
        QuoteKind,
        QuoteMode,
        RecordKind,
        Stance,
        TargetKind,
        Venue,
    )
    from ._limits import MAX_BYTES, SCHEMA_VERSION
    from ._load import dataset, load, loads
    from ._models import Article, Basis, Claim, Critique, DatasetInfo, DateWindow, Episode, Person, Quote, Span, Topic
    from ._printed import Critiques, Quotes
    from ._schema import json_schema
    from ._shortcuts import (
        articles,
        bibliography,
        cite,
        critiques,
        did_you_mean,
        episodes,
        get_article,
        get_critique,
        get_episode,
        get_person,
        get_quote,
        get_topic,
        people,
        quotes,
        search,
        topics,
    )
    from ._table import Table
    from ._tables import Articles, Episodes, People, Topics
    from ._verify import verify

# Public name -> (private module, its name there).
_LAZY: dict[str, tuple[str, str]] = {
    "Article": ("._models", "Article"),
    "ArticleKind": ("._kinds", "ArticleKind"),
    "Articles": ("._tables", "Articles"),
    "Basis": ("._models", "Basis"),
    "CITATION_FORMS": ("._cite", "FORMS"),
    "ChoiceError": ("._errors", "ChoiceError"),
    "Claim": ("._models", "Claim"),
    "CriticKind": ("._kinds", "CriticKind"),
    "Critique": ("._models", "Critique"),
    "Critiques": ("._printed", "Critiques"),
    "Dataset": ("._dataset", "Dataset"),
    "DatasetError": ("._errors", "DatasetError"),
    "DatasetInfo": ("._models", "DatasetInfo"),
    "DateWindow": ("._models", "DateWindow"),
    "Episode": ("._models", "Episode"),
    "Episodes": ("._tables", "Episodes"),
    "Hit": ("._hits", "Hit"),
    "Hits": ("._hits", "Hits"),
    "MAX_BYTES": ("._limits", "MAX_BYTES"),
    "NotFoundError": ("._errors", "NotFoundError"),
    "People": ("._tables", "People"),
    "Person": ("._models", "Person"),
    "PersonKind": ("._kinds", "PersonKind"),
    "Problem": ("._errors", "Problem"),
    "Quote": ("._models", "Quote"),
    "QuoteKind": ("._kinds", "QuoteKind"),
    "QuoteMode": ("._kinds", "QuoteMode"),
    "Quotes": ("._printed", "Quotes"),
    "SCHEMA_VERSION": ("._limits", "SCHEMA_VERSION"),
    "Span": ("._models", "Span"),
    "RecordKind": ("._kinds", "RecordKind"),
    "Stance": ("._kinds", "Stance"),
    "Table": ("._table", "Table"),
    "TargetKind": ("._kinds", "TargetKind"),
    "Topic": ("._models", "Topic"),
    "Topics": ("._tables", "Topics"),
    "UNSET": ("._filters", "UNSET"),
    "UnsetType": ("._filters", "UnsetType"),
    "Venue": ("._kinds", "Venue"),
    "articles": ("._shortcuts", "articles"),
    "bibliography": ("._shortcuts", "bibliography"),
    "cite": ("._shortcuts", "cite"),
    "critiques": ("._shortcuts", "critiques"),
    "dataset": ("._load", "dataset"),
    "episodes": ("._shortcuts", "episodes"),
    "get_article": ("._shortcuts", "get_article"),
    "get_critique": ("._shortcuts", "get_critique"),
    "get_episode": ("._shortcuts", "get_episode"),
    "get_person": ("._shortcuts", "get_person"),
    "get_quote": ("._shortcuts", "get_quote"),
    "get_topic": ("._shortcuts", "get_topic"),
    "did_you_mean": ("._shortcuts", "did_you_mean"),
    "json_schema": ("._schema", "json_schema"),
    "load": ("._load", "load"),
    "loads": ("._load", "loads"),
    "people": ("._shortcuts", "people"),
    "quotes": ("._shortcuts", "quotes"),
    "search": ("._shortcuts", "search"),
    "topics": ("._shortcuts", "topics"),
    "verify": ("._verify", "verify"),
}


if not _typing.TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        try:
            module, attribute = _LAZY[name]
        except KeyError:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
        value = getattr(_import_module(module, __name__), attribute)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    # The public names, and the module's own dunders (no helpers, no submodules).
    return sorted({*__all__, *(n for n in globals() if n.startswith("__"))})


__all__ = [
    "CITATION_FORMS",
    "MAX_BYTES",
    "SCHEMA_VERSION",
    "UNSET",
    "Article",
    "ArticleKind",
    "Articles",
    "Basis",
    "ChoiceError",
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
    "QuoteMode",
    "Quotes",
    "RecordKind",
    "Span",
    "Stance",
    "Table",
    "TargetKind",
    "Topic",
    "Topics",
    "UnsetType",
    "Venue",
    "__version__",
    "articles",
    "bibliography",
    "cite",
    "critiques",
    "dataset",
    "did_you_mean",
    "episodes",
    "get_article",
    "get_critique",
    "get_episode",
    "get_person",
    "get_quote",
    "get_topic",
    "json_schema",
    "load",
    "loads",
    "people",
    "quotes",
    "search",
    "topics",
    "verify",
]

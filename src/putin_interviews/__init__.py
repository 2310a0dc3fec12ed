"""A curated, citable dataset about *The Putin Interviews* (Showtime, 2017) and its press.

Importing the package reads no data; the bundled dataset is read on first use.

>>> import putin_interviews
>>> ds = putin_interviews.dataset()
>>> [q.text for q in ds.quotes if q.speaker_id == "putin"][0]
'I wasn’t sure I wanted to do that,'
"""

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

"""A curated, citable dataset about *The Putin Interviews* (Showtime, 2017) and its press.

Importing the package reads no data; the bundled dataset is read on first use.

>>> import putin_interviews
>>> ds = putin_interviews.dataset()
>>> [q.text for q in ds.quotes if q.speaker_id == "putin"][0]
'I wasn’t sure I wanted to do that,'
"""

from ._dataset import SCHEMA_VERSION, Dataset, dataset, load, loads
from ._errors import DatasetError, Problem
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
from ._version import __version__

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "ArticleKind",
    "Basis",
    "Claim",
    "CriticKind",
    "Critique",
    "Dataset",
    "DatasetError",
    "DatasetInfo",
    "DateWindow",
    "Episode",
    "Person",
    "PersonKind",
    "Problem",
    "Quote",
    "QuoteKind",
    "Span",
    "Stance",
    "TargetKind",
    "Venue",
    "__version__",
    "dataset",
    "load",
    "loads",
]

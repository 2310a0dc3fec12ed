"""What is cited: a style-neutral description of an article, an episode or the dataset."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import attrs

from .._kinds import ArticleKind, PersonKind
from .._models import Article, Critique, DatasetInfo, Episode, Quote
from ._rich import Name, Rich

if TYPE_CHECKING:
    from .._dataset import Dataset

__all__ = ["Work", "work_of"]

# Proper nouns the sentence-case rule keeps capitalised, beyond the names in the dataset.
_PROPER = [
    "America",
    "American",
    "Americans",
    "Russia",
    "Russian",
    "Russians",
    "Soviet",
    "Syria",
    "Ukraine",
    "Crimea",
    "Afghanistan",
    "Chechen",
    "Islamic",
    "Kremlin",
    "Moscow",
    "Washington",
    "Showtime",
    "Obama",
    "Trump",
    "Putin",
    "Stone",
    "Colbert",
    "Kelly",
]


@attrs.frozen
class Work:
    kind: str  # "article", "episode" or "dataset"
    key: str
    title: str | None
    label: Rich  # description used where the title is unknown
    authors: tuple[Name, ...]
    container: str | None  # the outlet (article), the series (episode)
    date: datetime.date | None
    year: int | None
    url: str | None
    review: bool = False
    reviewed: tuple[str, ...] = ()  # titles of the parts reviewed
    number: int | None = None
    network: str | None = None
    director: Name | None = None
    version: str | None = None
    medium: str | None = None
    keep: tuple[str, ...] = ()  # proper nouns and titles of works: never re-cased
    #: "a", "b", … when the same author has several works in one year (APA 9.47, CMOS 15.19).
    suffix: str = ""

    @property
    def year_text(self) -> str:
        if self.year is not None:
            return f"{self.year}{self.suffix}"
        return f"n.d.-{self.suffix}" if self.suffix else "n.d."

    @property
    def sort_title(self) -> str:
        return self.title if self.title is not None else self.label.text


def _clean(text: str | None) -> str | None:
    """White space folded to single spaces; a value with nothing left is None."""
    if text is None:
        return None
    return " ".join(text.split()) or None


def _keep(ds: Dataset) -> tuple[str, ...]:
    words: list[str] = list(_PROPER)
    for p in ds.people:
        if p.kind is PersonKind.INDIVIDUAL:
            words += [p.name, *p.aliases, *p.name.split()]
    words += [a.outlet for a in ds.articles]
    words += [e.series for e in ds.episodes] + [e.title for e in ds.episodes] + [e.network for e in ds.episodes]
    return tuple(w for w in dict.fromkeys(words) if w and w[:1].isupper())


def _article(ds: Dataset, a: Article) -> Work:
    reviewed = tuple(e.title for e in ds.episodes if e.number in a.episode_numbers)
    return Work(
        kind="article",
        key=a.id,
        title=_clean(a.title) if Rich.plain(a.title or "") else None,
        # A description is what stands in for a missing title; with none, a generic one.
        label=Rich.parse(_clean(a.label) or "") or Rich.plain("Untitled article"),
        authors=tuple(Name.of(n) for n in map(_clean, a.authors) if n and Rich.plain(n)),
        container=_clean(a.outlet) if Rich.plain(a.outlet) else None,
        date=a.published,
        year=a.published.year if a.published else None,
        url=_clean(a.url),
        review=a.kind is ArticleKind.REVIEW,
        reviewed=reviewed,
        keep=_keep(ds),
    )


def _episode(ds: Dataset, e: Episode) -> Work:
    director = ds.people.get(e.director)
    return Work(
        kind="episode",
        key=e.id,
        title=e.title,
        label=Rich.plain(e.title),
        authors=(),
        container=e.series,
        date=e.air_date,
        year=e.air_date.year if e.air_date else None,
        url=None,
        number=e.number,
        network=e.network,
        director=Name.of(director.name, director.kind is PersonKind.GROUP),
        keep=_keep(ds),
    )


def _dataset(ds: Dataset) -> Work:
    info = ds.info
    return Work(
        kind="dataset",
        key="putin-interviews",
        title=info.title,
        label=Rich.plain(info.title),
        authors=tuple(Name.of(n, is_group=True) for n in info.authors),
        container=None,
        date=None,
        year=info.year,
        url=info.url,
        version=info.dataset_version,
        medium="Data set and Python package",
        keep=(*_keep(ds), info.title.split(":")[0]),
    )


def work_of(ds: Dataset, record: object) -> tuple[Work, Name | None]:
    """The work to cite for ``record``, and for a quotation its speaker (cited as quoted
    in the article: a secondary source)."""
    if isinstance(getattr(record, "info", None), DatasetInfo):  # a Dataset
        return _dataset(record), None  # type: ignore[arg-type]
    if isinstance(record, Article):
        return _article(ds, record), None
    if isinstance(record, Episode):
        return _episode(ds, record), None
    if isinstance(record, Critique):
        return _article(ds, ds.articles.get(record.article_id)), None
    if isinstance(record, Quote):
        speaker = ds.speaker_of(record)
        name = None if speaker is None else Name.of(speaker.name, speaker.kind is PersonKind.GROUP)
        return _article(ds, ds.articles.get(record.article_id)), name
    raise TypeError(
        f"cannot cite a {type(record).__name__}: record must be an Article, Episode, Quote, Critique or a Dataset"
    )

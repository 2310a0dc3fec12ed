"""The record types of the dataset: frozen, slotted attrs classes and nothing else.

Records are plain data. They refer to each other by id (strings) and never hold
object references; relations are answered by :class:`~putin_interviews.Dataset`.
"""

from __future__ import annotations

import datetime
import enum

import attrs

from ._public import public
from ._types import validated_fields

__all__ = [
    "Article",
    "ArticleKind",
    "Basis",
    "Claim",
    "CriticKind",
    "Critique",
    "DatasetInfo",
    "DateWindow",
    "Episode",
    "Person",
    "PersonKind",
    "Quote",
    "QuoteKind",
    "Span",
    "Stance",
    "TargetKind",
    "Venue",
]


@public
class PersonKind(str, enum.Enum):
    """Whether a :class:`Person` record is one individual or a group of people.

    >>> PersonKind("group")
    <PersonKind.GROUP: 'group'>
    """

    INDIVIDUAL = "individual"
    GROUP = "group"


@public
class ArticleKind(str, enum.Enum):
    """What kind of piece an :class:`Article` is.

    >>> ArticleKind.REVIEW.value
    'review'
    """

    REVIEW = "review"
    NEWS_REPORT = "news-report"


@public
class QuoteKind(str, enum.Enum):
    """How much of an utterance a :class:`Quote` gives.

    * ``full``: quoted as a stand-alone utterance of one or more sentences (or a
      complete spoken reply), not embedded in the writer's own sentence;
    * ``partial``: a clause or longer phrase run into the writer's own sentence;
    * ``fragment``: a word or short phrase (four words or fewer) in quotation marks
      attributed to the speaker.

    >>> QuoteKind("fragment") is QuoteKind.FRAGMENT
    True
    """

    FULL = "full"
    PARTIAL = "partial"
    FRAGMENT = "fragment"


@public
class Venue(str, enum.Enum):
    """Where a quotation was said.

    >>> Venue.DOCUMENTARY.value
    'the-putin-interviews'
    """

    #: The documentary *The Putin Interviews* (also when a clip of it is shown elsewhere).
    DOCUMENTARY = "the-putin-interviews"
    #: *The Late Show with Stephen Colbert* (CBS), 12 June 2017.
    LATE_SHOW = "the-late-show-with-stephen-colbert"


@public
class Stance(str, enum.Enum):
    """The direction of an evaluative judgement (:class:`Critique`).

    >>> [s.value for s in Stance]
    ['positive', 'negative', 'mixed']
    """

    POSITIVE = "positive"
    NEGATIVE = "negative"
    MIXED = "mixed"


@public
class CriticKind(str, enum.Enum):
    """Who makes a judgement.

    * ``person``: a named person or group, ``critic_id`` is its id in ``people``;
    * ``article``: the article's own voice (its author is unknown), ``critic_id`` is None;
    * ``unnamed``: unnamed people the article reports ("many felt …"), ``critic_id`` is None.

    >>> CriticKind.ARTICLE.value
    'article'
    """

    PERSON = "person"
    ARTICLE = "article"
    UNNAMED = "unnamed"


@public
class TargetKind(str, enum.Enum):
    """What a judgement is about.

    * ``person``: a person or group, ``target_id`` is its id in ``people``;
    * ``episode``: one part of the documentary, ``target_id`` is the episode's id;
    * ``documentary``: the series as a whole, ``target_id`` is None.

    >>> TargetKind("documentary")
    <TargetKind.DOCUMENTARY: 'documentary'>
    """

    PERSON = "person"
    EPISODE = "episode"
    DOCUMENTARY = "documentary"


@public
@attrs.frozen(kw_only=True, field_transformer=validated_fields)
class Span:
    """A character range in an article's source text: ``text[start:end]``.

    Offsets are Python ``str`` indices into the source file read as UTF-8 with no
    normalisation (see ``SOURCES.md``).

    >>> Span(start=1, end=51).length
    50
    """

    start: int
    end: int

    @property
    def length(self) -> int:
        """The number of characters covered.

        >>> Span(start=3, end=10).length
        7
        """
        return self.end - self.start


@public
@attrs.frozen(kw_only=True, field_transformer=validated_fields)
class Basis:
    """Where a fact from outside the articles comes from (``SOURCES.md``).

    >>> Basis(field="air_date", note="launch coverage").field
    'air_date'
    """

    #: The name of the field whose value this note supports.
    field: str
    #: The evidence, in our words.
    note: str


@public
@attrs.frozen(kw_only=True, field_transformer=validated_fields)
class DateWindow:
    """An inferred date range, inclusive at both ends. Always an inference.

    >>> import datetime
    >>> w = DateWindow(earliest=datetime.date(2017, 6, 12),
    ...                latest=datetime.date(2017, 6, 13), basis="after Part 1 aired")
    >>> w.days
    2
    """

    earliest: datetime.date
    latest: datetime.date
    #: Why the window is inferred, in our words.
    basis: str

    @property
    def days(self) -> int:
        """How many days the window spans, both ends counted.

        >>> import datetime
        >>> DateWindow(earliest=datetime.date(2017, 6, 13),
        ...            latest=datetime.date(2017, 6, 13), basis="x").days
        1
        """
        return (self.latest - self.earliest).days + 1


@public
@attrs.frozen(kw_only=True, field_transformer=validated_fields)
class Claim:
    """A factual statement an article makes, recorded as that article's claim.

    Used where sources disagree (e.g. how many hours Stone spent with Putin).

    >>> Claim(topic="hours with Putin", value="20", span=Span(start=0, end=1)).value
    '20'
    """

    #: What the claim is about.
    topic: str
    #: What the article says, in brief.
    value: str
    #: Where the article says it.
    span: Span


@public
@attrs.frozen(kw_only=True, field_transformer=validated_fields)
class Person:
    """Someone who speaks, is addressed, or is judged: an individual or a group.

    >>> p = Person(id="stone", name="Oliver Stone", aliases=("Stone",),
    ...            description="film director", kind=PersonKind.INDIVIDUAL)
    >>> p.name
    'Oliver Stone'
    """

    id: str
    name: str
    aliases: tuple[str, ...]
    #: Who they are, in our words.
    description: str
    kind: PersonKind


@public
@attrs.frozen(kw_only=True, field_transformer=validated_fields)
class Article:
    """One source article.

    ``title``, ``published`` and ``url`` are None where the sources do not give them;
    ``authors`` is empty where unknown. ``published_inferred`` is a window inferred
    from the text, never a known date.
    """

    id: str
    title: str | None
    #: A short description in our words, used in place of a missing headline by the
    #: citation styles (``*…*`` marks a title of a work, printed in italics).
    label: str
    outlet: str
    section: str | None
    authors: tuple[str, ...]
    published: datetime.date | None
    published_inferred: DateWindow | None
    url: str | None
    kind: ArticleKind
    #: The parts of the documentary the article is about (empty: the series as a whole).
    episode_numbers: tuple[int, ...]
    #: What the article says, in our words.
    summary: str
    #: File name of the source text in the curation seeds.
    source_file: str
    #: SHA-256 (hex) of the source file's bytes.
    text_sha256: str
    #: Length of the source text in characters (Python ``str`` length).
    text_length: int
    #: Factual claims the article makes, attributed to it.
    claims: tuple[Claim, ...]
    #: The evidence for each value taken from outside the article.
    basis: tuple[Basis, ...]


@public
@attrs.frozen(kw_only=True, field_transformer=validated_fields)
class Episode:
    """One part of *The Putin Interviews*.

    >>> Episode(number=2, id="part-2", title="Part 2", series="The Putin Interviews",
    ...         network="Showtime", air_date=None, air_time=None, director="stone",
    ...         topics=(), summary=None, basis=()).title
    'Part 2'
    """

    number: int
    id: str
    title: str
    series: str
    network: str
    air_date: datetime.date | None
    #: Local time and zone as the sources give it, e.g. ``"9 p.m. ET"``.
    air_time: str | None
    #: Person id of the director.
    director: str
    #: Topics as the articles report them.
    topics: tuple[str, ...]
    #: What the articles report of this part, in our words (None: no article covers it).
    summary: str | None
    basis: tuple[Basis, ...]


@public
@attrs.frozen(kw_only=True, field_transformer=validated_fields)
class Quote:
    """A verbatim quotation, exactly as printed, with where it is printed.

    ``text == source_text[span.start:span.end]`` for the article's source text, and
    likewise for every span in ``other_spans`` (repeats such as pull quotes).
    ``inferred`` names the fields whose values are inferences, not statements of the
    article (e.g. ``("episode",)`` when the part is inferred from what the review covers).
    """

    id: str
    text: str
    speaker_id: str
    addressee_id: str | None
    article_id: str
    span: Span
    other_spans: tuple[Span, ...]
    kind: QuoteKind
    episode: int | None
    venue: Venue | None
    topics: tuple[str, ...]
    #: What was asked or answered, in our words.
    context: str
    #: People or groups the quotation is about.
    subject_ids: tuple[str, ...]
    #: When the words are reported inside another speaker's quotation: that speaker.
    reported_by_id: str | None
    inferred: tuple[str, ...]

    @property
    def spans(self) -> tuple[Span, ...]:
        """Every place the quotation is printed, first occurrence first.

        >>> q = Quote(id="q", text="x", speaker_id="p", addressee_id=None, article_id="a",
        ...           span=Span(start=5, end=6), other_spans=(Span(start=9, end=10),),
        ...           kind=QuoteKind.FRAGMENT, episode=None, venue=None, topics=(),
        ...           context="c", subject_ids=(), reported_by_id=None, inferred=())
        >>> [s.start for s in q.spans]
        [5, 9]
        """
        return (self.span, *self.other_spans)


@public
@attrs.frozen(kw_only=True, field_transformer=validated_fields)
class Critique:
    """An evaluative judgement an article makes or reports.

    The critic is a person or group (``critic_kind`` ``person``), the article's own
    voice, or unnamed people; the target is a person or group, one episode, or the
    documentary as a whole. ``spans`` locate the judgement in the article.
    """

    id: str
    article_id: str
    critic_kind: CriticKind
    critic_id: str | None
    target_kind: TargetKind
    target_id: str | None
    stance: Stance
    #: What is judged, e.g. ``"follow-up questions"``.
    aspect: str
    #: The judgement, in our words.
    summary: str
    #: The quotations it rests on.
    quote_ids: tuple[str, ...]
    episode: int | None
    spans: tuple[Span, ...]
    inferred: tuple[str, ...]


@public
@attrs.frozen(kw_only=True, field_transformer=validated_fields)
class DatasetInfo:
    """What the dataset is, its versions, sources, license and how to cite it.

    >>> import putin_interviews
    >>> putin_interviews.dataset().info.schema_version
    1
    """

    schema_version: int
    dataset_version: str
    title: str
    #: Authors of the dataset, as they are to be cited.
    authors: tuple[str, ...]
    #: Year of this version of the dataset.
    year: int
    url: str | None
    description: str
    #: One line per source article.
    sources: tuple[str, ...]
    license: str
    #: How to cite the dataset, as plain text.
    citation: str

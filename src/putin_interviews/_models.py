"""The record types of the dataset: frozen, slotted attrs classes and nothing else.

Records are plain data. They refer to each other by id (strings) and never hold
object references; relations are answered by :class:`~putin_interviews.Dataset`.
"""

# No ``from __future__ import annotations``: the fields' types are evaluated as each class is
# defined, which costs less than evaluating their text afterwards (``typing.get_type_hints``).

import attrs

from ._date import date
from ._kinds import ArticleKind, CriticKind, PersonKind, QuoteKind, QuoteMode, Stance, TargetKind, Venue
from ._made import bind_builders, premade
from ._public import public
from ._types import validated

__all__ = [
    "Article",
    "Basis",
    "Claim",
    "Critique",
    "DatasetInfo",
    "DateWindow",
    "Episode",
    "Person",
    "Quote",
    "Span",
    "Topic",
]


@public
@validated
@attrs.frozen(kw_only=True)
@premade
class Span:
    """A character range in an article's source text: ``source_text[start:end]``.

    Offsets are Python ``str`` indices into the source file read as UTF-8 with no
    normalisation (see ``SOURCES.md``).

    >>> Span(start=1, end=51).length
    50
    """

    #: The index of the first character (0 is the text's first).
    start: int
    #: The index just past the last character: the span is the article's
    #: ``source_text[start:end]``.
    end: int

    @property
    def length(self) -> int:
        """The number of characters covered.

        >>> Span(start=3, end=10).length
        7
        """
        return self.end - self.start


@public
@validated
@attrs.frozen(kw_only=True)
@premade
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
@validated
@attrs.frozen(kw_only=True)
@premade
class DateWindow:
    """An inferred date range, inclusive at both ends. Always an inference.

    >>> import datetime
    >>> w = DateWindow(earliest=datetime.date(2017, 6, 12),
    ...                latest=datetime.date(2017, 6, 13), basis="after Part 1 aired")
    >>> w.days
    2
    """

    #: The first day the date can be.
    earliest: date
    #: The last day the date can be (the same as ``earliest`` for a single day).
    latest: date
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
@validated
@attrs.frozen(kw_only=True)
@premade
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
@validated
@attrs.frozen(kw_only=True)
@premade
class Person:
    """Someone who speaks, is addressed, or is judged: an individual or a group.

    >>> p = Person(id="stone", name="Oliver Stone", aliases=("Stone",),
    ...            description="film director", kind=PersonKind.INDIVIDUAL, basis=())
    >>> p.name
    'Oliver Stone'
    """

    #: The person's id (``"putin"``), which other records refer to.
    id: str
    #: The name to show (``"Vladimir Putin"``).
    name: str
    #: Other names the articles use (a surname, a title), which lookups also accept.
    aliases: tuple[str, ...]
    #: Who they are, in our words, saying only what the sources support.
    description: str
    #: An individual or a group.
    kind: PersonKind
    #: The evidence for each value taken from outside the articles.
    basis: tuple[Basis, ...]


@public
@validated
@attrs.frozen(kw_only=True)
@premade
class Topic:
    """A subject of the controlled vocabulary that quotes, critiques and episodes are
    tagged with (their ``topics`` hold topic ids).

    >>> Topic(id="al-qaida", label="al-Qaida", definition="Its origins.").label
    'al-Qaida'
    """

    #: The topic's id (``"us-politics"``), which other records' ``topics`` hold.
    id: str
    #: A short name to show.
    label: str
    #: What the topic covers, in our words.
    definition: str


@public
@validated
@attrs.frozen(kw_only=True)
@premade
class Article:
    """One source article.

    What it is and where it was published, and how to check a copy of its text (the package
    does not ship the text: ``source_file``, ``text_sha256`` and ``text_length`` identify it,
    and :func:`putin_interviews.verify` checks a copy).

    >>> import putin_interviews
    >>> putin_interviews.get_article("deadline-colbert").outlet
    'Deadline'
    """

    #: The article's id (``"lz-part-1"``), which quotations and critiques refer to.
    id: str
    #: The headline as printed; None where the sources do not give it.
    title: str | None
    #: A short description in our words, used in place of a missing headline by the
    #: citation styles (``*…*`` marks a title of a work, printed in italics).
    label: str
    #: The publication (``"LifeZette"``).
    outlet: str
    #: The outlet's section (``"PopZette"``); None where not known.
    section: str | None
    #: The bylines, as printed; empty where the authors are not known.
    authors: tuple[str, ...]
    #: The date of publication; None where the sources do not give it.
    published: date | None
    #: The dates the article can have been published in, inferred from its text where
    #: ``published`` is not known: an inference, never a known date, and approximate even
    #: when it is a single day (its basis says how it was inferred).
    published_inferred: DateWindow | None
    #: Where the article was published online; None where the sources do not give it.
    url: str | None
    #: What kind of piece it is (a review, a news report …).
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
@validated
@attrs.frozen(kw_only=True)
@premade
class Episode:
    """One part of *The Putin Interviews*.

    >>> Episode(number=2, id="part-2", title="Part 2", series="The Putin Interviews",
    ...         network="Showtime", air_date=None, air_time=None, director="stone",
    ...         topics=(), summary=None, basis=(), inferred=()).title
    'Part 2'
    """

    #: The part's number, 1 to 4.
    number: int
    #: The part's id (``"part-2"``).
    id: str
    #: The part's title (``"Part 2"``).
    title: str
    #: The series it is a part of.
    series: str
    #: The network that broadcast it.
    network: str
    #: The day of its first broadcast; None where the sources do not give it.
    air_date: date | None
    #: Local time and zone as the sources give it, e.g. ``"9 p.m. ET"``.
    air_time: str | None
    #: Person id of the director.
    director: str
    #: Topic ids, as the articles report the part.
    topics: tuple[str, ...]
    #: What the articles report of this part, in our words (None: no article covers it).
    summary: str | None
    #: The evidence for each value taken from outside the articles.
    basis: tuple[Basis, ...]
    #: The fields whose values are inferences, not statements of the articles.
    inferred: tuple[str, ...]


#: The host sentence's punctuation that American style sets inside the closing mark, by
#: kind: a trailing comma always; a trailing full stop when the quotation is run into the
#: writer's sentence. ``?``, ``!``, dashes and ellipses are the speaker's and stay.
_HOST_PUNCTUATION = {QuoteKind.FULL: (",",), QuoteKind.PARTIAL: (",", "."), QuoteKind.FRAGMENT: (",", ".")}


@public
@validated
@attrs.frozen(kw_only=True)
@premade
class Quote:
    """A quotation, exactly as printed, with where it is printed and the article's words
    that attribute it.

    >>> import putin_interviews
    >>> q = putin_interviews.get_quote("lz-part-3-always-hope")
    >>> q.text, q.speaker_id, q.mode.value
    ('There is always hope,', 'putin', 'direct')
    """

    #: The quotation's id (``"lz-part-1-hawk"``).
    id: str
    #: The words exactly as the article prints them (inside its quotation marks; for an
    #: ``indirect`` quotation, the article's words that report the speech):
    #: ``source_text[span.start:span.end]`` of the article's text.
    text: str
    #: The person or group whose words these are; None for a scare quote (the writer's).
    speaker_id: str | None
    #: Whom the words were said to: set where the article says so, else None or inferred.
    addressee_id: str | None
    #: The article that prints the quotation.
    article_id: str
    #: Where ``text`` is printed in the article (its first occurrence).
    span: Span
    #: Where the article prints the same words again (a pull quote, a repeat), each span
    #: holding ``text`` too.
    other_spans: tuple[Span, ...]
    #: The article's words that attribute the quotation (source and verb: ``said Putin``,
    #: ``Stone asked him``); None where the article prints none.
    cue: Span | None
    #: Whose words they are: the speaker's own (``direct``), the writer's scare quote or
    #: echo (``scare``, no speaker), or the article's paraphrase of what was said
    #: (``indirect``).
    mode: QuoteMode
    #: How much of an utterance it gives: ``full``, ``partial`` or ``fragment``.
    kind: QuoteKind
    #: The part of the documentary the words are from; None where not known.
    episode: int | None
    #: Where the words were said; None where not known.
    venue: Venue | None
    #: Topic ids.
    topics: tuple[str, ...]
    #: What was asked or answered, in our words.
    context: str
    #: People or groups the quotation is about.
    subject_ids: tuple[str, ...]
    #: When the words are reported inside another speaker's quotation: that speaker.
    reported_by_id: str | None
    #: The fields whose values are inferences, not statements of the article (e.g.
    #: ``("episode",)`` when the part is inferred from what the review covers;
    #: ``speaker_id`` whenever there is no cue).
    inferred: tuple[str, ...]

    @property
    def spans(self) -> tuple[Span, ...]:
        """Every place the quotation is printed, first occurrence first.

        >>> q = Quote(id="q", text="x", speaker_id="p", addressee_id=None, article_id="a",
        ...           span=Span(start=5, end=6), other_spans=(Span(start=9, end=10),),
        ...           cue=None, mode=QuoteMode.DIRECT, kind=QuoteKind.FRAGMENT, episode=None,
        ...           venue=None, topics=(), context="c", subject_ids=(), reported_by_id=None,
        ...           inferred=("speaker_id",))
        >>> [s.start for s in q.spans]
        [5, 9]
        """
        return (self.span, *self.other_spans)

    def _host_cut(self) -> int:
        """How many trailing characters of ``text`` are the host sentence's (0 or 1)."""
        return 1 if self.text.endswith(_HOST_PUNCTUATION[self.kind]) else 0

    @property
    def clean_text(self) -> str:
        """The quotation without the host sentence's punctuation, which American style
        sets inside the closing mark: a trailing comma always goes, a trailing full stop
        goes for a ``partial`` or ``fragment`` quotation; ``?``, ``!``, dashes and ellipses
        stay (they are the speaker's). ``text`` stays verbatim.

        >>> import putin_interviews
        >>> ds = putin_interviews.dataset()
        >>> ds.quotes.get("lz-part-3-always-hope").clean_text
        'There is always hope'
        >>> ds.quotes.get("lz-part-1-hawk").clean_text
        'hawk'
        """
        cut = self._host_cut()
        return self.text[: len(self.text) - cut]

    @property
    def clean_span(self) -> Span:
        """Where :attr:`clean_text` is printed: ``span`` without the characters cut.

        >>> import putin_interviews
        >>> q = putin_interviews.dataset().quotes.get("lz-part-1-hawk")
        >>> q.span.length - q.clean_span.length
        1
        """
        return Span(start=self.span.start, end=self.span.end - self._host_cut())


@public
@validated
@attrs.frozen(kw_only=True)
@premade
class Critique:
    """An evaluative judgement an article makes or reports.

    >>> import putin_interviews
    >>> c = putin_interviews.get_critique("lz-part-1-stone-praised-ron-paul")
    >>> c.critic_id, c.target_id, c.stance.value
    ('stone', 'ron-paul', 'positive')
    """

    #: The critique's id.
    id: str
    #: The article that makes or reports the judgement.
    article_id: str
    #: Who judges: a person or group (``person``), the article's own voice (``article``),
    #: or unnamed people (``unnamed``).
    critic_kind: CriticKind
    #: The person or group who judges, where ``critic_kind`` is ``person``; else None.
    critic_id: str | None
    #: What is judged: a person or group, one episode, or the documentary as a whole.
    target_kind: TargetKind
    #: The person, group or episode judged; None for the documentary as a whole.
    target_id: str | None
    #: Whether the judgement is positive, negative or mixed.
    stance: Stance
    #: Topic ids: what is judged.
    topics: tuple[str, ...]
    #: The judgement, in our words.
    summary: str
    #: The quotations it rests on.
    quote_ids: tuple[str, ...]
    #: The part of the documentary judged or discussed; None where not known.
    episode: int | None
    #: Where the article makes or reports the judgement.
    spans: tuple[Span, ...]
    #: The fields whose values are inferences, not statements of the article.
    inferred: tuple[str, ...]


@public
@validated
@attrs.frozen(kw_only=True)
@premade
class DatasetInfo:
    """What the dataset is, its versions, sources, license and how to cite it.

    >>> import putin_interviews
    >>> putin_interviews.dataset().info.schema_version
    2
    """

    #: The version of the file format (:data:`putin_interviews.SCHEMA_VERSION`).
    schema_version: int
    #: The version of the data (``"2.0.0"``), which changes when records do.
    dataset_version: str
    #: The dataset's title.
    title: str
    #: Authors of the dataset, as they are to be cited.
    authors: tuple[str, ...]
    #: Year of this version of the dataset.
    year: int
    #: Where the dataset is published; None where it has no address.
    url: str | None
    #: What the dataset holds, in a few sentences.
    description: str
    #: One line per source article.
    sources: tuple[str, ...]
    #: The terms on which the code, the quotations and our summaries may be used.
    license: str
    #: How to cite the dataset, as plain text.
    citation: str


# The loader builds these records with the builders written ahead of time (:mod:`._made`).
bind_builders(globals())

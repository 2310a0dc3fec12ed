"""The enumerations of the record types: what kind of person, article, quotation,
judgement and venue a record is."""

from __future__ import annotations

import enum
from typing import Literal

from ._public import public

__all__ = [
    "ArticleKind",
    "CriticKind",
    "PersonKind",
    "QuoteKind",
    "QuoteMode",
    "RecordKind",
    "Stance",
    "TargetKind",
    "Venue",
]


#: The kind of a record, as search hits, messages and the ``kind`` of a search name it: one
#: for each table, in the dataset file's order.
RecordKind = Literal["person", "topic", "article", "episode", "quote", "critique"]


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
class QuoteMode(str, enum.Enum):
    """Whose words a :class:`Quote` gives, and how (after PARC 3.0's direct and indirect
    quotation).

    * ``direct``: the speaker's own words, in quotation marks;
    * ``scare``: a word the writer sets in quotation marks to keep its distance or to echo
      someone (Deadline's “abuse”, where Stone had said "abused"); the writer is the
      speaker, so ``speaker_id`` is None;
    * ``indirect``: reported speech, the article's paraphrase of what the speaker said,
      asked or claimed; ``text`` is the article's words.

    >>> QuoteMode("indirect") is QuoteMode.INDIRECT
    True
    """

    DIRECT = "direct"
    SCARE = "scare"
    INDIRECT = "indirect"


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

"""Module-level shortcuts: the same calls as on a Dataset, run on the bundled dataset
(the table shortcuts, lookups and search, :func:`cite` and :func:`bibliography`).

Each shortcut takes exactly the parameters of the method it stands for (typed through
``ParamSpec``), so ``putin_interviews.quotes(speaker="putin")`` is
``putin_interviews.dataset().quotes.filter(speaker="putin")``.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from typing import Concatenate, ParamSpec, TypeVar

from ._cite import Citable, Form, Markup, Style, bibliography_with, cite_with
from ._dataset import Dataset
from ._errors import argument
from ._load import dataset
from ._printed import Critiques, Quotes
from ._public import public
from ._tables import Articles, Episodes, People, Topics

__all__ = [
    "articles",
    "bibliography",
    "cite",
    "critiques",
    "did_you_mean",
    "episodes",
    "get_article",
    "get_critique",
    "get_episode",
    "get_person",
    "get_quote",
    "get_topic",
    "people",
    "quotes",
    "search",
    "topics",
]

P = ParamSpec("P")
S = TypeVar("S")
T = TypeVar("T")


def _on_bundled(
    method: Callable[Concatenate[S, P], T], owner: Callable[[Dataset], S], name: str, doc: str
) -> Callable[P, T]:
    def shortcut(*args: P.args, **kwargs: P.kwargs) -> T:
        return method(owner(dataset()), *args, **kwargs)

    shortcut.__name__ = shortcut.__qualname__ = name
    shortcut.__doc__ = doc
    public(shortcut)
    # inspect.signature (notebooks, help(), the API docs) shows the method's own parameters.
    signature = inspect.signature(method)
    shortcut.__signature__ = signature.replace(parameters=list(signature.parameters.values())[1:])  # type: ignore[attr-defined]
    return shortcut


def _itself(ds: Dataset) -> Dataset:
    return ds


people = _on_bundled(
    People.filter,
    lambda ds: ds.people,
    "people",
    """People and groups of the bundled dataset matching every criterion given.

    See :meth:`People.filter`.

    >>> import putin_interviews
    >>> len(putin_interviews.people())
    18
    """,
)
topics = _on_bundled(
    Topics.filter,
    lambda ds: ds.topics,
    "topics",
    """The topic vocabulary of the bundled dataset (see :meth:`Topics.filter`).

    >>> import putin_interviews
    >>> putin_interviews.topics().get("ukraine-and-crimea").label
    'Ukraine and Crimea'
    """,
)
articles = _on_bundled(
    Articles.filter,
    lambda ds: ds.articles,
    "articles",
    """Articles of the bundled dataset matching every criterion given.

    See :meth:`Articles.filter`.

    >>> import putin_interviews
    >>> [a.id for a in putin_interviews.articles(outlet="Deadline")]
    ['deadline-colbert']
    """,
)
episodes = _on_bundled(
    Episodes.filter,
    lambda ds: ds.episodes,
    "episodes",
    """Episodes of the bundled dataset matching every criterion given.

    See :meth:`Episodes.filter`.

    >>> import putin_interviews
    >>> [e.title for e in putin_interviews.episodes(topic="election-interference")]
    ['Part 4']
    """,
)
quotes = _on_bundled(
    Quotes.filter,
    lambda ds: ds.quotes,
    "quotes",
    """Quotations of the bundled dataset matching every criterion given.

    See :meth:`Quotes.filter` for the criteria.

    >>> import putin_interviews
    >>> len(putin_interviews.quotes(speaker="putin", episode=1, mode="direct"))
    8
    >>> putin_interviews.quotes(speaker="Putin", text="DETENTE")
    Quotes: 0 quotes
    """,
)
critiques = _on_bundled(
    Critiques.filter,
    lambda ds: ds.critiques,
    "critiques",
    """Critiques of the bundled dataset matching every criterion given.

    See :meth:`Critiques.filter` for the criteria.

    >>> import putin_interviews
    >>> [c.id for c in putin_interviews.critiques(target="documentary", critic="unnamed")]
    ['deadline-colbert-fawning-interview']
    """,
)
get_person = _on_bundled(
    Dataset.get_person,
    _itself,
    "get_person",
    """A person or group of the bundled dataset by id, name, surname or alias.

    >>> import putin_interviews
    >>> putin_interviews.get_person("vladimir putin").id
    'putin'
    """,
)
get_topic = _on_bundled(
    Dataset.get_topic,
    _itself,
    "get_topic",
    """A topic of the bundled dataset by id or label.

    >>> import putin_interviews
    >>> putin_interviews.get_topic("Ukraine and Crimea").id
    'ukraine-and-crimea'
    """,
)
get_article = _on_bundled(
    Dataset.get_article,
    _itself,
    "get_article",
    """An article of the bundled dataset by id.

    >>> import putin_interviews
    >>> putin_interviews.get_article("lz-part-3").title is None
    True
    """,
)
get_episode = _on_bundled(
    Dataset.get_episode,
    _itself,
    "get_episode",
    """An episode of the bundled dataset by number, id or title.

    >>> import putin_interviews
    >>> str(putin_interviews.get_episode(4).air_date)
    '2017-06-15'
    """,
)
get_quote = _on_bundled(
    Dataset.get_quote,
    _itself,
    "get_quote",
    """A quotation of the bundled dataset by id.

    >>> import putin_interviews
    >>> putin_interviews.get_quote("lz-part-1-hawk").text
    'hawk.'
    """,
)
get_critique = _on_bundled(
    Dataset.get_critique,
    _itself,
    "get_critique",
    """A critique of the bundled dataset by id.

    >>> import putin_interviews
    >>> putin_interviews.get_critique("deadline-colbert-no-followup-critique").critic_id
    'colbert'
    """,
)
search = _on_bundled(
    Dataset.search,
    _itself,
    "search",
    """Full-text search over the bundled dataset; see :meth:`Dataset.search`.

    >>> import putin_interviews
    >>> [h.record.id for h in putin_interviews.search("al qaida", kind="quote")]
    ['lz-part-1-blamed-us-al-qaida', 'lz-part-1-al-qaida-result', 'lz-part-1-afghanistan']
    """,
)
did_you_mean = _on_bundled(
    Dataset.did_you_mean,
    _itself,
    "did_you_mean",
    """A search query with its slips corrected, over the bundled dataset; see
    :meth:`Dataset.did_you_mean`.

    >>> import putin_interviews
    >>> putin_interviews.did_you_mean("vladmir putn")
    'vladimir putin'
    """,
)

# The bundled dataset, for the two functions whose parameter is named ``dataset``.
_bundled = dataset


def _resolving(given: object) -> Dataset:
    """The dataset a citation's records are resolved in: ``given``, or the bundled one."""
    if given is None:
        return _bundled()
    argument(given, "dataset", Dataset, "a Dataset or None")
    assert isinstance(given, Dataset)
    return given


@public
def cite(
    record: Citable,
    style: Style = "apa",
    form: Form = "reference",
    markup: Markup = "text",
    *,
    among: Iterable[Citable] | None = None,
    dataset: Dataset | None = None,
) -> str:
    """Format a citation of ``record``: an Article, Episode, Quote, Critique or a Dataset.

    ``style``: ``apa`` (APA 7), ``mla`` (MLA 9), ``chicago`` (Chicago 17 author-date),
    ``chicago-note`` (Chicago 17 notes and bibliography), or the machine formats
    ``bibtex`` (biblatex), ``ris`` and ``csl-json``. ``form``: ``reference`` (the entry of a
    reference list, works-cited list or bibliography), ``in-text`` (parenthetical) and
    ``narrative``; for ``chicago-note``, ``note``, ``short-note`` and ``reference``.
    ``markup``: ``text``, ``html`` (italics as ``<i>``, everything escaped) or
    ``markdown``. A quotation is cited as quoted in its article (a secondary source); a
    critique cites its article. Records are resolved in ``dataset`` (default: the bundled
    one). A value outside these choices is a :class:`ChoiceError`.

    Year letters (2017a, n.d.-b; APA 9.47, CMOS 15.19) tell apart the works of one name
    and year *in a reference list*, so a citation alone has none. ``among`` gives the
    records of the reference list (as passed to :func:`bibliography`, which must include
    ``record``'s work): the citation then has the letter its work has there.

    >>> import putin_interviews as pi
    >>> print(pi.cite(pi.get_article("lz-part-3"), style="apa"))
    [Review of Part 3 of The Putin Interviews]. (n.d.). LifeZette. http://www.lifezette.com/popzette/oliver-stone-putting-megyn-kelly-to-shame/amp/
    >>> print(pi.cite(pi.get_quote("lz-part-3-always-hope"), style="mla", form="in-text"))
    (qtd. in Review of Part 3)
    >>> print(pi.cite(pi.get_episode(1), style="chicago-note", form="note", markup="markdown"))
    *The Putin Interviews*, “Part 1,” directed by Oliver Stone, aired June 12, 2017, on Showtime.
    >>> print(pi.cite(pi.get_episode(2), style="apa", form="in-text"))
    (Stone, 2017)
    >>> works = [pi.get_episode(2), pi.get_episode(3)]
    >>> print(pi.cite(pi.get_episode(2), style="apa", form="in-text", among=works))
    (Stone, 2017a)
    """
    return cite_with(_resolving(dataset), record, style, form, markup, among)


@public
def bibliography(
    records: Iterable[Citable], style: Style = "apa", markup: Markup = "text", *, dataset: Dataset | None = None
) -> list[str]:
    """Reference-list entries for ``records``, one per work cited, sorted as the style sorts.
    Year letters are assigned among these entries only (a work alone in its name and year
    has none); :func:`cite` with ``among=records`` gives in-text citations that agree.

    >>> import putin_interviews as pi
    >>> for entry in pi.bibliography(pi.quotes(speaker="putin"), style="mla"):
    ...     print(entry[:60])
    Report on Stone’s appearance on The Late Show with Stephen C
    Review of Part 3 of The Putin Interviews. LifeZette, www.lif
    “Vladimir Putin Opens Up to Oliver Stone about America, al-Q
    >>> works = [pi.get_episode(3), pi.get_episode(2)]
    >>> for entry in pi.bibliography(works, style="apa"):
    ...     print(entry[:40])
    Stone, O. (Director). (2017a, June 13).
    Stone, O. (Director). (2017b, June 14).
    """
    return bibliography_with(_resolving(dataset), records, style, markup)

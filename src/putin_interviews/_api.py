"""Module-level shortcuts: the same calls as on a Dataset, run on the bundled dataset.

Each shortcut takes exactly the parameters of the method it stands for (typed through
``ParamSpec``), so ``putin_interviews.quotes(speaker="putin")`` is
``putin_interviews.dataset().quotes.filter(speaker="putin")``.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from ._dataset import Dataset, dataset
from ._tables import Articles, Critiques, Episodes, People, Quotes

__all__ = [
    "articles",
    "critiques",
    "episodes",
    "get_article",
    "get_critique",
    "get_episode",
    "get_person",
    "get_quote",
    "people",
    "quotes",
    "search",
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
    12
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
    >>> [e.title for e in putin_interviews.episodes(topic="hacking")]
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
    >>> len(putin_interviews.quotes(speaker="putin", episode=1))
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
    >>> putin_interviews.get_critique("deadline-colbert-no-followup").critic_id
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
    ['lz-part-1-al-qaida-result', 'lz-part-1-afghanistan']
    """,
)

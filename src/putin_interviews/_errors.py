"""The exceptions users can catch, and the one "did you mean" of the package."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ._limits import MAX_ID_LENGTH, MAX_PROBLEMS
from ._made import premade
from ._public import public

__all__ = ["ChoiceError", "DatasetError", "NotFoundError", "Problem", "argument", "did_you_mean", "shown", "suggest"]


@public
@attrs.frozen
@premade
class Problem:
    """One thing wrong with a dataset file: where (a JSON path) and what.

    >>> str(Problem("$.quotes[3].speaker_id", "unknown person 'putn'"))
    "$.quotes[3].speaker_id: unknown person 'putn'"
    """

    #: JSON path of the offending value, e.g. ``$.quotes[12].span.end``.
    path: str
    #: What is wrong, naming the offending record's id where there is one.
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@public
class DatasetError(ValueError):
    """A dataset file or value cannot be loaded; ``problems`` lists every reason.

    The message lists each problem on its own line, with its JSON path: at most
    ``MAX_PROBLEMS`` (100) of them, and ``more`` counts the others.

    >>> import putin_interviews
    >>> try:
    ...     putin_interviews.loads('{"info": 1}')
    ... except putin_interviews.DatasetError as e:
    ...     print(e.problems[0].path)
    $.info
    """

    def __init__(self, problems: list[Problem] | tuple[Problem, ...], source: str | None = None, more: int = 0) -> None:
        listed = tuple(problems)
        self.problems: tuple[Problem, ...] = listed[:MAX_PROBLEMS]
        #: How many problems there are beyond those listed.
        self.more = more + len(listed) - len(self.problems)
        self.source = source
        where = f" {source}" if source else ""
        count = len(self.problems) + self.more
        head = f"invalid dataset{where}: {count} problem{'s' if count != 1 else ''}"
        tail = [f"  … and {self.more} more"] if self.more else []
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems), *tail]))

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from what it was made of (the default would pass the message as problems).
        return type(self), (self.problems, self.source, self.more)


@public
class NotFoundError(KeyError):
    """No record (or filter value) matches a key. A ``KeyError``, hence a ``LookupError``.

    ``suggestions`` holds the closest existing ids or values; the message names them.

    >>> import putin_interviews
    >>> try:
    ...     putin_interviews.get_person("putn")
    ... except LookupError as e:
    ...     print(e)
    ...     print(e.suggestions)
    no person 'putn'; did you mean 'putin'?
    ('putin',)
    """

    def __init__(self, kind: str, key: object, suggestions: Iterable[str] = ()):
        self.kind = kind
        self.key = key
        self.suggestions = tuple(dict.fromkeys(suggestions))
        super().__init__(key)

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), (self.kind, self.key, self.suggestions)

    def __str__(self) -> str:
        return f"no {self.kind} {shown(self.key)}{did_you_mean(self.suggestions)}"


@public
class ChoiceError(NotFoundError, ValueError):
    """A value outside a fixed set of choices (a stance, a quotation kind, a citation style,
    a search kind): a ``ValueError``, and a :class:`NotFoundError` with ``suggestions``.

    >>> import putin_interviews
    >>> try:
    ...     putin_interviews.critiques(stance="postive")
    ... except ValueError as e:
    ...     print(e, e.suggestions)
    no stance 'postive'; did you mean 'positive'? ('positive',)
    """


def argument(value: object, parameter: str, expected: type | tuple[type, ...], what: str) -> None:
    """Raise a TypeError naming ``parameter`` unless ``value`` is an instance of ``expected``
    (``what`` says it in words); a bool is not an int.

    >>> argument(5, "query", str, "a string")
    Traceback (most recent call last):
    ...
    TypeError: query must be a string, not int 5
    """
    if not isinstance(value, expected) or (isinstance(value, bool) and bool not in _types(expected)):
        raise TypeError(f"{parameter} must be {what}, not {type(value).__name__} {shown(value)}")


def _types(expected: type | tuple[type, ...]) -> tuple[type, ...]:
    return expected if isinstance(expected, tuple) else (expected,)


def suggest(
    key: object,
    candidates: Iterable[str] | Mapping[str, str],
    n: int = 3,
    cutoff: float = 0.5,
    *,
    fold: bool = True,
) -> tuple[str, ...]:
    """Up to ``n`` candidates close to ``key`` after normalisation (case, accents and
    punctuation ignored; compared as they are with ``fold=False``, for names where case
    counts, such as JSON keys): similar enough (ratio ``cutoff`` or more) and nearly as close as the best
    (within 0.1 of it), best first, ties in alphabetical order. A mapping's keys are matched
    and its values suggested (names matched, ids suggested).

    >>> suggest("Putn", ["putin", "stone", "kelly"])
    ('putin',)
    >>> suggest("Vladimir", {"Vladimir Putin": "putin", "Oliver Stone": "stone"})
    ('putin',)
    """
    if len(str(key)) > _LONGEST_KEY:
        return ()  # nothing is close to it, and comparing would take long
    import difflib  # here: a miss needs it, the first use of the data does not

    from ._fold import normalize

    pairs = candidates.items() if isinstance(candidates, Mapping) else ((c, c) for c in candidates)
    prepare = normalize if fold else str
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(prepare(str(key)))
    scored: dict[str, float] = {}
    for text, suggestion in pairs:
        matcher.set_seq1(prepare(text))
        if matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff:
            ratio = matcher.ratio()
            if ratio >= cutoff and ratio > scored.get(suggestion, 0.0):
                scored[suggestion] = ratio
    if not scored:
        return ()
    best = max(scored.values())
    ranked = sorted((s for s, r in scored.items() if r >= best - 0.1), key=lambda s: (-scored[s], s))
    return tuple(ranked[:n])


# Keys longer than this get no suggestions (the comparison costs their length squared).
_LONGEST_KEY = 5 * MAX_ID_LENGTH


def shown(value: object, width: int = 60) -> str:
    """``repr(value)``, cut to ``width`` characters for a message.

    >>> shown("putin")
    "'putin'"
    >>> shown("x" * 100, width=12)
    "'xxxxxxxxxx…"
    """
    text = repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def did_you_mean(suggestions: Iterable[str]) -> str:
    """The hint a message ends with: ``"; did you mean 'a', 'b'?"``, or nothing.

    >>> did_you_mean(["putin"])
    "; did you mean 'putin'?"
    >>> did_you_mean([])
    ''
    """
    names = ", ".join(repr(s) for s in suggestions)
    return f"; did you mean {names}?" if names else ""

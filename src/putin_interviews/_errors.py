"""The exceptions users can catch."""

from __future__ import annotations

import attrs

__all__ = ["DatasetError", "NotFoundError", "Problem"]


@attrs.frozen
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


class DatasetError(ValueError):
    """A dataset file or value cannot be loaded; ``problems`` lists every reason.

    The message lists each problem on its own line, with its JSON path.

    >>> import putin_interviews
    >>> try:
    ...     putin_interviews.loads('{"info": 1}')
    ... except putin_interviews.DatasetError as e:
    ...     print(e.problems[0].path)
    $.info
    """

    def __init__(self, problems: list[Problem] | tuple[Problem, ...], source: str | None = None):
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        where = f" {source}" if source else ""
        count = len(self.problems)
        head = f"invalid dataset{where}: {count} problem{'s' if count != 1 else ''}"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))


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

    def __init__(self, kind: str, key: object, suggestions: tuple[str, ...] = ()):
        self.kind = kind
        self.key = key
        self.suggestions = tuple(dict.fromkeys(suggestions))
        super().__init__(key)

    def __str__(self) -> str:
        hint = ""
        if self.suggestions:
            hint = "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        return f"no {self.kind} {self.key!r}{hint}"

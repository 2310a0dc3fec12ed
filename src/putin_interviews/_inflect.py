"""English inflection folded for search: a plural (or a verb's ``-s``) matches its base form.

Search compares words after :func:`._search.tokens` has folded case, accents and
apostrophes; this module then takes each word to the form it is indexed and queried under,
so that ``women`` finds ``woman`` and ``bad day`` finds ``bad days``. It folds only the
``-s`` endings and a short list of irregular plurals, not tense or derivation: a full
stemmer (Porter's, Snowball's) also joins ``polite`` with ``political``, ``nature`` with
``natural`` and ``it`` with ``its``, which a search of quotations must keep apart (see
the search guide for the comparison measured on the bundled data).

The rules, in order, for a word of at least four letters (shorter ones are kept):

* an irregular plural takes its singular (``women`` → ``woman``);
* a word that only looks plural is kept (``news``, ``always``, ``texas``);
* ``-ss``, ``-us``, ``-is``, ``-series`` are kept (``press``, ``status``, ``crisis``);
* ``-ies`` becomes ``-y`` (``countries`` → ``country``);
* ``-sses``, ``-ches``, ``-shes``, ``-xes``, ``-zzes`` lose ``-es`` (``wishes`` → ``wish``),
  as do ``-oes`` words of six letters or more (``echoes`` → ``echo``);
* otherwise a final ``-s`` goes (``days`` → ``day``, ``changes`` → ``change``).
"""

from __future__ import annotations

__all__ = ["base_form"]

_IRREGULAR = {
    "men": "man",
    "women": "woman",
    "children": "child",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
    "lives": "life",
    "wives": "wife",
    "knives": "knife",
    "halves": "half",
    "crises": "crisis",
    "analyses": "analysis",
    "theses": "thesis",
    "criteria": "criterion",
    "phenomena": "phenomenon",
    "goes": "go",
    "does": "do",
    "movies": "movie",
    "cookies": "cookie",
    "rookies": "rookie",
    "zombies": "zombie",
}

# Words of four letters or more that end in -s but are not a plural or a verb's -s.
_NOT_PLURAL = frozenset(
    {
        *("always", "perhaps", "news", "series", "species", "whereas", "unless", "less", "thus", "this", "yes"),
        *("politics", "economics", "physics", "mathematics", "ethics", "athletics"),
        *("across", "besides", "sometimes", "afterwards", "texas", "soros"),
    }
)

_DROP_ES = ("sses", "ches", "shes", "xes", "zzes")
_KEEP_ENDINGS = ("ss", "us", "is", "series", "species")


def _base(word: str) -> str:
    if len(word) < 4 or (not word.endswith("s") and word not in _IRREGULAR):
        return word
    irregular = _IRREGULAR.get(word)
    if irregular is not None:
        return irregular
    if word in _NOT_PLURAL or word.endswith(_KEEP_ENDINGS):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(_DROP_ES) or (word.endswith("oes") and len(word) >= 6):
        return word[:-2]
    return word[:-1]


class _Cache(dict[str, str]):
    """Word → base form, worked out once per word."""

    def __missing__(self, word: str) -> str:
        base = _base(word)
        if len(self) < 1 << 20:  # a bound, for a stream of ever new words
            self[word] = base
        return base


_CACHE = _Cache()


def base_form(word: str) -> str:
    """The form a folded word is indexed and searched under.

    >>> [base_form(w) for w in ["women", "days", "countries", "wishes", "echoes", "press", "news", "its"]]
    ['woman', 'day', 'country', 'wish', 'echo', 'press', 'news', 'its']
    """
    return _CACHE[word]

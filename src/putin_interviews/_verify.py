"""Verification of a dataset against copies of its source articles.

The package does not ship the articles' text. With a copy of them, every span can be checked:
the file's hash and length, and every place a record points to.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ._dataset import Dataset
from ._errors import Problem, argument, shown
from ._load import dataset as bundled
from ._models import Span
from ._public import public

__all__ = ["verify"]


def _read(directory: Path, name: str) -> tuple[bytes | None, str]:
    """The file's bytes, or None and why not."""
    path = directory / name
    try:
        return path.read_bytes(), ""
    except FileNotFoundError:
        return None, f"no file {name!r} in {directory}"
    except OSError as exc:
        return None, f"cannot read {path}: {exc.strerror or type(exc).__name__}"


@public
def verify(sources: str | os.PathLike[str], dataset: Dataset | None = None) -> list[Problem]:
    """Check ``dataset`` (default: the bundled one) against the source articles in the
    directory ``sources``; return every problem, with its JSON path (empty when all is well).

    For each article, its file (``Article.source_file``) must exist and have the recorded
    SHA-256 and length in characters (UTF-8, read as it is). Then every quotation's spans
    (``span`` and ``other_spans``) must hold exactly its text; its ``cue`` must cover whole
    words of the text outside the quotation; every critique span and claim span must lie
    inside the text and cover something. An article whose file differs
    has its spans left unchecked: the problem is the file.

    >>> import pathlib, tempfile, putin_interviews
    >>> with tempfile.TemporaryDirectory() as empty:
    ...     problems = putin_interviews.verify(empty)
    >>> [p.path for p in problems]
    ['$.articles[0].source_file', '$.articles[1].source_file', '$.articles[2].source_file']
    """
    argument(sources, "sources", (str, os.PathLike), "a directory (str or os.PathLike)")
    ds = bundled() if dataset is None else dataset
    argument(ds, "dataset", Dataset, "a Dataset or None")
    directory = Path(sources)
    if not directory.is_dir():
        raise NotADirectoryError(f"sources must be a directory of the source articles: {directory} is not one")
    problems: list[Problem] = []
    texts: dict[str, str] = {}
    for i, article in enumerate(ds.articles):
        at = f"$.articles[{i}]"
        data, why = _read(directory, article.source_file)
        if data is None:
            problems.append(Problem(f"{at}.source_file", why))
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest != article.text_sha256:
            problems.append(
                Problem(f"{at}.text_sha256", f"{article.source_file} has SHA-256 {digest}; its spans are not checked")
            )
            continue
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            problems.append(Problem(f"{at}.source_file", f"{article.source_file} is not UTF-8 (byte {exc.start})"))
            continue
        if len(text) != article.text_length:
            problems.append(Problem(f"{at}.text_length", f"{article.source_file} has {len(text)} characters"))
            continue
        texts[article.id] = text
        for j, claim in enumerate(article.claims):
            problems += _covers(text, claim.span, f"{at}.claims[{j}].span", f"article {article.id!r}")
    for i, quote in enumerate(ds.quotes):
        if quote.article_id not in texts:
            continue
        text = texts[quote.article_id]
        owner = f"quote {quote.id!r}"
        for path, span in [(f"$.quotes[{i}].span", quote.span)] + [
            (f"$.quotes[{i}].other_spans[{j}]", s) for j, s in enumerate(quote.other_spans)
        ]:
            found = text[span.start : span.end]
            if found != quote.text:
                problems.append(Problem(path, f"the source has {shown(found)} there, not the quotation ({owner})"))
        if quote.cue is not None:
            problems += _cue_problems(text, quote.cue, quote.spans, f"$.quotes[{i}].cue", owner)
    for i, critique in enumerate(ds.critiques):
        for j, span in enumerate(critique.spans if critique.article_id in texts else ()):
            problems += _covers(
                texts[critique.article_id], span, f"$.critiques[{i}].spans[{j}]", f"critique {critique.id!r}"
            )
    return problems


def _cue_problems(text: str, cue: Span, spans: tuple[Span, ...], path: str, owner: str) -> list[Problem]:
    """A cue covers whole words (no space at either end, no word cut) and none of the
    quotation's own characters (``spans``)."""
    found = _covers(text, cue, path, owner)
    if found:
        return found
    words = text[cue.start : cue.end]
    cut = (cue.start > 0 and text[cue.start - 1].isalnum() and text[cue.start].isalnum()) or (
        cue.end < len(text) and text[cue.end - 1].isalnum() and text[cue.end].isalnum()
    )
    if cut or words != words.strip():
        return [Problem(path, f"the cue {shown(words)} does not begin and end on whole words ({owner})")]
    if any(cue.start < s.end and s.start < cue.end for s in spans):
        return [Problem(path, f"the cue {shown(words)} overlaps the quotation ({owner})")]
    return []


def _covers(text: str, span: Span, path: str, owner: str) -> list[Problem]:
    """A problem when ``span`` does not cover a part of ``text``."""
    if not 0 <= span.start < span.end <= len(text):
        return [
            Problem(path, f"span {span.start}-{span.end} covers nothing of the text ({len(text)} characters) ({owner})")
        ]
    return []

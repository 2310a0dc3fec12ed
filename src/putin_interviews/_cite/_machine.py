"""Machine-readable citations: biblatex (BibTeX syntax), RIS and CSL-JSON (CSL 1.0.2).

Quotations and critiques are cited through the article they are printed in, so their
machine-readable entry is the article's. Keys and ids are the records' own ids: stable
across releases (a BibTeX key keeps only letters, digits and ``_.:-``: an id with any other
character becomes those characters and a hash of the id, see :func:`_bib_key`).

No value can break out of its BibTeX field: LaTeX specials are escaped, a brace without its
partner is written as a command (``\\textbraceright{}``) so the braces balance whether or not a
parser honours backslashes (BibTeX itself does not), and a URL's braces, backslashes and
control characters are percent-encoded. RIS values are folded onto their tag's line.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from ._rich import Name
from ._work import Work

_BIBTEX_SPECIAL = re.compile(r"([\\{}%&$#_^~])")
_BIBTEX_REPLACEMENTS = {"\\": r"\textbackslash{}", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}"}
_UNPAIRED_BRACES = {"{": r"\textbraceleft{}", "}": r"\textbraceright{}"}
# Not URL characters (RFC 3986), and able to end or unbalance a verbatim url field.
_URL_UNSAFE = re.compile(r"[{}\\\x00-\x1f\x7f]")
_KEY_UNSAFE = re.compile(r"[^A-Za-z0-9_.:-]+")


def _unpaired(text: str) -> set[int]:
    """Positions of the braces of ``text`` that have no partner."""
    opened: list[int] = []
    alone: set[int] = set()
    for i, char in enumerate(text):
        if char == "{":
            opened.append(i)
        elif char == "}":
            if opened:
                opened.pop()
            else:
                alone.add(i)
    return alone.union(opened)


def _bib_value(text: str) -> str:
    """Escape LaTeX specials; UTF-8 characters are kept as they are (biblatex with biber).

    Paired braces become ``\\{`` and ``\\}``; one without its partner becomes
    ``\\textbraceleft{}`` or ``\\textbraceright{}``, so the value's braces balance however
    they are counted.

    >>> print(_bib_value("{AT&T} }, author = {x"))
    \\{AT\\&T\\} \\textbraceright{}, author = \\textbraceleft{}x
    """
    alone = _unpaired(text)

    def escape(match: re.Match[str]) -> str:
        char = match.group(1)
        if match.start() in alone:
            return _UNPAIRED_BRACES[char]
        return _BIBTEX_REPLACEMENTS.get(char, "\\" + char)

    return " ".join(_BIBTEX_SPECIAL.sub(escape, text).split())


def _bib_url(url: str) -> str:
    """A URL for biblatex's verbatim ``url`` field, which nothing can escape in: braces,
    backslashes and control characters percent-encoded (the same address: they are not URL
    characters).

    >>> _bib_url("http://x/}, author = {y}")
    'http://x/%7D, author = %7By%7D'
    """
    return _URL_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), url)


def _bib_key(key: str) -> str:
    """``key`` when it is only letters, digits and ``_.:-``; otherwise those characters (runs
    of others made "-") and the first 8 hex digits of the id's SHA-256, so distinct ids keep
    distinct keys.

    >>> _bib_key("lz-part-1")
    'lz-part-1'
    >>> _bib_key("a, b}")
    'a-b-0190bedd'
    """
    if not _KEY_UNSAFE.search(key):
        return key
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]
    stem = _KEY_UNSAFE.sub("-", key).strip("-")
    return f"{stem}-{digest}" if stem else digest


def _bib_name(name: Name) -> str:
    # A literal (group) name is braced so biber does not split it into given and family names.
    return (
        "{" + _bib_value(name.family) + "}" if name.literal else f"{_bib_value(name.family)}, {_bib_value(name.given)}"
    )


def _description(work: Work) -> str:
    return f"[{work.label.text}]"


def bibtex(work: Work) -> str:
    fields: list[tuple[str, str]] = []
    if work.kind == "article":
        entry = "online"
        if work.authors:
            fields.append(("author", " and ".join(_bib_name(n) for n in work.authors)))
        fields.append(("title", work.title if work.title is not None else _description(work)))
        fields.append(("organization", work.container or ""))
        if work.date:
            fields.append(("date", work.date.isoformat()))
        if work.url:
            fields.append(("url", work.url))
        if work.review:
            fields.append(("type", "review"))
        if not work.date:
            fields.append(("note", "Publication date not known"))
    elif work.kind == "episode":
        entry = "video"
        if work.director:
            fields += [("editor", _bib_name(work.director)), ("editortype", "director")]
        fields += [("title", work.title or ""), ("maintitle", work.container or "")]
        if work.number is not None:
            fields.append(("number", str(work.number)))
        if work.network:
            fields.append(("organization", work.network))
        if work.date:
            fields.append(("date", work.date.isoformat()))
        fields.append(("type", "TV series episode"))
    else:
        entry = "misc"
        fields += [
            ("author", " and ".join(_bib_name(n) for n in work.authors)),
            ("title", work.title or ""),
            ("version", work.version or ""),
            ("date", work.year_text),
            ("howpublished", work.medium or ""),
        ]
        if work.url:
            fields.append(("url", work.url))
    lines = [f"@{entry}{{{_bib_key(work.key)},"]
    for name, value in fields:
        # Names are escaped as they are built; a URL is verbatim (biblatex reads it so).
        shown = _bib_url(value) if name == "url" else value if name in ("author", "editor") else _bib_value(value)
        lines.append(f"  {name} = {{{shown}}},")
    lines.append("}")
    return "\n".join(lines)


def _ris_name(name: Name) -> str:
    return name.family if name.literal else f"{name.family}, {name.given}"


def ris(work: Work) -> str:
    tags: list[tuple[str, str]] = []
    if work.kind == "article":
        tags.append(("TY", "NEWS"))
        tags += [("AU", _ris_name(n)) for n in work.authors]
        tags.append(("TI", work.title if work.title is not None else _description(work)))
        tags.append(("T2", work.container or ""))
        if work.date:
            tags += [("PY", str(work.date.year)), ("DA", work.date.strftime("%Y/%m/%d"))]
        if work.url:
            tags.append(("UR", work.url))
        if work.review:
            tags.append(("M3", "Review"))
    elif work.kind == "episode":
        tags.append(("TY", "VIDEO"))
        if work.director:
            tags.append(("AU", _ris_name(work.director)))
        tags += [("TI", work.title or ""), ("T2", work.container or "")]
        if work.network:
            tags.append(("PB", work.network))
        if work.date:
            tags += [("PY", str(work.date.year)), ("DA", work.date.strftime("%Y/%m/%d"))]
        tags.append(("M3", "TV series episode"))
    else:
        tags.append(("TY", "DATA"))
        tags += [("AU", _ris_name(n)) for n in work.authors]
        tags += [("TI", work.title or ""), ("PY", work.year_text), ("ET", work.version or "")]
        tags.append(("M3", work.medium or ""))
        if work.url:
            tags.append(("UR", work.url))
    tags.append(("ID", work.key))
    lines = [f"{tag}  - {' '.join(value.split())}" for tag, value in tags if value]
    lines.append("ER  - ")
    return "\n".join(lines)


def _csl_name(name: Name) -> dict[str, str]:
    return {"literal": name.family} if name.literal else {"family": name.family, "given": name.given}


def csl_item(work: Work) -> dict[str, Any]:
    item: dict[str, Any] = {"id": work.key}
    if work.kind == "article":
        if work.review and work.reviewed:
            item["type"] = "review"
            item["reviewed-title"] = " and ".join(work.reviewed)
        else:
            item["type"] = "article-newspaper"
        if work.title is not None:
            item["title"] = work.title
        elif item["type"] != "review":
            item["title"] = _description(work)
        item["container-title"] = work.container or ""
        if work.authors:
            item["author"] = [_csl_name(n) for n in work.authors]
        if work.date:
            item["issued"] = {"date-parts": [[work.date.year, work.date.month, work.date.day]]}
        if work.url:
            item["URL"] = work.url
    elif work.kind == "episode":
        item.update({"type": "broadcast", "title": work.title or "", "container-title": work.container or ""})
        if work.director:
            item["director"] = [_csl_name(work.director)]
        if work.number is not None:
            item["number"] = work.number
        if work.network:
            item["publisher"] = work.network
        if work.date:
            item["issued"] = {"date-parts": [[work.date.year, work.date.month, work.date.day]]}
        item["genre"] = "TV series episode"
    else:
        item.update(
            {
                "type": "dataset",
                "title": work.title or "",
                "author": [_csl_name(n) for n in work.authors],
                "version": work.version or "",
                "medium": work.medium or "",
            }
        )
        if work.year is not None:
            item["issued"] = {"date-parts": [[work.year]]}
        if work.url:
            item["URL"] = work.url
    return item


def csl_json(work: Work) -> str:
    return json.dumps([csl_item(work)], ensure_ascii=False, indent=2)


MACHINE = {"bibtex": bibtex, "ris": ris, "csl-json": csl_json}

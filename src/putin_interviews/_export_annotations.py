"""The annotations export: the quotations, their cues and the critiques as W3C Web
Annotations (JSON-LD), one ``AnnotationCollection`` whose first page holds them all.

* Each annotation's ``target`` is its article: the article's URL where known, else
  ``urn:putin-interviews:article:<id>``; one target per place (a quotation printed twice,
  a critique made in two passages), each with a ``TextPositionSelector`` (``start``,
  ``end``: code points, Python ``str`` offsets, as the spans are) and, when the source
  texts are given, a ``TextQuoteSelector`` (``exact``, and 32 characters of ``prefix`` and
  ``suffix``).
* The ``body`` is a list of ``TextualBody`` resources: the speaker or critic
  (``identifying``), the mode, kind or stance (``classifying``, as ``mode: direct``), the
  topics (``tagging``), the context or summary (``describing``); a cue's body links to its
  quotation's annotation (``linking``).
* Ids are URNs: ``urn:putin-interviews:quote:<id>``, ``…:cue:<quote id>``,
  ``…:critique:<id>``, stable across releases as the record ids are.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

__all__ = ["CONTEXT", "QUOTE_CONTEXT", "annotation_collection", "read_sources"]

#: The JSON-LD context of the W3C Web Annotation Data Model.
CONTEXT = "http://www.w3.org/ns/anno.jsonld"
#: Characters of text before and after a quotation in a ``TextQuoteSelector``.
QUOTE_CONTEXT = 32
_URN = "urn:putin-interviews"

Raw = dict[str, Any]


def read_sources(raw: Raw, directory: str | os.PathLike[str]) -> dict[str, str]:
    """Each article's source text, by article id, from ``directory`` (``Article.source_file``
    read as UTF-8, as it is); a missing file or one whose SHA-256 differs from the recorded
    one is an error naming it."""
    folder = Path(directory)
    if not folder.is_dir():
        raise NotADirectoryError(f"sources must be a directory of the source articles: {folder} is not one")
    texts = {}
    for article in raw["articles"]:
        path = folder / article["source_file"]
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise FileNotFoundError(f"cannot read the source of {article['id']}: {path}: {exc.strerror}") from None
        if hashlib.sha256(data).hexdigest() != article["text_sha256"]:
            raise ValueError(f"{path} is not the source of {article['id']}: its SHA-256 differs from the recorded one")
        texts[article["id"]] = data.decode("utf-8")
    return texts


def _target(source: str, span: dict[str, int], text: str | None) -> dict[str, Any]:
    start, end = span["start"], span["end"]
    selectors: list[dict[str, Any]] = [{"type": "TextPositionSelector", "start": start, "end": end}]
    if text is not None:
        selectors.append(
            {
                "type": "TextQuoteSelector",
                "exact": text[start:end],
                "prefix": text[max(0, start - QUOTE_CONTEXT) : start],
                "suffix": text[end : end + QUOTE_CONTEXT],
            }
        )
    return {"type": "SpecificResource", "source": source, "selector": selectors}


#: How a body names a critic or target that is no person: by its kind.
_PARTIES = {
    "article": "the article itself",
    "unnamed": "unnamed people the article reports",
    "documentary": "the documentary as a whole",
    "episode": "a part of the documentary",
}


def _stated(name: str, value: str, inferred: bool) -> str:
    """A body's ``name: value``, marked when the value is the curators' inference rather
    than the article's statement (the record lists it in ``inferred``)."""
    return f"{name}: {value}" + (" (inferred)" if inferred else "")


def _body(purpose: str, value: str) -> dict[str, Any]:
    return {"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"}


def _annotations(raw: Raw, texts: dict[str, str]) -> list[dict[str, Any]]:
    people = {p["id"]: p["name"] for p in raw["people"]}
    names = {**people, **{e["id"]: e["title"] for e in raw["episodes"]}}
    sources = {a["id"]: a["url"] or f"{_URN}:article:{a['id']}" for a in raw["articles"]}
    out: list[dict[str, Any]] = []

    def targets(article: str, spans: list[dict[str, int]]) -> list[dict[str, Any]]:
        return [_target(sources[article], s, texts.get(article)) for s in spans]

    for q in raw["quotes"]:
        inferred = set(q["inferred"])
        speaker = people[q["speaker_id"]] if q["speaker_id"] else "none (the article's scare quote)"
        body = [_body("identifying", _stated("speaker", speaker, "speaker_id" in inferred))]
        if q["addressee_id"]:
            body.append(
                _body("identifying", _stated("addressee", people[q["addressee_id"]], "addressee_id" in inferred))
            )
        body += [_body("classifying", f"mode: {q['mode']}"), _body("classifying", f"kind: {q['kind']}")]
        body += [_body("tagging", topic) for topic in q["topics"]]
        body.append(_body("describing", q["context"]))
        quote_id = f"{_URN}:quote:{q['id']}"
        out.append(
            {
                "id": quote_id,
                "type": "Annotation",
                "motivation": "identifying",
                "body": body,
                "target": targets(q["article_id"], [q["span"], *q["other_spans"]]),
            }
        )
        if q["cue"] is not None:
            cue_body = [{"type": "SpecificResource", "purpose": "linking", "source": quote_id}, body[0]]
            out.append(
                {
                    "id": f"{_URN}:cue:{q['id']}",
                    "type": "Annotation",
                    "motivation": "linking",
                    "body": cue_body,
                    "target": targets(q["article_id"], [q["cue"]]),
                }
            )
    for c in raw["critiques"]:
        inferred = set(c["inferred"])
        critic = people[c["critic_id"]] if c["critic_id"] else _PARTIES[c["critic_kind"]]
        target = names[c["target_id"]] if c["target_id"] else _PARTIES[c["target_kind"]]
        body = [
            _body("identifying", _stated("critic", critic, "critic_id" in inferred)),
            _body("identifying", _stated("target", target, "target_id" in inferred or "target_kind" in inferred)),
            _body("classifying", _stated("stance", c["stance"], "stance" in inferred)),
        ]
        body += [_body("tagging", topic) for topic in c["topics"]]
        body.append(_body("describing", c["summary"]))
        out.append(
            {
                "id": f"{_URN}:critique:{c['id']}",
                "type": "Annotation",
                "motivation": "assessing",
                "body": body,
                "target": targets(c["article_id"], c["spans"]),
            }
        )
    return out


def annotation_collection(raw: Raw, sources: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """The dataset's quotations, cues and critiques as one W3C ``AnnotationCollection``;
    with ``sources`` (a directory of the source articles), each target also gets a
    ``TextQuoteSelector``.

    >>> import putin_interviews
    >>> c = annotation_collection(putin_interviews.dataset().to_dict())
    >>> c["type"], c["total"] == len(c["first"]["items"])
    ('AnnotationCollection', True)
    >>> c["first"]["items"][0]["target"][0]["selector"]
    [{'type': 'TextPositionSelector', 'start': 1, 'end': 51}]
    """
    texts = {} if sources is None else read_sources(raw, sources)
    items = _annotations(raw, texts)
    info = raw["info"]
    return {
        "@context": CONTEXT,
        "id": f"{_URN}:{info['dataset_version']}:annotations",
        "type": "AnnotationCollection",
        "label": info["title"],
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }

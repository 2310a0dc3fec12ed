"""The record builders, written ahead of time: do not edit.

Written by ``python -m putin_interviews._premake`` (:mod:`._build` says what a builder does);
:mod:`._made` makes them ready for the record types of the shapes they were written for.
"""

from typing import Any

from ._date import date
from ._kinds import ArticleKind, CriticKind, PersonKind, QuoteKind, QuoteMode, Stance, TargetKind, Venue

new = object.__new__
from_iso = date.fromisoformat
enum_PersonKind = {m.value: m for m in PersonKind}
enum_ArticleKind = {m.value: m for m in ArticleKind}
enum_QuoteMode = {m.value: m for m in QuoteMode}
enum_QuoteKind = {m.value: m for m in QuoteKind}
enum_Venue = {m.value: m for m in Venue}
enum_CriticKind = {m.value: m for m in CriticKind}
enum_TargetKind = {m.value: m for m in TargetKind}
enum_Stance = {m.value: m for m in Stance}


def for_DatasetInfo(DatasetInfo: Any, setters: tuple[Any, ...]) -> Any:
    (set_0, set_1, set_2, set_3, set_4, set_5, set_6, set_7, set_8, set_9) = setters

    def make_DatasetInfo(d: Any, intern: Any) -> Any:
        v0 = d["schema_version"]
        v1 = d["dataset_version"]
        v2 = d["title"]
        v3 = d["authors"]
        v3 = tuple(v3)
        v4 = d["year"]
        v5 = d["url"]
        v6 = d["description"]
        v7 = d["sources"]
        v7 = tuple(v7)
        v8 = d["license"]
        v9 = d["citation"]
        o = new(DatasetInfo)
        set_0(o, v0)
        set_1(o, v1)
        set_2(o, v2)
        set_3(o, v3)
        set_4(o, v4)
        set_5(o, v5)
        set_6(o, v6)
        set_7(o, v7)
        set_8(o, v8)
        set_9(o, v9)
        return o

    return make_DatasetInfo


def for_Basis(Basis: Any, setters: tuple[Any, ...]) -> Any:
    (set_0, set_1) = setters

    def make_Basis(d: Any, intern: Any) -> Any:
        v0 = d["field"]
        v0 = intern(v0, v0)
        v1 = d["note"]
        o = new(Basis)
        set_0(o, v0)
        set_1(o, v1)
        return o

    return make_Basis


def for_Person(Person: Any, setters: tuple[Any, ...], make_Basis: Any) -> Any:
    (set_0, set_1, set_2, set_3, set_4, set_5) = setters

    def make_Person(d: Any, intern: Any) -> Any:
        v0 = d["id"]
        v1 = d["name"]
        v2 = d["aliases"]
        v2 = tuple(v2)
        v3 = d["description"]
        v4 = d["kind"]
        v4 = enum_PersonKind[v4]
        v5 = d["basis"]
        v5 = tuple([make_Basis(x, intern) for x in v5]) if v5 else ()
        o = new(Person)
        set_0(o, v0)
        set_1(o, v1)
        set_2(o, v2)
        set_3(o, v3)
        set_4(o, v4)
        set_5(o, v5)
        return o

    return make_Person


def for_Topic(Topic: Any, setters: tuple[Any, ...]) -> Any:
    (set_0, set_1, set_2) = setters

    def make_Topic(d: Any, intern: Any) -> Any:
        v0 = d["id"]
        v1 = d["label"]
        v2 = d["definition"]
        o = new(Topic)
        set_0(o, v0)
        set_1(o, v1)
        set_2(o, v2)
        return o

    return make_Topic


def for_DateWindow(DateWindow: Any, setters: tuple[Any, ...]) -> Any:
    (set_0, set_1, set_2) = setters

    def make_DateWindow(d: Any, intern: Any) -> Any:
        v0 = d["earliest"]
        v0 = from_iso(v0)
        v1 = d["latest"]
        v1 = from_iso(v1)
        v2 = d["basis"]
        o = new(DateWindow)
        set_0(o, v0)
        set_1(o, v1)
        set_2(o, v2)
        return o

    return make_DateWindow


def for_Span(Span: Any, setters: tuple[Any, ...]) -> Any:
    (set_0, set_1) = setters

    def make_Span(d: Any, intern: Any) -> Any:
        v0 = d["start"]
        v1 = d["end"]
        o = new(Span)
        set_0(o, v0)
        set_1(o, v1)
        return o

    return make_Span


def for_Claim(Claim: Any, setters: tuple[Any, ...], make_Span: Any) -> Any:
    (set_0, set_1, set_2) = setters

    def make_Claim(d: Any, intern: Any) -> Any:
        v0 = d["topic"]
        v1 = d["value"]
        v2 = d["span"]
        v2 = make_Span(v2, intern)
        o = new(Claim)
        set_0(o, v0)
        set_1(o, v1)
        set_2(o, v2)
        return o

    return make_Claim


def for_Article(Article: Any, setters: tuple[Any, ...], make_DateWindow: Any, make_Claim: Any, make_Basis: Any) -> Any:
    (set_0, set_1, set_2, set_3, set_4, set_5, set_6, set_7, set_8, set_9, set_10, set_11, set_12,
     set_13, set_14, set_15, set_16) = setters

    def make_Article(d: Any, intern: Any) -> Any:
        v0 = d["id"]
        v1 = d["title"]
        v2 = d["label"]
        v3 = d["outlet"]
        v3 = intern(v3, v3)
        v4 = d["section"]
        if v4 is not None:
            v4 = intern(v4, v4)
        v5 = d["authors"]
        v5 = tuple(v5)
        v6 = d["published"]
        if v6 is not None:
            v6 = from_iso(v6)
        v7 = d["published_inferred"]
        if v7 is not None:
            v7 = make_DateWindow(v7, intern)
        v8 = d["url"]
        v9 = d["kind"]
        v9 = enum_ArticleKind[v9]
        v10 = d["episode_numbers"]
        v10 = tuple(v10)
        v11 = d["summary"]
        v12 = d["source_file"]
        v13 = d["text_sha256"]
        v14 = d["text_length"]
        v15 = d["claims"]
        v15 = tuple([make_Claim(x, intern) for x in v15]) if v15 else ()
        v16 = d["basis"]
        v16 = tuple([make_Basis(x, intern) for x in v16]) if v16 else ()
        o = new(Article)
        set_0(o, v0)
        set_1(o, v1)
        set_2(o, v2)
        set_3(o, v3)
        set_4(o, v4)
        set_5(o, v5)
        set_6(o, v6)
        set_7(o, v7)
        set_8(o, v8)
        set_9(o, v9)
        set_10(o, v10)
        set_11(o, v11)
        set_12(o, v12)
        set_13(o, v13)
        set_14(o, v14)
        set_15(o, v15)
        set_16(o, v16)
        return o

    return make_Article


def for_Episode(Episode: Any, setters: tuple[Any, ...], make_Basis: Any) -> Any:
    (set_0, set_1, set_2, set_3, set_4, set_5, set_6, set_7, set_8, set_9, set_10, set_11) = setters

    def make_Episode(d: Any, intern: Any) -> Any:
        v0 = d["number"]
        v1 = d["id"]
        v2 = d["title"]
        v3 = d["series"]
        v3 = intern(v3, v3)
        v4 = d["network"]
        v4 = intern(v4, v4)
        v5 = d["air_date"]
        if v5 is not None:
            v5 = from_iso(v5)
        v6 = d["air_time"]
        v7 = d["director"]
        v7 = intern(v7, v7)
        v8 = d["topics"]
        v8 = tuple(map(intern, v8, v8)) if v8 else ()
        v9 = d["summary"]
        v10 = d["basis"]
        v10 = tuple([make_Basis(x, intern) for x in v10]) if v10 else ()
        v11 = d["inferred"]
        v11 = tuple(map(intern, v11, v11)) if v11 else ()
        o = new(Episode)
        set_0(o, v0)
        set_1(o, v1)
        set_2(o, v2)
        set_3(o, v3)
        set_4(o, v4)
        set_5(o, v5)
        set_6(o, v6)
        set_7(o, v7)
        set_8(o, v8)
        set_9(o, v9)
        set_10(o, v10)
        set_11(o, v11)
        return o

    return make_Episode


def for_Quote(Quote: Any, setters: tuple[Any, ...], make_Span: Any) -> Any:
    (set_0, set_1, set_2, set_3, set_4, set_5, set_6, set_7, set_8, set_9, set_10, set_11, set_12,
     set_13, set_14, set_15, set_16) = setters

    def make_Quote(d: Any, intern: Any) -> Any:
        v0 = d["id"]
        v1 = d["text"]
        v2 = d["speaker_id"]
        if v2 is not None:
            v2 = intern(v2, v2)
        v3 = d["addressee_id"]
        if v3 is not None:
            v3 = intern(v3, v3)
        v4 = d["article_id"]
        v4 = intern(v4, v4)
        v5 = d["span"]
        v5 = make_Span(v5, intern)
        v6 = d["other_spans"]
        v6 = tuple([make_Span(x, intern) for x in v6]) if v6 else ()
        v7 = d["cue"]
        if v7 is not None:
            v7 = make_Span(v7, intern)
        v8 = d["mode"]
        v8 = enum_QuoteMode[v8]
        v9 = d["kind"]
        v9 = enum_QuoteKind[v9]
        v10 = d["episode"]
        v11 = d["venue"]
        if v11 is not None:
            v11 = enum_Venue[v11]
        v12 = d["topics"]
        v12 = tuple(map(intern, v12, v12)) if v12 else ()
        v13 = d["context"]
        v14 = d["subject_ids"]
        v14 = tuple(map(intern, v14, v14)) if v14 else ()
        v15 = d["reported_by_id"]
        if v15 is not None:
            v15 = intern(v15, v15)
        v16 = d["inferred"]
        v16 = tuple(map(intern, v16, v16)) if v16 else ()
        o = new(Quote)
        set_0(o, v0)
        set_1(o, v1)
        set_2(o, v2)
        set_3(o, v3)
        set_4(o, v4)
        set_5(o, v5)
        set_6(o, v6)
        set_7(o, v7)
        set_8(o, v8)
        set_9(o, v9)
        set_10(o, v10)
        set_11(o, v11)
        set_12(o, v12)
        set_13(o, v13)
        set_14(o, v14)
        set_15(o, v15)
        set_16(o, v16)
        return o

    return make_Quote


def for_Critique(Critique: Any, setters: tuple[Any, ...], make_Span: Any) -> Any:
    (set_0, set_1, set_2, set_3, set_4, set_5, set_6, set_7, set_8, set_9, set_10, set_11, set_12) = setters

    def make_Critique(d: Any, intern: Any) -> Any:
        v0 = d["id"]
        v1 = d["article_id"]
        v1 = intern(v1, v1)
        v2 = d["critic_kind"]
        v2 = enum_CriticKind[v2]
        v3 = d["critic_id"]
        if v3 is not None:
            v3 = intern(v3, v3)
        v4 = d["target_kind"]
        v4 = enum_TargetKind[v4]
        v5 = d["target_id"]
        if v5 is not None:
            v5 = intern(v5, v5)
        v6 = d["stance"]
        v6 = enum_Stance[v6]
        v7 = d["topics"]
        v7 = tuple(map(intern, v7, v7)) if v7 else ()
        v8 = d["summary"]
        v9 = d["quote_ids"]
        v9 = tuple(map(intern, v9, v9)) if v9 else ()
        v10 = d["episode"]
        v11 = d["spans"]
        v11 = tuple([make_Span(x, intern) for x in v11]) if v11 else ()
        v12 = d["inferred"]
        v12 = tuple(map(intern, v12, v12)) if v12 else ()
        o = new(Critique)
        set_0(o, v0)
        set_1(o, v1)
        set_2(o, v2)
        set_3(o, v3)
        set_4(o, v4)
        set_5(o, v5)
        set_6(o, v6)
        set_7(o, v7)
        set_8(o, v8)
        set_9(o, v9)
        set_10(o, v10)
        set_11(o, v11)
        set_12(o, v12)
        return o

    return make_Critique


#: What each builder was written for: the fields of its record type, with their types.
SHAPES: dict[str, str] = {
    "DatasetInfo": "schema_version: int; dataset_version: str; title: str; authors: tuple[str, ...]; year: int; url: str | None; description: str; sources: tuple[str, ...]; license: str; citation: str",
    "Basis": "field: str; note: str",
    "Person": "id: str; name: str; aliases: tuple[str, ...]; description: str; kind: PersonKind; basis: tuple[Basis, ...]",
    "Topic": "id: str; label: str; definition: str",
    "DateWindow": "earliest: date; latest: date; basis: str",
    "Span": "start: int; end: int",
    "Claim": "topic: str; value: str; span: Span",
    "Article": "id: str; title: str | None; label: str; outlet: str; section: str | None; authors: tuple[str, ...]; published: date | None; published_inferred: DateWindow | None; url: str | None; kind: ArticleKind; episode_numbers: tuple[int, ...]; summary: str; source_file: str; text_sha256: str; text_length: int; claims: tuple[Claim, ...]; basis: tuple[Basis, ...]",
    "Episode": "number: int; id: str; title: str; series: str; network: str; air_date: date | None; air_time: str | None; director: str; topics: tuple[str, ...]; summary: str | None; basis: tuple[Basis, ...]; inferred: tuple[str, ...]",
    "Quote": "id: str; text: str; speaker_id: str | None; addressee_id: str | None; article_id: str; span: Span; other_spans: tuple[Span, ...]; cue: Span | None; mode: QuoteMode; kind: QuoteKind; episode: int | None; venue: Venue | None; topics: tuple[str, ...]; context: str; subject_ids: tuple[str, ...]; reported_by_id: str | None; inferred: tuple[str, ...]",
    "Critique": "id: str; article_id: str; critic_kind: CriticKind; critic_id: str | None; target_kind: TargetKind; target_id: str | None; stance: Stance; topics: tuple[str, ...]; summary: str; quote_ids: tuple[str, ...]; episode: int | None; spans: tuple[Span, ...]; inferred: tuple[str, ...]",
}


#: Each record type's factory, and the types of the records it holds (before it here).
FACTORIES: dict[str, tuple[Any, tuple[str, ...]]] = {
    "DatasetInfo": (for_DatasetInfo, ()),
    "Basis": (for_Basis, ()),
    "Person": (for_Person, ("Basis",)),
    "Topic": (for_Topic, ()),
    "DateWindow": (for_DateWindow, ()),
    "Span": (for_Span, ()),
    "Claim": (for_Claim, ("Span",)),
    "Article": (for_Article, ("DateWindow", "Claim", "Basis")),
    "Episode": (for_Episode, ("Basis",)),
    "Quote": (for_Quote, ("Span",)),
    "Critique": (for_Critique, ("Span",)),
}


#: The BLAKE2b digest of the bundled file the pre-parsed copy was made from, and of that copy
#: (data/putin_interviews.marshal).
PREPARSED = ("faf93cb5db8311c9ec7c58822ab5582460bc2075edbc56d8f3df4caed996439c", "98c39be964a25cd3563ae267d0b002b5d10b7d281a825c59830bab872e183a22")

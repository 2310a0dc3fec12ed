"""Hypothesis strategies for records and whole, referentially sound datasets."""

from __future__ import annotations

import datetime

from hypothesis import strategies as st

from putin_interviews import (
    SCHEMA_VERSION,
    Article,
    ArticleKind,
    Basis,
    Claim,
    CriticKind,
    Critique,
    Dataset,
    DatasetInfo,
    DateWindow,
    Episode,
    Person,
    PersonKind,
    Quote,
    QuoteKind,
    QuoteMode,
    Span,
    Stance,
    TargetKind,
    Topic,
    Venue,
)

ids = st.from_regex(r"[a-z][a-z0-9-]{0,11}", fullmatch=True)
#: Any Unicode text, including HTML-special characters, quotes and non-BMP characters.
texts = st.text(min_size=1, max_size=30)
short_lists = st.lists(texts, max_size=3).map(tuple)
dates = st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2030, 12, 31))
TEXT_LENGTH = 200  # every generated article is at least this long, longer than any generated quotation


def spans(length: int) -> st.SearchStrategy[Span]:
    return st.tuples(st.integers(0, length), st.integers(0, length)).map(lambda t: Span(start=min(t), end=max(t)))


@st.composite
def windows(draw: st.DrawFn) -> DateWindow:
    a, b = draw(dates), draw(dates)
    return DateWindow(earliest=min(a, b), latest=max(a, b), basis=draw(texts))


@st.composite
def datasets(draw: st.DrawFn) -> Dataset:
    # Ids are unique across tables: each table's have their own prefix.
    person_ids = [f"p-{i}" for i in draw(st.lists(ids, min_size=1, max_size=4, unique=True))]
    people = tuple(
        Person(
            id=pid,
            name=draw(texts),
            aliases=draw(short_lists),
            description=draw(texts),
            kind=draw(st.sampled_from(PersonKind)),
            basis=tuple(
                Basis(field=f, note=draw(texts)) for f in draw(st.lists(st.sampled_from(["description"]), unique=True))
            ),
        )
        for pid in person_ids
    )
    topic_ids = [f"t-{i}" for i in draw(st.lists(ids, max_size=4, unique=True))]
    topics = tuple(Topic(id=tid, label=draw(texts), definition=draw(texts)) for tid in topic_ids)
    some_topics = st.lists(st.sampled_from(topic_ids), unique=True, max_size=3).map(tuple) if topic_ids else st.just(())
    numbers = sorted(draw(st.lists(st.integers(1, 4), unique=True, max_size=4)))
    episodes = tuple(
        Episode(
            number=n,
            id=f"part-{n}",
            title=f"Part {n}",
            series=draw(texts),
            network=draw(texts),
            air_date=draw(st.none() | dates),
            air_time=draw(st.none() | texts),
            director=draw(st.sampled_from(person_ids)),
            topics=draw(some_topics),
            summary=draw(st.none() | texts),
            basis=tuple(
                Basis(field=f, note=draw(texts))
                for f in draw(st.lists(st.sampled_from(["air_date", "network"]), unique=True))
            ),
            inferred=tuple(draw(st.lists(st.sampled_from(["summary", "topics"]), unique=True))),
        )
        for n in numbers
    )
    maybe_episode = st.none() | st.sampled_from(numbers) if numbers else st.none()
    article_ids = [f"a-{i}" for i in draw(st.lists(ids, min_size=1, max_size=3, unique=True))]
    lengths = {aid: draw(st.integers(TEXT_LENGTH, 10_000)) for aid in article_ids}
    articles = tuple(
        Article(
            id=aid,
            title=draw(st.none() | texts),
            label=draw(texts),
            outlet=draw(texts),
            section=draw(st.none() | texts),
            authors=draw(short_lists),
            published=draw(st.none() | dates),
            published_inferred=draw(st.none() | windows()),
            url=draw(st.none() | st.just("https://example.org/") | texts),
            kind=draw(st.sampled_from(ArticleKind)),
            episode_numbers=tuple(draw(st.lists(st.sampled_from(numbers), unique=True))) if numbers else (),
            summary=draw(texts),
            source_file=f"{aid}.txt",
            text_sha256=draw(st.from_regex(r"[0-9a-f]{64}", fullmatch=True)),
            text_length=lengths[aid],
            claims=tuple(
                Claim(topic=draw(texts), value=draw(texts), span=draw(spans(lengths[aid])))
                for _ in range(draw(st.integers(0, 2)))
            ),
            basis=(),
        )
        for aid in article_ids
    )
    person = st.sampled_from(person_ids)
    quotes = []
    for i in range(draw(st.integers(0, 6))):
        aid = draw(st.sampled_from(article_ids))
        text = draw(texts)
        start = draw(st.integers(0, lengths[aid] - len(text)))
        others = draw(st.lists(st.integers(0, lengths[aid] - len(text)), max_size=2))
        mode = draw(st.sampled_from(QuoteMode))
        quotes.append(
            Quote(
                id=f"q{i}",
                text=text,
                speaker_id=None if mode is QuoteMode.SCARE else draw(person),
                addressee_id=draw(st.none() | person),
                article_id=aid,
                span=Span(start=start, end=start + len(text)),
                other_spans=tuple(Span(start=s, end=s + len(text)) for s in others),
                cue=draw(st.none() | spans(lengths[aid])),
                mode=mode,
                kind=draw(st.sampled_from(QuoteKind)),
                episode=draw(maybe_episode),
                venue=draw(st.none() | st.sampled_from(Venue)),
                topics=draw(some_topics),
                context=draw(texts),
                subject_ids=tuple(draw(st.lists(person, unique=True, max_size=2))),
                reported_by_id=draw(st.none() | person),
                inferred=tuple(draw(st.lists(st.sampled_from(["episode", "speaker_id"]), unique=True))),
            )
        )
    critiques = []
    for i in range(draw(st.integers(0, 4))):
        aid = draw(st.sampled_from(article_ids))
        critic_kind = draw(st.sampled_from(CriticKind))
        target_kind = draw(
            st.sampled_from([TargetKind.PERSON, TargetKind.DOCUMENTARY] + ([TargetKind.EPISODE] if numbers else []))
        )
        target_id = {
            TargetKind.PERSON: draw(person),
            TargetKind.DOCUMENTARY: None,
            TargetKind.EPISODE: f"part-{draw(st.sampled_from(numbers))}" if numbers else None,
        }[target_kind]
        in_article = [q.id for q in quotes if q.article_id == aid]
        critiques.append(
            Critique(
                id=f"c{i}",
                article_id=aid,
                critic_kind=critic_kind,
                critic_id=draw(person) if critic_kind is CriticKind.PERSON else None,
                target_kind=target_kind,
                target_id=target_id,
                stance=draw(st.sampled_from(Stance)),
                topics=draw(some_topics),
                summary=draw(texts),
                quote_ids=tuple(draw(st.lists(st.sampled_from(in_article), unique=True))) if in_article else (),
                episode=draw(maybe_episode),
                spans=tuple(draw(st.lists(spans(lengths[aid]), max_size=2))),
                inferred=(),
            )
        )
    info = DatasetInfo(
        schema_version=SCHEMA_VERSION,
        dataset_version=draw(texts),
        title=draw(texts),
        authors=draw(short_lists),
        year=draw(st.integers(1900, 2100)),
        url=draw(st.none() | texts),
        description=draw(texts),
        sources=draw(short_lists),
        license=draw(texts),
        citation=draw(texts),
    )
    return Dataset(
        info=info,
        people=people,
        topics=topics,
        articles=articles,
        episodes=episodes,
        quotes=tuple(quotes),
        critiques=tuple(critiques),
    )

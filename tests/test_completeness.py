"""Completeness against the sources, by our own reading, pinned so that a change is deliberate.

How the quotations were counted: every stretch of text between quotation marks in the three
seed files (double marks, and the single marks nested in them) was read in context and either
recorded as a quotation of the person the article attributes it to, or listed in
``test_provenance.NOT_QUOTATIONS`` as not a quotation (the titles of the series and of films).
A quotation printed twice (LifeZette's pull quote) is one quotation with two spans. Two
consecutive quotations separated by the writer's words ("…,” said Putin. He continued, “…”)
are two quotations. Scare-quoted single words count (kind ``fragment``), including Deadline's
“abuse”, the article's echo of Stone's word.
"""

from __future__ import annotations

from collections import Counter

from putin_interviews import Dataset, QuoteKind, QuoteMode, Venue


def test_quotation_counts_per_article_and_speaker(ds: Dataset) -> None:
    marked = Counter((q.article_id, q.speaker_id) for q in ds.quotes if q.mode is not QuoteMode.INDIRECT)
    assert marked == {
        # Part 1 review: Putin 8 (incl. the pull quote once); Stone 3 (opening line, "bad days", "hawk.")
        ("lz-part-1", "putin"): 8,
        ("lz-part-1", "stone"): 3,
        # Part 3 review: Putin only (3 sentences, 5 one- or two-word fragments)
        ("lz-part-3", "putin"): 8,
        # Colbert report: Stone 23 (incl. the clip's "Thank you sir"), Colbert 11, Putin 3 (two
        # sentences in the clip, and "our partners" as Stone reports it), and Deadline's own “abuse”
        ("deadline-colbert", "stone"): 23,
        ("deadline-colbert", "colbert"): 11,
        ("deadline-colbert", "putin"): 3,
        ("deadline-colbert", None): 1,
    }
    assert sum(marked.values()) == 57  # every stretch in quotation marks that is not a title
    reported = Counter((q.article_id, q.speaker_id) for q in ds.quotes if q.mode is QuoteMode.INDIRECT)
    assert reported == {
        ("lz-part-1", "stone"): 4,  # revealed, later said, asked him, has dismissed
        ("lz-part-1", "putin"): 4,  # revealed, noting, even blaming, had proof
        ("lz-part-3", "putin"): 4,  # revealed, told Stone, called out, all but admitted
        ("lz-part-3", "the-left"): 1,  # called for boots on the ground
        ("deadline-colbert", "stone"): 5,  # insisted, explains to Putin, said he took, promised, said is
        ("deadline-colbert", "colbert"): 2,  # wondered if, thanking Stone
    }


def test_quotation_kinds_per_article(ds: Dataset) -> None:
    counts = Counter((q.article_id, q.kind.value) for q in ds.quotes if q.mode is not QuoteMode.INDIRECT)
    assert counts == {
        ("lz-part-1", "full"): 7,
        ("lz-part-1", "partial"): 2,
        ("lz-part-1", "fragment"): 2,
        ("lz-part-3", "full"): 3,
        ("lz-part-3", "fragment"): 5,
        ("deadline-colbert", "full"): 29,
        ("deadline-colbert", "partial"): 5,
        ("deadline-colbert", "fragment"): 4,
    }
    assert {q.kind for q in ds.quotes if q.mode is QuoteMode.INDIRECT} == {QuoteKind.PARTIAL}


def test_putin_quotations_per_part(ds: Dataset) -> None:
    own = [q for q in ds.quotes if q.speaker_id == "putin" and q.mode is QuoteMode.DIRECT]
    # Part 1 and Part 3 from the two reviews; the Colbert clip's part is not known (None).
    assert Counter(q.episode for q in own) == {1: 8, 3: 8, None: 3}
    # The Part 1 review places none of Putin's words in Part 1 explicitly (all 8 inferred from
    # what it reviews); the Part 3 review places only "There is always hope" (7 of 8 inferred).
    assert [q.id for q in own if q.episode is not None and "episode" not in q.inferred] == ["lz-part-3-always-hope"]


def test_critique_counts(ds: Dataset) -> None:
    per_article = Counter(c.article_id for c in ds.critiques)
    assert per_article == {"lz-part-1": 22, "lz-part-3": 19, "deadline-colbert": 33}
    targets = Counter(c.target_id or c.target_kind.value for c in ds.critiques)
    assert targets["stone"] == 22
    assert targets["putin"] == 13
    assert targets["kelly"] == 4
    assert targets["documentary"] == 5
    stances = Counter(c.stance.value for c in ds.critiques if c.target_id == "stone")
    assert stances == {"negative": 14, "positive": 6, "mixed": 2}
    critics = Counter(c.critic_id or c.critic_kind.value for c in ds.critiques)
    assert critics["studio-audience"] == 4  # applause, turning, approval, laughter
    assert critics["colbert"] == 8


def test_every_speaker_and_judged_party_is_a_person_record(ds: Dataset) -> None:
    people = {p.id for p in ds.people}
    used = {q.speaker_id for q in ds.quotes if q.speaker_id is not None}
    used |= {c.target_id for c in ds.critiques if c.target_kind.value == "person" and c.target_id}
    used |= {c.critic_id for c in ds.critiques if c.critic_id}
    assert used <= people
    assert {"putin", "stone", "colbert", "kelly", "studio-audience"} <= used


def test_all_four_parts_and_three_articles(ds: Dataset) -> None:
    assert [(e.number, e.title, e.air_date.isoformat() if e.air_date else None) for e in ds.episodes] == [
        (1, "Part 1", "2017-06-12"),
        (2, "Part 2", "2017-06-13"),
        (3, "Part 3", "2017-06-14"),
        (4, "Part 4", "2017-06-15"),
    ]
    assert [(a.id, a.outlet, a.episode_numbers) for a in ds.articles] == [
        ("lz-part-1", "LifeZette", (1,)),
        ("lz-part-3", "LifeZette", (3,)),
        ("deadline-colbert", "Deadline", ()),
    ]


def test_unknowns_are_null_never_guessed(ds: Dataset) -> None:
    for a in ds.articles:
        assert a.authors == ()
        assert a.published is None
        assert a.published_inferred is not None
        assert a.published_inferred.basis.startswith("Inference")
    titles = {a.id: a.title for a in ds.articles}
    assert titles["lz-part-3"] is None
    assert titles["deadline-colbert"] is None
    assert titles["lz-part-1"] == "Vladimir Putin Opens Up to Oliver Stone About America, al-Qaida, and More"
    assert {a.id: a.url is None for a in ds.articles}["deadline-colbert"]
    # Every outside fact has its basis recorded.
    assert {b.field for b in ds.articles[0].basis} == {"outlet", "title", "url", "section"}
    assert all(
        {"air_date", "air_time", "series", "network", "director"} <= {b.field for b in e.basis} for e in ds.episodes
    )
    assert {p.id for p in ds.people if p.basis} == {"kelly", "colbert", "studio-audience"}
    # The clip shown on the Late Show: the part is unknown.
    clip = [q for q in ds.quotes if q.article_id == "deadline-colbert" and q.venue is Venue.DOCUMENTARY]
    assert len(clip) == 4  # Stone's question, Putin's two sentences, Stone's "Thank you sir"
    assert {q.episode for q in clip} == {None}


def test_the_sources_disagreement_on_hours_is_attributed(ds: Dataset) -> None:
    claims = {(a.id, c.topic): c.value for a in ds.articles for c in a.claims}
    assert claims[("deadline-colbert", "hours Stone spent with Putin")] == "20 hours"

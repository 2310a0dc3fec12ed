"""Synthetic datasets of the package's schema, for the benchmark: N quotations with realistic
shapes (text lengths like the bundled quotations', a few hundred speakers, an article per
twenty quotations, a critique per three). Deterministic for a given N and seed.

    python benchmarks/generate.py 100000 /tmp/pi-100k.json
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path

WORDS = [
    "the",
    "of",
    "and",
    "to",
    "a",
    "in",
    "that",
    "is",
    "was",
    "he",
    "for",
    "it",
    "with",
    "as",
    "his",
    "on",
    "be",
    "at",
    "by",
    "I",
    "this",
    "had",
    "not",
    "are",
    "but",
    "from",
    "or",
    "have",
    "an",
    "they",
    "which",
    "one",
    "you",
    "were",
    "her",
    "all",
    "she",
    "there",
    "would",
    "their",
    "we",
    "him",
    "been",
    "has",
    "when",
    "who",
    "will",
    "more",
    "no",
    "if",
    "out",
    "so",
    "said",
    "what",
    "up",
    "its",
    "about",
    "into",
    "than",
    "them",
    "can",
    "only",
    "other",
    "new",
    "some",
    "could",
    "time",
    "these",
    "two",
    "may",
    "then",
    "do",
    "first",
    "any",
    "my",
    "now",
    "such",
    "like",
    "our",
    "over",
    "man",
    "me",
    "even",
    "most",
    "made",
    "after",
    "also",
    "did",
    "many",
    "before",
    "must",
    "through",
    "back",
    "years",
    "where",
    "much",
    "your",
    "way",
    "well",
    "down",
    "should",
    "because",
    "each",
    "just",
    "those",
    "people",
    "Mr",
    "how",
    "too",
    "little",
    "state",
    "good",
    "very",
    "make",
    "world",
    "still",
    "own",
    "see",
    "men",
    "work",
    "long",
    "get",
    "here",
    "between",
    "both",
    "life",
    "being",
    "under",
    "never",
    "day",
    "same",
    "another",
    "know",
    "while",
    "last",
    "might",
    "us",
    "great",
    "old",
    "year",
    "off",
    "come",
    "since",
    "against",
    "go",
    "came",
    "right",
    "used",
    "take",
    "three",
    "Russia",
    "Putin",
    "Stone",
    "interview",
    "documentary",
    "election",
    "détente",
    "don’t",
    "president",
    "policy",
    "America",
]
# A Zipf-distributed vocabulary of function words, the dataset's own words, and invented
# ones, so that word frequencies (and so search postings) look like real text.
_SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "zu", "pe", "da", "ri", "no", "be", "ko", "la", "ma"]
VOCABULARY = WORDS + [a + b + c for a in _SYLLABLES for b in _SYLLABLES for c in _SYLLABLES[:10]]
WEIGHTS = [1 / (rank + 1) for rank in range(len(VOCABULARY))]
KINDS = ["full", "partial", "fragment"]
VENUES = ["the-putin-interviews", "the-late-show-with-stephen-colbert", None]
TOPICS = [f"topic-{i}" for i in range(60)]


def _make_sentence(rng: random.Random, low: int, high: int) -> str:
    words = rng.choices(VOCABULARY, WEIGHTS, k=rng.randint(low, high))
    return " ".join(words).capitalize() + rng.choice([".", ",", "?", "…"])


_POOLS: dict[tuple[int, int], list[str]] = {}


def _sentence(rng: random.Random, low: int, high: int) -> str:
    """A sentence from a pool of 20,000 per length range: the text of a million quotations
    in seconds, with the same word statistics."""
    pool = _POOLS.get((low, high))
    if pool is None:
        maker = random.Random(low * 1000 + high)
        pool = _POOLS[(low, high)] = [_make_sentence(maker, low, high) for _ in range(20_000)]
    return pool[rng.randrange(len(pool))]


def generate(n_quotes: int, seed: int = 1) -> dict[str, object]:
    rng = random.Random(seed)
    n_people = max(3, min(500, n_quotes // 50))
    n_articles = max(1, n_quotes // 20)
    people = [
        {
            "id": f"person-{i}",
            "name": f"Given{i} Family{i}",
            "aliases": [f"Family{i}"],
            "description": "a speaker",
            "kind": "group" if i % 17 == 0 else "individual",
            "basis": [],
        }
        for i in range(n_people)
    ]
    topics = [{"id": t, "label": t.replace("-", " "), "definition": "A synthetic topic."} for t in TOPICS]
    articles = []
    for i in range(n_articles):
        articles.append(
            {
                "id": f"article-{i}",
                "title": None if i % 3 == 0 else _sentence(rng, 4, 12),
                "label": "A synthetic article",
                "outlet": f"Outlet {i % 40}",
                "section": None,
                "authors": [],
                "published": None,
                "published_inferred": None,
                "url": f"https://example.org/{i}",
                "kind": "review" if i % 2 else "news-report",
                "episode_numbers": [1 + i % 4],
                "summary": _sentence(rng, 15, 40),
                "source_file": f"{i}.txt",
                "text_sha256": hashlib.sha256(str(i).encode()).hexdigest(),
                "text_length": 20_000,
                "claims": [],
                "basis": [],
            }
        )
    episodes = [
        {
            "number": n,
            "id": f"part-{n}",
            "title": f"Part {n}",
            "series": "The Putin Interviews",
            "network": "Showtime",
            "air_date": f"2017-06-{11 + n}",
            "air_time": "9 p.m. ET",
            "director": "person-1",
            "topics": TOPICS[:5],
            "summary": None,
            "basis": [],
            "inferred": [],
        }
        for n in range(1, 5)
    ]
    quotes = []
    for i in range(n_quotes):
        text = _sentence(rng, 2, 60)
        start = rng.randint(0, 19_000 - len(text))
        quotes.append(
            {
                "id": f"q-{i}",
                "text": text,
                "speaker_id": f"person-{rng.randrange(n_people)}",
                "addressee_id": None if i % 3 else f"person-{rng.randrange(n_people)}",
                "article_id": f"article-{i // 20}",
                "span": {"start": start, "end": start + len(text)},
                "other_spans": [],
                "cue": None if i % 2 else {"start": start + len(text) + 2, "end": start + len(text) + 12},
                "mode": "indirect" if i % 5 == 0 else "direct",
                "kind": rng.choice(KINDS),
                "episode": rng.choice([1, 2, 3, 4, None]),
                "venue": rng.choice(VENUES),
                "topics": rng.sample(TOPICS, 2),
                "context": _sentence(rng, 6, 20),
                "subject_ids": [f"person-{rng.randrange(n_people)}"],
                "reported_by_id": None,
                "inferred": ["episode"] if i % 4 == 0 else [],
            }
        )
    critiques = []
    for i in range(n_quotes // 3):
        article = rng.randrange(n_articles)
        critiques.append(
            {
                "id": f"c-{i}",
                "article_id": f"article-{article}",
                "critic_kind": "person",
                "critic_id": f"person-{rng.randrange(n_people)}",
                "target_kind": "person",
                "target_id": f"person-{rng.randrange(n_people)}",
                "stance": rng.choice(["positive", "negative", "mixed"]),
                "topics": TOPICS[i % 60 : i % 60 + 1],
                "summary": _sentence(rng, 10, 25),
                "quote_ids": [f"q-{article * 20}"] if article * 20 < n_quotes else [],
                "episode": None,
                "spans": [{"start": 10, "end": 90}],
                "inferred": [],
            }
        )
    info = {
        "schema_version": 2,
        "dataset_version": f"synthetic-{n_quotes}",
        "title": "Synthetic",
        "authors": ["bench"],
        "year": 2026,
        "url": None,
        "description": "Synthetic data for the benchmark.",
        "sources": [],
        "license": "CC0-1.0",
        "citation": "Synthetic.",
    }
    return {
        "info": info,
        "people": people,
        "topics": topics,
        "articles": articles,
        "episodes": episodes,
        "quotes": quotes,
        "critiques": critiques,
    }


def write(n_quotes: int, path: Path, seed: int = 1) -> Path:
    """Write the synthetic dataset of ``n_quotes`` quotations to ``path`` (compact JSON)."""
    data = generate(n_quotes, seed)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path


if __name__ == "__main__":
    n, out = int(sys.argv[1]), Path(sys.argv[2])
    print(write(n, out), out.stat().st_size, "bytes")

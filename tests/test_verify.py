"""verify(): a dataset checked against copies of its source articles, as a user would."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import putin_interviews as pi
from putin_interviews import Dataset

from .conftest import SEEDS

SCRIPT = Path(sys.executable).with_name("putin-interviews")


def test_the_bundled_dataset_verifies_against_the_sources(ds: Dataset, seed_texts: dict[str, str]) -> None:
    assert pi.verify(SEEDS) == []
    assert pi.verify(SEEDS, ds) == []


def test_a_span_moved_by_one_character_is_found(ds: Dataset, seed_texts: dict[str, str]) -> None:
    index = next(i for i, q in enumerate(ds.quotes) if q.id == "lz-part-3-always-hope")
    quote = ds.quotes[index]
    moved = attrs.evolve(quote, span=pi.Span(start=quote.span.start + 1, end=quote.span.end + 1))
    other = attrs.evolve(ds, quotes=pi.Quotes([*ds.quotes[:index], moved, *ds.quotes[index + 1 :]]))
    shifted = seed_texts["lz-part-3"][quote.span.start + 1 : quote.span.end + 1]
    assert [str(p) for p in pi.verify(SEEDS, other)] == [
        f"$.quotes[{index}].span: the source has {shifted!r} there, not the quotation (quote 'lz-part-3-always-hope')"
    ]


def test_an_empty_critique_span_is_found(ds: Dataset, seed_texts: dict[str, str]) -> None:
    critique = ds.critiques[0]
    emptied = attrs.evolve(critique, spans=(pi.Span(start=5, end=5),))
    other = attrs.evolve(ds, critiques=pi.Critiques([emptied, *ds.critiques[1:]]))
    length = len(seed_texts[critique.article_id])
    assert [str(p) for p in pi.verify(SEEDS, other)] == [
        f"$.critiques[0].spans[0]: span 5-5 covers nothing of the text ({length} characters) (critique {critique.id!r})"
    ]


def test_a_changed_source_file_is_named_and_its_spans_left_alone(
    ds: Dataset, seed_texts: dict[str, str], tmp_path: Path
) -> None:
    copies = tmp_path / "seeds"
    shutil.copytree(SEEDS, copies)
    changed = copies / ds.articles[2].source_file
    changed.write_bytes(changed.read_bytes().replace(b"Colbert", b"Colbart", 1))
    (copies / ds.articles[0].source_file).unlink()
    problems = [str(p) for p in pi.verify(copies)]
    assert problems[0] == f"$.articles[0].source_file: no file {ds.articles[0].source_file!r} in {copies}"
    assert problems[1].startswith(f"$.articles[2].text_sha256: {ds.articles[2].source_file} has SHA-256 ")
    assert problems[1].endswith("; its spans are not checked")
    assert len(problems) == 2


def test_the_command_line_verifies_and_says_what_is_wrong(seed_texts: dict[str, str], tmp_path: Path) -> None:
    good = subprocess.run([str(SCRIPT), "verify", "--sources", str(SEEDS)], capture_output=True, text=True, check=False)
    assert good.returncode == 0, good.stderr
    assert good.stdout == f"{SEEDS}: 3 articles and 188 spans verified\n"
    data = pi.dataset().dump(tmp_path / "mine.json")
    with_data = [str(SCRIPT), "verify", "--sources", str(SEEDS), "--data", str(data)]
    assert subprocess.run(with_data, capture_output=True, text=True, check=False).returncode == 0
    bad = subprocess.run(
        [str(SCRIPT), "verify", "--sources", str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert bad.returncode == 1
    assert len(bad.stderr.splitlines()) == 3
    assert bad.stderr.splitlines()[0].startswith(f"{tmp_path}: $.articles[0].source_file: no file ")
    missing = subprocess.run(
        [str(SCRIPT), "verify", "--sources", str(tmp_path / "nowhere")], capture_output=True, text=True, check=False
    )
    assert missing.returncode == 1
    assert missing.stderr.startswith("putin-interviews: error: sources must be a directory")


def test_sources_must_be_a_directory(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="sources must be a directory"):
        pi.verify(5)  # type: ignore[arg-type]
    with pytest.raises(NotADirectoryError, match="is not one"):
        pi.verify(tmp_path / "nowhere")


def test_a_cue_must_cover_whole_words_outside_the_quotation(ds: Dataset, seed_texts: dict[str, str]) -> None:
    index = next(i for i, q in enumerate(ds.quotes) if q.id == "lz-part-3-always-hope")
    quote = ds.quotes[index]
    assert quote.cue is not None
    text = seed_texts["lz-part-3"]
    assert text[quote.cue.start : quote.cue.end] == "Russian President Vladimir Putin told filmmaker Oliver Stone"

    def problems_with(cue: pi.Span) -> list[str]:
        moved = attrs.evolve(quote, cue=cue)
        other = attrs.evolve(ds, quotes=pi.Quotes([*ds.quotes[:index], moved, *ds.quotes[index + 1 :]]))
        return [str(p) for p in pi.verify(SEEDS, other)]

    at, owner = f"$.quotes[{index}].cue", "(quote 'lz-part-3-always-hope')"
    cut = pi.Span(start=quote.cue.start + 1, end=quote.cue.end)  # "ussian President …"
    [found] = problems_with(cut)
    assert found.startswith(f"{at}: the cue 'ussian President")
    assert found.endswith(f"does not begin and end on whole words {owner}")
    spaced = pi.Span(start=quote.cue.start - 1, end=quote.cue.end)  # " Russian President …"
    assert "does not begin and end on whole words" in problems_with(spaced)[0]
    over = pi.Span(start=quote.span.start, end=quote.cue.end)  # the quotation and its cue
    [found] = problems_with(over)
    assert found.startswith(f"{at}: the cue 'There is always hope,”")
    assert found.endswith(f"overlaps the quotation {owner}")
    assert problems_with(quote.cue) == []

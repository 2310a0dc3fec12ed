"""Citations, checked against the rules of the manuals.

The golden strings below were written out and then checked by hand, entry by entry, against
APA 7, MLA 9 and Chicago 17; each group names the rules it checks. They use Markdown markup so
that italics are visible (*…*). "signed" is a synthetic article (two authors, a date, a title
with a nested quotation ending in "?") that exercises the rules the real, unsigned and undated
articles cannot.
"""

from __future__ import annotations

import datetime
import html.parser
import json
import re

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import putin_interviews as pi
from putin_interviews import CITATION_FORMS, Dataset, NotFoundError
from putin_interviews._cite._rich import Name

BASE = pi.dataset()
SIGNED = attrs.evolve(
    BASE.get_article("lz-part-1"),
    id="signed",
    authors=("Jane Q. Doe", "Richard Roe"),
    published=datetime.date(2017, 6, 13),
    title="Stone’s “Fair Hearing”: What Putin Said?",
)
DS = attrs.evolve(BASE, articles=(*BASE.articles, SIGNED))
RECORDS: dict[str, object] = {
    "lz-part-1": DS.get_article("lz-part-1"),  # headline known, no author, no date
    "lz-part-3": DS.get_article("lz-part-3"),  # no headline, no author, no date
    "deadline-colbert": DS.get_article("deadline-colbert"),  # no headline, author, date or URL
    "signed": SIGNED,
    "part-1": DS.get_episode(1),
    "quote": DS.get_quote("deadline-colbert-detente"),  # Stone, quoted in the Deadline report
    "critique": DS.get_critique("lz-part-3-conspiracy-minded"),  # cites its article
    "dataset": DS,
}

# Rules checked, by style:
# APA 7 -- reference: 9.12 no author, the title (or 9.21 the bracketed description) moves to the
#   author position; 9.17 "(n.d.)"; 10.1 ex. 14 news website: *title* italic in sentence case
#   (6.17: proper nouns, the first word after a colon and titles of works keep capitals), site
#   name plain, no period after the URL (9.35); a title ending in "?" takes no period; 9.8
#   "Doe, J. Q., & Roe, R."; 10.12 ex. 86 TV episode "Stone, O. (Director). (Year, Month Day).
#   Title [TV series episode]. In *Series*. Network."; 9.47 a year letter only among the
#   entries of one reference list (none for a citation alone: see the tests of year letters);
#   10.9 data set "(Version 1.0.0) [Data set …]". In-text: 8.14 the title shortened (its
#   first four words), in title case, italic as in the reference, or the bracketed
#   description shortened alike; 8.17 "&" in parentheses, "and" in prose; 8.6 secondary
#   source "(Stone, as cited in …, n.d.)".
# MLA 9 -- 5.22 no author, begin with the title; 5.27 “Title.” with the period inside the
#   quotation marks, *Container* italic; 5.24 headline case ("about" lower case); 5.30 an
#   untitled work, a plain description; 5.93 URL without https://; 5.104 TV episode
#   "“Part 1.” *Series*, directed by …, Network, 12 June 2017."; 5.41 day month year; in-text
#   6.7 a short title (first words) in its quotation marks; 6.77 "qtd. in"; 6.5 full names
#   or the full title in prose; 6.43 punctuation inside nested quotation marks.
# Chicago 17 author-date -- 15.47 with 14.207 unsigned news: the outlet in the author place;
#   15.19 year letters only within one reference list (none here); 15.49 full date
#   after the outlet; 14.18 period after the URL; 15.7 "(Author Year)" with no comma; 15.52
#   "quoted in"; 14.265 TV: "Aired June 12, 2017, on Showtime."
# Chicago 17 notes -- 14.207 unsigned: the note begins with the title, the bibliography with
#   the outlet; 14.191 "Author, “Title,” *Outlet*, Date, URL."; 6.119 a "?" replaces the comma;
#   14.29-30 short notes of up to four words, dropping an initial "The"; 14.260 "quoted in";
#   14.265 TV "*Series*, “Episode,” directed by …, aired …, on Network."
GOLDEN = {
    # apa reference
    (
        "apa",
        "reference",
        "lz-part-1",
    ): "*Vladimir Putin opens up to Oliver Stone about America, al-Qaida, and more*. (n.d.). LifeZette. https://www.lifezette.com/popzette/putin-opens-up-to-oliver-stone-about-america-al-qaida-and-more/amp/",
    (
        "apa",
        "reference",
        "lz-part-3",
    ): "\\[Review of Part 3 of *The Putin Interviews*\\]. (n.d.). LifeZette. http://www.lifezette.com/popzette/oliver-stone-putting-megyn-kelly-to-shame/amp/",
    (
        "apa",
        "reference",
        "deadline-colbert",
    ): "\\[Report on Stone’s appearance on *The Late Show with Stephen Colbert*\\]. (n.d.). Deadline.",
    (
        "apa",
        "reference",
        "signed",
    ): "Doe, J. Q., & Roe, R. (2017, June 13). *Stone’s “fair hearing”: What Putin said?* LifeZette. https://www.lifezette.com/popzette/putin-opens-up-to-oliver-stone-about-america-al-qaida-and-more/amp/",
    (
        "apa",
        "reference",
        "part-1",
    ): "Stone, O. (Director). (2017, June 12). Part 1 \\[TV series episode\\]. In *The Putin Interviews*. Showtime.",
    (
        "apa",
        "reference",
        "quote",
    ): "\\[Report on Stone’s appearance on *The Late Show with Stephen Colbert*\\]. (n.d.). Deadline.",
    (
        "apa",
        "reference",
        "critique",
    ): "\\[Review of Part 3 of *The Putin Interviews*\\]. (n.d.). LifeZette. http://www.lifezette.com/popzette/oliver-stone-putting-megyn-kelly-to-shame/amp/",
    (
        "apa",
        "reference",
        "dataset",
    ): "putin-interviews contributors. (2026). *The Putin Interviews: Quotations and critiques from the press* (Version 2.0.0) \\[Data set and Python package\\].",
    # apa in-text
    (
        "apa",
        "in-text",
        "lz-part-1",
    ): "(*Vladimir Putin Opens Up*, n.d.)",
    ("apa", "in-text", "lz-part-3"): "(\\[Review of Part 3\\], n.d.)",
    (
        "apa",
        "in-text",
        "deadline-colbert",
    ): "(\\[Report on Stone’s appearance\\], n.d.)",
    ("apa", "in-text", "signed"): "(Doe & Roe, 2017)",
    ("apa", "in-text", "part-1"): "(Stone, 2017)",
    (
        "apa",
        "in-text",
        "quote",
    ): "(Stone, as cited in \\[Report on Stone’s appearance\\], n.d.)",
    ("apa", "in-text", "critique"): "(\\[Review of Part 3\\], n.d.)",
    ("apa", "in-text", "dataset"): "(putin-interviews contributors, 2026)",
    # apa narrative
    (
        "apa",
        "narrative",
        "lz-part-1",
    ): "*Vladimir Putin Opens Up* (n.d.)",
    ("apa", "narrative", "lz-part-3"): "\\[Review of Part 3\\] (n.d.)",
    (
        "apa",
        "narrative",
        "deadline-colbert",
    ): "\\[Report on Stone’s appearance\\] (n.d.)",
    ("apa", "narrative", "signed"): "Doe and Roe (2017)",
    ("apa", "narrative", "part-1"): "Stone (2017)",
    (
        "apa",
        "narrative",
        "quote",
    ): "Stone (as cited in \\[Report on Stone’s appearance\\], n.d.)",
    ("apa", "narrative", "critique"): "\\[Review of Part 3\\] (n.d.)",
    ("apa", "narrative", "dataset"): "putin-interviews contributors (2026)",
    # mla reference
    (
        "mla",
        "reference",
        "lz-part-1",
    ): "“Vladimir Putin Opens Up to Oliver Stone about America, al-Qaida, and More.” *LifeZette*, www.lifezette.com/popzette/putin-opens-up-to-oliver-stone-about-america-al-qaida-and-more/amp/.",
    (
        "mla",
        "reference",
        "lz-part-3",
    ): "Review of Part 3 of *The Putin Interviews*. *LifeZette*, www.lifezette.com/popzette/oliver-stone-putting-megyn-kelly-to-shame/amp/.",
    (
        "mla",
        "reference",
        "deadline-colbert",
    ): "Report on Stone’s appearance on *The Late Show with Stephen Colbert*. *Deadline*.",
    (
        "mla",
        "reference",
        "signed",
    ): "Doe, Jane Q., and Richard Roe. “Stone’s ‘Fair Hearing’: What Putin Said?” *LifeZette*, 13 June 2017, www.lifezette.com/popzette/putin-opens-up-to-oliver-stone-about-america-al-qaida-and-more/amp/.",
    (
        "mla",
        "reference",
        "part-1",
    ): "“Part 1.” *The Putin Interviews*, directed by Oliver Stone, Showtime, 12 June 2017.",
    ("mla", "reference", "quote"): "Report on Stone’s appearance on *The Late Show with Stephen Colbert*. *Deadline*.",
    (
        "mla",
        "reference",
        "critique",
    ): "Review of Part 3 of *The Putin Interviews*. *LifeZette*, www.lifezette.com/popzette/oliver-stone-putting-megyn-kelly-to-shame/amp/.",
    (
        "mla",
        "reference",
        "dataset",
    ): "putin-interviews contributors. *The Putin Interviews: Quotations and Critiques from the Press*. Version 2.0.0, 2026.",
    # mla in-text
    ("mla", "in-text", "lz-part-1"): "(“Vladimir Putin Opens Up”)",
    ("mla", "in-text", "lz-part-3"): "(Review of Part 3)",
    ("mla", "in-text", "deadline-colbert"): "(Report on Stone’s appearance)",
    ("mla", "in-text", "signed"): "(Doe and Roe)",
    ("mla", "in-text", "part-1"): "(“Part 1”)",
    ("mla", "in-text", "quote"): "(qtd. in Report on Stone’s appearance)",
    ("mla", "in-text", "critique"): "(Review of Part 3)",
    ("mla", "in-text", "dataset"): "(putin-interviews contributors)",
    # mla narrative
    ("mla", "narrative", "lz-part-1"): "“Vladimir Putin Opens Up to Oliver Stone about America, al-Qaida, and More”",
    ("mla", "narrative", "lz-part-3"): "Review of Part 3 of *The Putin Interviews*",
    ("mla", "narrative", "deadline-colbert"): "Report on Stone’s appearance on *The Late Show with Stephen Colbert*",
    ("mla", "narrative", "signed"): "Jane Q. Doe and Richard Roe",
    ("mla", "narrative", "part-1"): "“Part 1”",
    ("mla", "narrative", "quote"): "Oliver Stone (qtd. in Report on Stone’s appearance)",
    ("mla", "narrative", "critique"): "Review of Part 3 of *The Putin Interviews*",
    ("mla", "narrative", "dataset"): "putin-interviews contributors",
    # chicago reference
    (
        "chicago",
        "reference",
        "lz-part-1",
    ): "*LifeZette*. n.d. “Vladimir Putin Opens Up to Oliver Stone about America, al-Qaida, and More.” https://www.lifezette.com/popzette/putin-opens-up-to-oliver-stone-about-america-al-qaida-and-more/amp/.",
    (
        "chicago",
        "reference",
        "lz-part-3",
    ): "*LifeZette*. n.d. Review of Part 3 of *The Putin Interviews*. http://www.lifezette.com/popzette/oliver-stone-putting-megyn-kelly-to-shame/amp/.",
    (
        "chicago",
        "reference",
        "deadline-colbert",
    ): "*Deadline*. n.d. Report on Stone’s appearance on *The Late Show with Stephen Colbert*.",
    (
        "chicago",
        "reference",
        "signed",
    ): "Doe, Jane Q., and Richard Roe. 2017. “Stone’s ‘Fair Hearing’: What Putin Said?” *LifeZette*, June 13, 2017. https://www.lifezette.com/popzette/putin-opens-up-to-oliver-stone-about-america-al-qaida-and-more/amp/.",
    (
        "chicago",
        "reference",
        "part-1",
    ): "Stone, Oliver, dir. 2017. *The Putin Interviews*. “Part 1.” Aired June 12, 2017, on Showtime.",
    (
        "chicago",
        "reference",
        "quote",
    ): "*Deadline*. n.d. Report on Stone’s appearance on *The Late Show with Stephen Colbert*.",
    (
        "chicago",
        "reference",
        "critique",
    ): "*LifeZette*. n.d. Review of Part 3 of *The Putin Interviews*. http://www.lifezette.com/popzette/oliver-stone-putting-megyn-kelly-to-shame/amp/.",
    (
        "chicago",
        "reference",
        "dataset",
    ): "putin-interviews contributors. 2026. *The Putin Interviews: Quotations and Critiques from the Press*. Version 2.0.0. Data set and Python package.",
    # chicago in-text
    ("chicago", "in-text", "lz-part-1"): "(*LifeZette* n.d.)",
    ("chicago", "in-text", "lz-part-3"): "(*LifeZette* n.d.)",
    ("chicago", "in-text", "deadline-colbert"): "(*Deadline* n.d.)",
    ("chicago", "in-text", "signed"): "(Doe and Roe 2017)",
    ("chicago", "in-text", "part-1"): "(Stone 2017)",
    ("chicago", "in-text", "quote"): "(Stone, quoted in *Deadline* n.d.)",
    ("chicago", "in-text", "critique"): "(*LifeZette* n.d.)",
    ("chicago", "in-text", "dataset"): "(putin-interviews contributors 2026)",
    # chicago narrative
    ("chicago", "narrative", "lz-part-1"): "*LifeZette* (n.d.)",
    ("chicago", "narrative", "lz-part-3"): "*LifeZette* (n.d.)",
    ("chicago", "narrative", "deadline-colbert"): "*Deadline* (n.d.)",
    ("chicago", "narrative", "signed"): "Doe and Roe (2017)",
    ("chicago", "narrative", "part-1"): "Stone (2017)",
    ("chicago", "narrative", "quote"): "Oliver Stone (quoted in *Deadline* n.d.)",
    ("chicago", "narrative", "critique"): "*LifeZette* (n.d.)",
    ("chicago", "narrative", "dataset"): "putin-interviews contributors (2026)",
    # chicago-note note
    (
        "chicago-note",
        "note",
        "lz-part-1",
    ): "“Vladimir Putin Opens Up to Oliver Stone about America, al-Qaida, and More,” *LifeZette*, n.d., https://www.lifezette.com/popzette/putin-opens-up-to-oliver-stone-about-america-al-qaida-and-more/amp/.",
    (
        "chicago-note",
        "note",
        "lz-part-3",
    ): "Review of Part 3 of *The Putin Interviews*, *LifeZette*, n.d., http://www.lifezette.com/popzette/oliver-stone-putting-megyn-kelly-to-shame/amp/.",
    (
        "chicago-note",
        "note",
        "deadline-colbert",
    ): "Report on Stone’s appearance on *The Late Show with Stephen Colbert*, *Deadline*, n.d.",
    (
        "chicago-note",
        "note",
        "signed",
    ): "Jane Q. Doe and Richard Roe, “Stone’s ‘Fair Hearing’: What Putin Said?” *LifeZette*, June 13, 2017, https://www.lifezette.com/popzette/putin-opens-up-to-oliver-stone-about-america-al-qaida-and-more/amp/.",
    (
        "chicago-note",
        "note",
        "part-1",
    ): "*The Putin Interviews*, “Part 1,” directed by Oliver Stone, aired June 12, 2017, on Showtime.",
    (
        "chicago-note",
        "note",
        "quote",
    ): "Oliver Stone, quoted in Report on Stone’s appearance on *The Late Show with Stephen Colbert*, *Deadline*, n.d.",
    (
        "chicago-note",
        "note",
        "critique",
    ): "Review of Part 3 of *The Putin Interviews*, *LifeZette*, n.d., http://www.lifezette.com/popzette/oliver-stone-putting-megyn-kelly-to-shame/amp/.",
    (
        "chicago-note",
        "note",
        "dataset",
    ): "putin-interviews contributors, *The Putin Interviews: Quotations and Critiques from the Press*, version 2.0.0 (2026).",
    # chicago-note short-note
    ("chicago-note", "short-note", "lz-part-1"): "“Vladimir Putin Opens Up.”",
    ("chicago-note", "short-note", "lz-part-3"): "Review of Part 3.",
    ("chicago-note", "short-note", "deadline-colbert"): "Report on Stone’s appearance.",
    ("chicago-note", "short-note", "signed"): "Doe and Roe, “Stone’s ‘Fair Hearing.’”",
    ("chicago-note", "short-note", "part-1"): "*Putin Interviews*, “Part 1.”",
    ("chicago-note", "short-note", "quote"): "Stone, quoted in Report on Stone’s appearance.",
    ("chicago-note", "short-note", "critique"): "Review of Part 3.",
    ("chicago-note", "short-note", "dataset"): "putin-interviews contributors, *Putin Interviews*.",
    # chicago-note reference
    (
        "chicago-note",
        "reference",
        "lz-part-1",
    ): "*LifeZette*. “Vladimir Putin Opens Up to Oliver Stone about America, al-Qaida, and More.” n.d. https://www.lifezette.com/popzette/putin-opens-up-to-oliver-stone-about-america-al-qaida-and-more/amp/.",
    (
        "chicago-note",
        "reference",
        "lz-part-3",
    ): "*LifeZette*. Review of Part 3 of *The Putin Interviews*. n.d. http://www.lifezette.com/popzette/oliver-stone-putting-megyn-kelly-to-shame/amp/.",
    (
        "chicago-note",
        "reference",
        "deadline-colbert",
    ): "*Deadline*. Report on Stone’s appearance on *The Late Show with Stephen Colbert*. n.d.",
    (
        "chicago-note",
        "reference",
        "signed",
    ): "Doe, Jane Q., and Richard Roe. “Stone’s ‘Fair Hearing’: What Putin Said?” *LifeZette*, June 13, 2017. https://www.lifezette.com/popzette/putin-opens-up-to-oliver-stone-about-america-al-qaida-and-more/amp/.",
    (
        "chicago-note",
        "reference",
        "part-1",
    ): "Stone, Oliver, dir. *The Putin Interviews*. “Part 1.” Aired June 12, 2017, on Showtime.",
    (
        "chicago-note",
        "reference",
        "quote",
    ): "*Deadline*. Report on Stone’s appearance on *The Late Show with Stephen Colbert*. n.d.",
    (
        "chicago-note",
        "reference",
        "critique",
    ): "*LifeZette*. Review of Part 3 of *The Putin Interviews*. n.d. http://www.lifezette.com/popzette/oliver-stone-putting-megyn-kelly-to-shame/amp/.",
    (
        "chicago-note",
        "reference",
        "dataset",
    ): "putin-interviews contributors. *The Putin Interviews: Quotations and Critiques from the Press*. Version 2.0.0, 2026.",
}


@pytest.mark.parametrize(("style", "form", "record"), list(GOLDEN))
def test_golden(style: str, form: str, record: str) -> None:
    assert DS.cite(RECORDS[record], style=style, form=form, markup="markdown") == GOLDEN[(style, form, record)]  # type: ignore[arg-type]


def test_goldens_cover_every_prose_style_form_and_record_type() -> None:
    prose = {s: f for s, f in CITATION_FORMS.items() if s not in ("bibtex", "ris", "csl-json")}
    expected = {(s, f, r) for s, forms in prose.items() for f in forms for r in RECORDS}
    assert set(GOLDEN) == expected


def test_markup_text_and_html() -> None:
    article = DS.get_article("lz-part-3")
    assert DS.cite(article, "apa") == (
        "[Review of Part 3 of The Putin Interviews]. (n.d.). LifeZette. "
        "http://www.lifezette.com/popzette/oliver-stone-putting-megyn-kelly-to-shame/amp/"
    )
    assert DS.cite(SIGNED, "mla", markup="html").startswith(
        "Doe, Jane Q., and Richard Roe. “Stone’s ‘Fair Hearing’: What Putin Said?” <i>LifeZette</i>, 13 June 2017, "
    )
    assert DS.cite(DS.get_episode(1), "apa", markup="html") == (
        "Stone, O. (Director). (2017, June 12). Part 1 [TV series episode]. In <i>The Putin Interviews</i>. Showtime."
    )


def test_html_escapes_every_field() -> None:
    odd = attrs.evolve(SIGNED, id="odd", title="<script>alert(1)</script> & “AT&T”", outlet="A <b>Site</b>")
    ds = attrs.evolve(BASE, articles=(*BASE.articles, odd))
    for style, forms in CITATION_FORMS.items():
        if style in ("bibtex", "ris", "csl-json"):
            continue
        for form in forms:
            out = ds.cite(odd, style, form, markup="html")
            assert "<script>" not in out
            assert "<b>" not in out
            assert re.sub(r"</?i>", "", out).count("<") == 0


def test_the_dataset_info_citation_is_the_apa_reference(ds: Dataset) -> None:
    assert ds.info.citation == ds.cite(ds, "apa")


def test_bibliography_sorts_as_each_style_sorts() -> None:
    apa = BASE.bibliography(style="apa")
    # APA 9.44-9.46: by the first element, letter by letter; brackets and "The" ignored.
    assert [e[:25] for e in apa] == [
        "putin-interviews contribu",
        "[Report on Stone’s appear",
        "[Review of Part 3 of The ",
        "Stone, O. (Director). (20",
        "Stone, O. (Director). (20",
        "Stone, O. (Director). (20",
        "Stone, O. (Director). (20",
        "Vladimir Putin opens up t",
    ]
    assert [e[22:34] for e in apa[3:7]] == ["(2017a, June", "(2017b, June", "(2017c, June", "(2017d, June"]
    chicago = BASE.bibliography(style="chicago")
    assert [e.split(".")[0] for e in chicago[:3]] == ["Deadline", "LifeZette", "LifeZette"]
    assert [e.split(". ")[1] for e in chicago[1:3]] == ["n.d.-a", "n.d.-b"]
    # A quotation cites its article once, however many quotations come from it.
    assert len(pi.bibliography(pi.quotes(speaker="putin"), style="mla")) == 3


# ------------------------------------------------------------------ year letters

# Two works of Doe and Roe in 2017: by title "The Art …" (initial article ignored) comes
# before "Stone’s …", though it was published later; a third in 2016 stands alone.
LATER = attrs.evolve(SIGNED, id="signed-later", title="The Art of the Interview", published=datetime.date(2017, 12, 1))
EARLIER = attrs.evolve(SIGNED, id="signed-2016", title="A Zebra", published=datetime.date(2016, 3, 1))
# An unsigned, undated Deadline article with a headline: with "deadline-colbert", one outlet
# and no date (Chicago 15.47), ordered by title, "The" ignored: "Other …" before "Report …".
HEADED = attrs.evolve(BASE.get_article("deadline-colbert"), id="deadline-other", title="The Other Report")
LETTERED = attrs.evolve(BASE, articles=(*BASE.articles, SIGNED, LATER, EARLIER, HEADED))


def test_a_citation_alone_has_no_year_letter() -> None:
    # The reports of issue 13: letters came from the whole dataset.
    assert pi.bibliography([pi.get_episode(2)], style="apa") == [
        "Stone, O. (Director). (2017, June 13). Part 2 [TV series episode]. In The Putin Interviews. Showtime."
    ]
    assert pi.cite(pi.get_article("lz-part-1"), style="chicago", form="in-text") == "(LifeZette n.d.)"
    assert pi.cite(pi.get_episode(2), style="apa", form="in-text") == "(Stone, 2017)"
    assert pi.cite(pi.get_episode(2), style="chicago", form="reference").startswith("Stone, Oliver, dir. 2017. ")
    # A list of works that share no name and year has no letters either.
    assert LETTERED.cite(SIGNED, "apa", "in-text", among=[SIGNED, EARLIER, pi.get_episode(1)]) == "(Doe & Roe, 2017)"


def test_a_bibliography_letters_its_own_entries_and_in_text_citations_agree() -> None:
    works = [SIGNED, LATER, EARLIER]
    url = SIGNED.url
    assert LETTERED.bibliography(works, style="apa", markup="markdown") == [
        f"Doe, J. Q., & Roe, R. (2016, March 1). *A zebra*. LifeZette. {url}",
        f"Doe, J. Q., & Roe, R. (2017a, December 1). *The art of the interview*. LifeZette. {url}",
        f"Doe, J. Q., & Roe, R. (2017b, June 13). *Stone’s “fair hearing”: What Putin said?* LifeZette. {url}",
    ]
    assert LETTERED.cite(LATER, "apa", "in-text", among=works) == "(Doe & Roe, 2017a)"
    assert LETTERED.cite(SIGNED, "apa", "narrative", among=works) == "Doe and Roe (2017b)"
    assert LETTERED.cite(EARLIER, "apa", "in-text", among=works) == "(Doe & Roe, 2016)"
    assert LETTERED.cite(LATER, "apa", "reference", among=works) == LETTERED.bibliography(works, "apa")[1]
    assert [e.split(". ")[1] for e in LETTERED.bibliography(works, style="chicago")] == ["2016", "2017a", "2017b"]
    assert LETTERED.cite(SIGNED, "chicago", "in-text", among=works) == "(Doe and Roe 2017b)"
    # Quotations cite their articles: two unsigned, undated LifeZette articles, by title.
    one, three = BASE.get_quote("lz-part-1-not-a-woman"), BASE.get_quote("lz-part-3-always-hope")
    assert [e[:17] for e in pi.bibliography([one, three], style="chicago")] == [
        "LifeZette. n.d.-a",
        "LifeZette. n.d.-b",
    ]
    assert pi.bibliography([one, three], style="chicago")[0].startswith("LifeZette. n.d.-a. Review of Part 3")
    assert pi.cite(one, "chicago", "in-text", among=[one, three]) == "(Putin, quoted in LifeZette n.d.-b)"
    assert pi.cite(one, "chicago", "in-text", among=[one]) == "(Putin, quoted in LifeZette n.d.)"
    # Styles without years have no letters, with or without among.
    assert pi.cite(one, "mla", "in-text", among=[one, three]) == "(qtd. in “Vladimir Putin Opens Up”)"
    assert "n.d.-" not in "".join(pi.bibliography([one, three], style="chicago-note"))


def test_among_must_hold_the_work_cited() -> None:
    one, three = BASE.get_quote("lz-part-1-not-a-woman"), BASE.get_quote("lz-part-3-always-hope")
    # Another quotation of the same article is the same work.
    same = BASE.get_quote("lz-part-1-western-people")
    assert pi.cite(one, "chicago", "in-text", among=[same, three]) == "(Putin, quoted in LifeZette n.d.-b)"
    with pytest.raises(ValueError, match="among must include the work cited: 'lz-part-1' is not among the 1 works"):
        pi.cite(one, "chicago", "in-text", among=[three])
    with pytest.raises(TypeError, match="among must be an iterable of records to cite, not int 5"):
        pi.cite(one, among=5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="among must be an iterable of records to cite, not str 'lz-part-1'"):
        pi.cite(one, among="lz-part-1")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="cannot cite a Person"):
        pi.cite(one, among=[one, BASE.get_person("putin")])  # type: ignore[list-item]


def test_apa_cites_a_work_with_no_author_by_a_short_title() -> None:
    # APA 8.14: the title shortened, in title case, italic as in the reference (a news
    # website article, 10.16), the comma after it; 8.6 for the secondary source.
    quote = BASE.get_quote("lz-part-1-not-a-woman")
    assert pi.cite(quote, "apa", "in-text", markup="markdown") == "(Putin, as cited in *Vladimir Putin Opens Up*, n.d.)"
    assert (
        pi.cite(quote, "apa", "in-text", markup="html") == "(Putin, as cited in <i>Vladimir Putin Opens Up</i>, n.d.)"
    )
    assert (
        pi.cite(quote, "apa", "narrative", markup="markdown") == "Putin (as cited in *Vladimir Putin Opens Up*, n.d.)"
    )
    # A title the reference does not italicise (an episode's) is in quotation marks, the
    # comma inside them.
    from putin_interviews._cite import _apa
    from putin_interviews._cite._work import work_of

    episode, _ = work_of(BASE, BASE.get_episode(1))
    untitled = attrs.evolve(episode, director=None, title="Vladimir Putin Opens Up to Oliver Stone: An Interview")
    assert _apa.cite(untitled, "in-text", None).render("text") == "(“Vladimir Putin Opens Up,” 2017)"
    assert _apa.cite(untitled, "narrative", None).render("text") == "“Vladimir Putin Opens Up” (2017)"
    assert _apa.cite(untitled, "in-text", Name.of("Vladimir Putin")).render("text") == (
        "(Putin, as cited in “Vladimir Putin Opens Up,” 2017)"
    )
    # MLA shortens the same way (the shared rule: the main title's first four words).
    assert pi.cite(quote, "mla", "in-text") == "(qtd. in “Vladimir Putin Opens Up”)"


def test_style_form_and_markup_are_literal_types_matching_the_choices() -> None:
    import typing

    functions: list[object] = [pi.cite, pi.Dataset.cite, pi.bibliography, pi.Dataset.bibliography]
    for function in functions:
        hints = typing.get_type_hints(function)
        assert typing.get_args(hints["style"]) == tuple(CITATION_FORMS)
        assert typing.get_args(hints["markup"]) == ("text", "html", "markdown")
        if "form" in hints:
            assert set(typing.get_args(hints["form"])) == {f for forms in CITATION_FORMS.values() for f in forms}


def _article_of(record: object) -> pi.Article | None:
    if isinstance(record, pi.Article):
        return record
    if isinstance(record, (pi.Quote, pi.Critique)):
        return LETTERED.get_article(record.article_id)
    return None


def _group(record: object, style: str) -> tuple[object, object]:
    """The (name, year) a citation of ``record`` shows in ``style``, worked out from the
    record (not by the code under test)."""
    if isinstance(record, pi.Episode):
        return "Stone", record.air_date.year if record.air_date else None
    article = _article_of(record)
    if article is None:
        return "contributors", 2026
    year = article.published.year if article.published else None
    if article.authors:
        return tuple(n.split()[-1] for n in article.authors), year
    return (article.outlet if style == "chicago" else (article.title or article.label)), year


def _title_order(record: object) -> str:
    article = _article_of(record)
    title = record.title if isinstance(record, pi.Episode) else article.title or article.label if article else ""
    return re.sub(r"^(the|a|an) ", "", title.replace("*", "").lower())


def _key(record: object) -> str:
    article = _article_of(record)
    return article.id if article else record.id if isinstance(record, pi.Episode) else "dataset"


def _letter(citation: str, last: bool) -> str:
    found: list[str] = re.findall(r"(?<![\w.])(?:\d{4}|n\.d\.)(-?[a-z]*)(?=[.,) ])", citation)
    return found[-1 if last else 0].lstrip("-")


POOL: list[object] = [
    *LETTERED.articles,
    *LETTERED.episodes,
    LETTERED,
    BASE.get_quote("lz-part-1-not-a-woman"),
    BASE.get_quote("lz-part-3-always-hope"),
    BASE.get_critique("lz-part-1-stone-praised-ron-paul"),
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(POOL), min_size=1, max_size=len(POOL)), st.sampled_from(["apa", "chicago"]))
def test_year_letters_are_a_b_c_within_each_name_and_year_of_the_list(records: list[object], style: str) -> None:
    entries = LETTERED.bibliography(records, style)  # type: ignore[arg-type]
    works = {_key(r): r for r in records}
    assert len(entries) == len(works)
    groups: dict[tuple[object, object], list[object]] = {}
    for record in works.values():
        groups.setdefault(_group(record, style), []).append(record)
    for same in groups.values():
        ordered = sorted(same, key=_title_order)
        expected = ["abcdefghijklmnopqrstuvwxyz"[i] for i in range(len(ordered))] if len(ordered) > 1 else [""]
        references = [LETTERED.cite(r, style, "reference", among=records) for r in ordered]  # type: ignore[arg-type]
        # Each citation made with the list is the list's entry, with its letter ...
        assert all(ref in entries for ref in references)
        assert [_letter(ref, last=False) for ref in references] == expected
        # ... and the entries of one name and year stand in the list in the order of their letters.
        assert [entries.index(ref) for ref in references] == sorted(entries.index(ref) for ref in references)
        # In-text citations made with the list use the same letters.
        for record, letter in zip(ordered, expected, strict=True):
            for form in ("in-text", "narrative"):
                assert _letter(LETTERED.cite(record, style, form, among=records), last=True) == letter  # type: ignore[arg-type]


def test_bad_style_form_markup_and_record() -> None:
    article = BASE.get_article("lz-part-1")
    with pytest.raises(NotFoundError, match="no citation style 'apa7'; did you mean 'apa'"):
        pi.cite(article, style="apa7")  # type: ignore[arg-type]
    with pytest.raises(NotFoundError, match="no form of style 'apa' 'note'"):
        pi.cite(article, style="apa", form="note")
    with pytest.raises(NotFoundError, match="no markup 'latex'"):
        pi.cite(article, markup="latex")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="cannot cite a Person"):
        pi.cite(BASE.get_person("putin"))  # type: ignore[arg-type]


# ------------------------------------------------------------------ machine formats


def test_bibtex_parses_with_bibtexparser_and_keeps_every_field() -> None:
    bibtexparser = pytest.importorskip("bibtexparser")
    assert bibtexparser.__version__.startswith("2")
    text = "\n\n".join(BASE.bibliography(style="bibtex"))
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    entries = {e.key: e for e in library.entries}
    assert sorted(entries) == sorted(
        ["lz-part-1", "lz-part-3", "deadline-colbert", "part-1", "part-2", "part-3", "part-4", "putin-interviews"]
    )
    first = entries["lz-part-1"]
    assert first.entry_type == "online"
    assert (
        first.fields_dict["title"].value == "Vladimir Putin Opens Up to Oliver Stone About America, al-Qaida, and More"
    )
    assert first.fields_dict["organization"].value == "LifeZette"
    assert first.fields_dict["url"].value.startswith("https://www.lifezette.com/")
    assert "date" not in first.fields_dict  # not known: left out, never guessed
    episode = entries["part-1"]
    assert episode.entry_type == "video"
    assert {k: f.value for k, f in episode.fields_dict.items()} == {
        "editor": "Stone, Oliver",
        "editortype": "director",
        "title": "Part 1",
        "maintitle": "The Putin Interviews",
        "number": "1",
        "organization": "Showtime",
        "date": "2017-06-12",
        "type": "TV series episode",
    }
    assert entries["putin-interviews"].entry_type == "misc"
    assert (
        entries["deadline-colbert"].fields_dict["title"].value
        == "[Report on Stone’s appearance on The Late Show with Stephen Colbert]"
    )  # UTF-8 kept


def test_bibtex_escapes_specials() -> None:
    bibtexparser = pytest.importorskip("bibtexparser")
    odd = attrs.evolve(SIGNED, id="odd", title="50% of {AT&T} #1_fans $ ~ ^ \\")
    ds = attrs.evolve(BASE, articles=(*BASE.articles, odd))
    text = ds.cite(odd, "bibtex")
    assert r"50\% of \{AT\&T\} \#1\_fans \$ \textasciitilde{} \textasciicircum{} \textbackslash{}" in text
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    assert library.entries[0].fields_dict["author"].value == "Doe, Jane Q. and Roe, Richard"


def test_ris_parses_with_rispy() -> None:
    rispy = pytest.importorskip("rispy")
    records = rispy.loads("\n".join(BASE.bibliography(style="ris")))
    by_id = {r["id"]: r for r in records}
    assert by_id["lz-part-1"]["type_of_reference"] == "NEWS"
    assert by_id["lz-part-1"]["title"] == "Vladimir Putin Opens Up to Oliver Stone About America, al-Qaida, and More"
    assert by_id["lz-part-1"]["secondary_title"] == "LifeZette"
    assert by_id["lz-part-1"]["urls"] == [BASE.get_article("lz-part-1").url]
    assert "authors" not in by_id["lz-part-1"]
    assert by_id["part-2"]["type_of_reference"] == "VIDEO"
    assert by_id["part-2"]["authors"] == ["Stone, Oliver"]
    assert by_id["part-2"]["publisher"] == "Showtime"
    assert by_id["part-2"]["date"] == "2017/06/13"
    assert by_id["putin-interviews"]["type_of_reference"] == "DATA"
    assert by_id["putin-interviews"]["edition"] == "2.0.0"


# CSL 1.0.2: the item types and the variables of the CSL data schema (names, dates, the rest).
CSL_TYPES = {
    "article",
    "article-journal",
    "article-magazine",
    "article-newspaper",
    "bill",
    "book",
    "broadcast",
    "chapter",
    "classic",
    "collection",
    "dataset",
    "document",
    "entry",
    "entry-dictionary",
    "entry-encyclopedia",
    "event",
    "figure",
    "graphic",
    "hearing",
    "interview",
    "legal_case",
    "legislation",
    "manuscript",
    "map",
    "motion_picture",
    "musical_score",
    "pamphlet",
    "paper-conference",
    "patent",
    "performance",
    "periodical",
    "personal_communication",
    "post",
    "post-weblog",
    "regulation",
    "report",
    "review",
    "review-book",
    "software",
    "song",
    "speech",
    "standard",
    "thesis",
    "treaty",
    "webpage",
}
CSL_NAME_VARIABLES = {
    "author",
    "chair",
    "collection-editor",
    "compiler",
    "composer",
    "container-author",
    "contributor",
    "curator",
    "director",
    "editor",
    "editorial-director",
    "executive-producer",
    "guest",
    "host",
    "interviewer",
    "illustrator",
    "narrator",
    "organizer",
    "original-author",
    "performer",
    "producer",
    "recipient",
    "reviewed-author",
    "script-writer",
    "series-creator",
    "translator",
}
CSL_DATE_VARIABLES = {"accessed", "available-date", "event-date", "issued", "original-date", "submitted"}
CSL_OTHER_VARIABLES = {
    "id",
    "type",
    "abstract",
    "annote",
    "archive",
    "archive_collection",
    "archive_location",
    "archive-place",
    "authority",
    "call-number",
    "chapter-number",
    "citation-key",
    "citation-label",
    "citation-number",
    "collection-number",
    "collection-title",
    "container-title",
    "container-title-short",
    "dimensions",
    "division",
    "DOI",
    "edition",
    "event",
    "event-title",
    "event-place",
    "first-reference-note-number",
    "genre",
    "ISBN",
    "ISSN",
    "issue",
    "jurisdiction",
    "keyword",
    "language",
    "license",
    "locator",
    "medium",
    "note",
    "number",
    "number-of-pages",
    "number-of-volumes",
    "original-publisher",
    "original-publisher-place",
    "original-title",
    "page",
    "page-first",
    "part-number",
    "part-title",
    "PMCID",
    "PMID",
    "printing",
    "publisher",
    "publisher-place",
    "references",
    "reviewed-genre",
    "reviewed-title",
    "scale",
    "section",
    "source",
    "status",
    "supplement",
    "title",
    "title-short",
    "URL",
    "version",
    "volume",
    "volume-title",
    "year-suffix",
}


def check_csl_item(item: dict[str, object]) -> None:
    assert item["type"] in CSL_TYPES
    assert isinstance(item["id"], str)
    for key, value in item.items():
        if key in CSL_NAME_VARIABLES:
            assert isinstance(value, list)
            for name in value:
                assert isinstance(name, dict)
                assert set(name) <= {
                    "family",
                    "given",
                    "literal",
                    "suffix",
                    "dropping-particle",
                    "non-dropping-particle",
                }
                assert ("literal" in name) != ("family" in name)
        elif key in CSL_DATE_VARIABLES:
            assert isinstance(value, dict)
            parts = value["date-parts"]
            assert isinstance(parts, list)
            assert all(isinstance(p, list) and 1 <= len(p) <= 3 and all(isinstance(x, int) for x in p) for p in parts)
        else:
            assert key in CSL_OTHER_VARIABLES, key
            assert isinstance(value, (str, int)), key


def test_csl_json_uses_only_csl_1_0_2_types_and_variables() -> None:
    items = [json.loads(e)[0] for e in BASE.bibliography(style="csl-json")]
    assert len(items) == 8
    for item in items:
        check_csl_item(item)
    by_id = {i["id"]: i for i in items}
    assert by_id["lz-part-3"]["type"] == "review"
    assert by_id["lz-part-3"]["reviewed-title"] == "Part 3"
    assert "title" not in by_id["lz-part-3"]  # unknown: absent, never "None"
    assert by_id["part-4"] == {
        "id": "part-4",
        "type": "broadcast",
        "title": "Part 4",
        "container-title": "The Putin Interviews",
        "director": [{"family": "Stone", "given": "Oliver"}],
        "number": 4,
        "publisher": "Showtime",
        "issued": {"date-parts": [[2017, 6, 15]]},
        "genre": "TV series episode",
    }
    assert by_id["putin-interviews"]["type"] == "dataset"


def test_csl_json_validates_against_a_json_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    name = {
        "type": "object",
        "properties": {k: {"type": "string"} for k in ("family", "given", "literal")},
        "additionalProperties": False,
    }
    date = {
        "type": "object",
        "properties": {
            "date-parts": {
                "type": "array",
                "items": {"type": "array", "items": {"type": "integer"}, "minItems": 1, "maxItems": 3},
            }
        },
        "required": ["date-parts"],
        "additionalProperties": False,
    }
    properties: dict[str, object] = {"type": {"enum": sorted(CSL_TYPES)}}
    properties.update({v: {"type": "array", "items": name} for v in CSL_NAME_VARIABLES})
    properties.update(dict.fromkeys(CSL_DATE_VARIABLES, date))
    properties.update({v: {"type": ["string", "number"]} for v in CSL_OTHER_VARIABLES - {"type"}})
    schema = {
        "type": "array",
        "items": {
            "type": "object",
            "properties": properties,
            "required": ["id", "type"],
            "additionalProperties": False,
        },
    }
    for entry in BASE.bibliography(style="csl-json"):
        jsonschema.validate(json.loads(entry), schema)


# ------------------------------------------------------------------ properties

any_text = st.text(min_size=1, max_size=40)
# Half the time, values that begin and end with a letter or digit: for those, any doubled
# punctuation in a citation is the formatter's doing, not the value's.
edged_text = st.one_of(any_text, any_text.map(lambda s: f"A{s}z"))
maybe_text = st.none() | edged_text
names = st.lists(
    st.from_regex(r"[A-Za-zÀ-ÿ]{1,10} [A-Za-zÀ-ÿ]{1,12}", fullmatch=True) | st.text(min_size=1, max_size=20),
    max_size=4,
).map(tuple)


@st.composite
def odd_articles(draw: st.DrawFn) -> object:
    return attrs.evolve(
        SIGNED,
        id="generated",
        title=draw(maybe_text),
        label=draw(edged_text),
        outlet=draw(edged_text),
        authors=draw(names),
        published=draw(st.none() | st.dates()),
        url=draw(st.none() | st.just("https://example.org/a?b=1&c=<2>")),
    )


class _Checker(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag == "i"
        assert attrs == []
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack.pop() == tag

    def handle_data(self, data: str) -> None:
        self.text += data


def _count(pattern: str, *texts: str | None) -> int:
    return sum(t.count(pattern) for t in texts if t)


def test_a_title_with_nothing_before_its_colon_is_its_own_short_title() -> None:
    # The short forms took the words before a title's colon: of ":0", none ('' for Chicago's
    # short note, "[] (n.d.)" for APA, "()" for MLA). Found by the property below.
    article = attrs.evolve(BASE.articles[0], title=None, label=":0", outlet="0", authors=())
    ds = attrs.evolve(BASE, articles=(*BASE.articles, article))
    assert ds.cite(article, "chicago-note", "short-note") == ":0."
    assert ds.cite(article, "apa", "narrative") == "[:0] (n.d.)"
    assert ds.cite(article, "mla", "in-text") == "(:0)"


@given(odd_articles())
def test_every_style_handles_arbitrary_article_metadata(article: object) -> None:
    assert isinstance(article, pi.Article)
    ds = attrs.evolve(BASE, articles=(*BASE.articles, article))
    inputs = [article.title, article.label, article.outlet, article.url, *article.authors]
    clean_edges = all(v[:1].isalnum() and v[-1:].isalnum() for v in inputs if v and v != article.url)
    for style, forms in CITATION_FORMS.items():
        for form in forms:
            text = ds.cite(article, style, form)
            assert text.strip(), (style, form)
            assert _count("None", text) <= _count("None", *inputs)
            if style in ("bibtex", "ris", "csl-json"):
                continue
            # ".," is not in the list: it is right after an initial ("Doe, J. Q., & Roe, R.").
            for doubled in (
                () if not clean_edges else ("..", ",,", ",.", ";.", ":.", "()", "( )", "[]", "“”", " ,", " .")
            ):
                assert _count(doubled, text) <= _count(doubled, *inputs) + _count(doubled.strip(), *inputs), (
                    style,
                    form,
                    doubled,
                    text,
                )
            assert "  " not in text
            page = ds.cite(article, style, form, markup="html")
            checker = _Checker()
            checker.feed(page)
            checker.close()
            assert checker.stack == []
            assert " ".join(checker.text.split()) == " ".join(text.split())
            markdown = ds.cite(article, style, form, markup="markdown")
            assert re.sub(r"\\.", "", markdown).count("*") % 2 == 0  # italics open and close
    # Two works alike in all but their ids: the author-date styles tell them apart by year
    # letters, whatever their titles.
    twin = attrs.evolve(article, id="generated-twin")
    both = attrs.evolve(ds, articles=(*ds.articles, twin))
    for style in ("apa", "chicago"):
        entries = both.bibliography([article, twin], style)
        assert len(set(entries)) == 2
        assert len({both.cite(a, style, "in-text", among=[article, twin]) for a in (article, twin)}) == 2


# ------------------------------------------------------------------ command line


def test_cite_on_the_command_line() -> None:
    import subprocess
    import sys
    from pathlib import Path

    script = Path(sys.executable).with_name("putin-interviews")
    out = subprocess.run([str(script), "cite", "part-1", "--style", "mla"], capture_output=True, text=True, check=False)
    assert out.stdout == "“Part 1.” The Putin Interviews, directed by Oliver Stone, Showtime, 12 June 2017.\n"
    out = subprocess.run(
        [str(script), "cite", "--all", "--style", "csl-json"], capture_output=True, text=True, check=False
    )
    assert [i["id"] for i in json.loads(out.stdout)][:2] == ["deadline-colbert", "lz-part-1"]
    out = subprocess.run(
        [str(script), "cite", "dataset", "--style", "apa", "--form", "in-text"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.stdout == "(putin-interviews contributors, 2026)\n"
    out = subprocess.run([str(script), "cite", "nope"], capture_output=True, text=True, check=False)
    assert out.returncode == 2
    assert out.stderr.startswith("putin-interviews: error: no record 'nope'")


# ------------------------------------------------------------------ the guide


def test_the_citations_guide_fits_the_page() -> None:
    # Each line of a code block is a line of a <pre> in the built page, which scrolls
    # sideways beyond about 88 characters at Furo's width (736 px at 13 px monospace,
    # measured in Chromium): long citations are printed wrapped.
    from pathlib import Path

    page = (Path(__file__).resolve().parents[1] / "docs" / "guide-citations.md").read_text("utf-8")
    blocks = re.findall(r"^```[a-z]*\n(.*?)^```", page, re.S | re.M)
    assert len(blocks) >= 4
    long = [line for block in blocks for line in block.splitlines() if len(line) > 86]
    assert long == []

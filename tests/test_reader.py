"""Tests for kg/reader.py: files -> Article records, one ReadError per unreadable article."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import ReadError
from kg.model import Article
from kg.reader import FORMATS, article_from_json, iter_files, read_file, read_text

DATA = Path(__file__).parent / "data" / "reader"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SAMPLES = Path(__file__).resolve().parents[1] / "kg" / "samples"


def articles(results: list[Article | ReadError]) -> list[Article]:
    assert all(isinstance(r, Article) for r in results), [str(r) for r in results]
    return [r for r in results if isinstance(r, Article)]


def only_error(results: list[Article | ReadError]) -> ReadError:
    assert len(results) == 1 and isinstance(results[0], ReadError), results
    return results[0]


def page(*parts: str) -> str:
    """Lines of a page, one blank line between them, as the seed's pages are laid out."""
    return "\n\n".join(parts) + "\n"


PARA_1 = "Russian President Vladimir Putin headed to Pyongyang on Tuesday for a summit with Kim Jong-un."
PARA_2 = "Putin’s comments appeared in North Korean state media hours before he was expected to arrive."
DATE_LINE = "Published at Tue, 18 Jun 2024 12:09:45 +0000"
DATE = datetime(2024, 6, 18, 12, 9, 45, tzinfo=UTC)


# --- iter_files ------------------------------------------------------------------------------------


def test_iter_files_expands_folders_recursively_sorted_and_skips_hidden_and_other_suffixes(
    tmp_path: Path,
) -> None:
    for name in [
        "b.txt",
        "a.jsonl",
        "sub/c.html",
        "sub/d.htm",
        "notes.md",
        "gold.json",
        ".hidden.txt",
        ".git/e.txt",
    ]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")

    found = iter_files([tmp_path])

    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a.jsonl",
        "b.txt",
        "sub/c.html",
        "sub/d.htm",
    ]


def test_iter_files_keeps_named_files_in_order_without_repeats(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "z.txt").write_text("x", encoding="utf-8")

    found = iter_files([tmp_path / "z.txt", tmp_path, tmp_path / "a.txt"])

    assert found == [tmp_path / "z.txt", tmp_path / "a.txt"]


def test_iter_files_raises_for_a_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    with pytest.raises(ReadError) as caught:
        iter_files([missing])
    assert caught.value.source == str(missing)
    assert caught.value.reason == "no such file or folder"


# --- page format -----------------------------------------------------------------------------------


def test_page_with_header_two_articles_video_promo_and_footer() -> None:
    first, second = articles(read_file(DATA / "page.txt"))

    assert first.title == "Putin praises North Korea for support ahead of rare visit"
    assert first.published == datetime(2024, 6, 18, 12, 9, 45, tzinfo=UTC)
    assert first.source == "page.txt#1"
    # the video promo and the sub-heading stay in the text, one paragraph per line of the page
    assert first.text.split("\n\n") == [
        "Russian President Vladimir Putin thanked North Korea for supporting his actions in Ukraine as he "
        "headed to Pyongyang on Tuesday.",
        "Putin’s comments appeared in an op-ed piece in North Korean state media hours before he was "
        "expected to arrive.",
        "WATCH l U.S. defence secretary scoffs at Putin ceasefire demands:",
        "‘Putin can end this war today,’ U.S. defence secretary says",
        "4 days ago",
        "Duration 1:16",
        "U.S. Defence Secretary Lloyd Austin responded to the Russian president’s demands.",
        "Accusations and denials",
        "He said the countries would continue to “resolutely oppose” Western ambitions.",
    ]
    assert second.title == "Russia buying spies to make up for expelled diplomats, German agency says"
    assert second.published == datetime(2024, 6, 18, 13, 52, 21, tzinfo=UTC)
    assert second.source == "page.txt#2"
    assert second.text.endswith("spending big to recruit agents in Germany.")


def test_page_site_header_is_kept_as_publisher_of_every_article() -> None:
    results = articles(read_file(DATA / "page.txt"))
    assert [a.publisher for a in results] == ["The Daily Wire Service | World"] * 2


def test_page_footer_after_the_last_article_is_ignored() -> None:
    results = read_file(DATA / "page.txt")
    assert len(results) == 2
    assert "Back to top" not in results[-1].text  # type: ignore[union-attr]


def test_single_article_file_has_no_header_and_an_unnumbered_source(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text(page("Putin arrives in Pyongyang", PARA_1, PARA_2, DATE_LINE), encoding="utf-8")

    (article,) = articles(read_file(path))

    assert article == Article(
        title="Putin arrives in Pyongyang",
        text=f"{PARA_1}\n\n{PARA_2}",
        published=DATE,
        source="one.txt",
    )


def test_trailing_article_without_date_is_an_error_in_its_place() -> None:
    text = page("Title one", PARA_1, DATE_LINE, "Title two", PARA_2)

    first, second = read_text(text, "page.txt")

    assert isinstance(first, Article) and first.title == "Title one"
    assert isinstance(second, ReadError)
    assert second.source == "page.txt#2"
    assert "no 'Published at <date>' line after the article 'Title two'" in second.reason
    assert "Published at Tue, 18 Jun 2024 12:09:45 +0000" in second.reason


def test_single_article_without_date_is_one_error() -> None:
    error = only_error(read_text(page("Title", PARA_1, PARA_2), "one.txt"))
    assert error.source == "one.txt"
    assert error.reason.startswith("no 'Published at <date>' line after the article")


def test_bad_date_names_the_date_and_line_and_the_other_articles_still_read() -> None:
    text = page("Title one", PARA_1, "Published at 31/02/2024 noon", "Title two", PARA_2, DATE_LINE)

    first, second = read_text(text, "page.txt")

    assert isinstance(first, ReadError)
    assert first.source == "page.txt#1"
    assert "cannot read the date '31/02/2024 noon' on line 5" in first.reason
    assert isinstance(second, Article) and second.title == "Title two"


@pytest.mark.parametrize(
    ("date_line", "expected"),
    [
        ("Published at 2024-06-18T12:09:45Z", DATE),
        ("Published at 2024-06-18T14:09:45+02:00", DATE),
        ("Published at 2024-06-18T12:09:45", DATE),  # naive: UTC
        ("Published at Tue, 18 Jun 2024 12:09:45 -0000", DATE),  # "zone unknown": UTC
        ("Published at Tue, 18 Jun 2024 08:09:45 -0400", DATE),
    ],
)
def test_published_at_accepts_rfc_2822_and_iso_8601_and_is_timezone_aware(
    date_line: str, expected: datetime
) -> None:
    (article,) = articles(read_text(page("Title", PARA_1, date_line), "x.txt"))
    assert article.published == expected
    assert article.published.utcoffset() is not None


def test_published_date_keeps_its_offset() -> None:
    (article,) = articles(
        read_text(page("Title", PARA_1, "Published at Tue, 18 Jun 2024 08:09:45 -0400"), "x")
    )
    assert article.published.utcoffset() == timedelta(hours=-4)


def test_paragraph_starting_with_published_at_does_not_end_the_article() -> None:
    paragraph = "Published at the height of the crisis, the report said little that was new about the talks."
    (article,) = articles(read_text(page("Title", PARA_1, paragraph, DATE_LINE), "x.txt"))
    assert article.text == f"{PARA_1}\n\n{paragraph}"


def test_byline_between_title_and_text_is_not_the_title() -> None:
    (article,) = articles(read_text(page("Putin lands in Pyongyang", "By Jane Doe", PARA_1, DATE_LINE), "x"))
    assert article.title == "Putin lands in Pyongyang"
    assert article.text == f"By Jane Doe\n\n{PARA_1}"


def test_title_ending_in_an_abbreviation_is_still_a_title() -> None:
    (article,) = articles(read_text(page("Kim says he will never talk to the U.S.", PARA_1, DATE_LINE), "x"))
    assert article.title == "Kim says he will never talk to the U.S."


def test_lines_between_articles_are_not_kept() -> None:
    text = page("Title one", PARA_1, DATE_LINE, "Share this", "Related", "Title two", PARA_2, DATE_LINE)
    _, second = articles(read_text(text, "x.txt"))
    assert second.title == "Title two"
    assert second.text == PARA_2


def test_published_at_line_with_no_article_above_it() -> None:
    first, second = read_text(page("Title", PARA_1, DATE_LINE, DATE_LINE), "x.txt")
    assert isinstance(first, Article)
    assert isinstance(second, ReadError) and second.source == "x.txt#2"
    assert "has no article above it" in second.reason


def test_text_without_paragraph_before_a_title_is_an_error() -> None:
    error = only_error(read_text(page(PARA_1, DATE_LINE), "x.txt"))
    assert "no title line before the text" in error.reason


def test_page_of_only_short_lines_has_no_article() -> None:
    error = only_error(read_text(page("Exit mobile version", "© 2024 Site", "Back to top"), "x.txt"))
    assert error.reason.startswith("no article found")


def test_multi_line_paragraphs_keep_their_line_breaks() -> None:
    (article,) = articles(
        read_text(page("Title", "First line of a poem\nsecond line.", PARA_2, DATE_LINE), "x")
    )
    assert article.text == f"First line of a poem\nsecond line.\n\n{PARA_2}"


# --- normalisation and unreadable files ------------------------------------------------------------


def test_bom_crlf_and_unicode_spaces_are_normalised_but_curly_quotes_kept(tmp_path: Path) -> None:
    text = page(
        "Putin’s “rare” visit", "Kim\u00a0Jong-un greeted Putin’s plane\u202fin Pyongyang.\u00a0", DATE_LINE
    )
    path = tmp_path / "one.txt"
    path.write_bytes(("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8"))

    (article,) = articles(read_file(path))

    assert article.title == "Putin’s “rare” visit"
    assert article.text == "Kim Jong-un greeted Putin’s plane in Pyongyang."
    assert article.published == DATE


def test_old_mac_line_ends_are_line_ends() -> None:
    (article,) = articles(read_text(page("Title", PARA_1, DATE_LINE).replace("\n", "\r"), "x.txt"))
    assert article.text == PARA_1


@pytest.mark.parametrize(
    ("content", "reason"), [(b"", "empty file"), (b" \n\t\r\n ", "empty file (only whitespace)")]
)
def test_empty_file(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    error = only_error(read_file(path))
    assert (error.source, error.reason) == ("empty.txt", reason)


def test_not_utf8_names_the_byte_and_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\u00e9 talks\n\nText.\n".encode("latin-1"))

    error = only_error(read_file(path))

    assert error.source == "latin1.txt"
    assert error.reason == "not UTF-8 text (byte 0xe9 at offset 3); re-save the file as UTF-8"


def test_unknown_suffix_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "article.pdf"
    path.write_bytes(b"%PDF-1.4")
    error = only_error(read_file(path))
    assert "unknown format '.pdf'" in error.reason


def test_unreadable_file_is_an_error_not_an_exception(tmp_path: Path) -> None:
    error = only_error(read_file(tmp_path / "gone.txt"))
    assert error.source == "gone.txt"
    assert error.reason.startswith("cannot read the file")


def test_binary_text_is_an_error() -> None:
    assert "binary data" in only_error(read_text("\x00\x01abc", "x.txt")).reason


def test_unknown_fmt_is_an_error() -> None:
    assert "unknown format 'pdf'" in only_error(read_text("text", "x", fmt="pdf")).reason


# --- JSON lines ------------------------------------------------------------------------------------


def test_jsonl_reads_each_line_and_names_line_and_field_of_bad_ones() -> None:
    results = read_file(DATA / "feed.jsonl")

    assert [type(r).__name__ for r in results] == ["Article", "Article", "ReadError", "ReadError", "Article"]
    eu, iran, broken, undated, naive = results
    assert isinstance(eu, Article) and isinstance(iran, Article) and isinstance(naive, Article)
    assert eu == Article(
        title="EU adopts 14th sanctions package",
        text="The European Union adopted its 14th package of sanctions against Russia on Monday.\n\n"
        "It targets LNG for the first time.",
        published=datetime(2024, 6, 24, 16, 45, 20, tzinfo=UTC),
        source="feed.jsonl:1",
        url="https://example.org/eu-14",
        publisher="Example News",
    )
    assert iran.source == "feed.jsonl:3"
    assert iran.published == datetime(2024, 4, 18, 21, 30, 55, tzinfo=UTC)
    assert isinstance(broken, ReadError) and broken.source == "feed.jsonl:4"
    assert broken.reason.startswith("not valid JSON")
    assert isinstance(undated, ReadError) and undated.source == "feed.jsonl:5"
    assert undated.reason.startswith("field 'published' is missing")
    assert naive.published == datetime(2024, 6, 18, 12, 9, 45, tzinfo=UTC)


def test_jsonl_line_that_is_not_an_object() -> None:
    error = only_error(read_text('["a", "list"]\n', "feed.jsonl", fmt="jsonl"))
    assert error.source == "feed.jsonl:1"
    assert "a JSON array where an object was expected" in error.reason


GOOD = {"title": "Title", "text": "Text.", "published": "2024-06-18T12:09:45Z"}


@pytest.mark.parametrize(
    ("change", "reason_start"),
    [
        ({"title": None}, "field 'title' is missing"),
        ({"text": None}, "field 'text' is missing"),
        ({"published": None}, "field 'published' is missing"),
        ({"title": 3}, "field 'title' is a number"),
        ({"text": ["a"]}, "field 'text' is a array"),
        ({"title": "  "}, "field 'title' is blank"),
        ({"text": "\n\n"}, "field 'text' is blank"),
        ({"published": "yesterday"}, "field 'published' ('yesterday') is not a date"),
        ({"published": 1718712585}, "field 'published' is a number"),
        ({"url": "example.org/x"}, "field 'url' ('example.org/x') is not an http(s) URL"),
        ({"publisher": 1}, "field 'publisher' is a number"),
    ],
)
def test_article_from_json_names_the_bad_field(change: dict[str, object], reason_start: str) -> None:
    obj = {**GOOD, **change}
    for key in [k for k, v in change.items() if v is None]:
        del obj[key]
    with pytest.raises(ReadError) as caught:
        article_from_json(obj, "POST /articles")
    assert caught.value.source == "POST /articles"
    assert caught.value.reason.startswith(reason_start)


def test_article_from_json_normalises_like_a_file() -> None:
    article = article_from_json(
        {**GOOD, "title": " Putin’s\u00a0visit \n", "text": "One.\r\n\r\n\r\n Two\u00a0“quoted”. ", "id": 7},
        "api",
    )
    assert article == Article(
        title="Putin’s visit", text="One.\n\nTwo “quoted”.", published=DATE, source="api"
    )


def test_article_from_json_rejects_a_non_object() -> None:
    with pytest.raises(ReadError, match="a JSON string where an object was expected"):
        article_from_json("title", "api")  # type: ignore[arg-type]


# --- HTML ------------------------------------------------------------------------------------------


def test_html_articles_title_date_paragraphs_and_captions_without_chrome() -> None:
    first, second = read_file(DATA / "page.html")

    assert isinstance(first, Article)
    assert first.title == "Blinken meets Xi in Beijing"
    assert first.published == datetime(2023, 6, 19, 15, 30, 42, tzinfo=UTC)
    assert first.source == "page.html#1"
    assert first.publisher == "Example News"
    assert first.text.split("\n\n") == [
        "U.S. Secretary of State Antony Blinken met Chinese President Xi Jinping at the Great Hall of the "
        "People on Monday.",
        "Blinken and Xi shake hands in Beijing.",
        "Xi told his guest that the two sides had made progress on “specific issues”.",
    ]
    assert isinstance(second, ReadError)
    assert second.source == "page.html#2"
    assert second.reason.startswith("no publication date for 'An article without a date'")


def test_html_without_article_element_is_one_article_from_the_body() -> None:
    html = """<html><head><title>Kim meets Putin</title>
    <meta property="article:published_time" content="2024-06-18T12:09:45+00:00">
    <link rel="canonical" href="https://example.org/kim-putin"></head>
    <body><p>Kim met Putin.<br>In Pyongyang.</p><p>Second &amp; last.</p></body></html>"""

    (article,) = articles(read_text(html, "kim.html"))

    assert article == Article(
        title="Kim meets Putin",
        text="Kim met Putin.\nIn Pyongyang.\n\nSecond & last.",
        published=DATE,
        source="kim.html",
        url="https://example.org/kim-putin",
    )


def test_html_with_unclosed_paragraphs() -> None:
    html = "<article><h1>T</h1><time datetime='2024-06-18'></time><p>One.<p>Two.<div>x</div></article>"
    (article,) = articles(read_text(html, "x.html", fmt="html"))
    assert article.text == "One.\n\nTwo."
    assert article.published == datetime(2024, 6, 18, tzinfo=UTC)


@pytest.mark.parametrize(
    ("html", "reason_start"),
    [
        ("<article><time datetime='2024-06-18'></time><p>Text.</p></article>", "no title"),
        ("<article><h1>T</h1><time datetime='2024-06-18'></time></article>", "the article 'T' has no text"),
        ("<article><h1>T</h1><time datetime='soon'></time><p>x</p></article>", "cannot read the date 'soon'"),
    ],
)
def test_html_errors(html: str, reason_start: str) -> None:
    assert only_error(read_text(html, "x.html", fmt="html")).reason.startswith(reason_start)


# --- format detection ------------------------------------------------------------------------------


def test_auto_detects_each_format() -> None:
    jsonl = json.dumps(GOOD) + "\n"
    html = "<!doctype html><article><h1>Title</h1><time datetime='2024-06-18T12:09:45Z'></time><p>Text.</p>"
    text = page("Title", "Text.", DATE_LINE)
    for content, source in [(jsonl, "x:1"), (html, "x"), (text, "x")]:
        (article,) = articles(read_text(content, "x"))
        assert (article.title, article.text, article.published, article.source) == (
            "Title",
            "Text.",
            DATE,
            source,
        )


# --- the shared corpus and the shipped samples -----------------------------------------------------

CORPUS_FILES = sorted(CORPUS.glob("*/*.txt")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not CORPUS_FILES, reason="../shared/corpus is not here")
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_shared_corpus_file_is_one_article_matching_its_gold(path: Path) -> None:
    gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))

    (article,) = articles(read_file(path))

    assert article.title == gold["title"]
    assert article.published == datetime.fromisoformat(gold["published"])
    assert article.source == path.name
    assert article.publisher is None
    assert not article.text.startswith(article.title)
    assert "Published at" not in article.text
    for event in gold["events"]:
        assert event["evidence"] in article.text


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")
def test_iter_files_on_the_shared_corpus_finds_only_the_articles() -> None:
    assert iter_files([CORPUS]) == CORPUS_FILES


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_shipped_sample_pages_read_without_errors(path: Path) -> None:
    results = articles(read_file(path))
    assert len(results) > 1
    assert all(a.publisher and a.title and a.text for a in results)


# --- robustness ------------------------------------------------------------------------------------

TRICKY_LINES = st.sampled_from(
    [
        "",
        "Title of an article",
        PARA_1,
        "Short line.",
        DATE_LINE,
        "Published at ",
        "Published at 99 Foo 2024",
        "Published at 2024-13-45",
        "Exit mobile version",
        "© 2024 Site",
        '{"title": "T", "text": "x", "published": "2024-06-18"}',
        '{"title": 1}',
        "<article><h1>T</h1><time datetime='2024-06-18'>",
        "<p>text</p></article>",
        "\ufeff",
        "\r",
        "\u00a0\u2028\u2029",
        "“quoted”",
    ]
)


def check_results(results: list[Article | ReadError]) -> None:
    assert results
    for result in results:
        assert isinstance(result, Article | ReadError)
        if isinstance(result, ReadError):
            assert result.reason and "\n" not in result.reason
        else:
            assert result.title and result.text
            assert result.published.utcoffset() is not None


@settings(max_examples=300, deadline=None, database=None)
@given(text=st.text(), fmt=st.sampled_from(FORMATS))
def test_read_text_never_raises_on_arbitrary_text(text: str, fmt: str) -> None:
    check_results(read_text(text, "x", fmt))


@settings(max_examples=300, deadline=None, database=None)
@given(
    lines=st.lists(st.one_of(TRICKY_LINES, st.text(max_size=30)), max_size=20), fmt=st.sampled_from(FORMATS)
)
def test_read_text_never_raises_on_page_like_text(lines: list[str], fmt: str) -> None:
    check_results(read_text("\n".join(lines), "x", fmt))


@pytest.mark.parametrize(
    ("text", "title", "publisher"),
    [
        (
            page("Site News\nPutin lands in Pyongyang", PARA_1, DATE_LINE),
            "Putin lands in Pyongyang",
            "Site News",
        ),
        (f"Putin lands in Pyongyang\n{PARA_1}\n\n{DATE_LINE}", "Putin lands in Pyongyang", None),
        (
            page("Site News", "World", "Putin lands in Pyongyang", PARA_1, DATE_LINE),
            "Putin lands in Pyongyang",
            "Site News | World",
        ),
    ],
)
def test_title_is_the_last_short_line_above_the_text(text: str, title: str, publisher: str | None) -> None:
    (article,) = articles(read_text(text, "x.txt"))
    assert (article.title, article.text, article.publisher) == (title, PARA_1, publisher)


def test_published_at_line_without_a_date() -> None:
    error = only_error(read_text(page("Title", PARA_1, "Published at"), "x.txt"))
    assert error.reason.startswith("the 'Published at' line 5 has no date")


def test_html_article_teasers_in_asides_are_not_articles() -> None:
    html = """<body><article><h1>Main</h1><time datetime="2024-06-18T12:09:45Z"></time><p>Text.</p></article>
    <aside><article><h2>Related story</h2><p>Teaser.</p></article></aside></body>"""
    (article,) = articles(read_text(html, "x.html"))
    assert (article.title, article.text, article.source) == ("Main", "Text.", "x.html")


@pytest.mark.parametrize("text", ["<![0", "<p>A page</p><![0 x", "<![", "<![if !IE]>x"])
def test_a_malformed_marked_section_is_an_error_not_a_crash(text: str) -> None:
    # Python 3.11's HTMLParser raises AssertionError on "<![0"; found by the property test above
    check_results(read_text(text, "x.html", "html"))

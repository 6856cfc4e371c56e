"""The read stage: files -> :class:`kg.model.Article` records. Knows nothing of spaCy or RDF.

Three formats, told apart by the file's suffix (or, for text without a name, by its first characters):

**page** (``.txt``)
    Optional site header line(s), then articles, each one a title line, a blank line, paragraphs
    separated by blank lines and a closing ``Published at <date>`` line (RFC 2822, or ISO 8601); after
    the last article, footer lines ("Back to top", "© 2024 Site") are ignored. A single-article ``.txt``
    file is a page with one article and no header::

        World News Today                                <- site header, kept as ``publisher``
        Putin praises North Korea ...                   <- title: the last short line before the text
        <blank>
        Russian President Vladimir Putin thanked ...    <- paragraphs, kept with their boundaries
        <blank>
        Published at Tue, 18 Jun 2024 12:09:45 +0000    <- ends the article
        Back to top                                     <- footer, ignored

**jsonl** (``.jsonl``)
    One JSON object per line: ``{"title", "text", "published", "url"?, "publisher"?}``.

**html** (``.html``, ``.htm``)
    Every ``<article>`` element (else the whole body) is an article: title from its first
    ``<h1>``/``<h2>`` (else ``<title>``), date from ``<time datetime>`` (else the page's
    ``article:published_time`` meta), text from its ``<p>`` and ``<figcaption>`` elements.

An article that cannot be read becomes a :class:`~kg.errors.ReadError` in the returned list, in its
place, so one bad article does not stop the others; a file that cannot be read at all gives a list of
one ReadError. Text is normalised (BOM, line ends, Unicode spaces) but keeps its curly quotes and
apostrophes, because gold evidence strings quote the original characters.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from kg.errors import ReadError
from kg.model import Article

__all__ = ["FORMATS", "SUFFIXES", "article_from_json", "iter_files", "read_file", "read_text"]

logger = logging.getLogger(__name__)

SUFFIXES: dict[str, str] = {".txt": "page", ".jsonl": "jsonl", ".html": "html", ".htm": "html"}
"""File suffixes :func:`iter_files` picks up in folders, and the format each one is read as."""

FORMATS = ("auto", "page", "jsonl", "html")

RFC_2822_EXAMPLE = "Tue, 18 Jun 2024 12:09:45 +0000"
ISO_8601_EXAMPLE = "2024-06-18T12:09:45Z"
TITLE_MAX_WORDS = 25  # a line this long is a paragraph, never a title
FOOTER_MIN_WORDS = 8  # after the last article, shorter lines are page footer even with a final period


# --- public API ------------------------------------------------------------------------------------


def iter_files(paths: Sequence[Path]) -> list[Path]:
    """The files to read for ``paths``, in order and without repeats.

    A file is taken as given; a folder is searched recursively, in sorted order, for files with a
    suffix in :data:`SUFFIXES`, skipping hidden files and folders. Raises :class:`ReadError` for a
    path that does not exist.
    """
    found: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        path = Path(path)
        if path.is_dir():
            candidates = sorted(_files_under(path))
        elif path.exists():
            candidates = [path]
        else:
            raise ReadError(str(path), "no such file or folder")
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


def read_file(path: Path) -> list[Article | ReadError]:
    """Every article in the file at ``path``, in order, with a ReadError in place of each unreadable one.

    Never raises for bad content: a file that cannot be read at all (missing, empty, not UTF-8,
    unknown format) gives ``[ReadError(...)]``.
    """
    path = Path(path)
    name = path.name
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(SUFFIXES)
        return [ReadError(name, f"unknown format '{path.suffix}'; give the file one of the suffixes {known}")]
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return [ReadError(name, f"cannot read the file ({reason}); check that it exists and is readable")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        byte = data[error.start]
        return [
            ReadError(
                name,
                f"not UTF-8 text (byte 0x{byte:02x} at offset {error.start}); re-save the file as UTF-8",
            )
        ]
    return read_text(text, name, fmt)


def read_text(text: str, source: str, fmt: str = "auto") -> list[Article | ReadError]:
    """Every article in already-decoded ``text``, in order, with a ReadError in place of each unreadable one.

    ``source`` names the text in messages and in ``Article.source`` (articles of a multi-article text
    get ``#n`` or ``:line`` appended). ``fmt`` is one of :data:`FORMATS`; ``"auto"`` looks at the first
    characters. Never raises for bad content.
    """
    if fmt not in FORMATS:
        return [ReadError(source, f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")]
    text = _normalise_line_ends(text)
    if not text.strip():
        return [ReadError(source, "empty file" if not text else "empty file (only whitespace)")]
    if "\x00" in text:
        return [ReadError(source, "binary data (NUL characters), not text; give a UTF-8 text file")]
    if fmt == "auto":
        fmt = _guess_format(text)
    if fmt == "jsonl":
        return _read_jsonl(text, source)
    if fmt == "html":
        return _read_html(text, source)
    return _read_page(text, source)


def article_from_json(obj: dict[str, Any], source: str) -> Article:
    """The article described by a JSON object ``{title, text, published, url?, publisher?}``.

    ``published`` is ISO 8601 or RFC 2822 (a naive time is taken as UTC). Raises :class:`ReadError`
    naming the field that is missing or wrong. Other keys are ignored.
    """
    if not isinstance(obj, dict):
        raise ReadError(
            source,
            f"a JSON {_json_type(obj)} where an object was expected; "
            'send {"title": ..., "text": ..., "published": ...}',
        )
    title = " ".join(_normalise_spaces(_required_string(obj, "title", source, "the headline")).split())
    text = _clean_text(_required_string(obj, "text", source, "the article's body"))
    if not title:
        raise ReadError(source, "field 'title' is blank; give the article's headline")
    if not text:
        raise ReadError(source, "field 'text' is blank; give the article's body")
    published = _json_published(obj, source)
    url = _optional_string(obj, "url", source)
    if url is not None and not re.fullmatch(r"https?://\S+", url):
        raise ReadError(
            source,
            f"field 'url' ({_quote(url)}) is not an http(s) URL; give e.g. 'https://example.org/news/1'",
        )
    publisher = _optional_string(obj, "publisher", source)
    if publisher is not None:
        publisher = " ".join(_normalise_spaces(publisher).split()) or None
    return Article(title=title, text=text, published=published, source=source, url=url, publisher=publisher)


# --- normalisation and dates -----------------------------------------------------------------------

# Unicode spaces (category Zs) and odd whitespace become a plain space; line and paragraph separators a
# line end. Quotes and apostrophes are left alone: evidence strings quote them.
_SPACES: dict[int, str | None] = {
    cp: " " for cp in (0x0B, 0x0C, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000)
}
_SPACES.update({0x85: "\n", 0x2028: "\n", 0x2029: "\n", 0xFEFF: None})


def _normalise_line_ends(text: str) -> str:
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _normalise_spaces(text: str) -> str:
    return text.translate(_SPACES)


def _clean_text(text: str) -> str:
    """Body text: normalised, lines stripped, paragraphs separated by exactly one blank line."""
    lines = [line.strip() for line in _normalise_spaces(_normalise_line_ends(text)).split("\n")]
    return "\n\n".join("\n".join(block) for block in _blocks(lines))


def _blocks(lines: Sequence[str]) -> Iterator[list[str]]:
    """Runs of non-blank lines."""
    block: list[str] = []
    for line in lines:
        if line:
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block


def _parse_date(value: str) -> datetime | None:
    """A timezone-aware datetime from RFC 2822 or ISO 8601 text (naive times are UTC), or None."""
    value = value.strip()
    if not value:
        return None
    parsed: datetime | None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        parsed = None
    if parsed is None:
        iso = value[:-1] + "+00:00" if value[-1:] in "Zz" else value
        try:
            parsed = datetime.fromisoformat(iso)
        except ValueError:
            return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def _quote(value: str, limit: int = 60) -> str:
    """``value`` quoted on one line and cut to ``limit`` characters, for messages."""
    flat = " ".join(str(value).split())
    return "'" + (flat if len(flat) <= limit else flat[: limit - 1] + "…") + "'"


# --- format detection ------------------------------------------------------------------------------

_HTML_START = re.compile(
    r"<(?:!doctype\s+html|html|head|body|article|main|meta|title|div|section|p|h[1-6])[\s>/]", re.IGNORECASE
)


def _guess_format(text: str) -> str:
    start = text.lstrip()
    if start.startswith("{"):
        return "jsonl"
    if _HTML_START.match(start) or start.startswith("<!--"):
        return "html"
    return "page"


# --- page format -----------------------------------------------------------------------------------

_PUBLISHED_LINE = re.compile(r"published\s+(?:at|on)\b\s*:?\s*(.*)", re.IGNORECASE)
_CLOSING_MARKS = "\"'”’»)]"
_ABBREVIATION_AT_END = re.compile(
    r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:Jr|Sr|Dr|Mr|Mrs|Ms|St|Inc|Co|Ltd|Corp|vs)\.)$"
)
# lines next to a title that are never the title: bylines, time stamps, video promos
_NOT_A_TITLE = re.compile(
    r"^(?:by\s|posted\b|updated\b|duration\b|watch\b|listen\b|©|copyright\b"
    r"|\d+\s+(?:second|minute|hour|day|week|month|year)s?\s+ago\b)|:$",
    re.IGNORECASE,
)
_FOOTER_LINE = re.compile(r"©|\bcopyright\b|all rights reserved|back to top|mobile version", re.IGNORECASE)


def _ends_sentence(line: str) -> bool:
    core = line.rstrip(_CLOSING_MARKS)
    if core.endswith("…"):
        return True
    return core.endswith(".") and not _ABBREVIATION_AT_END.search(core)


def _is_paragraph(line: str) -> bool:
    """Body text rather than a title or page chrome: long, or ending a sentence with a period."""
    return len(line.split()) >= TITLE_MAX_WORDS or _ends_sentence(line)


def _published_value(line: str) -> str | None:
    """The date text of a closing ``Published at <date>`` line, or None for any other line.

    A paragraph that merely starts with "Published at" is not a closing line: the rest must parse as a
    date, or be short and hold a digit (a date we cannot read, reported as such).
    """
    match = _PUBLISHED_LINE.fullmatch(line)
    if match is None:
        return None
    value = match.group(1).strip()
    if _parse_date(value) is not None or not value:
        return value
    if len(value.split()) <= 8 and any(ch.isdigit() for ch in value) and not _ends_sentence(value):
        return value
    return None


@dataclass
class _Chunk:
    """The lines of one article candidate, up to (not including) its Published-at line."""

    lines: list[str]
    published: str | None = None  # None: no Published-at line followed
    published_line: int = 0


def _read_page(text: str, source: str) -> list[Article | ReadError]:
    lines = [line.strip() for line in _normalise_spaces(text).split("\n")]
    chunks: list[_Chunk] = []
    current: list[str] = []
    for number, line in enumerate(lines, start=1):
        value = _published_value(line)
        if value is None:
            current.append(line)
        else:
            chunks.append(_Chunk(current, value, number))
            current = []
    trailing = [line for line in current if line]
    if any(_is_real_text(line) for line in trailing):
        chunks.append(_Chunk(current))
    elif trailing:
        logger.debug("%s: ignored %d footer line(s) after the last article", source, len(trailing))
    if not chunks:
        return [
            ReadError(
                source,
                "no article found; a page needs a title line, a blank line, paragraphs and a closing "
                f"'Published at <date>' line, e.g. 'Published at {RFC_2822_EXAMPLE}'",
            )
        ]
    many = len(chunks) > 1
    results: list[Article | ReadError] = []
    publisher: str | None = None
    for index, chunk in enumerate(chunks, start=1):
        name = f"{source}#{index}" if many else source
        try:
            title, body, header = _split_chunk(chunk, name)
            if index == 1 and header:
                publisher = " | ".join(header)
            elif header:
                logger.debug("%s: ignored %d line(s) between articles", name, len(header))
            published = _chunk_date(chunk, name, title)
        except ReadError as error:
            results.append(error)
            continue
        text_body = "\n\n".join("\n".join(block) for block in _blocks(body))
        results.append(
            Article(title=title, text=text_body, published=published, source=name, publisher=publisher)
        )
    return results


def _is_real_text(line: str) -> bool:
    """A line after the last Published-at line that is article text, not page footer."""
    return _is_paragraph(line) and len(line.split()) >= FOOTER_MIN_WORDS and not _FOOTER_LINE.search(line)


def _split_chunk(chunk: _Chunk, name: str) -> tuple[str, list[str], list[str]]:
    """(title, body lines, lines before the title) of one article candidate."""
    filled = [i for i, line in enumerate(chunk.lines) if line]
    if not filled:
        raise ReadError(
            name,
            f"the 'Published at' line {chunk.published_line} has no article above it; "
            "put the title and text above it or remove the line",
        )
    first_paragraph = next((i for i in filled if _is_paragraph(chunk.lines[i])), None)
    if first_paragraph is None:
        # only short lines: the first is the title, the rest is the text
        title_at = filled[0]
    else:
        before = [i for i in filled if i < first_paragraph]
        if not before:
            raise ReadError(
                name,
                f"no title line before the text {_quote(chunk.lines[first_paragraph], 40)}; put the title "
                f"on its own line (under {TITLE_MAX_WORDS} words, no final period), then a blank line",
            )
        # the title stands above the blank line that opens the text, unless the page has no such line
        block_start = first_paragraph
        while block_start > 0 and chunk.lines[block_start - 1]:
            block_start -= 1
        above = [i for i in before if i < block_start] or before
        titles = [i for i in above if not _NOT_A_TITLE.search(chunk.lines[i])]
        title_at = (titles or above)[-1]
    title = " ".join(chunk.lines[title_at].split())
    header = [line for line in chunk.lines[:title_at] if line]
    body = chunk.lines[title_at + 1 :]
    if not any(body):
        raise ReadError(name, f"the article {_quote(title)} has no text; put its paragraphs under the title")
    return title, body, header


def _chunk_date(chunk: _Chunk, name: str, title: str) -> datetime:
    if chunk.published is None:
        raise ReadError(
            name,
            f"no 'Published at <date>' line after the article {_quote(title)}; add one in RFC 2822 form, "
            f"e.g. 'Published at {RFC_2822_EXAMPLE}'",
        )
    if not chunk.published:
        raise ReadError(
            name,
            f"the 'Published at' line {chunk.published_line} has no date; write one in RFC 2822 form, "
            f"e.g. 'Published at {RFC_2822_EXAMPLE}'",
        )
    published = _parse_date(chunk.published)
    if published is None:
        raise ReadError(
            name,
            f"cannot read the date {_quote(chunk.published)} on line {chunk.published_line}; write it in "
            f"RFC 2822 form, e.g. 'Published at {RFC_2822_EXAMPLE}', or as ISO 8601",
        )
    return published


# --- JSON lines format -----------------------------------------------------------------------------


def _read_jsonl(text: str, source: str) -> list[Article | ReadError]:
    results: list[Article | ReadError] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        name = f"{source}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as error:
            results.append(
                ReadError(
                    name,
                    f"not valid JSON ({error.msg} at column {error.colno}); write one JSON object per line, "
                    '{"title": ..., "text": ..., "published": ...}',
                )
            )
            continue
        except (ValueError, RecursionError) as error:  # huge numbers, absurd nesting
            results.append(
                ReadError(name, f"not usable JSON ({_quote(str(error))}); write one object per line")
            )
            continue
        try:
            results.append(article_from_json(obj, name))
        except ReadError as error:
            results.append(error)
    return results


def _json_type(value: object) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _required_string(obj: dict[str, Any], key: str, source: str, what: str) -> str:
    if key not in obj or obj[key] is None:
        raise ReadError(source, f"field '{key}' is missing; give {what} as a string")
    value = obj[key]
    if not isinstance(value, str):
        raise ReadError(source, f"field '{key}' is a {_json_type(value)}; give {what} as a string")
    return value


def _optional_string(obj: dict[str, Any], key: str, source: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ReadError(source, f"field '{key}' is a {_json_type(value)}; give a string or leave it out")
    return value.strip() or None


def _json_published(obj: dict[str, Any], source: str) -> datetime:
    value = obj.get("published")
    if isinstance(value, datetime):  # the API may hand over an already-parsed value
        return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    hint = f"use ISO 8601 (e.g. '{ISO_8601_EXAMPLE}') or RFC 2822 (e.g. '{RFC_2822_EXAMPLE}')"
    if value is None:
        raise ReadError(source, f"field 'published' is missing; give the publication date, {hint}")
    if not isinstance(value, str):
        raise ReadError(source, f"field 'published' is a {_json_type(value)}; give a date string, {hint}")
    published = _parse_date(value)
    if published is None:
        raise ReadError(source, f"field 'published' ({_quote(value)}) is not a date; {hint}")
    return published


# --- HTML format -----------------------------------------------------------------------------------

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_IGNORED = {
    "script",
    "style",
    "nav",
    "footer",
    "aside",
    "noscript",
    "template",
    "form",
    "button",
    "svg",
    "iframe",
}
_ENDS_P = {
    "p", "div", "article", "section", "header", "footer", "aside", "nav", "main", "figure", "blockquote",
    "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr", "form",
}  # fmt: skip
_HTML_WHITESPACE = re.compile(r"\s+")  # source line breaks are spaces in HTML; only <br> breaks a line
_DATE_METAS = ("article:published_time", "og:published_time", "datepublished", "pubdate", "dcterms.issued")


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str]
    parent: _Node | None = None
    children: list[_Node | str] = field(default_factory=list)

    def walk(self, skip: frozenset[str] | set[str] = frozenset()) -> Iterator[_Node]:
        """Descendant elements in document order, not entering those whose tag is in ``skip``."""
        stack: list[_Node] = [c for c in reversed(self.children) if isinstance(c, _Node)]
        while stack:
            node = stack.pop()
            yield node
            if node.tag not in skip:
                stack.extend(c for c in reversed(node.children) if isinstance(c, _Node))

    def text(self) -> str:
        """The element's visible text, whitespace collapsed as a browser would; <br> is a line end."""
        pieces: list[str] = []
        stack: list[_Node | str] = list(reversed(self.children))
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                pieces.append(_HTML_WHITESPACE.sub(" ", _normalise_spaces(item)))
            elif item.tag == "br":
                pieces.append("\n")
            elif item.tag not in _IGNORED:
                stack.extend(reversed(item.children))
        lines = "".join(pieces).split("\n")
        return "\n".join(filter(None, (" ".join(line.split()) for line in lines)))


class _TreeBuilder(HTMLParser):
    """A forgiving element tree: unclosed elements end with their parent, stray end tags are dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#document", {})
        self.current = self.root

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:  # "<![0": Python 3.11's parser asserts on a malformed section; keep it as text
            self.handle_data(self.rawdata[i : i + 3])
            return i + 3

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _ENDS_P and self.current.tag == "p" and self.current.parent is not None:
            self.current = self.current.parent
        node = _Node(tag, {key: value or "" for key, value in attrs}, self.current)
        self.current.children.append(node)
        if tag not in _VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(_Node(tag, {key: value or "" for key, value in attrs}, self.current))

    def handle_endtag(self, tag: str) -> None:
        node: _Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def _read_html(text: str, source: str) -> list[Article | ReadError]:
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    root = builder.root
    elements = list(root.walk())
    metas = {
        (meta.attrs.get("property") or meta.attrs.get("name") or meta.attrs.get("itemprop") or "").lower(): (
            meta.attrs.get("content", "")
        )
        for meta in elements
        if meta.tag == "meta"
    }
    page_title = next((e.text() for e in elements if e.tag == "title"), "")
    publisher = " ".join(_normalise_spaces(metas.get("og:site_name", "")).split()) or None
    # <article> teasers in navigation, asides and footers are links to other pages, not articles
    articles = [e for e in root.walk(skip=_IGNORED | {"article"}) if e.tag == "article"]
    if not articles:
        articles = [next((e for e in elements if e.tag == "body"), root)]
    many = len(articles) > 1
    url = None if many else _page_url(elements, metas)
    results: list[Article | ReadError] = []
    for index, element in enumerate(articles, start=1):
        name = f"{source}#{index}" if many else source
        try:
            results.append(_html_article(element, name, page_title, metas, publisher, url))
        except ReadError as error:
            results.append(error)
    return results


def _html_article(
    element: _Node, name: str, page_title: str, metas: dict[str, str], publisher: str | None, url: str | None
) -> Article:
    inside = list(element.walk(skip=_IGNORED))
    heading = next((e.text() for e in inside if e.tag in ("h1", "h2") and e.text()), "")
    title = " ".join((heading or page_title).split())
    if not title:
        raise ReadError(name, "no title; give the article an <h1> (or the page a <title>)")
    paragraphs = [
        e.text() for e in element.walk(skip=_IGNORED | {"p", "figcaption"}) if e.tag in ("p", "figcaption")
    ]
    text = "\n\n".join(p for p in paragraphs if p)
    if not text:
        raise ReadError(name, f"the article {_quote(title)} has no text; put its paragraphs in <p> elements")
    date_text = next(
        (e.attrs.get("datetime") or e.text() for e in element.walk() if e.tag == "time"),
        next((metas[key] for key in _DATE_METAS if metas.get(key)), ""),
    )
    if not date_text.strip():
        raise ReadError(
            name,
            f"no publication date for {_quote(title)}; add "
            f'<time datetime="{ISO_8601_EXAMPLE}"> to the article or '
            f'<meta property="article:published_time" content="{ISO_8601_EXAMPLE}"> to the page',
        )
    published = _parse_date(date_text)
    if published is None:
        raise ReadError(
            name, f"cannot read the date {_quote(date_text)}; write it as ISO 8601, e.g. '{ISO_8601_EXAMPLE}'"
        )
    return Article(title=title, text=text, published=published, source=name, url=url, publisher=publisher)


def _page_url(elements: list[_Node], metas: dict[str, str]) -> str | None:
    canonical = next(
        (
            e.attrs.get("href", "")
            for e in elements
            if e.tag == "link" and "canonical" in e.attrs.get("rel", "").split()
        ),
        "",
    )
    url = (canonical or metas.get("og:url", "")).strip()
    return url if re.fullmatch(r"https?://\S+", url) else None


def _files_under(folder: Path) -> Iterator[Path]:
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.suffix.lower() in SUFFIXES and path.is_file():
            yield path

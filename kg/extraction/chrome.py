"""Page chrome that is not the article: video promos and their teasers.

A promo block on news pages reads::

    WATCH l U.S. defence secretary scoffs at Putin ceasefire demands:   <- promo line
    'Putin can end this war today,' U.S. defence secretary says          <- teaser title
    4 days ago                                                           <- age
    Duration 1:16                                                        <- length
    U.S. Defence Secretary Lloyd Austin responded to ...                 <- one-sentence teaser

Photo captions stay: they are reporting. A dateline opening the first paragraph ("MOSCOW (AP) — ")
goes. Paragraphs are otherwise kept verbatim, so every sentence of the stripped text is still a
substring of the article text.
"""

from __future__ import annotations

import re

from kg.model import Article

_PROMO = re.compile(r"^(?:WATCH|LISTEN|VIDEO|PODCAST)\b\s*(?:[l|:I]\s|[-–—:|])", re.I)
_AGE = re.compile(r"^(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago$", re.I)
_DURATION = re.compile(r"^Duration\s+\d+(?::\d\d){1,2}$", re.I)
_DATELINE = re.compile(
    # "MOSCOW (AP) — ", "KYIV, Ukraine — ": a capitalised place, an agency, a dash, then a sentence
    r"^[A-Z][A-Z.'\- ]{2,40}(?:,\s*[A-Z][\w.' -]{1,40})?\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s*(?=[A-Z“\"])"
)
_JUNK = re.compile(  # one-line page furniture
    r"^(?:advertisement|story continues below(?: advertisement)?|continue reading|share this article"
    r"|listen to this article\b.*|read more:.*|related:.*|sign up\b.*newsletter.*)$",
    re.I,
)
_STAMP = re.compile(  # a live blog's entry time, a page's "Updated 3 minutes ago"
    r"^(?:\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:GMT|UTC|BST|CET|CEST|EST|EDT|ET|PT|IST|JST)?"
    r"|(?:updated|posted|published|last updated)\b.{0,80}\bago\b.*)$",
    re.I,
)
_BULLET = re.compile(r"^[-•*–]\s")  # a list item: "- EU adopts its 16th package"
_PROSE_LINE = 120  # a line this long is no hard-wrapped prose: every line break in its block ends a paragraph
_PROMO_SPAN = 4  # lines after a promo line that may belong to it (teaser title, age, duration)


def strip_chrome(text: str) -> str:
    """The article text without video promos and dateline; paragraphs kept verbatim, joined by blank
    lines."""
    paragraphs = [line for block in re.split(r"\n\s*\n", text) for line in _lines(block)]
    keep = [True] * len(paragraphs)
    for i, para in enumerate(paragraphs):
        if not _PROMO.match(para):
            continue
        keep[i] = False
        # the player: a teaser title, an age and a duration, then a one-sentence teaser; only when the
        # duration line shows this is a player are the lines between dropped
        window = range(i + 1, min(len(paragraphs), i + 1 + _PROMO_SPAN))
        duration = next((j for j in window if _DURATION.match(paragraphs[j])), None)
        if duration is None:
            continue
        for j in range(i + 1, duration + 1):
            keep[j] = False
        if duration + 1 < len(paragraphs):
            keep[duration + 1] = False  # the one-sentence teaser under the player
    for i, para in enumerate(paragraphs):
        if _AGE.match(para) or _DURATION.match(para) or _JUNK.match(para) or _STAMP.match(para):
            keep[i] = False
    kept = [p for p, k in zip(paragraphs, keep, strict=True) if k]
    if kept and (dateline := _DATELINE.match(kept[0])) and len(kept[0]) > dateline.end():
        kept[0] = kept[0][dateline.end() :]  # "MOSCOW (AP) — " is a byline, not part of the first sentence
    return "\n\n".join(kept)


def prepare_text(article: Article) -> str:
    """The text given to spaCy for an article: its body without page chrome."""
    return strip_chrome(article.text)


def _lines(block: str) -> list[str]:
    """A block's paragraphs: its lines when it holds a line too long to be hard-wrapped prose (a live
    blog's "17:40 GMT" / headline / entry) or a list, else the block itself."""
    lines = [line.strip() for line in block.split("\n") if line.strip()]
    if len(lines) > 1 and (
        max(len(line) for line in lines) > _PROSE_LINE
        or any(_BULLET.match(x) or _STAMP.match(x) for x in lines)  # "19:02 GMT" over an entry's headline
    ):
        return lines
    return [block.strip()] if block.strip() else []

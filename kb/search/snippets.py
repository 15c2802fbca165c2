"""Why a result matched: a passage of its text with the query's words marked.

The passage is cut from the summary, or from the narrative when the summary does not
hold a word of the query, with Markdown's marks taken out. Everything is escaped; the
only markup is ``<mark>`` around the words found. A word matches the forms that share
its stem ("bombing" marks "bombings", "attacked" marks "attack"), as full-text search
finds them.
"""

from __future__ import annotations

import functools
import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH = 220
# Markdown that only decorates: links keep their text, emphasis and headings lose marks.
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"(^|\s)[#>*+-]+\s|[*_`~]+|<[^>]*>", re.MULTILINE)
_SPACE = re.compile(r"\s+")
_SUFFIXES = ("ings", "ing", "edly", "ed", "ies", "es", "s", "ly")


def stem(word: str) -> str:
    """A crude English stem: enough to mark the forms full-text search matched."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def plain(markdown: str) -> str:
    return _SPACE.sub(" ", _MARKS.sub(" ", _LINK.sub(r"\1", markdown))).strip()


@functools.lru_cache(maxsize=256)
def _pattern(words: tuple[str, ...]) -> re.Pattern | None:
    """Words of more than three letters match by stem; shorter ones only whole.

    Cached: a page of results marks the same words in every passage."""
    stems = sorted({stem(w) for w in words if len(w) > 3}, key=len, reverse=True)
    short = sorted({w for w in words if 0 < len(w) <= 3}, key=len, reverse=True)
    alternatives = [f"(?:{re.escape(s)})\\w*" for s in stems]
    alternatives += [f"{re.escape(w)}(?!\\w)" for w in short]
    if not alternatives:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + ")", re.IGNORECASE)


def mentions(words: list[str], text: str) -> bool:
    """Whether ``text`` holds one of ``words`` in some form."""
    pattern = _pattern(tuple(words))
    return bool(pattern and text and pattern.search(text))


def snippet(words: list[str], *texts: str, width: int = WIDTH) -> SafeString:
    """A passage of the first text that holds one of ``words``, those words marked.

    With no text holding any, the start of the first non-empty text, unmarked.
    """
    pattern = _pattern(tuple(words))
    candidates = [plain(text) for text in texts if text and text.strip()]
    for text in candidates:
        found = pattern.search(text) if pattern else None
        if found:
            start = max(0, found.start() - width // 3)
            if start:
                start = text.find(" ", start) + 1 or start
            return _marked(text, start, width, pattern)
    if not candidates:
        return mark_safe("")
    return _marked(candidates[0], 0, width, None)


def _marked(text: str, start: int, width: int, pattern) -> SafeString:
    end = start + width
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    passage = text[start:end]
    parts, last = [], 0
    if pattern is not None:
        for match in pattern.finditer(passage):
            parts.append(escape(passage[last:match.start()]))
            parts.append(f"<mark>{escape(match.group(0))}</mark>")
            last = match.end()
    parts.append(escape(passage[last:]))
    lead = "… " if start > 0 else ""
    tail = " …" if end < len(text) else ""
    return mark_safe(lead + "".join(parts) + tail)  # every piece above is escaped

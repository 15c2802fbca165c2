"""Template filters of the public pages: Markdown, partial dates, figures, references."""

import hashlib
from decimal import Decimal
from urllib.parse import urlsplit

from django import template
from django.core.cache import cache
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from kb.choices import DatePrecision
from kb.partial_dates import PartialDate
from kb.rendering import render_markdown

register = template.Library()


# Narratives at least this long are rendered once and kept in the cache under a hash of
# their text: a 40,000-word group profile takes about 70 ms to render and sanitise.
MARKDOWN_CACHE_FROM = 2_000
MARKDOWN_CACHE_SECONDS = 24 * 3600


@register.filter(name="markdown")
def markdown_filter(text: str):
    """Markdown as sanitised HTML; safe because the sanitiser ran last."""
    text = text or ""
    if len(text) < MARKDOWN_CACHE_FROM:
        return mark_safe(render_markdown(text))
    key = "kb:markdown:" + hashlib.sha256(text.encode()).hexdigest()
    html = cache.get(key)
    if html is None:
        html = render_markdown(text)
        cache.set(key, html, MARKDOWN_CACHE_SECONDS)
    return mark_safe(html)


@register.filter
def partial_date(value: PartialDate | None, default: str = ""):
    """The date as precisely as it is known ("May 2015", "c. 1996"), or ``default``."""
    return str(value) if value else default


@register.filter
def iso_date(value: PartialDate | None) -> str:
    """The machine-readable form for ``<time datetime>``, truncated to the precision."""
    return value.isoformat() if value else ""


@register.filter
def period(relation) -> str:
    """A relation's span: "May 2015 – 2017", "from 2014", "until c. 1996" or ""."""
    start, end = relation.started_date, relation.ended_date
    if start and end:
        return f"{start} – {end}"
    if start:
        return f"from {start}"
    if end:
        return f"until {end}"
    return ""


@register.simple_tag
def figure(obj, name: str, unknown: str = "unknown") -> str:
    """A best figure with its range: "46 (43–47)", "46", "43–47" or ``unknown``."""
    best = getattr(obj, name)
    low, high = getattr(obj, f"{name}_low"), getattr(obj, f"{name}_high")
    span = ""
    if low is not None or high is not None:
        span = f"{'' if low is None else low}–{'' if high is None else high}"
    if best is None:
        return span or unknown
    return f"{best} ({span})" if span else str(best)


@register.filter
def coordinates(obj) -> str:
    """Latitude and longitude with hemispheres: "30.1833° N, 66.9967° E"."""
    lat, lon = obj.latitude, obj.longitude
    if lat is None or lon is None:
        return ""

    def part(value: Decimal, positive: str, negative: str) -> str:
        text = f"{abs(value):.4f}"
        return f"{text}° {positive if value >= 0 else negative}"

    return f"{part(lat, 'N', 'S')}, {part(lon, 'E', 'W')}"


@register.filter
def web_url(url: str) -> str:
    """The URL if it is a web address, else "": stored URLs are shown as links, and a
    row written outside the forms' validation must not smuggle in a script URL."""
    if url and urlsplit(url.strip()).scheme.lower() in {"http", "https"}:
        return url
    return ""


@register.simple_tag
def refs(numbers) -> str:
    """Superscript links to the numbered references at the foot of the page."""
    if not numbers:
        return ""
    links = format_html_join(
        "", '<a href="#ref-{0}" aria-label="source {0}">[{0}]</a>', ((n,) for n in numbers)
    )
    return format_html('<sup class="refs">{}</sup>', links)


_PRECISION_NOTES = {
    DatePrecision.MONTH: "day unknown",
    DatePrecision.YEAR: "month and day unknown",
    DatePrecision.CIRCA: "approximate year",
}


@register.filter
def precision_note(value: PartialDate | None) -> str:
    """What a partial date leaves open: "day unknown" for "May 2015", "" for a full date."""
    return _PRECISION_NOTES.get(value.precision, "") if value else ""


@register.simple_tag
def casualty(obj, name: str, references) -> str:
    """A casualty figure and its range, each number followed by its own sources.

    "46 [1] (range 43 [2] – 47 [3])": the best figure, then the low and high figures
    that sources give, each cited by the field it supports (``killed_low`` …).
    """
    by_field = references.by_field if references else {}
    best = getattr(obj, name)
    low, high = getattr(obj, f"{name}_low"), getattr(obj, f"{name}_high")

    def number(value, field_name):
        return format_html(
            '<span class="figure">{}</span>{}', value, refs(by_field.get(field_name, []))
        )

    span = ""
    if low is not None or high is not None:
        span = format_html(
            "{}–{}",
            "" if low is None else number(low, f"{name}_low"),
            "" if high is None else number(high, f"{name}_high"),
        )
    if best is None:
        return format_html("{}{}", span or "unknown", refs(by_field.get(name, [])))
    if span:
        return format_html(
            '{} <span class="figure-range">(range {})</span>', number(best, name), span
        )
    return number(best, name)

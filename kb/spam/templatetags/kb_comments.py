"""Template helpers of the comment section: threads, the form, comment text as HTML."""

import re
from dataclasses import dataclass, field

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from kb.spam import features, tokens
from kb.spam.forms import CommentForm

register = template.Library()

LINK_REL = "nofollow ugc noopener"
_SHOWN_URL = 60


@dataclass
class Thread:
    comment: object
    replies: list = field(default_factory=list)


def _link(url: str) -> str:
    href = url if re.match(r"(?i)https?://", url) else f"http://{url}"
    shown = url if len(url) <= _SHOWN_URL else url[: _SHOWN_URL - 1] + "…"
    return format_html('<a href="{}" rel="{}">{}</a>', href, LINK_REL, shown)


def _linkify(text: str) -> str:
    parts, last = [], 0
    for match in features.URL_RE.finditer(text):
        url = features.strip_trailing(match.group(0))
        parts.append(escape(text[last:match.start()]))
        parts.append(_link(url))
        last = match.start() + len(url)
    parts.append(escape(text[last:]))
    return "".join(parts)


@register.filter
def comment_text(text: str):
    """Plain text as HTML: escaped, paragraphs and line breaks kept, web links linked."""
    paragraphs = [p for p in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n")) if p.strip()]
    html = "".join(
        "<p>{}</p>".format("<br>".join(_linkify(line) for line in p.strip().split("\n")))
        for p in paragraphs
    )
    return mark_safe(html)  # every piece of the reader's text went through escape()


@register.simple_tag(takes_context=True)
def comment_section(context, entry):
    """Threads of published comments (prefetched), the form, and the reply target."""
    request = context.get("request")
    comments = getattr(entry, "published_comments", [])
    threads, by_id = [], {}
    for comment in comments:
        if comment.parent_id is None:
            by_id[comment.pk] = Thread(comment)
            threads.append(by_id[comment.pk])
    for comment in comments:
        if comment.parent_id in by_id:
            by_id[comment.parent_id].replies.append(comment)
    user = getattr(request, "user", None)
    form = getattr(request, "comment_form", None)
    reply_to = None
    if form is None or form.entry.pk != entry.pk:
        reply_id = request.GET.get("reply", "") if request is not None else ""
        thread = by_id.get(int(reply_id)) if reply_id.isdigit() else None
        reply_to = thread.comment if thread else None
        form = CommentForm(entry=entry, user=user, initial={
            "parent": reply_to.pk if reply_to else None,
        })
    elif form.is_bound and form.data.get("parent", "").isdigit():
        thread = by_id.get(int(form.data["parent"]))
        reply_to = thread.comment if thread else None
    # Every rendering of the form carries a fresh token: each may be used once.
    form.token_value = tokens.issue(entry.pk)
    return {
        "threads": threads,
        "count": sum(1 + len(t.replies) for t in threads),
        "form": form,
        "reply_to": reply_to,
        "open": entry.is_published and not entry.redirect_to_id,
    }

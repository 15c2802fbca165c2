"""The editorial links of the site header: "My work" and "Review queue (N)".

An inclusion tag rather than a context processor, so that only pages that show the
header pay for it, and only editors pay the one count query.
"""

from django import template

from kb.models import Revision

register = template.Library()


@register.inclusion_tag("kb/editorial/_nav.html", takes_context=True)
def editorial_nav(context):
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return {}
    may_review = user.has_perm("kb.review_revision")
    return {
        "may_edit": user.has_perm("kb.add_revision"),
        "may_review": may_review,
        "pending": Revision.objects.pending().count() if may_review else 0,
        "section": context.get("section", ""),
    }

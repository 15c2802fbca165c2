"""The moderation link's counts, for moderators only, from the cache."""

from django.core.cache import cache

COUNTS_KEY = "kb:spam:queue-counts"
COUNTS_SECONDS = 60


def queue_counts() -> dict:
    """Comments waiting in each queue; one grouped query at most once a minute."""
    counts = cache.get(COUNTS_KEY)
    if counts is None:
        from django.db.models import Count

        from kb.choices import CommentState
        from kb.models import Comment

        rows = dict(
            Comment.objects.filter(state__in=[CommentState.PENDING, CommentState.SPAM])
            .order_by().values_list("state").annotate(n=Count("pk"))
        )
        counts = {"pending": rows.get(CommentState.PENDING, 0),
                  "spam": rows.get(CommentState.SPAM, 0)}
        cache.set(COUNTS_KEY, counts, COUNTS_SECONDS)
    return counts


def forget_queue_counts() -> None:
    cache.delete(COUNTS_KEY)


def moderation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.has_perm("kb.moderate_comment"):
        return {}
    return {"moderation_counts": queue_counts()}

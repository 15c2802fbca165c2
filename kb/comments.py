"""Writing comments: posting through the spam filter, moderating, purging.

The only code that creates, changes or deletes comments; views call it and it checks
what they may not be trusted to (the entry is open, the moderator holds the
permission). Readers never learn why a comment was held: the filter's reasons are for
moderators.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from accounts import audit
from kb.choices import CommentState
from kb.models import Comment, Entry
from kb.models.entries import can_see_unpublished
from kb.spam import features, pipeline, ratelimit, store, tokens
from kb.spam.context_processors import forget_queue_counts
from kb.spam.pipeline import Outcome

STATE_OF = {
    Outcome.PUBLISH: CommentState.PUBLISHED,
    Outcome.HOLD: CommentState.PENDING,
    Outcome.SPAM: CommentState.SPAM,
}
TEAM_REASON = "signed-in team member: the filter was skipped"


class CommentsClosed(Exception):
    """The entry is not published (a draft, archived, merged away): no comments."""


class RateLimited(Exception):
    """Too many comments from one address or account; try again after a while."""

    retry_after = 60


@dataclass(frozen=True)
class Posted:
    comment: Comment
    decision: pipeline.Decision | None

    @property
    def is_published(self) -> bool:
        return self.comment.state == CommentState.PUBLISHED


def is_team_member(user) -> bool:
    return user is not None and user.is_authenticated and can_see_unpublished(user)


def _page_scripts(entry: Entry) -> frozenset[str]:
    return frozenset({"Latn", *entry.aliases.values_list("script", flat=True)})


def _page_language() -> str:
    return settings.LANGUAGE_CODE.split("-")[0]


def post_comment(
    *, entry: Entry, body: str, user=None, author_name: str = "", author_email: str = "",
    parent: Comment | None = None, ip: str | None = None, user_agent: str = "",
    honeypot: str = "", token: str = "",
) -> Posted:
    """Judge and store a reader's comment; team members' comments skip the filter.

    Raises ``CommentsClosed`` for an entry readers cannot see, ``RateLimited`` for a
    flood (nothing is stored) and ``ValidationError`` for a comment that cannot be
    stored (no text, a reply to a reply, a reply to a comment not shown).
    """
    if not entry.is_published or entry.redirect_to_id:
        raise CommentsClosed(entry.pk)
    user = user if user is not None and user.is_authenticated else None
    comment = Comment(
        entry=entry, parent=parent, user=user, body=body, ip_address=ip,
        author_name="" if user else author_name.strip(),
        author_email="" if user else author_email.strip(),
        user_agent=user_agent[:300], body_hash=features.fingerprint(body),
    )
    # Foreign keys are objects already loaded: checking they exist would cost queries.
    comment.clean_fields(exclude=["entry", "parent", "user", "moderated_by", "spam_reasons"])
    comment.clean()
    if parent is not None and parent.state != CommentState.PUBLISHED:
        raise ValidationError({"parent": "Reply to a comment that is shown on the page."})
    if is_team_member(user):
        comment.state = CommentState.PUBLISHED
        comment.spam_reasons = [TEAM_REASON]
        comment.save()
        return Posted(comment, None)

    usages = []
    if ip:
        usages.append(ratelimit.hit("ip", ip))
    if user is not None:
        usages.append(ratelimit.hit("user", str(user.pk)))
    if any(usage.exceeds() for usage in usages):
        raise RateLimited()
    status, age = tokens.check(token, entry.pk)
    repeats = Comment.objects.filter(body_hash=comment.body_hash).aggregate(
        total=Count("pk"), spam=Count("pk", filter=Q(state=CommentState.SPAM))
    )
    submission = pipeline.Submission(
        text=body, honeypot=honeypot, token=status, token_age=age,
        recent_from_ip=usages[0].hour - 1 if ip else 0,
        recent_from_user=usages[-1].hour - 1 if user is not None else 0,
        duplicates=repeats["total"], duplicate_spam=repeats["spam"],
        page_language=_page_language(), page_scripts=_page_scripts(entry),
    )
    decision = pipeline.decide(submission, store.knowledge(), store.thresholds())
    comment.verdict = decision.outcome
    comment.spam_score = decision.score
    comment.spam_reasons = decision.reasons
    log_only = store.spam_settings()["LOG_ONLY"]
    comment.state = CommentState.PUBLISHED if log_only else STATE_OF[decision.outcome]
    comment.save()
    if comment.state != CommentState.PUBLISHED:
        forget_queue_counts()
    return Posted(comment, decision)


# Moderation ------------------------------------------------------------------------

ACTIONS = {
    "publish": "Publish",
    "spam": "Mark spam",
    "ham": "Mark not spam",
    "delete": "Delete",
}


def ensure_may_moderate(user) -> None:
    if not (user is not None and user.is_authenticated and user.has_perm("kb.moderate_comment")):
        raise PermissionDenied("Only moderators may moderate comments.")


def _teach(comment: Comment, label: str) -> None:
    """Teach the filter ``label`` for this comment, unteaching an earlier opposite lesson."""
    if comment.trained_as == label:
        return
    store.teach(comment.body, label=label, previous=comment.trained_as, comment_id=comment.pk)
    comment.trained_as = label


@transaction.atomic
def moderate_comment(*, comment: Comment, action: str, moderator) -> Comment | None:
    """Apply one moderator action; "spam" and "not spam" also teach the filter at once.

    "publish" shows the comment without teaching (a borderline comment a moderator lets
    through is no example of honest writing); "delete" removes it and what it taught.
    Returns the comment, or None once deleted.
    """
    ensure_may_moderate(moderator)
    if action not in ACTIONS:
        raise ValueError(f"Unknown moderation action {action!r}.")
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    audit.record("comment_moderated", actor=moderator, target=comment, detail=action)
    if action == "delete":
        comment.delete()
        forget_queue_counts()
        return None
    if action == "spam":
        _teach(comment, "spam")
        comment.state = CommentState.SPAM
    else:
        if action == "ham":
            _teach(comment, "ham")
        comment.state = CommentState.PUBLISHED
    comment.moderated_at = timezone.now()
    comment.moderated_by = moderator
    comment.save(update_fields=["state", "trained_as", "moderated_at", "moderated_by"])
    forget_queue_counts()
    return comment


def moderate_comments(*, comments: Iterable[Comment], action: str, moderator) -> int:
    """Apply one action to several comments; returns how many were changed."""
    ensure_may_moderate(moderator)
    done = 0
    for comment in comments:
        moderate_comment(comment=comment, action=action, moderator=moderator)
        done += 1
    return done


# Retention -------------------------------------------------------------------------


def purge(*, now=None) -> tuple[int, int]:
    """Delete spam past its retention period and clear old commenters' addresses.

    Returns ``(spam comments deleted, comments whose address was cleared)``.
    """
    now = now or timezone.now()
    conf = store.spam_settings()
    spam_cutoff = now - timedelta(days=conf["RETENTION_DAYS"])
    ip_cutoff = now - timedelta(days=conf["IP_RETENTION_DAYS"])
    with transaction.atomic():
        old_spam = Comment.objects.filter(state=CommentState.SPAM, created_at__lt=spam_cutoff)
        # Replies to a spam comment go with it: nothing shows them any more.
        deleted = old_spam.delete()[1].get("kb.Comment", 0)
        cleared = Comment.objects.filter(created_at__lt=ip_cutoff).filter(
            Q(ip_address__isnull=False) | ~Q(user_agent="")
        ).update(ip_address=None, user_agent="")
    forget_queue_counts()
    return deleted, cleared

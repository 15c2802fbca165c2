"""Admin pages of revisions and comments.

Revisions are records of the editorial workflow, so the admin shows them and never
edits them. Comments carry readers' personal data: the e-mail address, IP address and
browser of an anonymous commenter reach only moderators, and only on one comment's page.
"""

import json

from django.contrib import admin
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator

from kb.admin.base import KbModelAdmin, LargeTableMixin, ReadOnlyAdmin
from kb.models import Comment, Revision


@admin.register(Revision)
class RevisionAdmin(LargeTableMixin, ReadOnlyAdmin):
    list_display = ("entry", "summary", "state", "author", "reviewer", "created_at")
    list_select_related = ("entry", "author", "reviewer")
    list_filter = ("state", "self_approved", "entry__kind")
    search_fields = ("entry__name", "summary", "author__username", "author__display_name")
    fields = (
        "entry", "summary", "state", "author", "base", "created_at", "submitted_at",
        "reviewer", "reviewed_at", "review_note", "self_approved", "snapshot",
    )
    readonly_fields = ("snapshot",)

    @admin.display(description="snapshot")
    def snapshot(self, revision):
        text = json.dumps(revision.data, indent=2, ensure_ascii=False, sort_keys=True)
        return format_html("<pre>{}</pre>", text)


@admin.register(Comment)
class CommentAdmin(LargeTableMixin, KbModelAdmin):
    # Never the e-mail address here: lists are read over shoulders and screenshotted.
    list_display = ("excerpt", "author", "entry", "state", "spam_score", "created_at")
    list_display_links = ("excerpt",)
    list_select_related = ("entry", "user")
    list_filter = ("state",)
    search_fields = ("body", "author_name", "user__username", "entry__name")
    autocomplete_fields = ("entry", "parent", "user")
    ordering = ("-created_at",)

    MODERATION_FIELDS = ("spam_score", "reasons", "created_at", "moderated_at", "moderated_by")
    # The commenter's e-mail address is never shown, not even to moderators.
    PRIVATE_FIELDS = ("ip_address", "user_agent")

    @admin.display(description="comment")
    def excerpt(self, comment):
        return Truncator(comment.body).chars(80)

    @admin.display(description="author", ordering="author_name")
    def author(self, comment):
        return comment.display_author

    @admin.display(description="spam filter's reasons")
    def reasons(self, comment):
        if not comment.spam_reasons:
            return "—"
        return format_html(
            "<ul>{}</ul>",
            format_html_join("", "<li>{}</li>", ((reason,) for reason in comment.spam_reasons)),
        )

    def _is_moderator(self, request) -> bool:
        return request.user.has_perm("kb.moderate_comment")

    def get_fieldsets(self, request, obj=None):
        author = ["user", "author_name"]
        if obj is None:
            author.append("author_email")
        elif self._is_moderator(request):
            author.extend(self.PRIVATE_FIELDS)
        fieldsets = [
            (None, {"fields": ("entry", "parent", "body", "state")}),
            ("Author", {"fields": tuple(author)}),
        ]
        if obj is not None:
            fieldsets.append(("Moderation", {"fields": self.MODERATION_FIELDS}))
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        return (*self.MODERATION_FIELDS, *self.PRIVATE_FIELDS)

    def save_model(self, request, obj, form, change):
        # A change of state is a moderation decision: record who took it and when.
        if change and "state" in form.changed_data:
            obj.moderated_at = timezone.now()
            obj.moderated_by = request.user
        super().save_model(request, obj, form, change)

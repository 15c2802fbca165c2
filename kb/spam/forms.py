"""The comment form: what a reader fills in, and the two fields a robot gives itself away by."""

from django import forms

from kb.choices import CommentState
from kb.models import Comment

MAX_LENGTH = Comment._meta.get_field("body").max_length


class CommentForm(forms.Form):
    """Name and e-mail for anonymous readers; text; a honeypot; the timing token.

    ``website`` is the honeypot: hidden from people (and from screen readers), filled
    in by robots that fill in every field. ``token`` is the signed timing token.
    """

    author_name = forms.CharField(label="Name", max_length=100)
    author_email = forms.EmailField(
        label="E-mail", help_text="Never shown or shared; moderators may use it to reply."
    )
    body = forms.CharField(
        label="Comment", max_length=MAX_LENGTH, strip=True,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": MAX_LENGTH}),
        help_text="Plain text; links are allowed. Comments from readers may be held "
                  "for moderation.",
        error_messages={"required": "Write something.",
                        "max_length": "Keep it under %(limit_value)d characters "
                                      "(it has %(show_value)d)."},
    )
    website = forms.CharField(required=False, label="Leave this field empty")
    token = forms.CharField(required=False, widget=forms.HiddenInput)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, entry, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.entry = entry
        self.signed_in = user is not None and user.is_authenticated
        if self.signed_in:
            del self.fields["author_name"]
            del self.fields["author_email"]

    def clean_body(self):
        body = self.cleaned_data["body"]
        if not body.strip():
            raise forms.ValidationError("Write something.")
        return body

    def clean_parent(self):
        """The comment replied to: shown on this entry, and not itself a reply."""
        pk = self.cleaned_data.get("parent")
        if not pk:
            return None
        parent = Comment.objects.filter(
            pk=pk, entry=self.entry, state=CommentState.PUBLISHED
        ).first()
        if parent is None:
            raise forms.ValidationError("The comment you reply to is not on this page.")
        if parent.parent_id:
            raise forms.ValidationError("Replies go one level deep: reply to the first "
                                        "comment of the thread.")
        return parent

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.functional import cached_property

from accounts.roles import Role


class User(AbstractUser):
    """A member of the research team or a registered reader.

    What a user may do comes from the auth groups that stand for roles (see
    ``accounts.roles``); the model itself adds only what the site shows of a person.
    """

    display_name = models.CharField(
        max_length=150,
        blank=True,
        help_text="Shown beside revisions and comments instead of the username.",
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    def __str__(self):
        return self.display_name or self.username

    @cached_property
    def role_names(self) -> frozenset[str]:
        return frozenset(self.groups.values_list("name", flat=True))

    @property
    def role(self) -> Role | None:
        """The highest role the user holds, or None for a reader."""
        if self.is_superuser:
            return Role.ADMINISTRATOR
        for role in reversed(Role.ordered()):
            if role.value in self.role_names:
                return role
        return None

    @property
    def is_team_member(self) -> bool:
        return self.role is not None

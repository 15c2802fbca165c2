"""Relations between entries, each owned by one side's aggregate.

A relation belongs to the entry whose revision proposes it (``OWNER``): a group owns
its relations to other groups, a person their roles in groups and ties to other people,
an attack the people involved and its claims and attributions. The other side shows
it read backwards. Every relation has partial start / end dates, a confidence level,
a note and citations.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from kb.choices import (
    AttributionBy,
    Certainty,
    ClaimMode,
    Confidence,
    GroupRelationKind,
    PersonAttackRoleKind,
    PersonGroupRoleKind,
    PersonRelationKind,
)
from kb.partial_dates import (
    PartialDateDescriptor,
    date_order_constraint,
    precision_constraint,
    precision_field,
    validate_date_order,
    validate_partial_date,
)


class Relation(models.Model):
    """What every relation has: a period, a confidence level, a note, citations."""

    OWNER = ""  # the field naming the entry that owns the row

    started_on = models.DateField(null=True, blank=True)
    started_on_precision = precision_field()
    ended_on = models.DateField(null=True, blank=True)
    ended_on_precision = precision_field()
    confidence = models.CharField(
        max_length=10, choices=Confidence.choices, default=Confidence.REPORTED
    )
    note = models.TextField(blank=True)
    citations = GenericRelation(
        "kb.Citation", content_type_field="target_type", object_id_field="target_id",
        related_query_name="%(class)s",
    )

    started_date = PartialDateDescriptor("started_on")
    ended_date = PartialDateDescriptor("ended_on")

    class Meta:
        abstract = True

    @classmethod
    def period_constraints(cls, name: str) -> list[models.BaseConstraint]:
        return [
            precision_constraint(name, "started_on"),
            precision_constraint(name, "ended_on"),
            date_order_constraint(name, "started_on", "ended_on"),
        ]

    @property
    def owner(self):
        return getattr(self, self.OWNER)

    def clean(self):
        errors = {}
        validate_partial_date(self, "started_on", errors)
        validate_partial_date(self, "ended_on", errors)
        validate_date_order(
            self, "started_on", "ended_on", errors, "A relation cannot end before it starts."
        )
        self.clean_relation(errors)
        if errors:
            raise ValidationError(errors)

    def clean_relation(self, errors: dict) -> None:
        """Subclasses add their own field-level checks to ``errors``."""


def _not_self(name: str, a: str, b: str, message: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=~Q(**{a: models.F(b)}), name=f"{name}_not_self",
        violation_error_message=message,
    )


class GroupRelation(Relation):
    """A group's tie to another group: "ISKP is an affiliate of the Islamic State"."""

    OWNER = "subject"

    subject = models.ForeignKey("kb.Group", on_delete=models.CASCADE, related_name="relations")
    kind = models.CharField(max_length=16, choices=GroupRelationKind.choices)
    object = models.ForeignKey(
        "kb.Group", on_delete=models.CASCADE, related_name="inverse_relations"
    )

    class Meta:
        verbose_name = "group relation"
        ordering = ["subject", "kind", "object"]
        constraints = [
            _not_self("group_relation", "subject", "object", "A group cannot relate to itself."),
            models.UniqueConstraint(
                fields=["subject", "kind", "object"], name="group_relation_unique",
                violation_error_message="This relation is already recorded.",
            ),
            *Relation.period_constraints("group_relation"),
        ]
        indexes = [models.Index(fields=["object", "kind"])]

    def __str__(self):
        return f"{self.subject} {self.get_kind_display()} {self.object}"

    def clean_relation(self, errors):
        if self.subject_id and self.subject_id == self.object_id:
            errors["object"] = "A group cannot relate to itself."


class PersonGroupRole(Relation):
    """A person's role in a group over a period: leader, founder, member …"""

    OWNER = "person"

    person = models.ForeignKey("kb.Person", on_delete=models.CASCADE, related_name="group_roles")
    group = models.ForeignKey("kb.Group", on_delete=models.CASCADE, related_name="member_roles")
    role = models.CharField(max_length=16, choices=PersonGroupRoleKind.choices)
    title = models.CharField(max_length=200, blank=True, help_text="E.g. 'emir of Balochistan'.")

    class Meta:
        verbose_name = "person's role in a group"
        verbose_name_plural = "people's roles in groups"
        ordering = ["person", "started_on"]
        constraints = [
            # A person may hold one role in a group more than once, in separate periods.
            models.UniqueConstraint(
                fields=["person", "group", "role", "started_on"],
                name="person_group_role_unique",
                violation_error_message="This role is already recorded for that date.",
            ),
            models.UniqueConstraint(
                fields=["person", "group", "role"],
                condition=Q(started_on__isnull=True),
                name="person_group_role_undated_unique",
                violation_error_message="This role is already recorded without a date.",
            ),
            *Relation.period_constraints("person_group_role"),
        ]
        indexes = [models.Index(fields=["group", "role"])]

    def __str__(self):
        return f"{self.person}: {self.get_role_display()} of {self.group}"


class PersonAttackRole(Relation):
    """A person's part in an attack: perpetrator, planner, mastermind …"""

    OWNER = "attack"

    attack = models.ForeignKey("kb.Attack", on_delete=models.CASCADE, related_name="people_roles")
    person = models.ForeignKey("kb.Person", on_delete=models.CASCADE, related_name="attack_roles")
    role = models.CharField(max_length=16, choices=PersonAttackRoleKind.choices)

    class Meta:
        verbose_name = "person's role in an attack"
        verbose_name_plural = "people's roles in attacks"
        ordering = ["attack", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["attack", "person", "role"], name="person_attack_role_unique",
                violation_error_message="This person already has that role in the attack.",
            ),
            *Relation.period_constraints("person_attack_role"),
        ]
        indexes = [models.Index(fields=["person"])]

    def __str__(self):
        return f"{self.person}: {self.get_role_display()} of {self.attack}"


class PersonRelation(Relation):
    """A tie between two people: kin or associates ("first cousins who planned an attack")."""

    OWNER = "person"

    person = models.ForeignKey("kb.Person", on_delete=models.CASCADE, related_name="relations")
    kind = models.CharField(max_length=10, choices=PersonRelationKind.choices)
    other = models.ForeignKey(
        "kb.Person", on_delete=models.CASCADE, related_name="inverse_relations"
    )

    class Meta:
        verbose_name = "relation between people"
        verbose_name_plural = "relations between people"
        ordering = ["person", "kind"]
        constraints = [
            _not_self(
                "person_relation", "person", "other", "A person cannot relate to themselves."
            ),
            models.UniqueConstraint(
                fields=["person", "kind", "other"], name="person_relation_unique",
                violation_error_message="This relation is already recorded.",
            ),
            *Relation.period_constraints("person_relation"),
        ]
        indexes = [models.Index(fields=["other"])]

    def __str__(self):
        return f"{self.person} {self.get_kind_display()} {self.other}"

    def clean_relation(self, errors):
        if self.person_id and self.person_id == self.other_id:
            errors["other"] = "A person cannot relate to themselves."


class Claim(Relation):
    """A group's claim of responsibility for an attack: who claimed, how and when.

    Claims are the group's own word; competing claims for one attack are allowed.
    ``started_on`` is the date of the claim.
    """

    OWNER = "attack"

    attack = models.ForeignKey("kb.Attack", on_delete=models.CASCADE, related_name="claims")
    group = models.ForeignKey("kb.Group", on_delete=models.CASCADE, related_name="claims")
    mode = models.CharField(max_length=16, choices=ClaimMode.choices, default=ClaimMode.UNKNOWN)
    is_retracted = models.BooleanField(default=False)

    claimed_date = PartialDateDescriptor("started_on")

    class Meta:
        verbose_name = "claim of responsibility"
        verbose_name_plural = "claims of responsibility"
        ordering = ["attack", "started_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["attack", "group", "mode"], name="claim_unique",
                violation_error_message="This claim is already recorded.",
            ),
            *Relation.period_constraints("claim"),
        ]
        indexes = [models.Index(fields=["group", "attack"])]

    def __str__(self):
        return f"{self.group} claimed {self.attack}"


class Attribution(Relation):
    """Responsibility for an attack as judged by others (authorities, researchers).

    Distinct from a claim: a group may claim what it did not do, and be blamed for what
    it never claimed.
    """

    OWNER = "attack"

    attack = models.ForeignKey("kb.Attack", on_delete=models.CASCADE, related_name="attributions")
    group = models.ForeignKey("kb.Group", on_delete=models.CASCADE, related_name="attributions")
    attributed_by = models.CharField(max_length=12, choices=AttributionBy.choices)
    attributed_by_name = models.CharField(
        max_length=200, blank=True, help_text="E.g. 'Balochistan government', 'PIPS'."
    )
    certainty = models.CharField(max_length=10, choices=Certainty.choices)

    class Meta:
        ordering = ["attack", "group"]
        constraints = [
            models.UniqueConstraint(
                fields=["attack", "group", "attributed_by", "attributed_by_name"],
                name="attribution_unique",
                violation_error_message="This attribution is already recorded.",
            ),
            *Relation.period_constraints("attribution"),
        ]
        indexes = [models.Index(fields=["group", "attack"])]

    def __str__(self):
        return f"{self.attack} attributed to {self.group} ({self.get_certainty_display()})"

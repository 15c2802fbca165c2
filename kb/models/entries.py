"""Entries: the curated profiles of groups, people and attacks.

``Entry`` is a concrete base (multi-table inheritance, as Wagtail's ``Page``): one table
of entries gives revisions, comments, citations, aliases and identifiers one foreign-key
target, and search one place to index names. The rows hold the *live* content; proposed
changes wait in revisions until an editor approves them.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify

from kb.choices import (
    CoordinatePrecision,
    EntryKind,
    GroupStatus,
    Ideology,
    PersonStatus,
    PlaceKind,
)
from kb.editorial.snapshot import Owned, Snapshot
from kb.names import name_key, normalize_name
from kb.partial_dates import (
    PartialDateDescriptor,
    date_order_constraint,
    precision_constraint,
    precision_field,
    validate_date_order,
    validate_partial_date,
)
from kb.validators import LATITUDE, LONGITUDE


def unique_slug(model, name: str, *, max_length: int = 300, exclude_pk=None) -> str:
    """A slug for ``name`` that no other row of ``model`` uses yet."""
    base = slugify(name)[:max_length] or "entry"
    slug, n = base, 1
    others = model._default_manager.exclude(pk=exclude_pk)
    while others.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def published_q(path: str = "") -> Q:
    """Entries readers may see: approved at least once, not archived, not merged away.

    ``path`` reaches the entry through a relation ("attack__"), so a related list filters
    on the join it already makes instead of an ``IN (subquery)``.
    """
    return Q(
        **{
            f"{path}published_at__isnull": False,
            f"{path}is_archived": False,
            f"{path}redirect_to__isnull": True,
        }
    )


def can_see_unpublished(user) -> bool:
    return user.is_authenticated and user.has_perm("kb.view_unpublished_entry")


def visible_q(user, path: str = "") -> Q:
    """Everything but merged entries for the team; published entries for everyone else."""
    if can_see_unpublished(user):
        return Q(**{f"{path}redirect_to__isnull": True})
    return published_q(path)


class EntryQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_q())

    def visible_to(self, user):
        return self.filter(visible_q(user))


class Entry(models.Model):
    """A curated profile, the common base of groups, people and attacks.

    ``published_at`` is set by the first approval and ``live_revision`` points at the
    revision whose content the row holds; until then the entry is a draft that only
    the research team sees. Archived entries are hidden, never deleted.
    """

    kind = models.CharField(max_length=16, choices=EntryKind.choices, editable=False)
    name = models.CharField(max_length=300, help_text="The name most sources use, in English.")
    slug = models.SlugField(
        max_length=320, unique=True, blank=True,
        help_text="The entry's address; made from the name when left empty.",
    )
    search_name = models.CharField(
        max_length=300, editable=False, db_index=True,
        help_text="The name folded for comparison (see kb.names.normalize_name).",
    )
    search_key = models.CharField(
        max_length=300, editable=False, default="",
        help_text="The name's transliteration key (see kb.names.name_key).",
    )
    summary = models.TextField(blank=True, help_text="One or two sentences shown in lists.")
    body = models.TextField(
        blank=True,
        help_text="The narrative, in Markdown; sanitised when shown.",
    )
    live_revision = models.ForeignKey(
        "kb.Revision", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", editable=False,
    )
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    is_archived = models.BooleanField(default=False, editable=False)
    redirect_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        editable=False, help_text="Set when this entry was merged into another.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "entries"
        ordering = ["name"]
        indexes = [
            models.Index(fields=["kind", "name"]),
            models.Index(
                fields=["name"], name="entry_published_name",
                condition=Q(published_at__isnull=False, is_archived=False),
            ),
        ]
        permissions = [
            ("view_unpublished_entry", "Can see drafts and unpublished entries"),
            ("archive_entry", "Can archive and restore entries"),
            ("merge_entries", "Can merge duplicate entries"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(redirect_to=models.F("pk")),
                name="entry_not_redirected_to_itself",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Derived columns only: the kind of a subclass row and the folded name.
        if not self.kind and self._entry_kind:
            self.kind = self._entry_kind
        if not self.slug:
            self.slug = unique_slug(Entry, self.name, exclude_pk=self.pk)
        self.search_name = normalize_name(self.name)
        self.search_key = name_key(self.name)
        super().save(*args, **kwargs)

    _entry_kind = ""

    def get_absolute_url(self):
        return reverse(f"kb:{self.kind}-detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.published_at is not None and not self.is_archived

    @property
    def specific(self) -> "Entry":
        """The Group, Person or Attack this entry is (one query unless already specific)."""
        if type(self) is not Entry:
            return self
        return getattr(self, self.kind)

    def clean(self):
        errors = {}
        if self.name and not normalize_name(self.name):
            errors["name"] = "The name needs at least one letter or digit."
        if errors:
            raise ValidationError(errors)


# What every kind's snapshot holds. ``is_archived`` travels in revisions, so archiving
# and restoring are reviewed like any other change.
ENTRY_FIELDS = ("name", "slug", "summary", "body", "is_archived")
ENTRY_OWNED = (
    Owned("aliases", key=("name",)),
    Owned("external_ids", key=("scheme", "value"), label="external identifiers"),
)
CITATIONS = Owned("citations", key=("source", "target", "field", "locator"))


class Group(Entry):
    """A militant organisation, party front or network."""

    _entry_kind = EntryKind.GROUP

    abbreviation = models.CharField(max_length=40, blank=True)
    founded_on = models.DateField(null=True, blank=True)
    dissolved_on = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=GroupStatus.choices, default=GroupStatus.ACTIVE
    )
    ideology = models.CharField(
        max_length=20, choices=Ideology.choices, default=Ideology.UNKNOWN, db_index=True
    )
    areas = models.ManyToManyField(
        "kb.Place", blank=True, related_name="groups_active",
        help_text="Countries, provinces or districts where the group operates.",
    )
    # The narrative in the sections profiles of militant organisations use; ``body``
    # holds the overview.
    history = models.TextField(blank=True)
    leadership = models.TextField(blank=True)
    ideology_and_goals = models.TextField(blank=True)
    size_and_resources = models.TextField(blank=True)
    geography = models.TextField(blank=True)
    targets_and_tactics = models.TextField(blank=True)
    relationships = models.TextField(blank=True)

    founded_on_precision = precision_field()
    dissolved_on_precision = precision_field()

    founded_date = PartialDateDescriptor("founded_on")
    dissolved_date = PartialDateDescriptor("dissolved_on")

    snapshot = Snapshot(
        fields=(
            *ENTRY_FIELDS, "abbreviation", "founded_on", "founded_on_precision",
            "dissolved_on", "dissolved_on_precision", "status", "ideology", "history",
            "leadership", "ideology_and_goals", "size_and_resources", "geography",
            "targets_and_tactics", "relationships",
        ),
        m2m=("areas",),
        owned=(
            *ENTRY_OWNED,
            Owned("designations", key=("authority", "reference")),
            Owned("size_estimates", key=("year",)),
            Owned("relations", key=("kind", "object"), label="relations to groups"),
            CITATIONS,
        ),
    )

    SECTIONS = (
        ("body", "Overview"),
        ("history", "History"),
        ("leadership", "Leadership"),
        ("ideology_and_goals", "Ideology and goals"),
        ("size_and_resources", "Size and resources"),
        ("geography", "Geography"),
        ("targets_and_tactics", "Targets and tactics"),
        ("relationships", "Relationships"),
    )

    class Meta:
        verbose_name = "militant group"
        verbose_name_plural = "militant groups"
        indexes = [models.Index(fields=["status"])]
        constraints = [
            precision_constraint("group", "founded_on"),
            precision_constraint("group", "dissolved_on"),
            date_order_constraint("group", "founded_on", "dissolved_on"),
        ]

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as exc:
            errors.update(exc.update_error_dict({}))
        validate_partial_date(self, "founded_on", errors)
        validate_partial_date(self, "dissolved_on", errors)
        validate_date_order(
            self, "founded_on", "dissolved_on", errors,
            "A group cannot be dissolved before it was founded.",
        )
        if errors:
            raise ValidationError(errors)


class Person(Entry):
    """Someone involved in political violence: leader, member, perpetrator, financier."""

    _entry_kind = EntryKind.PERSON

    born_on = models.DateField(null=True, blank=True)
    born_on_precision = precision_field()
    died_on = models.DateField(null=True, blank=True)
    died_on_precision = precision_field()
    status = models.CharField(
        max_length=10, choices=PersonStatus.choices, default=PersonStatus.UNKNOWN
    )
    nationality = models.ForeignKey(
        "kb.Place", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        limit_choices_to={"kind": PlaceKind.COUNTRY},
    )

    snapshot = Snapshot(
        fields=(
            *ENTRY_FIELDS, "born_on", "born_on_precision", "died_on", "died_on_precision",
            "status", "nationality",
        ),
        owned=(
            *ENTRY_OWNED,
            Owned("group_roles", key=("group", "role", "started_on"), label="roles in groups"),
            Owned("relations", key=("kind", "other"), label="relations to people"),
            CITATIONS,
        ),
    )

    born_date = PartialDateDescriptor("born_on")
    died_date = PartialDateDescriptor("died_on")

    class Meta:
        verbose_name = "person"
        verbose_name_plural = "people"
        indexes = [models.Index(fields=["status"])]
        constraints = [
            precision_constraint("person", "born_on"),
            precision_constraint("person", "died_on"),
            date_order_constraint("person", "born_on", "died_on"),
        ]

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as exc:
            errors.update(exc.update_error_dict({}))
        validate_partial_date(self, "born_on", errors)
        validate_partial_date(self, "died_on", errors)
        validate_date_order(
            self, "born_on", "died_on", errors, "A person cannot die before being born."
        )
        if self.nationality_id and self.nationality.kind != PlaceKind.COUNTRY:
            errors["nationality"] = "Nationality is a country."
        if errors:
            raise ValidationError(errors)


def _range_constraints(model: str, figure: str, label: str) -> list[models.CheckConstraint]:
    low, high = f"{figure}_low", f"{figure}_high"
    message = f"{label}: the low figure cannot exceed the best figure, nor the best the high."
    return [
        models.CheckConstraint(
            condition=Q(**{f"{low}__isnull": True}) | Q(**{f"{figure}__isnull": True})
            | Q(**{f"{low}__lte": models.F(figure)}),
            name=f"{model}_{low}_le_best",
            violation_error_message=message,
        ),
        models.CheckConstraint(
            condition=Q(**{f"{high}__isnull": True}) | Q(**{f"{figure}__isnull": True})
            | Q(**{f"{figure}__lte": models.F(high)}),
            name=f"{model}_{figure}_le_high",
            violation_error_message=message,
        ),
        models.CheckConstraint(
            condition=Q(**{f"{low}__isnull": True}) | Q(**{f"{high}__isnull": True})
            | Q(**{f"{low}__lte": models.F(high)}),
            name=f"{model}_{low}_le_{high}",
            violation_error_message=message,
        ),
    ]


class Attack(Entry):
    """An incident, in the sense of the Global Terrorism Database codebook.

    Coordinated attacks (one plan, several places) hang under a parent event. Killed and
    wounded are a best figure with an optional low-high range, because sources differ.
    """

    _entry_kind = EntryKind.ATTACK

    occurred_on = models.DateField(db_index=True)
    occurred_on_precision = precision_field()
    ended_on = models.DateField(null=True, blank=True, help_text="For events lasting days.")
    ended_on_precision = precision_field()
    parent_event = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="sub_attacks",
        help_text="The coordinated event this attack was part of.",
    )

    place = models.ForeignKey(
        "kb.Place", null=True, blank=True, on_delete=models.PROTECT, related_name="attacks",
        help_text="The most specific place known.",
    )
    # Denormalised from ``place`` so that country and province filters need no
    # recursive walk over the place hierarchy.
    country = models.ForeignKey(
        "kb.Place", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        limit_choices_to={"kind": PlaceKind.COUNTRY},
    )
    province = models.ForeignKey(
        "kb.Place", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        limit_choices_to={"kind": PlaceKind.PROVINCE},
    )
    latitude = models.DecimalField(
        max_digits=9, decimal_places=6, null=True, blank=True, validators=LATITUDE
    )
    longitude = models.DecimalField(
        max_digits=9, decimal_places=6, null=True, blank=True, validators=LONGITUDE
    )
    coordinate_precision = models.PositiveSmallIntegerField(
        choices=CoordinatePrecision.choices, null=True, blank=True
    )

    attack_types = models.ManyToManyField("kb.AttackType", blank=True, related_name="attacks")
    target_types = models.ManyToManyField("kb.TargetType", blank=True, related_name="attacks")
    weapon_types = models.ManyToManyField("kb.WeaponType", blank=True, related_name="attacks")

    killed = models.PositiveIntegerField(null=True, blank=True, help_text="Best figure.")
    killed_low = models.PositiveIntegerField(null=True, blank=True)
    killed_high = models.PositiveIntegerField(null=True, blank=True)
    wounded = models.PositiveIntegerField(null=True, blank=True, help_text="Best figure.")
    wounded_low = models.PositiveIntegerField(null=True, blank=True)
    wounded_high = models.PositiveIntegerField(null=True, blank=True)
    perpetrators_killed = models.PositiveIntegerField(null=True, blank=True)

    suicide = models.BooleanField(null=True, blank=True)
    success = models.BooleanField(null=True, blank=True)
    hostages = models.BooleanField(null=True, blank=True)
    property_damage = models.BooleanField(null=True, blank=True)

    snapshot = Snapshot(
        fields=(
            *ENTRY_FIELDS, "occurred_on", "occurred_on_precision", "ended_on",
            "ended_on_precision", "parent_event", "place", "country", "province", "latitude",
            "longitude", "coordinate_precision", "killed", "killed_low", "killed_high",
            "wounded", "wounded_low", "wounded_high", "perpetrators_killed", "suicide",
            "success", "hostages", "property_damage",
        ),
        m2m=("attack_types", "target_types", "weapon_types"),
        owned=(
            *ENTRY_OWNED,
            Owned("claims", key=("group", "mode")),
            Owned("attributions", key=("group", "attributed_by", "attributed_by_name")),
            Owned("people_roles", key=("person", "role"), label="people involved"),
            CITATIONS,
        ),
    )

    occurred_date = PartialDateDescriptor("occurred_on")
    ended_date = PartialDateDescriptor("ended_on")

    MAX_TYPES = 3  # GTD records up to three attack, target and weapon types.

    class Meta:
        verbose_name = "attack"
        verbose_name_plural = "attacks"
        ordering = ["-occurred_on", "name"]
        indexes = [
            models.Index(fields=["country", "occurred_on"]),
            models.Index(fields=["province", "occurred_on"]),
            models.Index(fields=["killed"]),
        ]
        constraints = [
            precision_constraint("attack", "occurred_on"),
            precision_constraint("attack", "ended_on"),
            date_order_constraint("attack", "occurred_on", "ended_on"),
            *_range_constraints("attack", "killed", "Killed"),
            *_range_constraints("attack", "wounded", "Wounded"),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="attack_latitude_in_range",
                violation_error_message="Latitude must lie between -90 and 90.",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="attack_longitude_in_range",
                violation_error_message="Longitude must lie between -180 and 180.",
            ),
            models.CheckConstraint(
                condition=~Q(parent_event=models.F("pk")),
                name="attack_not_own_parent",
                violation_error_message="An attack cannot be part of itself.",
            ),
        ]

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as exc:
            errors.update(exc.update_error_dict({}))
        validate_partial_date(self, "occurred_on", errors)
        validate_partial_date(self, "ended_on", errors)
        validate_date_order(
            self, "occurred_on", "ended_on", errors, "An attack cannot end before it began."
        )
        for figure in ("killed", "wounded"):
            low, best, high = (getattr(self, f"{figure}{s}") for s in ("_low", "", "_high"))
            if low is not None and best is not None and low > best:
                errors[f"{figure}_low"] = "The low figure cannot exceed the best figure."
            if high is not None and best is not None and high < best:
                errors[f"{figure}_high"] = "The high figure cannot be below the best figure."
            if low is not None and high is not None and low > high:
                errors.setdefault(f"{figure}_high", "The high figure cannot be below the low.")
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude" if self.longitude is None else "latitude"] = (
                "Give both latitude and longitude, or neither."
            )
        if self.latitude is not None and self.coordinate_precision is None:
            errors["coordinate_precision"] = "Say how precise the coordinates are."
        if self.parent_event_id:
            if self.pk and self.parent_event_id == self.pk:
                errors["parent_event"] = "An attack cannot be part of itself."
            elif self.parent_event.parent_event_id:
                errors["parent_event"] = "A coordinated event has one level: pick the top event."
        self._clean_places(errors)
        if errors:
            raise ValidationError(errors)

    def _clean_places(self, errors: dict) -> None:
        """Fill country and province from the place, and refuse ones that contradict it."""
        if not self.place_id:
            return
        country = self.place.ancestor_of_kind(PlaceKind.COUNTRY)
        province = self.place.ancestor_of_kind(PlaceKind.PROVINCE)
        if self.country_id and country and self.country_id != country.pk:
            errors["country"] = f"The place lies in {country}, not in {self.country}."
        if self.province_id and province and self.province_id != province.pk:
            errors["province"] = f"The place lies in {province}, not in {self.province}."
        self.country = self.country or country
        self.province = self.province or province

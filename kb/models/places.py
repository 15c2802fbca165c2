from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Now
from django.urls import reverse

from kb.choices import PlaceKind
from kb.validators import LATITUDE, LONGITUDE


class Place(models.Model):
    """A country, province, district, city or site, in a small hierarchy.

    Attacks point at the most specific place known; areas of operation and
    nationalities point at countries or provinces.
    """

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    kind = models.CharField(max_length=10, choices=PlaceKind.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    country_code = models.CharField(
        max_length=2, blank=True, help_text="ISO 3166-1 alpha-2, for countries."
    )
    latitude = models.DecimalField(
        max_digits=9, decimal_places=6, null=True, blank=True, validators=LATITUDE
    )
    longitude = models.DecimalField(
        max_digits=9, decimal_places=6, null=True, blank=True, validators=LONGITUDE
    )
    # A database default too, so bulk loads that write SQL directly need not set it.
    updated_at = models.DateTimeField(auto_now=True, db_default=Now(), db_index=True)

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["kind", "name"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="place_latitude_in_range",
                violation_error_message="Latitude must lie between -90 and 90.",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="place_longitude_in_range",
                violation_error_message="Longitude must lie between -180 and 180.",
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")),
                name="place_not_own_parent",
                violation_error_message="A place cannot contain itself.",
            ),
            models.CheckConstraint(
                condition=Q(kind=PlaceKind.COUNTRY, parent__isnull=True)
                | (~Q(kind=PlaceKind.COUNTRY) & Q(parent__isnull=False)),
                name="place_country_is_root",
                violation_error_message=(
                    "Countries stand at the top; every other place has a parent."
                ),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("kb:place-detail", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude" if self.longitude is None else "latitude"] = (
                "Give both latitude and longitude, or neither."
            )
        if self.kind == PlaceKind.COUNTRY and self.parent_id:
            errors["parent"] = "A country has no parent place."
        elif self.kind and self.kind != PlaceKind.COUNTRY:
            if not self.parent_id:
                errors["parent"] = "Every place but a country lies inside another place."
            elif PlaceKind.depth(self.parent.kind) >= PlaceKind.depth(self.kind):
                errors["parent"] = (
                    f"A {self.get_kind_display().lower()} cannot lie inside a "
                    f"{self.parent.get_kind_display().lower()}."
                )
            else:
                ancestor = self.parent
                while ancestor is not None:
                    if ancestor.pk == self.pk:
                        errors["parent"] = "A place cannot lie inside itself."
                        break
                    ancestor = ancestor.parent
        if errors:
            raise ValidationError(errors)

    def ancestors(self) -> list["Place"]:
        """This place's parents, nearest first (one query per level; levels are few)."""
        chain, place = [], self.parent
        while place is not None:
            chain.append(place)
            place = place.parent
        return chain

    def ancestor_of_kind(self, kind: str) -> "Place | None":
        if self.kind == kind:
            return self
        return next((p for p in self.ancestors() if p.kind == kind), None)

    @property
    def label(self) -> str:
        """The place with its parents: "Quetta, Balochistan, Pakistan"."""
        return ", ".join(p.name for p in [self, *self.ancestors()])

"""Factories that build valid objects in one call."""

import datetime as dt

import factory
from django.contrib.auth.models import Group as AuthGroup
from django.utils import timezone

from accounts.models import User
from kb import models
from kb.choices import (
    AliasKind,
    AttributionBy,
    Certainty,
    ClaimMode,
    DatePrecision,
    GroupRelationKind,
    PersonAttackRoleKind,
    PersonGroupRoleKind,
    PersonRelationKind,
    PlaceKind,
    Script,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct horse battery staple")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(AuthGroup.objects.get(name=extracted))
            if extracted == "administrator":
                self.is_staff = True
                self.save(update_fields=["is_staff"])


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Place
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Country {n}")
    slug = factory.LazyAttribute(lambda p: p.name.lower().replace(" ", "-"))
    kind = PlaceKind.COUNTRY
    parent = None


class CityFactory(PlaceFactory):
    name = factory.Sequence(lambda n: f"City {n}")
    kind = PlaceKind.CITY
    parent = factory.LazyAttribute(
        lambda _: PlaceFactory(
            name="Province A", kind=PlaceKind.PROVINCE, parent=PlaceFactory(name="Country A")
        )
    )
    latitude = "30.183300"
    longitude = "66.996700"


class PublishedMixin(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    published_at = factory.LazyFunction(timezone.now)


class GroupFactory(PublishedMixin):
    class Meta:
        model = models.Group

    name = factory.Sequence(lambda n: f"Group {n}")
    summary = "A militant group."


class PersonFactory(PublishedMixin):
    class Meta:
        model = models.Person

    name = factory.Sequence(lambda n: f"Person {n}")


class AttackFactory(PublishedMixin):
    class Meta:
        model = models.Attack

    name = factory.Sequence(lambda n: f"Attack {n}")
    occurred_on = dt.date(2016, 8, 8)
    occurred_on_precision = DatePrecision.DAY


class AliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Alias

    entry = factory.SubFactory(GroupFactory)
    name = factory.Sequence(lambda n: f"Alias {n}")
    kind = AliasKind.ACRONYM
    script = Script.LATIN


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Source

    title = factory.Sequence(lambda n: f"Report {n}")
    slug = factory.Sequence(lambda n: f"report-{n}")
    publisher = "Example Press"


class CitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Citation

    entry = factory.SubFactory(GroupFactory)
    source = factory.SubFactory(SourceFactory)
    locator = "p. 1"


class GroupRelationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.GroupRelation

    subject = factory.SubFactory(GroupFactory)
    kind = GroupRelationKind.AFFILIATE_OF
    object = factory.SubFactory(GroupFactory)


class PersonGroupRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.PersonGroupRole

    person = factory.SubFactory(PersonFactory)
    group = factory.SubFactory(GroupFactory)
    role = PersonGroupRoleKind.MEMBER


class PersonAttackRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.PersonAttackRole

    attack = factory.SubFactory(AttackFactory)
    person = factory.SubFactory(PersonFactory)
    role = PersonAttackRoleKind.PLANNER


class PersonRelationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.PersonRelation

    person = factory.SubFactory(PersonFactory)
    kind = PersonRelationKind.COUSIN
    other = factory.SubFactory(PersonFactory)


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Claim

    attack = factory.SubFactory(AttackFactory)
    group = factory.SubFactory(GroupFactory)
    mode = ClaimMode.NEWS_AGENCY


class AttributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Attribution

    attack = factory.SubFactory(AttackFactory)
    group = factory.SubFactory(GroupFactory)
    attributed_by = AttributionBy.AUTHORITIES
    certainty = Certainty.SUSPECTED


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Comment

    entry = factory.SubFactory(GroupFactory)
    author_name = "A reader"
    author_email = "reader@example.org"
    body = "Thank you for the sources."


class RevisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Revision

    entry = factory.SubFactory(GroupFactory)
    author = factory.SubFactory(UserFactory)
    summary = "First version"

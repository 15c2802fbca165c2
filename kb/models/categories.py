from django.db import models


class GtdCategory(models.Model):
    """A category of the GTD codebook; ``code`` is GTD's own number."""

    code = models.PositiveSmallIntegerField(unique=True)
    name = models.CharField(max_length=100, unique=True)

    class Meta:
        abstract = True
        ordering = ["code"]

    def __str__(self):
        return self.name


class AttackType(GtdCategory):
    """How an attack was carried out (GTD "attacktype", 9 categories)."""


class TargetType(GtdCategory):
    """Whom or what an attack struck (GTD "targtype", 22 categories)."""


class WeaponType(GtdCategory):
    """What an attack used (GTD "weaptype", 13 categories)."""

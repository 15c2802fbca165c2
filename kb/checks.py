"""System checks: a snapshot declaration that names something missing fails `check`."""

from django.apps import apps
from django.core import checks
from django.core.exceptions import FieldDoesNotExist
from django.db import models


@checks.register(checks.Tags.models)
def check_snapshot_declarations(app_configs=None, **kwargs):
    errors = []
    for model in apps.get_models():
        decl = model.__dict__.get("snapshot")
        if decl is None:
            continue
        errors.extend(_check_model(model, decl))
    return errors


def _error(model, message, hint=""):
    return checks.Error(message, hint=hint or None, obj=model, id="kb.E001")


def _check_model(model, decl):
    for name in decl.fields:
        try:
            f = model._meta.get_field(name)
        except FieldDoesNotExist:
            yield _error(model, f"Snapshot field '{name}' does not exist.")
            continue
        if not f.concrete or f.many_to_many:
            yield _error(model, f"Snapshot field '{name}' is not a column; list it in m2m.")
    for name in decl.m2m:
        try:
            f = model._meta.get_field(name)
        except FieldDoesNotExist:
            yield _error(model, f"Snapshot m2m '{name}' does not exist.")
            continue
        if not f.many_to_many:
            yield _error(model, f"Snapshot m2m '{name}' is not a many-to-many field.")
    for owned in decl.owned:
        try:
            relation = model._meta.get_field(owned.name)
        except FieldDoesNotExist:
            yield _error(model, f"Snapshot owned rows '{owned.name}' do not exist.")
            continue
        if not isinstance(relation, models.ManyToOneRel):
            yield _error(
                model, f"Snapshot owned rows '{owned.name}' are not a reverse foreign key."
            )
            continue
        for key in owned.key:
            if owned.name == "citations" and key == "target":
                continue
            try:
                relation.related_model._meta.get_field(key)
            except FieldDoesNotExist:
                yield _error(
                    model,
                    f"Snapshot key '{key}' of '{owned.name}' is not a field of "
                    f"{relation.related_model.__name__}.",
                )

"""POST data for the entry editor, as a browser would send it for an untouched form."""

from django import forms


def _value(bound):
    value = bound.value()
    if value is None or value == "" or value == []:
        return None
    if isinstance(bound.field, forms.NullBooleanField):
        return "true" if value else "false"
    if isinstance(value, bool):
        return "on" if value else None
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return str(value)


def editor_data(editor, *, base="", edit_summary="Edit", action="draft", **changes) -> dict:
    """Every field of ``editor`` at its initial value, then ``changes`` (by HTML name)."""
    data = {}
    forms_ = [editor.form]
    for formset in editor.formsets:
        for name, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{name}"] = str(value)
        forms_ += formset.forms
    for form in forms_:
        for bound in form:
            value = _value(bound)
            if value is not None:
                data[bound.html_name] = value
    data.update({"proposal-summary": edit_summary, "proposal-base": str(base or ""),
                 "action": action})
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data

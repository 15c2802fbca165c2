"""The profiles of groups, people and attacks."""

from django.shortcuts import render

from kb import selectors
from kb.models import Attack, Group, Person
from kb.views import presenting
from kb.views.common import find_entry


def _references(entry, *relation_lists):
    references = presenting.number_references(entry)
    for rows in relation_lists:
        presenting.attach_reference_numbers(references, rows)
    return references


def group_detail(request, slug):
    group, redirect = find_entry(
        request, Group, slug,
        prefetch=selectors.group_prefetches(request.user),
        annotate=selectors.group_annotations(request.user),
    )
    if redirect:
        return redirect
    ties = presenting.group_ties(group)
    members = list(group.member_roles.all())
    claims = group.recent_claims
    attributions = group.recent_attributions
    references = _references(group, [t.relation for t in ties], members, claims, attributions)
    sections = [
        (field, title, getattr(group, field), references.by_field.get(field, []))
        for field, title in Group.SECTIONS
        if getattr(group, field).strip()
    ]
    return render(
        request,
        "kb/group_detail.html",
        {
            "section": "groups",
            "entry": group,
            "group": group,
            "sections": sections,
            "ties": ties,
            "members": members,
            "claims": claims,
            "attributions": attributions,
            "references": references,
        },
    )


def person_detail(request, slug):
    person, redirect = find_entry(
        request, Person, slug,
        select=selectors.PERSON_SELECT, prefetch=selectors.person_prefetches(request.user),
    )
    if redirect:
        return redirect
    ties = presenting.person_ties(person)
    group_roles = list(person.group_roles.all())
    attack_roles = list(person.attack_roles.all())
    references = _references(person, [t.relation for t in ties], group_roles, attack_roles)
    return render(
        request,
        "kb/person_detail.html",
        {
            "section": "people",
            "entry": person,
            "person": person,
            "ties": ties,
            "group_roles": group_roles,
            "attack_roles": attack_roles,
            "references": references,
        },
    )


def attack_detail(request, slug):
    attack, redirect = find_entry(
        request, Attack, slug,
        select=selectors.ATTACK_SELECT, prefetch=selectors.attack_prefetches(request.user),
    )
    if redirect:
        return redirect
    claims = list(attack.claims.all())
    attributions = list(attack.attributions.all())
    people = list(attack.people_roles.all())
    references = _references(attack, claims, attributions, people)
    return render(
        request,
        "kb/attack_detail.html",
        {
            "section": "attacks",
            "entry": attack,
            "attack": attack,
            "claims": claims,
            "attributions": attributions,
            "people": people,
            "references": references,
        },
    )

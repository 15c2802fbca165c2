"""The profiles of groups, people and attacks, and a group's full list of people."""

from django.shortcuts import render

from kb import profiles
from kb.models import Attack, Group, Person
from kb.views import presenting
from kb.views.common import find_entry, paginate, query_without_page
from kb.views.editorial_common import is_team


def _references(entry, citations, *relation_lists):
    references = presenting.number_references(entry, citations)
    for rows in relation_lists:
        presenting.attach_reference_numbers(references, rows)
    return references


def _profile(request, entry, lists: dict, references, **context) -> dict:
    """What every profile template and its shared parts read."""
    return {
        "entry": entry,
        "aliases": lists["aliases"],
        "identifiers": lists["external_ids"],
        "references": references,
        # Who reviewed an entry is shown to the team only, as on the history page.
        "show_reviewer": is_team(request.user),
        **context,
    }


def group_detail(request, slug):
    user = request.user
    group, redirect = find_entry(
        request, Group, slug,
        prefetch=profiles.entry_prefetches(), annotate=profiles.review_annotations(),
    )
    if redirect:
        return redirect
    sort = profiles.ATTACK_SORTS.get(
        request.GET.get("sort", ""), profiles.ATTACK_SORTS[profiles.DEFAULT_ATTACK_SORT]
    )
    lists = profiles.group_lists(group)
    relations = profiles.group_relations(group, user)
    members = profiles.group_leading_members(group, user)
    attacks = profiles.group_attacks(group, user, sort)
    years = presenting.attack_years(profiles.group_attack_years(group, user))
    citations = profiles.citations(
        group,
        grouprelation=[r.pk for r in relations if r.object_id == group.pk],
        persongrouprole=[m.pk for m in members],
    )
    references = _references(group, citations, relations, members)
    sections = [
        (field, title, getattr(group, field), references.by_field.get(field, []))
        for field, title in Group.SECTIONS
        if getattr(group, field).strip()
    ]
    ties = presenting.group_ties(group, relations)
    attack_total = sum(year.attacks for year in years)
    contents = [
        (anchor, title)
        for anchor, title, shown in (
            ("designations-title", "Designations", lists["designations"]),
            ("size-title", "Estimated strength", lists["size_estimates"]),
            *((f"section-{field}", title, True) for field, title, _, _ in sections),
            ("relations-title", "Relations with other groups", ties),
            ("people-title", "People", members),
            ("attacks-title", "Attacks", attacks),
            ("years-title", "Attacks by year", years),
            ("references-title", "Sources", references.sources),
            ("comments-title", "Comments", True),
        )
        if shown
    ]
    return render(
        request,
        "kb/group_detail.html",
        _profile(
            request, group, lists, references,
            section="groups",
            group=group,
            contents=contents,
            areas=lists["areas"],
            designations=lists["designations"],
            size_estimates=lists["size_estimates"],
            sections=sections,
            ties=ties,
            members=members,
            more_members=len(members) == profiles.MEMBER_LIMIT,
            attacks=attacks,
            attack_total=attack_total,
            claimed_total=sum(year.claimed for year in years),
            sort=sort,
            sort_columns=presenting.sort_columns(sort.key),
            years=years,
        ),
    )


def group_people(request, slug):
    """Everyone with a role in the group, a page at a time: the group page shows a few."""
    group, redirect = find_entry(request, Group, slug)
    if redirect:
        return redirect
    page = paginate(request, profiles.group_members(group, request.user))
    return render(
        request,
        "kb/group_people.html",
        {"section": "groups", "group": group, "page_obj": page, "members": list(page.object_list),
         "page_query": query_without_page(request)},
    )


def person_detail(request, slug):
    user = request.user
    person, redirect = find_entry(
        request, Person, slug,
        select=profiles.PERSON_SELECT, prefetch=profiles.entry_prefetches(),
        annotate=profiles.review_annotations(),
    )
    if redirect:
        return redirect
    lists = profiles.person_lists(person)
    group_roles = profiles.person_group_roles(person, user)
    attack_roles = profiles.person_attack_roles(person, user)
    relations = profiles.person_relations(person, user)
    citations = profiles.citations(
        person,
        personrelation=[r.pk for r in relations if r.other_id == person.pk],
        personattackrole=[r.pk for r in attack_roles],
    )
    references = _references(person, citations, relations, group_roles, attack_roles)
    return render(
        request,
        "kb/person_detail.html",
        _profile(
            request, person, lists, references,
            section="people",
            person=person,
            ties=presenting.person_ties(person, relations),
            group_roles=group_roles,
            attack_roles=attack_roles,
        ),
    )


def attack_detail(request, slug):
    user = request.user
    attack, redirect = find_entry(
        request, Attack, slug,
        select=profiles.ATTACK_SELECT, prefetch=profiles.entry_prefetches(),
        annotate=profiles.review_annotations(),
    )
    if redirect:
        return redirect
    lists = profiles.attack_lists(attack)
    parent = attack.parent_event if attack.parent_event_id else None
    claims = profiles.attack_claims(attack, user)
    attributions = profiles.attack_attributions(attack, user)
    people = profiles.attack_people(attack, user)
    references = _references(attack, profiles.citations(attack), claims, attributions, people)
    claimants = list({c.group_id: c.group for c in claims if not c.is_retracted}.values())
    event = profiles.event_attacks(attack, user)
    return render(
        request,
        "kb/attack_detail.html",
        _profile(
            request, attack, lists, references,
            section="attacks",
            attack=attack,
            attack_types=lists["attack_types"],
            target_types=lists["target_types"],
            weapon_types=lists["weapon_types"],
            parent_event=parent if parent and profiles.is_visible(parent, user) else None,
            parts=[a for a in event if a.parent_event_id == attack.pk],
            siblings=[a for a in event if a.parent_event_id != attack.pk],
            claims=claims,
            claimants=claimants,
            attributions=attributions,
            people=people,
        ),
    )

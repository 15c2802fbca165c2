"""The API's views: one read-only viewset per kind of record, and search.

A viewset only wires things together: the querysets are in ``kb.api.queries``, the
filters in ``kb.filtersets`` (shared with the site), the representations in
``kb.api.serializers`` and ``kb.api.details``, the HTTP behaviour in ``kb.api.http``.
"""

from csp.constants import SELF, UNSAFE_INLINE
from csp.decorators import csp_replace
from django.http import HttpResponsePermanentRedirect, StreamingHttpResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.exceptions import NotFound
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework.viewsets import GenericViewSet

from kb import filtersets
from kb.api import details, queries
from kb.api import serializers as s
from kb.api.http import ApiMixin
from kb.api.pagination import CursorPagination
from kb.api.renderers import CSVRenderer, GeoJSONRenderer
from kb.models import Attack, Group, Person
from kb.search import search_entries


class RecordViewSet(ApiMixin, GenericViewSet):
    """A list of records (paged, filtered, exportable) and each record by slug or id."""

    # Read by kb.api.schema: document this view's errors, formats and headers.
    is_api_view = True
    lookup_url_kwarg = "key"
    pagination_class = CursorPagination
    filter_backends = [DjangoFilterBackend]
    export_renderers: tuple = ()
    reads: dict = {}
    serializers: dict = {}
    noun, plural = "record", "records"

    def get_queryset(self):
        # A clone: the base querysets are built once and shared (kb.api.queries).
        return self.reads["retrieve" if self.action == "retrieve" else "list"]().all()

    def get_serializer_class(self):
        return self.serializers["retrieve" if self.action == "retrieve" else "list"]

    def get_renderers(self):
        if self.action == "list":
            return [JSONRenderer(), *(renderer() for renderer in self.export_renderers)]
        return [JSONRenderer()]

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        renderer = request.accepted_renderer
        if isinstance(renderer, CSVRenderer | GeoJSONRenderer):
            return self.export(queryset, renderer)
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def export(self, queryset, renderer):
        self.paginator.refuse_paging(self.request)
        if isinstance(renderer, GeoJSONRenderer):
            queryset = queryset.filter(latitude__isnull=False, longitude__isnull=False)
        rows = queryset.iterator(chunk_size=2000)
        content_type = renderer.media_type
        if renderer.charset:
            content_type += f"; charset={renderer.charset}"
        response = StreamingHttpResponse(
            renderer.stream(self.get_serializer(), rows), content_type=content_type
        )
        response["Content-Disposition"] = (
            f'attachment; filename="{self.plural}.{renderer.format}"'
        )
        return response

    def retrieve(self, request, *args, **kwargs):
        key = kwargs[self.lookup_url_kwarg]
        record = queries.find(self.get_queryset(), key)
        if record is None:
            return self.not_found(key)
        self.last_modified = queries.last_modified(record)
        return Response(self.get_serializer(record).data)

    def not_found(self, key):
        raise NotFound(f"No published {self.noun} has the slug or id “{key}”.")


class EntryViewSet(RecordViewSet):
    model = None

    def not_found(self, key):
        moved = queries.merged_into(self.model, key)
        if moved is None:
            return super().not_found(key)
        path = reverse(f"api:{moved.kind}-detail", kwargs={"key": moved.slug})
        query = self.request.META.get("QUERY_STRING")
        return HttpResponsePermanentRedirect(
            self.request.build_absolute_uri(path) + (f"?{query}" if query else "")
        )


_LIST = extend_schema(description="A page of records; filter, sort, or export them.")
_DETAIL = extend_schema(
    description="One record, by slug or by id.",
    parameters=[OpenApiParameter(
        "key", str, OpenApiParameter.PATH, pattern=r"^[-a-zA-Z0-9_]+$",
        description="The record's slug, or its numeric id.",
    )],
)


@extend_schema_view(list=_LIST, retrieve=_DETAIL)
class AttackViewSet(EntryViewSet):
    """Attacks, in the sense of the Global Terrorism Database codebook."""

    model, noun, plural = Attack, "attack", "attacks"
    filterset_class = filtersets.AttackFilterSet
    export_renderers = (CSVRenderer, GeoJSONRenderer)
    reads = {"list": queries.attack_list, "retrieve": queries.attack_detail}
    serializers = {"list": s.AttackSerializer, "retrieve": details.AttackDetailSerializer}


@extend_schema_view(list=_LIST, retrieve=_DETAIL)
class GroupViewSet(EntryViewSet):
    """Militant groups, with counts of the attacks they claimed or were blamed for."""

    model, noun, plural = Group, "group", "groups"
    filterset_class = filtersets.GroupFilterSet
    export_renderers = (CSVRenderer,)
    reads = {"list": queries.group_list, "retrieve": queries.group_detail}
    serializers = {"list": s.GroupSerializer, "retrieve": details.GroupDetailSerializer}


@extend_schema_view(list=_LIST, retrieve=_DETAIL)
class PersonViewSet(EntryViewSet):
    """People involved in political violence."""

    model, noun, plural = Person, "person", "people"
    filterset_class = filtersets.PersonFilterSet
    export_renderers = (CSVRenderer,)
    reads = {"list": queries.person_list, "retrieve": queries.person_detail}
    serializers = {"list": s.PersonSerializer, "retrieve": details.PersonDetailSerializer}


@extend_schema_view(list=_LIST, retrieve=_DETAIL)
class SourceViewSet(RecordViewSet):
    """The documents the entries cite."""

    noun, plural = "source", "sources"
    filterset_class = filtersets.SourceFilterSet
    reads = {"list": queries.source_list, "retrieve": queries.source_detail}
    serializers = {"list": s.SourceSerializer, "retrieve": s.SourceDetailSerializer}


@extend_schema_view(list=_LIST, retrieve=_DETAIL)
class PlaceViewSet(RecordViewSet):
    """Countries, provinces, districts, cities and sites."""

    noun, plural = "place", "places"
    filterset_class = filtersets.PlaceFilterSet
    reads = {"list": queries.place_list, "retrieve": queries.place_detail}
    serializers = {"list": s.PlaceSerializer, "retrieve": s.PlaceDetailSerializer}


class SearchView(ApiMixin, APIView):
    """Published groups, people and attacks by name or alias, best matches first."""

    is_api_view = True

    @extend_schema(parameters=[s.SearchQuerySerializer], responses=s.SearchResultsSerializer)
    def get(self, request):
        params = s.SearchQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        found = search_entries(
            params.validated_data["q"], kinds=params.validated_data.get("kind"),
            limit=params.validated_data["limit"],
        )
        results = s.SearchResultsSerializer({"results": found}, context={"request": request})
        return Response(results.data)


class NotFoundView(ApiMixin, APIView):
    """Any other address under the API: a JSON 404, not the site's HTML page."""

    # Not an endpoint of the API's contract; keeps it out of the schema (drf_spectacular.W002).
    schema = None

    def get(self, request, *args, **kwargs):
        raise NotFound("No such address in this API; see /api/v1/docs/.")


class SchemaView(ApiMixin, SpectacularAPIView):
    renderer_classes = SpectacularAPIView.renderer_classes


class SwaggerView(ApiMixin, SpectacularSwaggerView):
    renderer_classes = SpectacularSwaggerView.renderer_classes


# Redoc writes its styles inline and searches in a blob: worker; scripts stay bound to the
# nonce (templates/drf_spectacular/redoc.html). Its logo from a CDN stays blocked.
@method_decorator(
    csp_replace({"style-src": [SELF, UNSAFE_INLINE], "worker-src": [SELF, "blob:"]}),
    name="dispatch",
)
class RedocView(ApiMixin, SpectacularRedocView):
    renderer_classes = SpectacularRedocView.renderer_classes

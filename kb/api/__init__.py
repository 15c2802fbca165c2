"""The read-only public API under ``/api/v1/``.

Only published entries are served, whoever asks: the API authenticates nobody, so a
signed-in researcher sees there exactly what an anonymous client sees. Lists page with
opaque keyset cursors (no ``COUNT``, deep pages as fast as the first), every list and
detail costs a fixed number of queries whatever the number of related rows, and the
OpenAPI schema at ``/api/v1/schema/`` is generated from the same serializers and
FilterSets that answer the requests.
"""

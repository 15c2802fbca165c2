"""The sign-in throttle, as the first authentication backend (django-axes).

It refuses a locked-out account or address before ``ModelBackend`` computes any
password hash. Sign-ins without a request (the test client's ``login``, scripts) are
not web sign-ins and are left to the next backend instead of failing.
"""

from axes.backends import AxesStandaloneBackend


class LoginThrottleBackend(AxesStandaloneBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)

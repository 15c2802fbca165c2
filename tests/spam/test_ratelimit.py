"""Rate limits counted in the shared cache, per minute and per hour."""

from django.test import RequestFactory

from kb.spam import ratelimit

NOW = 1_700_000_040.0


def test_attempts_are_counted_per_minute_and_hour():
    for _ in range(3):
        usage = ratelimit.hit("ip", "192.0.2.1", now=NOW)
    assert (usage.minute, usage.hour) == (3, 3)
    later = ratelimit.hit("ip", "192.0.2.1", now=NOW + 61)
    assert (later.minute, later.hour) == (1, 4)
    assert ratelimit.hit("ip", "192.0.2.2", now=NOW).minute == 1


def test_limits_are_settings(settings):
    settings.KB = {**settings.KB, "SPAM": {**settings.KB["SPAM"], "RATE_PER_MINUTE": 2}}
    assert not ratelimit.Usage(minute=2, hour=2).exceeds()
    assert ratelimit.Usage(minute=3, hour=3).exceeds()
    assert ratelimit.Usage(minute=1, hour=31).exceeds()


def test_client_ip_trusts_the_proxy_only_when_told(settings):
    request = RequestFactory().post("/", REMOTE_ADDR="10.0.0.2",
                                    HTTP_X_FORWARDED_FOR="203.0.113.5, 198.51.100.7")
    assert ratelimit.client_ip(request) == "10.0.0.2"
    settings.KB = {**settings.KB, "SPAM": {**settings.KB["SPAM"],
                                           "CLIENT_IP_FROM_PROXY": True}}
    assert ratelimit.client_ip(request) == "198.51.100.7"

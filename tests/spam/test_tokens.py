"""The signed form-timing token: too fast, expired, replayed, forged, missing."""

import time

import pytest
from django.core import signing

from kb.spam import tokens
from kb.spam.pipeline import TokenStatus

NOW = 1_700_000_000.0


@pytest.mark.parametrize(("age", "status"), [
    (1.0, TokenStatus.TOO_FAST),
    (30.0, TokenStatus.OK),
    (49 * 3600.0, TokenStatus.EXPIRED),
    (-60.0, TokenStatus.FORGED),
])
def test_age_of_the_form(age, status):
    token = tokens.issue(7, now=NOW - age)
    assert tokens.check(token, 7, now=NOW) == (status, pytest.approx(age))


def test_minimum_and_maximum_are_settings(settings):
    settings.KB = {**settings.KB, "SPAM": {**settings.KB["SPAM"], "FORM_MIN_SECONDS": 0,
                                           "FORM_MAX_AGE_HOURS": 1}}
    assert tokens.check(tokens.issue(7, now=NOW), 7, now=NOW)[0] == TokenStatus.OK
    assert tokens.check(tokens.issue(7, now=NOW - 3700), 7, now=NOW)[0] == TokenStatus.EXPIRED


def test_a_token_is_used_once():
    token = tokens.issue(7, now=NOW - 30)
    assert tokens.check(token, 7, now=NOW)[0] == TokenStatus.OK
    assert tokens.check(token, 7, now=NOW)[0] == TokenStatus.REPLAYED


def test_forged_tampered_or_foreign_tokens():
    token = tokens.issue(7)
    assert tokens.check(token, 8)[0] == TokenStatus.FORGED
    tampered = token[:-2] + ("yy" if token.endswith("xx") else "xx")
    assert tokens.check(tampered, 7)[0] == TokenStatus.FORGED
    assert tokens.check("garbage", 7)[0] == TokenStatus.FORGED
    unsigned = signing.dumps({"e": 7, "t": time.time() - 30, "n": "x"}, salt="other")
    assert tokens.check(unsigned, 7)[0] == TokenStatus.FORGED
    assert tokens.check("", 7) == (TokenStatus.MISSING, None)

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kb.choices import DatePrecision
from kb.partial_dates import PartialDate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2015", PartialDate(dt.date(2015, 1, 1), DatePrecision.YEAR)),
        ("May 2015", PartialDate(dt.date(2015, 5, 1), DatePrecision.MONTH)),
        ("13 May 2015", PartialDate(dt.date(2015, 5, 13), DatePrecision.DAY)),
        ("May 13, 2015", PartialDate(dt.date(2015, 5, 13), DatePrecision.DAY)),
        ("2015-05", PartialDate(dt.date(2015, 5, 1), DatePrecision.MONTH)),
        ("2015-05-13", PartialDate(dt.date(2015, 5, 13), DatePrecision.DAY)),
        ("c. 1996", PartialDate(dt.date(1996, 1, 1), DatePrecision.CIRCA)),
        ("circa 1996", PartialDate(dt.date(1996, 1, 1), DatePrecision.CIRCA)),
        ("sept 2001", PartialDate(dt.date(2001, 9, 1), DatePrecision.MONTH)),
    ],
)
def test_parse_reads_the_ways_researchers_write_dates(text, expected):
    assert PartialDate.parse(text) == expected


@pytest.mark.parametrize("text", ["", "soon", "31 February 2015", "2015-13", "Mayo 2015"])
def test_parse_refuses_what_is_not_a_date_with_a_readable_message(text):
    with pytest.raises(ValueError, match=r"\w"):
        PartialDate.parse(text)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (PartialDate(dt.date(2015, 5, 13), DatePrecision.DAY), "13 May 2015"),
        (PartialDate(dt.date(2015, 3, 1), DatePrecision.MONTH), "March 2015"),
        (PartialDate(dt.date(2015, 1, 1), DatePrecision.YEAR), "2015"),
        (PartialDate(dt.date(1996, 1, 1), DatePrecision.CIRCA), "c. 1996"),
    ],
)
def test_partial_dates_are_shown_honestly(value, shown):
    assert str(value) == shown


def test_a_day_with_year_precision_is_refused():
    with pytest.raises(ValueError, match="1 January"):
        PartialDate(dt.date(2015, 5, 13), DatePrecision.YEAR)


def test_last_day_covers_the_whole_period():
    assert PartialDate(dt.date(2016, 2, 1), DatePrecision.MONTH).last_day == dt.date(2016, 2, 29)
    assert PartialDate(dt.date(2016, 1, 1), DatePrecision.YEAR).last_day == dt.date(2016, 12, 31)


def _partial_dates():
    def build(day, precision):
        if precision == DatePrecision.MONTH:
            day = day.replace(day=1)
        elif precision in (DatePrecision.YEAR, DatePrecision.CIRCA):
            day = day.replace(month=1, day=1)
        return PartialDate(day, precision)

    return st.builds(
        build,
        st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)),
        st.sampled_from(DatePrecision.values),
    )


@given(_partial_dates())
def test_what_is_shown_parses_back_to_the_same_date(value):
    assert PartialDate.parse(str(value)) == value


@given(_partial_dates())
def test_iso_form_parses_back_except_for_circa(value):
    parsed = PartialDate.parse(value.isoformat())
    assert parsed.date == value.date
    if value.precision != DatePrecision.CIRCA:
        assert parsed == value

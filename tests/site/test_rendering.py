"""Markdown rendering: formatting survives, anything executable does not."""

from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kb.partial_dates import PartialDate
from kb.rendering import render_markdown
from kb.templatetags.kb_tags import coordinates, figure, markdown_filter, partial_date, period


class _Tags(HTMLParser):
    """Every start tag and attribute in a fragment, as a browser would read them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {name: value or "" for name, value in attrs}))

    handle_startendtag = handle_starttag


def tags_of(html: str) -> list[tuple[str, dict]]:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


def test_markdown_renders_emphasis_lists_links_and_tables():
    html = render_markdown(
        "Some *emphasis* and **strength**.\n\n- one\n- two\n\n"
        "[Dawn](https://www.dawn.com/news/1)\n\n| a | b |\n|---|---|\n| 1 | 2 |"
    )
    assert "<em>emphasis</em>" in html and "<strong>strength</strong>" in html
    assert "<li>one</li>" in html and "<table>" in html
    assert '<a href="https://www.dawn.com/news/1" rel="nofollow noopener">Dawn</a>' in html


def test_headings_start_below_the_sections_of_the_page():
    assert render_markdown("# Origins\n\n## Early years").startswith("<h3>Origins</h3>")
    assert "<h4>Early years</h4>" in render_markdown("# Origins\n\n## Early years")


def test_every_link_gets_nofollow_noopener_even_raw_html_ones():
    html = render_markdown('<a href="https://example.org" rel="author" target="_blank">x</a>')
    [attrs] = [attrs for tag, attrs in tags_of(html) if tag == "a"]
    assert attrs == {"href": "https://example.org", "rel": "nofollow noopener"}


@pytest.mark.parametrize(
    "attack",
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        '<img src=x onerror="alert(1)">',
        "<svg onload=alert(1)><circle r=1 /></svg>",
        '<iframe src="https://evil.example"></iframe>',
        '<a href="javascript:alert(1)">click</a>',
        '<a href="JaVaScRiPt:alert(1)">click</a>',
        '<a href="&#106;avascript:alert(1)">click</a>',
        "[click](javascript:alert(1))",
        '<p style="background:url(javascript:alert(1))" onclick="x()">hi</p>',
        '<object data="x.swf"></object><embed src="x.swf">',
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        '<form action="https://evil.example"><input name=x></form>',
        "<!-- <script>alert(1)</script> -->",
        '<div data-x="1" onmouseover="alert(1)">hover</div>',
    ],
)
def test_dangerous_markup_is_removed(attack):
    html = render_markdown(f"Before\n\n{attack}\n\nAfter")
    lowered = html.lower()
    assert "<script" not in lowered and "<iframe" not in lowered and "<svg" not in lowered
    assert "javascript:" not in lowered
    for tag, attrs in tags_of(html):
        assert tag not in {"script", "iframe", "svg", "img", "object", "embed", "form", "style"}
        assert not any(name.startswith("on") for name in attrs)
        assert "style" not in attrs
    assert "Before" in html


def test_script_content_is_dropped_not_shown_as_text():
    assert "alert" not in render_markdown("<script>alert(1)</script>")


def test_empty_text_renders_nothing():
    assert render_markdown("") == "" and render_markdown("   \n") == ""


def test_markdown_filter_output_is_marked_safe():
    assert hasattr(markdown_filter("*x*"), "__html__")
    assert markdown_filter(None) == ""


_FRAGMENTS = st.sampled_from([
    "<script>", "</script>", "<scr", "ipt>", "<svg", "<img", "<a href=", "javascript:",
    " onload=", " onerror=", "onclick=", '"', "'", "<", ">", "=", "/", "`", "&#", "x", " ",
    "\n", "[l](", ")", "*", "<iframe", "<style>", "<!--", "-->", "<math>", "<p ", "&lt;",
])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(_FRAGMENTS, max_size=30).map("".join)))
def test_rendering_arbitrary_text_never_yields_scripts_or_handlers(text):
    html = render_markdown(text)
    assert "<script" not in html.lower()
    for tag, attrs in tags_of(html):
        assert tag != "script"
        assert not any(name.lower().startswith("on") for name in attrs), (tag, attrs)
        assert not attrs.get("href", "").strip().lower().startswith("javascript:")


def test_partial_dates_show_their_precision():
    assert partial_date(PartialDate.parse("May 2015")) == "May 2015"
    assert partial_date(PartialDate.parse("c. 1996")) == "c. 1996"
    assert partial_date(PartialDate.parse("13 May 2015")) == "13 May 2015"
    assert partial_date(None, "unknown") == "unknown"


class _Row:
    def __init__(self, **values):
        self.__dict__.update(values)


def test_figures_show_the_best_estimate_with_its_range():
    assert figure(_Row(killed=46, killed_low=43, killed_high=47), "killed") == "46 (43–47)"
    assert figure(_Row(killed=46, killed_low=None, killed_high=None), "killed") == "46"
    assert figure(_Row(killed=None, killed_low=10, killed_high=20), "killed") == "10–20"
    assert figure(_Row(killed=None, killed_low=None, killed_high=None), "killed") == "unknown"


def test_periods_read_naturally():
    may, later = PartialDate.parse("May 2015"), PartialDate.parse("2017")
    assert period(_Row(started_date=may, ended_date=later)) == "May 2015 – 2017"
    assert period(_Row(started_date=may, ended_date=None)) == "from May 2015"
    assert period(_Row(started_date=None, ended_date=later)) == "until 2017"
    assert period(_Row(started_date=None, ended_date=None)) == ""


def test_coordinates_carry_hemispheres():
    from decimal import Decimal

    assert coordinates(_Row(latitude=Decimal("-33.9"), longitude=Decimal("18.42"))) == (
        "33.9000° S, 18.4200° E"
    )
    assert coordinates(_Row(latitude=None, longitude=None)) == ""

"""Comment text as HTML: escaped, paragraphs and line breaks kept, web links linked."""

import re

from hypothesis import given
from hypothesis import strategies as st

from kb.spam.templatetags.kb_comments import comment_text

OWN_TAGS = re.compile(r'<p>|</p>|<br>|<a href="https?://[^"<>]*" rel="nofollow ugc noopener">|</a>')


def test_paragraphs_breaks_and_links():
    html = comment_text("See www.dawn.com/news/1.\nThanks\r\n\r\n<i>x</i> & more")
    assert html == (
        '<p>See <a href="http://www.dawn.com/news/1" rel="nofollow ugc noopener">'
        "www.dawn.com/news/1</a>.<br>Thanks</p><p>&lt;i&gt;x&lt;/i&gt; &amp; more</p>"
    )


def test_long_links_are_shortened_for_the_eye_only():
    url = "https://www.reuters.com/" + "a" * 100
    html = comment_text(url)
    assert f'href="{url}"' in html and "a…</a>" in html


def test_quotes_in_a_link_cannot_break_out_of_the_attribute():
    html = comment_text('https://x.example/"onmouseover="alert(1)')
    assert 'onmouseover="' not in html


@given(st.text())
def test_no_markup_of_the_readers_survives(text):
    html = comment_text(text)
    assert "<" not in OWN_TAGS.sub("", html)

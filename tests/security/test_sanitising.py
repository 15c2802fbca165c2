"""The Markdown sanitiser never lets anything executable through, whatever it is fed.

Hostile input is generated: script and style elements, event handlers, SVG and MathML,
iframes and forms, ``javascript:``/``vbscript:``/``data:`` URLs spelled with entities,
tabs, newlines, NULs and odd case, inside Markdown links, images, autolinks, reference
definitions and raw HTML, with broken nesting around them. The output is read back the
way a browser reads it and checked against the allow-list in ``kb.rendering``.
"""

import re
from html.parser import HTMLParser

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kb.rendering import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    GENERIC_ATTRIBUTES,
    URL_SCHEMES,
    render_markdown,
)

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "background",
                  "srcset", "data", "cite", "longdesc", "ping"}
# What a browser ignores in a URL before reading its scheme (WHATWG URL standard).
_C0_OR_SPACE = "".join(chr(c) for c in range(0x21))
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")


class _Reader(HTMLParser):
    """Every element, attribute and comment of a fragment; character references decoded."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str]]]] = []
        self.others: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, [(name, value or "") for name, value in attrs]))

    handle_startendtag = handle_starttag

    def handle_comment(self, data):
        self.others.append(f"comment {data!r}")

    def handle_decl(self, decl):
        self.others.append(f"declaration {decl!r}")

    def handle_pi(self, data):
        self.others.append(f"processing instruction {data!r}")

    def unknown_decl(self, data):
        self.others.append(f"declaration {data!r}")


def scheme_of(url: str) -> str | None:
    """The scheme a browser would read from ``url``, or None for a relative URL."""
    url = url.strip(_C0_OR_SPACE)
    url = re.sub(r"[\t\n\r]", "", url)
    match = _SCHEME.match(url)
    return match.group(1).lower() if match else None


def assert_inert(html: str) -> None:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    assert not reader.others, reader.others
    for tag, attrs in reader.elements:
        assert tag in ALLOWED_TAGS, f"<{tag}> survived in {html!r}"
        allowed = ALLOWED_ATTRIBUTES.get(tag, set()) | GENERIC_ATTRIBUTES
        if tag == "a":
            allowed |= {"rel"}
        for name, value in attrs:
            assert not name.startswith("on"), f"event handler {name} survived in {html!r}"
            assert name in allowed, f"{name}= on <{tag}> survived in {html!r}"
            if name in URL_ATTRIBUTES:
                scheme = scheme_of(value)
                assert scheme is None or scheme in URL_SCHEMES, f"{value!r} survived in {html!r}"


# Hostile material ----------------------------------------------------------------------

FRAGMENTS = [
    "<script>alert(1)</script>", "<script src=//evil.example/x.js></script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>", "<<script>script>alert(1)<</script>/script>",
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<p style="width:expression(alert(1))">x</p>', '<div style="behavior:url(x.htc)">x</div>',
    "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<svg><script>alert(1)</script>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<iframe src="javascript:alert(1)"></iframe>', '<iframe srcdoc="<script>alert(1)</script>">',
    '<object data="data:text/html,<script>alert(1)</script>"></object>', '<embed src="x.swf">',
    '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">x</button>',
    '<input autofocus onfocus=alert(1)>', '<details open ontoggle=alert(1)>',
    '<body onload=alert(1)>', '<base href="javascript:/">', '<link rel=stylesheet href=x.css>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<a href="#" onclick="alert(1)">x</a>', '<a href="x" onmouseover=alert(1)>x</a>',
    '<p title="x" onclick=alert(1) lang=ar>x</p>', '<table><td background="javascript:x">',
    "<!-- <script>alert(1)</script> -->", "<![CDATA[<script>alert(1)</script>]]>",
    "<?xml version='1.0'?>", "<!DOCTYPE html>", "</p></div></table><b><i>", "<a><a><a>",
    "<blockquote><p>unclosed <em>nesting</strong>", "<noscript><p title=\"</noscript><img "
    "src=x onerror=alert(1)>\">", "<template><script>alert(1)</script></template>",
    "<xmp><script>alert(1)</script></xmp>", "<plaintext><script>", "<textarea><script>",
]

SCHEMES = ["javascript", "vbscript", "data", "jAvAsCrIpT", "livescript", "file"]
PAYLOADS = ["alert(1)", "text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "text/html,<script>alert(1)</script>", "//evil.example/%0aalert(1)"]
NOISE = ["\t", "\n", "&#x09;", "&#9;", "&Tab;", "&NewLine;", "&#x0A;", "&#13;", "\x00", " "]


@st.composite
def obfuscated_url(draw) -> str:
    """A dangerous URL with each letter of its scheme possibly encoded or padded."""
    scheme = draw(st.sampled_from(SCHEMES))
    letters = []
    for letter in scheme + ":":
        letters.append(draw(st.sampled_from([
            letter, f"&#x{ord(letter):x};", f"&#{ord(letter)};", f"&#x{ord(letter):04x}",
            f"&#{ord(letter):07d};", letter.upper(),
        ])))
        if draw(st.integers(0, 4)) == 0:
            letters.append(draw(st.sampled_from(NOISE)))
    prefix = draw(st.sampled_from(["", " ", "\x01", "&#x20;", "\n"]))
    return prefix + "".join(letters) + draw(st.sampled_from(PAYLOADS))


@st.composite
def link(draw) -> str:
    """The URL inside every construct that makes a link or loads something."""
    url = draw(obfuscated_url())
    text = draw(st.sampled_from(["click", "", "<b>x</b>", "[nested](https://ok.example)"]))
    return draw(st.sampled_from([
        f"[{text}]({url})", f"![{text}]({url})", f"<{url}>", f"[{text}][r]\n\n[r]: {url}\n",
        f'[{text}]({url} "title")', f'<a href="{url}">{text}</a>', f"<a href={url}>{text}</a>",
        f"<a href='{url}'>{text}</a>", f'<img src="{url}">', f'<iframe src="{url}">',
        f'<form action="{url}"><button>x</button></form>', f'<abbr title="x" href="{url}">a</abbr>',
        f'<svg><a xlink:href="{url}">x</a></svg>', f'<q cite="{url}">x</q>',
        f'<blockquote cite="{url}">x</blockquote>', f'<object data="{url}">',
    ]))


MARKDOWN_FURNITURE = [
    "\n\n", "\n", " ", "> ", "- ", "1. ", "# ", "```\n", "    ", "| a |\n|---|\n| ", "**", "_", "`",
]
hostile = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), link(), st.sampled_from(MARKDOWN_FURNITURE),
              st.text(alphabet="<>\"'=/&#;:!-[]()` \n\tajvscriptonload", max_size=30)),
    min_size=1, max_size=8,
).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile)
@example("[x](jav&#x09;ascript:alert(1))")
@example('<a href="jav&#x09;ascript:alert(1)">x</a>')
@example('<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(1)">x</a>')
@example("<svg/onload=alert(1)>")
@example("[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")
def test_nothing_executable_survives_rendering(text):
    assert_inert(render_markdown(text))


@settings(max_examples=150, deadline=None)
@given(obfuscated_url())
def test_no_dangerous_url_survives_in_a_link(url):
    html = render_markdown(f'[x]({url}) and <a href="{url}">y</a>')
    assert_inert(html)


def test_safe_links_keep_their_address_so_the_check_is_not_vacuous():
    html = render_markdown(
        "[Dawn](https://www.dawn.com/a) [mail](mailto:desk@example.org) [page](/groups/x/)"
    )
    assert 'href="https://www.dawn.com/a"' in html
    assert 'href="mailto:desk@example.org"' in html and 'href="/groups/x/"' in html
    assert_inert(html)


def test_the_checker_itself_catches_what_it_should():
    for bad in ['<a href="jav&#x09;ascript:x">', "<img src=x>", '<p onclick="x">',
                '<p style="x">', "<!-- x -->", '<a href="\x01javascript:x">']:
        try:
            assert_inert(bad)
        except AssertionError:
            continue
        raise AssertionError(f"the checker let {bad!r} through")

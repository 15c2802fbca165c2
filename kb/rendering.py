"""Markdown to HTML that is safe to show, whoever wrote the Markdown.

Narratives are written by researchers but may quote hostile material (claims of
responsibility, forum posts), so every rendering passes through an allow-list
sanitiser: only the tags and attributes below survive, links may point only at web and
mail addresses, and every link is marked ``nofollow`` so the site lends no ranking to
the places it cites.
"""

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em",
    "h3", "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "q", "s", "strong",
    "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
})
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "ol": {"start"},
    "td": {"align"},
    "th": {"align"},
}
# Allowed on every tag: the language of a quoted passage and a tooltip. Named here because
# the sanitiser would otherwise allow its own defaults silently.
GENERIC_ATTRIBUTES = frozenset({"lang", "title"})
URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow noopener"

# Page title is h1 and a narrative section's title h2; headings inside the Markdown
# start below them so the outline of the page stays valid.
HEADING_OFFSET = 2


class _ShiftHeadings(Treeprocessor):
    def __init__(self, md, offset: int):
        super().__init__(md)
        self.offset = offset

    def run(self, root):
        for element in root.iter():
            tag = element.tag
            if isinstance(tag, str) and len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
                element.tag = f"h{min(int(tag[1]) + self.offset, 6)}"


class _ShiftHeadingsExtension(Extension):
    def __init__(self, offset: int):
        super().__init__()
        self.offset = offset

    def extendMarkdown(self, md):  # the name Markdown calls
        md.treeprocessors.register(_ShiftHeadings(md, self.offset), "kb_shift_headings", 5)


def sanitize_html(html: str) -> str:
    """Keep only allow-listed markup; drop scripts and styles with their content."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={
            "*": set(GENERIC_ATTRIBUTES),
            **{tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        },
        url_schemes=set(URL_SCHEMES),
        link_rel=LINK_REL,
        strip_comments=True,
    )


def render_markdown(text: str, *, heading_offset: int = HEADING_OFFSET) -> str:
    """Markdown to sanitised HTML; the result may be marked safe."""
    if not text or not text.strip():
        return ""
    # A Markdown instance keeps state between conversions; a fresh one per call is
    # cheap and safe under threads.
    md = markdown.Markdown(
        extensions=["tables", "fenced_code", "sane_lists", _ShiftHeadingsExtension(heading_offset)],
        extension_configs={"tables": {"use_align_attribute": True}},
        output_format="html",
    )
    return sanitize_html(md.convert(text))

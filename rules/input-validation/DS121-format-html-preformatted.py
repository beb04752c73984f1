from django.utils import html
from django.utils.html import format_html, format_html_join


def link(url, text, css):
    a = format_html(f"<a href='{url}'>{text}</a>")  # expect: DS121
    b = html.format_html("<b>%s</b>" % text)  # expect: DS121
    c = format_html(  # expect: DS121
        "<span class='{}'>".format(css) + "{}</span>",
        text,
    )
    d = format_html("<a href='{}'>{}</a>", url, text)  # ok: DS121 values escaped by format_html
    e = format_html("<br>")  # ok: DS121 constant
    f = format_html_join("\n", "<li>{}</li>", ((t,) for t in text))  # ok: DS121 constant template
    return a, b, c, d, e, f


def link_escaped(url, text):
    # Escaped whole: escape() is the remedy, not format_html() given finished text.
    return html.escape(f"<a href='{url}'>{text}</a>")  # ok: DS121 escape(), which escapes what it is given

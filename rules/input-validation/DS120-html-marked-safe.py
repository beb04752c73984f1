import flask
from django.utils import safestring
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe as safe
from markupsafe import Markup, escape


def badge(user, rows):
    a = safe("<b>%s</b>" % user.name)  # expect: DS120
    b = safestring.mark_safe(f"<i>{user.title}</i>")  # expect: DS120
    c = safestring.SafeString(user.bio)  # expect: DS120
    d = Markup(f"unsafe {user.name}")  # expect: DS120
    e = flask.Markup(  # expect: DS120
        "<td>{}</td>".format(rows[0]),
    )
    f = safe("<br>")  # ok: DS120 a constant
    g = safe(conditional_escape(user.name))  # ok: DS120 escaped first
    h = format_html("<b>{}</b>", user.name)  # ok: DS120 format_html escapes the values
    i = Markup("<b>{}</b>").format(user.name)  # ok: DS120 Markup.format escapes the values
    j = Markup(escape(user.name))  # ok: DS120 escaped first
    k = safe(  # ok: DS120 a constant after a comment
        "<hr>",
    )
    return a, b, c, d, e, f, g, h, i, j, k

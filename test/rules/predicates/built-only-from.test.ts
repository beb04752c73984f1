import { builtOnlyFromPredicate } from '../../../src/rules/predicates/built-only-from.js';
import { visibleDefinitions } from '../../../src/rules/predicates/bound-to-call.js';
import { firstNode } from '../../helpers/parse.js';

const ESCAPED = ['html.escape', 'django.utils.html.escape', 'django.urls.reverse'];

/** Tests the first argument of the snippet's last `mark_safe(...)` call. */
const built = (source: string, names: string[] = ESCAPED) => {
  const { node: module, imports } = firstNode(source, 'module');
  const calls = module.descendantsOfType('call').filter((c) => c.childForFieldName('function')?.text === 'mark_safe');
  const value = calls[calls.length - 1]!.childForFieldName('arguments')!.namedChildren[0]!;
  return builtOnlyFromPredicate.test(value, names, { path: 'tables.py', imports });
};

const HELPER = 'from django.urls import reverse\nfrom django.utils import html\ndef link(n):\n    url = reverse("detail", args=[n.id])\n    out = "<a href={}>{}</a>".format(url, html.escape(n.name))\n    return out\n';

describe('built-only-from', () => {
  it.each([
    ['import html\nx = mark_safe(html.escape(name))'],
    ['import html\nx = mark_safe("<b>%s</b>" % html.escape(name))'],
    ['import html\nx = mark_safe(f"<b>{html.escape(name)!s}</b>")'],
    ['import html\nx = mark_safe("<b>" + html.escape(name) + "</b>")'],
    ['import html\ndef f(user):\n    text = html.escape(user.name)\n    return mark_safe("<b>{}</b>".format(text))'],
    ['import html\ndef f(user):\n    text = html.escape(user.name) if user.name else "-"\n    return mark_safe(text)'],
    ['import html\ndef f(users):\n    out = ""\n    for u in users:\n        out += "<li>%s</li>" % html.escape(u.name)\n    return mark_safe(out)'],
    ['import html\ndef f(users):\n    rows = []\n    for u in users:\n        rows.append(html.escape(u.name))\n    return mark_safe("<br>".join(rows))'],
    ['import html\ndef f(users):\n    return mark_safe(", ".join(html.escape(u.name) for u in users))'],
    ['import html\nSEP = "<br>"\ndef f(users):\n    return mark_safe(SEP.join([html.escape(u.name) for u in users]))'],
    [`${HELPER}def f(nets):\n    links = [link(n) for n in nets]\n    return mark_safe(", ".join(links))`],
    [`${HELPER}def f(net):\n    return mark_safe(link(net))`],
    ['import html\nclass C:\n    def cell(self, row):\n        return "<td>%s</td>" % html.escape(row.v)\n    def show(self, row):\n        return mark_safe(self.cell(row))'],
    ['import html\ndef f(a, b):\n    return mark_safe("%(a)s %(b)s" % {"a": html.escape(a), "b": "x"})'],
    // A translated constant (trove-dashboard's `_("Replica of %s") % link`), and `str()` of an escaped value.
    ['import html\nfrom django.utils.translation import gettext_lazy as _\ndef f(n):\n    text = _("Replica of %s")\n    return mark_safe(text % html.escape(n.name))'],
    ['import html\nfrom django.utils.translation import ugettext\ndef f(n):\n    return mark_safe(ugettext("<b>%s</b>") % str(html.escape(n)))'],
  ])('%j: built only from escaped pieces', (source) => {
    expect(built(source)).toBe(true);
  });

  it.each([
    ['x = mark_safe(name)'],
    ['import html\ndef f(user):\n    return mark_safe("<b>%s</b>" % user.name)'],
    ['import html\ndef f(user):\n    text = html.escape(user.name)\n    text = user.title\n    return mark_safe(text)'],
    ['import html\ndef f(user, fast):\n    text = html.escape(user.name) if fast else user.name\n    return mark_safe(text)'],
    ['import html\ndef f(users, extra):\n    rows = [html.escape(u.name) for u in users]\n    rows.append(extra)\n    return mark_safe("<br>".join(rows))'],
    ['import html\ndef f(users, extra):\n    out = html.escape(users[0])\n    out += extra\n    return mark_safe(out)'],
    ['import html\ndef f(users, sep):\n    return mark_safe(sep.join(html.escape(u) for u in users))'],
    ['import html\ndef f(users):\n    return mark_safe(", ".join(u.name for u in users))'],
    ['import html\ndef f(user):\n    return mark_safe("<b>{}</b>".format(**user))'],
    ['import html\ndef f(user):\n    return mark_safe(render(user))'],
    ['from django.urls import reverse\ndef link(n):\n    return "<a href={}>{}</a>".format(reverse("d", args=[n.id]), n.name)\ndef f(nets):\n    return mark_safe(", ".join([link(n) for n in nets]))'],
    ['import html\ndef link(n):\n    if n.name:\n        return html.escape(n.name)\n    return n.id\ndef f(n):\n    return mark_safe(link(n))'],
    ['import html\ndef link(n):\n    return\ndef f(n):\n    return mark_safe(link(n))'],
    // One level of helper: a helper's own helpers are not entered.
    ['import html\ndef inner(n):\n    return html.escape(n)\ndef outer(n):\n    return inner(n)\ndef f(n):\n    return mark_safe(outer(n))'],
    // Added to where it is read, bound elsewhere: what it held before is not known here.
    ['import html\nROWS = [get_rows()]\ndef f(x):\n    ROWS.append(html.escape(x))\n    return mark_safe("".join(ROWS))'],
    // A parameter holds what a caller passes, whatever its default.
    ['import html\ndef f(users, sep="<br>"):\n    return mark_safe(sep.join(html.escape(u) for u in users))'],
    // A translation of what is not built: the name itself, or a template filled with it.
    ['import html\nfrom django.utils.translation import gettext as _\ndef f(n):\n    return mark_safe(_(n.name))'],
    ['import html\nfrom django.utils.translation import gettext as _\ndef f(n):\n    return mark_safe(_("Replica of %s") % n.name)'],
    ['def f(n):\n    return mark_safe(str(n.name))'],
  ])('%j: it is not', (source) => {
    expect(built(source)).toBe(false);
  });
});

describe('visibleDefinitions with additions', () => {
  it('gives `parts.append(x)` beside the binding only when asked', () => {
    const { node: module, imports } = firstNode('def f(x):\n    parts = []\n    parts.append(x)\n    return parts\n', 'module');
    const read = module.descendantsOfType('return_statement')[0]!.namedChildren[0]!;
    expect(visibleDefinitions(read, imports)!.definitions.map((d) => d.value?.text)).toEqual(['[]']);
    expect(visibleDefinitions(read, imports, true)!.definitions.map((d) => d.value?.text)).toEqual(['[]', '(x)']);
  });
});

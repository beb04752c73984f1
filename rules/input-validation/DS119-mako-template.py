import mako
from mako import template
from mako.lookup import TemplateLookup
from mako.template import Template
from string import Template as StringTemplate


def render(name, directory, options):
    page = Template("<h1>${name}</h1>").render(name=name)  # expect: DS119
    other = template.Template(filename="page.html")  # expect: DS119
    third = mako.template.Template(  # expect: DS119
        text="<p>${name}</p>",
        strict_undefined=True,
    )
    lookup = TemplateLookup(directories=[directory])  # expect: DS119
    safe = Template("<h1>${name}</h1>", default_filters=["h"])  # ok: DS119 escaped by default
    safe_lookup = TemplateLookup(
        directories=[directory],
        default_filters=["h", "unicode"],  # ok: DS119 escaped by default
    )
    spread = Template("x", **options)  # ok: DS119 options may set the filters
    plain = StringTemplate("$name").substitute(name=name)  # ok: DS119 string.Template
    return page, other, third, lookup, safe, safe_lookup, spread, plain

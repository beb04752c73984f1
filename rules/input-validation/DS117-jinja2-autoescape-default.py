import jinja2
from jinja2 import Environment as Env
from jinja2 import FileSystemLoader, select_autoescape


def guess_autoescape(name):
    return name.endswith(".html")


def make_environments(options):
    env = jinja2.Environment(loader=FileSystemLoader("templates"))  # expect: DS117
    other = Env(  # expect: DS117
        loader=FileSystemLoader("templates"),
        trim_blocks=True,
    )
    bare = jinja2.Environment()  # expect: DS117
    custom = Env(autoescape=guess_autoescape("x.html"))  # expect: DS117
    chosen = Env(loader=FileSystemLoader("t"), autoescape=select_autoescape())  # ok: DS117 by extension
    also = jinja2.Environment(
        loader=FileSystemLoader("t"),
        autoescape=jinja2.select_autoescape(["html", "xml"]),  # ok: DS117 by extension
    )
    on = Env(autoescape=True)  # ok: DS117 escaping on
    spread = jinja2.Environment(**options)  # ok: DS117 options may set it
    loader = FileSystemLoader("templates")  # ok: DS117 not an environment
    return env, other, bare, custom, chosen, also, on, spread, loader

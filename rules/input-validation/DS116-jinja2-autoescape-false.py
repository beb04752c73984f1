import jinja2
from jinja2 import Environment as Env
from jinja2.sandbox import SandboxedEnvironment
from jinja2 import select_autoescape


def make_environments(loader, config):
    env = jinja2.Environment(loader=loader, autoescape=False)  # expect: DS116
    other = Env(
        loader=loader,
        autoescape=False,  # expect: DS116
    )
    sandbox = SandboxedEnvironment(autoescape=False)  # expect: DS116
    safe = jinja2.Environment(loader=loader, autoescape=True)  # ok: DS116 escaping on
    chosen = Env(loader=loader, autoescape=select_autoescape(["html"]))  # ok: DS116 by extension
    configured = Env(loader=loader, autoescape=config.autoescape)  # ok: DS116 not visibly off
    flask_like = render(template, autoescape=False)  # ok: DS116 not a jinja2 environment
    return env, other, sandbox, safe, chosen, configured, flask_like

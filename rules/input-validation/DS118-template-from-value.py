import jinja2
from flask import render_template, render_template_string, request
from jinja2 import Template as JTemplate
from string import Template


def greet(name, body):
    page = render_template_string("<h1>Hello " + name + "</h1>")  # expect: DS118
    other = render_template_string(f"<p>{request.args['q']}</p>")  # expect: DS118
    tpl = jinja2.Template(body)  # expect: DS118
    again = JTemplate(  # expect: DS118
        "Dear %s," % name,
    )
    fine = render_template_string("<h1>Hello {{ name }}</h1>", name=name)  # ok: DS118 constant template, value in context
    file_page = render_template("hello.html", name=name)  # ok: DS118 template file
    constant = jinja2.Template("Hello {{ name }}")  # ok: DS118 constant template
    dollar = Template(body).safe_substitute(name=name)  # ok: DS118 string.Template runs no code
    return page, other, tpl, again, fine, file_page, constant, dollar


def _expand_template(contents, params):
    # oslo.middleware's healthcheck: the file passes only its own templates.
    tpl = jinja2.Template(source=contents,  # ok: DS118 every call gives a constant
                          undefined=jinja2.StrictUndefined)
    return tpl.render(**params)


def _expand_user_template(contents, params):
    return jinja2.Template(contents).render(**params)  # expect: DS118 one call passes a value


class Healthcheck(object):
    PLAIN_RESPONSE_TEMPLATE = "{{ reasons }}"
    HTML_RESPONSE_TEMPLATE = "<html>{{ reasons }}</html>"

    def _make_text_response(self, params):
        return _expand_template(self.PLAIN_RESPONSE_TEMPLATE, params)

    def _make_html_response(self, params):
        body = _expand_template(self.HTML_RESPONSE_TEMPLATE, params)
        return _expand_user_template(self.HTML_RESPONSE_TEMPLATE, params), body

    def _render(self, text, params):
        return jinja2.Template(text).render(**params)  # ok: DS118 the method is only ever given a constant

    def _render_page(self, params):
        return self._render(PAGE_TEMPLATE, params)

    def _render_any(self, text):
        return jinja2.Template(text)  # expect: DS118 also handed around as a callback

    def _callbacks(self, request):
        handlers = [self._render_any]
        return handlers, self._render_any("<p>{{ x }}</p>"), _expand_user_template(request.body, {})


PAGE_TEMPLATE = "<p>{{ page }}</p>"


# ovn-bgp-agent's FRR configuration: module constants, one picked from a table by the action.
CONFIGURE_ND_TEMPLATE = '''
interface {{ intf }}
{% if is_dhcpv6 %} ipv6 nd managed-config-flag {% endif %}
'''
ADD_VRF_TEMPLATE = '''
vrf {{ vrf_name }}
'''
DEL_VRF_TEMPLATE = '''
no vrf {{ vrf_name }}
'''


def nd_reconfigure(interface, prefix, opts):
    nd_template = jinja2.Template(CONFIGURE_ND_TEMPLATE)  # ok: DS118 a module constant
    return nd_template.render(intf=interface, prefix=prefix, is_dhcpv6=opts.get('dhcpv6'))


def vrf_reconfigure(evpn_info, action, extra_templates):
    vrf_templates = {
        'add-vrf': ADD_VRF_TEMPLATE,
        'del-vrf': DEL_VRF_TEMPLATE,
    }
    vrf_template = jinja2.Template(vrf_templates.get(action))  # ok: DS118 one of a table of constants
    also = jinja2.Template(vrf_templates[action])  # ok: DS118 the same, subscripted
    other = jinja2.Template(extra_templates.get(action))  # expect: DS118 a table the caller hands in
    mixed = {'add-vrf': ADD_VRF_TEMPLATE, 'custom': evpn_info['template']}
    custom = jinja2.Template(mixed.get(action))  # expect: DS118 one entry of the table is not constant
    fallback = jinja2.Template(vrf_templates.get(action, evpn_info['template']))  # expect: DS118 its default is not
    return vrf_template, also, other, custom, fallback


def vrf_leak(vrf, template=ADD_VRF_TEMPLATE):
    return jinja2.Template(template)  # expect: DS118 a parameter: callers elsewhere may pass anything


def image_definitions(versions):
    # OSISM's `manage images`: templates kept as constants in the package's data module.
    from osism.data import TEMPLATE_IMAGE_OCTAVIA
    from osism.settings import IMAGE_TEMPLATE

    template = jinja2.Template(TEMPLATE_IMAGE_OCTAVIA)  # ok: DS118 an ALL_CAPS constant of the package's data module
    custom = jinja2.Template(IMAGE_TEMPLATE)  # expect: DS118 a settings module's value: the deployment sets it
    return [template.render(version=v) for v in versions] + [custom.render()]

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

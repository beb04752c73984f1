import wsgiref.handlers
from wsgiref import handlers as wsgi_handlers
from wsgiref.handlers import CGIHandler, SimpleHandler

from twisted.web import static, twcgi
from twisted.web.twcgi import CGIScript as Script


def serve(application, root, stdin, stdout, stderr, environ):
    wsgiref.handlers.CGIHandler().run(application)  # expect: DS139
    wsgi_handlers.CGIHandler().run(application)  # expect: DS139
    CGIHandler().run(application)  # expect: DS139
    root.putChild("cgi-bin", twcgi.CGIDirectory("/var/www/cgi-bin"))  # expect: DS139
    root.putChild(
        "login.cgi",
        Script("/var/www/cgi-bin/login.py"),  # expect: DS139
    )
    SimpleHandler(stdin, stdout, stderr, environ).run(application)  # ok: DS139 not CGI
    root.putChild("static", static.File("/srv/www"))  # ok: DS139 static files
    my_cgi_handler().run(application)  # ok: DS139 not the stdlib handler


def my_cgi_handler():
    return None

import eventlet
import eventlet.wsgi
import eventlet.wsgi as ewsgi
from eventlet import wsgi
from eventlet.wsgi import server as serve_wsgi
from oslo_config import cfg
from oslo_log import log as logging

from myproject import wsgi as project_wsgi

CONF = cfg.CONF
LOG = logging.getLogger(__name__)
SHOW_TRACEBACKS = True
QUIET = False


class Server(object):
    def _run(self, application, socket):
        """Start a WSGI server in a new green thread."""
        eventlet.wsgi.server(socket, application,  # expect: DS304
                             max_size=self.num_threads,
                             log=LOG,
                             keepalive=CONF.wsgi_keep_alive,
                             log_format=CONF.wsgi_log_format,
                             socket_timeout=self.client_socket_timeout)

    def start(self, app, sock):
        self._server = eventlet.spawn(wsgi.server, sock, app)  # ok: DS304 handed to spawn, not called here
        wsgi.server(sock, app, custom_pool=self._pool, log=LOG)  # expect: DS304
        ewsgi.server(sock, app, debug=True)  # expect: DS304
        serve_wsgi(sock, app, log=LOG,
                   debug=SHOW_TRACEBACKS)  # expect: DS304 a module constant that is true
        wsgi.server(  # expect: DS304
            sock,
            app,
            # tracebacks are useful while developing
        )

    def start_quietly(self, app, sock, **server_args):
        eventlet.wsgi.server(sock, app, log=LOG, debug=False)  # ok: DS304 tracebacks off
        ewsgi.server(sock, app,
                     keepalive=False,
                     debug=QUIET)  # ok: DS304 a module constant that is false
        wsgi.server(sock, app, debug=CONF.wsgi_server_debug)  # ok: DS304 the operator's choice, read at run time
        wsgi.server(sock, app, **server_args)  # ok: DS304 **kwargs may carry debug=False
        project_wsgi.server(sock, app)  # ok: DS304 the project's own server function
        eventlet.listen(("127.0.0.1", 8080))  # ok: DS304 not the WSGI server

# SAP's openstack-audit-middleware: a request path scanned segment by segment, each segment named
# `token`. No parser library is imported and no name here is a parser's, so a bare `token` is judged
# by how it is bound.
import logging


class OpenStackAuditMiddleware(object):
    # SAP's openstack-audit-middleware: `token` is a scanned segment of the request path.
    def __init__(self):
        self._log = logging.getLogger(__name__)
        self.resources = {}

    def _build_events(self, path, cursor):
        # token = scanned token (NOT keystone token)
        token = None
        next_pos = path.find('/', cursor + 1)
        if next_pos != -1:
            token = path[cursor + 1:next_pos]
        else:
            token = path[cursor + 1:]
        if token not in self.resources:
            self.resources[token] = self.register_resource(None, token)
        self._log.warning(
            "Unexpected continuation of resource path after segment %s: %s",  # ok: DS201 a segment sliced from the path
            token, path)

    def register_resource(self, parent_type_uri, token):
        self._log.warning("unknown resource: %s (created on demand)",  # ok: DS201 every call of the file gives a path segment
                          token)
        return {'api_name': token.replace('_', '-')}

    def authenticate(self, request):
        auth_header = request.headers.get('Authorization', '')
        token = auth_header[7:]
        self._log.debug("Bearer %s", token)  # expect: DS201 a slice of the Authorization header is the bearer token
        self.check(request, token)

    def check(self, request, token):
        self._log.debug("Checking %s", token)  # expect: DS201 a caller of the file gives the bearer token

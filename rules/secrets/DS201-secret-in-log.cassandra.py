# monasca-persister's Cassandra batches: rows are grouped by their partition `token`, a position
# on the ring that the driver computes from the key. Logging it shows no credential.
import logging

from cassandra.auth import PlainTextAuthProvider
from cassandra.query import BatchStatement

LOG = logging.getLogger(__name__)


class MetricBatch(object):
    @staticmethod
    def log_token_batch_map(name, query_map):
        LOG.info('%s : Size: %s;  Tokens: |%s|' %  # ok: DS201 a ring token
                 (name, len(query_map),
                  '|'.join(['%s: %s' % (
                      token,
                      ','.join([str(counter.value()) for (batch, counter) in queue]))
                      for token, queue in query_map.items()])))

    def add(self, token, statement):
        LOG.debug("batch for token %s", token)  # ok: DS201 again
        return BatchStatement(), token, statement


def connect(user, password, auth_token):
    LOG.debug("connecting as %s with %s", user, password)  # expect: DS201 the password, Cassandra or not
    LOG.debug("using %s", auth_token)  # expect: DS201 a named credential token
    return PlainTextAuthProvider(username=user, password=password)

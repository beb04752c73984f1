# poppy, a CDN service: a service's `access_url` is the domain its users reach it at. This file
# never speaks of a remote terminal session, so the name holds no token here.
import logging

from oslo_config import cfg

LOG = logging.getLogger(__name__)
CONF = cfg.CONF


class DNSServicesController(object):
    def _delete_cname_record(self, access_url, shared_ssl_flag):
        LOG.info('Attempting to delete DNS records for : {0}'.format(  # ok: DS205 a CDN domain
            access_url))
        records = self._search_cname_record(access_url, shared_ssl_flag)
        if len(records) == 1:
            LOG.info('Deleting DNS records for : {0}'.format(access_url))  # ok: DS205 likewise
            records[0].delete()

    def update(self, provider_details):
        for detail in provider_details.values():
            url = detail.access_url
            LOG.info('Updating DNS record for : %s', url)  # ok: DS205 an attribute of that name
            LOG.info('Old record %s', detail.to_dict()['access_url'])  # ok: DS205 read by key
            LOG.info('Messaging at %s', CONF.transport_url)  # expect: DS205 the transport URL still is one

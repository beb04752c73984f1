import flask
from django.urls import reverse
from django.utils import html, safestring
from django.utils.http import urlencode
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe as safe
from markupsafe import Markup, escape


def badge(user, rows):
    a = safe("<b>%s</b>" % user.name)  # expect: DS120
    b = safestring.mark_safe(f"<i>{user.title}</i>")  # expect: DS120
    c = safestring.SafeString(user.bio)  # expect: DS120
    d = Markup(f"unsafe {user.name}")  # expect: DS120
    e = flask.Markup(  # expect: DS120
        "<td>{}</td>".format(rows[0]),
    )
    f = safe("<br>")  # ok: DS120 a constant
    g = safe(conditional_escape(user.name))  # ok: DS120 escaped first
    h = format_html("<b>{}</b>", user.name)  # ok: DS120 format_html escapes the values
    i = Markup("<b>{}</b>").format(user.name)  # ok: DS120 Markup.format escapes the values
    j = Markup(escape(user.name))  # ok: DS120 escaped first
    k = safe(  # ok: DS120 a constant after a comment
        "<hr>",
    )
    return a, b, c, d, e, f, g, h, i, j, k


# networking-bgpvpn's tables: links built by a same-file helper, joined, then marked safe.
def get_network_url(network):
    url = reverse('horizon:project:networks:detail', args=[network.id])
    instance = '<a href={}>{}</a>'.format(url, html.escape(network.name_or_id))
    return instance


def get_router_url(router):
    url = reverse('horizon:project:routers:detail', args=[router.id])
    # The name put in unescaped, as the associations tables do.
    return '<a href={}>{}</a>'.format(url, router.name_or_id)


def get_port_url(port):
    if port.name:
        return '<a href="{}">{}</a>'.format(reverse('ports:detail', args=[port.id]), html.escape(port.name))
    return port.id


class NetworksColumn:
    def get_raw_data(self, bgpvpn):
        networks = [get_network_url(network) for network in bgpvpn.networks]
        return safestring.mark_safe(', '.join(networks))  # ok: DS120 every link's values escaped

    def get_routers(self, bgpvpn):
        routers = [get_router_url(router) for router in bgpvpn.routers]
        return safestring.mark_safe(', '.join(routers))  # expect: DS120 the helper leaves the name unescaped

    def get_ports(self, bgpvpn):
        return safestring.mark_safe(  # expect: DS120 one of the helper's returns is not escaped
            '<br>'.join(get_port_url(p) for p in bgpvpn.ports))

    def get_names(self, bgpvpn):
        names = [html.escape(n.name) for n in bgpvpn.networks]
        names.append(bgpvpn.owner)
        return safestring.mark_safe(', '.join(names))  # expect: DS120 an unescaped value appended

    def get_escaped_names(self, bgpvpn):
        names = [html.escape(n.name) for n in bgpvpn.networks]
        names.append('<i>none</i>')
        return safestring.mark_safe(', '.join(names))  # ok: DS120 escaped names and a constant

    def get_link(self, asso):
        url = reverse('horizon:project:networks:detail',
                      args=[asso.network_id])
        instance = '<a href={}>{}</a>'.format(url,
                                          asso.network_name or asso.network_id)
        return safestring.mark_safe(instance)  # expect: DS120 the network's name is not escaped

    def get_escaped_link(self, asso):
        url = reverse('horizon:project:networks:detail', args=[asso.network_id])
        query = urlencode({'step': asso.step})
        text = html.escape(asso.network_name) if asso.network_name else 'unnamed'
        return safe(f'<a href="{url}?{query}">{text}</a>')  # ok: DS120 URL encoded, name escaped

    def get_cell(self, row):
        return safe(self._cell(row))  # ok: DS120 the method's return is escaped

    def get_raw_cell(self, row):
        return safe(self._raw_cell(row))  # expect: DS120 the method returns a field as it is

    def get_title(self, title):
        html_text = '<b>%s</b>' % html.escape(title)
        html_text += title
        return safe(html_text)  # expect: DS120 the parameter added unescaped

    def _cell(self, row):
        return '<td>%s</td>' % html.escape(row.value)

    def _raw_cell(self, row):
        return '<td>%s</td>' % row.value


# trove-dashboard's replica column: a translated sentence filled with a link a method escapes.
from django.utils.translation import gettext_lazy as _


class ReplicaColumn(object):
    def get_instance_link(self, instance_id):
        url = reverse(self.instance_detail_url, args=(instance_id,))
        instance = self.api.instance_get(self.request, instance_id)
        link = '<a href="%s">%s</a>' % (url, html.escape(instance.name))
        return link

    def get_raw_data(self, instance):
        if hasattr(instance, "replica_of"):
            link = self.get_instance_link(instance.replica_of["id"])
            replica_of = _("Replica of %s")
            return safestring.mark_safe(replica_of % link)  # ok: DS120 a translated sentence, an escaped link
        if hasattr(instance, "replica_name"):
            return safestring.mark_safe(  # expect: DS120 the sentence filled with a name not escaped
                _("Replica of %s") % instance.replica_name)
        return safestring.mark_safe(_(instance.status))  # expect: DS120 a translation of a value, not of a constant

from pysnmp import hlapi
from pysnmp import hlapi as snmp
from pysnmp.hlapi import *
from pysnmp.hlapi import CommunityData as CD
from pysnmp.hlapi.v3arch.asyncio import CommunityData as AsyncCommunityData
from pysnmp.entity.rfc3413.oneliner import cmdgen

from myproject.snmp import CommunityData as ProjectCommunity

MP_V1 = 0
MP_V2C = 1
MP_V3 = 3


def read_auth(community):
    return CommunityData(community, mpModel=0)  # expect: DS506


def write_auth(community):
    return snmp.CommunityData(
        community,
        mpModel=MP_V2C,  # expect: DS506
    )


def legacy_auth(community, version=MP_V1):
    return CD(community, mpModel=version)  # expect: DS506


def default_auth(community):
    return hlapi.CommunityData(community)  # expect: DS506


def indexed_auth(community):
    return hlapi.CommunityData("agent-index", community, 0)  # expect: DS506


def async_auth(community):
    return AsyncCommunityData(  # expect: DS506
        community,
        contextName="power",
    )


def oneliner_auth():
    return cmdgen.CommunityData("public", mpModel=1)  # expect: DS506


def configured_auth(conf, write_mode):
    mp_model = 1 if conf.version == "2c" else 0
    return snmp.CommunityData(
        conf.write_community if write_mode else conf.read_community,
        mpModel=mp_model,  # ok: DS506 the version is picked at run time from the configuration
    )


def forwarded_auth(community, **options):
    return snmp.CommunityData(community, **options)  # ok: DS506 `**options` may hold any mpModel


def project_auth(community):
    return ProjectCommunity(community, mpModel=0)  # ok: DS506 a project class, not pysnmp's


def v3_auth(user, auth_key, priv_key):
    return snmp.UsmUserData(user, auth_key, priv_key)  # ok: DS506 SNMPv3 user credentials


def wrong_model(community):
    return snmp.CommunityData(community, mpModel=MP_V3)  # ok: DS506 not a v1/v2c model number


def label(community):
    return dict(community=community, mpModel=0)  # ok: DS506 not a pysnmp call


def agent_communities(engine, conf):
    from pysnmp.entity import config

    config.addV1System(engine, "read-area", conf.read_community)  # expect: DS506
    config.add_v1_system(engine, "write-area", conf.write_community)  # expect: DS506
    config.addV3User(engine, conf.user, config.usmHMACSHAAuthProtocol, conf.auth_key)  # ok: DS506 v3 is DS507's
    config.addTargetParams(engine, "params", conf.user, "authPriv")  # ok: DS506 not a community

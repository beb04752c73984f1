from pysnmp import hlapi as snmp
from pysnmp.hlapi import *
from pysnmp.hlapi import UsmUserData as User
from pysnmp.hlapi import usmHMACSHAAuthProtocol, usmNoPrivProtocol
from pysnmp.hlapi.v3arch.asyncio import USM_PRIV_NONE, UsmUserData as AsyncUser
from pysnmp.entity.rfc3413.oneliner import cmdgen

from myproject.snmp import UsmUserData as ProjectUser


def monitor_user(name):
    return UsmUserData(name)  # expect: DS507


def signed_user(name, auth_key):
    return User(name, auth_key)  # expect: DS507


def sha_user(conf):
    return snmp.UsmUserData(  # expect: DS507
        conf.user,
        authKey=conf.auth_key,
        authProtocol=usmHMACSHAAuthProtocol,
    )


def no_privacy_key(conf):
    return snmp.UsmUserData(
        conf.user,
        authKey=conf.auth_key,
        privKey=None,  # expect: DS507
    )


def positional_none(conf):
    return snmp.UsmUserData(conf.user, conf.auth_key, None)  # expect: DS507


def privacy_off(conf):
    return AsyncUser(
        conf.user,
        authKey=conf.auth_key,
        privKey=conf.priv_key,
        privProtocol=USM_PRIV_NONE,  # expect: DS507
    )


def privacy_off_old_name(conf):
    return snmp.UsmUserData(conf.user, conf.auth_key, conf.priv_key, privProtocol=usmNoPrivProtocol)  # expect: DS507


def oneliner_user():
    return cmdgen.UsmUserData("monitor")  # expect: DS507


def private_user(conf):
    return snmp.UsmUserData(  # ok: DS507 both keys given by keyword
        conf.user,
        authKey=conf.auth_key,
        authProtocol=conf.auth_proto,
        privKey=conf.priv_key,
        privProtocol=conf.priv_proto,
    )


def positional_keys(name, auth_key, priv_key):
    return User(name, auth_key, priv_key)  # ok: DS507 the privacy key is the third argument


def forwarded_user(name, **keys):
    return UsmUserData(name, **keys)  # ok: DS507 `**keys` may hold the privacy key


def unpacked_user(params):
    return UsmUserData(*params)  # ok: DS507 `*params` may hold the privacy key


def aes_user(conf):
    return snmp.UsmUserData(conf.user, conf.auth_key, conf.priv_key, privProtocol=snmp.usmAesCfb128Protocol)  # ok: DS507 AES privacy


def project_user(name):
    return ProjectUser(name)  # ok: DS507 a project class, not pysnmp's


def community(name):
    return snmp.CommunityData(name, mpModel=1)  # ok: DS507 v1/v2c is DS506's


def auth_only_user(conf):
    return snmp.UsmUserData(  # expect: DS507 no privacy key
        conf.user,
        authKey=conf.auth_key,
        privProtocol=usmNoPrivProtocol,  # ok: DS507 the same user, reported once above
    )


def agent_users(engine, conf):
    from pysnmp.entity import config

    config.addV3User(engine, "usr-md5-none", config.usmHMACMD5AuthProtocol, conf.auth_key)  # expect: DS507
    config.add_v3_user(  # expect: DS507
        engine,
        conf.user,
        authProtocol=config.USM_AUTH_HMAC96_SHA,
        authKey=conf.auth_key,
        privKey=conf.priv_key,
    )
    config.addV3User(engine, conf.user, config.usmHMACSHAAuthProtocol, conf.auth_key, config.usmNoPrivProtocol)  # expect: DS507
    config.add_v3_user(engine, conf.user, authProtocol=config.USM_AUTH_HMAC96_SHA, authKey=conf.auth_key, privProtocol=config.USM_PRIV_NONE, privKey=conf.priv_key)  # expect: DS507
    config.addV3User(engine, conf.user, config.usmHMACSHAAuthProtocol, conf.auth_key, config.usmAesCfb128Protocol, conf.priv_key)  # ok: DS507 authPriv, positionally
    config.add_v3_user(  # ok: DS507 authPriv by keyword
        engine,
        conf.user,
        authProtocol=config.USM_AUTH_HMAC96_SHA,
        authKey=conf.auth_key,
        privProtocol=config.USM_PRIV_CFB128_AES,
        privKey=conf.priv_key,
    )
    config.addV3User(engine, conf.user, conf.auth_proto, conf.auth_key, conf.priv_proto, conf.priv_key)  # ok: DS507 protocols from the configuration
    config.addV1System(engine, "area", conf.community)  # ok: DS507 v1/v2c is DS506's

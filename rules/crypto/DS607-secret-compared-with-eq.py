import hmac

VALID_TOKENS = ("a", "b")


def authorised(request, conf, user, stored, context, password, token, admin_tokens, api_key):
    if request.headers.get("X-Auth-Token") == conf.admin_token:  # expect: DS607
        return True
    if password != user.password:  # expect: DS607
        return False
    if token in admin_tokens:  # expect: DS607
        return True
    if api_key not in {conf.api_key, conf.old_api_key}:  # expect: DS607
        return False
    if context.auth_token == stored:  # expect: DS607
        return True
    if conf.shared_secret != (  # expect: DS607
        request.params["secret"]
    ):
        return False
    if password is None or password == "":  # ok: DS607 a check for emptiness
        return False
    if token == "":  # ok: DS607 a constant
        return False
    if len(password) != 64:  # ok: DS607 a length
        return False
    if user.token_expiry == stored:  # ok: DS607 an expiry, not the token
        return False
    if conf.access_key == stored:  # ok: DS607 a key id
        return True
    if token_type == "Bearer":  # ok: DS607 a type
        return True
    if hmac.compare_digest(password, stored):  # ok: DS607 constant time
        return True
    if token in request.headers["Authorization"]:  # ok: DS607 a substring test, not a lookup
        return True
    if user.password_policy == stored:  # ok: DS607 a policy
        return False
    if password == None:  # ok: DS607 None
        return False
    return api_key in VALID_TOKENS  # expect: DS607


def enums(e, libvirt, auth_style, server, d):
    if e.get_error_code() == libvirt.VIR_ERR_NO_SECRET:  # ok: DS607 an error code constant
        return True
    if auth_style == server.STYLE_LOGIN_PASSWORD:  # ok: DS607 an enum constant
        return True
    return d["key"] == CHAP_SECRET_KEY  # ok: DS607 a key name constant

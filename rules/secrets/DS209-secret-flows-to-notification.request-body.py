"""A client library's request bodies: classes named for their payload, and nothing here notifies."""
from keystoneauth1 import session as ks_session

from myclient.v1 import models


def login(auth_url, username, password):
    # The body of a login request, sent to the identity service that checks the password.
    body = models.TokenRequestPayload(user=username, password=password)  # ok: DS209 a request's body, not a notification: the file emits none
    session = ks_session.Session()
    return session.post(auth_url + "/v3/auth/tokens", json=body.to_dict())


def rotate(session, endpoint, old_password, new_password):
    change = models.PasswordChangePayload(  # ok: DS209 the same, multi-line
        original_password=old_password,
        password=new_password,
    )
    return session.post(endpoint + "/password", json=change.to_dict())

from oslo_config import cfg
from sqlalchemy import create_engine

DB_URL = "mysql+pymysql://nova:s3cret@db/nova"  # expect: DS203
AMQP = "rabbit://guest:guest@localhost:5672/"  # expect: DS203
opts = [
    cfg.StrOpt("transport_url", default="rabbit://openstack:changeme@controller:5672/"),  # expect: DS203
    cfg.StrOpt(
        "connection",
        help="The database URL, e.g. mysql+pymysql://user:password@host/dbname",  # ok: DS203 an example inside prose
    ),
]


def connect(user, password, host):
    engine = create_engine("postgresql://admin:Pa55w0rd@" + host + "/app")  # expect: DS203
    api = requests.get("http://admin:pw@10.0.0.5/api", timeout=5)  # expect: DS203
    create_engine(f"mysql://{user}:{password}@{host}/nova")  # ok: DS203 an f-string built from values
    create_engine("mysql://nova:{}@db/nova".format(password))  # ok: DS203 a placeholder password
    create_engine("mysql://nova:%s@db/nova" % password)  # ok: DS203 a placeholder password
    create_engine("mysql://nova:%(password)s@%(host)s/nova" % locals())  # ok: DS203 a named placeholder
    create_engine("mysql://nova:$DB_PASSWORD@db/nova")  # ok: DS203 an environment placeholder
    log_url = "mysql://nova:***@db/nova"  # ok: DS203 already masked
    plain = "mysql+pymysql://nova@db/nova"  # ok: DS203 no password part
    port = "http://db.internal:5432/status"  # ok: DS203 host:port, no user
    mail = "user:name@example.com"  # ok: DS203 not a URL
    return engine, api, log_url, plain, port, mail


def check_location(uri):
    # glance_store: an example URL inside the text of an error message.
    if uri.count('://') != 1:
        reason = ("URI cannot contain more than one occurrence "
                  "of a scheme. If you have specified a URI like "
                  "swift://user:pass@http://authurl.com/v1/container/obj"  # ok: DS203 an example in a message
                  ", you need to change it to use the "
                  "swift+http:// scheme, like so: "
                  "swift+http://user:pass@authurl.com/v1/container/obj")  # ok: DS203 an example in a message
        raise ValueError(reason)
    default = ("rabbit://openstack:Secr3t@"  # expect: DS203 a URL split over two lines is still one
               "mq.internal:5672/")
    return default

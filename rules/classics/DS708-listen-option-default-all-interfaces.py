from oslo_config import cfg

opts = [
    cfg.HostAddressOpt("metadata_listen", default="0.0.0.0"),  # expect: DS708
    cfg.StrOpt("novncproxy_host", default="0.0.0.0"),  # expect: DS708
    cfg.IPOpt(  # ok: DS708 reported on the default's line
        "bind_ip",
        default="::",  # expect: DS708
        help="Address the API listens on.",
    ),
    cfg.HostAddressOpt("my_ip", default="0.0.0.0"),  # ok: DS708 not a listen, bind or host option
    cfg.StrOpt("metadata_listen", default="127.0.0.1"),  # ok: DS708 loopback
    cfg.StrOpt("host", default=""),  # ok: DS708 empty means unset
]

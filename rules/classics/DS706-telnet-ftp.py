import ftplib
import telnetlib
import telnetlib as tn
from ftplib import FTP, FTP_TLS

import paramiko


def connect(host, user, password):
    console = telnetlib.Telnet(host, 23, timeout=10)  # expect: DS706
    other = tn.Telnet(host)  # expect: DS706
    ftp = ftplib.FTP(host, user, password)  # expect: DS706
    plain = FTP(host)  # expect: DS706
    secure = ftplib.FTP_TLS(host, user, password)  # ok: DS706 TLS
    secure2 = FTP_TLS(host)  # ok: DS706 TLS
    ssh = paramiko.SSHClient()  # ok: DS706 SSH
    reply = ftp.sendcmd("NOOP")  # ok: DS706 using an existing connection is reported where it opens
    return console, other, plain, secure, secure2, ssh, reply

import telnetlib  # expect: DS710
import ftplib as ftp_module  # expect: DS710
from ftplib import FTP  # expect: DS710
from telnetlib import (
    Telnet,  # expect: DS710
)
from ftplib import FTP_TLS  # ok: DS710 the TLS client
from ftplib import all_errors  # ok: DS710 only the exception tuple
import paramiko  # ok: DS710 SSH
import ftputil_helpers  # ok: DS710 a different module
from myproject import ftplib_wrappers  # ok: DS710 a project module


def connect(host):
    return telnetlib, ftp_module, FTP, Telnet, FTP_TLS, all_errors, paramiko, ftputil_helpers, ftplib_wrappers, host

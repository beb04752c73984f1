import os
import pathlib
import re
import shutil
import tarfile

import flask
import pecan
from flask import request, send_file
from werkzeug.utils import secure_filename

BASE = "/srv/files"
KINDS = {"logs", "dumps"}


def _target(name):
    """A same-file helper: the name travels into the returned path."""
    return os.path.join(BASE, name)


def download():
    name = request.args["name"]
    path = os.path.join(BASE, name)
    return open(path).read()  # expect: DS142


def download_helper():
    return send_file(_target(request.args.get("file")))  # expect: DS142


def upload(req):
    upload_dir = "%s/%s" % (BASE, req.params["dir"])
    with tarfile.open(req.POST["archive"].filename) as tar:  # expect: DS142
        tar.extractall(  # expect: DS142
            path=upload_dir,
        )


def download_pathlib():
    # pathlib's `/` joins like os.path.join: an absolute name replaces the base.
    target = pathlib.Path(BASE) / "reports" / request.args["report"]
    return open(  # expect: DS142
        target,
    ).read()


def download_pathlib_safe():
    target = pathlib.Path(BASE) / secure_filename(request.args["report"])
    return open(target).read()  # ok: DS142 werkzeug secure_filename


def remove():
    body = flask.request.get_json()
    victim = body["path"]
    os.remove(victim)  # expect: DS142


class LogsController(object):
    def get(self):
        kind = pecan.request.params.get("kind")
        log = f"/var/log/{kind}.log"
        shutil.copy(log, "/tmp/out")  # expect: DS142

    def safe(self):
        name = os.path.basename(request.args["name"])
        return open(os.path.join(BASE, name)).read()  # ok: DS142 the last part only

    def secure(self):
        name = secure_filename(request.form["name"])
        return send_file(os.path.join(BASE, name))  # ok: DS142 werkzeug secure_filename

    def allowed(self):
        kind = request.args["kind"]
        if kind not in KINDS:
            flask.abort(404)
        return open(os.path.join(BASE, kind)).read()  # ok: DS142 membership in a constant set

    def checked(self):
        name = request.args["name"]
        if not re.fullmatch(r"[a-z0-9]+\.log", name):
            flask.abort(400)
        return open(os.path.join(BASE, name)).read()  # ok: DS142 a full-match validation

    def numbered(self):
        index = int(request.args["n"])
        return open("%s/part-%d" % (BASE, index)).read()  # ok: DS142 a number

    def config_path(self, conf):
        return open(conf.log_file).read()  # ok: DS142 a config value, not the request

import inspect
import os
import shutil
import tarfile as tf
import tempfile
import zipfile
from os import path as osp
from pathlib import Path
from zipfile import ZipFile as Zip

import pycdlib

from ironic.common import utils

ALLOWED = ("meta_data.json", "user_data")


def _member_path(dest, name):
    """A same-file helper: the member's name travels into the returned path."""
    return os.path.join(dest, name)


def unpack_tar(archive, dest):
    with tf.open(archive) as tar:
        for member in tar.getmembers():
            if not member.isfile():
                continue
            with tar.extractfile(member) as src, open(  # expect: DS145
                    os.path.join(dest, member.name), "wb") as dst:
                shutil.copyfileobj(src, dst)


def make_folders(archive, dest):
    tar = tf.open(archive, mode="r:gz")
    for member in tar:
        if member.isdir():
            os.makedirs(osp.join(dest, member.name), exist_ok=True)  # expect: DS145


def unpack_zip(archive, dest):
    with Zip(archive) as zf:
        for name in zf.namelist():
            target = os.path.join(dest, name)
            with open(  # expect: DS145
                    target,
                    "wb") as out:
                out.write(zf.read(name))


def move_members(archive, dest, staging):
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            zf.extract(info, staging)
            shutil.move(os.path.join(staging, info.filename),  # expect: DS145
                        _member_path(dest, info.filename))


def resolved_only(archive, dest):
    with Zip(archive) as zf:
        for name in zf.namelist():
            target = os.path.realpath(os.path.join(dest, name))
            Path(target).write_bytes(zf.read(name))  # expect: DS145


def _extract_iso(extract_iso, extract_dir):
    """Shaped like ironic's images._extract_iso before b78ada41d2."""
    iso = pycdlib.PyCdlib()
    iso.open(extract_iso)

    for dirname, dirlist, filelist in iso.walk(iso_path='/'):
        dir_path = dirname.lstrip('/')
        for dir_iso in dirlist:
            os.makedirs(os.path.join(extract_dir, dir_path, dir_iso))  # expect: DS145
        for file in filelist:
            file_path = os.path.join(extract_dir, dirname, file)
            iso.get_file_from_iso(  # expect: DS145
                os.path.join(extract_dir, dir_path, file),
                iso_path=file_path)
    iso.close()


def regenerate_iso(source, override_files):
    """Shaped like ironic's configdrive_utils.regenerate_iso before b78ada41d2."""
    with tempfile.TemporaryDirectory() as tempfolder:
        for path, dirlist, filelist in source.walk(rr_path='/'):
            for f in filelist:
                iso_file_path = os.path.join(path, f)
                file_record = source.get_record(rr_path=iso_file_path)
                posix_file_path = source.full_path_from_dirrecord(
                    file_record, rockridge=True
                )
                posix_file_path = os.path.join(tempfolder,
                                               posix_file_path.lstrip('/'))
                source.get_file_from_iso(  # expect: DS145
                    joliet_path=iso_file_path, local_path=posix_file_path)
        for file in override_files:
            dest_path = os.path.join(tempfolder, str(file).lstrip('/'))
            with open(dest_path, mode="w") as new_file:  # ok: DS145 the names are the caller's, not the image's
                new_file.write(override_files[file])


def flat_zip(archive, dest):
    with Zip(archive) as zf:
        for name in zf.namelist():
            with open(os.path.join(dest, os.path.basename(name)), "wb") as out:  # ok: DS145 the last part only
                out.write(zf.read(name))


def checked_tar(archive, dest):
    dest = os.path.realpath(dest)
    with tf.open(archive) as tar:
        for member in tar.getmembers():
            target = os.path.realpath(os.path.join(dest, member.name))
            if os.path.commonpath([dest, target]) != dest:
                raise ValueError(member.name)
            with open(target, "wb") as out:  # ok: DS145 resolved and kept under dest
                shutil.copyfileobj(tar.extractfile(member), out)


def filtered_zip(archive, dest):
    with Zip(archive) as zf:
        for name in zf.namelist():
            if '..' in name or name.startswith('/'):
                continue
            os.makedirs(os.path.join(dest, name), exist_ok=True)  # ok: DS145 filtered first


def known_members(archive, dest):
    with Zip(archive) as zf:
        for name in zf.namelist():
            if name not in ALLOWED:
                continue
            with open(os.path.join(dest, name), "wb") as out:  # ok: DS145 a constant set of names
                out.write(zf.read(name))


def fixed_extract_iso(extract_iso, extract_dir):
    """Shaped like ironic's images._extract_iso after b78ada41d2."""
    iso = pycdlib.PyCdlib()
    iso.open(extract_iso)
    for dirname, dirlist, filelist in iso.walk(iso_path='/'):
        dir_path = dirname.lstrip('/')
        utils.check_iso_path(extract_dir, dir_path)
        for dir_iso in dirlist:
            utils.check_iso_path(extract_dir,
                                 os.path.join(dir_path, dir_iso))
            os.makedirs(os.path.join(extract_dir, dir_path, dir_iso))  # ok: DS145 checked by a path-checking helper
        for file in filelist:
            utils.check_iso_path(extract_dir, dir_path, file)
            iso.get_file_from_iso(os.path.join(extract_dir, dir_path, file),  # ok: DS145 checked by a path-checking helper
                                  iso_path=os.path.join(dirname, file))
            iso.get_file_from_iso_fp(outfp=open("/tmp/x", "wb"), iso_path=os.path.join(dirname, file))  # ok: DS145 paths inside the image
    iso.close()


def constant_names(archive, dest):
    with Zip(archive) as zf:
        zf.namelist()
        with open(os.path.join(dest, "manifest.json"), "wb") as out:  # ok: DS145 a constant name
            out.write(zf.read("manifest.json"))


def filtered_extraction(archive, dest):
    with tf.open(archive) as tar:
        for member in tar.getmembers():
            tar.extract(member, os.path.join(dest, "unpacked"), filter="data")  # ok: DS145 extraction is DS107's
        tar.extractall(dest, filter="data")  # ok: DS145 extraction is DS107's


def copy_tree(src, dest):
    for name in os.listdir(src):
        shutil.copy(os.path.join(src, name), os.path.join(dest, name))  # ok: DS145 names from a folder, not an archive
    for root, dirs, files in os.walk(src):
        for f in files:
            os.makedirs(os.path.join(dest, root, f))  # ok: DS145 os.walk, not pycdlib's


def plugin_files(cls, dest):
    for name, member in inspect.getmembers(cls):
        open(os.path.join(dest, name), "w").close()  # ok: DS145 inspect.getmembers lists attributes


def extract_with_pathlib(archive_path, dest):
    # pathlib's `/` joins the member's name like os.path.join does.
    with tf.open(archive_path) as tar:
        for member in tar.getmembers():
            target = Path(dest) / "files" / member.name
            with open(target, "wb") as out:  # expect: DS145
                out.write(tar.extractfile(member).read())
            safe = Path(dest) / os.path.basename(member.name)
            with open(safe, "wb") as out:  # ok: DS145 only the last part of the name
                out.write(tar.extractfile(member).read())


def read_manifests(archive):
    # zipfile.Path reads a member inside the archive: nothing is written to the filesystem.
    manifests = []
    with Zip(archive) as zf:
        for name in zf.namelist():
            if name.endswith("manifest.json"):
                with zipfile.Path(zf, at=name).open() as member:  # ok: DS145 zipfile.Path opens the member inside the archive, not a file on disk
                    manifests.append(member.read())
    return manifests


def copy_members(archive, dest, staging):
    with tf.open(archive) as tar:
        for member in tar.getmembers():
            tar.extract(member, staging, filter="data")
            shutil.copy(src=os.path.join(staging, member.name),  # expect: DS145 the destination by keyword
                        dst=os.path.join(dest, member.name))


def extract_records(iso, dest):
    # pycdlib's directory records name their files with file_ident, which the image sets.
    for child in iso.list_children(iso_path="/"):
        name = child.file_ident.decode("utf-8")
        with open(os.path.join(dest, name), "wb") as out:  # expect: DS145 a record's name from the image
            iso.get_file_from_iso_fp(out, iso_path="/" + name)

import shutil
import tarfile
import zipfile


def unpack(upload, target, member):
    tar = tarfile.open(upload)
    tar.extractall(target)  # expect: DS107
    tar.extract(member, target)  # expect: DS107
    zipfile.ZipFile(upload).extractall(target)  # ok: DS107 zipfile strips `..` and absolute parts
    shutil.unpack_archive(upload, target)  # expect: DS107
    tar.extractall(target, filter="data")  # ok: DS107 data filter
    tar.extract(member, target, filter="tar")  # ok: DS107 tar filter
    shutil.unpack_archive(upload, target, filter="data")  # ok: DS107 filter given
    shutil.copy(upload, target)  # ok: DS107 not an extraction


import os
import zipfile as zf_mod
from zipfile import ZipFile


def decompress_zip(src_path, dest_path):
    with zipfile.ZipFile(src_path, 'r') as zfd:
        content = zfd.namelist()
        if len(content) != 1:
            raise Exception("Archive contains more than one file.")
        else:
            extract_dir = os.path.dirname(dest_path)
            extracted_file = zfd.extract(content[0], extract_dir)  # ok: DS107 a ZipFile, whose names are sanitised
    archive = ZipFile(src_path)
    archive.extractall(  # ok: DS107 an imported ZipFile, over two lines
        dest_path,
    )
    z = zf_mod.ZipFile(src_path)
    copy = z
    copy.extractall(dest_path)  # ok: DS107 an aliased ZipFile through a copy
    return extracted_file


def unpack_any(path, dest, is_zip, member):
    if is_zip:
        archive = zipfile.ZipFile(path)
    else:
        archive = tarfile.open(path)
    archive.extractall(dest)  # expect: DS107 a tar archive on one path
    with tarfile.open(path) as tar_file:
        tar_file.extract(member, dest)  # expect: DS107 a tar archive
    return archive


def from_caller(archive, dest):
    archive.extractall(dest)  # expect: DS107 unknown archive type


class OVAImageExtractor(object):
    def extract(self, ova):
        with tarfile.open(fileobj=ova) as tar_file:
            filenames = tar_file.getnames()
            return tar_file.extractfile(filenames[0]), {}


class Importer(object):
    def execute(self, data_iter):
        extractor = OVAImageExtractor()
        disk, properties = extractor.extract(data_iter)  # ok: DS107 the file's own extract, which reads into memory
        other = tarfile.TarFile(fileobj=data_iter)
        other.extract(disk, "/tmp/x")  # expect: DS107 a TarFile
        return properties


def extract_csar_zip_file(file_path, extract_path):
    try:
        with PreserveZipFilePermissions(file_path, 'r') as zf:
            zf.extractall(extract_path)  # ok: DS107 a same-file ZipFile subclass whose _extract_member calls zipfile's
    except (RuntimeError, zipfile.BadZipfile):
        raise
    archive = LoggedZip(file_path)
    archive.extract(  # ok: DS107 an imported ZipFile's subclass, through another same-file subclass
        "TOSCA-Metadata/TOSCA.meta",
        extract_path,
    )
    flat = FlatZip(file_path)
    flat.extractall(extract_path)  # expect: DS107 _extract_member replaced without calling zipfile's
    with ManualZip(file_path) as manual:
        manual.extractall(extract_path)  # ok: DS107 the file's own extractall runs (its own code is judged where it calls a library)
    with TarSubclass(file_path) as tf:
        tf.extractall(extract_path)  # expect: DS107 a tarfile subclass


class PreserveZipFilePermissions(zipfile.ZipFile):
    """Patched _extract_member function of zipFile."""
    def _extract_member(self, member, targetpath, pwd):
        if not isinstance(member, zipfile.ZipInfo):
            member = self.getinfo(member)

        targetpath = super()._extract_member(member, targetpath, pwd)

        attr = member.external_attr >> 16
        if attr != 0:
            os.chmod(targetpath, attr)
        return targetpath


class QuietZip(ZipFile):
    def _extract_member(self, member, targetpath, pwd):
        return super(QuietZip, self)._extract_member(member, targetpath, pwd)


class LoggedZip(QuietZip):
    def open_member(self, name):
        return self.open(name)

    def extractall(self, path=None, members=None, pwd=None):
        return super().extractall(  # ok: DS107 zipfile's extractall, through super()
            path, members, pwd)


class FlatZip(zf_mod.ZipFile):
    def _extract_member(self, member, targetpath, pwd):
        target = os.path.join(targetpath, member.filename)
        with open(target, 'wb') as out:
            out.write(self.read(member))
        return target

    def unpack(self, path):
        self.extractall(path)  # expect: DS107 self's _extract_member does not call zipfile's


class ManualZip(zipfile.ZipFile):
    def extractall(self, path=None, members=None, pwd=None):
        for name in self.namelist():
            self.extract(name, path, pwd)  # ok: DS107 self is a ZipFile subclass that keeps _extract_member


class TarSubclass(tarfile.TarFile):
    pass


# syntribos: members filtered by their resolved path, by a function defined beside the call.
def download_tar(remote_path, tar_file):
    work_dir = os.path.realpath(remote_path)

    def safe_paths(tar_meta):
        for fh in tar_meta:
            each_f = os.path.abspath(os.path.join(work_dir, fh.name))
            if os.path.realpath(each_f).startswith(work_dir):
                yield fh

    def names_only(tar_meta):
        for fh in tar_meta:
            if not os.path.abspath(os.path.join(work_dir, fh.name)).startswith(work_dir):
                raise ValueError(fh.name)
            yield fh

    with tarfile.open(tar_file, mode="r:gz") as tarf:
        tarf.extractall(path=remote_path, members=safe_paths(tarf))  # ok: DS107 members kept by their realpath
    with tarfile.open(tar_file, mode="r:gz") as tarf:
        tarf.extractall(path=remote_path, members=names_only(tarf))  # expect: DS107 abspath only: a link member gets past
    with tarfile.open(tar_file, mode="r:gz") as tarf:
        tarf.extractall(path=remote_path, members=tarf.getmembers())  # expect: DS107 every member


def flash_firmware(compact_firmware_file, get_fw_extractor):
    # proliantutils: the project's own extractor object, from a helper in another module.
    fw_img_extractor = get_fw_extractor(compact_firmware_file)
    raw_fw_file_path, is_extracted = fw_img_extractor.extract()  # ok: DS107 an extract() given no member is no archive's
    return raw_fw_file_path, is_extracted


def unpack_member(upload, dest, wanted):
    archive = tarfile.open(upload)
    archive.extract(  # expect: DS107 the member by keyword, on a TarFile
        member=wanted,
        path=dest,
    )
    tarfile.open(upload).extract(wanted, dest)  # expect: DS107 the member by position, on the archive opened in place



# StarlingX's software patches: members named in the code, and every member of the archive.
from software import constants as sw_constants

detached_signature_file = "signature.v2"


def read_patch(path, dest):
    tar = tarfile.open(path, "r:gz")
    tar.extract("signature", path=dest)  # ok: DS107 a member named in the code: no ../ in its name
    tar.extract(detached_signature_file, path=dest)  # ok: DS107 a module constant names the member
    tar.extract(sw_constants.UPGRADE_UTILS_SCRIPT,
                path=dest)  # ok: DS107 an ALL_CAPS constant of another module names the member
    for f in tar.getmembers():
        if f.name != "signature":
            tar.extract(f, path=dest)  # expect: DS107 each member the archive holds, by its own name


def extract_forwarded(tar, *member_and_path):
    return tar.extract(*member_and_path)  # expect: DS107 whatever member the caller passes on


# hotsos' kernel log parser: `extract` is a method a same-file base class defines, not tarfile's.
class MemFieldsBase(object):
    def extract(self, part, line):
        return part, line


class MemFieldsMain(MemFieldsBase):
    pass


class MemFieldsNodeZoneMem(MemFieldsMain):
    pass


class TarBacked(tarfile.TarFile):
    pass


def parse_oom(oom_kill, current_node, line):
    if not current_node:
        MemFieldsMain().extract(oom_kill, line)  # ok: DS107 the same-file base's extract
    else:
        MemFieldsNodeZoneMem().extract(current_node,  # ok: DS107 two same-file bases up
                                       line)


def unpack_sosreport(path, member, tmpdir):
    TarBacked.open(path).extract(member, tmpdir)  # expect: DS107 a TarFile subclass: tarfile's extract
    TarBacked(path).extract(member, tmpdir)  # expect: DS107 its base is imported: tarfile's extract


# Chameleon's hammers scripts: `extract` of an options reader from the package's own module.
from hammers import MySqlArgs
from hammers.backup import BackupArchive


def main(argv, parser, backup_path, dest):
    mysqlargs = MySqlArgs({"user": "root", "db": "nova"})
    mysqlargs.inject(parser)
    args = parser.parse_args(argv[1:])
    mysqlargs.extract(args)  # ok: DS107 an options reader, not an archive
    backup = BackupArchive(backup_path)
    backup.extract(args.member, dest)  # expect: DS107 a class named for archives
    reader = MySqlArgs(args) if args.db else tarfile.open(backup_path)
    reader.extract(args.member)  # expect: DS107 one branch opens a tar archive


# OSISM's inventory reconciler: one extractor object per kind of NetBox data, made in __init__.
from netbox.extractors import CustomFieldExtractor, FRRExtractor, StartupArchiver


class DeviceDataExtractor:
    def __init__(self, api):
        self.custom_field_extractor = CustomFieldExtractor()
        self.frr_extractor = FRRExtractor(api=api)
        self.archiver = StartupArchiver(api)

    def extract_custom_field(self, device, field_name):
        return self.custom_field_extractor.extract(device, field_name=field_name)  # ok: DS107 a custom field reader made in __init__

    def extract_local_as(self, device):
        reader = CustomFieldExtractor()
        return reader.extract(device, field_name="frr_local_as")  # ok: DS107 a custom field reader

    def extract_frr_parameters(self, device):
        return self.frr_extractor.extract(device, local_as_prefix=4200)  # expect: DS107 another method sets it to whatever it is given

    def restore(self, member, dest):
        return self.archiver.extract(member, dest)  # expect: DS107 a class named for archives

    def replace_reader(self, reader):
        self.frr_extractor = reader


def safe_extract(tar, path):
    # OSISM's netbox-manager: every member's path and link target checked before anything is written.
    base = os.path.abspath(path)
    for member in tar.getmembers():
        target = os.path.abspath(os.path.join(base, member.name))
        if os.path.commonpath([base, target]) != base:
            raise tarfile.TarError(f"Blocked path traversal in tar member: {member.name}")
        if member.issym() or member.islnk():
            link_target = os.path.abspath(os.path.join(base, os.path.dirname(member.name), member.linkname))
            if os.path.commonpath([base, link_target]) != base:
                raise tarfile.TarError(f"Blocked link traversal: {member.name} -> {member.linkname}")
    tar.extractall(path)  # ok: DS107 a bad member raised before extraction


def names_only_extract(tar, path):
    base = os.path.abspath(path)
    for member in tar.getmembers():
        if not os.path.abspath(os.path.join(base, member.name)).startswith(base):
            raise tarfile.TarError(member.name)
    tar.extractall(path)  # expect: DS107 links are not looked at: a symlink member leads out


def skipping_extract(tar, path, LOG):
    base = os.path.abspath(path)
    for member in tar.getmembers():
        if member.issym() or os.path.commonpath([base, os.path.join(base, member.name)]) != base:
            LOG.warning("skipping %s", member.name)
            continue
    tar.extractall(path)  # expect: DS107 the check only logs: every member is still extracted

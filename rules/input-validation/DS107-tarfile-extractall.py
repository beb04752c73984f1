import shutil
import tarfile
import zipfile


def unpack(upload, target, member):
    tar = tarfile.open(upload)
    tar.extractall(target)  # expect: DS107
    tar.extract(member, target)  # expect: DS107
    zipfile.ZipFile(upload).extractall(target)  # expect: DS107
    shutil.unpack_archive(upload, target)  # expect: DS107
    tar.extractall(target, filter="data")  # ok: DS107 data filter
    tar.extract(member, target, filter="tar")  # ok: DS107 tar filter
    shutil.unpack_archive(upload, target, filter="data")  # ok: DS107 filter given
    shutil.copy(upload, target)  # ok: DS107 not an extraction

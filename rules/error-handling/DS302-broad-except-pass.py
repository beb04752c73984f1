import contextlib
import os


def cleanup(paths, conn):
    try:
        conn.close()
    except Exception:  # expect: DS302
        pass
    try:
        os.remove(paths[0])
    except:  # noqa: E722  # expect: DS302
        pass
    for path in paths:
        try:
            os.remove(path)
        except BaseException:  # expect: DS302
            continue
    try:
        conn.rollback()
    except (ValueError, Exception) as e:  # expect: DS302
        # the connection may already be gone
        pass  # nothing to do
    try:
        conn.commit()
    except Exception:  # expect: DS302
        pass
        pass
    try:
        os.remove(paths[1])
    except FileNotFoundError:  # ok: DS302 a specific exception
        pass
    try:
        os.remove(paths[2])
    except Exception:  # ok: DS302 the error is logged
        LOG.debug("could not remove %s", paths[2], exc_info=True)
    try:
        os.remove(paths[3])
    except Exception:  # ok: DS302 something happens before pass
        cleanup_later(paths[3])
        pass
    try:
        os.remove(paths[4])
    except (OSError, IOError):  # ok: DS302 specific exceptions
        pass
    with contextlib.suppress(FileNotFoundError):  # ok: DS302 the intended way to ignore one error
        os.remove(paths[5])
    try:
        conn.close()
    except Exception:  # ok: DS302 a leftover pass, then the error is logged
        pass
        LOG.warning("could not close %s", conn, exc_info=True)

"""Opening and reading one file safely: regular files only, no symlink followed, bounded size.

Every file (the metadata sidecar too) is opened relative to the corpus
folder one path component at a time (``openat`` with ``O_NOFOLLOW``), with
``O_NONBLOCK`` so a named pipe never blocks, and checked against the device
and inode seen when the folder was listed. Any refusal raises
:class:`InputSkipped` with the reason that ends up in ``Corpus.skipped``.
"""

from __future__ import annotations

import errno
import gzip
import os
import stat
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from . import limits
from .limits import megabytes


class InputSkipped(Exception):
    """Internal: this input is skipped with ``reason``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_O_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_O_BINARY = getattr(os, "O_BINARY", 0)
#: open files relative to an open folder (``openat``) so no symlink is followed on the way
_DIR_FD = (
    os.open in os.supports_dir_fd
    and os.scandir in os.supports_fd
    and bool(_O_NOFOLLOW)
    and bool(_O_DIRECTORY)
)
_FILE_FLAGS = os.O_RDONLY | _O_NOFOLLOW | _O_NONBLOCK | _O_CLOEXEC | _O_BINARY
_DIR_FLAGS = os.O_RDONLY | _O_DIRECTORY | _O_NOFOLLOW | _O_CLOEXEC
_KINDS = {
    stat.S_IFIFO: "named pipe",
    stat.S_IFCHR: "character device",
    stat.S_IFBLK: "block device",
    stat.S_IFSOCK: "socket",
    stat.S_IFDIR: "folder",
    stat.S_IFLNK: "symlink",
}


def kind_name(mode: int) -> str:
    """``"named pipe"``, ``"character device"``... for a ``st_mode`` that is not a regular file."""
    return _KINDS.get(stat.S_IFMT(mode), "special file")


def not_regular(mode: int) -> str:
    """The skip reason for a ``st_mode`` that is not a regular file."""
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    return f"not a regular file ({kind_name(mode)}); not read"


def open_reason(exc: OSError, last: bool = True, directory: bool = False) -> str:
    """The skip reason for a failed open of a path component (``last``: the file itself)."""
    code = exc.errno
    if code in (errno.EACCES, errno.EPERM):
        if directory and last:
            return "unreadable folder (permission denied); check its permissions"
        return "unreadable (permission denied); check the file permissions"
    if code in (errno.ELOOP, errno.EMLINK) or (code == errno.ENOTDIR and not last):
        if last and not directory:
            return "changed into a symlink since it was found; not followed"
        return "a folder on its path changed into a symlink since it was found; not followed"
    if code == errno.ENOENT:
        return "disappeared since it was found (moved or deleted while loading)"
    if code == errno.ENXIO:
        return "not a regular file (socket); not read"
    if code == errno.EISDIR:
        return "is a folder, not a file"
    return f"unreadable ({exc.strerror or exc}); check the file"


def open_under(root: str, parts: Sequence[str], *, directory: bool = False) -> int:
    """Open ``root/parts...`` without following a symlink anywhere below ``root``.

    Each component is opened relative to the folder before it (``openat`` with
    ``O_NOFOLLOW``), so a file or folder replaced by a symlink after discovery
    is refused. A file is opened with ``O_NONBLOCK`` (a named pipe never
    blocks). Raises ``InputSkipped`` with the reason.
    """
    if not _DIR_FD:  # pragma: no cover - platforms without openat (Windows)
        final = _DIR_FLAGS if directory else _FILE_FLAGS
        try:
            return os.open(os.path.join(root, *parts), final)
        except OSError as exc:
            raise InputSkipped(open_reason(exc, True, directory)) from None
    fd = _folder_fd(root, parts, directory)
    if not parts:
        return fd
    try:
        return _open_last(fd, parts, directory)
    finally:
        os.close(fd)


def _folder_fd(root: str, parts: Sequence[str], directory: bool) -> int:
    """The open folder that holds ``root/parts`` (``root`` itself when ``parts`` is empty),
    each folder opened relative to the one before it; reasons as :func:`open_under` gives them."""
    try:
        fd = os.open(root, os.O_RDONLY | _O_DIRECTORY | _O_CLOEXEC)
    except OSError as exc:
        raise InputSkipped(open_reason(exc, not parts, True)) from None
    try:
        for name in parts[:-1]:
            try:
                nxt = os.open(name, _DIR_FLAGS, dir_fd=fd)
            except OSError as exc:
                raise InputSkipped(open_reason(exc, False, directory)) from None
            os.close(fd)
            fd = nxt
    except BaseException:
        os.close(fd)
        raise
    return fd


def _open_last(folder: int, parts: Sequence[str], directory: bool) -> int:
    """Open the last component of ``parts`` in the open ``folder`` (no symlink followed)."""
    try:
        return os.open(parts[-1], _DIR_FLAGS if directory else _FILE_FLAGS, dir_fd=folder)
    except OSError as exc:
        raise InputSkipped(open_reason(exc, True, directory)) from None


class Folders:
    """The folders of a batch of files, each opened once (as :func:`open_under` opens
    them) and kept open for the files after it; :meth:`close` them when the batch is done.

    Files are read in path order, so the files of one folder follow each other.
    A folder is opened when its first file of the batch is, so a folder swapped
    for a symlink before that is refused as by :func:`open_under`.
    """

    MAX_OPEN = 32

    def __init__(self) -> None:
        self.fds: dict[tuple[str, tuple[str, ...]], int] = {}

    def open_file(self, root: str, parts: tuple[str, ...]) -> int:
        """:func:`open_under` ``(root, parts)`` for a file (same fd rules, same reasons)."""
        if not _DIR_FD or not parts:  # pragma: no cover - platforms without openat
            return open_under(root, parts)
        key = (root, parts[:-1])
        folder = self.fds.get(key)
        if folder is None:
            folder = _folder_fd(root, parts, False)
            if len(self.fds) >= self.MAX_OPEN:
                self.close()
            self.fds[key] = folder
        return _open_last(folder, parts, False)

    def close(self) -> None:
        for fd in self.fds.values():
            os.close(fd)
        self.fds.clear()


def read_fd(fd: int, gz: bool, ident: tuple[int, int] | None = None) -> bytes:
    """Read an open file (the fd is closed): regular files only, bounded in size."""
    if gz:
        return _read_gzip(fd, ident)
    try:
        st = os.fstat(fd)
        _check_file(st, ident)
        if st.st_size > limits.MAX_FILE_BYTES:
            raise InputSkipped(_too_large_file())
        try:
            # the size seen plus one byte: asking for the limit would allocate it
            # for every file; a file that grew while it is read is read on
            data = _read_upto(fd, st.st_size + 1)
            if len(data) > st.st_size:
                data += _read_upto(fd, limits.MAX_FILE_BYTES + 1 - len(data))
        except OSError as exc:
            raise InputSkipped(open_reason(exc)) from None
        if len(data) > limits.MAX_FILE_BYTES:
            raise InputSkipped(_too_large_file())
        return data
    finally:
        os.close(fd)


def open_fd(fd: int, ident: tuple[int, int] | None = None) -> BinaryIO:
    """An open regular file (not gzip) as a binary file object to read in parts, refused as
    :func:`read_fd` refuses it (not regular, replaced since discovery, over the size limit)."""
    try:
        st = os.fstat(fd)
        _check_file(st, ident)
        if st.st_size > limits.MAX_FILE_BYTES:
            raise InputSkipped(_too_large_file())
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _read_upto(fd: int, n: int) -> bytes:
    """Up to ``n`` bytes of ``fd`` (fewer only at the end of the file), 16 MB per read."""
    chunks: list[bytes] = []
    while n > 0:
        chunk = os.read(fd, min(n, 1 << 24))
        if not chunk:
            break
        chunks.append(chunk)
        n -= len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _check_file(st: os.stat_result, ident: tuple[int, int] | None) -> None:
    if not stat.S_ISREG(st.st_mode):
        raise InputSkipped(not_regular(st.st_mode))
    if ident is not None and (st.st_dev, st.st_ino) != ident:
        raise InputSkipped("replaced by another file since it was found; not read (load again)")


def _read_gzip(fd: int, ident: tuple[int, int] | None) -> bytes:
    """Read and decompress an open gzip file (the fd is closed), bounded in size."""
    with os.fdopen(fd, "rb") as fh:
        _check_file(os.fstat(fh.fileno()), ident)
        try:
            chunks: list[bytes] = []
            total = 0
            with gzip.GzipFile(fileobj=fh, mode="rb") as gzf:
                while True:
                    chunk = gzf.read(1 << 20)
                    if not chunk:
                        break
                    total += len(chunk)
                    if total > limits.MAX_DECOMPRESSED_BYTES:
                        raise InputSkipped(
                            f"gzip too large when decompressed (> {megabytes(limits.MAX_DECOMPRESSED_BYTES)} "
                            "limit); decompress and split it first"
                        )
                    chunks.append(chunk)
            return b"".join(chunks)
        except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
            raise InputSkipped(
                f"not a valid gzip file ({exc}); re-compress it or remove .gz"
            ) from None
        except OSError as exc:
            raise InputSkipped(open_reason(exc)) from None


def _too_large_file() -> str:
    return (
        f"file too large (> {megabytes(limits.MAX_FILE_BYTES)} limit); split it into smaller files"
    )


def read_bytes(path: Path, gz: bool) -> bytes:
    """Read a file named by the user (symlinks followed): regular files only, bounded."""
    return read_fd(open_named(path), gz)


def open_named(path: Path) -> int:
    """Open a file named by the user (symlinks followed) for reading; InputSkipped if it fails."""
    try:
        return os.open(path, os.O_RDONLY | _O_NONBLOCK | _O_CLOEXEC | _O_BINARY)
    except OSError as exc:
        raise InputSkipped(open_reason(exc)) from None


def list_dir(root: str, parts: tuple[str, ...]) -> list[tuple[str, os.stat_result | OSError]]:
    """Names in the folder ``root/parts`` with their ``lstat`` (or the error for that name)."""
    out: list[tuple[str, os.stat_result | OSError]] = []
    if _DIR_FD:
        fd = open_under(root, parts, directory=True)
        try:
            with os.scandir(fd) as it:
                for e in it:
                    try:
                        out.append((e.name, e.stat(follow_symlinks=False)))
                    except OSError as exc:
                        out.append((e.name, exc))
        finally:
            os.close(fd)
        return out
    folder = os.path.join(root, *parts)  # platforms without openat (Windows)
    with os.scandir(folder) as it:
        for e in it:
            try:
                out.append((e.name, os.lstat(os.path.join(folder, e.name))))
            except OSError as exc:
                out.append((e.name, exc))
    return out

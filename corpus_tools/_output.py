"""Output folders that cannot destroy: checks, a lock and an atomic replace.

``corpus-tools clean --out`` and ``corpus-tools report --out`` (and
:func:`corpus_tools.report.run_report`) write through :func:`output_folder`:

* the output folder must not be the corpus folder, inside it or above it (for
  a corpus file, its folder counts), and must not hold an input notebook;
* a folder that exists and is not empty is used only when the package created
  it (it holds the marker file :data:`MARKER`, JSON with ``kind`` and
  ``version``), of the same kind, and ``overwrite=True``; a folder with other
  files in it is never written into or removed, whatever the options;
* everything is written into a temporary sibling folder
  (``.NAME.tmp-PID``) that replaces the output only once it is complete, so
  a run that is killed leaves the previous complete output (or nothing);
* a lock file beside the output (``.NAME.corpus-tools.lock``, created with
  ``O_EXCL``, holding the pid and host) stops a second run into the same
  folder; a lock left by a process that no longer runs is removed.

The marker also tells the corpus loader to skip the folder, so an output is
never read back as input.
"""

from __future__ import annotations

import errno
import json
import os
import re
import secrets
import shutil
import socket
import stat
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from .errors import CorpusLoadError, CorpusValueError

__all__ = ["MARKER", "output_folder", "check_output", "read_marker", "new_file", "whole_file"]

MARKER = ".corpus-tools-output"
_STALE_UNREADABLE_S = 10.0


def new_file(path: str | os.PathLike[str], *, overwrite: bool = False, arg: str = "path") -> Path:
    """Return ``path`` as a Path after checking that writing it destroys nothing.

    A folder is never a file to write; an existing file (or a symbolic link,
    even one whose target is gone) is replaced only with ``overwrite=True``;
    the parent folder must exist.

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> new_file(d / "t.csv").name
    't.csv'
    >>> new_file(d)
    Traceback (most recent call last):
    ...
    corpus_tools.errors.CorpusValueError: path=... is a folder; give a file path inside it, e.g. ....csv.
    >>> _ = (d / "mine.csv").write_text("x")
    >>> new_file(d / "mine.csv" / "sub.csv")
    Traceback (most recent call last):
    ...
    corpus_tools.errors.CorpusValueError: path=...: '...mine.csv' is a file, not a folder; give a path in a folder, e.g. ...sub.csv.
    """
    out = Path(path)
    if out.is_dir():
        raise CorpusValueError(
            f"{arg}={str(out)!r} is a folder; give a file path inside it, e.g. {str(out / 'table')}.csv."
        )
    if not overwrite and os.path.islink(out) and not out.exists():
        raise CorpusValueError(
            f"{arg}={str(out)!r} is a symbolic link to {os.readlink(out)!r}, which does not exist; "
            "give a new file name, or pass overwrite=True to replace the link (its target is "
            "not created)."
        )
    if out.exists() and not overwrite:
        raise CorpusValueError(
            f"{arg}={str(out)!r} already exists and would be overwritten; give a new file name, "
            "or pass overwrite=True to replace it."
        )
    _check_parent(out, arg)
    return out


def _check_parent(out: Path, arg: str) -> None:
    """Refuse a path whose folder does not exist, naming the part of it that is a file."""
    if out.parent.is_dir():
        return
    above = out.parent
    while not os.path.lexists(above) and above != above.parent:
        above = above.parent
    if os.path.lexists(above) and not above.is_dir():
        raise CorpusValueError(
            f"{arg}={str(out)!r}: {str(above)!r} is a file, not a folder; give a path in a "
            f"folder, e.g. {str(above.parent / out.name)}."
        )
    raise CorpusValueError(
        f"{arg}={str(out)!r}: the folder {str(out.parent)!r} does not exist; create it first."
    )


@contextmanager
def whole_file(
    path: str | os.PathLike[str],
    *,
    overwrite: bool = False,
    arg: str = "path",
    text: bool = False,
    what: str = "file",
) -> Iterator[IO[Any]]:
    """Write ``path`` whole or not at all: yield a handle on a hidden ``.part`` file beside it.

    The part file takes the final name only when the body returns, so Ctrl-C,
    a full disk or an error leaves no half file under that name (and, with
    ``overwrite=True``, the old file as it was). A symbolic link at ``path``
    is replaced, never written through; without ``overwrite`` a file made at
    ``path`` meanwhile is not replaced. ``text``: a UTF-8 text handle
    (``newline=""``), else binary. Errors name the path (and ``what`` it was).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> with whole_file(d / "a.bin") as fh:
    ...     _ = fh.write(b"ok")
    >>> (d / "a.bin").read_bytes(), sorted(p.name for p in d.iterdir())
    (b'ok', ['a.bin'])
    >>> with whole_file(d / "b.bin") as fh:
    ...     _ = fh.write(b"half")
    ...     raise RuntimeError("stopped half way")
    Traceback (most recent call last):
    ...
    RuntimeError: stopped half way
    >>> sorted(p.name for p in d.iterdir())
    ['a.bin']
    """
    target = new_file(path, overwrite=overwrite, arg=arg)
    _check_regular(target, arg)
    hidden = str(target.parent / f".{target.name}.{secrets.token_hex(6)}.part")
    part: str | None = hidden  # None once moved into place
    claimed = False
    try:
        fd = os.open(hidden, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # mode as open() makes
        with os.fdopen(fd, "w" if text else "wb", **_TEXT if text else {}) as fh:
            yield fh
        if not overwrite:  # claim the name: fails if a file appeared since new_file checked
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
            claimed = True
        os.replace(hidden, target)
        part, claimed = None, False
    except FileExistsError:
        raise CorpusValueError(
            f"{arg}={str(target)!r} already exists and would be overwritten (it appeared while "
            "it was written); give a new file name, or pass overwrite=True to replace it."
        ) from None
    except OSError as exc:
        raise CorpusValueError(
            f"{arg}={str(target)!r}: the {what} could not be written ({exc.strerror or exc}); "
            "nothing was written there. Choose a folder you can write to, with room for it."
        ) from None
    finally:
        if part is not None and os.path.exists(part):
            os.unlink(part)
        if claimed:  # the empty file that held the name
            os.unlink(target)


_TEXT: dict[str, Any] = {"encoding": "utf-8", "newline": ""}


def _check_regular(target: Path, arg: str) -> None:
    """Refuse a path that exists as something other than a file (a device, a pipe, a socket):
    replacing ``/dev/null`` or a named pipe with a file would destroy it."""
    try:
        mode = os.lstat(target).st_mode
    except OSError:
        return  # nothing there yet
    if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
        raise CorpusValueError(
            f"{arg}={str(target)!r} is not a regular file (a device, pipe or socket); give the "
            f"path of a new {target.suffix or '.csv'} file."
        )


def _marker_text(kind: str) -> str:
    from . import __version__

    return json.dumps(
        {"created_by": "corpus_tools", "kind": kind, "version": __version__}, sort_keys=True
    )


def read_marker(folder: Path) -> dict[str, str] | None:
    """Return the marker of a package-created folder, or None when there is none."""
    path = folder / MARKER
    if not path.is_file() or path.is_symlink():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"kind": "unknown", "version": "unknown"}
    if not isinstance(data, dict):
        return {"kind": "unknown", "version": "unknown"}
    return {str(k): str(v) for k, v in data.items()}


def _root_of(path: Path) -> Path:
    return path if path.is_dir() else path.parent


def _resolved(path: str | os.PathLike[str]) -> Path:
    """``path`` resolved; a symlink loop (which the loader reports) as its absolute path."""
    try:
        return Path(path).expanduser().resolve()
    except (RuntimeError, OSError):
        return Path(os.path.abspath(Path(path).expanduser()))


def _resolve_out(out: str | os.PathLike[str], flag: str) -> Path:
    if not str(out).strip():
        raise CorpusValueError(
            f"{flag} is empty; give the folder to write to, e.g. {flag} my_report."
        )
    target = Path(out).expanduser().resolve()
    try:
        os.lstat(target)
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            longest = max(len(part) for part in target.parts)
            shown = str(out) if len(str(out)) <= 80 else str(out)[:60] + "..."
            raise CorpusValueError(
                f"{flag} {shown}: the name is too long for the file system ({longest} "
                f"characters in one name, {len(str(target))} in the whole path); choose a "
                "shorter name."
            ) from None
    return target


def check_output(
    out: str | os.PathLike[str],
    *,
    kind: str,
    corpus: str | os.PathLike[str],
    overwrite: bool = False,
    inputs: Iterable[str | os.PathLike[str]] = (),
    flag: str = "--out",
) -> Path:
    """Return the resolved output folder after checking that writing there is safe.

    Raises ``CorpusValueError`` (one plain sentence naming the folder and the
    fix) when the folder is, contains or lies inside the corpus folder, holds
    one of ``inputs``, is a file, or is not empty and was not created by the
    package (or was, but ``overwrite`` is false).
    """
    target = _resolve_out(out, flag)
    source = _resolved(corpus)
    root = _root_of(source)
    where = None
    suggest = root.parent / f"{root.name}-{kind}"
    if source.is_file():  # one file: it and the folders holding it, not its siblings
        root, suggest = source, source.parent / f"{source.stem}-{kind}"
        if target == source:
            where = "is the corpus file"
        elif target in source.parents:
            where = "contains the corpus file"
    elif target == root:
        where = "is the corpus folder"
    elif root in target.parents:
        where = "is inside the corpus folder"
    elif target in root.parents:
        where = "contains the corpus folder"
    if where:
        raise CorpusValueError(
            f"{flag} {out}: the output folder {where} {root}; the package never writes "
            f"into its input. Choose a folder outside it, e.g. {flag} {suggest}."
        )
    for item in inputs:
        p = _resolved(item)
        if p == target or target in p.parents:
            raise CorpusValueError(
                f"{flag} {out}: the output folder holds the input {p}; choose another folder."
            )
    _check_not_in_output(target, out, flag)
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise CorpusValueError(
            f"{flag} {out}: this is a file, not a folder; choose a folder name that is free."
        )
    if target.is_dir():
        try:
            has_files = any(True for _ in os.scandir(target))
        except OSError as exc:
            raise CorpusValueError(
                f"{flag} {out}: the folder cannot be listed ({exc.strerror}); choose another."
            ) from None
        if has_files:
            marker = read_marker(target)
            if marker is None:
                raise CorpusValueError(
                    f"{flag} {out}: the folder is not empty and was not written by corpus-tools "
                    f"(no {MARKER} file); the package never writes into or deletes a folder "
                    "holding other files, even with --overwrite. Choose a new or empty folder."
                )
            if marker.get("kind") != kind:
                raise CorpusValueError(
                    f"{flag} {out}: the folder holds corpus-tools {marker.get('kind')!s} output, "
                    f"not a {kind} output; choose another folder."
                )
            if not overwrite:
                raise CorpusValueError(
                    f"{flag} {out}: the folder holds an earlier corpus-tools {kind} output; "
                    "pass --overwrite (overwrite=True) to replace it, or choose another folder."
                )
    _check_writable(target, out, flag)
    _check_not_locked(target)
    return target


def _check_not_in_output(target: Path, out: str | os.PathLike[str], flag: str) -> None:
    """Refuse a folder inside an earlier output: replacing that one would delete this one."""
    for above in target.parents:
        marker = read_marker(above)
        if marker is not None:
            raise CorpusValueError(
                f"{flag} {out}: the folder is inside {above}, an earlier corpus-tools "
                f"{marker.get('kind')} output, which a run with --overwrite replaces whole; "
                f"choose a folder outside it, e.g. {flag} {above.parent / target.name}."
            )


def _check_not_locked(target: Path) -> None:
    """Refuse at once an output another live run is writing (not after a long load)."""
    lock = _lock_path(target)
    if not lock.exists():
        return
    data = _read_lock(lock)
    if data is not None and data.get("pid") == os.getpid():
        return  # our own lock: the check repeated under it
    stale, holder = _lock_is_stale(lock)
    if not stale:
        raise _busy(target, holder, lock)


def _busy(target: Path, holder: str, lock: Path) -> CorpusLoadError:
    """The error for an output folder another live run is writing (its lock file)."""
    return CorpusLoadError(
        f"{target}: another corpus-tools run ({holder}) is writing this folder "
        f"(lock file {lock}); wait for it to finish, or delete the lock file if no run is active."
    )


def _check_writable(target: Path, out: str | os.PathLike[str], flag: str) -> None:
    """Refuse, before any work, an output whose nearest existing folder cannot be written.

    A probe file is created and removed there (permissions alone do not tell:
    root may write anywhere but ``/proc``, a read-only mount refuses everyone).
    """
    import tempfile

    folder = target.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        raise CorpusValueError(
            f"{flag} {out}: {folder} is a file, not a folder; choose a folder path that does "
            "not go through a file."
        )
    try:
        fd, probe = tempfile.mkstemp(prefix=".corpus-tools-probe-", dir=folder)
    except OSError as exc:
        raise CorpusValueError(
            f"{flag} {out}: cannot write in {folder} ({exc.strerror or exc}); "
            "choose a folder you can write to."
        ) from None
    os.close(fd)
    os.unlink(probe)


# the disk or quota is full, a file is too large, the file system is read-only
_NO_ROOM = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS}


def _no_room(exc: OSError, out: str | os.PathLike[str], flag: str) -> CorpusLoadError:
    """The error for an output that could not be written for lack of room (or a read-only disk).

    >>> print(_no_room(OSError(errno.ENOSPC, "No space left on device", "r/x.csv"), "r", "--out"))
    --out r: the output could not be written (No space left on device, writing r/x.csv); nothing was written and the partial copy was removed (an earlier output is kept). Free some space, or choose a folder on a disk with room.
    """
    what = exc.strerror or type(exc).__name__
    if exc.filename:
        what += f", writing {exc.filename}"
    fix = (
        "choose a folder on a writable disk"
        if exc.errno == errno.EROFS
        else "Free some space, or choose a folder on a disk with room"
    )
    return CorpusLoadError(
        f"{flag} {out}: the output could not be written ({what}); nothing was written and the "
        f"partial copy was removed (an earlier output is kept). {fix[0].upper()}{fix[1:]}."
    )


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":  # os.kill(pid, 0) would terminate the process on Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return True
    return True


def _lock_path(target: Path) -> Path:
    return target.parent / f".{target.name}.corpus-tools.lock"


def _read_lock(lock: Path) -> dict[str, object] | None:
    try:
        data = json.loads(lock.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _lock_is_stale(lock: Path) -> tuple[bool, str]:
    """Return (stale, description of the holder)."""
    data = _read_lock(lock)
    if data is None:
        try:
            age = time.time() - lock.stat().st_mtime
        except FileNotFoundError:
            return True, "a run that has ended"
        return age > _STALE_UNREADABLE_S, "another run (lock file being written)"
    pid = data.get("pid")
    host = str(data.get("host", ""))
    pid_n = pid if isinstance(pid, int) else -1
    if host and host != socket.gethostname():
        return False, f"process {pid_n} on host {host}"
    return not _pid_alive(pid_n), f"process {pid_n}"


@contextmanager
def _lock(target: Path) -> Iterator[None]:
    lock = _lock_path(target)
    payload = json.dumps({"pid": os.getpid(), "host": socket.gethostname()})
    for _attempt in range(3):
        try:
            fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            stale, holder = _lock_is_stale(lock)
            if not stale:
                raise _busy(target, holder, lock) from None
            try:
                lock.unlink()
            except FileNotFoundError:
                pass
            continue
        except OSError as exc:
            raise CorpusLoadError(
                f"{target}: cannot create the lock file {lock} ({exc.strerror}); check that "
                "the folder above the output is writable."
            ) from None
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(payload)
        except OSError as exc:  # a full disk: leave no empty lock behind
            lock.unlink(missing_ok=True)
            if exc.errno in _NO_ROOM:
                raise _no_room(exc, target, "--out") from None
            raise
        break
    else:
        raise CorpusLoadError(f"{target}: could not take the lock {lock}; try again.")
    try:
        yield
    finally:
        data = _read_lock(lock)
        if data is not None and data.get("pid") == os.getpid():
            try:
                lock.unlink()
            except FileNotFoundError:
                pass


def _siblings(target: Path, tag: str) -> list[Path]:
    pattern = re.compile(rf"\.{re.escape(target.name)}\.{tag}-[0-9]+")
    try:
        found = [p for p in target.parent.iterdir() if pattern.fullmatch(p.name)]
    except OSError:
        return []
    return sorted(found, key=lambda p: p.name)


def _recover(target: Path, kind: str) -> None:
    """Under the lock: restore or clear what a killed earlier run left behind."""
    olds = [p for p in _siblings(target, "old") if (read_marker(p) or {}).get("kind") == kind]
    if not target.exists() and olds:
        # killed between moving the old output aside and moving the new one in
        newest = max(olds, key=lambda p: p.stat().st_mtime)
        os.rename(newest, target)
        olds.remove(newest)
    for p in olds + _siblings(target, "tmp"):
        if p.is_dir() and not p.is_symlink() and read_marker(p) is not None:
            shutil.rmtree(p, ignore_errors=True)


def _commit(tmp: Path, target: Path) -> None:
    old: Path | None = None
    if target.is_dir():
        try:
            target.rmdir()  # an empty folder
        except OSError as exc:
            if exc.errno not in (errno.ENOTEMPTY, errno.EEXIST):
                raise
            old = target.parent / f".{target.name}.old-{os.getpid()}"
            if old.exists():
                shutil.rmtree(old)
            os.rename(target, old)
    os.rename(tmp, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


@contextmanager
def output_folder(
    out: str | os.PathLike[str],
    *,
    kind: str,
    corpus: str | os.PathLike[str],
    overwrite: bool = False,
    inputs: Iterable[str | os.PathLike[str]] = (),
    flag: str = "--out",
) -> Iterator[Path]:
    """Yield a fresh temporary folder; on success it replaces ``out`` as a whole.

    The checks of :func:`check_output` run before and again under the lock.
    If the body raises (or the process is killed), ``out`` is left as it was.
    """
    inputs = list(inputs)
    target = check_output(
        out, kind=kind, corpus=corpus, overwrite=overwrite, inputs=inputs, flag=flag
    )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CorpusLoadError(
            f"{flag} {out}: cannot create {target.parent} ({exc.strerror})."
        ) from None
    with _lock(target):
        _recover(target, kind)
        check_output(out, kind=kind, corpus=corpus, overwrite=overwrite, inputs=inputs, flag=flag)
        tmp = target.parent / f".{target.name}.tmp-{os.getpid()}"
        if tmp.exists():
            shutil.rmtree(tmp)
        try:
            tmp.mkdir()
            (tmp / MARKER).write_text(_marker_text(kind), encoding="utf-8")
            yield tmp
        except OSError as exc:
            shutil.rmtree(tmp, ignore_errors=True)
            if exc.errno in _NO_ROOM:
                raise _no_room(exc, out, flag) from None
            raise
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        _commit(tmp, target)

"""The one place files are kept: originals, page images, previews and published parts.

Uploads are hostile input, so names are always made here (never taken from the upload), every key is
checked against a strict pattern and must resolve inside the root, and writes are atomic (a temporary
file in the same folder, fsync, rename): a crash leaves the old file or the new one, never half of one.
Nothing in this module decides who may read a file; originals are only ever read by officer code.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import shutil
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_.-]*)*$")


class StorageError(Exception):
    """A key that is malformed or points outside the store."""


class Storage:
    def __init__(self, root: str | os.PathLike):
        self.root = Path(root).resolve()
        self.root.mkdir(parents=True, exist_ok=True)

    @staticmethod
    def new_key(folder: str, suffix: str = ".pdf") -> str:
        """A fresh server-made key such as ``originals/3f2a….pdf``."""
        return f"{folder}/{secrets.token_hex(16)}{suffix}"

    def path(self, key: str) -> Path:
        if not isinstance(key, str) or ".." in key or not _KEY.match(key):
            raise StorageError("invalid storage key")
        path = (self.root / key).resolve()
        if not path.is_relative_to(self.root) or path == self.root:
            raise StorageError("storage key outside the store")
        return path

    def write(self, key: str, data: bytes) -> Path:
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return path

    def read(self, key: str) -> bytes:
        return self.path(key).read_bytes()

    def exists(self, key: str | None) -> bool:
        return bool(key) and self.path(key).is_file()

    def size(self, key: str) -> int:
        return self.path(key).stat().st_size

    def delete(self, key: str | None) -> None:
        if key:
            self.path(key).unlink(missing_ok=True)

    def delete_folder(self, key: str) -> None:
        """Remove a whole folder such as ``cache/12`` (page images of one paper). A worker may still be writing a
        page image into it (a discard while the review page renders): the folder is first moved aside under a
        name nothing writes to, then removed, again if a file landed in it meanwhile; a folder a late writer made
        again is removed the same way."""
        path = self.path(key)
        for _ in range(3):
            if not path.is_dir():
                return
            doomed = path.with_name(f".{path.name}.deleting-{secrets.token_hex(6)}")
            try:
                path.rename(doomed)
            except FileNotFoundError:
                return
            for attempt in range(5):
                try:
                    shutil.rmtree(doomed)
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    if attempt == 4:
                        raise

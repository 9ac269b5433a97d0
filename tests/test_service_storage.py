"""The storage class: server-made names, nothing outside its root, atomic writes."""

import pytest

from service.infra.storage import Storage, StorageError


def test_new_keys_are_server_made_and_distinct():
    a, b = Storage.new_key("originals"), Storage.new_key("originals")
    assert a != b and a.startswith("originals/") and a.endswith(".pdf")


def test_write_read_delete(tmp_path):
    store = Storage(tmp_path / "files")
    key = store.new_key("parts")
    store.write(key, b"%PDF-1.7 data")
    assert store.read(key) == b"%PDF-1.7 data" and store.exists(key) and store.size(key) == 13
    store.write(key, b"new")
    assert store.read(key) == b"new"
    assert not [p for p in store.path(key).parent.iterdir() if p.name.startswith(".tmp-")]
    store.delete(key)
    assert not store.exists(key)


@pytest.mark.parametrize("key", [
    "../secret", "originals/../../etc/passwd", "/etc/passwd", "originals/..", "..", "",
    "originals//x.pdf", "Originals/x.pdf", "originals/x.pdf\x00", "originals\\..\\x", ".hidden/x",
    "originals/.tmp-x", "originals/%2e%2e/x",
])
def test_keys_outside_or_malformed_are_refused(tmp_path, key):
    store = Storage(tmp_path / "files")
    with pytest.raises(StorageError):
        store.path(key)


def test_symlink_out_of_the_root_is_refused(tmp_path):
    store = Storage(tmp_path / "files")
    (tmp_path / "outside").mkdir()
    (store.root / "link").symlink_to(tmp_path / "outside")
    with pytest.raises(StorageError):
        store.path("link/x.pdf")


def test_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    store = Storage(tmp_path / "files")
    key = store.new_key("parts")
    store.write(key, b"old")

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(OSError):
        store.write(key, b"new")
    assert store.read(key) == b"old"
    assert [p.name for p in store.path(key).parent.iterdir()] == [store.path(key).name]

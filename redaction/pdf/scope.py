"""The resources one content stream uses: looked up in the original dictionary, rebuilt with only the
names the rewritten content still uses (so nothing the page no longer draws — another page's image in a
shared dictionary, a font only removed text used — is carried into the output)."""

from __future__ import annotations

import pikepdf

CATEGORIES = ("/Font", "/XObject", "/ExtGState", "/ColorSpace", "/Pattern", "/Shading")


class Scope:
    def __init__(self, resources: pikepdf.Object | None):
        self.original = resources if isinstance(resources, pikepdf.Dictionary) else pikepdf.Dictionary()
        self.used: dict[str, set[str]] = {}
        self.added: dict[str, dict[str, pikepdf.Object]] = {}

    def lookup(self, category: str, name: str) -> pikepdf.Object | None:
        if name in self.added.get(category, {}):
            return self.added[category][name]
        group = self.original.get(category)
        if isinstance(group, pikepdf.Dictionary) and name in group:
            return group[name]
        return None

    def use(self, category: str, name: str) -> None:
        if self.lookup(category, name) is not None:
            self.used.setdefault(category, set()).add(name)

    def add(self, category: str, obj: pikepdf.Object, stem: str = "/Rd") -> str:
        """Give ``obj`` a fresh name in ``category`` and return it."""
        group = self.original.get(category)
        taken = set(group.keys()) if isinstance(group, pikepdf.Dictionary) else set()
        taken |= set(self.added.get(category, {}))
        n = len(taken)
        while f"{stem}{n}" in taken:
            n += 1
        name = f"{stem}{n}"
        self.added.setdefault(category, {})[name] = obj
        return name

    def signature(self) -> tuple:
        """What the rebuilt dictionary will hold, for de-duplicating identical rewritten forms."""
        items = []
        for category, names in self.used.items():
            for name in names:
                obj = self.lookup(category, name)
                items.append((category, name, obj.objgen if obj is not None else None))
        for category, group in self.added.items():
            for name, obj in group.items():
                items.append((category, name, obj.objgen))
        return tuple(sorted(items, key=repr))

    def build(self) -> pikepdf.Dictionary:
        out = pikepdf.Dictionary()
        for category in CATEGORIES:
            entries = {name: self.lookup(category, name) for name in sorted(self.used.get(category, ()))}
            entries.update(self.added.get(category, {}))
            if entries:
                out[category] = pikepdf.Dictionary(entries)
        if "/ProcSet" in self.original:
            out.ProcSet = self.original.ProcSet
        return out

"""The registry that plugins fill through the ``briefing_register`` hook: every reader, extractor,
exporter, issue taxonomy and engine, each under a name, with the plugin that registered it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from attrs import field, frozen

from ..errors import BriefingError, DuplicateNameError, PluginError, UnknownNameError
from .interfaces import STAGES, Engine, Exporter, Extractor, Reader

__all__ = ["Registered", "Registry"]

KINDS = ("reader", "exporter", "taxonomy", "engine") + tuple(f"{stage} extractor" for stage in STAGES)
T = TypeVar("T")


def _members(protocol: type) -> list[str]:
    """The attributes and methods a protocol asks for, in the order it declares them."""
    methods = [name for name, value in vars(protocol).items() if callable(value) and not name.startswith("_")]
    return [*protocol.__annotations__, *methods]


def _check(obj: object, protocol: type) -> None:
    """Refuse a part lacking what its protocol asks for, naming each missing attribute."""
    missing = [name for name in _members(protocol) if not hasattr(obj, name)]
    if missing:
        what = getattr(obj, "name", None) or type(obj).__name__
        raise TypeError(
            f"{protocol.__name__.lower()} {what!r} has no {', '.join(missing)} "
            f"(a {protocol.__name__} needs {', '.join(_members(protocol))}; see briefing.plugin.interfaces.{protocol.__name__})"
        )


@frozen
class Registered:
    """One named part and where it came from."""

    kind: str
    name: str
    obj: Any = field(repr=False)
    plugin: str
    version: str | None = None

    def call(self, call: Callable[[], T]) -> T:
        """Run ``call``, which goes into this part's plugin code. Every call into plugin code goes
        through here (or :meth:`stream`): an exception that is not one of briefing's own (or an
        ``OSError`` reading a file) becomes a :class:`PluginError` naming the plugin, the kind of
        part and its name."""
        return next(self.stream(lambda: iter((call(),))))

    def stream(self, make: Callable[[], Iterator[T]]) -> Iterator[T]:
        """The items of the iterator ``make`` returns, each step guarded as :meth:`call` says."""
        items: Iterator[T] | None = None
        while True:
            try:
                if items is None:
                    items = iter(make())
                item = next(items)
            except StopIteration:
                return
            except (BriefingError, OSError):
                raise
            except Exception as error:
                raise PluginError(self.plugin, self.kind, self.name, error) from error
            yield item


class Registry:
    """Named parts by kind. Plugins see it through :meth:`for_plugin`, which records who adds what.

    Plain registrations are collected first and replacements (``replace=True``) applied after
    them, so the outcome never depends on the order plugins were installed or loaded in.
    """

    def __init__(self) -> None:
        self._parts: dict[str, dict[str, Registered]] = {kind: {} for kind in KINDS}
        self._replacements: dict[tuple[str, str], Registered] = {}

    def for_plugin(self, plugin: str, version: str | None = None) -> PluginRegistry:
        return PluginRegistry(self, plugin, version)

    def _add(self, entry: Registered, replace: bool) -> None:
        if entry.kind not in self._parts:
            raise ValueError(f"unknown kind of part {entry.kind!r}; known: {', '.join(KINDS)}")
        if not entry.name or not isinstance(entry.name, str):
            raise ValueError(f"a {entry.kind} needs a non-empty string name, got {entry.name!r}")
        if replace:
            earlier = self._replacements.get((entry.kind, entry.name))
            if earlier is not None and earlier.plugin != entry.plugin:
                raise DuplicateNameError(entry.kind, entry.name, earlier.plugin, entry.plugin)
            self._replacements[(entry.kind, entry.name)] = entry
            return
        earlier = self._parts[entry.kind].get(entry.name)
        if earlier is not None:
            raise DuplicateNameError(entry.kind, entry.name, earlier.plugin, entry.plugin)
        self._parts[entry.kind][entry.name] = entry

    def apply_replacements(self) -> None:
        """Let each ``replace=True`` registration take over its name. Called once, after loading."""
        for (kind, name), entry in sorted(self._replacements.items()):
            self._parts[kind][name] = entry
        self._replacements.clear()

    def get(self, kind: str, name: str) -> Registered:
        try:
            return self._parts[kind][name]
        except KeyError:
            raise UnknownNameError(kind, name, self._parts.get(kind, {})) from None

    def names(self, kind: str) -> list[str]:
        return sorted(self._parts[kind])

    def entries(self, kind: str | None = None) -> Iterator[Registered]:
        for each in (kind,) if kind else KINDS:
            yield from (self._parts[each][name] for name in sorted(self._parts[each]))


class PluginRegistry:
    """The registry as one plugin sees it: what it adds is recorded under its name.

    Each ``add_*`` method raises :class:`briefing.errors.DuplicateNameError` when another plugin
    holds the name already, unless ``replace=True`` says the plugin means to take it over.
    """

    def __init__(self, registry: Registry, plugin: str, version: str | None) -> None:
        self._registry, self.plugin, self.version = registry, plugin, version
        self._pending: list[tuple[Registered, bool]] = []

    def _add(self, kind: str, name: str, obj: object, replace: bool) -> None:
        self._pending.append((Registered(kind, name, obj, self.plugin, self.version), replace))

    def commit(self) -> None:
        """Add what the plugin registered, once its hook has returned: a plugin that fails halfway
        leaves nothing behind."""
        for entry, replace in self._pending:
            self._registry._add(entry, replace)
        self._pending.clear()

    def add_reader(self, reader: Any, *, replace: bool = False) -> None:
        """Add a :class:`briefing.plugin.interfaces.Reader`, under its ``name``."""
        _check(reader, Reader)
        self._add("reader", reader.name, reader, replace)

    def add_extractor(self, extractor: Any, *, replace: bool = False) -> None:
        """Add a :class:`briefing.plugin.interfaces.Extractor` for its ``stage``, under its ``name``."""
        _check(extractor, Extractor)
        if extractor.stage not in STAGES:
            raise ValueError(
                f"extractor {extractor.name!r} names an unknown stage {extractor.stage!r}; "
                f"stages: {', '.join(STAGES)}"
            )
        self._add(f"{extractor.stage} extractor", extractor.name, extractor, replace)

    def add_exporter(self, exporter: Any, *, replace: bool = False) -> None:
        """Add a :class:`briefing.plugin.interfaces.Exporter`, under its ``name``."""
        _check(exporter, Exporter)
        self._add("exporter", exporter.name, exporter, replace)

    def add_taxonomy(self, name: str, path: str | Path, *, replace: bool = False) -> None:
        """Add an issue taxonomy file (see docs/issues.md for its format) under ``name``."""
        self._add("taxonomy", name, Path(path), replace)

    def add_engine(self, engine: Any, *, replace: bool = False) -> None:
        """Add a :class:`briefing.interfaces.Engine` (where extraction runs), under its ``name``."""
        _check(engine, Engine)
        self._add("engine", engine.name, engine, replace)

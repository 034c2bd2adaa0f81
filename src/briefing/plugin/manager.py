"""Building a plugin manager: the built-in plugins, the ``briefing`` entry points, and the registry
they fill. Nothing happens at import time; every :class:`PluginManager` is built fresh."""

from __future__ import annotations

import importlib
import os
import warnings
from collections.abc import Iterable, Iterator
from importlib import metadata
from typing import Any

import pluggy
from attrs import frozen

from ..errors import PluginError, PluginWarning
from . import hookspecs
from .registry import Registered, Registry

__all__ = ["BUILTIN_PLUGINS", "ENTRY_POINT_GROUP", "PluginInfo", "PluginManager"]

ENTRY_POINT_GROUP = "briefing"
#: Set to any non-empty value to stop plugins installed through entry points from loading.
AUTOLOAD_ENV = "BRIEFING_DISABLE_PLUGIN_AUTOLOAD"
#: Comma-separated names of plugins not to load (entry-point names or built-in module names).
BLOCK_ENV = "BRIEFING_BLOCK_PLUGINS"

_HOOK_NAMES = tuple(name for name in vars(hookspecs) if name.startswith("briefing_"))

#: The plugins briefing ships with, each a module registered exactly like an installed plugin and
#: named by its path: the formats, the reports, and each stage's extractors beside their logic.
BUILTIN_PLUGINS = (
    "briefing.formats.text",
    "briefing.formats.html",
    "briefing.formats.transcript",
    "briefing.formats.json",
    "briefing.formats.csv",
    "briefing.formats.brat",
    "briefing.formats.label_studio",
    "briefing.report.markdown",
    "briefing.report.html",
    "briefing.metadata.plugin",
    "briefing.participants.plugin",
    "briefing.statements.plugin",
    "briefing.issues.plugin",
    "briefing.parallel",
)


@frozen
class PluginInfo:
    """A loaded plugin: its name, where it came from, and the parts it registered."""

    name: str
    origin: str
    version: str | None
    parts: tuple[Registered, ...]


def _briefing_version() -> str | None:
    try:
        return metadata.version("briefing")
    except metadata.PackageNotFoundError:
        return None


class PluginManager:
    """A typed wrapper around pluggy's manager and the :class:`~briefing.plugin.registry.Registry`.

    ``autoload=False`` (or the environment variable ``BRIEFING_DISABLE_PLUGIN_AUTOLOAD``) skips
    plugins installed through the ``briefing`` entry-point group; ``block`` (and
    ``BRIEFING_BLOCK_PLUGINS``) names plugins never to load; ``plugins`` adds plugin objects
    directly, as tests and notebooks do.
    """

    def __init__(
        self,
        *,
        autoload: bool | None = None,
        block: Iterable[str] = (),
        plugins: Iterable[object] = (),
    ) -> None:
        if autoload is None:
            autoload = not os.environ.get(AUTOLOAD_ENV)
        blocked = {*block, *filter(None, os.environ.get(BLOCK_ENV, "").replace(" ", "").split(","))}
        #: The arguments that build this manager again elsewhere (an engine's workers):
        #: ``PluginManager(**manager.settings)``, with the environment already read.
        plugins = tuple(plugins)
        self.settings = {"autoload": autoload, "block": tuple(sorted(blocked)), "plugins": plugins}
        self._pm = pluggy.PluginManager(ENTRY_POINT_GROUP)
        self._pm.add_hookspecs(hookspecs)
        for name in sorted(blocked):
            self._pm.set_blocked(name)
        self._origins: dict[str, tuple[str, str | None]] = {}
        version = _briefing_version()
        for module_name in BUILTIN_PLUGINS:
            if self._pm.is_blocked(module_name):
                continue
            self._pm.register(importlib.import_module(module_name), name=module_name)
            self._origins[module_name] = ("built-in", version)
        #: Plugins that were skipped because they are broken: name -> (origin, reason).
        self.broken: dict[str, tuple[str, str]] = {}
        if autoload:
            self._load_entry_points()
        for plugin in plugins:
            name = getattr(plugin, "__name__", None) or type(plugin).__qualname__
            self._add_plugin(plugin, name, ("given directly", None))
        self._pm.check_pending()
        self.registry = Registry()
        self._call_register_hooks()

    def _load_entry_points(self) -> None:
        """Load each plugin of the ``briefing`` entry-point group; one that fails to import or to
        validate is skipped with a :class:`PluginWarning`, and the others load."""
        for entry_point in metadata.entry_points(group=ENTRY_POINT_GROUP):
            if self._pm.is_blocked(entry_point.name) or self._pm.has_plugin(entry_point.name):
                continue
            dist = entry_point.dist
            origin = (f"entry point of {dist.name}", dist.version) if dist else ("entry point", None)
            try:
                plugin = entry_point.load()
            except Exception as error:
                self._skip(entry_point.name, origin[0], f"fails to import: {type(error).__name__}: {error}")
                continue
            self._add_plugin(plugin, entry_point.name, origin)

    def _add_plugin(self, plugin: object, name: str, origin: tuple[str, str | None]) -> None:
        """Register one plugin; skip it, saying why, when pluggy refuses it, when it implements a
        hook briefing does not have (a misspelt name), or when it implements none."""
        hooks = [attr for attr in dir(plugin) if self._pm.parse_hookimpl_opts(plugin, attr) is not None]
        unknown = [hook for hook in hooks if hook not in _HOOK_NAMES]
        if not hooks:
            return self._skip(name, origin[0], "implements no hook (mark its functions with @briefing.hookimpl)")
        if unknown:
            return self._skip(name, origin[0], f"implements unknown hook {unknown[0]!r}; hooks: {', '.join(_HOOK_NAMES)}")
        try:
            self._pm.register(plugin, name=name)
        except (pluggy.PluginValidationError, ValueError) as error:
            return self._skip(name, origin[0], str(error))
        self._origins[name] = origin
        return None

    def _skip(self, name: str, origin: str, reason: str) -> None:
        self.broken[name] = (origin, reason)
        warnings.warn(PluginWarning(f"plugin {name!r} ({origin}) {reason}; it was skipped (--block {name} hides this)"),
                      stacklevel=4)

    def _call_register_hooks(self) -> None:
        for impl in sorted(self._pm.hook.briefing_register.get_hookimpls(), key=lambda i: i.plugin_name):
            name = impl.plugin_name
            origin = self._origins.get(name, ("given directly", None))
            view = self.registry.for_plugin(name, origin[1])
            try:
                impl.function(**({"registry": view} if "registry" in impl.argnames else {}))
            except Exception as error:
                if origin[0] == "built-in":
                    raise PluginError(name, "register", "briefing_register", error) from error
                self._pm.unregister(name=name)
                self._skip(name, origin[0], f"fails to register: {type(error).__name__}: {error}")
                continue
            view.commit()
        self.registry.apply_replacements()

    # -- what is registered --------------------------------------------------------------

    def get(self, kind: str, name: str) -> Registered:
        """The part of this kind registered under ``name``; an :class:`UnknownNameError` listing
        the known names otherwise."""
        return self.registry.get(kind, name)

    def reader(self, name: str) -> Registered:
        return self.get("reader", name)

    def extractor(self, stage: str, name: str) -> Registered:
        return self.get(f"{stage} extractor", name)

    def exporter(self, name: str) -> Registered:
        return self.get("exporter", name)

    def taxonomy(self, name: str) -> Registered:
        return self.get("taxonomy", name)

    def engine(self, name: str) -> Registered:
        return self.get("engine", name)

    def names(self, kind: str) -> list[str]:
        return self.registry.names(kind)

    def entries(self, kind: str | None = None) -> Iterator[Registered]:
        return self.registry.entries(kind)

    def plugins(self) -> list[PluginInfo]:
        """Every loaded plugin, built-in ones first, with the parts each registered."""
        parts: dict[str, list[Registered]] = {}
        for entry in self.registry.entries():
            parts.setdefault(entry.plugin, []).append(entry)
        infos = []
        for name, plugin in self._pm.list_name_plugin():
            if plugin is None:
                continue
            origin, version = self._origins.get(name, ("given directly", None))
            infos.append(PluginInfo(name, origin, version, tuple(parts.get(name, ()))))
        return sorted(infos, key=lambda info: (info.origin != "built-in", info.name))

    @property
    def pluggy(self) -> Any:
        """The underlying :class:`pluggy.PluginManager`, for advanced use."""
        return self._pm

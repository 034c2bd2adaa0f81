"""The plugin system: the hook a plugin implements (:mod:`.hookspecs`), the protocols its parts
satisfy (:mod:`.interfaces`), the registry it fills (:mod:`.registry`) and the manager that loads
the built-in plugins and the installed ones (:mod:`.manager`). Built-in parts are plugins too: each
module listed in :data:`.manager.BUILTIN_PLUGINS` registers its parts exactly as an installed
plugin does."""

from .hookspecs import hookimpl
from .interfaces import STAGES, Engine, Exporter, Extractor, Input, Reader, RenderedExporter, detect_by_name
from .manager import BUILTIN_PLUGINS, ENTRY_POINT_GROUP, PluginInfo, PluginManager
from .registry import PluginRegistry, Registered, Registry

__all__ = [
    "BUILTIN_PLUGINS",
    "ENTRY_POINT_GROUP",
    "STAGES",
    "Engine",
    "Exporter",
    "Extractor",
    "Input",
    "PluginInfo",
    "PluginManager",
    "PluginRegistry",
    "Reader",
    "Registered",
    "Registry",
    "RenderedExporter",
    "detect_by_name",
    "hookimpl",
]

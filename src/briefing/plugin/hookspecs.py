"""The hooks a briefing plugin can implement. Every hook is prefixed ``briefing_`` and called with
keyword arguments only: new parameters may be added, none is ever renamed.

A plugin is a module (or object) with functions marked ``@briefing.hookimpl``, made known through
the ``briefing`` entry-point group; the built-in plugins (:data:`.manager.BUILTIN_PLUGINS`) are
registered the same way. See docs/plugins.md for a worked example.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from .registry import Registry

hookspec = pluggy.HookspecMarker("briefing")
hookimpl = pluggy.HookimplMarker("briefing")


@hookspec
def briefing_register(registry: Registry) -> None:
    """Add the plugin's named parts to ``registry``.

    Called once per plugin when a plugin manager is built, after every plugin is loaded and
    before any text is read. Use ``registry.add_reader``, ``registry.add_extractor``,
    ``registry.add_exporter``, ``registry.add_taxonomy`` and ``registry.add_engine``; each raises
    :class:`briefing.errors.DuplicateNameError` when another plugin already holds the name,
    unless called with ``replace=True``. Return nothing.
    """

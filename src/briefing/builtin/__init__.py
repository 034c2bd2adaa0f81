"""The plugins briefing ships with. Each module is a plugin registered exactly like a third-party
one (see :data:`briefing.plugin.manager.BUILTIN_PLUGINS`), and each is short: the work is done in the
packages it names."""

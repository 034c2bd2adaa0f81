"""The errors briefing raises. Each message says what is wrong and, where there is a choice, lists
the valid options; the CLI prints it as one line."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "BriefingError",
    "DuplicateNameError",
    "InputError",
    "InputWarning",
    "PluginWarning",
    "ModelNotFoundError",
    "PluginError",
    "UnknownNameError",
]


class BriefingError(Exception):
    """Base class of every error briefing raises on purpose."""


class UnknownNameError(BriefingError, LookupError):
    """A reader, extractor, exporter or model was asked for by a name nobody registered."""

    def __init__(self, kind: str, name: str, known: Iterable[str]) -> None:
        self.kind, self.name, self.known = kind, name, sorted(known)
        options = ", ".join(self.known) or "none registered"
        super().__init__(f"unknown {kind} {name!r}; known: {options}")

    def __reduce__(self):  # errors cross process boundaries in parallel runs
        return type(self), (self.kind, self.name, self.known)


class DuplicateNameError(BriefingError):
    """Two plugins registered the same name for the same kind of part without asking to replace it."""

    def __reduce__(self):
        return type(self), (self.kind, self.name, self.first, self.second)

    def __init__(self, kind: str, name: str, first: str, second: str) -> None:
        self.kind, self.name, self.first, self.second = kind, name, first, second
        super().__init__(
            f"{kind} {name!r} is registered by both {first!r} and {second!r}; "
            f"block one of them, or register with replace=True to take it over on purpose"
        )


class PluginError(BriefingError):
    """A plugin raised while doing its job. The original exception is chained as ``__cause__``."""

    def __init__(self, plugin: str, stage: str, name: str, error: BaseException | str) -> None:
        self.plugin, self.stage, self.name = plugin, stage, name
        #: The cause as text ("ZeroDivisionError: boom"); a string ``error`` is taken as that text.
        self.cause = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
        super().__init__(f"plugin {plugin!r} failed in {stage} {name!r}: {self.cause}")

    def __reduce__(self):  # the cause itself may not pickle; its text travels instead
        return type(self), (self.plugin, self.stage, self.name, self.cause)


class InputError(BriefingError):
    """An input could not be read: a missing file, an undecodable one, a malformed record."""

    def __init__(self, where: str, reason: str) -> None:
        self.where, self.reason = where, reason
        super().__init__(f"{where}: {reason}")

    def __reduce__(self):
        return type(self), (self.where, self.reason)


class InputWarning(UserWarning):
    """An input was read, but something about it deserves a look: no text in it, or an encoding
    that had to be guessed. The CLI prints it as one line and goes on."""

    def __init__(self, where: str, reason: str) -> None:
        self.where, self.reason = where, reason
        super().__init__(f"{where}: {reason}")


class PluginWarning(UserWarning):
    """An installed plugin is broken (it fails to import, implements an unknown hook, registers
    nothing, or fails to register) and was skipped; the other plugins work."""


class ModelNotFoundError(BriefingError):
    """No usable spaCy pipeline is installed, or the one asked for is not."""

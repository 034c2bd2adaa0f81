"""Engine ``local``: this machine, in this process or, with ``n_process`` above 1, in that many
forked worker processes (:mod:`briefing.parallel`)."""

from __future__ import annotations

from ..hookspecs import hookimpl


class LocalEngine:
    name = "local"
    description = "this machine: this process, or --jobs N forked worker processes"

    def process(self, pipeline, items, *, n_process=1, scheduler=None):
        if scheduler is not None:
            raise ValueError(f"the local engine runs on this machine and takes no scheduler (got {scheduler!r})")
        if n_process > 1:
            from ..parallel import process_in_parallel

            return process_in_parallel(pipeline, items, n_process, pipeline.batch_size)
        return pipeline.process_here(items)


@hookimpl
def briefing_register(registry):
    registry.add_engine(LocalEngine())

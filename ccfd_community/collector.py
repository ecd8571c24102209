"""The cyclic garbage collector in a long-lived process (web worker)."""

import gc


def freeze_loaded() -> None:
    """Put what loading the site left alive (modules, settings, models, URL patterns: it
    lives as long as the process) out of the collector's reach, so that a full collection
    walks only what requests made: over the whole loaded site, each one landed on the
    request it interrupted as the search's p99 (docs/search.md, « The p99 tails were the
    garbage collector »). In a master process that forks its workers (gunicorn --preload)
    it also spares them copying the memory pages the collector would write to."""
    gc.collect()
    gc.freeze()

"""The embedded Chroma, keeping at most HNSW_CACHE vector indexes in memory.

chromadb 1.x's embedded store caches every HNSW index it loads, up to its process's open-file limit / 5 of them
(hundreds). A big index split into parts (index/partition.py) has PARTS collections, and a long-lived reader
(the chat) asked about many topics would end up holding all of them: the whole index again. With this cap the
least recently used index is let go once HNSW_CACHE are loaded; Chroma loads it again from its files (and the
write log it keeps until they are written) at its next use.

chromadb takes the cache's size from RustBindingsAPI.hnsw_cache_size, set in its __init__ and read when it
starts, and accepts no other API class for an embedded folder; so bound_hnsw_cache() wraps that __init__, once
per process, before the first embedded client is made (index/vectors.py).
"""

from __future__ import annotations

import threading

HNSW_CACHE = 16  # indexes: a question's PROBES parts, the delta and a few more
_LOCK = threading.Lock()


def bound_hnsw_cache() -> None:
    from chromadb.api.rust import RustBindingsAPI

    with _LOCK:
        init = RustBindingsAPI.__init__
        if getattr(init, "newsbot_bounded", False):
            return

        def bounded(self, system, _init=init):
            _init(self, system)
            self.hnsw_cache_size = min(self.hnsw_cache_size, HNSW_CACHE)

        bounded.newsbot_bounded = True
        RustBindingsAPI.__init__ = bounded

"""`newsbot status`: where the index is (NEWSBOT_HOME, Chroma, the collection, the LLM) and what it holds
(articles, chunks, sentences, the vectors' health, a table of the articles). bot/cli.py calls run_status.

Imports are lazy on purpose (see bot/cli.py): the index modules load inside run_status.
"""

from __future__ import annotations

import argparse

from bot.terminal import term  # every article- or file-derived text printed goes through term()


# -- status ---------------------------------------------------------------------------------------

def _where(settings) -> list[str]:
    from index.sentence_store import sentence_vectors_path

    store = settings.chroma_url or f"{settings.home}/chroma (embedded)"
    sentences = sentence_vectors_path(settings.home, settings.collection)  # in NEWSBOT_HOME, with a server too
    return [f"NEWSBOT_HOME: {term(settings.home)}", f"Chroma:       {term(store)}",
            f"collection:   {settings.collection}_chunks; sentence vectors: {term(sentences)}",
            f"LLM (--mode llm): {term(_llm_name(settings))}"]


def _llm_name(settings) -> str:
    from bot.llm import describe_llm  # lazy: the LLM integrations are slow to import

    return describe_llm(settings)


def _table(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip() for r in rows]


def run_status(args: argparse.Namespace, settings) -> int:
    from index.errors import NoIndexError
    from index.home import check_home, disk_errors, writable
    from index.ingest import manifest_path
    from index.manifest import Manifest

    print("\n".join(_where(settings)))
    path = manifest_path(settings)
    check_home(settings)  # a file: say so, not "no index yet"
    if not path.exists():  # checked first: opening a Manifest would create the file
        raise NoIndexError(f"no index yet at {settings.home}: run `newsbot ingest` (sample corpus) or "
                           "`newsbot ingest PATH`")
    with disk_errors(settings):
        _print_status(settings, Manifest(path, readonly=not writable(settings.home)))
    return 0


def _print_status(settings, manifest) -> None:
    import time

    from index.errors import NoIndexError

    try:
        articles = manifest.articles()
        if not articles:
            raise NoIndexError(f"the index at {settings.home} is empty: run `newsbot ingest PATH`")
        per_article: dict[str, int] = {}
        for row in manifest.chunks():
            per_article[row[1]] = per_article.get(row[1], 0) + 1
        last = manifest.db.execute("SELECT MAX(ingested_at) FROM articles").fetchone()[0]
        print(f"articles:     {len(articles)}, chunks: {manifest.count('chunks')}, "
              f"sentences: {manifest.count('sentences')}")
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(last))
        print(f"generation:   {manifest.generation()} (last change {when})")
        print(f"vectors:      {_vector_health(settings, manifest)}")
        print()
        rows = [("ID", "TITLE", "DATE", "CHUNKS")]
        for a in articles:
            title = a.title if len(a.title) <= 60 else a.title[:59] + "\u2026"
            rows.append((term(a.id), term(title), term(a.date or "-"), str(per_article.get(a.id, 0))))
        print("\n".join(_table(rows)))
    finally:
        manifest.close()


def _vector_health(settings, manifest) -> str:
    """Whether the store holds a vector for every live chunk and sentence (a deleted Chroma folder or sentence
    vectors file, another server...)."""
    from index.ingest import missing_vectors
    from index.vectors import VectorStore

    store = VectorStore(settings, readonly=manifest.readonly)
    lost = sum(len(ids) for ids in missing_vectors(manifest, store).values())
    if lost:
        return f"{lost} vectors missing: run `newsbot ingest` (answers use keyword search only for those)"
    return "all present" + _older_vectors(settings, manifest) + _parts(store) + _waiting(store)


def _parts(store) -> str:
    """A big index split into parts by topic (index/partition.py)."""
    from index.partition import PROBES

    if store.part is None:
        return ""
    return f"; in {len(store.part.centroids)} parts by topic, a question searching {PROBES} of them"


def _waiting(store) -> str:
    """The small changes made around a big chunk collection (index/chunk_delta.py) that wait to be folded in."""
    from index.chunk_delta import COMPACT_DEAD, COMPACT_DELTA

    waiting, buried = store.delta_count(), len(store.dead())
    if not (waiting or buried):
        return ""
    return (f"; {waiting:,} new chunk vectors wait in the second collection and {buried:,} deleted ones are "
            f"buried, until an ingest folds them in (at {COMPACT_DELTA:,} / {COMPACT_DEAD:,}, or with a big change)")


def _older_vectors(settings, manifest) -> str:
    """Vectors an older embedding pipeline made: questions are embedded the same way until an ingest redoes them."""
    from index.index_format import embed_format, stored_embed_format

    vectors, now = stored_embed_format(manifest), embed_format(settings.embed_model)
    if vectors in (None, now):
        return ""
    return (f"; made by an older embedding pipeline ({vectors}; questions are embedded the same way): "
            f"`newsbot ingest` embeds them again ({now})")

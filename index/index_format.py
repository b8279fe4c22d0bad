"""What an index's vectors and chunks were made with, recorded in its manifest's meta table, and what an
ingest must redo when that is not what this code makes.

  embed_model   the embedding (NEWSBOT_EMBED_MODEL): another one is refused, its vectors live in another space
  chunking      the manifest format and chunk settings: another one re-splits every article
  embed_format  how the packaged MiniLM computes (index/int8.py): another one embeds every article again, with
                a notice, so that one index never mixes vectors of two pipelines
"""

from __future__ import annotations

from index.errors import IndexMismatchError
from index.int8 import VERSION as INT8_VERSION
from index.manifest import FORMAT, Manifest
from index.settings import Settings
from index.types import Notice

# An index from before the embedding format was recorded: float32 MiniLM, batches of 32.
OLDEST_EMBED_FORMAT = "1"
PACKAGED_MODEL = "minilm-int8"  # index/embed.py's DEFAULT_MODEL (that module loads llama-index: 2 s)


def embed_format(model: str) -> str:
    """The packaged MiniLM's vectors depend on how it computes (float32, or int8 by index/int8.py); another
    model (NEWSBOT_EMBED_MODEL=module:factory) has one format, its name (recorded as embed_model) is enough."""
    return f"2:{INT8_VERSION}" if model == PACKAGED_MODEL else OLDEST_EMBED_FORMAT


def chunking(settings: Settings) -> str:
    return f"{FORMAT}:{settings.chunk_tokens}:{settings.chunk_overlap}"


def check_embed_model(manifest: Manifest, settings: Settings) -> None:
    """Refuse an index built with another embedding model: its vectors and the query's live in different
    spaces (another size is a Chroma error, the same size gives meaningless scores). Ingest and ask both call it."""
    model = manifest.get_meta("embed_model")
    if model is not None and model != settings.embed_model:
        raise IndexMismatchError(
            f"the index at {settings.home} was built with embedding {model!r}, not {settings.embed_model!r}: "
            f"set NEWSBOT_EMBED_MODEL={model} or use another NEWSBOT_HOME / NEWSBOT_COLLECTION")


def stored_embed_format(manifest: Manifest) -> str | None:
    """The format of the index's vectors; None for an index with nothing in it yet."""
    # A manifest with chunks but no embed_format was written before the format was recorded.
    return manifest.get_meta("embed_format", OLDEST_EMBED_FORMAT if manifest.get_meta("chunking") is not None
                             else None)


def check_format(manifest: Manifest, settings: Settings) -> tuple[bool, Notice | None]:
    """Record a new index's format; return (redo every article, the notice saying why, if the vectors' format
    changed). A changed chunking or embedding format is recorded only by record_done() once every article
    has been redone, so a run killed half-way redoes the rest next time instead of mixing the two."""
    check_embed_model(manifest, settings)
    stored = manifest.get_meta("chunking")
    manifest.set_meta("embed_model", settings.embed_model)
    vectors = stored_embed_format(manifest)
    wanted = embed_format(settings.embed_model)
    if stored is None:
        manifest.set_meta("chunking", chunking(settings))
    if vectors is None:
        manifest.set_meta("embed_format", wanted)
    reembed = vectors not in (None, wanted)
    notice = Notice(str(settings.home), f"the index's vectors were made by another embedding pipeline ({vectors}): "
                    f"every article is embedded again ({wanted})") if reembed else None
    return stored not in (None, chunking(settings)) or reembed, notice


def record_done(manifest: Manifest, settings: Settings) -> None:
    """Every article has been redone: record the chunking and embedding format it now has."""
    manifest.set_meta("chunking", chunking(settings))
    manifest.set_meta("embed_format", embed_format(settings.embed_model))

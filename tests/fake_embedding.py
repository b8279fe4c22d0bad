"""A stand-in llama-index embedding for tests of NEWSBOT_EMBED_MODEL=module:factory (not the packaged MiniLM)."""

from llama_index.core.embeddings import MockEmbedding


def make():
    return MockEmbedding(embed_dim=16)


def make384():
    """Same size as MiniLM: Chroma accepts its vectors, but their scores mean nothing against a MiniLM index."""
    return MockEmbedding(embed_dim=384)

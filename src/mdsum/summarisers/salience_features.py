"""What a learned salience model knows about each sentence of a pool: one row of numbers per sentence.

The features are the signals extractive news summarisation has long relied on — where a
sentence stands in its article, how long it is, how many other articles say the same thing
(Pyramid's reading of importance), how central it is in the cluster, and whether it carries
the numbers, dates, names and quotations that summaries keep — each scaled so that a model
fitted on clusters of one size reads clusters of another alike.
"""

from __future__ import annotations

import re

import numpy as np
from scipy.sparse import csr_matrix

from mdsum.summarisers.extractive import pagerank
from mdsum.summarisers.pool import SentencePool
from mdsum.text.clean import lower_cased
from mdsum.text.quotes import quotations
from mdsum.text.values import extract_dates, extract_numbers, names

SUPPORT_SIMILARITY = 0.25  # TF-IDF cosine from which another article's sentence says much the same
LEXRANK_THRESHOLD = 0.1  # as the `lexrank` summariser's graph
_OPENS_WITH_REFERENCE = re.compile(
    r"^[\"'“‘(]*(?:he|she|it|they|this|that|these|those|but|and|however|also|so|meanwhile)\b", re.IGNORECASE
)

FEATURES = (
    "position",  # rank among the document's pooled sentences (0 = its lead)
    "relative_position",  # rank / the document's pooled sentences
    "document_sentences",  # the document's pooled sentences
    "documents",  # documents in the cluster
    "words",
    "content_words",  # distinct content stems
    "support",  # mean over the other documents of their most similar sentence's cosine
    "supporting_documents",  # share of the other documents with a sentence at SUPPORT_SIMILARITY or more
    "word_spread",  # mean share of the documents that use each of its content stems
    "centroid",  # cosine to the cluster's TF-IDF centroid
    "degree",  # mean cosine to every other sentence
    "lexrank",  # LexRank centrality times the pool's size (1 = average)
    "numbers",
    "dates",
    "names",  # capitalised words after the first, per word, in the text lower-cased as Multi-News is
    "quoted",  # 1 if it quotes someone
    "opens_with_reference",  # 1 if it opens with a pronoun or connective ("He said", "But")
)


def sentence_features(pool: SentencePool) -> np.ndarray:
    """A (sentences x `FEATURES`) float matrix for the pool's candidates, in `FEATURES` order."""
    count = len(pool)
    documents = pool.documents
    document_count = len(pool.cluster.documents)
    per_document = np.bincount(documents, minlength=document_count).astype(float)
    similarity = csr_matrix(pool.similarity)
    off_diagonal = similarity - csr_matrix(
        (similarity.diagonal(), (np.arange(count), np.arange(count))), similarity.shape
    )
    support, supporting = _support(off_diagonal, documents, document_count)
    presence = (pool.tfidf > 0).astype(float)
    stem_counts = np.asarray(presence.sum(axis=1)).ravel()
    spread = _word_spread(presence, documents, document_count)
    centroid = np.asarray(pool.tfidf.mean(axis=0)).ravel()
    centroid /= max(float(np.linalg.norm(centroid)), 1e-12)
    lexrank = pagerank((similarity > LEXRANK_THRESHOLD).astype(float), 0.85) * count
    texts = pool.texts
    words = np.maximum(pool.word_counts, 1.0)
    columns = {
        "position": pool.positions,
        "relative_position": pool.positions / per_document[documents],
        "document_sentences": per_document[documents],
        "documents": np.full(count, float(document_count)),
        "words": pool.word_counts,
        "content_words": stem_counts,
        "support": support,
        "supporting_documents": supporting,
        "word_spread": spread,
        "centroid": np.asarray(pool.tfidf @ centroid).ravel(),
        "degree": np.asarray(off_diagonal.sum(axis=1)).ravel() / max(count - 1, 1),
        "lexrank": lexrank,
        "numbers": np.array([len(extract_numbers(text)) for text in texts], dtype=float),
        "dates": np.array([len(extract_dates(text)[0]) for text in texts], dtype=float),
        "names": np.array([len(names(lower_cased(text))) for text in texts], dtype=float) / words,
        "quoted": np.array([bool(quotations(text)) for text in texts], dtype=float),
        "opens_with_reference": np.array([bool(_OPENS_WITH_REFERENCE.match(text)) for text in texts], dtype=float),
    }
    return np.column_stack([columns[name] for name in FEATURES])


def _support(similarity: csr_matrix, documents: np.ndarray, document_count: int) -> tuple[np.ndarray, np.ndarray]:
    """Per sentence: the mean best cosine in each other document, and the share of them passing the threshold."""
    count = similarity.shape[0]
    if document_count < 2:
        return np.zeros(count), np.zeros(count)
    best = np.zeros((count, document_count))
    for document in range(document_count):
        columns = np.flatnonzero(documents == document)
        if len(columns):
            best[:, document] = similarity[:, columns].max(axis=1).toarray().ravel()
    best[np.arange(count), documents] = 0.0  # a document does not support itself
    others = document_count - 1
    return best.sum(axis=1) / others, (best >= SUPPORT_SIMILARITY).sum(axis=1) / others


def _word_spread(presence: csr_matrix, documents: np.ndarray, document_count: int) -> np.ndarray:
    """Mean over a sentence's content stems of the share of documents that use the stem."""
    membership = csr_matrix((np.ones(len(documents)), (documents, np.arange(len(documents)))))
    used_by = np.asarray(((membership @ presence) > 0).sum(axis=0)).ravel() / document_count
    stems = np.asarray(presence.sum(axis=1)).ravel()
    return np.divide(np.asarray(presence @ used_by).ravel(), stems, out=np.zeros(len(stems)), where=stems > 0)

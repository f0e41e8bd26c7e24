"""Reprints and near-duplicates: which articles are copies of one story (wire reprints, syndication, rewrites).

A wire story reprinted by twenty outlets is one source told twenty times, not twenty confirmations. This
module groups such copies into *reprint clusters* so that merge, `source_scale`, confidence and exports
count each cluster once, while every copy is still extracted and kept.

How (near-linear; no all-pairs comparison):
- each article's cleaned text is normalised (Unicode folded to ASCII, lower case, words only) and cut into
  overlapping 5-word shingles (hashed from per-word crc32 hashes, never built as strings); a MinHash signature
  of 128 permutations (`datasketch`, affine32 scheme) estimates the Jaccard similarity of two shingle sets;
- locality-sensitive hashing splits each signature into `BANDS` bands of `ROWS` rows (datasketch's optimal
  split for `LSH_THRESHOLD`, set low so that trimmed copies are found too); two articles become candidates
  only when one band is identical, so each new article is compared with a handful of candidates found by
  index look-up, never with the whole corpus;
- a candidate is a copy when the estimated Jaccard similarity is at least `THRESHOLD` (a new headline, a
  changed byline or a few edited words keep a copy far above it), or when the shorter text is at least
  `CONTAINMENT` inside the longer one (an outlet that ran only the first half of a wire story; estimated
  from the Jaccard estimate and the two shingle counts); the article joins the cluster of its most similar
  earlier article, else starts its own;
- only cluster representatives put their bands in the index: an article that is a close copy (≥ `CLOSE`) of
  an indexed one adds no band keys, so a story reprinted a thousand times costs one set of index rows and
  each new copy is verified against a bounded number of candidates (`MAX_CANDIDATES`).

The cluster id is the store id of the cluster's first article (its lead). Assignment is incremental and
deterministic: articles are visited in id order and an assignment is never revised.

`ReprintIndex` is the in-memory form (benchmarks, one-off use); `assign_reprints(store)` is the stored form
that `merge_events` calls first (tables `article_reprints` and `reprint_bands`).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np

NUM_PERM = 128
SHINGLE = 5  # words per shingle
THRESHOLD = 0.5  # estimated Jaccard at or above which two articles are copies of one story
CONTAINMENT = 0.8  # ... or the share of the shorter text's shingles found in the longer one
LSH_THRESHOLD = 0.3  # the LSH banding is tuned to find candidates from this Jaccard on
CLOSE = 0.8  # a copy at least this close to an indexed article adds no band keys of its own
MAX_CANDIDATES = 64  # candidates verified per article (the ones sharing the most bands first)
_WORD = re.compile(r"[a-z0-9]+")


# datasketch's optimal split of NUM_PERM for LSH_THRESHOLD (equal weights on false positives and negatives),
# written out so that importing this module does not import datasketch; a test checks they agree.
BANDS, ROWS = 37, 3


@cache
def _permutations() -> Any:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1, hashfunc=zlib.crc32, scheme="affine32").permutations


def normalise(text: str) -> list[str]:
    """The words of `text`: Unicode folded to ASCII, lower case, punctuation and markup dropped."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return _WORD.findall(folded)


_MIX = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit multiplier that spreads each word over the shingle hash


def shingle_hashes(text: str, size: int = SHINGLE) -> np.ndarray:
    """32-bit hashes of the distinct overlapping `size`-word shingles of the normalised text (a shorter text
    is one shingle). Each word is hashed once (crc32) and the words of a shingle are combined as a polynomial
    in 64-bit arithmetic, so no shingle string is ever built; the hashes are sorted and unique."""
    words = normalise(text)
    if not words:
        return np.zeros(0, dtype=np.uint32)
    h = np.fromiter((zlib.crc32(w.encode()) for w in words), dtype=np.uint64, count=len(words))
    width = min(size, len(h))
    acc = np.zeros(len(h) - width + 1, dtype=np.uint64)
    for i in range(width):
        acc = acc * _MIX + h[i:len(h) - width + 1 + i]
    return np.unique(((acc >> np.uint64(32)) ^ acc).astype(np.uint32))


def _identity(value: Any) -> Any:
    return value


def signature(text: str) -> np.ndarray:
    """The MinHash signature (NUM_PERM uint32 values) of the text's shingles."""
    return sign(text)[0]


def sign(text: str) -> tuple[np.ndarray, int]:
    """(MinHash signature, number of shingles) of a text."""
    from datasketch import MinHash

    grams = shingle_hashes(text)
    # the shingles are hashed already: datasketch applies its permutations to those hashes
    mh = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=_identity, scheme="affine32", permutations=_permutations())
    mh.update_batch(grams.tolist())
    return np.asarray(mh.hashvalues, dtype=np.uint32), len(grams)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures (share of equal positions)."""
    return float(np.count_nonzero(a == b)) / len(a)


def containment(jaccard: float, size_a: int, size_b: int) -> float:
    """Share of the smaller shingle set inside the larger, from their Jaccard similarity and sizes:
    |A ∩ B| = J (|A| + |B|) / (1 + J)."""
    if min(size_a, size_b) <= 0:
        return 0.0
    return min(1.0, jaccard * (size_a + size_b) / (1.0 + jaccard) / min(size_a, size_b))


def is_copy(jaccard: float, size_a: int, size_b: int) -> bool:
    return jaccard >= THRESHOLD or containment(jaccard, size_a, size_b) >= CONTAINMENT


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 64-bit key per LSH band (band number included, so equal rows in different bands differ)."""
    raw = sig.astype("<u4").tobytes()
    width = ROWS * 4
    return [int.from_bytes(hashlib.blake2b(bytes([band]) + raw[band * width:(band + 1) * width],
                                           digest_size=8).digest(), "little", signed=True)
            for band in range(BANDS)]


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_bytes(raw: bytes) -> np.ndarray:
    return np.frombuffer(raw, dtype="<u4")


@dataclass(frozen=True)
class Assignment:
    """Where one article went: its cluster (the lead's id), the article it matched and how closely."""

    article_id: int
    cluster_id: int
    matched_id: int | None
    similarity: float
    indexed: bool  # whether its band keys went into the index


Known = dict[int, tuple[np.ndarray, int, int]]  # article id → (signature, cluster id, shingle count)


def decide(article_id: int, sig: np.ndarray, size: int, hits: Counter[int], known: Known) -> Assignment:
    """Cluster of a new article from its band hits (candidate id → shared bands) and the candidates'
    (signature, cluster, size). Ties go to the earlier article, so the outcome does not depend on dict order."""
    best: tuple[float, int] | None = None
    for cand, _ in sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_CANDIDATES]:
        if cand == article_id or cand not in known:
            continue
        other, _, other_size = known[cand]
        sim = similarity(sig, other)
        if is_copy(sim, size, other_size) and (best is None or (sim, -cand) > (best[0], -best[1])):
            best = (sim, cand)
    if best is None:
        return Assignment(article_id, article_id, None, 1.0, True)
    sim, cand = best
    return Assignment(article_id, known[cand][1], cand, sim, sim < CLOSE)


@dataclass
class ReprintIndex:
    """In-memory reprint clustering: `add(id, text)` in id order returns the article's `Assignment`."""

    buckets: dict[int, list[int]] = field(default_factory=dict)
    known: Known = field(default_factory=dict)

    def add(self, article_id: int, text: str) -> Assignment:
        return self.add_signature(article_id, *sign(text))

    def add_signature(self, article_id: int, sig: np.ndarray, size: int) -> Assignment:
        keys = band_keys(sig)
        hits: Counter[int] = Counter()
        for key in keys:
            hits.update(self.buckets.get(key, ()))
        result = decide(article_id, sig, size, hits, self.known)
        self.known[article_id] = (sig, result.cluster_id, size)
        if result.indexed:
            for key in keys:
                self.buckets.setdefault(key, []).append(article_id)
        return result


@dataclass
class ReprintStats:
    articles: int = 0
    copies: int = 0
    clusters: int = 0

    def summary(self) -> str:
        return (f"reprints: {self.articles} new articles compared, {self.copies} found to be copies of an "
                f"earlier story; {self.clusters} stories with more than one copy in all")


def assign_reprints(store: Any, chunk: int = 500) -> ReprintStats:
    """Give every stored article without one its reprint cluster (incremental; one transaction per chunk)."""
    from sqlalchemy import func, insert, select

    from dateline.store.tables import ArticleReprintRow, ArticleRow, ReprintBandRow

    stats = ReprintStats()
    after = 0  # within one call, later chunks start past the last id (an id committed late is taken next call)
    while True:
        with store.session(exclusive=True) as s:  # a merge running meanwhile must not take the same articles
            done = select(ArticleReprintRow.article_id)
            rows = s.execute(select(ArticleRow.id, ArticleRow.text)
                             .where(ArticleRow.id > after, ArticleRow.id.not_in(done))
                             .order_by(ArticleRow.id).limit(chunk)).all()
            if not rows:
                break
            after = rows[-1][0]
            sigs = {article_id: sign(text or "") for article_id, text in rows}
            keys = {article_id: band_keys(sig) for article_id, (sig, _) in sigs.items()}
            stored_hits = _stored_hits(s, {k for ks in keys.values() for k in ks})
            cand_ids = {a for found in stored_hits.values() for a in found}
            known: Known = {}
            ordered = sorted(cand_ids)
            for i in range(0, len(ordered), 500):
                for aid, raw, cluster, size in s.execute(
                        select(ArticleReprintRow.article_id, ArticleReprintRow.signature, ArticleReprintRow.cluster_id,
                               ArticleReprintRow.shingles)
                        .where(ArticleReprintRow.article_id.in_(ordered[i:i + 500]))):
                    known[aid] = (from_bytes(raw), cluster, size)
            local: dict[int, list[int]] = {}
            out_rows: list[dict[str, Any]] = []
            band_rows: list[dict[str, Any]] = []
            for article_id, _ in rows:
                (sig, size), ks = sigs[article_id], keys[article_id]
                hits: Counter[int] = Counter()
                for key in ks:
                    hits.update(stored_hits.get(key, ()))
                    hits.update(local.get(key, ()))
                result = decide(article_id, sig, size, hits, known)
                known[article_id] = (sig, result.cluster_id, size)
                out_rows.append({"article_id": article_id, "cluster_id": result.cluster_id,
                                 "matched_id": result.matched_id, "similarity": round(result.similarity, 4),
                                 "shingles": size, "signature": to_bytes(sig)})
                if result.indexed:
                    for key in ks:
                        local.setdefault(key, []).append(article_id)
                        band_rows.append({"band_key": key, "article_id": article_id})
                stats.articles += 1
                stats.copies += result.matched_id is not None
            s.execute(insert(ArticleReprintRow), out_rows)
            if band_rows:
                s.execute(insert(ReprintBandRow), band_rows)
    with store.session() as s:
        sizes = (select(ArticleReprintRow.cluster_id).group_by(ArticleReprintRow.cluster_id)
                 .having(func.count() > 1).subquery())
        stats.clusters = int(s.scalar(select(func.count()).select_from(sizes)) or 0)
    return stats


def _stored_hits(s: Any, keys: Iterable[int]) -> dict[int, list[int]]:
    from sqlalchemy import select

    from dateline.store.tables import ReprintBandRow

    found: dict[int, list[int]] = {}
    wanted = sorted(set(keys))
    for i in range(0, len(wanted), 500):
        for key, article_id in s.execute(select(ReprintBandRow.band_key, ReprintBandRow.article_id)
                                         .where(ReprintBandRow.band_key.in_(wanted[i:i + 500]))):
            found.setdefault(key, []).append(article_id)
    return found


def clusters_of(s: Any, article_ids: Sequence[int]) -> dict[int, int]:
    """Reprint cluster of each article (an article not yet compared is its own cluster)."""
    from sqlalchemy import select

    from dateline.store.tables import ArticleReprintRow

    out = {a: a for a in article_ids}
    ids = sorted(set(article_ids))
    for i in range(0, len(ids), 500):
        for aid, cluster in s.execute(select(ArticleReprintRow.article_id, ArticleReprintRow.cluster_id)
                                      .where(ArticleReprintRow.article_id.in_(ids[i:i + 500]))):
            out[aid] = cluster
    return out


def record_copies(store: Any, copies: Sequence[tuple[str, Any]]) -> list[tuple[str, Any]]:
    """Record exact copies `(content hash, Article)` of stored articles that came from another outlet or URL
    (`article_copies`), so merged events can name every outlet. Returns the copies whose original is not
    stored yet (the caller retries them after its next write)."""
    from sqlalchemy import select

    from dateline.store.tables import ArticleCopyRow, ArticleRow, utcnow

    if not copies:
        return []
    pending: list[tuple[str, Any]] = []
    with store.session() as s:
        digests = sorted({d for d, _ in copies})
        stored: dict[str, tuple[int, str | None, str | None]] = {}
        for i in range(0, len(digests), 500):
            for aid, digest, publisher, url in s.execute(
                    select(ArticleRow.id, ArticleRow.content_hash, ArticleRow.publisher, ArticleRow.url)
                    .where(ArticleRow.content_hash.in_(digests[i:i + 500]))):
                stored[digest] = (aid, publisher, url)
        rows: dict[tuple[int, str], dict[str, Any]] = {}
        for digest, article in copies:
            if digest not in stored:
                pending.append((digest, article))
                continue
            aid, publisher, url = stored[digest]
            if (article.publisher or None, article.url or None) == (publisher or None, url or None):
                continue  # the stored article itself, read again
            key = hashlib.sha256(f"{article.publisher or ''}|{article.url or ''}".encode()).hexdigest()
            rows[(aid, key)] = {"article_id": aid, "key": key, "publisher": (article.publisher or None) and
                                article.publisher[:300], "url": article.url, "title": article.title,
                                "published": article.published, "seen_at": utcnow()}
        for (aid, key), row in rows.items():
            if s.scalar(select(ArticleCopyRow.id).where(ArticleCopyRow.article_id == aid,
                                                        ArticleCopyRow.key == key)) is None:
                s.add(ArticleCopyRow(**row))
    return pending


def copy_publishers(s: Any, article_ids: Sequence[int]) -> dict[int, list[str]]:
    """Publishers of the recorded exact copies of each article."""
    from sqlalchemy import select

    from dateline.store.tables import ArticleCopyRow

    out: dict[int, list[str]] = {}
    ids = sorted(set(article_ids))
    for i in range(0, len(ids), 500):
        for aid, publisher in s.execute(select(ArticleCopyRow.article_id, ArticleCopyRow.publisher)
                                        .where(ArticleCopyRow.article_id.in_(ids[i:i + 500]))
                                        .order_by(ArticleCopyRow.id)):
            if publisher:
                out.setdefault(aid, []).append(publisher)
    return out

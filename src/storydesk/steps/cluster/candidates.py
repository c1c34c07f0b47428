"""Candidate pairs for story clustering without an n×n matrix.

Every article keeps its ``k`` most similar articles (cosine on the L2-normalised rows of
features.py) with similarity of at least ``min_similarity`` and published at most ``window_days``
apart. Similarities are computed one block of rows at a time (``X[block] @ Xᵀ``, a dense
block × n slab), so peak memory is ``block_rows × n`` floats whatever n is, and the result is a
symmetric sparse graph with at most ``2·k·n`` stored entries.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from storydesk.model import Article


def day_numbers(articles: Sequence[Article]) -> np.ndarray:
    """Publication day (proleptic ordinal) per article, NaN where the date is unknown."""
    return np.array(
        [a.published.toordinal() if a.published else np.nan for a in articles], dtype=float
    )


def far_apart(days_a: np.ndarray, days_b: np.ndarray, window_days: int) -> np.ndarray:
    """Boolean matrix: pairs published more than ``window_days`` apart (unknown dates never are)."""
    # NaN compares False: an unknown date is never far (no nan_to_num copy of the n×m gaps).
    with np.errstate(invalid="ignore"):
        return np.abs(days_a[:, None] - days_b[None, :]) > window_days


def top_k_neighbours(
    matrix: sparse.csr_matrix,
    days: np.ndarray | None = None,
    *,
    k: int = 20,
    min_similarity: float = 0.1,
    window_days: int | None = None,
    block_rows: int = 512,
) -> sparse.csr_matrix:
    """Symmetric sparse similarity graph of each row's ``k`` best neighbours.

    ``matrix`` holds L2-normalised rows. A pair is kept when either side has the other among its
    ``k`` best (so the graph is the union of both directions), its similarity is at least
    ``min_similarity`` and, when ``days`` and ``window_days`` are given, the two are at most
    ``window_days`` apart. The diagonal is empty.
    """
    n = matrix.shape[0]
    if n == 0 or n == 1 or k <= 0:
        return sparse.csr_matrix((n, n), dtype=np.float32)
    if days is None or window_days is None or np.isnan(days).all():
        days, window_days = np.full(n, np.nan), None
    # Work in date order (undated last): a block of dated rows then only needs the columns
    # published within the window of its first and last day, plus the undated ones. With dates
    # spread over months this turns the n² products into roughly n × (articles per window).
    order = np.argsort(np.nan_to_num(days, nan=np.inf), kind="stable")
    sorted_days = days[order]
    rows_sorted = sparse.csr_matrix(matrix, dtype=np.float32)[order]
    n_dated = int((~np.isnan(sorted_days)).sum())
    keep = min(k, n - 1)
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    vals: list[np.ndarray] = []
    for start in range(0, n, block_rows):
        stop = min(start + block_rows, n)
        if window_days is not None and stop <= n_dated:
            lo = int(np.searchsorted(sorted_days[:n_dated], sorted_days[start] - window_days, "left"))
            hi = int(np.searchsorted(sorted_days[:n_dated], sorted_days[stop - 1] + window_days, "right"))
            columns = np.concatenate([np.arange(lo, hi), np.arange(n_dated, n)])
        else:
            columns = np.arange(n)
        block = (rows_sorted[start:stop] @ rows_sorted[columns].T).toarray()
        local = np.arange(start, stop)
        block[columns[None, :] == local[:, None]] = 0.0  # no self-loops
        if window_days is not None:
            _zero_far(block, sorted_days[start:stop], sorted_days[columns], window_days)
        block[block < min_similarity] = 0.0
        width = min(keep, len(columns))
        # argpartition: the k largest per row without sorting the whole row.
        best = np.argpartition(-block, width - 1, axis=1)[:, :width]
        best_vals = np.take_along_axis(block, best, axis=1)
        mask = best_vals > 0.0
        row_index = np.broadcast_to(order[local][:, None], best.shape)
        rows.append(row_index[mask])
        cols.append(order[columns[best[mask]]])
        vals.append(best_vals[mask])
    graph = sparse.csr_matrix(
        (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
        shape=(n, n),
        dtype=np.float32,
    )
    # Union of both directions: the similarity is symmetric, so max() just fills the gaps.
    return graph.maximum(graph.T).tocsr()


def _zero_far(block: np.ndarray, row_days: np.ndarray, column_days: np.ndarray, window: int) -> None:
    """``block[far_apart(row_days, column_days, window)] = 0`` without the block-sized gap matrix.

    The dated columns come first and in date order (top_k_neighbours sorts them), so each dated
    row's far columns are two slices found by binary search."""
    dated = column_days[~np.isnan(column_days)]
    assert np.all(np.diff(dated) >= 0) and np.isnan(column_days[len(dated):]).all()
    lo = np.searchsorted(dated, row_days - window, "left")
    hi = np.searchsorted(dated, row_days + window, "right")
    end = len(dated)
    for r in np.flatnonzero(~np.isnan(row_days)).tolist():
        block[r, : lo[r]] = 0.0
        block[r, hi[r] : end] = 0.0


def brute_force_neighbours(
    matrix: sparse.csr_matrix,
    days: np.ndarray | None = None,
    *,
    k: int = 20,
    min_similarity: float = 0.1,
    window_days: int | None = None,
) -> set[tuple[int, int]]:
    """Reference for tests: the pairs (i < j) ``top_k_neighbours`` should return, from the dense
    matrix. Ties at the k-th place may be broken differently, so compare on tie-free data."""
    dense = (matrix @ matrix.T).toarray() if sparse.issparse(matrix) else matrix @ matrix.T
    n = dense.shape[0]
    np.fill_diagonal(dense, 0.0)
    if days is not None and window_days is not None and not np.isnan(days).all():
        dense[far_apart(days, days, window_days)] = 0.0
    dense[dense < min_similarity] = 0.0
    pairs: set[tuple[int, int]] = set()
    for i in range(n):
        order = np.argsort(-dense[i], kind="stable")[: min(k, n - 1)]
        for j in order:
            if dense[i, j] > 0.0:
                pairs.add((min(i, int(j)), max(i, int(j))))
    return pairs


def shared_key_pairs(
    matrix: sparse.csr_matrix, *, max_df: int = 30, min_shared: int = 2
) -> sparse.csr_matrix:
    """Blocking on rare keys, whatever the dates: pairs of rows sharing at least ``min_shared``
    columns that occur in at most ``max_df`` rows (a person's or street's name). Each key yields
    at most ``max_df²`` pairs, so the cost stays linear in the number of keys. Returns a
    symmetric 0/1 graph without diagonal.

    Why besides the dated top-k: follow-ups (an arrest, a funeral, a victim dying weeks later)
    are published outside any short window, but name the same people and streets.
    """
    n = matrix.shape[0]
    binary = sparse.csc_matrix(matrix, dtype=np.float32, copy=True)
    binary.data[:] = 1.0
    df = np.diff(binary.indptr)
    keys = np.flatnonzero((df >= 2) & (df <= max_df))
    if n < 2 or len(keys) == 0:
        return sparse.csr_matrix((n, n), dtype=np.float32)
    rare = binary[:, keys].tocsr()
    shared = sparse.csr_matrix(rare @ rare.T)
    shared.setdiag(0)
    shared.data = (shared.data >= min_shared).astype(np.float32)
    shared.eliminate_zeros()
    return shared

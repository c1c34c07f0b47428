"""Average linkage for large corpora: split the candidate graph, cluster each part exactly.

The approximation (documented in docs/benchmarks.md): two articles can only end in one story if a
chain of candidate pairs (top-k neighbours above a similarity floor, within the time window)
connects them. Average linkage cut at similarity ``s`` never merges two groups whose every cross
pair is below ``s``, so with the floor at or below ``s`` the split into connected components loses
nothing except pairs pushed out of a top-k list. Inside a component of manageable size the tree is
the exact dense average-linkage tree; a larger component is clustered on its sparse graph, where a
pair that is not a candidate counts as similarity 0 (distance 1), as a pair outside the time
window already does in the dense method.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components
from sklearn.cluster import AgglomerativeClustering

# (several groups of member indices) -> one dense *distance* matrix per group. Batched: most
# components have two or three members, and one call per component cost more than the linkage.
DistancesOf = Callable[[Sequence[np.ndarray]], list[np.ndarray]]
_BATCH_PAIRS = 1_000_000  # member pairs per DistancesOf call: bounds the batch's memory


def dense_average_linkage(distance: np.ndarray, threshold: float) -> np.ndarray:
    """Labels of average-linkage clustering on a precomputed distance matrix cut at ``threshold``."""
    n = distance.shape[0]
    if n < 2:
        return np.zeros(n, dtype=int)
    if n == 2:  # as sklearn: merged when the distance is below the threshold
        return np.array([0, 0 if distance[0, 1] < threshold else 1])
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold
    )
    return model.fit_predict(distance)


def sparse_average_linkage(graph: sparse.spmatrix, threshold: float) -> np.ndarray:
    """Average linkage on a sparse similarity graph (missing pair = similarity 0), merging while
    the best average similarity exceeds ``1 - threshold``. Returns one label per node.

    Each cluster keeps the *sum* of similarities to its neighbouring clusters; merging adds the
    smaller neighbour map into the larger one, and a heap with lazy deletion yields the best pair.
    Only pairs above the cut are ever pushed, so the heap stays small.
    """
    graph = sparse.csr_matrix(graph)
    n = graph.shape[0]
    floor = 1.0 - threshold
    size = [1] * n
    parent = list(range(n))
    sums: list[dict[int, float]] = [{} for _ in range(n)]
    heap: list[tuple[float, int, int]] = []
    coo = graph.tocoo()
    for i, j, value in zip(coo.row.tolist(), coo.col.tolist(), coo.data.tolist(), strict=True):
        if i == j or value <= 0.0:
            continue
        sums[i][j] = value
        if i < j and value > floor:
            heap.append((-value, i, j))
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if parent[a] != a or parent[b] != b or b not in sums[a]:
            continue
        average = sums[a][b] / (size[a] * size[b])
        if abs(average + negative) > 1e-9:  # stale entry: a size changed since it was pushed
            continue
        if len(sums[a]) < len(sums[b]):
            a, b = b, a
        parent[b] = a
        merged = sums[a]
        del merged[b]
        for c, value in sums[b].items():
            if c != a:
                merged[c] = merged.get(c, 0.0) + value
                del sums[c][b]
        sums[b] = {}
        size[a] += size[b]
        for c, value in merged.items():
            sums[c][a] = value
            average = value / (size[a] * size[c])
            if average > floor:
                heapq.heappush(heap, (-average, min(a, c), max(a, c)))
    return np.array([_find(parent, i) for i in range(n)], dtype=int)


def _find(parent: list[int], i: int) -> int:
    root = i
    while parent[root] != root:
        root = parent[root]
    while parent[i] != root:  # path compression
        parent[i], i = root, parent[i]
    return root


def component_linkage(
    graph: sparse.spmatrix,
    threshold: float,
    distances_of: DistancesOf,
    component_limit: int,
    dense: Callable[[np.ndarray, float], np.ndarray] | None = None,
) -> np.ndarray:
    """Cluster each connected component of the candidate ``graph``: exactly (dense distances from
    ``distances_of``, clustered by ``dense``, default plain average linkage) when it has at most
    ``component_limit`` members, else on its sparse graph."""
    dense = dense or dense_average_linkage
    n = graph.shape[0]
    count, component = connected_components(graph, directed=False)
    labels = np.empty(n, dtype=int)
    order = np.argsort(component, kind="stable")
    bounds = np.searchsorted(component[order], np.arange(count + 1))
    next_label = 0
    batch: list[np.ndarray] = []
    batch_pairs = 0

    def store(members: np.ndarray, local: np.ndarray) -> None:
        nonlocal next_label
        _, local = np.unique(local, return_inverse=True)
        labels[members] = local + next_label
        next_label += int(local.max()) + 1

    def flush() -> None:
        nonlocal batch_pairs
        if batch:
            for members, distance in zip(batch, distances_of(batch), strict=True):
                store(members, dense(distance, threshold))
        batch.clear()
        batch_pairs = 0

    for c in range(count):
        members = order[bounds[c] : bounds[c + 1]]
        if len(members) == 1:
            store(members, np.zeros(1, dtype=int))
        elif len(members) <= component_limit:
            batch.append(members)
            batch_pairs += len(members) ** 2
            if batch_pairs >= _BATCH_PAIRS:
                flush()
        else:
            sub = sparse.csr_matrix(graph)[members][:, members]
            store(members, sparse_average_linkage(sub, threshold))
    flush()
    return labels


def bridge_aware_linkage(
    distance: np.ndarray, threshold: float, *, strong: float = 0.9, weak: float = 0.05
) -> np.ndarray:
    """Average linkage that keeps bridging articles out of the tree.

    A bridge is an article strongly similar (similarity ≥ ``strong``) to two articles that are
    not similar to each other at all (< ``weak``): a round-up or live blog covering two events.
    Even average linkage can let it merge the two stories (it adds near-certain links to both).
    Bridges are left out, the rest is clustered, then each bridge joins the cluster it is most
    similar to on average, when that average passes the cut, else stays alone.
    """
    n = distance.shape[0]
    if n < 3:
        return dense_average_linkage(distance, threshold)
    similarity = 1.0 - distance
    near = similarity >= strong
    np.fill_diagonal(near, False)
    apart = (similarity < weak).astype(np.float32)
    # i is a bridge when some u, v among its near neighbours are apart: (N·A·Nᵀ)_ii > 0.
    linked = near.astype(np.float32)
    bridges = ((linked @ apart) * linked).sum(axis=1) > 0
    if not bridges.any() or bridges.all():
        return dense_average_linkage(distance, threshold)
    core = np.flatnonzero(~bridges)
    labels = np.empty(n, dtype=int)
    labels[core] = dense_average_linkage(distance[np.ix_(core, core)], threshold)
    next_label = int(labels[core].max()) + 1
    for i in np.flatnonzero(bridges):
        means = np.bincount(labels[core], weights=similarity[i, core]) / np.bincount(labels[core])
        best = int(np.argmax(means))
        if means[best] > 1.0 - threshold:
            labels[i] = best
        else:
            labels[i] = next_label
            next_label += 1
    return labels

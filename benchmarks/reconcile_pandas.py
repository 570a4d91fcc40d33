#!/usr/bin/env python3
"""The pandas baseline for benchmarks/reconcile.cpp: the same core reductions, per key, over the
very same records.

    toll-bench-reconcile --write-records=claims.bin      # 10 million claims, 32 bytes each
    python3 benchmarks/reconcile_pandas.py claims.bin

The records file is the C++ benchmark's unsorted input, written by the C++ generator itself, so
both sides see identical claims (about 4.7 million keys, skewed claims per key, 10% unbounded, a
few percent of keys conflicting). Each record is a toll::bulk::record, little-endian:
key u32, origin u32, claim u32, day u32, low_and_flags u64 (low in bits 0-39, "caps" bit 56,
"unknown" bit 57, exclusion code bits 58-61), high u64 (2^64 - 1 when unbounded).

Timed, with loading and building the DataFrame excluded: a groupby by key computing the hull
(lowest and highest figure), the intersection (strongest lower bound, tightest cap), the conflict
flag, the count, and the claim that sets each of the four bounds (the smallest claim index among
ties, as toll names it). toll does more on top: it resolves relays and revisions by origin and
writes the fate of every record; pandas here reduces every record as it is, which favours pandas.

Prints `ns_per_claim=...` and `peak_rss_MiB=...` lines for benchmarks/run_reconcile.sh. Exits 0
with a message when pandas is not installed (Debian: apt-get install python3-pandas).
"""

import resource
import sys
import time

try:
    import numpy as np
    import pandas as pd
except ImportError:
    print("reconcile_pandas.py: pandas is not installed (Debian: apt-get install python3-pandas); skipped")
    sys.exit(0)

RECORD = np.dtype([("key", "<u4"), ("origin", "<u4"), ("claim", "<u4"), ("day", "<u4"),
                   ("low_and_flags", "<u8"), ("high", "<u8")])
assert RECORD.itemsize == 32
LOW_MASK = np.uint64((1 << 40) - 1)
CAPS_FLAG = np.uint64(1 << 56)
UNBOUNDED = np.uint64((1 << 64) - 1)


def peak_rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def load(path):
    records = np.fromfile(path, dtype=RECORD)
    flags = records["low_and_flags"]
    caps = (flags & CAPS_FLAG) != 0
    high = records["high"]
    return pd.DataFrame({
        "key": records["key"],
        "claim": records["claim"],
        "low": flags & LOW_MASK,
        "high": high,
        "caps": caps,
        # The high end of a capping figure; unbounded for one that does not cap.
        "cap_high": np.where(caps, high, UNBOUNDED),
    })


def reconcile(df):
    """One row per key: the four bounds, the claim setting each, the count and the conflict flag."""
    by_key = df.groupby("key", sort=True)
    out = by_key.agg(reported_low=("low", "min"), reported_high=("high", "max"),
                     lower=("low", "max"), upper=("cap_high", "min"),
                     capped=("caps", "any"), count=("claim", "size"))

    def setter(column, how, among=None):
        # The smallest claim among the key's records whose value reaches the bound.
        reaches = df[column] == by_key[column].transform(how)
        if among is not None:
            reaches &= df[among]
        return df["claim"].where(reaches).groupby(df["key"]).min()

    out["reported_low_by"] = setter("low", "min")
    out["reported_high_by"] = setter("high", "max")
    out["lower_by"] = setter("low", "max")
    out["upper_by"] = setter("cap_high", "min", among="caps")
    out["conflicting"] = out["capped"] & (out["lower"] > out["upper"])
    return out


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[0])
        print("usage: reconcile_pandas.py RECORDS_FILE   (written by toll-bench-reconcile --write-records=FILE)")
        return 2
    started = time.perf_counter()
    df = load(sys.argv[1])
    loaded = time.perf_counter()
    rss_loaded = peak_rss_mib()
    n = len(df)

    start = time.perf_counter()
    result = reconcile(df)
    took = time.perf_counter() - start

    print(f"pandas {pd.__version__}, numpy {np.__version__}: {n} claims, {len(result)} keys, "
          f"{100.0 * result['conflicting'].mean():.2f}% conflicting (before relays and revisions)")
    print(f"load (not timed): {loaded - started:.2f} s, peak RSS after load {rss_loaded:.0f} MiB")
    print(f"reconcile: {took:.2f} s")
    print(f"ns_per_claim={1e9 * took / n:.1f}")
    print(f"peak_rss_MiB={peak_rss_mib():.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The pandas baseline for `toll reconcile` on a large claims CSV (benchmarks/run_csv.sh).

    python3 benchmarks/reconcile_csv_pandas.py CLAIMS.csv OUT.csv

CLAIMS.csv is written by benchmarks/make_claims_csv.py. pandas cannot read figures as people
write them ("at least 20", "dozens", "30–62"), so the generator adds each figure pre-parsed under
the ucdp policy in three extra columns, `low`, `high` (empty when unbounded) and `caps` (1 when
the high end caps the count); pandas reads those instead of the `figure` column. That favours
pandas, as does the rest: it reduces every row as it is, without toll's admissibility rules
(source kinds, adversary claims), relays and revisions, or per-claim fates.

Timed as one run, like toll's: read_csv (the columns the reduction needs: id, event, category,
group, about_party, low, high, caps), then a groupby on the key (event, category, group,
about_party) computing the hull (lowest and highest figure), the intersection (strongest lower
bound, tightest cap), the conflict flag, the count, and the claim that sets each of the four
bounds (the first in the file among ties; toll names the smallest id), then to_csv of one row per
key.

Prints the time of each phase and `seconds=...`, `peak_rss_MiB=...` lines. Exits 0 with a
message when pandas is not installed (Debian: apt-get install python3-pandas).
"""

import resource
import sys
import time

try:
    import numpy as np
    import pandas as pd
except ImportError:
    print("reconcile_csv_pandas.py: pandas is not installed (Debian: apt-get install python3-pandas); skipped")
    sys.exit(0)

KEY = ["event", "category", "group", "about_party"]
COLUMNS = ["id", *KEY, "low", "high", "caps"]


def peak_rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def load(path):
    df = pd.read_csv(path, usecols=COLUMNS, keep_default_na=False, na_values={"low": [""], "high": [""]},
                     dtype={"id": str, "event": str, "category": str, "group": str, "about_party": str,
                            "low": "float64", "high": "float64", "caps": "int8"})
    # An unknown figure has neither bound; an unbounded one no high.
    df["high"] = df["high"].fillna(np.inf).where(df["low"].notna())
    df["caps"] = df["caps"].astype(bool)
    df["cap_high"] = df["high"].where(df["caps"], np.inf)
    return df


def reconcile(df):
    """One row per key: the four bounds, the claim setting each, the count and the conflict flag."""
    keys = df.groupby(KEY, sort=False, observed=True).ngroup()
    df["key"] = keys
    by_key = df.groupby("key", sort=True)
    out = by_key.agg(low=("low", "min"), high=("high", "max"), lower=("low", "max"), upper=("cap_high", "min"),
                     capped=("caps", "any"), claims=("id", "size"))
    first = by_key[KEY].first()
    out = first.join(out)
    row = pd.Series(np.arange(len(df)), index=df.index)
    ids = df["id"].to_numpy()

    def ids_at(at):
        # The ids of rows `at` (NaN: no row).
        rows = at.to_numpy()
        found = ~np.isnan(rows)
        cells = np.full(len(rows), "", dtype=object)
        cells[found] = ids[rows[found].astype(np.int64)]
        return cells

    def first_reaching(values, how):
        # The first row of each key whose value reaches the bound.
        reaches = values == values.groupby(df["key"]).transform(how)
        return ids_at(row.where(reaches).groupby(df["key"]).min())

    out["low_claim"] = first_reaching(df["low"], "min")
    out["high_claim"] = first_reaching(df["high"], "max")
    out["lower_claim"] = first_reaching(df["low"], "max")
    out["upper_claim"] = first_reaching(df["cap_high"].where(df["caps"]), "min")
    out["status"] = np.where(out["low"].isna(), "unknown",
                             np.where(out["capped"] & (out["lower"] > out["upper"]), "conflicting", "consistent"))
    out["high"] = out["high"].replace(np.inf, np.nan)
    out["upper"] = out["upper"].where(out["capped"])
    for column in ("low", "high", "lower", "upper"):
        out[column] = out[column].astype("Int64")  # whole numbers, empty when missing
    return out[KEY + ["low", "high", "lower", "upper", "status", "claims",
                      "low_claim", "high_claim", "lower_claim", "upper_claim"]]


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[0])
        print("usage: reconcile_csv_pandas.py CLAIMS.csv OUT.csv")
        return 2
    started = time.perf_counter()
    df = load(sys.argv[1])
    loaded = time.perf_counter()
    result = reconcile(df)
    reduced = time.perf_counter()
    result.to_csv(sys.argv[2], index=False)
    written = time.perf_counter()
    print(f"pandas {pd.__version__}, numpy {np.__version__}: {len(df)} claims, {len(result)} keys")
    print(f"read_csv {loaded - started:.2f} s, group-by {reduced - loaded:.2f} s, to_csv {written - reduced:.2f} s")
    print(f"seconds={written - started:.2f}")
    print(f"peak_rss_MiB={peak_rss_mib():.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

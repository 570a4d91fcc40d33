#!/usr/bin/env python3
"""Checks that the baselines of benchmarks/run_csv.sh compute what toll computes, on a small file.

    python3 benchmarks/check_csv_baselines.py TOLL [--rows N] [--pandas-python PY] [--keep DIR]

TOLL is the `toll` command. Generates a claims file of N rows (benchmarks/make_claims_csv.py,
default 20,000, seed 42), reconciles it with `toll reconcile --format csv --policy ucdp`, with
benchmarks/reconcile_csv_duckdb.mjs in both its forms and, when PY (default: this interpreter)
has pandas, with benchmarks/reconcile_csv_pandas.py, and compares:

- DuckDB --file-order against pandas: the same bytes (one reduction, two engines);
- DuckDB's default form against --file-order: the same keys, bounds, statuses and counts, and
  every claim it names reaches the bound it is named for (it may name another of those that tie);
- toll against DuckDB --file-order, key by key, where toll counted every claim of the key: the
  logical bounds (lower, upper) must agree, and so must the reported range (low, high) unless the
  key has a figure stated otherwise than as read: toll's reported range takes the numbers a
  figure states ("up to 30" states 30, "about 50" states 50: stated_low and stated_high in
  toll/reconcile/detail/rules.hpp), the baselines the ends of its reading (0 and 30, 45 and 55),
  the only numbers the generator gives them. Where they must agree, the claim toll names for each
  bound must be the smallest id (byte-wise) of the key's claims that reach it, as toll names a
  tie; the baselines name the first in the file (the pandas script's rule).
- Where toll excluded claims they cannot agree: the baselines reduce every row as it is, while
  toll applies the policy (ucdp admits no `other` source kind, sets aside a party's claim about
  its adversary, counts an origin's latest report only and a relayed figure once). Those keys are
  counted by the reasons toll gives. toll's `zero` status is `consistent` in the baselines, which
  have no such status.

Prints what it found; exits 1 when something that must agree does not, 0 otherwise (a baseline that
cannot run is reported as skipped).
"""

import argparse
import collections
import csv
import math
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
KEY = ("event", "category", "group", "about_party")
BOUNDS = ("low", "high", "lower", "upper")
LOGICAL = ("lower", "upper")
REPORTED = ("low", "high")
CLAIM_OF = {"low": "low_claim", "high": "high_claim", "lower": "lower_claim", "upper": "upper_claim"}
# The generator's phrasings whose stated numbers are not their reading's ends.
NOT_STATED_AS_READ = ("up to ", "fewer than ", "about ")


def keyed(path):
    with open(path, newline="", encoding="utf-8") as f:
        return {tuple(row[k] for k in KEY): row for row in csv.DictReader(f)}


def figures(path):
    """Each claim's pre-parsed figure: id -> (low, high, caps), None for a missing end; high inf when unbounded."""
    out = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            low = int(row["low"]) if row["low"] else None
            high = int(row["high"]) if row["high"] else (math.inf if low is not None else None)
            out[row["id"]] = (low, high, row["caps"] == "1")
    return out


def keys_stating_otherwise(path):
    """The keys with a figure phrased as one of NOT_STATED_AS_READ."""
    with open(path, newline="", encoding="utf-8") as f:
        return {tuple(row[k] for k in KEY) for row in csv.DictReader(f) if row["figure"].startswith(NOT_STATED_AS_READ)}


def claims_by_key(path):
    """Each key's claim ids."""
    out = collections.defaultdict(list)
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out[tuple(row[k] for k in KEY)].append(row["id"])
    return out


def cell(value):
    """A bound cell as a number (an empty `high` of a known figure is unbounded: inf)."""
    return int(value) if value else None


def reaches(claim, bound, row, figure):
    """Whether `claim` has the value that sets `bound` of the key's result `row`."""
    if claim not in figure:
        return False
    low, high, caps = figure[claim]
    if bound in ("low", "lower"):
        return low is not None and low == cell(row[bound])
    if bound == "high":
        return high is not None and high == (cell(row["high"]) if row["high"] else math.inf)
    return caps and high == cell(row["upper"])


def run(command, out_path=None):
    """Runs `command`; returns its stdout. Stdout goes to `out_path` instead when given."""
    if out_path is None:
        return subprocess.run(command, check=True, capture_output=True, text=True).stdout
    with open(out_path, "w", encoding="utf-8") as out:
        subprocess.run(command, check=True, stdout=out, stderr=subprocess.PIPE, text=True)
    return ""


class checks:
    def __init__(self):
        self.failed = False

    def report(self, ok, what):
        print(f"  {'ok' if ok else 'FAILED'}: {what}")
        self.failed |= not ok


def compare_forms(fast, ordered, figure, check):
    same_keys = fast.keys() == ordered.keys()
    check.report(same_keys, f"DuckDB's two forms: the same {len(ordered):,} keys")
    if not same_keys:
        return
    columns = BOUNDS + ("status", "claims")
    differing = [k for k in ordered if any(fast[k][c] != ordered[k][c] for c in columns)]
    check.report(not differing, f"DuckDB's two forms: the same bounds, statuses and counts ({len(differing):,} keys differ)")
    named, wrong, tie = 0, 0, 0
    for k, row in fast.items():
        for bound, column in CLAIM_OF.items():
            if not row[column]:
                continue
            named += 1
            if not reaches(row[column], bound, row, figure):
                wrong += 1
            elif row[column] != ordered[k][column]:
                tie += 1
    check.report(wrong == 0, f"DuckDB's default form: each of {named:,} claims named reaches its bound "
                             f"({tie:,} name another claim of a tie than the first in the file)")


def compare_with_toll(toll, baseline, stating_otherwise, figure, ids_of, check):
    check.report(toll.keys() == baseline.keys(), f"toll and DuckDB --file-order: the same {len(toll):,} keys")
    differs = lambda t, b, columns: any(t[c] != b[c] for c in columns)  # noqa: E731
    counted_all = [k for k, t in toll.items() if t["excluded"] == "0" and k in baseline]
    logical = [k for k in counted_all if differs(toll[k], baseline[k], LOGICAL)]
    check.report(not logical, f"toll and DuckDB agree on lower and upper wherever toll counted every claim "
                              f"({len(counted_all) - len(logical):,} of {len(counted_all):,} such keys)")
    reported = [k for k in counted_all if differs(toll[k], baseline[k], REPORTED)]
    unexplained = [k for k in reported if k not in stating_otherwise]
    check.report(not unexplained, f"... and on low and high but where a figure is stated otherwise than as read "
                                  f"({len(reported):,} keys differ there, {len(unexplained):,} elsewhere)")
    for k in (logical + unexplained)[:5]:
        print(f"      {';'.join(k)}: toll {[toll[k][c] for c in BOUNDS]}, DuckDB {[baseline[k][c] for c in BOUNDS]}")
    named, wrong, first_in_file = 0, [], 0
    for k in counted_all:
        t = toll[k]
        for bound in LOGICAL + (REPORTED if k not in stating_otherwise else ()):
            if not t[CLAIM_OF[bound]]:
                continue
            named += 1
            smallest = min(i for i in ids_of[k] if reaches(i, bound, t, figure))
            if t[CLAIM_OF[bound]] != smallest:
                wrong.append((k, bound))
            first_in_file += t[CLAIM_OF[bound]] == baseline[k][CLAIM_OF[bound]]
    check.report(not wrong, f"toll names the smallest id reaching the bound for each of {named:,} bounds there "
                            f"({first_in_file:,} of them also the first in the file, as the baselines do)")
    for k, bound in wrong[:5]:
        print(f"      {';'.join(k)}: {bound} by {toll[k][CLAIM_OF[bound]]}")
    excluded_keys = collections.Counter()  # reasons of the keys where the bounds differ
    agree = 0
    for k, t in toll.items():
        if k not in baseline:
            continue
        if not differs(t, baseline[k], BOUNDS):
            agree += 1
        elif t["excluded"] != "0":
            reasons = sorted({item.split("=", 1)[1].split(":", 1)[0] for item in t["excluded_claims"].split(";")})
            excluded_keys[", ".join(reasons)] += 1
    print(f"  {agree:,} keys agree on all four; {sum(excluded_keys.values()):,} differ where toll excluded claims, "
          "which the baselines count (reasons toll gives on those keys):")
    for reasons, n in excluded_keys.most_common():
        print(f"      {n:7,}  {reasons}")
    zero = sum(1 for k, t in toll.items() if t["status"] == "zero" and k in baseline and baseline[k]["status"] == "consistent")
    print(f"  {zero:,} keys toll calls zero are consistent in the baselines (they have no zero status)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("toll")
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--pandas-python", default=sys.executable)
    parser.add_argument("--keep", help="a folder to write the files into (kept), instead of a temporary one")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as temporary:
        work = Path(args.keep or temporary)
        work.mkdir(parents=True, exist_ok=True)
        claims = work / f"claims-{args.rows}.csv"
        run([sys.executable, str(HERE / "make_claims_csv.py"), str(claims), "--rows", str(args.rows)])
        run([args.toll, "reconcile", str(claims), "--format", "csv", "--policy", "ucdp"], work / "toll.csv")
        print(f"baselines against toll on {args.rows:,} generated rows (benchmarks/check_csv_baselines.py)")
        check = checks()

        duckdb = HERE / "reconcile_csv_duckdb.mjs"
        said = run(["node", str(duckdb), "--file-order", str(claims), str(work / "duckdb-ordered.csv")])
        if "skipped" in said:
            print(f"  DuckDB: {said.strip()}")
            return 0
        run(["node", str(duckdb), str(claims), str(work / "duckdb.csv")])
        ordered = keyed(work / "duckdb-ordered.csv")

        said = run([args.pandas_python, str(HERE / "reconcile_csv_pandas.py"), str(claims), str(work / "pandas.csv")])
        if "skipped" in said:
            print("  pandas: not installed, not compared")
        else:
            same = (work / "pandas.csv").read_bytes() == (work / "duckdb-ordered.csv").read_bytes()
            check.report(same, "DuckDB --file-order writes the same bytes as pandas")

        compare_forms(keyed(work / "duckdb.csv"), ordered, figures(claims), check)
        compare_with_toll(keyed(work / "toll.csv"), ordered, keys_stating_otherwise(claims), figures(claims),
                          claims_by_key(claims), check)
        return 1 if check.failed else 0


if __name__ == "__main__":
    sys.exit(main())

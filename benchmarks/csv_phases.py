#!/usr/bin/env python3
"""Where `toll reconcile --format csv` spends its time, phase by phase, and on how many cores.

    python3 benchmarks/csv_phases.py TOLL CLAIMS.csv [--autogroup-nice N] [--frequency HZ]

Runs `TOLL reconcile CLAIMS.csv --format csv` under `perf record` (Debian: apt-get install
linux-perf), output to /dev/null, and cuts the run into phases by the threads the reconciler
starts: threads whose lives overlap make one parallel phase (reading the parts, grouping the key
blocks, reducing and writing), and the stretches between them are the calling thread alone. For
each phase it prints the wall time, the CPU time of all threads (perf's samples), the CPU
utilisation (100% = one core busy throughout), the busiest thread's CPU time (what the phase
would take with a core per thread) and its three hottest functions, which name the phase.

A phase on one thread that takes a large share of the wall time is what keeps the run from using
every core. On a machine shared with other sessions, use --autogroup-nice -20 (root): the run gets
an autogroup of its own at that nice (see benchmarks/run_csv.sh), or the numbers say more about
the other sessions than about toll.
"""

import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile

EVENT = re.compile(r"\s*\S+\s+(\d+)\s+([\d.]+):\s+PERF_RECORD_(FORK|EXIT)\((\d+):(\d+)\)")
SAMPLE = re.compile(r"\s*\S+\s+(\d+)\s+([\d.]+):\s+[0-9a-f]+\s+(.*)")
TRIM = ("toll::detail::bulk_csv::", "toll::claims_csv_reconciler::", "toll::")


def short(symbol):
    symbol = symbol.split("(")[0].split("<")[0]
    for prefix in TRIM:
        symbol = symbol.replace(prefix, "")
    return symbol[:34]


def record(toll, claims, data, frequency, nice):
    def start_alone():
        if nice is not None:
            os.setsid()
            with open("/proc/self/autogroup", "w", encoding="ascii") as f:
                f.write(str(nice))

    command = ["perf", "record", "-q", "-F", str(frequency), "-o", data, toll, "reconcile", claims, "--format", "csv"]
    with open(os.devnull, "w", encoding="ascii") as out:
        subprocess.run(command, check=True, stdout=out, preexec_fn=start_alone)
    return subprocess.run(["perf", "script", "-i", data, "--show-task-events", "-F", "comm,tid,time,ip,sym"],
                          check=True, capture_output=True, text=True).stdout


def phases(script):
    """[(name, start, end)] over the run: parallel phases where threads overlap, one thread between."""
    forks, exits, samples = {}, {}, []
    for line in script.splitlines():
        if m := EVENT.match(line):
            (forks if m.group(3) == "FORK" else exits)[int(m.group(5))] = float(m.group(2))
        elif m := SAMPLE.match(line):
            samples.append((int(m.group(1)), float(m.group(2)), m.group(3).strip()))
    if not samples:
        sys.exit("csv_phases.py: perf recorded no samples")
    main = samples[0][0]
    start, end = samples[0][1], samples[-1][1]
    lives = sorted((forks[t], exits.get(t, end)) for t in forks if t != main)
    waves = []
    for begin, finish in lives:
        if waves and begin < waves[-1][1]:
            waves[-1][1] = max(waves[-1][1], finish)
            waves[-1][2] += 1
        else:
            waves.append([begin, finish, 1])
    cuts, at = [], start
    for begin, finish, threads in waves:
        if begin > at:
            cuts.append(("one thread", at, begin))
        cuts.append((f"{threads + 1} threads", begin, finish))
        at = finish
    if end > at:
        cuts.append(("one thread", at, end))
    return cuts, samples, start, end


def main():
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("toll")
    parser.add_argument("claims")
    parser.add_argument("--autogroup-nice", type=int)
    parser.add_argument("--frequency", type=int, default=1999, help="perf samples per second and thread")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as work:
        script = record(args.toll, args.claims, os.path.join(work, "perf.data"), args.frequency, args.autogroup_nice)
    cuts, samples, start, end = phases(script)
    per_second = float(args.frequency)
    print(f"{'phase':14} {'from s':>7} {'wall s':>7} {'CPU s':>7} {'CPU %':>6} {'busiest s':>9}  hottest functions")
    for name, begin, finish in cuts:
        inside = [s for s in samples if begin <= s[1] < finish]
        wall = finish - begin
        if not inside or wall < 0.005:
            continue
        threads = collections.Counter(s[0] for s in inside)
        hottest = collections.Counter(short(s[2]) for s in inside).most_common(3)
        print(f"{name:14} {begin - start:7.2f} {wall:7.2f} {len(inside) / per_second:7.2f} "
              f"{100 * len(inside) / per_second / wall:6.0f} {max(threads.values()) / per_second:9.2f}  "
              + ", ".join(f"{symbol} {100 * n // len(inside)}%" for symbol, n in hottest))
    wall = end - start
    print(f"{'whole run':14} {0:7.2f} {wall:7.2f} {len(samples) / per_second:7.2f} {100 * len(samples) / per_second / wall:6.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

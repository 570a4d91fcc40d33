#!/usr/bin/env python3
"""Writes a large synthetic claims CSV (docs/csv-format.md) for benchmarks/run_csv.sh.

    python3 benchmarks/make_claims_csv.py OUT.csv [--rows N] [--seed S]

Deterministic from the seed (Python's random.Random, whose sequence is fixed for a seed). The mix
(10 million rows by default):

- about 2.1 claims per key, skewed (1: 55%, 2: 25%, 3: 10%, 5: 5%, 8: 4%, 20: 1%), so 10 million
  rows make about 4.7 million keys over about 2 million events; 2% of keys are about two events
  together (`ev0000012;ev0000013`);
- categories, groups (with `about_party` for combatants) and a pool of 400 origins of every kind,
  some belonging to a party (so some claims are a party's claim about its adversary), relayed
  through 0-2 outlets;
- figures in the phrasings people write: `12`, `1,600`, `30–62`, `30-62`, `between 200 and 400`,
  `at least 20`, `20+`, `over 60`, `more than 13`, `about 50`, `up to 30`, `fewer than 30`,
  `twenty-one`, `dozens`, `hundreds`, `several`, `unknown`, `none`;
- report dates over 2020-2025 (3% empty), short texts with commas and quotes (so quoted fields
  with doubled quotes are common);
- a key's claims sit near each other, as reports about one event do, but not next to each other:
  rows are shuffled within windows of 100,000.

Three extra columns, `low`, `high` and `caps`, hold each figure pre-parsed under the ucdp policy
(literal vague words, "about n" as n ± 10%, `high` empty when unbounded, both empty for
"unknown"; `caps` 1 when the high end caps the count). They are for the pandas baseline, which
cannot read "at least 20"; toll keeps them as extra columns and reads the `figure` column itself.
"""

import argparse
import random
import sys

CLAIMS_PER_KEY = [(55, 1), (80, 2), (90, 3), (95, 5), (99, 8), (100, 20)]
CATEGORIES = [(60, "killed"), (80, "injured"), (86, "missing"), (90, "kidnapped"), (94, "displaced"),
              (99, "casualties"), (100, "captured")]
# (weight limit, group, about_party choices)
GROUPS = [(40, "civilians", [""]), (62, "all", [""]), (77, "security_forces", ["Mali", "Burkina Faso", "Niger"]),
          (89, "armed_group", ["JNIM", "ISSP"]), (93, "civilians/Malian nationals", [""]),
          (96, "named/dozo hunters", ["", "Mali"]), (98, "unknown", [""]), (100, "civilians/women and children", [""])]
KINDS = ["un_body", "ngo", "media", "government", "armed_group", "medical", "local_official", "witness", "dataset",
         "other"]
OUTLETS = ["RFI", "Reuters", "AFP", "Le Monde", "Al Jazeera", "Jeune Afrique", "BBC Afrique", "Studio Tamani"]
WORDS = {21: "twenty-one", 30: "thirty", 12: "twelve", 40: "forty", 15: "fifteen", 50: "fifty"}
VAGUE = [("dozens", 24, 99), ("hundreds", 200, 999), ("several", 3, 9), ("a few", 2, 5)]
PLACES = ["Moura", "Kani Bonzon", "Farabougou", "Gao", "Ansongo", "Kamona", "Balle", "Djenné", "Ségou", "Mopti"]
VERBS = ["were killed", "died", "lost their lives", "were reported dead", "were counted"]


def pick(rng, table):
    u = rng.random() * 100
    for limit, *value in table:
        if u < limit:
            return value[0] if len(value) == 1 else value
    return table[-1][1:]


def make_origins(rng):
    origins = []
    for i in range(400):
        kind = KINDS[i % len(KINDS)]
        party = ""
        if kind == "armed_group":
            party = rng.choice(["JNIM", "ISSP"])
        elif kind == "government" and i % 3 == 0:
            party = rng.choice(["Mali", "Burkina Faso"])
        name = f"{kind.replace('_', ' ').title()} {i:03d}"
        if i % 17 == 0:
            name = f"Collectif, {name}"  # a comma: the field is quoted
        origins.append((name, kind, party))
    return origins


def figure_for(rng, centre):
    """A phrasing near `centre`, and its (low, high, caps) reading under ucdp."""
    u = rng.random() * 100
    n = max(1, centre + rng.randrange(-centre // 4 - 1, centre // 4 + 2))
    if u < 34:
        return str(n), n, n, 0
    if u < 37:
        big = n * 100 + rng.randrange(100)
        return f"{big:,}", big, big, 0
    if u < 47:
        hi = n + 1 + rng.randrange(n + 5)
        dash = "\u2013" if rng.random() < 0.6 else "-"
        return f"{n}{dash}{hi}", n, hi, 1
    if u < 49:
        hi = n + 1 + rng.randrange(n + 5)
        return f"between {n} and {hi}", n, hi, 1
    if u < 58:
        return f"at least {n}", n, None, 0
    if u < 61:
        return f"{n}+", n, None, 0
    if u < 67:
        return f"over {n}", n + 1, None, 0
    if u < 70:
        return f"more than {n}", n + 1, None, 0
    if u < 78:
        slack = n * 10 // 100
        return f"about {n}", n - slack, n + slack, 0
    if u < 82:
        return f"up to {n}", 0, n, 1
    if u < 84:
        return f"fewer than {n + 1}", 0, n, 1
    if u < 87:
        w = rng.choice(list(WORDS))
        return WORDS[w], w, w, 0
    if u < 93:
        word, lo, hi = rng.choice(VAGUE)
        return word, lo, hi, 1
    if u < 98:
        return "unknown", None, None, 0
    return "none", 0, 0, 1


def csv_field(text):
    if "," in text or '"' in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def main():
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    origins = make_origins(rng)
    origin_fields = [(csv_field(name), kind, party) for name, kind, party in origins]
    dates = [f"{y}-{m:02d}-{d:02d}" for y in range(2020, 2026) for m in range(1, 13) for d in range(1, 29)]
    header = "id,event,category,group,figure,source,source_kind,party,about_party,via,reported,text,low,high,caps\n"

    rows_written = 0
    next_event = 0
    window = []
    window_size = 100_000
    keys = 0
    with open(args.out, "w", encoding="utf-8", newline="") as out:
        out.write(header)

        def flush():
            rng.shuffle(window)
            out.write("".join(window))
            window.clear()

        while rows_written < args.rows:
            # One event and its keys: 1-4 keys per event.
            event = f"ev{next_event:07d}"
            next_event += 1
            scope = event
            if rng.random() < 0.02:
                scope = f"{event};ev{next_event:07d}"  # about this event and the next together
            for _ in range(1 + rng.randrange(4)):
                if rows_written >= args.rows:
                    break
                keys += 1
                category = pick(rng, CATEGORIES)
                group, parties = pick(rng, GROUPS)
                about = rng.choice(parties)
                centre = 1 + int(rng.expovariate(1 / 30))
                place = rng.choice(PLACES)
                for _ in range(min(pick(rng, CLAIMS_PER_KEY), args.rows - rows_written)):
                    figure, low, high, caps = figure_for(rng, centre)
                    name, kind, party = origin_fields[rng.randrange(len(origin_fields))]
                    v = rng.random()
                    via = "" if v < 0.45 else rng.choice(OUTLETS) if v < 0.85 else ";".join(rng.sample(OUTLETS, 2))
                    reported = "" if rng.random() < 0.03 else rng.choice(dates)
                    t = rng.random()
                    if t < 0.3:
                        text = f'Residents of {place} said "{figure}" people {rng.choice(VERBS)}, including women'
                    elif t < 0.7:
                        text = f"{figure} {rng.choice(VERBS)} in {place}, according to the source"
                    else:
                        text = f"{figure} {rng.choice(VERBS)} near {place}"
                    window.append(",".join((
                        f"c{rows_written:08d}", scope, category, group, csv_field(figure), name, kind, party, about, via,
                        reported, csv_field(text), "" if low is None else str(low), "" if high is None else str(high),
                        str(caps))) + "\n")
                    rows_written += 1
                if len(window) >= window_size:
                    flush()
        flush()
    print(f"{rows_written} rows, {keys} keys, {next_event} events written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The pandas baseline of benchmarks/run_import_ged.sh: a GED CSV read with pandas.read_csv and
mapped to toll's claims CSV as `toll import ged` maps it (docs/datasets.md), then written with
to_csv. What a careful analyst would write by hand, vectorised:

- per row a total claim (low–high keeping the best, or "0" when all three are 0) and one claim
  per deaths_* column (a 0 is "unknown"; no deaths_b for one-sided violence), about group all,
  the side's group (security_forces of X for "Government of X", else armed_group of the side),
  civilians and unknown;
- the origin named by source_original when it is one name whose kind the keyword table knows
  (classified once per distinct name), relayed through source_office and UCDP GED; otherwise
  UCDP GED itself, with an unplaced name noted in the text;
- the report date the latest of source_date.

It does not check cells as toll does (dates, counts, ranges): it trusts the file.

    import_ged_pandas.py GED.csv OUT.csv
"""

import sys

import numpy as np
import pandas as pd

# (keyword in the lower-cased name, kind, party), the first that matches wins; as toll's lexicon
# classifies the benchmark's names.
KINDS = [("human rights watch", "ngo", ""), ("amnesty", "ngo", ""), ("red cross", "ngo", ""), ("minusma", "un_body", ""),
         ("ocha", "un_body", ""), ("unhcr", "un_body", ""), ("acled", "dataset", ""), ("reuters", "media", ""),
         ("afp", "media", ""), ("rfi", "media", ""), ("jnim", "armed_group", "JNIM"),
         ("islamic state", "armed_group", "Islamic State"), ("boko haram", "armed_group", "Boko Haram"),
         ("malian army", "government", "Mali"), ("police", "government", ""), ("hospital", "medical", ""),
         ("medic", "medical", ""), ("mayor", "local_official", ""), ("local official", "local_official", ""),
         ("governor", "local_official", ""), ("residents", "witness", ""), ("witnesses", "witness", ""),
         ("survivors", "witness", ""), ("villagers", "witness", "")]


def classify(name):
    lowered = name.lower()
    for key, kind, party in KINDS:
        if key in lowered:
            return kind, party
    return "other", ""


def main():
    source, out = sys.argv[1], sys.argv[2]
    df = pd.read_csv(source, dtype={"source_original": str, "source_office": str, "source_date": str},
                     keep_default_na=False)
    event = "ged-" + df["id"].astype(str)

    original = df["source_original"].str.strip()
    single = (original != "") & ~original.str.contains(";", regex=False)
    names = pd.Series(original[single].unique())
    table = {n: classify(n) for n in names}
    kind = original.map(lambda n: table.get(n, ("other", ""))[0])
    party = original.map(lambda n: table.get(n, ("other", ""))[1])
    named = single & (kind != "other")
    unplaced = single & (kind == "other")
    origin = np.where(named, original, "UCDP GED")
    origin_kind = np.where(named, kind, "dataset")
    origin_party = np.where(named, party, "")
    office = df["source_office"].str.split(";").map(lambda items: ";".join(i.strip() for i in items if i.strip()))
    via = np.where(named, np.where(office != "", office + ";UCDP GED", "UCDP GED"), "")
    note = np.where(unplaced, " (source_original: " + df["source_original"] + ")", "")
    reported = df["source_date"].str.split(";", expand=True).fillna("").max(axis=1)

    low, best, high = (df[c].astype(str) for c in ("low", "best", "high"))
    zero = (df["low"] == 0) & (df["high"] == 0)
    base = pd.DataFrame({"event": event, "category": "killed", "source": origin, "source_kind": origin_kind,
                         "party": origin_party, "via": via, "reported": reported})

    def side_group(side):
        government = side.str.startswith("Government of ")
        return np.where(government, "security_forces", "armed_group"), np.where(government, side.str[14:], side)

    frames = []
    total = base.copy()
    total.insert(0, "id", event + "-total")
    total["group"] = "all"
    total["about_party"] = ""
    total["figure"] = np.where(zero, "0", low + "\u2013" + high + " (best " + best + ")")
    total["text"] = "low " + low + ", best " + best + ", high " + high + note
    frames.append(total)
    for column, suffix, rows in (("deaths_a", "-a", slice(None)), ("deaths_b", "-b", df["type_of_violence"] != 3),
                                 ("deaths_civilians", "-civilians", slice(None)), ("deaths_unknown", "-unknown", slice(None))):
        part = base.copy()
        part.insert(0, "id", event + suffix)
        if column == "deaths_a":
            part["group"], part["about_party"] = side_group(df["side_a"])
        elif column == "deaths_b":
            part["group"], part["about_party"] = side_group(df["side_b"])
        else:
            part["group"] = "civilians" if column == "deaths_civilians" else "unknown"
            part["about_party"] = ""
        n = df[column]
        part["figure"] = np.where(n == 0, "unknown", n.astype(str))
        part["text"] = column + " " + n.astype(str) + note
        frames.append(part[rows] if not isinstance(rows, slice) else part)
    claims = pd.concat(frames, ignore_index=True)
    columns = ["id", "event", "category", "group", "figure", "source", "source_kind", "party", "about_party", "via",
               "reported", "text"]
    claims[columns].to_csv(out, index=False, lineterminator="\n")
    print(f"{len(df)} rows, {len(claims)} claims")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes a large synthetic UCDP GED CSV (the 49 columns of a GED export) for
benchmarks/run_import_ged.sh.

    python3 benchmarks/make_ged_csv.py OUT.csv [--rows N] [--seed S]

Deterministic from the seed. The mix: the three types of violence (side_b "Civilians" for
one-sided), 40 sides (a few governments), source_original empty (a third), one named source from
a pool of 30 (toll's classifier knows most), or several joined by ';'; one to three outlets in
source_office and dates in source_date; where_prec 1-7 and date_prec 1-5 with the dates they
imply (a day, a span, a calendar month or year); deaths per side summing to best, low <= best <=
high; source_article quoting a headline with commas and doubled quotes, as GED's does.
"""

import argparse
import csv
import datetime
import random

COLUMNS = ("id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,conflict_name,"
           "dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,side_b_dset_id,side_b_new_id,side_b,"
           "number_of_sources,source_article,source_office,source_date,source_headline,source_original,where_prec,"
           "where_coordinates,where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,country_id,"
           "region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,"
           "high,low,gwnoa,gwnob").split(",")
COUNTRIES = [("Mali", 432), ("Burkina Faso", 439), ("Niger", 436), ("Nigeria", 475), ("Somalia", 520)]
GOVERNMENTS = [f"Government of {c}" for c, _ in COUNTRIES]
GROUPS = ["JNIM", "IS Sahel", "Ansaru", "Boko Haram", "ISWAP", "Al-Shabaab", "MNLA", "CMA", "Dan Na Ambassagou",
          "Koglweogo", "VDP"] + [f"Militia {i}" for i in range(24)]
SOURCES = ["residents", "local sources", "Malian army", "JNIM", "Human Rights Watch", "MINUSMA", "local officials",
           "witnesses", "hospital staff", "Amnesty International", "the mayor", "ACLED", "Reuters", "AFP", "RFI",
           "survivors", "a local official", "Islamic State", "Boko Haram", "police", "OCHA", "UNHCR", "villagers",
           "Red Cross", "a medic", "the governor", "relatives", "local journalists", "a spokesman", "community leaders"]
OUTLETS = ["AFP", "Reuters", "RFI", "Xinhua", "Studio Tamani", "BBC", "Al Jazeera", "AP", "Le Monde", "Jeune Afrique"]
PLACES = ["Kani Bonzon", "Farabougou", "Moura", "Kobe", "Boni", "Sevare", "Diabaly", "Sokolo", "Mondoro", "Tessit",
          "Menaka", "Bourem", "Djibo", "Arbinda", "Maiduguri", "Baidoa"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    day0 = datetime.date(1989, 1, 1)
    with open(args.out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(COLUMNS)
        for i in range(args.rows):
            violence = rnd.choice((1, 1, 2, 3, 3))
            country, country_id = rnd.choice(COUNTRIES)
            if violence == 1:
                side_a, side_b = f"Government of {country}", rnd.choice(GROUPS)
            elif violence == 2:
                side_a, side_b = rnd.sample(GROUPS, 2)
            else:
                side_a, side_b = rnd.choice(GROUPS + GOVERNMENTS[:2]), "Civilians"
            r = rnd.random()
            original = "" if r < 0.33 else rnd.choice(SOURCES) if r < 0.85 else ";".join(rnd.sample(SOURCES, 2))
            offices = rnd.sample(OUTLETS, rnd.randint(1, 3))
            start = day0 + datetime.timedelta(days=rnd.randrange(13000))
            date_prec = rnd.choice((1, 1, 1, 1, 2, 3, 4, 5))
            if date_prec == 1:
                end = start
            elif date_prec in (2, 3):
                end = start + datetime.timedelta(days=rnd.randint(1, 6))
            elif date_prec == 4:
                start = start.replace(day=1)
                end = (start.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - datetime.timedelta(days=1)
            else:
                start, end = start.replace(month=1, day=1), start.replace(month=12, day=31)
            dates = sorted({(end + datetime.timedelta(days=rnd.randint(0, 20))).isoformat() for _ in offices})
            parts = [rnd.choice((0, 0, 1, 2, 5, 12)) for _ in range(4)]
            if violence == 3:
                parts[1] = 0
            if sum(parts) == 0:
                parts[2] = 1
            best = sum(parts)
            low = max(0, best - rnd.choice((0, 0, 1, 3)))
            high = best + rnd.choice((0, 0, 2, 10))
            where_prec = rnd.choice((1, 1, 1, 2, 2, 3, 4, 5, 6, 7))
            place = rnd.choice(PLACES)
            lat, lon = round(rnd.uniform(-2, 20), 4), round(rnd.uniform(-10, 45), 4)
            headline = f"{rnd.randint(2, 90)} killed in attack near {place}, officials say"
            gid = 400000 + i
            w.writerow([gid, f"{country[:3].upper()}-{start.year}-{violence}-{i}", start.year, "TRUE", "Clear", violence,
                        100 + violence, 100 + violence, f"{country}: Government", 1000 + i % 500, 1000 + i % 500,
                        f"{side_a} - {side_b}", 10 + i % 40, 10 + i % 40, side_a, 50 + i % 40, 50 + i % 40, side_b,
                        len(offices), f'{offices[0]},{dates[0]},"{headline}"', ";".join(offices), ";".join(dates),
                        headline, original, where_prec, f"{place} village", f"{place}, near the road", f"{place} region",
                        f"{place} district", lat, lon, f"POINT ({lon} {lat})", 150000 + i % 9000, country, country_id,
                        "Africa", rnd.choice((1, 2)), date_prec, start.isoformat(), end.isoformat(), *parts, best, high,
                        low, country_id, "" if violence != 1 else ""])


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Build devon_outward.csv and devon_postcodes.csv from the shared ONS-derived files.

Usage: python3 derive.py [SOURCE_DIR]   (default ../shared/data/devon beside the project)

District codes and area ids come from devon.toml next to this script; every LAD that is
not one of its districts (Plymouth, Torbay, Dorset, Somerset, Cornwall) becomes the
area of kind "outside". Postcodes without a LAD are dropped. Python 3.11+ stdlib only.
"""

import csv
import re
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The shared open-data folder sits beside the project: ../shared/data/devon.
SOURCE = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[2] / "shared" / "data" / "devon"


def natural(outward):
    """EX2 before EX10."""
    m = re.fullmatch(r"([A-Z]+)(\d+)([A-Z]?)", outward)
    return (m[1], int(m[2]), m[3])


def read_csv(name):
    with open(SOURCE / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main():
    config = tomllib.loads((HERE / "devon.toml").read_text(encoding="utf-8"))
    areas = config["areas"]
    order = {a["id"]: i for i, a in enumerate(areas)}
    by_code = {a["code"]: a["id"] for a in areas if a["kind"] == "district"}
    (outside,) = [a["id"] for a in areas if a["kind"] == "outside"]

    # The TOML's districts must be exactly the LTLAs under Devon (E10000008).
    lads = read_csv("lad_to_utla_2021_devon.csv")
    devon = {r["LTLA21CD"] for r in lads if r["UTLA21CD"] == "E10000008"}
    assert devon == set(by_code), f"districts {sorted(by_code)} != Devon LTLAs {sorted(devon)}"

    counts = defaultdict(Counter)  # outward -> area -> postcode units
    area_of = {}  # postcode -> area
    for r in read_csv("devon_area_postcodes_lad25.csv"):
        if not r["lad25cd"]:
            continue
        area = by_code.get(r["lad25cd"], outside)
        counts[r["outward_code"]][area] += 1
        area_of[r["postcode"]] = area

    # Cross-check against the published breakdown (by LAD name) after the same mapping.
    name_to_id = {r["LTLA21NM"]: by_code.get(r["LTLA21CD"], outside) for r in lads}
    published = {}
    for r in read_csv("outward_to_district.csv"):
        c = Counter()
        for part in r["breakdown_by_lad"].split(";"):
            name, n = part.rsplit("=", 1)
            c[name_to_id.get(name, outside)] += int(n)
        published[r["outward_code"]] = c
    assert published == counts, "unit postcodes disagree with outward_to_district.csv"

    outwards = sorted(counts, key=natural)
    ranked = {
        o: sorted(counts[o].items(), key=lambda kv: (-kv[1], order[kv[0]])) for o in outwards
    }
    with open(HERE / "devon_outward.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["outward", "area", "postcodes"])
        for o in outwards:
            w.writerows([o, area, n] for area, n in ranked[o])

    # Exact lookup is only needed where an outward code spans more than one area.
    split = {o for o in outwards if len(counts[o]) > 1}
    rows = sorted(
        ((pc, a) for pc, a in area_of.items() if pc.split(" ")[0] in split),
        key=lambda r: (natural(r[0].split(" ")[0]), r[0]),
    )
    with open(HERE / "devon_postcodes.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["postcode", "area"])
        w.writerows(rows)

    print(f"{len(outwards)} outward codes ({len(split)} split), {len(rows)} unit postcodes")


if __name__ == "__main__":
    main()

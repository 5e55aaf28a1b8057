#!/usr/bin/env python3
"""Build devon_districts.geojson, the outlines the staff dashboard's map is drawn from.

Usage: python3 derive_map.py [SOURCE_DIR]   (default ../shared/data/devon beside the project)

Reads SOURCE_DIR/districts.geojson (ONS May-2024 LAD boundaries, already generalised and
simplified with shared edges, WGS84 lon/lat to 4 decimal places), checks it holds exactly the
districts in devon.toml plus the two unitary authorities drawn for context (Plymouth,
Torbay), and writes one Feature each with only {id, code, name, kind}: kind "district" for the
ones counted, "context" for the others. Rings are kept as they are (no further
simplification: at the dashboard's size one point is ~150 m, coarser than any 4 dp step),
except that repeated points are dropped. heard projects the lon/lat itself
(src/coverage/map.rs). Python 3.11+ stdlib only.
"""

import json
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[2] / "shared" / "data" / "devon"
CONTEXT = {"E06000026": "plymouth", "E06000027": "torbay"}


def dedupe(ring):
    out = []
    for point in ring:
        point = [round(point[0], 4), round(point[1], 4)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def rings(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["coordinates"]
    raise SystemExit(f"unexpected geometry {geometry['type']}")


def main():
    config = tomllib.loads((HERE / "devon.toml").read_text(encoding="utf-8"))
    districts = {a["code"]: a["id"] for a in config["areas"] if a["kind"] == "district"}
    source = json.loads((SOURCE / "districts.geojson").read_text(encoding="utf-8"))
    features = []
    seen = set()
    for f in source["features"]:
        code = f["properties"]["code"]
        if code in districts:
            kind, want = "district", districts[code]
        elif code in CONTEXT:
            kind, want = "context", CONTEXT[code]
        else:
            raise SystemExit(f"{code} is neither a district in devon.toml nor context")
        if f["properties"]["id"] != want:
            raise SystemExit(f"{code}: id {f['properties']['id']!r}, devon.toml says {want!r}")
        seen.add(code)
        polygons = [[dedupe(r) for r in polygon] for polygon in rings(f["geometry"])]
        features.append({
            "type": "Feature",
            "properties": {"id": want, "code": code, "name": f["properties"]["name"], "kind": kind},
            "geometry": {"type": "MultiPolygon", "coordinates": polygons},
        })
    missing = (set(districts) | set(CONTEXT)) - seen
    if missing:
        raise SystemExit(f"missing from the source: {sorted(missing)}")
    features.sort(key=lambda f: (f["properties"]["kind"] != "district", f["properties"]["code"]))
    out = {
        "type": "FeatureCollection",
        "source": "ONS Local Authority Districts (May 2024) boundaries, generalised, via "
                  "open-innovations/geography-bits (commit cbb0335856e2). Contains OS data "
                  "© Crown copyright and database right 2024. Source: Office for National "
                  "Statistics licensed under the Open Government Licence v3.0.",
        "features": features,
    }
    text = json.dumps(out, separators=(",", ":"), ensure_ascii=False)
    (HERE / "devon_districts.geojson").write_text(text + "\n", encoding="utf-8")
    print(f"devon_districts.geojson: {len(features)} areas, {len(text)} bytes")


if __name__ == "__main__":
    main()

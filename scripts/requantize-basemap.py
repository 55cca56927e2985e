#!/usr/bin/env python3
"""Requantizes a TopoJSON basemap onto a coarser grid, to send fewer bytes.

    python3 scripts/requantize-basemap.py IN.json OUT.json STEPS

world-atlas's countries-110m comes quantized to 100,000 steps a side (0.0036
degrees of longitude); the 1:110M data itself is only accurate to tens of
kilometres, so public/maps/countries-110m.json keeps 7,500 steps (0.048
degrees, about 5 km), which no map of ours can show. (The `land` object
stays: page-logic's tests draw the locator image from it.) Each arc's points are moved to the new
grid, points that land on the one before are dropped (an arc keeps at least
two), and arcs stay delta-encoded, so shared arc ends stay shared.
"""
import json
import sys


def main(src: str, dst: str, steps: int) -> None:
    topo = json.load(open(src))
    sx, sy = topo["transform"]["scale"]
    west, _, east, _ = topo["bbox"]
    old_steps = round((east - west) / sx) + 1
    k = (steps - 1) / (old_steps - 1)
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            p = (round(x * k), round(y * k))
            if not points or points[-1] != p:
                points.append(p)
        if len(points) < 2:
            points.append(points[0])
        out = [list(points[0])]
        for (x0, y0), (x1, y1) in zip(points, points[1:]):
            out.append([x1 - x0, y1 - y0])
        arcs.append(out)
    topo["arcs"] = arcs
    topo["transform"]["scale"] = [sx / k, sy / k]
    with open(dst, "w") as f:
        json.dump(topo, f, separators=(",", ":"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))

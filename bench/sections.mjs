// bench/RESULTS-load.md holds one section (a `## ` heading and what follows
// it, up to the next `## `) per load script; each script replaces its own
// section and keeps the others.

import * as fs from "node:fs";

/** Replaces the section whose heading is `heading` in `file` with `lines` (which start with it), or appends it. */
export function writeSection(file, heading, lines) {
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const parts = text.split(/^(?=## )/m).filter((p) => p.trim() !== "");
  const body = lines.join("\n").replace(/\n*$/, "\n");
  const i = parts.findIndex((p) => p.split("\n", 1)[0].trim() === heading);
  if (i >= 0) parts[i] = body;
  else parts.push(body);
  fs.writeFileSync(file, parts.map((p) => p.replace(/\n*$/, "\n")).join("\n"));
}

// Writes brotli (.br) and gzip (.gz) siblings of every compressible file in a
// directory (default dist/), so the server can send them as they are.
// Uses Node's own zlib: nothing to install. A sibling is kept only when it is
// smaller than the original.
import { readdirSync, readFileSync, writeFileSync, unlinkSync } from "node:fs";
import { join, extname, relative } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const root = process.argv[2] ?? "dist";
const compressible = new Set([
  ".html", ".js", ".mjs", ".wasm", ".css", ".svg", ".json", ".txt", ".xml",
  ".map", ".ico", ".webmanifest", ".geojson", ".topojson",
]);

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

let before = 0;
let afterBr = 0;
const rows = [];
// Siblings left by an earlier run would be stale.
for (const path of [...walk(root)]) {
  if (path.endsWith(".br") || path.endsWith(".gz")) unlinkSync(path);
}
for (const path of walk(root)) {
  const ext = extname(path).toLowerCase();
  if (!compressible.has(ext)) continue;
  const data = readFileSync(path);
  const br = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_MODE]:
        ext === ".wasm" ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  const gz = gzipSync(data, { level: 9 });
  if (br.length < data.length) writeFileSync(path + ".br", br);
  if (gz.length < data.length) writeFileSync(path + ".gz", gz);
  before += data.length;
  afterBr += Math.min(br.length, data.length);
  rows.push([relative(root, path), data.length, gz.length, br.length]);
}
for (const [name, raw, gz, br] of rows) {
  console.log(`precompress: ${name}: ${raw} B, gzip ${gz} B, brotli ${br} B`);
}
console.log(`precompress: ${rows.length} files, ${before} B -> ${afterBr} B with brotli`);

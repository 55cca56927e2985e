// Load test of the reference backend (eventdesk-server, the API alone) over
// loopback: mixed reads and submissions at high concurrency, bounded in count
// and time. Then every submission that got a 202 is read back. Writes its
// section of bench/RESULTS-load.md, which bench/run.mjs appends to
// RESULTS.md. (bench/previews.mjs loads eventdesk-web in front of it.)
//
//   node bench/load.mjs [--requests 20000] [--concurrency 64] [--seconds 60]

import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { writeSection } from "./sections.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const REQUESTS = opt("--requests", 20000);
const CONCURRENCY = opt("--concurrency", 64);
const SECONDS = opt("--seconds", 60);
const PORT = opt("--port", 18901);
const ORIGIN = `http://127.0.0.1:${PORT}`;

const db = path.join(os.tmpdir(), "eventdesk-load.sqlite3");
for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
const bin = process.env.EVENTDESK_SERVER_BIN ?? path.join(root, "target/server/eventdesk-server");
const server = spawn(bin, ["--addr", `127.0.0.1:${PORT}`, "--db", db, "--fixtures", path.join(root, "server/fixtures")], {
  stdio: ["ignore", "ignore", "inherit"],
  env: { ...process.env, EVENTDESK_SUBMIT_LIMIT: "10000000/1m", RUST_LOG: "warn" },
});
process.on("exit", () => server.kill("SIGTERM"));

async function up() {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${ORIGIN}/api/v1/categories`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("server did not start");
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

try {
  await up();
  const ids = [];
  for (let cursor = null; ; ) {
    const page = await (await fetch(`${ORIGIN}/api/v1/events?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`)).json();
    ids.push(...page.items.map((e) => e.id));
    if (!page.next_cursor) break;
    cursor = page.next_cursor;
  }
  const cats = (await (await fetch(`${ORIGIN}/api/v1/categories`)).json()).map((c) => c.id);
  const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];
  const run = Date.now().toString(36);

  const kinds = {};
  const accepted = [];
  let errors = 0;
  const errorSamples = [];
  let sent = 0;
  const deadline = Date.now() + SECONDS * 1000;

  async function one() {
    const n = sent++;
    const r = Math.random();
    let kind, req;
    if (r < 0.4) (kind = "event"), (req = [`/api/v1/events/${pick(ids)}`]);
    else if (r < 0.65)
      (kind = "list"),
        (req = [`/api/v1/events?limit=20&${Math.random() < 0.5 ? `category=${pick(cats)}` : `q=${pick(["Paris", "earthquake", "election", "Ukraine", "flood"])}`}`]);
    else if (r < 0.75) (kind = "categories"), (req = ["/api/v1/categories"]);
    else if (r < 0.8) (kind = "methodology"), (req = ["/api/v1/methodology"]);
    else
      (kind = "submit"),
        (req = [
          `/api/v1/events/${pick(ids)}/submissions`,
          {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ url: `https://load.example/${run}/${n}`, note: "load test" }),
          },
        ]);
    const t0 = performance.now();
    try {
      const res = await fetch(ORIGIN + req[0], req[1]);
      const body = await res.text();
      const took = performance.now() - t0;
      (kinds[kind] ??= []).push(took);
      const ok = kind === "submit" ? res.status === 202 : res.status === 200;
      if (!ok) {
        errors++;
        if (errorSamples.length < 5) errorSamples.push(`${kind} ${res.status} ${body.slice(0, 120)}`);
      } else if (kind === "submit") accepted.push(JSON.parse(body).id);
    } catch (e) {
      errors++;
      if (errorSamples.length < 5) errorSamples.push(`${kind} ${e}`);
    }
  }

  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (sent < REQUESTS && Date.now() < deadline) await one();
    }),
  );
  const wall = (performance.now() - t0) / 1000;

  // Every accepted submission must be there.
  let lost = 0;
  for (const id of accepted) {
    const r = await fetch(`${ORIGIN}/api/v1/submissions/${id}`);
    if (r.status !== 200) lost++;
  }

  const all = Object.values(kinds).flat().sort((a, b) => a - b);
  const row = (name, xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return `| ${name} | ${s.length} | ${pct(s, 50).toFixed(1)} | ${pct(s, 95).toFixed(1)} | ${pct(s, 99).toFixed(1)} | ${s[s.length - 1].toFixed(1)} |`;
  };
  const lines = [
    "## Reference backend under load",
    "",
    `Run ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}: \`node bench/load.mjs\`, ${sent} requests from ${CONCURRENCY} concurrent clients over loopback (the load generator shares the machine's cores with the server), bounded to ${REQUESTS} requests or ${SECONDS} s.`,
    "",
    `- Throughput: ${(sent / wall).toFixed(0)} requests/s over ${wall.toFixed(1)} s`,
    `- Errors (any status but the expected 200/202, or a failed connection): ${errors}${errorSamples.length ? ` — e.g. ${errorSamples.join("; ")}` : ""}`,
    `- Submissions accepted: ${accepted.length}; read back afterwards: ${accepted.length - lost}; lost: ${lost}`,
    "",
    "| request | count | p50 ms | p95 ms | p99 ms | max ms |",
    "|---|---|---|---|---|---|",
    ...Object.entries(kinds).map(([k, xs]) => row(k, xs)),
    row("all", all),
    "",
  ];
  writeSection(path.join(here, "RESULTS-load.md"), lines[0], lines);
  console.log(lines.join("\n"));
  if (errors || lost) process.exitCode = 1;
} finally {
  server.kill("SIGTERM");
}

// A link going round: 2,000 link-preview requests for ONE event within 10 s,
// from many clients, at eventdesk-web in front of the reference API, over
// loopback. Each client is a crawler (a `Slackbot-LinkExpanding 1.0`
// User-Agent, an X-Forwarded-For of its own): most ask for the event's page
// (`GET /events/{paris}`), every fifth for its share card
// (`/share/events/{paris}.png`). Requests are spread evenly over the window
// (open loop, 200/s by default) on at most --concurrency connections at once;
// a slow server makes them queue, which the latencies then show.
//
// A tiny counting HTTP proxy sits between eventdesk-web and the API, so the
// upstream calls the burst causes are counted: with the answers cached and
// concurrent requests coalesced, a handful instead of one per request.
// Writes its section of bench/RESULTS-load.md.
//
//   node bench/previews.mjs [--requests 2000] [--seconds 10] [--concurrency 100]
//                           [--card-every 5] [--port 18910]
//                           [--api http://HOST:PORT]   (use a running API: this script
//                                                       starts only the proxy and eventdesk-web)
//                           [--web http://HOST:PORT]   (use a running eventdesk-web as it is:
//                                                       upstream calls are then not counted)
//                           [--no-write]
//
// Loopback only; every loop is bounded by --requests and by the window plus 60 s.

import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { writeSection } from "./sections.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const REQUESTS = Number(opt("--requests", 2000));
const SECONDS = Number(opt("--seconds", 10));
const CONCURRENCY = Number(opt("--concurrency", 100));
const CARD_EVERY = Number(opt("--card-every", 5));
const PORT = Number(opt("--port", 18910));
const API_GIVEN = opt("--api", null);
const WEB_GIVEN = opt("--web", null);
const PARIS = "paris-coalition-security-guarantees-2025-09-04";
const HEADLINE = "Coalition of the Willing meets Zelensky in Paris on security guarantees";
const UA = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)";
const HEADING = "## Link previews through eventdesk-web";

for (const given of [API_GIVEN, WEB_GIVEN]) {
  if (given && !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\/?$/.test(given)) {
    console.error(`previews: ${given}: only a loopback origin, e.g. http://127.0.0.1:8080`);
    process.exit(2);
  }
}

const log = (...a) => console.error("previews:", ...a);
const children = [];
const stopAll = () => {
  for (const c of children) c.kill("SIGTERM");
};
process.on("exit", stopAll);
process.on("SIGINT", () => process.exit(130));

function start(bin, argv, env = {}) {
  const child = spawn(bin, argv, {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, RUST_LOG: "warn", ...env },
  });
  children.push(child);
  return child;
}

async function waitUp(url, anyStatus = false) {
  for (let i = 0; i < 600; i++) {
    try {
      const r = await fetch(url);
      await r.arrayBuffer();
      if (r.ok || anyStatus) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing answered ${url} within 60 s`);
}

// ---------------------------------------------------------------- the counting proxy
/** Forwards every request to `target` as it is, and counts them by method and path. */
function countingProxy(target, port) {
  const counts = new Map();
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const server = http.createServer((req, res) => {
    const key = `${req.method} ${new URL(req.url, "http://x").pathname}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const out = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
        agent,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    out.on("error", () => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end("proxy: upstream failed");
    });
    req.pipe(out);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve({ server, counts })));
}

// ---------------------------------------------------------------- one request
function get(agent, origin, p, headers) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = http.get(`${origin}${p}`, { agent, headers, timeout: 30_000 }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode, type: res.headers["content-type"] ?? "", body: Buffer.concat(chunks), ms: performance.now() - t0 }),
      );
      res.on("error", (e) => resolve({ error: String(e), ms: performance.now() - t0 }));
    });
    req.on("timeout", () => req.destroy(new Error("timed out after 30 s")));
    req.on("error", (e) => resolve({ error: String(e), ms: performance.now() - t0 }));
  });
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

// ---------------------------------------------------------------- main
// Two phases, each from cold (eventdesk-web restarted, so nothing of the
// event is cached): "paced", the requests spread evenly over the window, and
// "burst", all of them at once on the same connections.
const webBin = process.env.EVENTDESK_WEB_BIN ?? path.join(root, "target/server/eventdesk-web");
let web = WEB_GIVEN?.replace(/\/$/, "");
let proxy = null;
let webChild = null;
let setup;

async function startWeb() {
  if (webChild) {
    const gone = new Promise((r) => webChild.once("exit", r));
    webChild.kill("SIGTERM");
    await gone;
  }
  webChild = start(webBin, [
    "--addr",
    `127.0.0.1:${PORT}`,
    "--upstream",
    `http://127.0.0.1:${PORT + 1}/api/v1`,
    "--dist",
    path.resolve(opt("--dist", path.join(root, "dist"))),
    "--trust-proxy",
  ]);
  await waitUp(`http://127.0.0.1:${PORT}/favicon.svg`, true);
  proxy.counts.clear();
}

async function phase(name, seconds) {
  if (proxy) await startWeb();
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const kinds = { page: [], card: [] };
  const errorSamples = [];
  let errors = 0;
  let next = 0;
  const spacing = (seconds * 1000) / REQUESTS;
  const hardStop = Date.now() + (SECONDS + 60) * 1000;
  log(`${name}: ${REQUESTS} requests over ${seconds} s on up to ${CONCURRENCY} connections at ${web}`);
  const t0 = performance.now();
  let lastStart = 0;

  async function client() {
    for (;;) {
      const n = next++;
      if (n >= REQUESTS || Date.now() > hardStop) return;
      const wait = t0 + n * spacing - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      lastStart = Math.max(lastStart, performance.now() - t0);
      const kind = CARD_EVERY > 0 && n % CARD_EVERY === CARD_EVERY - 1 ? "card" : "page";
      const p = kind === "card" ? `/share/events/${PARIS}.png` : `/events/${PARIS}`;
      // A distinct reader for every request: 10.x.y.z.
      const xff = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
      const r = await get(agent, web, p, { "user-agent": UA, "x-forwarded-for": xff, accept: kind === "card" ? "image/*" : "text/html" });
      let ok = !r.error && r.status === 200;
      if (ok && kind === "page") ok = r.type.includes("text/html") && r.body.includes(`<meta property="og:title" content="${HEADLINE}`);
      if (ok && kind === "card") ok = r.type === "image/png" && r.body[0] === 0x89 && r.body.length > 1000;
      kinds[kind].push(r.ms);
      if (!ok) {
        errors++;
        if (errorSamples.length < 5) errorSamples.push(`${kind} ${r.error ?? `${r.status} ${r.type} ${r.body.length} B`}`);
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  const wall = (performance.now() - t0) / 1000;
  agent.destroy();
  const upstream = proxy ? [...proxy.counts.entries()].sort((a, b) => b[1] - a[1]) : null;
  return { name, seconds, kinds, errors, errorSamples, wall, lastStart, upstream };
}

const row = (name, xs) => {
  if (!xs.length) return `| ${name} | 0 | | | | |`;
  const s = [...xs].sort((a, b) => a - b);
  return `| ${name} | ${s.length} | ${pct(s, 50).toFixed(1)} | ${pct(s, 95).toFixed(1)} | ${pct(s, 99).toFixed(1)} | ${s[s.length - 1].toFixed(1)} |`;
};

try {
  if (!web) {
    let api = API_GIVEN?.replace(/\/$/, "");
    if (!api) {
      const apiPort = PORT + 2;
      const db = path.join(os.tmpdir(), "eventdesk-previews.sqlite3");
      for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
      start(
        process.env.EVENTDESK_SERVER_BIN ?? path.join(root, "target/server/eventdesk-server"),
        ["--addr", `127.0.0.1:${apiPort}`, "--db", db, "--fixtures", path.join(root, "server/fixtures"), "--trust-proxy"],
      );
      api = `http://127.0.0.1:${apiPort}`;
    }
    await waitUp(`${api}/api/v1/categories`);
    proxy = await countingProxy(api, PORT + 1);
    web = `http://127.0.0.1:${PORT}`;
    setup = `eventdesk-web (\`--trust-proxy\`, with the embedded data) → a counting Node proxy → ${API_GIVEN ? "the running API" : "eventdesk-server (\`--trust-proxy\`, a fresh database of the sample events)"}`;
  } else {
    setup = `the running eventdesk-web at ${web} (upstream calls not counted; not restarted, so not cold)`;
  }

  const phases = [await phase("paced", SECONDS), await phase("burst", 0)];

  const load = os.loadavg()[0].toFixed(1);
  const lines = [
    HEADING,
    "",
    `Run ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"} (load average ${load} at the end): \`node bench/previews.mjs\`, ${REQUESTS} link-preview requests for one event (the Paris event) per phase, from ${CONCURRENCY} concurrent keep-alive connections, a distinct \`X-Forwarded-For\` on every request, User-Agent \`${UA.split(" (")[0]}\`; every ${CARD_EVERY}th request is the share card. Setup: ${setup}, over loopback (the load generator and the proxy share the machine's cores with both programs). Each phase starts cold (eventdesk-web restarted: nothing of the event cached): **paced** spreads the requests evenly over ${SECONDS} s (${Math.round(REQUESTS / SECONDS)}/s), **burst** sends them all at once.`,
    "",
  ];
  let errors = 0;
  for (const ph of phases) {
    const all = [...ph.kinds.page, ...ph.kinds.card];
    errors += ph.errors;
    const total = ph.upstream ? ph.upstream.reduce((n, [, c]) => n + c, 0) : null;
    lines.push(
      `### ${ph.name}${ph.seconds ? ` (over ${ph.seconds} s)` : " (all at once)"}`,
      "",
      `- ${all.length} requests; the last started at ${(ph.lastStart / 1000).toFixed(1)} s; all answered after ${ph.wall.toFixed(1)} s`,
      `- Errors (any status but 200, a page without the event's \`og:title\`, a card that is not a PNG, or a failed connection): ${ph.errors}${ph.errorSamples.length ? ` — e.g. ${ph.errorSamples.join("; ")}` : ""}`,
      ph.upstream
        ? `- Upstream calls (counted by the proxy): **${total}** for ${all.length} requests${ph.upstream.length ? ` — ${ph.upstream.map(([k, c]) => `\`${k}\` ${c}`).join(", ")}` : ""}`
        : "- Upstream calls: not counted (a running eventdesk-web was used)",
      "",
      "| request | count | p50 ms | p95 ms | p99 ms | max ms |",
      "|---|---|---|---|---|---|",
      row("event page", ph.kinds.page),
      row("share card", ph.kinds.card),
      row("all", all),
      "",
    );
  }
  console.log(lines.join("\n"));
  if (!args.includes("--no-write")) writeSection(path.join(here, "RESULTS-load.md"), HEADING, lines);
  if (errors) process.exitCode = 1;
} finally {
  proxy?.server.close();
  proxy?.server.closeAllConnections?.();
  stopAll();
}

// Eventdesk's benchmark. Starts the reference backend (the API) and
// eventdesk-web in front of it over the release build, then measures in
// headless Chromium (Debian's) the Paris event page and the feed against
// static HTML of the same content served by the same server:
// bytes and requests by type, time to visible content at normal CPU and with
// 4x CPU throttling, Lighthouse (mobile), and the feed at 1,000 cards.
// Writes bench/RESULTS.md. Run it with `bash bench/run.sh`.
//
// Options: --runs N (5), --skip-lighthouse, --skip-feed-1000, --port P (18900),
// --dist DIR (the built app; dist/).

import { chromium } from "@playwright/test";
import { spawn, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { appStyles, staticEvent, staticFeed } from "./static-pages.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const RUNS = Number(opt("--runs", 5));
const PORT = Number(opt("--port", 18900));
const ORIGIN = `http://127.0.0.1:${PORT}`;
const PARIS = "paris-coalition-security-guarantees-2025-09-04";
const CHROMIUM = "/usr/bin/chromium";
const CHROME_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const log = (...a) => console.error("bench:", ...a);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const range = (xs) => [Math.min(...xs), Math.max(...xs)];
const kb = (b) => (b / 1024).toFixed(1);
const ms = (x) => `${Math.round(x)} ms`;

// ---------------------------------------------------------------- server
// The reference API (eventdesk-server) on PORT + 50 over a fresh database of
// the sample events, and eventdesk-web on PORT in front of it, serving `dist`
// with the embedded data, as readers get it.
const API_PORT = PORT + 50;
function startServer(dist, db) {
  const bin = process.env.EVENTDESK_SERVER_BIN ?? path.join(root, "target/server/eventdesk-server");
  const webBin = process.env.EVENTDESK_WEB_BIN ?? path.join(root, "target/server/eventdesk-web");
  for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
  const env = { ...process.env, RUST_LOG: "warn" };
  delete env.EVENTDESK_NO_PRELOAD;
  const api = spawn(bin, ["--addr", `127.0.0.1:${API_PORT}`, "--db", db, "--fixtures", path.join(root, "server/fixtures"), "--trust-proxy"], {
    stdio: ["ignore", "ignore", "inherit"],
    env,
  });
  const web = spawn(webBin, ["--addr", `127.0.0.1:${PORT}`, "--upstream", `http://127.0.0.1:${API_PORT}/api/v1`, "--dist", dist], {
    stdio: ["ignore", "ignore", "inherit"],
    env,
  });
  return { kill: (signal) => (web.kill(signal), api.kill(signal)) };
}

async function waitUp(url, seconds = 60) {
  for (let i = 0; i < seconds * 10; i++) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server not up at ${url}`);
}

async function json(p) {
  const r = await fetch(ORIGIN + p);
  if (!r.ok) throw new Error(`${p}: ${r.status}`);
  return r.json();
}

// ---------------------------------------------------------------- one page load
// Records, in the page, the first frame at which every needle is in the text.
function visibleProbe(needles) {
  window.__visibleAt = null;
  const done = () => window.__visibleAt != null;
  let pending = false;
  const check = () => {
    if (done() || pending || !document.body) return;
    const text = document.body.textContent || "";
    if (needles.every((n) => text.includes(n))) {
      pending = true;
      requestAnimationFrame(() => {
        window.__visibleAt = performance.now();
      });
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  document.addEventListener("DOMContentLoaded", check);
}

const TYPE_OF = (type, mime, url) => {
  if (mime?.includes("wasm") || url.endsWith(".wasm")) return "wasm";
  if (type === "Document") return "html";
  if (type === "Script") return "js";
  if (type === "Stylesheet") return "css";
  if (type === "Font") return "font";
  if (type === "Image") return "image";
  if (type === "Fetch" || type === "XHR") return "data";
  return "other";
};

async function loadOnce(browser, url, needles, cpu) {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (cpu > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
  const reqs = new Map();
  cdp.on("Network.responseReceived", (e) => {
    reqs.set(e.requestId, { url: e.response.url, kind: TYPE_OF(e.type, e.response.mimeType, e.response.url), bytes: 0 });
  });
  cdp.on("Network.loadingFinished", (e) => {
    const r = reqs.get(e.requestId);
    if (r) r.bytes = e.encodedDataLength;
  });
  await page.addInitScript(visibleProbe, needles);
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForFunction(() => window.__visibleAt != null, null, { timeout: 60_000, polling: 50 });
  const visible = await page.evaluate(() => window.__visibleAt);
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(300);
  const byType = {};
  let total = 0;
  const offOrigin = [];
  for (const r of reqs.values()) {
    byType[r.kind] = (byType[r.kind] ?? 0) + r.bytes;
    total += r.bytes;
    if (!r.url.startsWith(ORIGIN) && !r.url.startsWith("data:")) offOrigin.push(r.url);
  }
  await context.close();
  return { visible, total, requests: reqs.size, byType, offOrigin };
}

async function measure(browser, name, url, needles) {
  const out = {};
  for (const cpu of [1, 4]) {
    await loadOnce(browser, url, needles, cpu); // warm-up
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await loadOnce(browser, url, needles, cpu));
    out[cpu] = runs;
    log(`${name} @${cpu}x: ${runs.map((r) => Math.round(r.visible)).join(", ")} ms`);
  }
  return out;
}

// ---------------------------------------------------------------- lighthouse
function lighthouse(url, label) {
  const bin = path.join(here, "node_modules/.bin/lighthouse");
  const outFile = path.join(os.tmpdir(), `eventdesk-lh-${label}.json`);
  execFileSync(
    bin,
    [url, "--quiet", "--output=json", `--output-path=${outFile}`, `--chrome-flags=${CHROME_ARGS.join(" ")}`,
      "--only-categories=performance,accessibility,best-practices,seo"],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: ["ignore", "ignore", "inherit"], timeout: 180_000 },
  );
  const r = JSON.parse(fs.readFileSync(outFile, "utf8"));
  const score = (c) => Math.round((r.categories[c]?.score ?? 0) * 100);
  const audit = (a) => r.audits[a]?.numericValue;
  const failing = Object.values(r.audits)
    .filter((a) => a.score !== null && a.score < 1 && ["binary", "numeric"].includes(a.scoreDisplayMode) && a.details?.type !== "opportunity")
    .map((a) => a.id);
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    seo: score("seo"),
    lcp: audit("largest-contentful-paint"),
    tbt: audit("total-blocking-time"),
    cls: audit("cumulative-layout-shift"),
    failing,
  };
}

// ---------------------------------------------------------------- feed at 1,000 cards
// The feed is fed a stub of 5,000 generated events so it can reach 1,000
// cards; what is timed is the app's own work, in the page, from the click to
// the frame that shows the result.
// The feed's cards (the feed map has its own event links).
const CARD = ".event-list a.event-card__link";

async function feed1000(browser, template) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const make = (prefix, n) => ({
    ...template,
    id: `${prefix}-${n}`,
    title: `${prefix === "f" ? "Filtered" : "Generated"} event number ${n}`,
  });
  await page.route("**/api/v1/events?**", (route) => {
    const u = new URL(route.request().url());
    const limit = Number(u.searchParams.get("limit") ?? 20);
    const offset = Number(u.searchParams.get("cursor") ?? 0);
    const filtered = u.searchParams.has("confidence") || u.searchParams.has("category");
    const prefix = filtered ? "f" : "g";
    const total = 5000;
    const items = Array.from({ length: Math.min(limit, total - offset) }, (_, i) => make(prefix, offset + i));
    const next = offset + limit < total ? String(offset + limit) : null;
    route.fulfill({ json: { items, next_cursor: next, total } });
  });
  // The server embeds the real first page in the feed's HTML (preload); the
  // stub replaces the API, so that data block goes.
  await page.route(`${ORIGIN}/`, async (route) => {
    const res = await route.fetch();
    const body = (await res.text()).replace(/<script type="application\/json" id="eventdesk-preload"[^>]*>[\s\S]*?<\/script>/, "");
    await route.fulfill({ response: res, body });
  });
  await page.goto(`${ORIGIN}/`);
  const cards = () => page.locator(CARD).count();
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length > 0, CARD, { timeout: 30_000 });
  const loadMore = page.locator(".load-more__button");
  const appendTimes = [];
  while ((await cards()) < 1000) {
    const before = await cards();
    const t = await page.evaluate(async ([before, sel]) => {
      const btn = document.querySelector(".load-more__button");
      const t0 = performance.now();
      btn.click();
      await new Promise((resolve) => {
        const tick = () =>
          document.querySelectorAll(sel).length > before ? requestAnimationFrame(resolve) : setTimeout(tick, 1);
        tick();
      });
      return performance.now() - t0;
    }, [before, CARD]);
    appendTimes.push(t);
    await loadMore.waitFor({ state: "visible", timeout: 30_000 }).catch(() => {});
    if (appendTimes.length > 200) break;
  }
  const onScreen = await cards();
  const lastAppends = appendTimes.slice(-5);
  // Apply a filter at 1,000 cards: tick the first confidence filter.
  const filter = page.locator('form.filters input[type="checkbox"]').first();
  const filterMs = await (async () => {
    if ((await filter.count()) === 0) return null;
    const handle = await filter.elementHandle();
    return page.evaluate(async ([box, sel]) => {
      const t0 = performance.now();
      box.click();
      await new Promise((resolve) => {
        const tick = () => {
          const first = document.querySelector(sel);
          first && first.getAttribute("href").includes("/events/f-") ? requestAnimationFrame(resolve) : setTimeout(tick, 1);
        };
        tick();
      });
      return performance.now() - t0;
    }, [handle, CARD]);
  })();
  await context.close();
  return { onScreen, appends: appendTimes.length, lastAppends, filterMs };
}

// ---------------------------------------------------------------- report
function machine() {
  const cpu = fs.readFileSync("/proc/cpuinfo", "utf8").match(/model name\s*:\s*(.*)/)?.[1] ?? "unknown CPU";
  let chromium = "";
  try {
    chromium = execFileSync(CHROMIUM, ["--version"], { encoding: "utf8" }).trim();
  } catch {}
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}, ${chromium}`;
}

function loadTable(title, app, stat) {
  const rows = [];
  const byTypeKeys = ["html", "js", "wasm", "css", "font", "image", "data", "other"];
  const first = app[1][0];
  rows.push(`### ${title}`, "");
  rows.push("| | app | static HTML | ratio |", "|---|---|---|---|");
  for (const cpu of [1, 4]) {
    const a = app[cpu].map((r) => r.visible);
    const s = stat[cpu].map((r) => r.visible);
    rows.push(
      `| visible, CPU ${cpu}× (median; range) | ${ms(median(a))} (${range(a).map(Math.round).join("–")}) | ${ms(median(s))} (${range(s).map(Math.round).join("–")}) | ${(median(a) / median(s)).toFixed(2)}× |`,
    );
  }
  rows.push(`| transferred, total | ${kb(first.total)} KB | ${kb(stat[1][0].total)} KB | |`);
  rows.push(`| requests | ${first.requests} | ${stat[1][0].requests} | |`);
  for (const k of byTypeKeys) {
    if (first.byType[k] || stat[1][0].byType[k]) rows.push(`| · ${k} | ${kb(first.byType[k] ?? 0)} KB | ${kb(stat[1][0].byType[k] ?? 0)} KB | |`);
  }
  rows.push(`| requests leaving the origin | ${first.offOrigin.length} | ${stat[1][0].offOrigin.length} | |`, "");
  return rows.join("\n");
}

// ---------------------------------------------------------------- main
const dist = fs.mkdtempSync(path.join(os.tmpdir(), "eventdesk-bench-dist-"));
fs.cpSync(path.resolve(opt("--dist", path.join(root, "dist"))), dist, { recursive: true });
const server = startServer(dist, path.join(os.tmpdir(), "eventdesk-bench.sqlite3"));
process.on("exit", () => server.kill("SIGTERM"));
try {
  await waitUp(`${ORIGIN}/api/v1/categories`);
  const event = await json(`/api/v1/events/${PARIS}`);
  const feed = await json(`/api/v1/events?limit=20`);
  const css = appStyles(fs.readFileSync(path.join(dist, "index.html"), "utf8"));
  fs.mkdirSync(path.join(dist, "bench"), { recursive: true });
  fs.writeFileSync(path.join(dist, "bench/static-event.html"), staticEvent(event, css));
  fs.writeFileSync(path.join(dist, "bench/static-feed.html"), staticFeed(feed.items, css));

  const eventNeedles = [event.summary, ...event.reports.map((r) => r.claim)];
  const feedNeedles = feed.items.slice(0, 10).map((e) => e.title ?? e.summary.slice(0, 60));

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROME_ARGS });
  const results = {
    event: await measure(browser, "event", `${ORIGIN}/events/${PARIS}`, eventNeedles),
    eventStatic: await measure(browser, "event static", `${ORIGIN}/bench/static-event.html`, eventNeedles),
    feed: await measure(browser, "feed", `${ORIGIN}/`, feedNeedles),
    feedStatic: await measure(browser, "feed static", `${ORIGIN}/bench/static-feed.html`, feedNeedles),
  };
  let f1000 = null;
  if (!args.includes("--skip-feed-1000")) {
    try {
      f1000 = await feed1000(browser, feed.items[0]);
      log("feed 1000:", JSON.stringify(f1000));
    } catch (e) {
      f1000 = { error: String(e).split("\n")[0] };
    }
  }
  await browser.close();

  let lh = null;
  if (!args.includes("--skip-lighthouse")) {
    lh = {};
    for (const [label, url] of [["event", `${ORIGIN}/events/${PARIS}`], ["feed", `${ORIGIN}/`]]) {
      try {
        lh[label] = lighthouse(url, label);
        log(`lighthouse ${label}:`, JSON.stringify(lh[label]));
      } catch (e) {
        lh[label] = { error: String(e).split("\n")[0] };
      }
    }
  }

  const ev1 = median(results.event[1].map((r) => r.visible)) / median(results.eventStatic[1].map((r) => r.visible));
  const ev4 = median(results.event[4].map((r) => r.visible)) / median(results.eventStatic[4].map((r) => r.visible));
  const first = results.event[1][0];
  const goal = (ok) => (ok ? "met" : "**missed**");
  const lines = [
    "# Benchmark results",
    "",
    `Run ${new Date().toISOString()} on ${machine()}.`,
    `Command: \`bash bench/run.sh\` — ${RUNS} runs after a warm-up per figure, each in a fresh browser context with the cache disabled, viewport 412×915.`,
    "\"Visible\" is the first frame after every needle is in the page's text, measured in the page from navigation start: for the event page its summary and all six report claims, for the feed the first ten cards' headlines. The static pages hold the same text, styled by the app's stylesheet, sent by the same server.",
    "",
    "## Goals",
    "",
    `| goal | figure | |`,
    "|---|---|---|",
    `| event page visible ≤ 2× static at normal CPU | ${ev1.toFixed(2)}× | ${goal(ev1 <= 2)} |`,
    `| event page visible ≤ 3× static at 4× CPU | ${ev4.toFixed(2)}× | ${goal(ev4 <= 3)} |`,
    `| first load ≤ 200 KB compressed | ${kb(first.total)} KB | ${goal(first.total <= 200 * 1024)} |`,
    `| first load ≤ 8 requests | ${first.requests} | ${goal(first.requests <= 8)} |`,
    `| no request leaves the origin | ${first.offOrigin.length} | ${goal(first.offOrigin.length === 0)} |`,
  ];
  if (lh) {
    for (const [label, r] of Object.entries(lh)) {
      if (r.error) {
        lines.push(`| Lighthouse ${label} | not run: ${r.error} | **missed** |`);
        continue;
      }
      lines.push(`| Lighthouse ${label}: performance ≥ 95 | ${r.performance} | ${goal(r.performance >= 95)} |`);
      lines.push(`| Lighthouse ${label}: accessibility, best practices, SEO 100 | ${r.accessibility}, ${r.bestPractices}, ${r.seo} | ${goal(r.accessibility === 100 && r.bestPractices === 100 && r.seo === 100)} |`);
      lines.push(`| Lighthouse ${label}: CLS 0 | ${r.cls?.toFixed(3)} | ${goal(r.cls === 0)} |`);
    }
  }
  lines.push("", "## Page loads", "");
  lines.push(loadTable(`Event page (/events/${PARIS})`, results.event, results.eventStatic));
  lines.push(loadTable("Feed (/)", results.feed, results.feedStatic));
  if (lh) {
    lines.push("## Lighthouse 12.2.3 (mobile preset)", "", "| page | performance | accessibility | best practices | SEO | LCP | TBT | CLS | audits not passed |", "|---|---|---|---|---|---|---|---|---|");
    for (const [label, r] of Object.entries(lh)) {
      if (r.error) lines.push(`| ${label} | not run: ${r.error} | | | | | | | |`);
      else lines.push(`| ${label} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${r.seo} | ${ms(r.lcp)} | ${ms(r.tbt)} | ${r.cls?.toFixed(3)} | ${r.failing.join(", ") || "none"} |`);
    }
    lines.push("");
  }
  if (f1000) {
    lines.push("## Feed at 1,000 cards", "");
    if (f1000.error) lines.push(`Not measured: ${f1000.error}`);
    else {
      lines.push(`Cards on screen: ${f1000.onScreen}, reached in ${f1000.appends} "Load more" clicks (stubbed API, so only the app's work is timed).`);
      lines.push(`- Appending a page at 900+ cards (last five): ${f1000.lastAppends.map(ms).join(", ")}`);
      lines.push(`- Applying a filter at ${f1000.onScreen} cards: ${f1000.filterMs == null ? "no filter control found" : ms(f1000.filterMs)}`);
    }
    lines.push("");
  }
  // Hand-written findings (what was tried, what is missed and why), then the backend's load figures.
  for (const extra of ["NOTES.md", "RESULTS-load.md", "RESULTS-crash.md"].map((f) => path.join(here, f))) {
    if (fs.existsSync(extra)) lines.push(fs.readFileSync(extra, "utf8"));
  }
  fs.writeFileSync(path.join(here, "RESULTS.md"), lines.join("\n") + "\n");
  log("wrote bench/RESULTS.md");
} finally {
  server.kill("SIGTERM");
  fs.rmSync(dist, { recursive: true, force: true });
}

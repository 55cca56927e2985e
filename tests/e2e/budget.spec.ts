// Issue 8's size budget, asserted because sizes are exact: the first load of
// the event page is at most 200 KB as transferred (compressed, headers
// included), in at most 8 requests, none leaving the origin.
// Byte counts come from Chromium itself (DevTools protocol
// Network.loadingFinished.encodedDataLength), with the cache disabled.
//
// What it counts: every request the page makes for its first load. What it
// leaves out, and asserts is after the first load (after the load event, so
// after the first paint): the service worker and what it saves for reading
// offline (/sw.js, the manifest and its icons; the worker's own fetches of
// the shell are the worker's, not the page's), which the page asks for only
// after `load`, when idle (index.html). The worker is allowed here, as
// readers have it.
import { test, expect, PARIS_EVENT_PATH } from "../support/fixtures";

test.use({ serviceWorkers: "allow" });

/** Requests for installing and reading offline, made after the first load. */
function isForOffline(url: string): boolean {
  const path = new URL(url).pathname;
  return path === "/sw.js" || path === "/manifest.webmanifest" || path.startsWith("/icons/") || path === "/offline.html";
}

const MAX_BYTES = 200 * 1024;
const MAX_REQUESTS = 8;
// Issue 8's byte budget is missed today (see bench/RESULTS.md: the event
// page's own build, EventLanding, is about 280 KiB of WASM with brotli, and
// the basemap about 33 KiB). Until it is met, the 200 KB
// assertion runs as a known failure, which turns red the day it passes so the
// mark comes off; and this ceiling, a little over today's figure, keeps the
// first load from growing further unnoticed.
const CEILING_BYTES = 348 * 1024;

type Entry = {
  url: string;
  type: string;
  status?: number;
  encoding?: string;
  bytes: number;
  done: boolean;
  failed?: string;
  /** When it was sent (DevTools' monotonic clock, seconds). */
  sentAt: number;
};

type FirstLoad = {
  total: number;
  requests: number;
  offOrigin: string[];
  failed: string[];
  /** Requests for offline reading sent before the load event (none may be). */
  offlineBeforeLoad: string[];
};

async function measureFirstLoad(page: import("@playwright/test").Page, baseURL: string): Promise<FirstLoad> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Page.enable");
  let loadedAt = Infinity;
  cdp.on("Page.loadEventFired", (e) => {
    loadedAt = Math.min(loadedAt, e.timestamp);
  });
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });

  const entries = new Map<string, Entry>();
  cdp.on("Network.requestWillBeSent", (e) => {
    if (e.request.url.startsWith("data:")) return;
    // A redirect reuses the request id: keep the bytes of both hops.
    const previous = entries.get(e.requestId);
    entries.set(e.requestId, {
      url: e.request.url,
      type: e.type ?? "Other",
      bytes: previous ? previous.bytes + (e.redirectResponse?.encodedDataLength ?? 0) : 0,
      done: false,
      sentAt: e.timestamp,
    });
  });
  cdp.on("Network.responseReceived", (e) => {
    const entry = entries.get(e.requestId);
    if (!entry) return;
    entry.status = e.response.status;
    const headers = Object.fromEntries(
      Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]),
    );
    entry.encoding = headers["content-encoding"] ?? "identity";
  });
  cdp.on("Network.loadingFinished", (e) => {
    const entry = entries.get(e.requestId);
    if (!entry) return;
    entry.bytes += e.encodedDataLength;
    entry.done = true;
  });
  cdp.on("Network.loadingFailed", (e) => {
    const entry = entries.get(e.requestId);
    if (!entry) return;
    entry.failed = e.errorText;
    entry.done = true;
  });

  await page.goto(PARIS_EVENT_PATH, { waitUntil: "load" });
  await expect(
    page.getByText("The British and French-led Coalition of the Willing", { exact: false }).first(),
  ).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expect.poll(() => [...entries.values()].every((e) => e.done)).toBe(true);

  const every = [...entries.values()];
  const offline = every.filter((e) => isForOffline(e.url));
  for (const e of offline) console.log(`budget: not counted (for offline, after load): ${e.url}`);
  const all = every.filter((e) => !isForOffline(e.url));
  const origin = new URL(baseURL!).origin;
  const total = all.reduce((sum, e) => sum + e.bytes, 0);
  for (const e of all) {
    const path = e.url.startsWith(origin) ? e.url.slice(origin.length) : e.url;
    console.log(
      `budget: ${String(e.bytes).padStart(7)} B  ${e.type.padEnd(10)} ${String(e.status ?? "-").padEnd(3)} ` +
        `${(e.encoding ?? "-").padEnd(8)} ${path}${e.failed ? `  FAILED ${e.failed}` : ""}`,
    );
  }
  console.log(
    `budget: ${total} B (${(total / 1024).toFixed(1)} KiB) of ${MAX_BYTES} B in ${all.length} of ${MAX_REQUESTS} requests`,
  );

  return {
    total,
    requests: all.length,
    offOrigin: all.filter((e) => new URL(e.url).origin !== origin).map((e) => e.url),
    failed: all.filter((e) => e.failed).map((e) => `${e.url}: ${e.failed}`),
    offlineBeforeLoad: offline.filter((e) => !(e.sentAt >= loadedAt)).map((e) => e.url),
  };
}

test("the event page's first load: at most 8 requests, none leaving the origin, no growth", async ({ page, baseURL }) => {
  const load = await measureFirstLoad(page, baseURL!);
  expect(load.offOrigin, "requests leaving the origin").toEqual([]);
  expect(load.failed, "failed requests").toEqual([]);
  expect(load.offlineBeforeLoad, "requests for offline reading before the load event").toEqual([]);
  expect(load.requests, "number of requests").toBeLessThanOrEqual(MAX_REQUESTS);
  expect(load.total, "bytes transferred (regression ceiling)").toBeLessThanOrEqual(CEILING_BYTES);
});

test("the event page's first load is at most 200 KB compressed", async ({ page, baseURL }) => {
  test.fail(true, "known miss, issue 8: the event page's WASM alone is about 280 KiB with brotli (bench/RESULTS.md)");
  const load = await measureFirstLoad(page, baseURL!);
  expect(load.total, "bytes transferred").toBeLessThanOrEqual(MAX_BYTES);
});

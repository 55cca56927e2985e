// eventdesk-web in front of ANOTHER backend: not the reference one, but the
// small implementation of the contract in tests/support/stub-backend.ts, with
// events of its own. Everything the app's server does from the API alone must
// work there too: each page's head tags, first paint and embedded data, the
// share cards, the API passed through (reads and a submission), and, once the
// backend is gone, the app still served fast with the API's failure as a
// problem.
import { test, expect } from "../support/fixtures";
import { ownPort, startWeb, type OwnServer } from "../support/server";
import { startStubBackend, STUB_EVENTS, WITHDRAWN_ID, type StubBackend } from "../support/stub-backend";

const [FLOOD, STRIKE] = STUB_EVENTS;

let stub: StubBackend | undefined;
let web: OwnServer | undefined;
let origin = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  stub = await startStubBackend();
  web = await startWeb({ port: ownPort(92), upstream: stub.apiBase });
  origin = web.origin;
});

test.afterAll(async () => {
  web?.stop();
  await stub?.stop();
});

/** The built app's page: Trunk's loader of the WebAssembly is in it. */
const isTheApp = (html: string) => /_bg\.wasm/.test(html) && html.includes("<body");

const attr = (html: string, re: RegExp) => html.match(re)?.[1] ?? null;

test("an event's page carries the backend's event: title, Open Graph tags, first paint and first data", async ({
  request,
}) => {
  const res = await request.get(`${origin}/events/${FLOOD.id}`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/html");
  const html = await res.text();
  expect(isTheApp(html)).toBe(true);

  expect(attr(html, /<title>([^<]*)<\/title>/)).toContain(FLOOD.title);
  expect(attr(html, /<meta property="og:title" content="([^"]*)"/)).toContain(FLOOD.title);
  const image = attr(html, /<meta property="og:image" content="([^"]*)"/);
  expect(image).not.toBeNull();
  expect(new URL(image!, origin).pathname).toBe(`/share/events/${FLOOD.id}.png`);
  expect(image).toMatch(new RegExp(`/share/events/${FLOOD.id}\\.png\\?.+`));

  // The first paint: the event's header, marked for the app to replace.
  const headline = html.match(/<h1 class="event-header__headline"[^>]*>([^<]*)<\/h1>/);
  expect(headline?.[1]).toBe(FLOOD.title);
  expect(html).toMatch(/<main data-first-paint[^>]*>[\s\S]*event-header__headline/);

  // The embedded first data: the backend's own answer.
  const block = html.match(/<script type="application\/json" id="eventdesk-preload"([^>]*)>([\s\S]*?)<\/script>/);
  expect(block, "script#eventdesk-preload").not.toBeNull();
  expect(block![1]).toContain(`data-api="/events/${FLOOD.id}"`);
  const data = JSON.parse(block![2]);
  expect(data.id).toBe(FLOOD.id);
  expect(data.title).toBe(FLOOD.title);
  expect(data.sources.map((s: { name: string }) => s.name)).toEqual(FLOOD.sources.map((s) => s.name));
});

test("its share card is a PNG drawn from the backend's event", async ({ request }) => {
  const res = await request.get(`${origin}/share/events/${FLOOD.id}.png`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("image/png");
  const body = await res.body();
  expect(body.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(body.length).toBeGreaterThan(1000);
});

test("in the browser, the event page shows the backend's headline and sources", async ({ page }) => {
  await page.goto(`${origin}/events/${FLOOD.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(FLOOD.title);
  const reports = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { level: 2, name: "Source reports", exact: true }) });
  await expect(reports.getByRole("heading", { level: 3 })).toHaveText([/Wend Valley Gazette/, /Midlands Wire/]);
  for (const report of FLOOD.reports) await expect(reports.getByText(report.claim)).toBeVisible();
  await expect(page.getByText(FLOOD.location.label).first()).toBeVisible();
});

test("the feed lists the backend's events", async ({ page }) => {
  await page.goto(`${origin}/`);
  const cards = page.getByRole("list", { name: "Events", exact: true });
  await expect(cards.getByRole("article")).toHaveCount(STUB_EVENTS.length);
  for (const event of STUB_EVENTS) {
    await expect(cards.getByRole("link", { name: event.title })).toHaveAttribute("href", `/events/${event.id}`);
  }
});

test("a source submitted through the form reaches the backend", async ({ page }) => {
  const path = `/api/v1/events/${FLOOD.id}/submissions`;
  const before = stub!.count("POST", path);
  await page.goto(`${origin}/events/${FLOOD.id}`);
  const url = `https://www.riverside-news.example/2026/03/14/kestrelford-${Date.now().toString(36)}`;
  await page.getByLabel("Article URL").fill(url);
  await page.getByLabel("What it reports").fill("Photos of both bridges under water.");
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/submissions"));
  await page.getByRole("button", { name: "Send for review" }).click();
  expect((await answered).status()).toBe(202);
  await expect(page.getByRole("heading", { name: "Thank you: your source was received" })).toBeVisible();
  expect(stub!.count("POST", path)).toBe(before + 1);
  // The receipt's page reads it back from the backend.
  await page.getByRole("link", { name: "Follow your submission" }).click();
  await expect(page.getByRole("link", { name: url })).toHaveAttribute("href", url);
});

test("an unknown or withdrawn event's address answers 404 or 410 with the app, which shows the backend's answer", async ({
  request,
  page,
}) => {
  for (const [id, status] of [
    ["no-such-event-at-this-backend", 404],
    [WITHDRAWN_ID, 410],
  ] as const) {
    const res = await request.get(`${origin}/events/${id}`);
    expect(res.status(), id).toBe(status);
    expect(isTheApp(await res.text()), id).toBe(true);
  }
  await page.goto(`${origin}/events/no-such-event-at-this-backend`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("No event at this link");
  await page.goto(`${origin}/events/${WITHDRAWN_ID}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This event was withdrawn");
});

test("with the backend gone, pages still answer the app at once and the API a 502 problem", async ({ request }) => {
  // An event no page has asked the backend for, so nothing of it is cached
  // (the stub's own events are read by the feed, which reads its cards'
  // details to mark corrections).
  const unasked = `never-asked-${Date.now().toString(36)}`;
  expect(stub!.count("GET", `/api/v1/events/${unasked}`)).toBe(0);
  await stub!.stop();
  stub = undefined;

  const t0 = Date.now();
  const res = await request.get(`${origin}/events/${unasked}`, { timeout: 10_000 });
  const took = Date.now() - t0;
  expect(res.status()).toBe(200);
  const html = await res.text();
  expect(isTheApp(html)).toBe(true);
  expect(html).not.toContain(STRIKE.title);
  expect(took, "the page's answer took too long").toBeLessThan(2_000);

  // A query no one has asked before, so no copy of it can stand in.
  const api = await request.get(`${origin}/api/v1/events?q=never-asked-${Date.now().toString(36)}`);
  expect(api.status()).toBe(502);
  expect(api.headers()["content-type"]).toContain("application/problem+json");
  const problem = await api.json();
  expect(problem.status).toBe(502);
  expect(typeof problem.title).toBe("string");
});

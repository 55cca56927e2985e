// Following without an account: each event's Atom feed and the feed's own,
// read by a real parser (Python's feedparser, from the venv setup.sh makes:
// tests/feeds/venv.sh), the pages' <link rel="alternate"> tags, and the
// Follow control (address, copy, open in a feed reader) by mouse and
// keyboard, at 320 and 1280 px, light and dark, axe clean.
import AxeBuilder from "@axe-core/playwright";
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { test, expect, PARIS_EVENT_ID, PARIS_EVENT_PATH } from "../support/fixtures";
import { startOwnServer, type OwnServer } from "../support/server";

const ROOT = path.resolve(__dirname, "../..");
const PYTHON = path.join(process.env.EVENTDESK_FEEDS_VENV ?? path.join(ROOT, "target/feeds-venv"), "bin/python");
const PARSE = path.join(ROOT, "tests/feeds/parse.py");
const KOREA = "south-korea-martial-law-declared-2024-12-03";

type Parsed = {
  version: string;
  bozo: boolean;
  bozo_exception: string;
  title: string;
  id: string;
  links: { rel: string; href: string; type: string }[];
  entries: { id: string; title: string; link: string; updated: string; summary: string; summary_type: string; tags: string[] }[];
};

/** Fetches a feed, checks its headers, and reads it with feedparser. */
async function readFeed(request: APIRequestContext, url: string): Promise<{ parsed: Parsed; body: string }> {
  const res = await request.get(url);
  expect(res.status(), url).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  expect(res.headers()["cache-control"]).toBe("no-cache");
  const body = await res.text();
  const out = execFileSync(PYTHON, [PARSE], { input: body, encoding: "utf8" });
  const parsed = JSON.parse(out) as Parsed;
  expect(parsed.bozo, `${url}: ${parsed.bozo_exception}`).toBe(false);
  expect(parsed.version).toBe("atom10");
  return { parsed, body };
}

test.describe("the feeds parse", () => {
  test("an event's feed: an entry for each change, the correction among them", async ({ request, baseURL }) => {
    const event = await (await request.get(`/api/v1/events/${KOREA}`)).json();
    const { parsed } = await readFeed(request, `/events/${KOREA}/feed.atom`);
    expect(parsed.title).toBe(`Updates: ${event.title}`);
    expect(parsed.id).toBe(`${baseURL}/events/${KOREA}/feed.atom`);
    expect(parsed.entries).toHaveLength(event.history.length);
    const correction = event.history.find((h: { kind: string }) => h.kind === "corrected");
    const entry = parsed.entries.find((e) => e.title.startsWith("Corrected: "));
    expect(entry?.summary).toBe(correction.summary);
    expect(entry?.tags).toEqual(["corrected"]);
    for (const e of parsed.entries) {
      // Each change links to its own entry in the page's Updates.
      expect(e.link).toMatch(new RegExp(`^${baseURL}/events/${KOREA}#update-\\d{8}T\\d{6}Z`));
      expect(e.id.startsWith(`${baseURL}/events/${KOREA}#`)).toBe(true);
      expect(e.summary_type).toBe("text/plain");
    }
    expect(new Set(parsed.entries.map((e) => e.id)).size).toBe(parsed.entries.length);
    expect(parsed.entries.at(-1)?.title).toMatch(/^Reported: /);
  });

  for (const query of ["", "?category=legal", "?confidence=likely&country=US", "?q=summit", "?category=military&from=2024-01-01&to=2024-12-31"]) {
    test(`the feed's feed for "${query || "everything"}" lists what the page does`, async ({ request, baseURL }) => {
      const api = await (await request.get(`/api/v1/events${query ? `${query}&` : "?"}limit=30`)).json();
      const { parsed } = await readFeed(request, `/feed.atom${query}`);
      expect(parsed.entries.map((e) => e.link)).toEqual(api.items.map((e: { id: string }) => `${baseURL}/events/${e.id}`));
      for (const [i, e] of parsed.entries.entries()) {
        expect(e.title).toContain(api.items[i].title ?? api.items[i].summary);
        expect(e.summary).toMatch(/Confidence: \w/);
      }
      expect(parsed.links.find((l) => l.rel === "self")?.href).toBe(`${baseURL}/feed.atom${query}`);
    });
  }

  test("missing and withdrawn events answer as their pages do", async ({ request }) => {
    expect((await request.get("/events/no-such-event/feed.atom")).status()).toBe(404);
    expect((await request.get("/events/dali-ship-strikes-baltimore-bridge-2024-03-26/feed.atom")).status()).toBe(410);
  });
});

test.describe("hostile text", () => {
  let server: OwnServer | undefined;
  test.describe.configure({ mode: "serial" });
  test.beforeAll(async () => {
    server = await startOwnServer({ portOffset: 88, fixtures: "fixtures-hostile" });
  });
  test.afterAll(() => server?.stop());

  test("stays text in both feeds", async ({ request }) => {
    for (const url of [`${server!.origin}/events/hostile-markup/feed.atom`, `${server!.origin}/feed.atom`, `${server!.origin}/feed.atom?q=script`]) {
      const { parsed, body } = await readFeed(request, url);
      expect(body, url).not.toMatch(/<(script|img|svg|iframe)/i);
      // No script element survives a browser's XML parser either.
      expect(parsed.entries.length, url).toBeGreaterThan(0);
    }
    const { parsed } = await readFeed(request, `${server!.origin}/events/hostile-markup/feed.atom`);
    expect(parsed.title).toContain("<script>alert('xss-8')</script>");
    expect(parsed.entries.some((e) => e.summary.includes("<svg/onload=alert('xss-3')>"))).toBe(true);
  });

  test("a browser reading the feed finds no element of the data", async ({ page }) => {
    const res = await page.goto(`${server!.origin}/events/hostile-markup/feed.atom`);
    const xml = await res!.text();
    const found = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "application/xml");
      return {
        error: doc.getElementsByTagName("parsererror").length,
        injected: doc.querySelectorAll("script, img, svg, iframe").length,
      };
    }, xml);
    expect(found).toEqual({ error: 0, injected: 0 });
  });
});

/** The page's <link rel="alternate" type="application/atom+xml"> addresses, as served. */
async function alternates(request: APIRequestContext, url: string): Promise<string[]> {
  const html = await (await request.get(url)).text();
  return [...html.matchAll(/<link rel="alternate" type="application\/atom\+xml" title="[^"]*" href="([^"]*)">/g)].map((m) =>
    m[1].replaceAll("&amp;", "&"),
  );
}

test("every page names its feeds in its head", async ({ request, baseURL }) => {
  expect(await alternates(request, PARIS_EVENT_PATH)).toEqual([`${baseURL}${PARIS_EVENT_PATH}/feed.atom`, `${baseURL}/feed.atom`]);
  expect(await alternates(request, "/?category=legal&utm_source=x")).toEqual([`${baseURL}/feed.atom?category=legal`, `${baseURL}/feed.atom`]);
  expect(await alternates(request, "/")).toEqual([`${baseURL}/feed.atom`]);
  expect(await alternates(request, "/methodology")).toEqual([`${baseURL}/feed.atom`]);
});

async function followSection(page: Page) {
  const section = page.getByRole("region", { name: "Follow" });
  await section.scrollIntoViewIfNeeded();
  await expect(section).toBeVisible();
  return section;
}

for (const colorScheme of ["light", "dark"] as const) {
  for (const width of [320, 1280]) {
    test.describe(`the Follow control, ${colorScheme}, ${width} px`, () => {
      test.use({ colorScheme, viewport: { width, height: 900 }, permissions: ["clipboard-read", "clipboard-write"] });

      test("on an event: the address, copied by mouse, and the reader link", async ({ page, baseURL }) => {
        await page.goto(PARIS_EVENT_PATH);
        const section = await followSection(page);
        const feed = `${baseURL}${PARIS_EVENT_PATH}/feed.atom`;
        const address = section.getByLabel("Feed address (Atom)");
        await expect(address).toHaveValue(feed);
        // The whole address reads in its field, wrapped if need be (at 320
        // px a one-line field showed some thirty characters of it).
        const hidden = await address.evaluate((a) => ({
          across: a.scrollWidth - a.clientWidth,
          down: a.scrollHeight - a.clientHeight,
        }));
        expect(hidden).toEqual({ across: 0, down: 0 });
        const open = section.getByRole("link", { name: "Open in a feed reader" });
        await expect(open).toHaveAttribute("href", feed);
        await expect(open).toHaveAttribute("type", "application/atom+xml");
        await section.getByRole("button", { name: "Copy address" }).click();
        await expect(section.getByRole("status")).toHaveText(/Feed address copied/);
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(feed);
        // Nothing overflows the page, and everything fits its box.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        const results = await new AxeBuilder({ page }).include(".follow").withTags(["wcag2a", "wcag2aa"]).analyze();
        expect(results.violations.map((v) => v.id)).toEqual([]);
      });
    });
  }
}

test.describe("the Follow control by keyboard", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });
  test("Tab reaches the address, the copy button and the link; Enter copies", async ({ page, baseURL }) => {
    await page.goto(PARIS_EVENT_PATH);
    const section = await followSection(page);
    await section.getByLabel("Feed address (Atom)").focus();
    await page.keyboard.press("Tab");
    await expect(section.getByRole("button", { name: "Copy address" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(section.getByRole("status")).toHaveText(/Feed address copied/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${PARIS_EVENT_PATH}/feed.atom`);
    await page.keyboard.press("Tab");
    await expect(section.getByRole("link", { name: "Open in a feed reader" })).toBeFocused();
  });
});

test("when copying is refused, the reader is told and the address is selected", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, "clipboard", { configurable: true, get: () => undefined });
    Document.prototype.execCommand = () => false;
  });
  await page.goto(PARIS_EVENT_PATH);
  const section = await followSection(page);
  await section.getByRole("button", { name: "Copy address" }).click();
  await expect(section.getByRole("status")).toHaveText(/Copying was not allowed here\. The address is selected/);
  const selected = await page.evaluate(() => {
    const input = document.getElementById("follow-address") as HTMLInputElement;
    return document.activeElement === input && input.selectionStart === 0 && input.selectionEnd === input.value.length;
  });
  expect(selected).toBe(true);
});

test("on the feed, the address follows the filters", async ({ page, baseURL }) => {
  await page.goto("/?category=legal");
  const section = await followSection(page);
  const address = section.getByLabel("Feed address (Atom)");
  await expect(address).toHaveValue(`${baseURL}/feed.atom?category=legal`);
  await page.goto("/");
  await expect((await followSection(page)).getByLabel("Feed address (Atom)")).toHaveValue(`${baseURL}/feed.atom`);
  // Changed in place, as the reader filters.
  await page.getByRole("checkbox", { name: /Likely/ }).first().check();
  await expect(page).toHaveURL(/confidence=likely/);
  await expect((await followSection(page)).getByLabel("Feed address (Atom)")).toHaveValue(`${baseURL}/feed.atom?confidence=likely`);
});

test.describe("the Follow control on the feed", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });
  test("copies the filtered address, and a new filter clears the old 'copied'", async ({ page, baseURL }) => {
    await page.goto("/?category=legal");
    const section = await followSection(page);
    await section.getByRole("button", { name: "Copy address" }).click();
    await expect(section.getByRole("status")).toHaveText(/Feed address copied/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/feed.atom?category=legal`);
    await page.getByRole("checkbox", { name: /Likely/ }).first().check();
    await expect(section.getByLabel("Feed address (Atom)")).toHaveValue(`${baseURL}/feed.atom?category=legal&confidence=likely`);
    await expect(section.getByRole("status")).toHaveText("");
  });
});

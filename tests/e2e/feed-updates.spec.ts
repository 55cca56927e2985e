// Issue 16, "Corrections where the reader looks first", the feed's part:
// cards say in words when their event was updated after the day it
// occurred ("Updated <date>") or corrected ("Corrected <date>", once the
// app has read the event's history), and the feed sorts by "recently
// updated" (`?sort=updated`, absent for the default order by date), kept by
// reloads, Back and Forward and the filters' form; the server's first paint
// draws the same cards in the same order.
import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Page } from "@playwright/test";
import { test, expect } from "../support/fixtures";
import { startOwnServer, type OwnServer } from "../support/server";
import { cardHrefs, cardList, type Card } from "./feed-helpers";

type Dated = Card & { occurred_on?: string | null; updated_at?: string | null };

const PARIS = "/events/paris-coalition-security-guarantees-2025-09-04";
const KOREA = "/events/south-korea-martial-law-declared-2024-12-03";
const VALENCIA = "/events/valencia-dana-flash-floods-2024-10-29";
const NEPAL = "/events/nepal-social-media-ban-protests-2025-09-08";

/** Every event matching `params`, as the API lists them (by date). */
async function apiEvents(request: APIRequestContext, params = ""): Promise<Dated[]> {
  const response = await request.get(`/api/v1/events?${params}${params ? "&" : ""}limit=100`);
  expect(response.status()).toBe(200);
  const page = await response.json();
  expect(page.next_cursor ?? null, "the sample fits one read").toBeNull();
  return page.items as Dated[];
}

/** The events most recently updated first, then newest first: the order promised. */
function byUpdate(events: Dated[]): string[] {
  const at = (e: Dated) => (e.updated_at ? Date.parse(e.updated_at) : -Infinity);
  return [...events]
    .sort((a, b) => at(b) - at(a) || (b.occurred_on ?? "").localeCompare(a.occurred_on ?? ""))
    .map((e) => `/events/${encodeURIComponent(e.id)}`);
}

const card = (page: Page, href: string) =>
  cardList(page).getByRole("listitem").filter({ has: page.locator(`a[href="${href}"]`) });
const sortSelect = (page: Page) => page.getByRole("combobox", { name: "Order" });

/** The cards start with `hrefs`, in order (a kept list may show more). */
async function expectStart(page: Page, hrefs: string[]) {
  await expect
    .poll(async () => (await cardHrefs(page)).slice(0, hrefs.length), { message: "cards start in this order" })
    .toEqual(hrefs);
}

async function expectOrder(page: Page, hrefs: string[]) {
  await expect.poll(() => cardHrefs(page), { message: "cards in this order" }).toEqual(hrefs);
  await expect(cardList(page)).toHaveAttribute("aria-busy", "false");
}

test("cards say in words when their event was updated or corrected, with the day", async ({ page }) => {
  await page.goto("/");
  // Updated long after it happened: said, with the day.
  const paris = card(page, PARIS).locator(".event-card__mark");
  await expect(paris).toHaveText(/^Updated \S.*2026/);
  await expect(paris.locator("time")).toHaveAttribute("datetime", "2026-05-30");
  // Corrected (on the day itself): said once the app has read its history.
  const korea = card(page, KOREA).locator(".event-card__mark");
  await expect(korea).toHaveText(/^Corrected \S.*2024/);
  await expect(korea.locator("time")).toHaveAttribute("datetime", "2024-12-03");
  // Updated later, and that update a correction: the correction is said.
  await expect(card(page, VALENCIA).locator(".event-card__mark")).toHaveText(/^Corrected .*2024/);
  await expect(card(page, VALENCIA).locator("time").last()).toHaveAttribute("datetime", "2024-11-02");
  // Reported and never changed since its day: no mark.
  await expect(card(page, NEPAL)).toBeVisible();
  await expect(card(page, NEPAL).locator(".event-card__mark")).toHaveCount(0);
  // The mark is part of what the card says, not a colour.
  await expect(card(page, KOREA)).toContainText("Corrected");
});

test("the feed shown again keeps the corrections it read, without reading the events again", async ({ page }) => {
  const detailReads: string[] = [];
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (/^\/api\/v1\/events\/[^/]+$/.test(path)) detailReads.push(path);
  });
  await page.goto("/");
  const korea = card(page, KOREA).locator(".event-card__mark");
  await expect(korea).toHaveText(/^Corrected/);
  // The list reads its cards' details one at a time after the paint: all of them.
  const shown = await cardList(page).getByRole("listitem").count();
  await expect.poll(() => new Set(detailReads).size, { timeout: 20_000 }).toBe(shown);
  // To an event in the app, and back to the feed.
  await card(page, NEPAL).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`${NEPAL}$`));
  await expect(page.locator("h1")).toBeVisible();
  const before = detailReads.length;
  await page.goBack();
  await expect(korea).toHaveText(/^Corrected .*2024/);
  await page.waitForTimeout(1500);
  expect(detailReads.slice(before), "no detail read again").toEqual([]);
});

test("sort by recently updated: in the address, by keyboard, kept by reload, Back and Forward", async ({
  page,
  request,
}) => {
  const events = await apiEvents(request);
  const dated = events.map((e) => `/events/${encodeURIComponent(e.id)}`);
  const updated = byUpdate(events);
  expect(updated.slice(0, 20)).not.toEqual(dated.slice(0, 20));

  await page.goto("/");
  await expectOrder(page, dated.slice(0, 20));
  await expect(sortSelect(page)).toHaveValue("date");
  // By keyboard: to the select, then the next option.
  await sortSelect(page).focus();
  await page.keyboard.press("ArrowDown");
  await expect(page).toHaveURL(/\/\?sort=updated$/);
  await expectOrder(page, updated.slice(0, 20));
  await expect(page.locator(".filters__active")).toContainText("recently updated first");
  await expect(sortSelect(page)).toHaveValue("updated");
  await expect(page.locator(".results-count")).toHaveText(`${events.length} events`);

  // More cards come from the same sorted list.
  await page.getByRole("button", { name: "Load more events" }).click();
  await expectOrder(page, updated.slice(0, 40));

  await page.reload();
  await expectStart(page, updated.slice(0, 20));
  await expect(sortSelect(page)).toHaveValue("updated");

  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expectStart(page, dated.slice(0, 20));
  await expect(sortSelect(page)).toHaveValue("date");
  await page.goForward();
  await expect(page).toHaveURL(/\?sort=updated$/);
  await expectStart(page, updated.slice(0, 20));
  await expect(sortSelect(page)).toHaveValue("updated");
});

test("the filters keep the order, and the order keeps the filters", async ({ page, request }) => {
  const diplomatic = byUpdate(await apiEvents(request, "category=diplomatic"));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/?sort=updated");
  await expect(sortSelect(page)).toHaveValue("updated");
  // A category ticked by keyboard: the order stays.
  const chip = page.getByRole("checkbox", { name: "Diplomatic" });
  await chip.focus();
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/\?category=diplomatic&sort=updated$/);
  await expectOrder(page, diplomatic.slice(0, 20));
  await expect(page.locator(".filters__active")).toHaveText(/^1 filter applied/);
  // Back to the date order by keyboard: the filter stays.
  await sortSelect(page).focus();
  await page.keyboard.press("ArrowUp");
  await expect(page).toHaveURL(/\?category=diplomatic$/);
  await sortSelect(page).selectOption("updated");
  await expect(page).toHaveURL(/\?category=diplomatic&sort=updated$/);
  // Clearing the filters keeps the order the reader chose.
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/\?sort=updated$/);
  await expect(sortSelect(page)).toHaveValue("updated");
});

test("past the bound, the feed says among how many events it sorted", async ({ page }) => {
  // A backend with more events than the app reads: every page has a next one.
  let reads = 0;
  await page.route("**/api/v1/events?*", async (route) => {
    const url = new URL(route.request().url());
    if (url.searchParams.get("limit") !== "100") return route.continue();
    reads += 1;
    url.searchParams.delete("cursor");
    const response = await route.fetch({ url: url.toString() });
    const body = await response.json();
    const items = Array.from({ length: 100 }, (_, i) => ({
      ...body.items[i % body.items.length],
      id: `bound-${reads}-${i}`,
    }));
    await route.fulfill({ response, json: { items, next_cursor: `page-${reads}`, total: 1000 } });
  });
  await page.goto("/?sort=updated");
  await expect(page.locator(".results-bound")).toHaveText("Sorted among the 500 latest events");
  await expect(page.locator(".results-count")).toHaveText("1000 events");
  await expect(cardList(page).getByRole("listitem")).toHaveCount(20);
  expect(reads).toBeGreaterThanOrEqual(5);
});

// The server's first paint is on in a server of this spec's own (the
// suite's shared one runs without embedded data). Serial, as every spec with
// a server of its own: the suite is fully parallel, and two workers would
// each start one on the same port and database file, the second's tests
// reaching the first's server after its afterAll stopped it (no answer, or
// a page with no upstream behind it, so no first paint).
test.describe("first paint", () => {
  test.describe.configure({ mode: "serial" });
  let server: OwnServer | undefined;
  let origin = "";
  test.beforeAll(async () => {
    server = await startOwnServer({ portOffset: 86 });
    origin = server.origin;
  });
  test.afterAll(() => server?.stop());

  test("the server's first paint marks updated cards as the app does", async ({ request }) => {
    const html = await (await request.get(`${origin}/`)).text();
    expect(html).toContain(
      '<span class="event-card__mark event-card__mark--updated"><span class="event-card__mark-word">Updated</span> <time datetime="2026-05-30"',
    );
  });

  test("sorted by update, the server's first paint is the app's cards in the app's order", async ({
    page,
    request,
  }) => {
    const updated = byUpdate(await apiEvents(request));
    const html = await (await request.get(`${origin}/?sort=updated`)).text();
    const painted = [...html.matchAll(/<a class="event-card__link" href="([^"]+)"/g)].map((m) => m[1]);
    expect(painted).toEqual(updated.slice(0, 20));
    await page.goto(`${origin}/?sort=updated`);
    await expect(page.locator("[data-first-paint]")).toHaveCount(0);
    await expectOrder(page, painted);
  });
});

for (const width of [320, 1280]) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`${width} px, ${colorScheme}: marks and the order read well, axe clean`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await page.goto("/?sort=updated");
      await expect(card(page, PARIS).locator(".event-card__mark")).toHaveText(/^Updated/);
      await expect(sortSelect(page)).toBeVisible();
      await page.goto("/");
      await expect(card(page, KOREA).locator(".event-card__mark")).toHaveText(/^Corrected/);
      // Nothing wider than the window.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const mark = await card(page, KOREA).locator(".event-card__mark").boundingBox();
      expect(mark!.x + mark!.width).toBeLessThanOrEqual(width);
      const results = await new AxeBuilder({ page }).include(".feed").analyze();
      expect(results.violations).toEqual([]);
    });
  }
}

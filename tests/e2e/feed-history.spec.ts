// Issue 15, item 2: Back and Forward keep the reader's place in the feed, as
// any news site does. Load more twice, scroll down, open an event, press
// Back: the same cards (all the pages loaded, not the first 20 again) with
// the card that was being read where it stood. Forward and Back again, and
// Back after the event page was reloaded (a new document), do the same; a
// new visit to the feed (its link) starts at the top with the first page.
import type { Page } from "@playwright/test";
import { test, expect } from "../support/fixtures";
import { apiAll, cardList, eventPath, expectCards } from "./feed-helpers";

/** Where the card linking to `href` stands from the window's top, and the page's scroll. */
async function placeOf(page: Page, href: string) {
  return page.evaluate((href) => {
    const link = [...document.querySelectorAll("ol.event-list a.event-card__link")].find(
      (a) => a.getAttribute("href") === href,
    );
    const card = link?.closest("li");
    return { top: card ? Math.round(card.getBoundingClientRect().top) : null, y: Math.round(window.scrollY) };
  }, href);
}

/** The list's page requests (`limit=20`; the map may ask for more) the page makes from now on. */
function countListRequests(page: Page) {
  const seen: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.pathname === "/api/v1/events" && url.searchParams.get("limit") === "20") seen.push(url.search);
  });
  return seen;
}

async function loadMoreTwice(page: Page, all: { id: string }[]) {
  const more = page.getByRole("button", { name: "Load more events" });
  await more.click();
  await expect(cardList(page).getByRole("link")).toHaveCount(Math.min(40, all.length));
  await more.click();
  await expect(cardList(page).getByRole("link")).toHaveCount(Math.min(60, all.length));
}

for (const width of [320, 1280]) {
  test(`at ${width} px, Back from an event returns to the pages loaded and the card being read; Forward and Back again too`, async ({
    page,
    request,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    const all = await apiAll(request, []);
    expect(all.length, "the fixtures fill more than two pages").toBeGreaterThan(40);
    const shown = all.slice(0, Math.min(60, all.length));
    await page.goto("/");
    await expectCards(page, all.slice(0, 20));
    await loadMoreTwice(page, all);
    await expectCards(page, shown);

    // Read the 45th card, part-way down the screen.
    const reading = shown[44];
    const link = cardList(page).locator(`a[href="${eventPath(reading)}"]`);
    await link.evaluate((a) => {
      const card = a.closest("li")!;
      window.scrollTo(0, window.scrollY + card.getBoundingClientRect().top - 150);
    });
    await page.waitForTimeout(200);
    const before = await placeOf(page, eventPath(reading));
    // 150 px give or take the pixel a card's fractional offset rounds to
    // (and so on each return: the place is kept to the fraction, the
    // scroll the browser takes to the whole pixel).
    expect(Math.abs(before.top! - 150)).toBeLessThanOrEqual(1);
    expect(before.y).toBeGreaterThan(3000);

    await link.click();
    await expect(page).toHaveURL(eventPath(reading));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

    const requests = countListRequests(page);
    await page.goBack();
    await expect(page).toHaveURL("/");
    await expectCards(page, shown);
    await expect.poll(() => placeOf(page, eventPath(reading)).then((p) => Math.abs(p.top! - before.top!))).toBeLessThanOrEqual(1);
    expect(requests, "the pages come back as they were, not loaded again").toEqual([]);

    // Forward to the event, Back again: the same.
    await page.goForward();
    await expect(page).toHaveURL(eventPath(reading));
    await page.goBack();
    await expectCards(page, shown);
    await expect.poll(() => placeOf(page, eventPath(reading)).then((p) => Math.abs(p.top! - before.top!))).toBeLessThanOrEqual(1);

    // More pages still load after the restored ones, without repeats.
    if (all.length > 60) {
      await page.getByRole("button", { name: "Load more events" }).click();
      await expectCards(page, all.slice(0, Math.min(80, all.length)));
    }
  });
}

test("Back after the event page was reloaded (a new document) still returns to the reader's place", async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const all = await apiAll(request, []);
  const shown = all.slice(0, Math.min(60, all.length));
  await page.goto("/");
  await expectCards(page, all.slice(0, 20));
  await loadMoreTwice(page, all);
  const reading = shown[30];
  const link = cardList(page).locator(`a[href="${eventPath(reading)}"]`);
  await link.evaluate((a) => {
    const card = a.closest("li")!;
    window.scrollTo(0, window.scrollY + card.getBoundingClientRect().top - 90);
  });
  await page.waitForTimeout(200);
  const before = await placeOf(page, eventPath(reading));
  expect(Math.abs(before.top! - 90)).toBeLessThanOrEqual(1);
  await link.click();
  await expect(page).toHaveURL(eventPath(reading));
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL("/");
  await expectCards(page, shown);
  await expect.poll(() => placeOf(page, eventPath(reading)).then((p) => Math.abs(p.top! - before.top!))).toBeLessThanOrEqual(1);
});

test("Back across a filter returns to that view's pages and place; a new visit to the feed starts at the top", async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const all = await apiAll(request, []);
  await page.goto("/");
  await expectCards(page, all.slice(0, 20));
  await page.getByRole("button", { name: "Load more events" }).click();
  await expectCards(page, all.slice(0, 40));
  const reading = all[25];
  const link = cardList(page).locator(`a[href="${eventPath(reading)}"]`);
  await link.evaluate((a) => {
    const card = a.closest("li")!;
    window.scrollTo(0, window.scrollY + card.getBoundingClientRect().top - 200);
  });
  await page.waitForTimeout(200);

  // A filter is a new entry (its own list); Back returns to the 40 cards,
  // where the reader left them: up at the filters.
  const category = all[0].category;
  const box = page.getByRole("checkbox", { name: new RegExp(category.label) }).first();
  await box.scrollIntoViewIfNeeded();
  await page.waitForTimeout(200);
  const atFilters = await page.evaluate(() => Math.round(window.scrollY));
  expect(atFilters).toBeLessThan(1000);
  await box.check();
  await expect(page).toHaveURL(`/?category=${encodeURIComponent(category.id)}`);
  await expect(cardList(page)).toHaveAttribute("aria-busy", "false");
  await page.evaluate(() => window.scrollTo(0, 300));
  await page.goBack();
  await expect(page).toHaveURL("/");
  await expectCards(page, all.slice(0, 40));
  await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(atFilters);

  // Scrolled back to the card, then Forward and Back: the card where it was.
  await link.evaluate((a) => {
    const card = a.closest("li")!;
    window.scrollTo(0, window.scrollY + card.getBoundingClientRect().top - 200);
  });
  await page.waitForTimeout(200);
  const before = await placeOf(page, eventPath(reading));
  expect(Math.abs(before.top! - 200)).toBeLessThanOrEqual(1);
  await page.goForward();
  await expect(page).toHaveURL(`/?category=${encodeURIComponent(category.id)}`);
  await expect(cardList(page)).toHaveAttribute("aria-busy", "false");
  await page.goBack();
  await expectCards(page, all.slice(0, 40));
  await expect.poll(() => placeOf(page, eventPath(reading)).then((p) => Math.abs(p.top! - before.top!))).toBeLessThanOrEqual(1);

  // Following the feed's link from an event is a new visit: the first page, at the top.
  await link.click();
  await expect(page).toHaveURL(eventPath(reading));
  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Latest events" }).click();
  await expect(page).toHaveURL("/");
  await expectCards(page, all.slice(0, 20));
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

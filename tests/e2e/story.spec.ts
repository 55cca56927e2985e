// Issue 16, "Related events, and the story they make" and "Corrections where
// the reader looks first": the event page lists its related events as compact
// cards in date order with this event marked (not a link), right after the
// event's own reports, skips those that
// fail to load and says which were withdrawn; the header says at once when
// an event was corrected, linking to the entry in Updates.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect } from "../support/fixtures";

const ALASKA = "trump-putin-alaska-summit-2025-08-15";
const PARIS = "paris-coalition-security-guarantees-2025-09-04";
const OVAL = "zelensky-trump-oval-office-clash-2025-02-28";
const KOREA = "south-korea-martial-law-declared-2024-12-03";

// Dates as a reader in Britain reads them, the same as the neutral style.
test.use({ locale: "en-GB", timezoneId: "UTC" });

const related = (page: Page) =>
  page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: "Related events" }) });

async function axeClean(page: Page, selector: string) {
  const results = await new AxeBuilder({ page })
    .include(selector)
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

/** Serves the Alaska summit with `ids` as its related ids. */
async function alaskaRelatedTo(page: Page, ids: string[]) {
  await page.route(`**/api/v1/events/${ALASKA}`, async (route) => {
    const response = await route.fetch();
    const event = await response.json();
    event.related_ids = ids;
    await route.fulfill({ response, json: event });
  });
}

for (const width of [320, 1280]) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`${width} px, ${colorScheme}: the Alaska summit's story, in date order, this event marked`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await page.goto(`/events/${ALASKA}`);
      const section = related(page);
      const cards = section.getByRole("listitem");
      await expect(cards).toHaveCount(3);
      // The story comes right after the event's own reports, where it is seen.
      const headings = await page.locator("article h2").allTextContents();
      expect(headings.indexOf("Related events"), headings.join(" | ")).toBe(headings.indexOf("Source reports") + 1);
      // Oval Office (28 Feb 2025), this one (15 Aug 2025), Paris (4 Sep 2025).
      await expect(cards.nth(0)).toContainText("White House meeting");
      await expect(cards.nth(0)).toContainText("28 February 2025");
      await expect(cards.nth(1)).toContainText("This event");
      await expect(cards.nth(1)).toHaveAttribute("aria-current", "page");
      await expect(cards.nth(1).getByRole("link")).toHaveCount(0);
      await expect(cards.nth(2)).toContainText("4 September 2025");
      await expect(cards.nth(0).getByRole("link")).toHaveAttribute("href", `/events/${OVAL}`);
      await expect(cards.nth(2).getByRole("link")).toHaveAttribute("href", `/events/${PARIS}`);
      // Each card shows its category and confidence.
      for (let i = 0; i < 3; i++) {
        await expect(cards.nth(i).locator(".badge--category")).toHaveCount(1);
        await expect(cards.nth(i).locator(".badge--conf")).toHaveCount(1);
      }
      // Nothing wider than the page.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await section.scrollIntoViewIfNeeded();
      await axeClean(page, "section.related");
    });

    test(`${width} px, ${colorScheme}: South Korea's header says it was corrected, linking to the entry`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await page.goto(`/events/${KOREA}`);
      const header = page.locator("header.event-header");
      const link = header.getByRole("link", { name: /Corrected on 3 December 2024: Summary updated: the decree has been lifted\./ });
      await expect(link).toBeVisible();
      await expect(link).toHaveAttribute("href", "#update-20241203T200000Z");
      await axeClean(page, "header.event-header");
      await link.click();
      const entry = page.locator("#update-20241203T200000Z");
      await expect(entry).toBeInViewport();
      await expect(entry).toContainText("Corrected");
      await expect(entry).toContainText("Summary updated: the decree has been lifted.");
      await axeClean(page, "section.history");
    });
  }
}

test("the correction link works by keyboard and lands on the Updates entry", async ({ page }) => {
  await page.goto(`/events/${KOREA}`);
  const link = page.locator("header.event-header a.correction-notice");
  await expect(link).toBeVisible();
  await page.locator("#update-20241203T200000Z").waitFor();
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#update-20241203T200000Z$/);
  const entry = page.locator("#update-20241203T200000Z");
  await expect(entry).toBeInViewport();
});

test("a shared link to the entry opens the page on it", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto(`/events/${KOREA}#update-20241203T200000Z`);
  await expect(page.locator("#update-20241203T200000Z")).toBeInViewport();
});

test("an event without a correction has no correction line", async ({ page }) => {
  await page.goto(`/events/${ALASKA}`);
  await expect(related(page)).toBeVisible();
  await expect(page.locator(".event-header__correction")).toHaveCount(0);
});

test("related events are reached and followed by keyboard", async ({ page }) => {
  await page.goto(`/events/${ALASKA}`);
  const link = related(page).getByRole("link", { name: /Paris/ });
  await expect(link).toBeVisible();
  await link.focus();
  await expect(link).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/events/${PARIS}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Coalition of the Willing");
});

test("a related id that fails is skipped; one withdrawn says so", async ({ page }) => {
  await alaskaRelatedTo(page, ["gone-event", "missing-event", "broken-event", PARIS, PARIS, ALASKA, "bad id/x"]);
  await page.route("**/api/v1/events/missing-event", (route) =>
    route.fulfill({ status: 404, contentType: "application/problem+json", body: JSON.stringify({ title: "Not found", status: 404 }) }),
  );
  await page.route("**/api/v1/events/broken-event", (route) =>
    route.fulfill({ status: 500, contentType: "application/problem+json", body: JSON.stringify({ title: "Oops", status: 500 }) }),
  );
  await page.route("**/api/v1/events/gone-event", (route) =>
    route.fulfill({
      status: 410,
      contentType: "application/problem+json",
      body: JSON.stringify({ title: "Gone", status: 410, detail: "Duplicate of <b>another</b> entry." }),
    }),
  );
  await page.goto(`/events/${ALASKA}`);
  const cards = related(page).getByRole("listitem");
  await expect(cards).toHaveCount(3);
  await expect(cards.nth(0)).toContainText("This event");
  await expect(cards.nth(1)).toContainText("Coalition of the Willing");
  await expect(cards.nth(2)).toContainText("Withdrawn by the editors");
  await expect(cards.nth(2)).toContainText("Duplicate of <b>another</b> entry.");
  await expect(cards.nth(2).getByRole("link")).toHaveCount(0);
  await expect(related(page)).not.toContainText("not listed");
});

test("no section when no related event loads", async ({ page }) => {
  await alaskaRelatedTo(page, ["missing-event"]);
  await page.route("**/api/v1/events/missing-event", (route) =>
    route.fulfill({ status: 404, contentType: "application/problem+json", body: JSON.stringify({ title: "Not found", status: 404 }) }),
  );
  await page.goto(`/events/${ALASKA}`);
  await expect(page.getByRole("heading", { level: 2, name: "Updates" })).toBeVisible();
  await expect(page.locator(".related-reserve")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Related events" })).toHaveCount(0);
});

test("more than twelve related ids: twelve are read and the rest counted", async ({ page }) => {
  const ids = Array.from({ length: 14 }, (_, i) => `story-${i}`);
  await alaskaRelatedTo(page, ids);
  await page.route("**/api/v1/events/story-*", async (route) => {
    const response = await route.fetch({ url: route.request().url().replace(/story-\d+$/, PARIS) });
    const event = await response.json();
    event.id = route.request().url().split("/").pop();
    await route.fulfill({ response, json: event });
  });
  await page.goto(`/events/${ALASKA}`);
  await expect(related(page).getByRole("listitem")).toHaveCount(13);
  await expect(related(page)).toContainText("2 more related events are not listed.");
});

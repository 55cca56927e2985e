// Issue 15, item 14, on the event page: the extraction metadata names the
// source story by its title (its slug only when it has none), and the places
// are listed once: under the map the list is its key (each place with its
// symbol, its role and precision, a link to it on OpenStreetMap), reachable
// by keyboard and named for screen readers; without a map, the same list.
import AxeBuilder from "@axe-core/playwright";
import type { Page, Route } from "@playwright/test";
import { test, expect, PARIS_EVENT_ID, PARIS_EVENT_PATH } from "../support/fixtures";

const SLUG = "russian-offensive-campaign-assessment-september-4-2025";
const STORY = "Russian Offensive Campaign Assessment, September 4, 2025";

/** Serves the Paris event's real JSON changed by `change`. */
async function withEvent(page: Page, change: (event: Record<string, any>) => void) {
  await page.route(`**/api/v1/events/${PARIS_EVENT_ID}`, async (route: Route) => {
    const response = await route.fetch();
    const event = await response.json();
    change(event);
    await route.fulfill({ response, json: event });
  });
}

const section = (page: Page, heading: string) =>
  page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: heading }) });

test("the source story is named by its title, without its slug", async ({ page }) => {
  await page.goto(PARIS_EVENT_PATH);
  const extraction = section(page, "Extraction metadata");
  await expect(extraction).toContainText(STORY);
  await expect(extraction).not.toContainText(SLUG);
});

test("a story without a title is named by its slug, set as an identifier", async ({ page }) => {
  await withEvent(page, (e) => {
    e.extraction.source_story = { slug: SLUG, title: "  ", url: "https://understandingwar.org/story" };
  });
  await page.goto(PARIS_EVENT_PATH);
  const extraction = section(page, "Extraction metadata");
  const link = extraction.getByRole("link", { name: `Story ${SLUG}` });
  await expect(link).toHaveAttribute("href", "https://understandingwar.org/story");
  await expect(link.locator("code.facts__slug")).toHaveText(SLUG);
});

for (const width of [320, 1280]) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`${width} px, ${colorScheme}: each place is listed once, with its symbol on the map`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await page.goto(PARIS_EVENT_PATH);
      const location = section(page, "Location");
      await expect(location.locator("figure.event-map")).toHaveAttribute("data-basemap", "ready");
      // One list; each name once in the section's text.
      await expect(location.getByRole("list")).toHaveCount(1);
      const places = location.getByRole("list", { name: "Places" });
      await expect(places.getByRole("listitem")).toHaveCount(2);
      for (const name of ["Paris", "Ukraine"]) {
        await expect(location.locator(".place__name", { hasText: name })).toHaveCount(1);
      }
      // The list is the key: the map's symbol beside each place, its role in words.
      const paris = places.getByRole("listitem").nth(0);
      await expect(paris).toContainText("Where it happened · Precision: city");
      await expect(paris.locator(".place__key .map-pin--occurred")).toHaveCount(1);
      await expect(paris.getByTitle("Country code")).toHaveText("FR");
      const ukraine = places.getByRole("listitem").nth(1);
      await expect(ukraine).toContainText("What it concerns · Precision: country");
      await expect(ukraine.locator(".place__key .map-area--about")).toHaveCount(1);
      // The list is the figure's caption.
      await expect(location.locator("figure.event-map > figcaption ul.places")).toHaveCount(1);

      // Fits the width: no part past the viewport.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const results = await new AxeBuilder({ page }).include(".location").withTags(["wcag2a", "wcag2aa"]).analyze();
      expect(results.violations.map((v) => v.id)).toEqual([]);
    });
  }
}

test("by keyboard, the places' links follow the map, one stop each", async ({ page }) => {
  await page.goto(PARIS_EVENT_PATH);
  const places = section(page, "Location").getByRole("list", { name: "Places" });
  const links = places.getByRole("link");
  await expect(links).toHaveCount(2);
  await links.first().focus();
  await expect(links.first()).toHaveAccessibleName("Open in OpenStreetMap: Paris");
  await page.keyboard.press("Tab");
  await expect(links.nth(1)).toBeFocused();
  await expect(links.nth(1)).toHaveAccessibleName("Open in OpenStreetMap: Ukraine");
});

test("without a map the same list, once, with nothing about a map", async ({ page }) => {
  await withEvent(page, (e) => {
    for (const p of e.location.places) {
      p.point = null;
      p.bbox = null;
    }
  });
  await page.goto(PARIS_EVENT_PATH);
  const location = section(page, "Location");
  await expect(location.locator("figure.event-map")).toHaveCount(0);
  await expect(location.getByRole("list")).toHaveCount(1);
  const places = location.getByRole("list", { name: "Places" });
  await expect(places.getByRole("listitem")).toHaveCount(2);
  await expect(places).toContainText("Where it happened · Precision: city");
  await expect(places).not.toContainText("Not on the map");
  await expect(places.locator(".place__key")).toHaveCount(0);
});

// Issue 16, Print: an event prints as an article (header, location text and
// map, confidence with its sources, reports, updates and extraction) without
// the share controls, the submit form or the site's chrome, its links printed
// with their addresses, black on white even in a dark colour scheme, at 320
// and 1280 px; and the browser makes a PDF of it.
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { test, expect, PARIS_EVENT_PATH } from "../support/fixtures";

const SOUTH_KOREA_PATH = "/events/south-korea-martial-law-declared-2024-12-03";

const section = (page: Page, heading: string) =>
  page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: heading }) });

/** What `::after` puts after `link`: the computed `content`. */
const afterContent = (link: Locator) =>
  link.evaluate((a) => getComputedStyle(a, "::after").content);

const BLACK = "rgb(0, 0, 0)";
const WHITE = "rgb(255, 255, 255)";
const NO_BACKGROUND = "rgba(0, 0, 0, 0)";

/** The page's article, as printed: every part drawn, then print media. */
async function printed(page: Page, path: string, width: number, colorScheme: "light" | "dark") {
  await page.setViewportSize({ width, height: 900 });
  await page.emulateMedia({ colorScheme });
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 2, name: "Updates" })).toBeVisible();
  await expect(page.locator("figure.event-map")).toHaveAttribute("data-basemap", "ready");
  await page.emulateMedia({ media: "print", colorScheme });
}

for (const [name, path] of [
  ["the Paris coalition meeting", PARIS_EVENT_PATH],
  ["South Korea's martial law", SOUTH_KOREA_PATH],
] as const) {
  for (const width of [320, 1280]) {
    for (const colorScheme of ["light", "dark"] as const) {
      test(`${name}, ${width} px, ${colorScheme}: prints as an article without the screen's controls`, async ({
        page,
      }) => {
        await printed(page, path, width, colorScheme);

        // The article's parts.
        await expect(page.locator("#event-headline")).toBeVisible();
        await expect(page.locator(".event-header__date")).toBeVisible();
        const location = section(page, "Location");
        await expect(location.locator(".location__label")).toBeVisible();
        const map = location.locator(".event-map__frame");
        await expect(map).toBeVisible();
        await expect(map.locator("svg.map-svg")).toBeVisible();
        const box = await map.boundingBox();
        expect(box, "the map has a box").not.toBeNull();
        expect(box!.width / box!.height).toBeCloseTo(16 / 9, 1);
        const confidence = section(page, "Confidence");
        await expect(confidence).toBeVisible();
        await expect(confidence.locator(".source-name").first()).toBeVisible();
        await expect(section(page, "Source reports").locator(".report").first()).toBeVisible();
        await expect(section(page, "Updates").locator(".timeline__entry").first()).toBeVisible();
        await expect(section(page, "Extraction metadata")).toBeVisible();

        // What only works on a screen.
        for (const hidden of [
          ".site-header",
          ".site-footer",
          ".skip-link",
          "section.share",
          "section.submit",
          ".follow",
          ".offline-notice",
        ]) {
          for (const element of await page.locator(hidden).all()) {
            await expect(element, hidden).toBeHidden();
          }
        }
        await expect(page.locator(".site-header")).toHaveCount(1);
        await expect(page.locator("section.share")).toHaveCount(1);
        await expect(page.getByRole("button", { name: "Copy link" })).toBeHidden();
        await expect(page.getByRole("heading", { name: "Know another source?" })).toBeHidden();
        await expect(page.locator("form:visible")).toHaveCount(0);
        for (const nav of await page.getByRole("navigation").all()) {
          await expect(nav).toBeHidden();
        }

        // Links with their addresses: an outlet's in full, the site's own
        // with the site's origin.
        const external = page.locator('article a[href^="http"]').first();
        const href = await external.getAttribute("href");
        expect(await afterContent(external)).toBe(`" (${href})"`);
        const methodology = confidence.locator('a[href^="/methodology"]');
        const internal = await methodology.getAttribute("href");
        const origin = new URL(page.url()).origin;
        expect(await afterContent(methodology)).toBe(`" (${origin}${internal})"`);
        // Long addresses wrap inside the page.
        const wraps = await external.evaluate((a) => getComputedStyle(a, "::after").wordBreak);
        expect(wraps).toBe("break-all");

        // Black on white, whatever the colour scheme; no background inked.
        const colours = await page.evaluate(() => {
          const style = (selector: string) => {
            const el = document.querySelector(selector);
            return el ? getComputedStyle(el) : null;
          };
          return {
            body: [style("body")?.color, style("body")?.backgroundColor],
            headline: style("#event-headline")?.color,
            link: style('article a[href^="http"]')?.color,
            badge: [style(".badge")?.color, style(".badge")?.backgroundColor],
            section: style("section.confidence")?.backgroundColor,
            muted: style(".event-header__date")?.color,
          };
        });
        expect(colours).toEqual({
          body: [BLACK, WHITE],
          headline: BLACK,
          link: BLACK,
          badge: [BLACK, NO_BACKGROUND],
          section: NO_BACKGROUND,
          muted: BLACK,
        });

        const axe = await new AxeBuilder({ page }).analyze();
        expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      });
    }
  }
}

for (const colorScheme of ["light", "dark"] as const) {
  test(`${colorScheme}: the browser makes a PDF of the event`, async ({ page }) => {
    await printed(page, PARIS_EVENT_PATH, 1280, colorScheme);
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // Several pages of an article, not an empty sheet.
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(2);
  });
}

test("opened on an Updates entry (a feed reader's link), the site's own links still print with the origin", async ({ page }) => {
  // With a fragment every section is drawn at once: nothing waits for print.
  await page.goto(`${SOUTH_KOREA_PATH}#update-20241203T200000Z`);
  await expect(page.locator("#update-20241203T200000Z")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  const methodology = section(page, "Confidence").locator('a[href^="/methodology"]');
  const internal = await methodology.getAttribute("href");
  expect(await afterContent(methodology)).toBe(`" (${new URL(page.url()).origin}${internal})"`);
});

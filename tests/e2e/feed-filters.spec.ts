// The feed's filters as a new reader meets them (issue 15, items 1 and 14):
// the form fits the narrowest phone with its panel open or closed, the count
// says only what is applied, a value the API does not list is dropped with a
// notice naming it (and never sent to the API), the country list puts the
// countries with events first with their counts, and the page title says
// names, not codes. Every expectation is the reference backend's own answer,
// fetched in the test.
import { test, expect } from "../support/fixtures";
import type { Page } from "@playwright/test";
import { apiAll, apiPage, expectCards, resultsLine, urlPairs } from "./feed-helpers";
import { measureLayout, outsideColumn } from "./layout-helpers";

const more = (page: Page) => page.locator("details.filters__more");

async function setPanel(page: Page, open: boolean) {
  const details = more(page);
  if ((await details.evaluate((d) => (d as HTMLDetailsElement).open)) !== open) {
    await details.locator("summary").click();
  }
  await expect(details).toHaveJSProperty("open", open);
}

async function expectFits(page: Page, what: string) {
  const layout = await measureLayout(page);
  expect(layout.overflow, `${what}: the page is wider than the viewport`).toBeLessThanOrEqual(0);
  expect(layout.outside, `${what}: elements reaching past the viewport`).toEqual([]);
  expect(layout.crushed, `${what}: text squeezed into a sliver`).toEqual([]);
  expect(await outsideColumn(page, "form.filters", ".page"), `${what}: the filters reach past the cards' column`).toEqual(
    [],
  );
}

for (const colorScheme of ["light", "dark"] as const) {
  for (const width of [320, 375, 1280]) {
    test(`item 1: at ${width} px, ${colorScheme}, the feed fits with its filters closed, open and filled`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: 800 });
      await page.goto("/");
      await expect(page.getByText(/^\d+ events$/)).toBeVisible();
      await expect(page.getByRole("checkbox", { name: "Military", includeHidden: true })).toBeAttached();

      await setPanel(page, false);
      await expectFits(page, "filters closed");
      await setPanel(page, true);
      await expect(page.getByRole("checkbox", { name: "Military" })).toBeVisible();
      await expectFits(page, "filters open");

      // Filled in, with a problem shown and a long search typed.
      await page.getByLabel("From").fill("2025-06-01");
      await page.getByLabel("To").fill("2025-01-01");
      await expect(page.getByRole("alert")).toContainText("not applied");
      await page.getByRole("searchbox", { name: "Search events" }).fill("x".repeat(200));
      await page.getByRole("button", { name: "Search", exact: true }).click();
      await expect(page).toHaveURL(/q=x{200}/);
      await expectFits(page, "filters filled in");
      await page.screenshot({ path: test.info().outputPath(`filters-${width}-${colorScheme}.png`), fullPage: true });

      // And back to closed, by keyboard.
      await more(page).locator("summary").focus();
      await page.keyboard.press("Enter");
      await expect(more(page)).toHaveJSProperty("open", false);
      await expectFits(page, "filters closed again");
    });
  }
}

// Moving to another page inside the app, by keyboard: a followed link
// replaces the page under it, and focus must not be left on the body (the
// next Tab would then go to the footer, past the whole new page). Focus
// goes to the page's content, as a page loaded whole starts the reader at
// its top, without scrolling; the next Tab reaches the new page's first
// control. A change of the feed's filters (the query alone) is not another
// page: focus stays on the filter.
import type { Page } from "@playwright/test";
import { test, expect, PARIS_EVENT_PATH } from "../support/fixtures";
import { cardList } from "./feed-helpers";

const ALASKA = "/events/trump-putin-alaska-summit-2025-08-15";

/** Where focus is: the element's id or tag, and whether it is inside main or the footer. */
function focusNow(page: Page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    return {
      id: active?.id || active?.tagName.toLowerCase() || null,
      inMain: !!active?.closest("main"),
      inFooter: !!active?.closest("footer"),
    };
  });
}

for (const width of [320, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test("a feed card followed by Enter: focus on the event's content, the next Tab inside it", async ({ page }) => {
      await page.goto("/");
      const link = cardList(page).getByRole("link").first();
      await link.focus();
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/\/events\//);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect.poll(() => focusNow(page)).toMatchObject({ id: "main" });
      expect(await page.evaluate(() => window.scrollY), "the router's scroll, not the focus's").toBe(0);
      await page.keyboard.press("Tab");
      expect(await focusNow(page)).toMatchObject({ inMain: true, inFooter: false });
    });

    test("a related event followed by Enter, and Back: focus on the page's content each time", async ({ page }) => {
      await page.goto(ALASKA);
      const link = page
        .locator("section")
        .filter({ has: page.getByRole("heading", { level: 2, name: "Related events" }) })
        .getByRole("link", { name: /Paris/ });
      await link.focus();
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(new RegExp(`${PARIS_EVENT_PATH}$`));
      await expect.poll(() => focusNow(page)).toMatchObject({ id: "main" });
      await page.keyboard.press("Tab");
      expect(await focusNow(page)).toMatchObject({ inMain: true, inFooter: false });

      await page.goBack();
      await expect(page).toHaveURL(new RegExp(`${ALASKA}$`));
      await expect.poll(() => focusNow(page)).toMatchObject({ id: "main" });
    });
  });
}

test("a site-header link keeps focus where the reader is", async ({ page }) => {
  // From a page of the whole app (an event page arriving on its address is
  // the event page's own build, which loads the whole app for the feed).
  await page.goto("/methodology");
  const home = page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Latest events" });
  await home.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/");
  await expect(cardList(page).getByRole("link").first()).toBeVisible();
  await expect(home).toBeFocused();
});

test("a filter changed by keyboard keeps focus on the filter", async ({ page }) => {
  await page.goto("/");
  const box = page.getByRole("checkbox").first();
  await box.focus();
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/\?/);
  await expect(cardList(page)).toHaveAttribute("aria-busy", "false");
  await expect(box).toBeFocused();
});

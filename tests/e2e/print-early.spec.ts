// Issue 16, Print: a reader who prints right after the page loads, before
// the parts below the fold have had their frame (a tab opened in the
// background, where browsers run no frames; Ctrl+P at once), still gets
// the whole article: Updates and the extraction are drawn for print.
import type { Page } from "@playwright/test";
import { test, expect, PARIS_EVENT_PATH } from "../support/fixtures";

/**
 * Holds every animation frame callback once the app has drawn the event
 * (its Location section exists), as a background tab does: the parts the
 * app draws a frame later (`Later`) then wait.
 */
async function holdFramesOnceDrawn(page: Page) {
  await page.addInitScript(() => {
    const frame = window.requestAnimationFrame.bind(window);
    let hold = false;
    const held: FrameRequestCallback[] = [];
    window.requestAnimationFrame = (callback) =>
      frame((time) => (hold ? held.push(callback) : callback(time)));
    new MutationObserver(() => {
      if (document.getElementById("location-heading")) hold = true;
    }).observe(document, { childList: true, subtree: true });
  });
}

const heading = (page: Page, name: string) => page.getByRole("heading", { level: 2, name });

test.beforeEach(async ({ page }) => {
  await holdFramesOnceDrawn(page);
  await page.goto(PARIS_EVENT_PATH);
  await expect(heading(page, "Location")).toBeVisible();
  // Without frames the sections below the fold wait on screen.
  await page.waitForTimeout(500);
  await expect(heading(page, "Updates")).toHaveCount(0);
});

test("print media right after load draws Updates and the extraction", async ({ page }) => {
  await page.emulateMedia({ media: "print" });
  await expect(heading(page, "Updates")).toBeVisible();
  await expect(heading(page, "Extraction metadata")).toBeVisible();
  // Still no share controls or form on paper.
  await expect(page.locator("section.share")).toBeHidden();
  await expect(page.locator("section.submit")).toBeHidden();
});

test("the browser's beforeprint draws Updates and the extraction", async ({ page }) => {
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await expect(heading(page, "Updates")).toBeVisible();
  await expect(heading(page, "Extraction metadata")).toBeVisible();
});

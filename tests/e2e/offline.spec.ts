// Install and read offline (issue 16): the manifest makes the site
// installable; the service worker saves each event page the reader opens,
// which then reads offline with a notice saying when it was saved; an
// address never opened shows the offline page listing the saved events;
// back online, the notice goes.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect, PARIS_EVENT_PATH } from "../support/fixtures";

const ALASKA_PATH = "/events/trump-putin-alaska-summit-2025-08-15";
const NEVER_OPENED = "/events/south-korea-never-opened-here";

test.use({ serviceWorkers: "allow" });

/** Opens `path` online and waits until the worker controls it and has saved it. */
async function openAndSave(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("h1").first()).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 20_000 })
    .toBe(true);
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const cache = await caches.open("eventdesk-saved");
          return !!(await cache.match(location.origin + location.pathname));
        }),
      { timeout: 20_000 },
    )
    .toBe(true);
}

async function axeClean(page: Page, include: string) {
  const results = await new AxeBuilder({ page }).include(include).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

for (const colorScheme of ["light", "dark"] as const) {
  for (const width of [320, 1280]) {
    test.describe(`${colorScheme}, ${width} px`, () => {
      test.use({ colorScheme, viewport: { width, height: 900 } });

      test("an opened event reads offline with its notice; others list the saved ones; online again, the notice goes", async ({
        page,
        context,
      }) => {
        test.setTimeout(90_000);
        await openAndSave(page, PARIS_EVENT_PATH);
        await openAndSave(page, ALASKA_PATH);
        const headline = (await page.locator("h1").first().textContent())!.trim();

        await context.setOffline(true);
        await page.reload();
        const notice = page.getByRole("status").filter({ hasText: "You are offline: this is the copy saved on" });
        await expect(notice).toBeVisible();
        await expect(page.locator("h1").first()).toHaveText(headline);
        // The notice stays when the app has started and drawn the page.
        await expect(page.locator("[data-first-paint]")).toHaveCount(0);
        await expect(notice).toBeVisible();
        await expect(notice.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
        // When, as the app writes an instant: the reader's locale and zone, the zone named.
        const savedAt = await notice.locator("time").evaluate((t) => ({
          text: t.textContent,
          expected: new Date(t.getAttribute("datetime")!).toLocaleString(undefined, {
            year: "numeric",
            month: "long",
            day: "numeric",
            hour: "numeric",
            minute: "2-digit",
            timeZoneName: "short",
          }),
          title: t.getAttribute("title"),
          exact: new Date(t.getAttribute("datetime")!).toLocaleString(undefined, { dateStyle: "full", timeStyle: "long" }),
        }));
        expect(savedAt.text).toBe(savedAt.expected);
        expect(savedAt.title, "the exact instant in the title").toBe(savedAt.exact);
        expect(savedAt.text).toMatch(/\b20\d\d\b.*\d:\d\d.*\b(UTC|GMT[+-]?\d*|[A-Z]{2,5})$/);
        await axeClean(page, ".offline-notice");

        // The other opened event, offline too.
        await page.goto(PARIS_EVENT_PATH);
        await expect(page.getByText("You are offline: this is the copy saved on")).toBeVisible();
        await expect(page.getByText("The British and French-led Coalition of the Willing").first()).toBeVisible();

        // Never opened: the offline page, with the saved events as links.
        await page.goto(NEVER_OPENED);
        await expect(page.getByRole("heading", { level: 1, name: "You are offline" })).toBeVisible();
        const saved = page.getByRole("region", { name: "Saved for reading offline" }).getByRole("link");
        await expect(saved).toHaveCount(2);
        await expect(saved.filter({ hasText: headline })).toHaveAttribute("href", ALASKA_PATH);
        await axeClean(page, "body");

        // A saved one from the list, by a click, then back online: the page
        // loads afresh.
        await saved.filter({ hasText: headline }).click();
        await expect(page).toHaveURL(ALASKA_PATH);
        await expect(notice).toBeVisible();
        await context.setOffline(false);
        await expect(notice).toHaveCount(0);
        await expect(page.locator("h1").first()).toHaveText(headline);
      });
    });
  }
}

test("the site is installable: the manifest parses and Chromium finds no installability error", async ({ page }) => {
  await openAndSave(page, PARIS_EVENT_PATH);
  const cdp = await page.context().newCDPSession(page);
  const manifest = await cdp.send("Page.getAppManifest");
  expect(manifest.errors).toEqual([]);
  expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
  const parsed = JSON.parse(manifest.data!);
  expect(parsed.display).toBe("standalone");
  const installability = await cdp.send("Page.getInstallabilityErrors");
  // Playwright's contexts are incognito ones, where Chromium installs
  // nothing: that is the browser's setting, not the site's.
  expect(installability.installabilityErrors.filter((e) => e.errorId !== "in-incognito")).toEqual([]);
});

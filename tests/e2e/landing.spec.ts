// Issue 8: readers arriving on a shared event link get the event page's own,
// smaller build (`EventLanding`, event.html); every other page, and every
// event opened from inside the app, is the whole app. Leaving the event page
// loads the whole app for the new address, and Back returns.
import type { Page, Request } from "@playwright/test";
import { test, expect, PARIS_EVENT_PATH } from "../support/fixtures";

const HEADLINE = "Coalition of the Willing meets Zelensky in Paris on security guarantees";
const LANDING_WASM = /\/eventdesk-event-[0-9a-f]{16}_bg\.wasm$/;
const WHOLE_WASM = /\/eventdesk-[0-9a-f]{16}_bg\.wasm$/;

function wasmRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (r: Request) => {
    if (r.url().endsWith(".wasm")) seen.push(new URL(r.url()).pathname);
  });
  return seen;
}

test("an event link loads the event page's own build, not the whole app", async ({ page }) => {
  const wasm = wasmRequests(page);
  await page.goto(PARIS_EVENT_PATH);
  await expect(page.locator("h1")).toHaveText(HEADLINE);
  await expect(page.getByRole("heading", { level: 2, name: "Extraction metadata" })).toBeVisible();
  expect(wasm).toHaveLength(1);
  expect(wasm[0]).toMatch(LANDING_WASM);
});

test("leaving the event page loads the whole app for the new address, and Back returns", async ({ page }) => {
  const wasm = wasmRequests(page);
  await page.goto(PARIS_EVENT_PATH);
  await expect(page.locator("h1")).toHaveText(HEADLINE);

  await page.getByRole("link", { name: "Latest events" }).first().click();
  await expect(page).toHaveURL("/");
  await expect(page.locator(".event-card").first()).toBeVisible();
  expect(wasm.some((p) => WHOLE_WASM.test(p))).toBe(true);

  await page.goBack();
  await expect(page).toHaveURL(PARIS_EVENT_PATH);
  await expect(page.locator("h1")).toHaveText(HEADLINE);
});

test("from the event page, an entity chip and the methodology link open their pages", async ({ page }) => {
  await page.goto(PARIS_EVENT_PATH);
  await page.locator("a.chip").first().click();
  await expect(page).toHaveURL(/\/entities\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 2, name: "Events" })).toBeVisible();

  await page.goto(PARIS_EVENT_PATH);
  await page.getByRole("link", { name: "How we assess confidence →" }).click();
  await expect(page).toHaveURL("/methodology#likely");
  await expect(page.locator("#likely")).toBeInViewport();
});

test("an event opened from the feed stays in the same app, without a reload", async ({ page }) => {
  await page.goto("/");
  const card = page.locator(".event-card__link").first();
  await expect(card).toBeVisible();
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  await card.click();
  await expect(page).toHaveURL(/\/events\/[^/]+$/);
  await expect(page.locator("h1")).not.toHaveText("");
  await expect(page.locator(".event")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
});

test("should the server send the event build for another address, it says not found instead of reloading for ever", async ({ page, request }) => {
  const landing = await (await request.get(PARIS_EVENT_PATH)).text();
  let served = 0;
  await page.route("**/not-an-event", (route) => {
    served += 1;
    return route.fulfill({ status: 200, contentType: "text/html", body: landing });
  });
  await page.goto("/not-an-event");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  expect(served).toBe(2);
});

// Pages that are not there: an address that is none of the app's pages, an
// event, entity or submission the backend does not have, an id no page can
// have, a withdrawn event. Each answers 404 (410 when withdrawn) with the
// app's page, which says what is missing in its title and heading, is kept
// out of search engines (noindex) and leads on to the feed, in one design,
// at 320 and 1280 px, light and dark.
import type { Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { test, expect, PARIS_EVENT_PATH } from "../support/fixtures";
import { measureLayout } from "./layout-helpers";

/** A withdrawn event of the reference backend's sample data. */
const WITHDRAWN_ID = "dali-ship-strikes-baltimore-bridge-2024-03-26";

type NotThere = { path: string; status: number; heading: string };

const PAGES: NotThere[] = [
  { path: "/no/such/page", status: 404, heading: "Page not found" },
  { path: "/events", status: 404, heading: "Page not found" },
  { path: "/entities", status: 404, heading: "Page not found" },
  { path: "/methodology/extra", status: 404, heading: "Page not found" },
  { path: "/index.html", status: 404, heading: "Page not found" },
  { path: "/events/no-such-event-2099", status: 404, heading: "No event at this link" },
  { path: "/events/a%20b", status: 404, heading: "No event at this link" },
  { path: "/entities/nobody-here", status: 404, heading: "No entity at this link" },
  { path: "/submissions/sub_nope", status: 404, heading: "No submission at this link" },
  { path: `/events/${WITHDRAWN_ID}`, status: 410, heading: "This event was withdrawn" },
];

const robots = (page: Page) => page.locator('meta[name="robots"]');

/** The reader sees what is missing, in the title and the heading, and a way on. */
async function saysNotThere(page: Page, { heading }: NotThere) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  await expect(page).toHaveTitle(`${heading} · Eventdesk`);
  await expect(robots(page)).toHaveCount(1);
  await expect(robots(page)).toHaveAttribute("content", "noindex");
  await expect(page.getByRole("link", { name: "See the latest events" })).toHaveAttribute("href", "/");
  await expect(page.getByRole("button", { name: "Retry" })).toHaveCount(0);
}

for (const notThere of PAGES) {
  test(`${notThere.path} answers ${notThere.status} with the app, which says "${notThere.heading}" and leads to the feed`, async ({
    page,
  }) => {
    const response = await page.goto(notThere.path);
    expect(response?.status()).toBe(notThere.status);
    await saysNotThere(page, notThere);
    await page.getByRole("link", { name: "See the latest events" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1, name: "Latest events" })).toBeVisible();
    await expect(page).toHaveTitle(/Latest events/);
    // The feed is to be indexed: the not-there page's noindex went with it.
    await expect(robots(page)).toHaveCount(0);
  });
}

test("a withdrawn event gives the editors' reason", async ({ page, request }) => {
  const api = await request.get(`/api/v1/events/${WITHDRAWN_ID}`);
  expect(api.status()).toBe(410);
  const { detail } = (await api.json()) as { detail: string };
  await page.goto(`/events/${WITHDRAWN_ID}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This event was withdrawn");
  await expect(page.locator(".notice-page__reason")).toHaveText(`Reason: ${detail}`);
});

test("a page found by the server but missing by the time the app asks is kept out of search too", async ({ page }) => {
  await page.route("**/api/v1/events/*", (route) =>
    route.fulfill({
      status: 404,
      contentType: "application/problem+json",
      body: JSON.stringify({ title: "Not Found", status: 404, detail: "There is no such event." }),
    }),
  );
  const response = await page.goto(PARIS_EVENT_PATH);
  expect(response?.status()).toBe(200);
  await saysNotThere(page, { path: PARIS_EVENT_PATH, status: 404, heading: "No event at this link" });
});

test("a backend that fails is not a missing page: 200, an error with Retry, indexable", async ({ page }) => {
  await page.route("**/api/v1/entities/*", (route) =>
    route.fulfill({
      status: 503,
      contentType: "application/problem+json",
      body: JSON.stringify({ title: "Service Unavailable", status: 503, detail: "Back soon." }),
    }),
  );
  const response = await page.goto("/entities/volodymyr-zelensky");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This entity could not be loaded");
  await expect(page.getByRole("button", { name: "Retry" })).toBeVisible();
  await expect(robots(page)).toHaveCount(0);
});

/** What the design is made of: the parts in order, and how the way on looks. */
async function design(page: Page) {
  const notice = page.locator(".notice-page");
  await expect(notice).toHaveCount(1);
  return notice.evaluate((el) => {
    const parts = [...el.children].map((c) => `${c.tagName.toLowerCase()}.${[...c.classList].join(".")}`);
    const wayOn = el.querySelector<HTMLElement>(".notice-page__actions a[href='/']")!;
    const style = getComputedStyle(wayOn);
    const actions = [...el.querySelectorAll(".notice-page__actions > *")].map((a) => a.textContent?.trim());
    return {
      role: el.getAttribute("role"),
      parts,
      actions,
      wayOn: { classes: wayOn.className, background: style.backgroundColor, padding: style.padding },
      heading: getComputedStyle(el.querySelector("h1")!).fontSize,
    };
  });
}

test("every page that is not there has one design", async ({ page }) => {
  await page.goto("/no/such/page");
  const unknown = await design(page);
  for (const path of ["/events/no-such-event-2099", "/entities/nobody-here", "/submissions/sub_nope"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("at this link");
    expect(await design(page), path).toEqual(unknown);
  }
  expect(unknown.parts).toEqual(["h1.", "p.lede", "p.notice-page__actions"]);
  expect(unknown.actions).toEqual(["See the latest events"]);
});

for (const colorScheme of ["light", "dark"] as const) {
  for (const width of [320, 1280]) {
    test(`not-there pages at ${width} px, ${colorScheme}: fit, readable, no axe violations`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: 800 });
      for (const notThere of [PAGES[0], PAGES[5], PAGES[PAGES.length - 1]]) {
        await page.goto(notThere.path);
        await saysNotThere(page, notThere);
        const wayOn = page.getByRole("link", { name: "See the latest events" });
        await expect(wayOn).toBeInViewport();
        const layout = await measureLayout(page);
        expect(layout.overflow, notThere.path).toBeLessThanOrEqual(0);
        expect(layout.outside, notThere.path).toEqual([]);
        expect(layout.crushed, notThere.path).toEqual([]);
        const results = await new AxeBuilder({ page })
          .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
          .analyze();
        expect(results.violations, notThere.path).toEqual([]);
      }
    });
  }
}

test("by keyboard, the way on takes the reader to the feed", async ({ page }) => {
  await page.goto("/events/no-such-event-2099");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("No event at this link");
  const wayOn = page.getByRole("link", { name: "See the latest events" });
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press("Tab");
    if (await wayOn.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(wayOn).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Latest events" })).toBeVisible();
});

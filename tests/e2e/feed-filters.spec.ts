// The feed's filters as a new reader meets them (issue 15, items 1 and 14):
// the form fits the narrowest phone with its panel open or closed, the count
// says only what is applied, a value the API does not list is dropped with a
// notice naming it (and never sent to the API), the country list puts the
// countries with events first with their counts, and the page title says
// names, not codes. Every expectation is the reference backend's own answer,
// fetched in the test.
import { test, expect } from "../support/fixtures";
import type { Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
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
      await page.getByLabel("To", { exact: true }).fill("2025-01-01");
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

/**
 * The feed's `/events` requests from now on (pages of 20; the country list's
 * reading of the whole feed asks for 100), as query pairs without cursor and limit.
 */
function watchEventQueries(page: Page): [string, string][][] {
  const seen: [string, string][][] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname !== "/api/v1/events" || url.searchParams.get("limit") !== "20") return;
    seen.push([...url.searchParams.entries()].filter(([k]) => k !== "cursor" && k !== "limit"));
  });
  return seen;
}

const activeLine = (page: Page) => page.locator(".filters__active .muted");

test("item 14: the count says only what is applied, not a range the page says is not", async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/?category=military&from=2025-06-01&to=2025-01-01");
  await expect(page.getByRole("alert")).toContainText("the dates are not applied");
  await expect(activeLine(page)).toHaveText("1 filter applied");
  const military = await apiPage(request, [["category", "military"]]);
  await expect(page.getByText(resultsLine(military.total!, true), { exact: true })).toBeVisible();
  await expectCards(page, military.items);
  await expect(page).toHaveTitle("Events: Military · Eventdesk");

  // Only a reversed range: nothing is applied, and the page says so.
  await page.goto("/?from=2025-06-01&to=2025-01-01");
  await expect(page.getByRole("alert")).toContainText("the dates are not applied");
  await expect(activeLine(page)).toHaveText("No filters: every event, newest first");
  // The range is kept in the fields (nothing typed is lost) and counts once it is in order.
  await expect(page.getByLabel("From")).toHaveValue("2025-06-01");
  await page.getByLabel("From").fill("2024-06-01");
  await expect(page).toHaveURL(/from=2024-06-01&to=2025-01-01/);
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(activeLine(page)).toHaveText("2 filters applied");
});

test("item 14: an unknown category is dropped with a notice that names it, and not asked for", async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 320, height: 800 });
  const queries = watchEventQueries(page);
  let listed = 0;
  page.on("response", (r) => {
    if (new URL(r.url()).pathname === "/api/v1/categories") listed = queries.length;
  });
  await page.goto("/?category=bogus&category=military");
  const notice = page.getByRole("alert");
  await expect(notice).toContainText("\u201cbogus\u201d is not one of the categories, so it is not applied.");
  // The address now says what is applied; the notice stays until the reader changes the filters.
  await expect(page).toHaveURL(/\/\?category=military$/);
  await expect(page.getByRole("checkbox", { name: /bogus/i, includeHidden: true })).toHaveCount(0);
  await expect(page.locator(".filter-chip", { hasText: /bogus/i })).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: "Military", includeHidden: true })).toBeChecked();
  await expect(activeLine(page)).toHaveText("1 filter applied");
  const military = await apiPage(request, [["category", "military"]]);
  await expectCards(page, military.items);
  await expect(page).toHaveTitle("Events: Military · Eventdesk");
  // Once the API's list was known, no request asked for it.
  const after = queries.slice(listed);
  expect(after.length, "the feed asked for the filters it applies").toBeGreaterThan(0);
  expect(after.filter((q) => q.some(([, v]) => v === "bogus"))).toEqual([]);
  expect(queries.at(-1)).toEqual([["category", "military"]]);

  // Back leaves the feed: the address with the unknown value was replaced, not kept.
  await setPanel(page, true);
  await page.getByRole("checkbox", { name: "Diplomatic" }).check();
  await expect(page).toHaveURL(/\?category=military&category=diplomatic$/);
  await expect(page.getByRole("alert")).toHaveCount(0);
  await page.goBack();
  await expect(page).toHaveURL(/\?category=military$/);
});

test("item 14: a category the API lists is a filter even when this build does not know it", async ({ page }) => {
  await page.route("**/api/v1/categories", async (route) => {
    const response = await route.fetch();
    const list = await response.json();
    list.push({ id: "space", label: "Space & satellites", emoji: "🛰️" });
    await route.fulfill({ response, json: list });
  });
  const queries = watchEventQueries(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/?category=space");
  await expect(page.getByRole("checkbox", { name: "Space & satellites" })).toBeChecked();
  await expect(page.getByText("No event matches these filters", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
  expect(urlPairs(page)).toEqual([["category", "space"]]);
  expect(queries.at(-1)).toEqual([["category", "space"]]);
  await expect(activeLine(page)).toHaveText("1 filter applied");
});

test("item 14: an unknown level is dropped with a notice; a level the methodology lists is kept", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const queries = watchEventQueries(page);
  await page.goto("/?confidence=sure&confidence=verified");
  await expect(page.getByRole("alert")).toContainText("\u201csure\u201d is not a confidence level, so it is not applied.");
  await expect(page).toHaveURL(/\/\?confidence=verified$/);
  await expect(page.locator(".filter-chip", { hasText: /^\s*Sure/ })).toHaveCount(0);
  await expect(activeLine(page)).toHaveText("1 filter applied");
  expect(queries.at(-1)).toEqual([["confidence", "verified"]]);

  await page.route("**/api/v1/methodology", async (route) => {
    const response = await route.fetch();
    const m = await response.json();
    m.levels.push({ level: "partly_confirmed", label: "Partly confirmed", description: "Some of it." });
    await route.fulfill({ response, json: m });
  });
  await page.goto("/?confidence=partly_confirmed");
  const group = page.getByRole("group", { name: "Confidence" });
  await expect(group.getByRole("checkbox", { name: "Partly confirmed" })).toBeChecked();
  await expect(page.getByRole("alert")).toHaveCount(0);
  expect(urlPairs(page)).toEqual([["confidence", "partly_confirmed"]]);
});

test("item 14: a malformed country is named in a notice, not applied, not counted and not sent", async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const queries = watchEventQueries(page);
  await page.goto("/?country=Ukraine&q=dam");
  await expect(page.getByRole("alert")).toContainText(
    "\u201cUKRAINE\u201d is not a two-letter code for a country, such as FR, so it is not applied.",
  );
  await expect(page.getByLabel("Country")).toHaveValue("");
  await expect(activeLine(page)).toHaveText("1 filter applied");
  const dam = await apiPage(request, [["q", "dam"]]);
  await expectCards(page, dam.items);
  expect(queries.filter((q) => q.some(([k]) => k === "country"))).toEqual([]);
  await expect(page).toHaveTitle("Events: \u201cdam\u201d · Eventdesk");
});

/** The country list's groups as the reader sees them: [label, options' text][]. */
async function countryGroups(page: Page): Promise<[string, string[]][]> {
  return page.getByLabel("Country").evaluate((select) =>
    [...select.querySelectorAll("optgroup")].map((g) => [
      g.getAttribute("label") ?? "",
      [...g.querySelectorAll("option")].map((o) => (o.textContent ?? "").trim()),
    ]),
  );
}

for (const colorScheme of ["light", "dark"] as const) {
  for (const width of [320, 1280]) {
    test(`item 14: at ${width} px, ${colorScheme}, countries with events come first, with their counts`, async ({
      page,
      request,
    }) => {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: 900 });
      const all = await apiAll(request, []);
      // What the list must say: each event once per country its places name.
      const full = (await request.get("/api/v1/events?limit=100").then((r) => r.json())) as {
        items: { location: { places: { country_code?: string | null }[] } }[];
      };
      expect(full.items.length).toBe(all.length);
      const counts = new Map<string, number>();
      for (const e of full.items) {
        const codes = new Set(
          e.location.places.map((p) => (p.country_code ?? "").trim().toUpperCase()).filter((c) => /^[A-Z]{2}$/.test(c)),
        );
        for (const c of codes) counts.set(c, (counts.get(c) ?? 0) + 1);
      }
      const names = new Intl.DisplayNames(["en"], { type: "region" });
      const name = (code: string) => names.of(code) ?? code;
      const expected = [...counts.entries()]
        .sort((a, b) => b[1] - a[1] || name(a[0]).localeCompare(name(b[0]), "en"))
        .map(([code, n]) => `${name(code)} (${n})`);

      await page.goto("/");
      await expect(page.getByText(/^\d+ events$/)).toBeVisible();
      await setPanel(page, true);
      await expect(page.getByText(`how many of all ${all.length} events have a place there`)).toBeVisible();
      const groups = await countryGroups(page);
      expect(groups.map(([label]) => label)).toEqual(["With events (number of events)", "Other countries"]);
      expect(groups[0][1]).toEqual(expected);
      expect(groups[1][1].length, "every other country is still offered").toBeGreaterThan(150);
      expect(groups[1][1].every((t) => !/\(\d+\)$/.test(t))).toBe(true);
      const others = groups[1][1];
      expect([...others].sort((a, b) => a.localeCompare(b, "en"))).toEqual(others);
      // The note is tied to the select.
      await expect(page.getByLabel("Country")).toHaveAccessibleDescription(/how many of all \d+ events/);

      // The count is the API's own: choosing the country shows that many events.
      const [first] = expected;
      const code = [...counts.entries()].find(([c, n]) => `${name(c)} (${n})` === first)![0];
      await page.getByLabel("Country").selectOption({ label: first });
      await expect(page).toHaveURL(new RegExp(`[?&]country=${code}\\b`));
      const answer = await apiPage(request, [["country", code]]);
      expect(`${name(code)} (${answer.total})`).toBe(first);
      await expect(page.getByText(resultsLine(answer.total!, true), { exact: true })).toBeVisible();
      await expect(page).toHaveTitle(`Events: ${name(code)} · Eventdesk`);
      await expectFits(page, "country chosen");
    });
  }
}

test("item 14: the title names categories and countries, not codes", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/?category=military&country=RU");
  await expect(page).toHaveTitle("Events: Military, Russia · Eventdesk");
  await page.goto("/?country=ua&confidence=likely");
  await expect(page).toHaveTitle("Events: Likely, Ukraine · Eventdesk");
  await expect(page.getByLabel("Country")).toHaveValue("UA");
});

test("item 14: the filters with their notices and counted countries: by keyboard, and no axe-core violations", async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/?category=bogus&country=Ukraine");
  await expect(page.getByRole("alert")).toContainText("\u201cbogus\u201d is not one of the categories");
  await expect(page.getByRole("alert")).toContainText("\u201cUKRAINE\u201d is not a two-letter code");
  await expect(page.getByText(/have a place there/)).toBeVisible();
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page })
      .include("form.filters")
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(results.violations, `${colorScheme}: ${results.violations.map((v) => v.id).join(", ")}`).toEqual([]);
  }
  // By keyboard: Tab from the last confidence chip reaches the country list;
  // the arrow picks the first country with events.
  await page.getByRole("group", { name: "Confidence" }).getByRole("checkbox").last().focus();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Country")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page).toHaveURL(/[?&]country=[A-Z]{2}$/);
  const code = new URL(page.url()).searchParams.get("country")!;
  const answer = await apiPage(request, [["country", code]]);
  await expectCards(page, answer.items);
  // The reader changed the filters: the notices have done their work.
  await expect(page.getByRole("alert")).toHaveCount(0);
  expect(urlPairs(page)).toEqual([["country", code]]);
});

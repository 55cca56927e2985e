// Issue 4's maps, drawn offline: the event map in the Location part (pins,
// shaded countries, a legend, OpenStreetMap links, places that can't be
// drawn), the feed map on `/` (dots by confidence, grouped, usable by
// keyboard), the text shown before the basemap, and no request elsewhere.
import type { Page, Route } from "@playwright/test";
import { test, expect, watchOrigin, PARIS_EVENT_ID, PARIS_EVENT_PATH } from "../support/fixtures";

const SUMMARY_START = "The British and French-led Coalition of the Willing";
const BASEMAP = "**/maps/countries-110m.json";
const PARIS_OSM = "https://www.openstreetmap.org/?mlat=48.8566&mlon=2.3522#map=11/48.8566/2.3522";

const eventMap = (page: Page) => page.locator("figure.event-map");
/** The drawing itself (the legend has the same symbols). */
const drawing = (page: Page) => eventMap(page).locator("svg.map-svg");

/** Serves the event's real JSON with its places replaced. */
async function withPlaces(page: Page, id: string, places: unknown[]) {
  await page.route(`**/api/v1/events/${id}`, async (route: Route) => {
    const response = await route.fetch();
    const event = await response.json();
    event.location.places = places;
    await route.fulfill({ response, json: event });
  });
}

test("the Paris event's map: a Paris pin, Ukraine shaded, a legend and OpenStreetMap links", async ({ page, baseURL }) => {
  const watch = watchOrigin(page, baseURL!);
  await page.goto(PARIS_EVENT_PATH);
  const map = eventMap(page);
  await expect(map).toHaveAttribute("data-basemap", "ready");

  // Named by what it shows; the text list stays as its alternative.
  const img = map.getByRole("img", { name: "Map: Paris (where it happened), Ukraine (what it concerns)" });
  await expect(img).toBeVisible();
  await expect(page.getByRole("list", { name: "Places" })).toContainText("Paris");

  // Paris is a pin, Ukraine is its country's shape (not a pin), east of it.
  const pin = drawing(page).locator(".map-pin--occurred");
  await expect(pin).toHaveCount(1);
  await expect(drawing(page).locator(".map-pin--about")).toHaveCount(0);
  const ukraine = drawing(page).locator("path.map-area--about");
  await expect(ukraine).toHaveCount(1);
  await expect(ukraine).toHaveAttribute("d", /^M[\d.-]+ [\d.-]+L.*Z$/);
  // The real shape has many corners, a box only four.
  expect(((await ukraine.getAttribute("d")) ?? "").split("L").length).toBeGreaterThan(20);
  const pinBox = (await pin.boundingBox())!;
  const ukraineBox = (await ukraine.boundingBox())!;
  expect(ukraineBox.x).toBeGreaterThan(pinBox.x + pinBox.width);
  expect(ukraineBox.width).toBeGreaterThan(pinBox.width * 3);

  // The legend tells the two roles apart, each with its places.
  // The list of places is the legend: each place with its symbol (issue 15, item 14).
  const legend = map.getByRole("list", { name: "Places" });
  await expect(legend).toContainText("Where it happened");
  await expect(legend).toContainText("What it concerns");
  const osm = legend.getByRole("link", { name: "Open in OpenStreetMap: Paris" });
  await expect(osm).toHaveAttribute("href", PARIS_OSM);
  await expect(legend.getByRole("link", { name: "Open in OpenStreetMap: Ukraine" })).toHaveAttribute(
    "href",
    /^https:\/\/www\.openstreetmap\.org\/\?mlat=48\.38\d*&mlon=31\.17\d*#map=5\/48\.38\d*\/31\.17\d*$/,
  );
  watch.expectNoneLeft();

  // The link works: following it opens OpenStreetMap at Paris (answered
  // here, as the tests' network is closed).
  let opened = "";
  await page.route("https://www.openstreetmap.org/**", (route) => {
    opened = route.request().url();
    return route.fulfill({ contentType: "text/html", body: "<title>OpenStreetMap</title>" });
  });
  await osm.click();
  await expect(page).toHaveTitle("OpenStreetMap");
  expect(opened).toBe(PARIS_OSM.split("#")[0]);
});

test("an event with only a country shades that country and draws no pin", async ({ page }) => {
  await page.goto("/events/us-presidential-election-trump-wins-2024-11-05");
  const map = eventMap(page);
  await expect(map).toHaveAttribute("data-basemap", "ready");
  await expect(map.getByRole("img", { name: "Map: United States (where it happened)" })).toBeVisible();
  await expect(drawing(page).locator(".map-pin")).toHaveCount(0);
  const area = drawing(page).locator("path.map-area--occurred");
  await expect(area).toHaveCount(1);
  expect(((await area.getAttribute("d")) ?? "").split("L").length).toBeGreaterThan(20);
  // The list of places is the legend: each place with its symbol (issue 15, item 14).
  const legend = map.getByRole("list", { name: "Places" });
  await expect(legend).toContainText("Where it happened");
  await expect(legend).not.toContainText("What it concerns");
  await expect(legend.getByRole("link", { name: "Open in OpenStreetMap: United States" })).toHaveAttribute(
    "href",
    /^https:\/\/www\.openstreetmap\.org\/\?mlat=39\.8\d*&mlon=-98\.6\d*#map=5\//,
  );
});

test("an event with no coordinates lists its places and shows no empty map", async ({ page }) => {
  await withPlaces(page, PARIS_EVENT_ID, [
    { name: "Paris", country_code: "FR", role: "occurred_in", precision: "city", point: null, bbox: null },
    { name: "Ukraine", country_code: "UA", role: "about", precision: "country", point: { lat: 148.38, lon: 31.17 } },
  ]);
  await page.goto(PARIS_EVENT_PATH);
  const places = page.getByRole("list", { name: "Places" });
  await expect(places).toContainText("Paris");
  await expect(places).toContainText("Ukraine");
  await expect(page.getByRole("heading", { name: "Location" })).toBeVisible();
  await expect(eventMap(page)).toHaveCount(0);
  await expect(page.locator(".map-slot svg")).toHaveCount(0);
});

test("places that can't be drawn are named under the map, the rest are drawn", async ({ page }) => {
  await withPlaces(page, PARIS_EVENT_ID, [
    { name: "Paris", country_code: "FR", role: "occurred_in", precision: "city", point: { lat: 48.8566, lon: 2.3522 } },
    { name: "Atlantis", role: "about", precision: "city" },
    { name: "Nowhere", role: "about", precision: "point", point: { lat: 95, lon: 400 } },
  ]);
  await page.goto(PARIS_EVENT_PATH);
  const map = eventMap(page);
  await expect(map.getByRole("img", { name: "Map: Paris (where it happened)" })).toBeVisible();
  await expect(drawing(page).locator(".map-pin")).toHaveCount(1);
  const places = map.getByRole("list", { name: "Places" });
  await expect(places.locator("li", { hasText: "Atlantis" })).toContainText("Not on the map (no coordinates)");
  await expect(places.locator("li", { hasText: "Nowhere" })).toContainText("Not on the map (coordinates out of range)");
  await expect(map.getByRole("link", { name: /Open in OpenStreetMap/ })).toHaveCount(1);
});

test("the page's text shows before the basemap, in a box that doesn't move when it arrives", async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(BASEMAP, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(PARIS_EVENT_PATH);
  await expect(page.getByText(SUMMARY_START, { exact: false }).first()).toBeVisible();
  const map = eventMap(page);
  await expect(map).toHaveAttribute("data-basemap", "loading");
  // The box is already its final size, and the pin is already there.
  const frame = map.locator(".event-map__frame");
  const before = (await frame.boundingBox())!;
  expect(before.height).toBeGreaterThan(100);
  await expect(drawing(page).locator(".map-pin--occurred")).toHaveCount(1);
  const confidenceTop = (await page.getByRole("heading", { name: "Confidence", exact: true }).boundingBox())!.y;

  release();
  await expect(map).toHaveAttribute("data-basemap", "ready");
  await expect(map.locator("path.map-land")).toHaveAttribute("d", /^M/);
  expect(await frame.boundingBox()).toEqual(before);
  expect((await page.getByRole("heading", { name: "Confidence", exact: true }).boundingBox())!.y).toBe(confidenceTop);
});

test("the feed map: one dot or group per place, by keyboard, listing its events", async ({ page, baseURL }) => {
  const watch = watchOrigin(page, baseURL!);
  await page.goto("/");
  const feedMap = page.locator("section.feed-map");
  await expect(feedMap).toHaveAttribute("data-basemap", "ready");
  const dots = feedMap.locator("button.feed-dot");
  expect(await dots.count()).toBeGreaterThan(3);
  for (const label of await dots.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")))) {
    expect(label).toMatch(/^(1 event in .+, \w+|\d+ events in .+, (all \w+|several levels))$/);
  }
  await expect(feedMap.getByRole("list", { name: "Confidence on the map" })).toContainText("Verified");

  // Reach the map (its first dot) with Tab alone, then open it with Enter.
  const first = dots.first();
  for (let i = 0; i < 120 && !(await first.evaluate((e) => e === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(first).toBeFocused();
  const label = (await first.getAttribute("aria-label"))!;
  const count = Number(label.match(/^(\d+)/)![1]);
  await page.keyboard.press("Enter");
  await expect(first).toHaveAttribute("aria-expanded", "true");
  const panel = feedMap.locator(".feed-map__panel");
  await expect(panel).toHaveAttribute("aria-live", "polite");
  // The heading is the dot's name without its level.
  await expect(panel.getByRole("heading", { name: label.replace(/, (all \w+|several levels|\w+)$/, "") })).toBeVisible();
  const links = panel.getByRole("link");
  await expect(links).toHaveCount(count);
  for (const href of await links.evaluateAll((els) => els.map((e) => e.getAttribute("href")))) {
    expect(href).toMatch(/^\/events\/[^/]+$/);
  }

  // The Paris event is behind one of the dots, and its link opens it.
  const coalition = panel.getByRole("link", { name: /Coalition of the Willing/ });
  for (const dot of await dots.all()) {
    if ((await dot.getAttribute("aria-expanded")) !== "true") {
      await dot.focus();
      await page.keyboard.press("Space");
    }
    await expect(dot).toHaveAttribute("aria-expanded", "true");
    if ((await coalition.count()) > 0) break;
  }
  await coalition.click();
  await expect(page).toHaveURL(PARIS_EVENT_PATH);
  watch.expectNoneLeft();
});

test("close events share one dot with their count; far ones get their own", async ({ page }) => {
  await page.route(/\/api\/v1\/events(\?|$)/, async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    const base = body.items[0];
    const at = (id: string, level: string, name: string, lat: number, lon: number) => ({
      ...base,
      id,
      title: `Event ${id}`,
      confidence: { ...base.confidence, level },
      location: { label: name, places: [{ name, role: "occurred_in", precision: "city", point: { lat, lon } }] },
    });
    body.items = [
      at("a", "likely", "Paris", 48.8566, 2.3522),
      at("b", "verified", "Versailles", 48.8049, 2.1204),
      at("c", "verified", "Tokyo", 35.6762, 139.6503),
      { ...at("d", "verified", "Nowhere", 0, 0), location: { label: "Nowhere", places: [] } },
    ];
    body.total = 4;
    body.next_cursor = null;
    await route.fulfill({ response, json: body });
  });
  await page.goto("/");
  const dots = page.locator("section.feed-map button.feed-dot");
  await expect(dots).toHaveCount(2);
  await expect(dots.nth(0)).toHaveAccessibleName("2 events in Paris and Versailles, several levels");
  await expect(dots.nth(0)).toContainText("2");
  await expect(dots.nth(1)).toHaveAccessibleName("1 event in Tokyo, verified");
  await dots.nth(0).click();
  const panel = page.locator(".feed-map__panel");
  await expect(panel.getByRole("link", { name: "Event a" })).toHaveAttribute("href", "/events/a");
  await expect(panel.getByRole("link", { name: "Event b" })).toHaveAttribute("href", "/events/b");
  await panel.getByRole("button", { name: "Close" }).click();
  await expect(panel.getByRole("link")).toHaveCount(0);
  // Escape closes it too.
  await dots.nth(1).focus();
  await page.keyboard.press("Enter");
  await expect(panel.getByRole("link", { name: "Event c" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(panel.getByRole("link")).toHaveCount(0);
  await expect(dots.nth(1)).toHaveAttribute("aria-expanded", "false");
});

test("no map request leaves the origin, and the basemap is served compressed", async ({ page, baseURL, request }) => {
  const watch = watchOrigin(page, baseURL!);
  await page.goto(PARIS_EVENT_PATH);
  await expect(eventMap(page)).toHaveAttribute("data-basemap", "ready");
  await page.goto("/");
  await expect(page.locator("section.feed-map")).toHaveAttribute("data-basemap", "ready");
  expect(watch.requests.filter((u) => u.includes("countries-110m.json")).length).toBeGreaterThan(0);
  watch.expectNoneLeft();

  // All map data together stays within 150 KB as sent.
  const basemap = await request.get("/maps/countries-110m.json", { headers: { "accept-encoding": "br, gzip" } });
  expect(basemap.status()).toBe(200);
  const sent = Number(basemap.headers()["content-length"] ?? (await basemap.body()).length);
  expect(sent).toBeLessThanOrEqual(150 * 1024);
});

test("long place names are cut short on the map, whole in the legend and the place list", async ({ page }) => {
  const long = "Supercalifragilistic".repeat(500);
  // Accents as combining marks (e + U+0301): a cut must never part them.
  const accents = "Ope\u0301ra e\u0301le\u0301gant ".repeat(100).trim();
  await withPlaces(page, PARIS_EVENT_ID, [
    { name: long, country_code: "FR", role: "occurred_in", precision: "city", point: { lat: 48.8566, lon: 2.3522 } },
    { name: accents, country_code: "UA", role: "about", precision: "city", point: { lat: 50.4501, lon: 30.5234 } },
  ]);
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(PARIS_EVENT_PATH);
    const map = eventMap(page);
    await expect(map).toHaveAttribute("data-basemap", "ready");
    const names = drawing(page).locator("text.map-name");
    await expect(names).toHaveCount(2);
    const frame = (await map.locator(".event-map__frame").boundingBox())!;
    for (const label of await names.all()) {
      const text = (await label.textContent()) ?? "";
      const full = text.startsWith("Super") ? long : accents;
      // Cut with an ellipsis, within the cap, never inside a character as read.
      expect(text.endsWith("…"), `${width} px: ${text}`).toBe(true);
      const kept = text.slice(0, -1);
      expect(full.startsWith(kept)).toBe(true);
      expect(full.slice(kept.length).startsWith("\u0301"), `${width} px: an accent was cut off`).toBe(false);
      expect(kept.replace(/\u0301/g, "").length).toBeLessThan(32);
      // And it fits: nothing is clipped at the frame's edge.
      const box = (await label.boundingBox())!;
      expect(box.x, `${width} px: "${text}" starts inside the map`).toBeGreaterThanOrEqual(frame.x);
      expect(box.x + box.width, `${width} px: "${text}" ends inside the map`).toBeLessThanOrEqual(frame.x + frame.width);
    }
    // The words around the map keep every name whole.
    await expect(map.locator(".place__name", { hasText: long.slice(0, 40) })).toHaveText(long);
    await expect(map.locator(".place__name", { hasText: accents.slice(0, 20) })).toHaveText(accents);
    await expect(page.getByRole("list", { name: "Places" })).toContainText(long);
    await expect(page.getByRole("list", { name: "Places" })).toContainText(accents);
  }
});

// Issue 4's small locator maps on cards: one shared world image
// (public/maps/world-locator.svg, drawn by page-logic/tests/locator_image.rs) with a
// dot placed in percent (model/src/locator.rs) where the event happened, on
// the feed's and entity pages' cards; none without drawable coordinates;
// decorative (hidden from assistive technology, no tab stop, clicks go to the
// card's link); fixed in size; never loaded by the event page.
import type { Locator, Page, Route } from "@playwright/test";
import { test, expect, watchOrigin, PARIS_EVENT_ID, PARIS_EVENT_PATH } from "../support/fixtures";

const IMAGE = "/maps/world-locator.svg";
/** Where model/src/locator.rs puts Paris (48.8566° N, 2.3522° E), in percent of the image. */
const PARIS_AT = { x: 50.65, y: 39.51 };

const card = (page: Page, id: string) =>
  page.locator("article.event-card", { has: page.locator(`a[href="/events/${id}"]`) });

/** Waits for the card's locator image to be drawn. */
async function loaded(locator: Locator) {
  await locator.scrollIntoViewIfNeeded();
  const img = locator.locator("img.locator__map");
  await expect
    .poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0))
    .toBe(true);
}

/** The centres of a locator's dots, in percent of its image's box, and whether each lies wholly inside it. */
async function dots(locator: Locator) {
  const img = (await locator.locator("img.locator__map").boundingBox())!;
  const out: { x: number; y: number; inside: boolean }[] = [];
  for (const dot of await locator.locator(".locator__dot").all()) {
    const b = (await dot.boundingBox())!;
    out.push({
      x: ((b.x + b.width / 2 - img.x) / img.width) * 100,
      y: ((b.y + b.height / 2 - img.y) / img.height) * 100,
      inside:
        b.x >= img.x - 0.5 &&
        b.y >= img.y - 0.5 &&
        b.x + b.width <= img.x + img.width + 0.5 &&
        b.y + b.height <= img.y + img.height + 0.5,
    });
  }
  return out;
}

/** Serves the feed's first page as these events (built on a real one). */
async function feedOf(page: Page, make: (base: Record<string, unknown>) => unknown[]) {
  await page.route(/\/api\/v1\/events(\?|$)/, async (route: Route) => {
    const response = await route.fetch();
    const body = await response.json();
    body.items = make(body.items[0]);
    body.total = body.items.length;
    body.next_cursor = null;
    await route.fulfill({ response, json: body });
  });
}

const at = (base: Record<string, unknown>, id: string, label: string, places: unknown[]) => ({
  ...base,
  id,
  title: `Event ${id}`,
  location: { label, places },
});

test("a feed card shows where its event happened on a small world map", async ({ page, baseURL }) => {
  const watch = watchOrigin(page, baseURL!);
  await page.goto("/");
  const paris = card(page, PARIS_EVENT_ID);
  const locator = paris.locator(".locator");
  await expect(locator).toBeVisible();
  await loaded(locator);

  // One shared, same-origin image, loaded lazily, with an empty alt.
  const img = locator.locator("img.locator__map");
  await expect(img).toHaveAttribute("src", IMAGE);
  await expect(img).toHaveAttribute("alt", "");
  await expect(img).toHaveAttribute("loading", "lazy");
  await expect(img).toHaveAttribute("decoding", "async");

  // The dot is inside the image, where the model puts Paris: just east of
  // the middle, in the upper half.
  const [dot, ...more] = await dots(locator);
  expect(more).toEqual([]);
  expect(dot.inside).toBe(true);
  expect(Math.abs(dot.x - PARIS_AT.x)).toBeLessThan(1.5);
  expect(Math.abs(dot.y - PARIS_AT.y)).toBeLessThan(2);

  // Every card of the sample feed has coordinates, so every card has one,
  // and they all share the one image.
  const cards = page.locator("article.event-card:not(.event-card--skeleton)");
  await expect(cards.first()).toBeVisible();
  expect(await cards.locator(".locator").count()).toBe(await cards.count());
  const srcs = await cards.locator("img").evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute("src")))]);
  expect(srcs).toEqual([IMAGE]);
  await page.waitForLoadState("networkidle");
  expect(watch.requests.filter((u) => u.includes("world-locator")).length).toBe(1);
  watch.expectNoneLeft();
});

test("the locator is decorative: hidden from assistive technology, no tab stop, clicks open the event", async ({ page }) => {
  await page.goto("/");
  const paris = card(page, PARIS_EVENT_ID);
  const locator = paris.locator(".locator");
  await expect(locator).toHaveAttribute("aria-hidden", "true");
  // The card still has exactly one link, one tab stop, named by its headline,
  // and its place in words; the map adds no image to the accessibility tree.
  await expect(paris.getByRole("link")).toHaveCount(1);
  await expect(paris.getByRole("img")).toHaveCount(0);
  expect(await paris.locator("a, button, input, [tabindex]").count()).toBe(1);
  expect(await locator.locator("*").evaluateAll((els) => els.filter((e) => (e as HTMLElement).tabIndex >= 0).length)).toBe(0);
  const link = paris.getByRole("link");
  await expect(link).toHaveAccessibleName(/Coalition of the Willing/);
  await expect(paris.locator(".event-card__place")).toHaveText("Location: Paris, Ukraine");

  // It takes no clicks of its own: a click on it lands on the card's link.
  await loaded(locator);
  const box = (await locator.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page).toHaveURL(PARIS_EVENT_PATH);
});

test("a card without drawable coordinates has no locator; edge places stay inside it", async ({ page }) => {
  await feedOf(page, (base) => [
    at(base, "nowhere", "Somewhere unknown", [{ name: "Somewhere", role: "occurred_in", precision: "city" }]),
    at(base, "bad", "Beyond the pole", [{ name: "Beyond", role: "occurred_in", point: { lat: 91, lon: 200 } }]),
    at(base, "suva", "Suva, Fiji", [
      { name: "Suva", role: "occurred_in", precision: "city", point: { lat: -18.1416, lon: 178.4419 } },
    ]),
    at(base, "taveuni", "Across the antimeridian", [
      { name: "Vunisea", role: "occurred_in", precision: "city", point: { lat: -16.8, lon: -179.9 } },
    ]),
    at(base, "north", "North Pole", [{ name: "North Pole", role: "occurred_in", point: { lat: 90, lon: 0 } }]),
    at(base, "south", "Amundsen–Scott Station", [
      { name: "Amundsen–Scott Station", role: "occurred_in", point: { lat: -90, lon: 0 } },
    ]),
  ]);
  await page.goto("/");
  for (const id of ["nowhere", "bad"]) {
    await expect(card(page, id)).toBeVisible();
    await expect(card(page, id).locator(".locator")).toHaveCount(0);
    await expect(card(page, id).locator(".event-card__place")).toBeVisible();
  }
  const expected: Record<string, (d: { x: number; y: number }) => boolean> = {
    // Either side of 180°: at the image's two edges, level with each other.
    suva: (d) => d.x > 90 && d.y > 65 && d.y < 85,
    taveuni: (d) => d.x < 10 && d.y > 65 && d.y < 85,
    // The poles stop at the top and bottom edges.
    north: (d) => d.y < 12 && Math.abs(d.x - 50) < 2,
    south: (d) => d.y > 88 && Math.abs(d.x - 50) < 2,
  };
  for (const [id, ok] of Object.entries(expected)) {
    const locator = card(page, id).locator(".locator");
    await loaded(locator);
    const [dot] = await dots(locator);
    expect(dot.inside, `${id}'s dot is inside the image`).toBe(true);
    expect(ok(dot), `${id} at ${JSON.stringify(dot)}`).toBe(true);
  }
});

test("the locator's box is reserved: nothing moves when its image arrives", async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**${IMAGE}`, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/");
  const paris = card(page, PARIS_EVENT_ID);
  const locator = paris.locator(".locator");
  await expect(locator).toBeVisible();
  await locator.scrollIntoViewIfNeeded();
  await expect(locator.locator("img.locator__map")).toHaveJSProperty("naturalWidth", 0);
  const before = { card: await paris.boundingBox(), locator: await locator.boundingBox() };
  expect(before.locator!.width).toBeGreaterThan(50);
  expect(before.locator!.height).toBeGreaterThan(25);
  release();
  await loaded(locator);
  expect({ card: await paris.boundingBox(), locator: await locator.boundingBox() }).toEqual(before);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`the locator reads in the ${colorScheme} theme at 375 px`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/");
    const paris = card(page, PARIS_EVENT_ID);
    const locator = paris.locator(".locator");
    await loaded(locator);
    // The water and the dot take the theme's map colours (style/map.css).
    const colours = await locator.evaluate((el) => {
      const root = getComputedStyle(document.documentElement);
      const dot = el.querySelector(".locator__dot")!;
      const probe = document.createElement("span");
      document.body.append(probe);
      const resolve = (v: string) => {
        probe.style.color = root.getPropertyValue(v);
        return getComputedStyle(probe).color;
      };
      const out = {
        water: getComputedStyle(el).backgroundColor,
        expectedWater: resolve("--map-water"),
        dot: getComputedStyle(dot).backgroundColor,
        expectedDot: resolve("--map-occurred"),
        page: getComputedStyle(document.body).backgroundColor,
      };
      probe.remove();
      return out;
    });
    expect(colours.water).toBe(colours.expectedWater);
    expect(colours.dot).toBe(colours.expectedDot);
    const lightness = (rgb: string) => {
      const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
      return (r + g + b) / 3;
    };
    expect(lightness(colours.water) > 128).toBe(colorScheme === "light");
    // Beside the place, inside the card, within the narrow viewport.
    const box = (await locator.boundingBox())!;
    const cardBox = (await paris.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(cardBox.x);
    expect(box.x + box.width).toBeLessThanOrEqual(cardBox.x + cardBox.width);
    const placeBox = (await paris.locator(".event-card__place").boundingBox())!;
    expect(placeBox.x).toBeGreaterThan(box.x + box.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const [dot] = await dots(locator);
    expect(dot.inside).toBe(true);
  });
}

test("the event page never asks for the locator image", async ({ page, baseURL }) => {
  const watch = watchOrigin(page, baseURL!);
  await page.goto(PARIS_EVENT_PATH);
  await expect(page.locator("figure.event-map")).toHaveAttribute("data-basemap", "ready");
  await page.waitForLoadState("networkidle");
  expect(watch.requests.filter((u) => u.includes("world-locator"))).toEqual([]);
  watch.expectNoneLeft();
});

test("an entity page's cards show locators too", async ({ page }) => {
  await page.goto("/entities/elysee-palace");
  const paris = card(page, PARIS_EVENT_ID);
  const locator = paris.locator(".locator");
  await loaded(locator);
  const [dot] = await dots(locator);
  expect(dot.inside).toBe(true);
  expect(Math.abs(dot.x - PARIS_AT.x)).toBeLessThan(1.5);
  expect(Math.abs(dot.y - PARIS_AT.y)).toBeLessThan(2);
  const cards = page.locator("article.event-card");
  expect(await cards.locator(".locator").count()).toBe(await cards.count());
});

test("the locator image is small, compressed and cached like the other map data", async ({ request }) => {
  const plain = await request.get(IMAGE, { headers: { "accept-encoding": "identity" } });
  expect(plain.status()).toBe(200);
  expect(plain.headers()["content-type"]).toMatch(/^image\/svg\+xml/);
  expect((await plain.body()).length).toBeLessThan(10 * 1024);
  const br = await request.get(IMAGE, { headers: { "accept-encoding": "br" } });
  expect(br.headers()["content-encoding"]).toBe("br");
  expect(Number(br.headers()["content-length"])).toBeLessThan(4 * 1024);
  expect(br.headers()["cache-control"]).toBeTruthy();
});

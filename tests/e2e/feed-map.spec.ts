// The feed's overview map as a new reader meets it (issue 15, items 4 to 8):
// one tab stop with arrow keys between its dots, 44 × 44 px targets, marks
// and counts inside the frame and clear of each other at 320, 375 and 1280 px,
// counts of events (not places) with a note while only some are loaded,
// groups named by what they hold, and a Close button like the app's others.
// Expectations come from the reference backend's own answers, fetched here.
import AxeBuilder from "@axe-core/playwright";
import type { Page, Route } from "@playwright/test";
import { test, expect } from "../support/fixtures";
import { apiPage } from "./feed-helpers";

const feedMap = (page: Page) => page.locator("section.feed-map");
const dots = (page: Page) => feedMap(page).locator("button.feed-dot");
const panel = (page: Page) => feedMap(page).locator(".feed-map__panel");
const cards = (page: Page) => page.locator(".event-list__item");

async function openFeed(page: Page) {
  await page.goto("/");
  await expect(feedMap(page)).toHaveAttribute("data-basemap", "ready");
  await expect(cards(page).first()).toBeVisible();
}

/** Presses "Load more events" until the feed has every event. */
async function loadAll(page: Page) {
  const more = page.getByRole("button", { name: "Load more events" });
  for (let i = 0; i < 20 && (await more.count()) > 0; i++) {
    const before = await cards(page).count();
    await more.click();
    await expect.poll(() => cards(page).count()).toBeGreaterThan(before);
  }
  await expect(page.locator(".list-end")).toBeVisible();
}

const isFocused = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    return a instanceof HTMLElement && a.matches("button.feed-dot") ? a.getAttribute("data-dot") : null;
  });

/** Serves the feed as these events (each the first real event with another id, level and places). */
async function feedOf(page: Page, events: { id: string; level: string; places: unknown[] }[]) {
  await page.route(/\/api\/v1\/events(\?|$)/, async (route: Route) => {
    const response = await route.fetch();
    const body = await response.json();
    const base = body.items[0];
    body.items = events.map((e) => ({
      ...base,
      id: e.id,
      title: `Event ${e.id}`,
      confidence: { ...base.confidence, level: e.level },
      location: { label: "Somewhere", places: e.places },
    }));
    body.total = events.length;
    body.next_cursor = null;
    await route.fulfill({ response, json: body });
  });
}
const city = (name: string, country_code: string | null, lat: number, lon: number) => ({
  name,
  country_code,
  role: "occurred_in",
  precision: "city",
  point: { lat, lon },
});

test.describe("item 4: the map by keyboard", () => {
  test("one tab stop; arrows, Home and End move between dots; Enter and Space open a list; Escape closes it and returns focus", async ({
    page,
  }) => {
    await openFeed(page);
    const all = dots(page);
    const n = await all.count();
    expect(n).toBeGreaterThan(3);
    // Exactly one dot is in the tab order.
    const tabbable = await all.evaluateAll((els) => els.filter((e) => (e as HTMLElement).tabIndex >= 0).length);
    expect(tabbable).toBe(1);

    // Tab reaches the map once, and the next Tab leaves it.
    let reached: string | null = null;
    for (let i = 0; i < 80 && reached === null; i++) {
      await page.keyboard.press("Tab");
      reached = await isFocused(page);
    }
    expect(reached, "Tab reaches the map").not.toBeNull();
    await page.keyboard.press("Tab");
    expect(await isFocused(page), "the next Tab leaves the map").toBeNull();
    await page.keyboard.press("Shift+Tab");
    expect(await isFocused(page)).toBe(reached);

    // Arrows move along the dots, west to east; Home and End go to the ends.
    await page.keyboard.press("Home");
    await expect(all.first()).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await expect(all.nth(1)).toBeFocused();
    await expect(all.nth(1)).toHaveAttribute("tabindex", "0");
    await expect(all.first()).toHaveAttribute("tabindex", "-1");
    await page.keyboard.press("ArrowLeft");
    await expect(all.first()).toBeFocused();
    await page.keyboard.press("End");
    await expect(all.last()).toBeFocused();
    const xs = await all.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().x));
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    // Up and Down go to a dot north or south, when there is one.
    await page.keyboard.press("Home");
    for (const key of ["ArrowDown", "ArrowUp"]) {
      const from = (await page.evaluate(() => document.activeElement!.getBoundingClientRect().y))!;
      await page.keyboard.press(key);
      const to = (await page.evaluate(() => document.activeElement!.getBoundingClientRect().y))!;
      expect(await isFocused(page)).not.toBeNull();
      if (to !== from) expect(key === "ArrowDown" ? to > from : to < from).toBe(true);
    }

    // The map remembers its stop: leaving and coming back lands on the same dot.
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowLeft");
    const stop = await isFocused(page);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Shift+Tab");
    expect(await isFocused(page)).toBe(stop);

    // Enter opens its list, Escape closes it and focus stays on the dot.
    const dot = all.nth(n - 2);
    const label = (await dot.getAttribute("aria-label"))!;
    await page.keyboard.press("Enter");
    await expect(dot).toHaveAttribute("aria-expanded", "true");
    const heading = panel(page).getByRole("heading");
    await expect(heading).toBeVisible();
    expect(label.startsWith((await heading.textContent())!)).toBe(true);
    await page.keyboard.press("Escape");
    await expect(panel(page).getByRole("link")).toHaveCount(0);
    await expect(dot).toHaveAttribute("aria-expanded", "false");
    await expect(dot).toBeFocused();

    // Space opens it too; Escape from a link inside the list comes back to the dot.
    await page.keyboard.press("Home");
    await page.keyboard.press("Space");
    await expect(all.first()).toHaveAttribute("aria-expanded", "true");
    await panel(page).getByRole("link").first().focus();
    await page.keyboard.press("Escape");
    await expect(panel(page).getByRole("link")).toHaveCount(0);
    await expect(all.first()).toBeFocused();

    // And the Close button returns focus to the dot as well.
    await page.keyboard.press("Enter");
    await panel(page).getByRole("button", { name: "Close" }).click();
    await expect(panel(page).getByRole("link")).toHaveCount(0);
    await expect(all.first()).toBeFocused();
  });
});

/**
 * Checks every dot as rendered: a target of at least 44 × 44 px, it and its
 * mark and count inside the frame, nothing of another dot over or on them.
 */
async function expectClearDots(page: Page, when: string) {
  await feedMap(page).locator(".feed-map__frame").scrollIntoViewIfNeeded();
  // The layout follows the frame's size; give it a frame to settle.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const m = await page.evaluate(() => {
    const box = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    const frame = document.querySelector(".feed-map__frame")!;
    const f = frame.getBoundingClientRect();
    const inner = {
      left: f.left + frame.clientLeft,
      top: f.top + frame.clientTop,
      right: f.left + frame.clientLeft + frame.clientWidth,
      bottom: f.top + frame.clientTop + frame.clientHeight,
    };
    const hit = (b: Element, r: DOMRect) =>
      document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2)?.closest("button.feed-dot") === b;
    return {
      frame: inner,
      dots: [...document.querySelectorAll("button.feed-dot")].map((b) => {
        const target = b.getBoundingClientRect();
        const mark = b.querySelector(".feed-dot__shape")!.getBoundingClientRect();
        const count = b.querySelector(".feed-dot__count")?.getBoundingClientRect();
        return {
          label: b.getAttribute("aria-label") ?? "",
          target: box(target),
          mark: box(mark),
          count: count ? box(count) : null,
          targetOnTop: hit(b, target),
          markOnTop: hit(b, mark),
          countOnTop: count ? hit(b, count) : true,
        };
      }),
    };
  });
  type Box = { left: number; top: number; right: number; bottom: number };
  const inside = (b: Box) =>
    b.left >= m.frame.left - 0.5 &&
    b.top >= m.frame.top - 0.5 &&
    b.right <= m.frame.right + 0.5 &&
    b.bottom <= m.frame.bottom + 0.5;
  const overlap = (a: Box, b: Box) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
  expect(m.dots.length).toBeGreaterThan(2);
  for (const d of m.dots) {
    const what = `${when}, "${d.label}"`;
    expect(d.target.right - d.target.left, `${what}: target width`).toBeGreaterThanOrEqual(44);
    expect(d.target.bottom - d.target.top, `${what}: target height`).toBeGreaterThanOrEqual(44);
    expect(inside(d.target), `${what}: its target is inside the frame`).toBe(true);
    expect(inside(d.mark), `${what}: its mark is inside the frame`).toBe(true);
    if (d.count) expect(inside(d.count), `${what}: its count is inside the frame`).toBe(true);
    expect(d.targetOnTop && d.markOnTop && d.countOnTop, `${what}: nothing covers its target, mark or count`).toBe(
      true,
    );
    for (const o of m.dots) {
      if (o === d) continue;
      const pair = `${what} and "${o.label}"`;
      expect(overlap(d.target, o.target), `${pair}: targets overlap`).toBe(false);
      for (const a of [d.mark, d.count]) {
        for (const b of [o.mark, o.count]) {
          if (a && b) expect(overlap(a, b), `${pair}: marks or counts overlap`).toBe(false);
        }
      }
    }
  }
}

for (const width of [320, 375, 1280]) {
  test(`items 4 and 5: at ${width} px every dot is a 44 × 44 target, inside the frame, and no mark or count covers another`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await openFeed(page);
    await expectClearDots(page, `${width} px, first page`);
    await loadAll(page);
    await expectClearDots(page, `${width} px, every event`);
  });
}

test("items 4 and 5: the dots are laid out again when the window changes size", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openFeed(page);
  await loadAll(page);
  const before = await dots(page).count();
  await page.setViewportSize({ width: 320, height: 900 });
  await expectClearDots(page, "1280 px, then 320 px");
  // Fewer, larger groups fit the narrow frame; back wide, they part again.
  expect(await dots(page).count()).toBeLessThan(before);
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(dots(page)).toHaveCount(before);
  await expectClearDots(page, "320 px, then 1280 px");
});

test.describe("item 6: the map counts events, and says when it shows only some", () => {
  test("'Showing 20 of 57 events' until all are loaded, then a map of all of them, each event counted once", async ({
    page,
    request,
  }) => {
    const first = await apiPage(request, []);
    const total = first.total!;
    expect(total).toBeGreaterThan(40);
    await openFeed(page);
    const img = feedMap(page).getByRole("img", { name: /^World map of/ });
    const note = feedMap(page).locator(".feed-map__note");
    await expect(page.locator(".results-count")).toHaveText(`${total} events`);
    await expect(img).toHaveAccessibleName(`World map of 20 of the ${total} events in this feed`);
    await expect(note).toHaveText(`Showing 20 of ${total} events, load more to see the rest.`);

    await page.getByRole("button", { name: "Load more events" }).click();
    await expect(cards(page)).toHaveCount(40);
    await expect(img).toHaveAccessibleName(`World map of 40 of the ${total} events in this feed`);
    await expect(note).toHaveText(`Showing 40 of ${total} events, load more to see the rest.`);

    await loadAll(page);
    await expect(cards(page)).toHaveCount(total);
    await expect(img).toHaveAccessibleName(`World map of ${total} events in this feed`);
    await expect(note).toHaveCount(0);

    // Every event is behind some dot, and the dots together hold each once.
    const seen = new Set<string>();
    for (const dot of await dots(page).all()) {
      await dot.click();
      await expect(dot).toHaveAttribute("aria-expanded", "true");
      const count = Number((await dot.getAttribute("aria-label"))!.match(/^(\d+) events? /)![1]);
      const links = panel(page).getByRole("link");
      await expect(links).toHaveCount(count);
      for (const href of await links.evaluateAll((els) => els.map((e) => e.getAttribute("href")!))) seen.add(href);
    }
    expect(seen.size).toBe(total);
  });

  test("an event at two places is one event on the map", async ({ page }) => {
    await feedOf(page, [
      { id: "two", level: "likely", places: [city("Paris", "FR", 48.8566, 2.3522), city("Tokyo", "JP", 35.6762, 139.6503)] },
      { id: "one", level: "verified", places: [city("Sydney", "AU", -33.8688, 151.2093)] },
      { id: "none", level: "verified", places: [{ name: "Atlantis", role: "occurred_in" }] },
    ]);
    await openFeed(page);
    await expect(dots(page)).toHaveCount(3);
    await expect(feedMap(page).getByRole("img", { name: /^World map of/ })).toHaveAccessibleName(
      "World map of 2 of the 3 events in this feed",
    );
    await expect(feedMap(page).locator(".feed-map__note")).toHaveText("Showing 2 of 3 events: 1 has no place on the map.");
  });
});

test.describe("item 7: a group is named by what it holds", () => {
  for (const width of [320, 1280]) {
    test(`at ${width} px, Paris, Versailles and Geneva are '3 events in France and Switzerland'`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await feedOf(page, [
        { id: "paris", level: "likely", places: [city("Paris", "FR", 48.8566, 2.3522)] },
        { id: "versailles", level: "verified", places: [city("Versailles", "FR", 48.8049, 2.1204)] },
        { id: "geneva", level: "verified", places: [city("Geneva", "CH", 46.2044, 6.1432)] },
        { id: "lima", level: "verified", places: [city("Lima", "PE", -12.0464, -77.0428)] },
        { id: "lima2", level: "verified", places: [city("Lima", "PE", -12.05, -77.04)] },
      ]);
      await openFeed(page);
      await expect(dots(page)).toHaveCount(2);
      await expect(dots(page).nth(0)).toHaveAccessibleName("2 events in Lima, Peru, all verified");
      const europe = dots(page).nth(1);
      await expect(europe).toHaveAccessibleName("3 events in France and Switzerland, several levels");
      await expect(europe).toContainText("3");
      await europe.click();
      await expect(panel(page).getByRole("heading")).toHaveText("3 events in France and Switzerland");
      // And each event says where it is.
      for (const [id, place] of [["paris", "Paris"], ["versailles", "Versailles"], ["geneva", "Geneva"]]) {
        await expect(panel(page).getByRole("link", { name: `Event ${id}` })).toHaveAttribute("href", `/events/${id}`);
        await expect(panel(page).getByRole("listitem").filter({ hasText: `Event ${id}` })).toContainText(place);
      }
    });
  }

  test("a single event is named by its place and country; a place with no country by its name", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await feedOf(page, [
      { id: "tokyo", level: "verified", places: [city("Tokyo", "JP", 35.6762, 139.6503)] },
      { id: "shoal", level: "unconfirmed", places: [city("Second Thomas Shoal", null, 9.73, 115.86)] },
    ]);
    await openFeed(page);
    await expect(dots(page)).toHaveCount(2);
    await expect(dots(page).nth(0)).toHaveAccessibleName("1 event in Second Thomas Shoal, unconfirmed");
    await expect(dots(page).nth(1)).toHaveAccessibleName("1 event in Tokyo, Japan, verified");
  });

  test("with the real feed no group says 'near'", async ({ page }) => {
    await openFeed(page);
    for (const label of await dots(page).evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")!))) {
      expect(label).toMatch(/^\d+ events? in .+/);
      expect(label).not.toContain("near");
    }
  });
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`item 8: the list's Close button looks like the app's other buttons, ${colorScheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openFeed(page);
    await dots(page).first().click();
    const close = panel(page).getByRole("button", { name: "Close" });
    await expect(close).toBeVisible();
    const look = (el: Element) => {
      const s = getComputedStyle(el);
      return {
        background: s.backgroundColor,
        color: s.color,
        border: `${s.borderTopWidth} ${s.borderTopStyle} ${s.borderTopColor}`,
        radius: s.borderTopLeftRadius,
        font: `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`,
        minHeight: s.minHeight,
      };
    };
    const other = await page.getByRole("button", { name: "Load more events" }).evaluate(look);
    expect(await close.evaluate(look)).toEqual(other);
    // Not the browser's grey default.
    expect(other.background).not.toBe("rgb(239, 239, 239)");

    // And the open map passes axe-core.
    const results = await new AxeBuilder({ page }).include("section.feed-map").analyze();
    expect(results.violations, results.violations.map((v) => v.id).join(", ")).toEqual([]);
  });
}

// Issue 15: the feed's cards as a reader meets them, by mouse and keyboard.
// - item 14: the whole card is one target (the headline's link stretched
//   over it), one tab stop a card, named by its headline;
// - item 14: "No event matches these filters" is said once;
// - item 4: "Skip to events" takes a keyboard past the filters and the map:
//   from the page's load, a few Tab presses reach the first event.
import type { Page } from "@playwright/test";
import { test, expect } from "../support/fixtures";
import { apiPage, cardList, eventPath, expectCards, headline } from "./feed-helpers";

const WIDTHS = [320, 1280];

for (const width of WIDTHS) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`at ${width} px (${colorScheme}), anywhere on a card opens its event; one tab stop a card, named by its headline`, async ({
      page,
      request,
    }) => {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: 800 });
      const first = await apiPage(request, []);
      await page.goto("/");
      await expectCards(page, first.items);
      const card = cardList(page).getByRole("article").first();

      // One link a card, its name the headline.
      const links = card.getByRole("link");
      await expect(links).toHaveCount(1);
      await expect(links.first()).toHaveAccessibleName(headline(first.items[0]));

      // Its corners, its summary and its confidence line all open the event.
      const parts = [".event-card__meta", ".event-card__summary", ".event-card__confidence"];
      for (const part of parts) {
        const target = card.locator(part);
        if ((await target.count()) === 0) continue;
        await target.scrollIntoViewIfNeeded();
        const box = (await target.boundingBox())!;
        await page.mouse.move(box.x + box.width - 4, box.y + box.height / 2);
        expect(
          await page.evaluate(([x, y]) => getComputedStyle(document.elementFromPoint(x, y)!).cursor, [
            box.x + box.width - 4,
            box.y + box.height / 2,
          ]),
          `${part} shows a link's pointer`,
        ).toBe("pointer");
        await page.mouse.click(box.x + box.width - 4, box.y + box.height / 2);
        await expect(page, `a click on ${part}`).toHaveURL(eventPath(first.items[0]));
        await page.goBack();
        await expectCards(page, first.items);
      }

      // By keyboard: from one card's link, Tab goes to the next card's.
      await cardList(page).getByRole("link").first().focus();
      await page.keyboard.press("Tab");
      await expect(cardList(page).getByRole("link").nth(1)).toBeFocused();
    });
  }
}

test("\"No event matches these filters\" is said once, with what to do", async ({ page }) => {
  await page.goto("/?q=zzqxnothingmatches");
  await expect(page.getByRole("link", { name: "Clear filters" })).toBeVisible();
  await expect(page.getByText("No event matches these filters")).toHaveCount(1);
  await expect(page.getByText("Try fewer filters, another search, or a wider date range.")).toBeVisible();
});

/** The element focused now: its text and whether it is on screen. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const r = el?.getBoundingClientRect();
    return {
      text: (el?.textContent ?? "").trim(),
      card: !!el?.matches("ol.event-list a.event-card__link"),
      onScreen: !!r && r.width > 0 && r.top >= 0 && r.bottom <= window.innerHeight,
    };
  });

for (const width of WIDTHS) {
  test(`at ${width} px, a keyboard reaches the first event in at most 3 Tab presses with the skip links`, async ({
    page,
    request,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    const first = await apiPage(request, []);
    await page.goto("/");
    await expectCards(page, first.items);

    // "Skip to content", then "Skip to events", each followed.
    let tabs = 0;
    for (const name of ["Skip to content", "Skip to events"]) {
      await page.keyboard.press("Tab");
      tabs++;
      const now = await focused(page);
      expect(now.text).toBe(name);
      expect(now.onScreen, `"${name}" shows when focused`).toBe(true);
      await page.keyboard.press("Enter");
    }
    const now = await focused(page);
    expect(now.card, "the first event's link has focus").toBe(true);
    expect(now.onScreen).toBe(true);
    await expect(cardList(page).getByRole("link").first()).toBeFocused();
    expect(tabs).toBeLessThanOrEqual(3);
    // Skipping is no navigation: the address and the history stay.
    expect(new URL(page.url()).hash).toBe("");

    // Hidden again once focus has left.
    const skip = page.getByRole("link", { name: "Skip to events" });
    const box = await skip.boundingBox();
    expect(!box || box.y + box.height <= 0, "the skip link is off screen when not focused").toBe(true);
  });
}

test("\"Skip to events\" is the first stop after the site's header, and lands on the first card", async ({ page, request }) => {
  const first = await apiPage(request, []);
  await page.goto("/");
  await expectCards(page, first.items);
  const names: string[] = [];
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    names.push(now.text);
    if (now.text === "Skip to events") break;
  }
  expect(names).toEqual(["Skip to content", "Eventdesk", "Latest events", "How we assess confidence", "Skip to events"]);
  await page.keyboard.press("Enter");
  await expect(cardList(page).getByRole("link").first()).toBeFocused();
  await expect(cardList(page).getByRole("link").first()).toHaveAttribute("href", eventPath(first.items[0]));
});

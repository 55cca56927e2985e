// Issue 15, item 12: dates in one style, in the reader's locale and time
// zone, with the full date or exact instant in a `title` and the machine's
// in `<time datetime>`. A day (occurred_on) has no time zone and never moves
// by a day, even where its UTC midnight is the day before. The server's first
// paint writes the neutral style (en-GB in UTC); the app writes the reader's
// own in place after its first paint, and the event's header does not move.
import type { Browser, Page } from "@playwright/test";
import { test, expect, PARIS_EVENT_PATH } from "../support/fixtures";
import { startOwnServer, type OwnServer } from "../support/server";

const MONTHS_EN = "(January|February|March|April|May|June|July|August|September|October|November|December)";
const WEEKDAYS_EN = "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

type Style = {
  locale: string;
  timezoneId: string;
  /** The Paris event's day as shown, and its title. */
  paris: string;
  parisTitle: string;
  /** Any day, shown. */
  day: RegExp;
  /** Any instant, shown: the same date, then the time in the reader's zone. */
  instant: RegExp;
  /** An instant's title: to the second, with its zone. */
  exact: RegExp;
  lang: string | null;
};

const STYLES: Style[] = [
  {
    // Los Angeles: 2025-09-04T00:00Z is the 3rd there, which a day must not show.
    locale: "en-US",
    timezoneId: "America/Los_Angeles",
    paris: "September 4, 2025",
    parisTitle: "Thursday, September 4, 2025",
    day: new RegExp(`^${MONTHS_EN} \\d{1,2}, \\d{4}$`),
    instant: new RegExp(`^${MONTHS_EN} \\d{1,2}, \\d{4} at \\d{1,2}:\\d{2}\\s(AM|PM) P[DS]T$`),
    exact: new RegExp(`^${WEEKDAYS_EN}, ${MONTHS_EN} \\d{1,2}, \\d{4} at \\d{1,2}:\\d{2}:\\d{2}\\s(AM|PM) P[DS]T$`),
    lang: null,
  },
  {
    locale: "de-DE",
    timezoneId: "Asia/Tokyo",
    paris: "4. September 2025",
    parisTitle: "Donnerstag, 4. September 2025",
    day: /^\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}$/,
    instant: /^\d{1,2}\. [A-Za-zä]+ \d{4} um \d{2}:\d{2} (GMT\+9|JST)$/,
    exact: /^[A-Za-z]+, \d{1,2}\. [A-Za-zä]+ \d{4} um \d{2}:\d{2}:\d{2} (GMT\+9|JST)$/,
    lang: "de-DE",
  },
];

type Shown = { text: string; title: string | null; datetime: string | null; lang: string | null; visible: boolean };

/** Every date on the page: its text, title, datetime and language. */
async function dates(page: Page): Promise<Shown[]> {
  return page.locator("time").evaluateAll((els) =>
    els.map((el) => ({
      text: (el.textContent ?? "").trim(),
      title: el.getAttribute("title"),
      datetime: el.getAttribute("datetime"),
      lang: el.getAttribute("lang"),
      visible: (el as HTMLElement).offsetParent !== null || el.getClientRects().length > 0,
    })),
  );
}

function expectOneStyle(shown: Shown[], style: Style, where: string) {
  expect(shown.length, `${where}: dates shown`).toBeGreaterThan(0);
  for (const d of shown) {
    const what = `${where}: ${JSON.stringify(d)}`;
    expect(d.datetime, what).toBeTruthy();
    expect(d.title, what).toBeTruthy();
    expect(d.lang, what).toBe(style.lang);
    if (/^\d{4}-\d{2}-\d{2}$/.test(d.datetime!)) {
      expect(d.text, what).toMatch(style.day);
    } else {
      expect(d.text, what).toMatch(style.instant);
      expect(d.title!, what).toMatch(style.exact);
    }
  }
}

async function readerIn(browser: Browser, style: Style) {
  const context = await browser.newContext({ locale: style.locale, timezoneId: style.timezoneId });
  return { context, page: await context.newPage() };
}

for (const style of STYLES) {
  test(`${style.locale} in ${style.timezoneId}: the event page's dates in one style, the exact time in the title`, async ({ browser }) => {
    const { context, page } = await readerIn(browser, style);
    await page.goto(PARIS_EVENT_PATH);
    const occurred = page.locator('.event-header time[datetime="2025-09-04"]');
    // The day never moves, whatever the zone.
    await expect(occurred).toHaveText(style.paris);
    await expect(occurred).toHaveAttribute("title", style.parisTitle);
    await expect(page.getByRole("heading", { level: 2, name: "Extraction metadata" })).toBeVisible();
    // The instants: the extraction, the assessment and the updates.
    const extracted = page.locator(".extraction time");
    await expect(extracted).toHaveCount(1);
    await expect(extracted).toHaveText(style.instant);
    await expect(page.locator(".timeline time").first()).toHaveText(style.instant);
    expectOneStyle(await dates(page), style, "event page");

    // The title is the exact instant the API sent, in the reader's zone.
    const sent = (await extracted.getAttribute("datetime"))!;
    const expected = await page.evaluate(
      ([at, zone]) =>
        new Intl.DateTimeFormat(navigator.language, { dateStyle: "full", timeStyle: "long", timeZone: zone }).format(
          new Date(at),
        ),
      [sent, style.timezoneId] as const,
    );
    await expect(extracted).toHaveAttribute("title", expected);
    await context.close();
  });

  test(`${style.locale}: the feed's and an entity's dates in the same style`, async ({ browser }) => {
    const { context, page } = await readerIn(browser, style);
    await page.goto("/");
    const cards = page.locator(".event-card time");
    await expect(cards.first()).toHaveText(style.day);
    expect(await cards.count()).toBeGreaterThan(5);
    expectOneStyle(await dates(page), style, "feed");
    const paris = page.locator('.event-card time[datetime="2025-09-04"]');
    if ((await paris.count()) > 0) await expect(paris.first()).toHaveText(style.paris);

    await page.goto("/entities/elysee-palace");
    await expect(page.locator(".event-card time").first()).toHaveText(style.day);
    expectOneStyle(await dates(page), style, "entity page");
    await context.close();
  });
}

test.describe("with the server's first paint", () => {
  let server: OwnServer | undefined;
  test.describe.configure({ mode: "serial" });
  test.beforeAll(async () => {
    server = await startOwnServer({ portOffset: 97 });
  });
  test.afterAll(() => server?.stop());

  test("the first paint's date is neutral and the same as the app's first frame; the reader's replaces it without moving the header", async ({ browser }) => {
    for (const width of [320, 1280]) {
      const context = await browser.newContext({
        locale: "en-US",
        timezoneId: "America/Los_Angeles",
        viewport: { width, height: 800 },
      });
      // Before the app: the neutral style, with the full day in the title.
      const still = await context.newPage();
      await still.route("**/*.wasm", () => {});
      await still.goto(`${server!.origin}${PARIS_EVENT_PATH}`);
      const neutral = still.locator('.event-header time[datetime="2025-09-04"]');
      await expect(neutral).toHaveText("4 September 2025");
      await expect(neutral).toHaveAttribute("title", "Thursday, 4 September 2025");
      const before = await still.locator(".event-header").boundingBox();
      await still.close();

      const page = await context.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { headerShift_: number };
        w.headerShift_ = 0;
        type Shift = { value: number; sources: { node?: Node }[] };
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as Shift[]) {
            if (e.sources.some((s) => s.node instanceof Element && !!s.node.closest(".event-header"))) {
              w.headerShift_ += e.value;
            }
          }
        }).observe({ type: "layout-shift", buffered: true });
      });
      await page.goto(`${server!.origin}${PARIS_EVENT_PATH}`);
      await expect(page.locator('.event-header time[datetime="2025-09-04"]')).toHaveText("September 4, 2025");
      await expect(page.locator(".event-header time")).toHaveAttribute("title", "Thursday, September 4, 2025");
      await page.waitForTimeout(300);
      const after = await page.locator(".event-header").boundingBox();
      expect(after, `${width} px: the header keeps its box`).toEqual(before);
      expect(await page.evaluate(() => (window as unknown as { headerShift_: number }).headerShift_)).toBe(0);
      await context.close();
    }
  });
});

// Issue 17: a field meant to be short can be long. The hostile fixtures'
// hostile-long-words and hostile-long-phrases events (and a category, an
// entity, levels and tones of the methodology) hold 200 characters in every
// field the contract calls a plain string but readers expect short: the
// category's id, label and emoji, entity names and kinds, source names,
// place names, country codes, roles and precisions, confidence levels,
// tones, history kinds, the extraction method and story. At 320 px and at
// 1280 px, in light and in dark, nothing is wider than the viewport, no
// text is squeezed into a sliver, and every one of those values is still
// there to read (on screen, or in full in the accessible name or title
// where the screen shows it shortened).
import { test, expect } from "../support/fixtures";
import { startOwnServer, type OwnServer } from "../support/server";
import type { Page } from "@playwright/test";
import { measureLayout } from "./layout-helpers";

let server: OwnServer | undefined;
let origin = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  server = await startOwnServer({ portOffset: 95, fixtures: "fixtures-hostile" });
  origin = server.origin;
});

test.afterAll(() => {
  server?.stop();
});

/** server/fixtures-hostile/generate.py's long(): `tag` run on to 200 characters. */
function long(tag: string, spaced = false): string {
  const unit = spaced ? " and more words" : "Longer";
  let text = tag;
  while (text.length < 200) text += unit;
  return text.slice(0, 200);
}

/** model/src/labels.rs's humanise(): how the page names an unknown enum value. */
function humanise(raw: string): string {
  const words = raw.trim().replace(/[_-]/g, " ").split(/\s+/).filter(Boolean).join(" ");
  return words ? words[0].toUpperCase() + words.slice(1).toLowerCase() : "Unknown";
}

const LONG_EMOJI = "\u{1f91d}".repeat(200);

/** What an event's page must still let a reader read, for one of the two long events. */
function eventTexts(spaced: boolean): { texts: string[]; names: string[] } {
  const v = (tag: string) => long(tag, spaced);
  const category = spaced ? humanise(v("Categoryid")) : v("Categorylabel");
  const texts = [
    category,
    v("Locationlabel"),
    ...[0, 1].flatMap((i) => [
      v(`Placename${i}`),
      v(`Placecountry${i}`),
      humanise(v(`Placerole${i}`)),
      humanise(v(`Placeprecision${i}`)).toLowerCase(),
    ]),
    humanise(v("Confidencelevel")),
    `Next level: ${humanise(v("Nextlevel"))}.`,
    ...[0, 1, 2].map((i) => v(`Sourcename${i}`).trim()),
    ...[0, 1, 2].map((i) => `Source tone: ${humanise(v(`Tone${i}`)).toLowerCase()}`),
    ...[0, 1].map((i) => humanise(v(`Entitykind${i}`))),
    humanise(v("Historykind")),
    humanise(v("Extractionmethod")),
    // The story by its title; its slug only names a story without one (issue 15, item 14).
    v("Storytitle"),
  ];
  const names = [
    ...[0, 1].map((i) => `${humanise(v(`Entitykind${i}`))}: ${v(`Entityname${i}`)}`),
    `Person: ${v("Personname")}`,
  ];
  return { texts, names };
}

/** Every text the page holds, on screen or in an accessible name or title, whitespace collapsed. */
async function readable(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.body.textContent ?? ""];
    for (const el of document.querySelectorAll("[aria-label], [title]")) {
      parts.push(el.getAttribute("aria-label") ?? "", el.getAttribute("title") ?? "");
    }
    return parts.join(" \n ").replace(/\s+/g, " ");
  });
}

async function expectReadable(page: Page, texts: string[]) {
  const all = await readable(page);
  const missing = texts.map((t) => t.replace(/\s+/g, " ").trim()).filter((t) => !all.includes(t));
  expect(missing, "long values the page no longer shows in full anywhere").toEqual([]);
}

async function expectLayout(page: Page, width: number) {
  const layout = await measureLayout(page);
  expect(layout.overflow, `the layout is wider than the ${width} px viewport`).toBeLessThanOrEqual(0);
  expect(layout.outside, `elements reaching past the ${width} px viewport`).toEqual([]);
  expect(layout.crushed, "long text squeezed into a column a few letters wide").toEqual([]);
}

async function open(page: Page, route: string, ready: string | RegExp, width: number, colorScheme: "light" | "dark") {
  await page.emulateMedia({ colorScheme });
  await page.setViewportSize({ width, height: 900 });
  await page.goto(origin + route);
  await expect(page.getByText(ready).first()).toBeVisible({ timeout: 20_000 });
  await page.waitForTimeout(300);
}

for (const colorScheme of ["light", "dark"] as const) {
  for (const width of [320, 1280]) {
    test.describe(`${colorScheme}, at ${width} px`, () => {
      for (const spaced of [false, true]) {
        const id = spaced ? "hostile-long-phrases" : "hostile-long-words";
        test(`an event whose short fields are 200-character ${spaced ? "phrases" : "words"}`, async ({ page }) => {
          await open(page, `/events/${id}`, /Every short field holds 200 characters/, width, colorScheme);
          await expectLayout(page, width);
          const { texts, names } = eventTexts(spaced);
          await expectReadable(page, texts);
          for (const name of names) {
            await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
          }
          // The category badge reads as a badge: its label keeps most of the
          // width instead of a one-letter column beside a row of emoji.
          const badge = page.locator(".event-header .badge--category");
          const box = (await badge.boundingBox())!;
          const main = (await page.locator("main").boundingBox())!;
          expect(box.width, "the category badge uses the width it has").toBeGreaterThan(Math.min(main.width - 64, 240));
          const icon = badge.locator(".badge__icon");
          expect((await icon.boundingBox())!.width, "the category's icon stays an icon").toBeLessThan(48);
          // A long "emoji" is not an icon: a neutral one stands in, the text sent stays in its title.
          await expect(icon).toHaveText("📰");
          await expect(icon).toHaveAttribute("title", spaced ? long("Categoryemoji", true) : LONG_EMOJI);
          await page.screenshot({ path: test.info().outputPath(`${id}.png`), fullPage: width === 320 });
        });
      }

      test("the feed, its filters and its map with long categories, levels and names", async ({ page }) => {
        await open(page, "/", /Every short field holds 200 characters/, width, colorScheme);
        const more = page.locator("details.filters__more");
        if (!(await more.evaluate((d) => (d as HTMLDetailsElement).open))) await more.locator("summary").click();
        await expect(page.locator(".filter-chip").filter({ hasText: long("Categorylabel") })).toBeVisible();
        await expectLayout(page, width);
        await expectReadable(page, [
          long("Categorylabel"),
          humanise(long("Categoryid", true)),
          humanise(long("Confidencelevel")),
          humanise(long("Confidencelevel", true)),
          long("Locationlabel"),
          long("Sourcename0"),
        ]);
        // The map's list of the events near a place names their levels.
        await page.locator(".feed-dot[aria-label*='Placename0']").first().click();
        await expect(page.locator(".feed-map__list")).toBeVisible();
        await expectLayout(page, width);
        await expectReadable(page, [humanise(long("Confidencelevel"))]);
        await page.screenshot({ path: test.info().outputPath("feed.png"), fullPage: width === 320 });
      });

      test("the methodology with long level and tone names", async ({ page }) => {
        await open(page, "/methodology", /Methodlevellabel/, width, colorScheme);
        await expectLayout(page, width);
        await expectReadable(page, [
          long("Methodlevellabel"),
          humanise(long("Methodlevel")),
          humanise(long("Methodlevelspaced", true)),
          long("Methodtonelabel"),
          humanise(long("Methodtonespaced", true)),
          long("Criterion"),
          long("Example"),
        ]);
        await page.screenshot({ path: test.info().outputPath("methodology.png"), fullPage: width === 320 });
      });

      test("an entity page with a long name and kind", async ({ page }) => {
        await open(page, "/entities/long-words-entity-0", long("Entitydescription0", true).trim(), width, colorScheme);
        await expect(page.locator(".event-card").first()).toBeVisible();
        await expectLayout(page, width);
        await expectReadable(page, [long("Entityname0"), humanise(long("Entitykind0")), long("Categorylabel")]);
        await page.screenshot({ path: test.info().outputPath("entity.png"), fullPage: width === 320 });
      });
    });
  }
}

test("the first paint of an event with long fields keeps its layout and matches the app", async ({ page, context }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 320, height: 900 });
  // The app never arrives: the first paint alone.
  const still = await context.newPage();
  await still.setViewportSize({ width: 320, height: 900 });
  await still.route("**/*.wasm", () => {});
  await still.goto(`${origin}/events/hostile-long-words`);
  await expect(still.locator("[data-first-paint]")).toHaveCount(3);
  await expectLayout(still, 320);
  const first = await still.locator(".event-header .event-category").evaluate((e) => e.outerHTML);
  await still.close();
  await page.goto(`${origin}/events/hostile-long-words`);
  await expect(page.getByRole("heading", { level: 2, name: "Extraction metadata" })).toBeVisible({ timeout: 20_000 });
  expect(await page.locator(".event-header .event-category").evaluate((e) => e.outerHTML)).toBe(first);
});

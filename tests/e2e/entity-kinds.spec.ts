// Issue 17: an entity chip says its kind in words, not only by its icon
// (which a reader may not know, and which is a generic tag for a kind this
// build does not know): "👤 PERSON │ Volodymyr Zelensky". The words are on
// screen at 320 px and at 1280 px, in light and in dark, still there (and
// readable, by contrast) while the pointer is over the chip and while it has
// keyboard focus. The chip's accessible name is "Person: Volodymyr
// Zelensky", once, with no description read after it. An unknown kind
// reads humanised; a long one is cut short with its whole text in a title.
import type { Locator, Page, Route } from "@playwright/test";
import { test, expect, PARIS_EVENT_ID, PARIS_EVENT_PATH } from "../support/fixtures";

const EVENT_API = `**/api/v1/events/${PARIS_EVENT_ID}`;
const LONG_KIND = "vessel_of_a_kind_" + "registered".repeat(19);
const PARIS_CHIPS: [string, string][] = [
  ["Person", "Volodymyr Zelensky"],
  ["Person", "Emmanuel Macron"],
  ["Person", "Donald Trump"],
  ["Group", "Coalition of the Willing"],
  ["Place", "Élysée Palace"],
];

/** The Paris event as the API sends it, with two more entities of kinds this build does not know. */
async function withUnknownKinds(page: Page) {
  await page.route(EVENT_API, async (route: Route) => {
    const response = await route.fetch();
    const event = await response.json();
    event.entities.push(
      { id: "mv-example", name: "MV Example", kind: "ship" },
      { id: "long-kind", name: "The Long One", kind: LONG_KIND },
    );
    await route.fulfill({ response, json: event });
  });
}

const chips = (page: Page) => page.locator("section.entities").getByRole("link");

/** The contrast of the chip's kind words against the chip, as WCAG computes it. */
function kindContrast(chip: Locator): Promise<number> {
  return chip.evaluate((a) => {
    const word = a.querySelector(".chip__kind-word")!;
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const fg = lum(rgb(getComputedStyle(word).color));
    const bg = lum(rgb(getComputedStyle(a).backgroundColor));
    return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
  });
}

/** The kind is on screen in words, inside the chip and the viewport, readable against it. */
async function expectKindShown(page: Page, chip: Locator, kind: string) {
  const word = chip.locator(".chip__kind-word");
  await expect(word).toBeVisible();
  await expect(word).toHaveText(kind);
  const box = (await word.boundingBox())!;
  const chipBox = (await chip.boundingBox())!;
  const width = page.viewportSize()!.width;
  expect(box.width, "the kind takes room on screen").toBeGreaterThan(20);
  expect(box.x).toBeGreaterThanOrEqual(chipBox.x);
  expect(box.x + box.width).toBeLessThanOrEqual(chipBox.x + chipBox.width);
  expect(chipBox.x + chipBox.width, "the chip stays inside the viewport").toBeLessThanOrEqual(width);
  expect(await kindContrast(chip), "the kind's contrast against the chip").toBeGreaterThanOrEqual(4.5);
}

for (const colorScheme of ["light", "dark"] as const) {
  for (const width of [320, 1280]) {
    test.describe(`${colorScheme}, at ${width} px`, () => {
      test.beforeEach(async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await page.setViewportSize({ width, height: 900 });
      });

      test("each chip shows its kind in words, with one accessible name", async ({ page }) => {
        await page.goto(PARIS_EVENT_PATH);
        await expect(chips(page)).toHaveCount(PARIS_CHIPS.length);
        for (const [i, [kind, name]] of PARIS_CHIPS.entries()) {
          const chip = chips(page).nth(i);
          await expect(chip).toHaveAccessibleName(`${kind}: ${name}`);
          // Nothing read twice: no description (a title, say) after the name.
          await expect(chip).toHaveAccessibleDescription("");
          await expect(chip.locator(".chip__name")).toHaveText(name);
          await expectKindShown(page, chip, kind);
        }
        await page.locator("section.entities").screenshot({ path: test.info().outputPath("chips.png") });
      });

      test("the kind stays on screen under the pointer and with keyboard focus", async ({ page }) => {
        await page.goto(PARIS_EVENT_PATH);
        const zelensky = chips(page).first();
        await zelensky.hover();
        await expect(zelensky).toHaveCSS("text-decoration-line", "underline");
        await expectKindShown(page, zelensky, "Person");
        await page.mouse.move(0, 0);

        // By keyboard alone: Tab from the top of the page until the first chip has focus, then once more.
        await page.locator("body").press("Tab");
        for (let i = 0; i < 80 && !(await zelensky.evaluate((a) => a === document.activeElement)); i++) {
          await page.keyboard.press("Tab");
        }
        await expect(zelensky).toBeFocused();
        expect(await zelensky.evaluate((a) => a.matches(":focus-visible"))).toBe(true);
        await expectKindShown(page, zelensky, "Person");
        await page.keyboard.press("Tab");
        const macron = page.getByRole("link", { name: "Person: Emmanuel Macron", exact: true });
        await expect(macron).toBeFocused();
        await expectKindShown(page, macron, "Person");
        await page.locator("section.entities").screenshot({ path: test.info().outputPath("chips-focus.png") });
      });

      test("a kind this build does not know reads humanised, a long one shortened with its title", async ({ page }) => {
        await withUnknownKinds(page);
        await page.goto(PARIS_EVENT_PATH);
        const ship = page.getByRole("link", { name: "Ship: MV Example", exact: true });
        await expect(ship).toBeVisible();
        await expect(ship.locator(".chip__icon")).toHaveText("🔖");
        await expectKindShown(page, ship, "Ship");
        await ship.hover();
        await expectKindShown(page, ship, "Ship");

        const longKind = LONG_KIND.replace(/_/g, " ").replace(/^v/, "V");
        const long = page.getByRole("link", { name: `${longKind}: The Long One`, exact: true });
        await expect(long).toBeVisible();
        await expect(long).toHaveAccessibleDescription("");
        const word = long.locator(".chip__kind-word");
        await expect(word).toHaveAttribute("title", longKind);
        // Cut short on screen: at most half the chip, the name beside it whole.
        const wordBox = (await word.boundingBox())!;
        const chipBox = (await long.boundingBox())!;
        expect(wordBox.width).toBeLessThanOrEqual(chipBox.width / 2);
        await expect(long.locator(".chip__name")).toBeVisible();
        expect(chipBox.x + chipBox.width).toBeLessThanOrEqual(width);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
        await page.locator("section.entities").screenshot({ path: test.info().outputPath("chips-unknown.png") });
      });
    });
  }
}

// Issue 8: the event page's first paint travels in the HTML (the server's
// server/src/first_paint.rs): the site header and the event's header, which
// a reader sees before the app has downloaded, and without JavaScript. When
// the app starts it draws the same elements in the same places and removes
// the first paint in the same task: no frame shows both, neither, or a
// skeleton, and nothing moves. Runs against a backend of its own, with the
// embedded data on (the shared one has it off).
import type { Page } from "@playwright/test";
import { test, expect, PARIS_EVENT_PATH } from "../support/fixtures";
import { startOwnServer, type OwnServer } from "../support/server";

const HEADLINE = "Coalition of the Willing meets Zelensky in Paris on security guarantees";
const SUMMARY =
  "The British and French-led Coalition of the Willing and Ukrainian President Volodymyr Zelensky met in Paris to discuss possible future security guarantees for Ukraine aiming to ensure a just and lasting peace.";

let server: OwnServer | undefined;
let origin = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  server = await startOwnServer({ portOffset: 91 });
  origin = server.origin;
});

test.afterAll(() => {
  server?.stop();
});

/** The app's WebAssembly never arrives (the request hangs, as on a slow network). */
async function holdTheApp(page: Page) {
  await page.route("**/*.wasm", () => {});
}

type Rendering = { siteHeader: string; eventHeader: string; boxes: number[][] };

async function rendering(page: Page): Promise<Rendering> {
  return page.evaluate(() => {
    const box = (selector: string) => {
      const r = document.querySelector(selector)!.getBoundingClientRect();
      return [r.x, r.y, r.width, r.height].map(Math.round);
    };
    return {
      siteHeader: document.querySelector(".site-header")!.outerHTML,
      eventHeader: document.querySelector(".event-header")!.outerHTML,
      boxes: [".brand", ".event-category", "h1", ".event-header__summary", ".event-header__date"].map(box),
    };
  });
}

test("before the app arrives, the HTML shows the site header and the event's header", async ({ page }) => {
  await holdTheApp(page);
  await page.goto(`${origin}${PARIS_EVENT_PATH}`);
  await expect(page.locator("h1")).toHaveText(HEADLINE);
  await expect(page.locator(".event-header__summary")).toHaveText(SUMMARY);
  await expect(page.locator(".event-category")).toHaveText("🤝 Diplomatic");
  await expect(page.locator(".event-header__date")).toHaveText("Occurred on 4 September 2025");
  await expect(page.getByRole("link", { name: "How we assess confidence" })).toBeVisible();
  await expect(page.locator("[data-first-paint]")).toHaveCount(3);
});

test("with JavaScript off, a reader still reads what happened", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${origin}${PARIS_EVENT_PATH}`);
  await expect(page.locator("h1")).toHaveText(HEADLINE);
  await expect(page.locator("h1")).toBeVisible();
  await expect(page.locator(".event-header__summary")).toBeVisible();
  await expect(page.locator(".event-header__summary")).toHaveText(SUMMARY);
  // (Chromium with scripts turned off by the test still parses <noscript> as
  // if they ran, so its message is checked in the HTML, not on screen.)
  await expect(page.locator("noscript")).toHaveCount(1);
  await context.close();
});

test("the app takes over in one frame: same elements, same places, nothing moves", async ({ page, context }) => {
  const still = await context.newPage();
  await holdTheApp(still);
  await still.goto(`${origin}${PARIS_EVENT_PATH}`);
  await expect(still.locator("h1")).toHaveText(HEADLINE);
  const first = await rendering(still);
  await still.close();

  await page.addInitScript(() => {
    const w = window as unknown as { frames_: string[]; shift_: number };
    w.frames_ = [];
    w.shift_ = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
        if (!e.hadRecentInput) w.shift_ += e.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
    const tick = () => {
      const n = (s: string) => document.querySelectorAll(s).length;
      w.frames_.push(`${n("h1")}/${n("[data-first-paint]")}/${n(".skeleton")}`);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.goto(`${origin}${PARIS_EVENT_PATH}`);
  await expect(page.getByRole("heading", { level: 2, name: "Extraction metadata" })).toBeVisible();
  await expect(page.locator("[data-first-paint]")).toHaveCount(0);
  await expect(page.locator("h1")).toHaveCount(1);
  await expect(page.locator("main")).toHaveCount(1);
  await page.waitForTimeout(500);

  const live = await rendering(page);
  expect(live.siteHeader).toBe(first.siteHeader.replace(" data-first-paint=\"\"", ""));
  expect(live.eventHeader).toBe(first.eventHeader);
  expect(live.boxes).toEqual(first.boxes);

  const { frames, shift } = await page.evaluate(() => {
    const w = window as unknown as { frames_: string[]; shift_: number };
    return { frames: w.frames_, shift: w.shift_ };
  });
  const fromFirstHeadline = frames.slice(frames.findIndex((f) => f.startsWith("1/")));
  expect(fromFirstHeadline.length).toBeGreaterThan(0);
  // One headline in every frame from the first; first paint until the app's,
  // then the app's; never a skeleton.
  expect(fromFirstHeadline.every((f) => f === "1/3/0" || f === "1/0/0"), fromFirstHeadline.join(" ")).toBe(true);
  expect(shift).toBe(0);
});

// Hostile data: a reference backend of its own serves server/fixtures-hostile
// (script payloads in every text field, javascript:/data:/vbscript: and
// malformed URLs, 10,000-character words, right-to-left and zero-width text,
// unknown enums everywhere, dangling ids, 500 reports and 200 entities;
// long-fields.spec.ts has the 200-character labels, names and codes).
// Every page must render readably, run no script, keep within the viewport
// and link to nothing but http(s).
import { test, expect } from "../support/fixtures";
import { startOwnServer, type OwnServer } from "../support/server";
import type { Page } from "@playwright/test";
import { measureLayout } from "./layout-helpers";

let server: OwnServer | undefined;
let origin = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  server = await startOwnServer({ portOffset: 90, fixtures: "fixtures-hostile" });
  origin = server.origin;
});

test.afterAll(() => {
  server?.stop();
});

/** Loads `path`, waits for `ready` text, and checks what every hostile page must hold. */
async function visit(page: Page, route: string, ready: string | RegExp, width = 1280) {
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  // A related event the backend does not have is skipped quietly; the
  // browser still logs its 404, which is the only 404 allowed.
  const missing: string[] = [];
  page.on("response", (r) => {
    if (r.status() === 404) missing.push(new URL(r.url()).pathname);
  });
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    if (m.text().includes("status of 404") && missing.length > 0) return;
    errors.push(m.text());
  });
  await page.setViewportSize({ width, height: 900 });
  await page.goto(origin + route);
  await expect(page.getByText(ready).first()).toBeVisible({ timeout: 20_000 });
  await page.waitForTimeout(300);

  const report = await page.evaluate(() => {
    const links = [...document.querySelectorAll("a[href]")].map((a) => ({
      href: (a as HTMLAnchorElement).href,
      // The app's own share-by-email link (mailto:, its text percent-encoded).
      share: a.closest(".share") !== null,
    }));
    const injected = document.querySelectorAll(
      "main img[onerror], main iframe, main svg[onload], main details[ontoggle], main script, main style, body[onload]",
    ).length;
    return { links, injected, text: document.body.innerText.length };
  });
  const layout = await measureLayout(page);
  expect(dialogs, "a payload ran a script").toEqual([]);
  expect(errors, "console errors").toEqual([]);
  expect(missing.filter((p) => !p.startsWith("/api/v1/events/")), "missing files").toEqual([]);
  expect(report.injected, "markup from the data became elements").toBe(0);
  const bad = report.links
    .filter((l) => !/^https?:\/\//i.test(l.href))
    .filter((l) => !(l.share && /^mailto:\?[^<>"'\s]*$/i.test(l.href)))
    .map((l) => l.href);
  expect(bad, "links with a scheme other than http(s) (or the share section's encoded mailto:)").toEqual([]);
  expect(layout.overflow, `the layout is wider than the ${width} px viewport`).toBeLessThanOrEqual(0);
  expect(layout.outside, `elements reaching past the ${width} px viewport`).toEqual([]);
  expect(layout.crushed, "long text squeezed into a column a few letters wide").toEqual([]);
  expect(report.text).toBeGreaterThan(20);
}

for (const width of [320, 1280]) {
  test.describe(`at ${width} px`, () => {
    test("markup and script payloads render as text", async ({ page }) => {
      await visit(page, "/events/hostile-markup", "<script>alert('xss-1')</script>", width);
      await expect(page.getByText("\"><img src=x onerror=alert('xss-2')>").first()).toBeVisible();
    });

    test("long words, right-to-left, zero-width, combining and emoji text stay inside", async ({ page }) => {
      await visit(page, "/events/hostile-scripts", /Supercalifragilistic/, width);
    });

    test("an event with only its required fields reads plainly", async ({ page }) => {
      await visit(page, "/events/hostile-sparse", "An event with nothing but its required fields.", width);
      await expect(page.getByText(/Unconfirmed/).first()).toBeVisible();
    });

    test("unknown values of every open enum render readably", async ({ page }) => {
      await visit(page, "/events/hostile-unknown-enums", "Every open enum holds a value this client has never seen.", width);
      await expect(page.getByText(/Partly confirmed/).first()).toBeVisible();
      await expect(page.getByText(/Source tone: sarcastic/).first()).toBeVisible();
      await expect(page.getByText("Said with an empty tone.")).toBeVisible();
      await expect(page.getByText(/Space weather/).first()).toBeVisible();
    });

    test("reports of missing sources, repeated ids and impossible coordinates still show", async ({ page }) => {
      await visit(page, "/events/hostile-dangling", "Reports point at missing sources, ids repeat, coordinates are out of range.", width);
      for (const claim of [
        "A claim from a source that is not listed.",
        "A second report with the same id.",
        "A report with an empty source id.",
      ]) {
        await expect(page.getByText(claim)).toBeVisible();
      }
      await expect(page.getByText(/Unknown source/).first()).toBeVisible();
      await expect(page.getByText("Beyond the pole").first()).toBeVisible();
    });

    test("500 reports and 200 entities all render", async ({ page }) => {
      await visit(page, "/events/hostile-huge", "Sixty outlets, five hundred reports and two hundred entities on one page.", width);
      await expect(page.getByText("Claim number 499 of five hundred.")).toBeAttached();
      await expect(page.getByText("Claim number 0 of five hundred.")).toBeAttached();
      await expect(page.getByText("Entity number 199").first()).toBeAttached();
    });

    test("the feed survives hostile data", async ({ page }) => {
      await visit(page, "/", /Sixty outlets|An event with 500 reports/, width);
    });

    test("the methodology survives hostile data", async ({ page }) => {
      await visit(page, "/methodology", /Sarcastic|sarcastic|xss-5/, width);
    });

    test("an entity page survives hostile data", async ({ page }) => {
      await visit(page, "/entities/hostile-entity-0", "<script>alert('xss-1')</script>", width);
    });
  });
}

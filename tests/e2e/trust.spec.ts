// Issue 16, "which sources are trusted, and what the next level needs": the
// confidence section marks each source on the trusted list and each
// republished one in words; the ladder lists the next level's criteria (the
// methodology's) with where the event stands on each, from its own data; the
// methodology page says how trust is decided. The level stays the backend's.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect, PARIS_EVENT_PATH } from "../support/fixtures";

const confidence = (page: Page) =>
  page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: "Confidence" }) });

for (const width of [320, 1280]) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`${width} px, ${colorScheme}: Paris marks its one trusted source and lists what verified needs`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await page.goto(PARIS_EVENT_PATH);
      const section = confidence(page);
      const sources = section.getByRole("list", { name: "Independent sources" });
      const item = (name: string) => sources.getByRole("listitem").filter({ hasText: name });
      // In words beside the name, not colour alone.
      await expect(item("Kyiv Independent")).toContainText("Trusted");
      // The mark is the word; its star is hidden from screen readers.
      const mark = item("Kyiv Independent").locator(".badge--trusted");
      await expect(mark).toHaveText("★ Trusted");
      await expect(mark.locator(".badge__icon")).toHaveAttribute("aria-hidden", "true");
      await expect(item("Institute for the Study of War")).not.toContainText("Trusted");
      await expect(item("Censor.NET")).not.toContainText("Trusted");
      await expect(section.getByText("means the outlet is on the editors' trusted list.")).toBeVisible();

      // The backend's level and need stay as they are.
      await expect(section.getByText("Next level: Verified. It needs: One more trusted source.")).toBeVisible();
      const criteria = section.getByRole("list", { name: "What the next level needs, and where this event stands" });
      await expect(criteria.getByRole("listitem")).toHaveText([
        "✓ Two or more independent sources: met, 3 so far: Institute for the Study of War, Kyiv Independent and Censor.NET",
        "· They agree on the core facts: judged by the editors from the reports",
        "○ At least two trusted sources among them: 1 so far: Kyiv Independent",
      ]);
      // Nothing wider than the page.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const axe = await new AxeBuilder({ page }).include("section.confidence").analyze();
      expect(axe.violations).toEqual([]);
    });
  }
}

test("a republished source is marked in words and not counted as independent", async ({ page }) => {
  await page.goto("/events/baltimore-key-bridge-collapse-2024-03-26");
  const section = confidence(page);
  await expect(section.getByText("Republished copies of another source's reporting, so counted once with it, not as independent:")).toBeVisible();
  const republished = section.locator(".source-names--republished").getByRole("listitem");
  await expect(republished).toHaveCount(1);
  await expect(republished.first()).toContainText("Yahoo News");
  await expect(republished.first()).toContainText("Republished copy");
  await expect(republished.first().locator(".badge--republished")).toHaveText("⟳ Republished copy");
  await expect(section.getByRole("list", { name: "Independent sources" })).not.toContainText("Yahoo News");
});

test("without the methodology the ladder shows the backend's need alone", async ({ page }) => {
  await page.route("**/api/v1/methodology", (route) => route.fulfill({ status: 503, body: "" }));
  await page.goto(PARIS_EVENT_PATH);
  const section = confidence(page);
  await expect(section.getByText("Next level: Verified. It needs: One more trusted source.")).toBeVisible();
  await expect(section.locator(".ladder__criteria")).toHaveCount(0);
});

test("unknown and odd criteria read plainly, and the standing is never a new level", async ({ page }) => {
  await page.route("**/api/v1/methodology", async (route) => {
    const response = await route.fetch();
    const m = await response.json();
    const verified = m.levels.find((l: any) => l.level === "verified");
    verified.criteria = ["<b>Five</b> trusted outlets", "An editor has read every report", "   "];
    await route.fulfill({ response, json: m });
  });
  await page.goto(PARIS_EVENT_PATH);
  const items = confidence(page).locator(".ladder__criteria li");
  await expect(items).toHaveText([
    "○ <b>Five</b> trusted outlets: 1 so far: Kyiv Independent",
    "· An editor has read every report: judged by the editors from the reports",
  ]);
  await expect(confidence(page).locator(".ladder__criteria b")).toHaveCount(0);
  await expect(confidence(page).locator(".badge--conf").first()).toContainText("Likely");
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`${colorScheme}: the methodology page says how trust is decided, from the methodology`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("/methodology");
    const trust = page.locator("section#trust");
    await expect(trust.getByRole("heading", { level: 2, name: "How trust is decided" })).toBeVisible();
    await expect(trust).toContainText("The editors keep a list of trusted outlets.");
    // The same marks as the event page's, in words.
    await expect(trust.locator(".badge--trusted")).toHaveText("★ Trusted");
    await expect(trust.locator(".badge--republished")).toHaveText("⟳ Republished copy");
    await expect(trust.locator(".badge__icon[aria-hidden='true']")).toHaveCount(2);
    const where = trust.getByRole("listitem");
    await expect(where).toHaveText(["Verified: At least two trusted sources among them"]);
    await where.getByRole("link", { name: "Verified" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/methodology#verified$/);
    await expect(trust).toContainText("counts once, with the source it copied: see how independence is judged below.");
    const axe = await new AxeBuilder({ page }).include("section#trust").analyze();
    expect(axe.violations).toEqual([]);
  });
}

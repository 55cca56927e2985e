// "How we assess confidence": every level and tone of the fixture
// methodology, in order, with anchors that event pages link to.
import { test, expect, PARIS_EVENT_PATH } from "../support/fixtures";
import * as fs from "node:fs";
import * as path from "node:path";

type Methodology = {
  summary?: string | null;
  levels: { level: string; label: string; description: string; criteria?: string[] }[];
  tones: { tone: string; label: string; description: string; examples?: string[] }[];
  independence?: string | null;
};

const methodology: Methodology = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "..", "server", "fixtures", "methodology.json"), "utf8"),
);

test("the methodology page shows every level and tone of the methodology", async ({ page }) => {
  await page.goto("/methodology");
  await expect(page).toHaveTitle("How we assess confidence · Eventdesk");
  await expect(page.getByRole("heading", { level: 1, name: "How we assess confidence" })).toBeVisible();
  if (methodology.summary) await expect(page.getByText(methodology.summary, { exact: true })).toBeVisible();

  const levels = page.getByRole("list").filter({ has: page.getByRole("heading", { level: 3 }) });
  const items = levels.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3 }) });
  await expect(items).toHaveCount(methodology.levels.length);
  for (const [i, level] of methodology.levels.entries()) {
    const item = items.nth(i);
    await expect(item.getByRole("heading", { level: 3 })).toContainText(level.label);
    await expect(item).toContainText(level.description);
    for (const criterion of level.criteria ?? []) {
      await expect(item.getByRole("listitem").filter({ hasText: criterion }).first()).toBeVisible();
    }
  }

  await expect(page.getByText("it is not an independent verification", { exact: false }).first()).toBeVisible();
  for (const tone of methodology.tones) {
    const term = page.getByRole("term").filter({ hasText: tone.label });
    await expect(term).toBeVisible();
    const definition = page.getByRole("definition").filter({ hasText: tone.description });
    await expect(definition).toBeVisible();
    for (const example of tone.examples ?? []) await expect(definition).toContainText(example);
  }
  if (methodology.independence) await expect(page.getByText(methodology.independence, { exact: true })).toBeVisible();
});

test("each level's anchor resolves, also after the content loads", async ({ page }) => {
  for (const level of methodology.levels) {
    await page.goto(`/methodology#${level.level}`);
    const target = page.locator(`[id="${level.level}"]`);
    await expect(target).toContainText(level.label);
    await expect(target).toBeInViewport();
  }
  // The last level is far down the page: scrolling there proves the jump happened.
  const last = methodology.levels[methodology.levels.length - 1];
  await page.goto(`/methodology#${last.level}`);
  await expect(page.locator(`[id="${last.level}"]`)).toBeInViewport();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
});

test("the event page's methodology link lands on its level", async ({ page }) => {
  await page.goto(PARIS_EVENT_PATH);
  await page.getByRole("link", { name: "How we assess confidence →" }).click();
  await expect(page).toHaveURL(/\/methodology#likely$/);
  await expect(page.locator('[id="likely"]')).toBeInViewport();
});

test("levels and tones this build does not know are shown like the others", async ({ page }) => {
  const extended = {
    ...methodology,
    levels: [
      ...methodology.levels,
      { level: "partly_confirmed", label: "Partly confirmed", description: "Some core facts are confirmed.", criteria: ["One official statement"] },
    ],
    tones: [...methodology.tones, { tone: "hedged", label: "Hedged", description: "The outlet hedges.", examples: ["it seems"] }],
  };
  await page.route((url) => url.pathname === "/api/v1/methodology", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(extended) }),
  );
  await page.goto("/methodology#partly_confirmed");
  const level = page.locator('[id="partly_confirmed"]');
  await expect(level.getByRole("heading", { level: 3 })).toContainText("Partly confirmed");
  await expect(level).toContainText("Some core facts are confirmed.");
  await expect(level).toContainText("One official statement");
  await expect(level).toBeInViewport();
  await expect(page.getByRole("term").filter({ hasText: "Hedged" })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "The outlet hedges." })).toContainText("it seems");
});

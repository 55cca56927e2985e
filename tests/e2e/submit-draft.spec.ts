// The submit form's draft in localStorage (issue 15, item 11): it never
// keeps the reader's email, carries the time it was saved, is dropped after
// a week (this event's and every other event's) and once the backend has
// the submission. Read from localStorage itself, as anyone at the same
// computer could.
import type { Page } from "@playwright/test";
import { test, expect, PARIS_EVENT_ID } from "../support/fixtures";
import { formField, openForm } from "./submit-helpers";

const KEY = `eventdesk:draft:${PARIS_EVENT_ID}`;
const DAY = 24 * 3600 * 1000;

const field = formField;

function stored(page: Page, key: string): Promise<string | null> {
  return page.evaluate((k) => localStorage.getItem(k), key);
}

/** A draft as the app stores it, saved `daysAgo` days ago. */
function draft(daysAgo: number, url: string): string {
  const savedAt = new Date(Date.now() - daysAgo * DAY).toISOString().replace(/\.\d+Z$/, "Z");
  return JSON.stringify({ v: 2, saved_at: savedAt, url, outlet_name: "Kept News", note: "kept note" });
}

test("the saved draft keeps no email and carries the time it was saved", async ({ page }) => {
  await openForm(page);
  const url = `https://www.example-news.org/2025/09/04/draft-${Date.now().toString(36)}`;
  await field.url(page).fill(url);
  await field.outlet(page).fill("Example News");
  await field.note(page).fill("Same meeting.");
  await field.email(page).fill("reader@example.org");
  await expect.poll(() => stored(page, KEY)).not.toBeNull();
  const raw = (await stored(page, KEY))!;
  expect(raw).not.toContain("reader@example.org");
  const saved = JSON.parse(raw);
  expect(saved).not.toHaveProperty("email");
  expect(saved).toMatchObject({ url, outlet_name: "Example News", note: "Same meeting." });
  expect(Math.abs(Date.parse(saved.saved_at) - Date.now())).toBeLessThan(60_000);
  // Nothing of the email anywhere in the page's storage.
  const everything = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(everything).not.toContain("reader@example.org");

  await page.reload();
  await expect(field.url(page)).toHaveValue(url);
  await expect(field.note(page)).toHaveValue("Same meeting.");
  await expect(field.email(page)).toHaveValue("");
  await expect(page.getByRole("status").filter({ hasText: "We kept what you typed" })).toContainText(
    "on this device, for up to 7 days (never your email)",
  );
});

test("an email alone leaves no draft behind", async ({ page }) => {
  await openForm(page);
  await field.email(page).fill("reader@example.org");
  await field.note(page).fill("x");
  await expect.poll(() => stored(page, KEY)).not.toBeNull();
  await field.note(page).fill("");
  await expect.poll(() => stored(page, KEY)).toBeNull();
});

test("drafts older than a week are dropped, this event's and other events'", async ({ page }) => {
  await openForm(page);
  await page.evaluate(
    ({ entries }) => {
      for (const [k, v] of entries) localStorage.setItem(k, v);
    },
    {
      entries: [
        [KEY, draft(8, "https://old.example-news.org/paris")],
        ["eventdesk:draft:other-old-event", draft(30, "https://old.example-news.org/other")],
        ["eventdesk:draft:other-fresh-event", draft(2, "https://fresh.example-news.org/other")],
        // An earlier version's draft: no time, and the email in it.
        ["eventdesk:draft:other-v1-event", JSON.stringify({ v: 1, url: "https://a.example/x", email: "old@example.org" })],
        ["eventdesk:something-else", "left alone"],
      ],
    },
  );
  await page.reload();
  await expect(field.url(page)).toBeVisible();
  await expect(field.url(page)).toHaveValue("");
  await expect(field.note(page)).toHaveValue("");
  await expect(page.getByText("We kept what you typed here earlier")).toHaveCount(0);
  await expect.poll(() => stored(page, KEY)).toBeNull();
  expect(await stored(page, "eventdesk:draft:other-old-event")).toBeNull();
  expect(await stored(page, "eventdesk:draft:other-v1-event")).toBeNull();
  expect(await stored(page, "eventdesk:draft:other-fresh-event")).not.toBeNull();
  expect(await stored(page, "eventdesk:something-else")).toBe("left alone");
});

test("a draft of six days ago is restored", async ({ page }) => {
  await openForm(page);
  await page.evaluate(({ k, v }) => localStorage.setItem(k, v), {
    k: KEY,
    v: draft(6, "https://six.example-news.org/paris"),
  });
  await page.reload();
  await expect(field.url(page)).toHaveValue("https://six.example-news.org/paris");
  await expect(field.outlet(page)).toHaveValue("Kept News");
  await expect(page.getByText("We kept what you typed here earlier")).toBeVisible();
});

test("a successful submission drops the draft, and a reload starts empty", async ({ page }) => {
  await openForm(page);
  await field.url(page).fill(`https://www.example-news.org/2025/09/04/sent-${Date.now().toString(36)}`);
  await field.email(page).fill("reader@example.org");
  await expect.poll(() => stored(page, KEY)).not.toBeNull();
  await field.send(page).click();
  await expect(page.locator(".submit-receipt__id")).toHaveText(/^sub_/);
  expect(await stored(page, KEY)).toBeNull();
  await page.reload();
  await expect(field.url(page)).toHaveValue("");
  await expect(field.email(page)).toHaveValue("");
  expect(await stored(page, KEY)).toBeNull();
});

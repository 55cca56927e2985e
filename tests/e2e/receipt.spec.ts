// The receipt page, /submissions/{id}: where a reader's suggested source stands.
import type { Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { test, expect, PARIS_EVENT_ID, PARIS_EVENT_PATH, pendingReceipt } from "../support/fixtures";

const RECEIPT_API = "**/api/v1/submissions/*";

function stubReceipt(page: Page, body: object, status = 200) {
  return page.route(RECEIPT_API, (route) =>
    route.fulfill({
      status,
      contentType: status === 200 ? "application/json" : "application/problem+json",
      body: JSON.stringify(body),
    }),
  );
}

const base = pendingReceipt(
  "sub_7Kq2mX9d",
  "https://www.example-news.org/2025/09/04/paris-summit-security-guarantees",
);
const rejected = {
  ...base,
  status: "rejected",
  decided_at: "2026-06-03T10:00:00Z",
  reason: "The article is about a different meeting.",
};

test("a real submission's page: pending review, the URL, when it came, the way back", async ({ page, request }) => {
  const url = `https://www.example-news.org/receipt-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const created = await request.post(`/api/v1/events/${PARIS_EVENT_ID}/submissions`, {
    data: { url, outlet_name: "Example News" },
  });
  expect(created.status()).toBe(202);
  const { id } = await created.json();

  await page.goto(`/submissions/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Your submission" })).toBeVisible();
  const status = page.locator(".submission-page__status");
  await expect(status).toContainText("Pending review");
  await expect(status).toContainText("An editor will review it before it is added to the event.");
  await expect(page.getByRole("link", { name: url })).toHaveAttribute("href", url);
  await expect(page.locator(".submission-page__facts")).toContainText(id);
  await expect(page.locator(".submission-page__facts time").first()).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
  await expect(page.locator(".submission-page__facts")).toContainText("Not yet");
  const back = page.getByRole("link", { name: /Back to the event/ });
  await expect(back).toHaveAttribute("href", PARIS_EVENT_PATH);
  await expect(back).toContainText("Coalition of the Willing");
  await expect(page).toHaveTitle(/Your submission: Pending review/);
});

test("a pending receipt says once that an editor reviews it", async ({ page }) => {
  await stubReceipt(page, base);
  await page.goto("/submissions/sub_7Kq2mX9d");
  const receipt = page.locator(".submission-page");
  await expect(receipt.locator(".submission-page__status")).toContainText("Pending review");
  // The status's badge names it; one sentence says what it means. No notice repeats it.
  await expect(receipt.getByText("Submissions are reviewed by an editor before integration.")).toHaveCount(0);
  await expect(receipt.locator(".submission-page__status")).toContainText(
    "An editor will review it before it is added to the event.",
  );
  // "Pending review" on the badge, "review" in its sentence, and nowhere else.
  const mentions = (await receipt.innerText()).match(/review/gi) ?? [];
  expect(mentions).toHaveLength(2);
});

test("rejected, with the editor's reason and when it was decided", async ({ page }) => {
  await stubReceipt(page, rejected);
  await page.goto("/submissions/sub_7Kq2mX9d");
  await expect(page.locator(".submission-page__status")).toContainText("Rejected");
  await expect(page.locator(".submission-page__reason")).toHaveText(
    "The editor's reason: The article is about a different meeting.",
  );
  await expect(page.locator('.submission-page__facts time[datetime="2026-06-03T10:00:00Z"]')).toBeVisible();
});

test("accepted, and a status this page does not know, shown plainly", async ({ page }) => {
  await stubReceipt(page, { ...base, status: "accepted", decided_at: "2026-06-03T10:00:00Z" });
  await page.goto("/submissions/sub_7Kq2mX9d");
  await expect(page.locator(".submission-page__status")).toContainText("Accepted");
  await page.unroute(RECEIPT_API);

  await stubReceipt(page, { ...base, status: "on_hold" });
  await page.goto("/submissions/sub_7Kq2mX9d");
  await expect(page.locator(".submission-page__status")).toContainText("On hold");
});

test("an unsafe URL is shown as text, never linked", async ({ page }) => {
  await stubReceipt(page, { ...base, url: "javascript:alert(1)" });
  await page.goto("/submissions/sub_7Kq2mX9d");
  const cell = page.locator(".submission-page__url");
  await expect(cell).toHaveText("javascript:alert(1)");
  await expect(cell.locator("a")).toHaveCount(0);
});

test("no submission at this link: a 404 says so, and is not indexed", async ({ page }) => {
  const response = await page.goto("/submissions/sub_doesNotExist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "No submission at this link" })).toBeVisible();
  await expect(page).toHaveTitle("No submission at this link · Eventdesk");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex");
  await expect(page.getByRole("link", { name: "See the latest events" })).toBeVisible();
});

test("a server error offers a retry that works", async ({ page }) => {
  let fail = true;
  await page.route(RECEIPT_API, (route) =>
    fail
      ? route.fulfill({ status: 500, contentType: "application/problem+json", body: '{"title":"Oops","status":500}' })
      : route.fulfill({ status: 200, json: base }),
  );
  await page.goto("/submissions/sub_7Kq2mX9d");
  await expect(page.getByRole("heading", { name: "This submission could not be loaded" })).toBeVisible();
  fail = false;
  await page.getByRole("button", { name: "Retry" }).click();
  await expect(page.locator(".submission-page__status")).toContainText("Pending review");
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`the receipt page has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await stubReceipt(page, rejected);
    await page.goto("/submissions/sub_7Kq2mX9d");
    await expect(page.locator(".submission-page__reason")).toBeVisible();
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(results.violations).toEqual([]);
  });
}

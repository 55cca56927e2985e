// The submit form refuses addresses that cannot be another outlet's article
// (issue 15, item 10): this device, private and link-local networks, IP
// literals in every spelling, single-label and local-only names, and
// Eventdesk's own pages. Each is said beside the address, with why; what was
// typed stays; nothing is sent and no receipt is given; no outlet name is
// suggested from it. The reference backend refuses the same with 422 on `url`.
import type { Page } from "@playwright/test";
import { test, expect, PARIS_EVENT_ID, PARIS_EVENT_PATH } from "../support/fixtures";
import { measureLayout } from "./layout-helpers";
import { countPosts, formField, openForm } from "./submit-helpers";

const SUBMIT_API = `/api/v1/events/${PARIS_EVENT_ID}/submissions`;

/** The address, and words its refusal must say. */
const REFUSED: [string, RegExp][] = [
  ["http://localhost/x", /points to the device it is opened on \(localhost\)/],
  ["https://example", /has no domain ending \(such as \.com or \.org\)/],
  ["http://192.168.1.1/admin", /on a private network/],
  ["http://2130706433/", /\(localhost\)/],
  ["http://0x7f.0.0.1/", /\(localhost\)/],
  ["http://[::ffff:127.0.0.1]/", /\(localhost\)/],
  ["http://169.254.169.254/latest/meta-data/", /link-local address/],
  ["http://93.184.215.14/news", /domain name .*not a numeric IP address/],
  ["http://printer.local/status", /Names ending in \.local are known only on a local network/],
  ["http://wiki.corp.internal/", /Names ending in \.internal/],
  ["https://user:pw@reuters.com/x", /no user name before an @/],
];

const OWN_SITE = /This is a page of Eventdesk itself\. Enter the address of the other outlet's article\./;

const field = formField;

/** Sends `url` with the other fields filled, and checks the refusal beside the address. */
async function expectRefused(page: Page, url: string, why: RegExp) {
  await field.url(page).fill(url);
  await field.note(page).fill("Same meeting.");
  await field.email(page).fill("reader@example.org");
  // No outlet name is read from an address that is no article.
  await expect(page.locator("#submit-outlet_name-suggestion")).toHaveCount(0);
  await field.send(page).click();
  const error = page.locator("#submit-url-error");
  await expect(error, url).toHaveText(why);
  await expect(error).toHaveAttribute("role", "alert");
  await expect(field.url(page)).toHaveAttribute("aria-invalid", "true");
  await expect(field.url(page)).toHaveAttribute("aria-describedby", /submit-url-error/);
  await expect(field.url(page)).toBeFocused();
  // Everything typed is still there.
  await expect(field.url(page)).toHaveValue(url);
  await expect(field.note(page)).toHaveValue("Same meeting.");
  await expect(field.email(page)).toHaveValue("reader@example.org");
  await expect(page.locator(".submit-receipt")).toHaveCount(0);
}

test("each kind of address that is no outlet's article is refused beside the field, with why", async ({ page }) => {
  const posts = countPosts(page);
  await openForm(page);
  for (const [url, why] of REFUSED) {
    await expectRefused(page, url, why);
  }
  expect(posts.count()).toBe(0);
});

test("Eventdesk's own event page is no other outlet's article", async ({ page, baseURL }) => {
  const posts = countPosts(page);
  await openForm(page);
  await expectRefused(page, `${baseURL}${PARIS_EVENT_PATH}`, OWN_SITE);
  // As the address bar shows it, or with another path of the site.
  await expectRefused(page, `${baseURL}/?category=military`, OWN_SITE);
  expect(posts.count()).toBe(0);
});

test("the hint and the error say the same: starting with http:// or https://", async ({ page }) => {
  await openForm(page);
  const hint = page.locator("#submit-url-hint");
  await expect(hint).toHaveText("The full address of the other outlet's article, starting with http:// or https://.");
  await field.url(page).fill("reuters.com/world/paris");
  await field.send(page).click();
  await expect(page.locator("#submit-url-error")).toHaveText(
    /Enter the full address of the article, starting with http:\/\/ or https:\/\/\./,
  );
});

test("a fixed address loses its refusal at once, and a public one is suggested and sent", async ({ page }) => {
  await openForm(page);
  await expectRefused(page, "http://localhost/x", REFUSED[0][1]);
  const url = `https://www.example-news.org/2025/09/04/paris-address-${Date.now().toString(36)}`;
  await field.url(page).fill(url);
  await expect(page.locator("#submit-url-error")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Use «example-news.org»" })).toBeVisible();
  await field.send(page).click();
  await expect(page.locator(".submit-receipt__id")).toHaveText(/^sub_/);
});

for (const { width, scheme } of [
  { width: 320, scheme: "dark" as const },
  { width: 1280, scheme: "light" as const },
]) {
  test(`by keyboard at ${width} px, ${scheme}: the refusal is read, fits and keeps the text`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    const posts = countPosts(page);
    await openForm(page);
    await field.url(page).focus();
    await page.keyboard.type("http://192.168.1.1/admin");
    await page.keyboard.press("Enter");
    const error = page.locator("#submit-url-error");
    await expect(error).toHaveText(/on a private network/);
    await expect(field.url(page)).toBeFocused();
    await expect(field.url(page)).toHaveValue("http://192.168.1.1/admin");
    const box = await error.boundingBox();
    expect(box, "the error is drawn").not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(width);
    const layout = await measureLayout(page);
    expect(layout.overflow, "nothing wider than the viewport").toBeLessThanOrEqual(0);
    const ours = (found: string[]) => found.filter((d) => /submit|field/.test(d));
    expect(ours(layout.outside)).toEqual([]);
    expect(ours(layout.crushed)).toEqual([]);
    expect(posts.count()).toBe(0);
  });
}

test.describe("the reference backend refuses the same addresses", () => {
  for (const [url, why] of REFUSED) {
    test(`422 on url for ${url}`, async ({ request }) => {
      const answer = await request.post(SUBMIT_API, { data: { url } });
      expect(answer.status(), await answer.text()).toBe(422);
      expect(answer.headers()["content-type"]).toBe("application/problem+json");
      const problem = await answer.json();
      expect(problem.status).toBe(422);
      expect(problem.errors).toHaveLength(1);
      expect(problem.errors[0].field).toBe("url");
      expect(problem.errors[0].message).toMatch(why);
    });
  }

  test("422 on url for a page of the site it is asked through", async ({ request, baseURL }) => {
    const answer = await request.post(SUBMIT_API, { data: { url: `${baseURL}${PARIS_EVENT_PATH}` } });
    expect(answer.status(), await answer.text()).toBe(422);
    const problem = await answer.json();
    expect(problem.errors).toEqual([{ field: "url", message: expect.stringMatching(OWN_SITE) }]);
  });
});

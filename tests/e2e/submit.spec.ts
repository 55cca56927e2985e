// "Know another source?": the submit-a-source form on the Paris event, end to
// end against the reference backend, and every refusal from a stubbed one.
import type { Page, Route } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { test, expect, PARIS_EVENT_ID, PARIS_EVENT_PATH, pendingReceipt } from "../support/fixtures";
import { countPosts, formField, openForm } from "./submit-helpers";

const SUBMIT_API = `**/api/v1/events/${PARIS_EVENT_ID}/submissions`;
const REVIEW_NOTICE = "Submissions are reviewed by an editor before integration.";

/** A URL no other test (or earlier run on the same database) has sent. */
function uniqueUrl(tag: string): string {
  const nonce = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return `https://www.example-news.org/2025/09/04/paris-${tag}-${nonce}`;
}

// The send button in any of its states: at rest, sending, or counting down.
const field = {
  ...formField,
  send: (p: Page) => p.getByRole("button", { name: /Send for review|Sending|Try again in/ }),
};

async function fillAll(page: Page, url: string) {
  await field.url(page).fill(url);
  await field.outlet(page).fill("Example News");
  await field.note(page).fill("Reports the same meeting, with quotes from the Élysée.");
  await field.email(page).fill("reader@example.org");
}

async function expectTypedValuesKept(page: Page, url: string) {
  await expect(field.url(page)).toHaveValue(url);
  await expect(field.outlet(page)).toHaveValue("Example News");
  await expect(field.note(page)).toHaveValue("Reports the same meeting, with quotes from the Élysée.");
  await expect(field.email(page)).toHaveValue("reader@example.org");
}

function problem(route: Route, status: number, body: object, headers: Record<string, string> = {}) {
  return route.fulfill({
    status,
    contentType: "application/problem+json",
    headers,
    body: JSON.stringify({ type: "about:blank", status, ...body }),
  });
}


test("a keyboard-only submission: the receipt replaces the form, and its page shows it", async ({ page }) => {
  const url = uniqueUrl("keyboard");
  await openForm(page);
  // Reach the first field with Tab alone.
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press("Tab");
    if (await field.url(page).evaluate((el) => el === document.activeElement)) break;
  }
  await expect(field.url(page)).toBeFocused();
  await page.keyboard.type(url);
  await page.keyboard.press("Tab");
  await expect(field.outlet(page)).toBeFocused();
  // The outlet name is suggested from the host, never filled silently.
  await expect(field.outlet(page)).toHaveValue("");
  await page.keyboard.press("Tab");
  const suggestion = page.getByRole("button", { name: "Use «example-news.org»" });
  await expect(suggestion).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(field.outlet(page)).toHaveValue("example-news.org");
  await expect(field.outlet(page)).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(field.note(page)).toBeFocused();
  await page.keyboard.type("Same meeting, same pledges.");
  await page.keyboard.press("Tab");
  await expect(field.email(page)).toBeFocused();
  await page.keyboard.type("reader@example.org");
  await page.keyboard.press("Tab");
  await expect(field.send(page)).toBeFocused();

  const posted = page.waitForRequest((r) => r.method() === "POST" && r.url().includes("/submissions"));
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/submissions"));
  await page.keyboard.press("Enter");
  const body = (await posted).postDataJSON();
  expect(body).toEqual({
    url,
    outlet_name: "example-news.org",
    note: "Same meeting, same pledges.",
    email: "reader@example.org",
  });
  expect((await answered).status()).toBe(202);

  const heading = page.getByRole("heading", { name: "Thank you: your source was received" });
  await expect(heading).toBeFocused();
  const area = page.locator("#submit-form");
  await expect(area).toContainText("Pending review");
  await expect(area).toContainText(REVIEW_NOTICE);
  const id = (await area.locator(".submit-receipt__id").textContent())!.trim();
  expect(id).toMatch(/^sub_/);
  await expect(field.url(page)).toHaveCount(0);
  // The draft is gone once the backend has the submission.
  expect(await page.evaluate((k) => localStorage.getItem(k), `eventdesk:draft:${PARIS_EVENT_ID}`)).toBeNull();

  const follow = page.getByRole("link", { name: "Follow your submission" });
  await expect(follow).toHaveAttribute("href", `/submissions/${id}`);
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press("Tab");
    if (await follow.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(follow).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/submissions/${id}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Your submission" })).toBeVisible();
  await expect(page.locator(".submission-page__status")).toContainText("Pending review");
  await expect(page.getByRole("link", { name: url })).toHaveAttribute("href", url);
  await expect(page.getByRole("link", { name: /Back to the event/ })).toHaveAttribute("href", PARIS_EVENT_PATH);
});

test("each field's error shows on its field, is announced, and takes focus; nothing is sent", async ({ page }) => {
  const posts = countPosts(page);
  await openForm(page);
  const url = field.url(page);

  await field.send(page).click();
  await expect(url).toHaveAttribute("aria-invalid", "true");
  await expect(url).toBeFocused();
  const urlError = page.locator("#submit-url-error");
  await expect(urlError).toHaveText(/Enter the address of the article\./);
  await expect(urlError).toHaveAttribute("role", "alert");
  await expect(url).toHaveAttribute("aria-describedby", /submit-url-error/);

  await url.fill("reuters.com/world/paris");
  await field.send(page).click();
  await expect(urlError).toHaveText(/starting with http:\/\/ or https:\/\//);

  await url.fill("https://www.reuters.com/world/paris-" + Date.now());
  // A fixed field loses its error at once.
  await expect(urlError).toHaveCount(0);
  await expect(url).not.toHaveAttribute("aria-invalid", "true");

  await field.outlet(page).fill("n".repeat(201));
  await expect(page.locator("#submit-outlet_name-count")).toHaveText("1 character too many");
  await field.note(page).fill("é".repeat(2001));
  await field.email(page).fill("not-an-email");
  await field.send(page).click();
  await expect(page.locator("#submit-outlet_name-error")).toHaveText(/The outlet name can be at most 200 characters\./);
  await expect(page.locator("#submit-note-error")).toHaveText(/The note can be at most 2000 characters\./);
  await expect(page.locator("#submit-email-error")).toHaveText(/This does not look like an email address\./);
  // Focus goes to the first invalid field, in the form's order.
  await expect(field.outlet(page)).toBeFocused();
  for (const f of [field.outlet, field.note, field.email]) {
    await expect(f(page)).toHaveAttribute("aria-invalid", "true");
  }
  // Nothing typed is cut: the over-long text is all still there.
  await expect(field.note(page)).toHaveValue("é".repeat(2001));

  // The live count near the limit.
  await field.outlet(page).fill("n".repeat(190));
  await expect(page.locator("#submit-outlet_name-count")).toHaveText("10 characters left");
  await expect(page.locator("#submit-outlet_name-error")).toHaveCount(0);
  expect(posts.count()).toBe(0);
});

test("a URL that is already one of the event's sources is said so before sending", async ({ page }) => {
  const posts = countPosts(page);
  await openForm(page);
  await field.url(page).fill("https://www.KyivIndependent.com/?utm_source=x#top");
  const covered = page.locator("#submit-url-covered");
  await expect(covered).toContainText("Already covered");
  await expect(covered.getByRole("link", { name: "Kyiv Independent" })).toHaveAttribute(
    "href",
    "https://kyivindependent.com/",
  );
  await expect(field.url(page)).toHaveAttribute("aria-describedby", /submit-url-covered/);
  await field.send(page).click();
  await expect(field.url(page)).toBeFocused();
  expect(posts.count()).toBe(0);
  // Another address: the notice goes.
  await field.url(page).fill("https://kyivindependent.com/news/paris-meeting");
  await expect(covered).toHaveCount(0);
});

test("the same article sent twice: the backend's 409 links to the first submission", async ({ page }) => {
  const url = uniqueUrl("twice");
  await openForm(page);
  await field.url(page).fill(url);
  await field.send(page).click();
  const first = page.locator(".submit-receipt__id");
  await expect(first).toHaveText(/^sub_/);
  const id = (await first.textContent())!.trim();

  await page.getByRole("button", { name: "Suggest another source" }).click();
  await expect(field.url(page)).toBeFocused();
  await field.url(page).fill(url.replace("https://www.", "http://") + "/?utm_campaign=again");
  const answered = page.waitForResponse((r) => r.request().method() === "POST");
  await field.send(page).click();
  expect((await answered).status()).toBe(409);
  const message = page.locator(".submit-form__live");
  await expect(message).toContainText("already submitted for this event");
  await expect(message.getByRole("link", { name: "See that submission" })).toHaveAttribute(
    "href",
    `/submissions/${id}`,
  );
  await expect(field.url(page)).toHaveValue(url.replace("https://www.", "http://") + "/?utm_campaign=again");
});

test.describe("refusals from a stub backend keep what was typed", () => {
  test("409: the source it duplicates, linked", async ({ page }) => {
    await page.route(SUBMIT_API, (route) =>
      problem(route, 409, {
        title: "Already known",
        detail: "This article is already one of the event's sources.",
        duplicate_of: "censor-net",
      }),
    );
    const url = uniqueUrl("stub409");
    await openForm(page);
    await fillAll(page, url);
    await field.send(page).click();
    const message = page.locator(".submit-form__live");
    await expect(message).toContainText("already one of this event's sources");
    await expect(message.getByRole("link", { name: "Censor.NET" })).toHaveAttribute("href", "https://censor.net/");
    await expectTypedValuesKept(page, url);
  });

  test("422: each field error on its field", async ({ page }) => {
    await page.route(SUBMIT_API, (route) =>
      problem(route, 422, {
        title: "The submission has invalid fields",
        detail: "Fix the fields below and send it again.",
        errors: [
          { field: "url", message: "The server says this address is not an article." },
          { field: "email", message: "The server says this is not an address." },
        ],
      }),
    );
    const url = uniqueUrl("stub422");
    await openForm(page);
    await fillAll(page, url);
    await field.send(page).click();
    await expect(page.locator("#submit-url-error")).toHaveText(/The server says this address is not an article\./);
    await expect(page.locator("#submit-email-error")).toHaveText(/The server says this is not an address\./);
    await expect(field.url(page)).toHaveAttribute("aria-invalid", "true");
    await expect(field.email(page)).toHaveAttribute("aria-invalid", "true");
    await expect(field.outlet(page)).not.toHaveAttribute("aria-invalid", "true");
    await expect(field.url(page)).toBeFocused();
    await expectTypedValuesKept(page, url);
  });

  test("429: when to try again, and the button comes back by itself", async ({ page }) => {
    let calls = 0;
    await page.route(SUBMIT_API, (route) => {
      calls += 1;
      if (calls === 1) {
        return problem(route, 429, { title: "Too many requests", detail: "Slow down." }, { "Retry-After": "3" });
      }
      return route.fulfill({ status: 202, json: pendingReceipt("sub_after429", "https://x.example/a") });
    });
    const url = uniqueUrl("stub429");
    await openForm(page);
    await fillAll(page, url);
    await field.send(page).click();
    await expect(page.locator(".submit-form__live")).toContainText("You can try again in 3 seconds.");
    const button = field.send(page);
    await expect(button).toHaveText(/Try again in 0:0[1-3]/);
    await expect(button).toBeDisabled();
    // Pressing it while waiting sends nothing.
    await button.click({ force: true });
    expect(calls).toBe(1);
    await expectTypedValuesKept(page, url);
    await expect(button).toHaveText("Send for review", { timeout: 6_000 });
    await expect(button).toBeEnabled();
    await expect(page.locator(".submit-form__live")).toContainText("You can send it now.");
    await button.click();
    await expect(page.locator(".submit-receipt__id")).toHaveText("sub_after429");
    expect(calls).toBe(2);
  });

  test("5xx: a clear message and Try again", async ({ page }) => {
    let fail = true;
    await page.route(SUBMIT_API, (route) =>
      fail
        ? problem(route, 503, { title: "Service Unavailable" })
        : route.fulfill({ status: 202, json: pendingReceipt("sub_after503", "https://x.example/b") }),
    );
    const url = uniqueUrl("stub5xx");
    await openForm(page);
    await fillAll(page, url);
    await field.send(page).click();
    const message = page.locator(".submit-form__live");
    await expect(message).toContainText("had a problem on its side");
    await expect(message).toContainText("Everything you typed is still here");
    await expectTypedValuesKept(page, url);
    fail = false;
    await message.getByRole("button", { name: "Try again" }).click();
    await expect(page.locator(".submit-receipt__id")).toHaveText("sub_after503");
  });

  test("a network failure: a clear message, nothing lost", async ({ page }) => {
    await page.route(SUBMIT_API, (route) => route.abort("connectionrefused"));
    const url = uniqueUrl("offline");
    await openForm(page);
    await fillAll(page, url);
    await field.send(page).click();
    await expect(page.locator(".submit-form__live")).toContainText("could not reach Eventdesk");
    await expectTypedValuesKept(page, url);
  });

  test("no answer within 15 s counts as a failure, with Try again", async ({ page }) => {
    await page.clock.install();
    // The backend never answers.
    await page.route(SUBMIT_API, () => {});
    const url = uniqueUrl("timeout");
    await openForm(page);
    await fillAll(page, url);
    await field.send(page).click();
    await expect(field.send(page)).toHaveText("Sending…");
    await page.clock.fastForward(15_500);
    const message = page.locator(".submit-form__live");
    await expect(message).toContainText("did not answer within 15 seconds");
    await expect(message.getByRole("button", { name: "Try again" })).toBeVisible();
    await expect(field.send(page)).toHaveText("Send for review");
    await expectTypedValuesKept(page, url);
  });

  test("413 and 415: plain messages", async ({ page }) => {
    let status = 413;
    await page.route(SUBMIT_API, (route) => problem(route, status, { title: "Refused" }));
    const url = uniqueUrl("stub413");
    await openForm(page);
    await fillAll(page, url);
    await field.send(page).click();
    await expect(page.locator(".submit-form__live")).toContainText("too large to send");
    status = 415;
    await field.send(page).click();
    await expect(page.locator(".submit-form__live")).toContainText("could not accept the submission");
    await expectTypedValuesKept(page, url);
  });
});

test("a reload mid-typing restores the draft (but not the email), which a 202 clears", async ({ page }) => {
  const url = uniqueUrl("draft");
  await openForm(page);
  await fillAll(page, url);
  await page.reload();
  await expect(field.url(page)).toBeVisible();
  await expect(field.url(page)).toHaveValue(url);
  await expect(field.outlet(page)).toHaveValue("Example News");
  await expect(field.note(page)).toHaveValue("Reports the same meeting, with quotes from the Élysée.");
  // The email is never kept on the device (issue 15, item 11).
  await expect(field.email(page)).toHaveValue("");
  await expect(page.getByText("We kept what you typed here earlier")).toBeVisible();

  await field.send(page).click();
  await expect(page.locator(".submit-receipt__id")).toHaveText(/^sub_/);
  await page.reload();
  await expect(field.url(page)).toHaveValue("");
  await expect(field.note(page)).toHaveValue("");
  await expect(page.getByText("We kept what you typed here earlier")).toHaveCount(0);
});

test("a double click sends once, showing progress", async ({ page }) => {
  const posts = countPosts(page);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(SUBMIT_API, async (route) => {
    await held;
    await route.fulfill({ status: 202, json: pendingReceipt("sub_once", "https://x.example/c") });
  });
  await openForm(page);
  await field.url(page).fill(uniqueUrl("dblclick"));
  await field.send(page).dblclick();
  const button = field.send(page);
  await expect(button).toHaveText("Sending…");
  await expect(button).toHaveAttribute("aria-busy", "true");
  await button.click({ force: true });
  await page.keyboard.press("Enter");
  release();
  await expect(page.locator(".submit-receipt__id")).toHaveText("sub_once");
  expect(posts.count()).toBe(1);
});

test("the honeypot: a filled trap sends nothing and thanks quietly", async ({ page }) => {
  const posts = countPosts(page);
  await openForm(page);
  const trap = page.locator('input[name="website"]');
  await expect(trap).toHaveAttribute("tabindex", "-1");
  await expect(trap).toHaveAttribute("autocomplete", "off");
  await expect(page.locator(".submit-form__trap")).toHaveAttribute("aria-hidden", "true");
  await field.url(page).fill(uniqueUrl("bot"));
  await trap.evaluate((el: HTMLInputElement) => {
    el.value = "http://spam.example";
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await field.send(page).click();
  await expect(page.getByRole("heading", { name: "Thank you: your suggestion was received" })).toBeFocused();
  expect(posts.count()).toBe(0);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`no axe violations in the form with its errors, and in the receipt (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const axe = () =>
      new AxeBuilder({ page })
        .include("section.submit")
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
    await openForm(page);
    await field.url(page).fill("https://kyivindependent.com/");
    await field.email(page).fill("nope");
    await field.outlet(page).fill("n".repeat(195));
    await field.send(page).click();
    await expect(page.locator("#submit-email-error")).toBeVisible();
    await expect(page.locator("#submit-url-covered")).toBeVisible();
    expect((await axe()).violations).toEqual([]);

    await field.url(page).fill(uniqueUrl(`axe-${colorScheme}`));
    await field.email(page).fill("");
    await field.outlet(page).fill("");
    await field.send(page).click();
    await expect(page.locator(".submit-receipt__id")).toHaveText(/^sub_/);
    expect((await axe()).violations).toEqual([]);
  });
}

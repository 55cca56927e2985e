// "Share this event": Copy link puts the canonical URL on the clipboard, the
// device share sheet gets the event where the browser has one, and every
// share link carries the canonical URL and the title, percent-encoded.
// (What crawlers see of a shared link is tested in web/tests/share.rs.)
import { test, expect, PARIS_EVENT_ID, PARIS_EVENT_PATH } from "../support/fixtures";
import type { Page } from "@playwright/test";

const PARIS_TITLE = "Coalition of the Willing meets Zelensky in Paris on security guarantees";
const HOSTILE_TITLE = `"Peace" talks & <b>terms</b> #1 — Київ 東京 🤝 50% 'sure'?`;

/** The page's share links, by their data-share-target token. */
async function shareLinks(page: Page) {
  const section = page.locator("section.share");
  await expect(section.locator("a[data-share-target]").first()).toBeVisible();
  return section.locator("a[data-share-target]").evaluateAll((links) =>
    links.map((a) => ({
      token: a.getAttribute("data-share-target") ?? "",
      href: a.getAttribute("href") ?? "",
      target: a.getAttribute("target"),
      rel: a.getAttribute("rel"),
      name: a.getAttribute("aria-label") ?? "",
      text: (a.textContent ?? "").trim(),
    })),
  );
}

/** RFC 3986 encoding, as the model does it: JS leaves !'()* alone, we don't. */
function encode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

/** Checks each of the eight links against the URL and title it must carry. */
async function expectLinksFor(page: Page, url: string, title: string) {
  const links = await shareLinks(page);
  expect(links.map((l) => l.token)).toEqual([
    "email",
    "x",
    "bluesky",
    "facebook",
    "linkedin",
    "reddit",
    "telegram",
    "whatsapp",
  ]);
  const u = encode(url);
  const t = encode(title);
  const both = encode(`${title} ${url}`);
  const expected: Record<string, string> = {
    email: `mailto:?subject=${t}&body=${encode(`${title}\n\n${url}`)}`,
    x: `https://twitter.com/intent/tweet?text=${t}&url=${u}`,
    bluesky: `https://bsky.app/intent/compose?text=${both}`,
    facebook: `https://www.facebook.com/sharer/sharer.php?u=${u}`,
    linkedin: `https://www.linkedin.com/sharing/share-offsite/?url=${u}`,
    reddit: `https://www.reddit.com/submit?url=${u}&title=${t}`,
    telegram: `https://t.me/share/url?url=${u}&text=${t}`,
    whatsapp: `https://wa.me/?text=${both}`,
  };
  for (const link of links) {
    expect(link.href, link.token).toBe(expected[link.token]);
    // And decoded the way the receiving site will, the values are intact.
    const params = new URL(link.href).searchParams;
    switch (link.token) {
      case "email":
        expect(params.get("subject")).toBe(title);
        expect(params.get("body")).toBe(`${title}\n\n${url}`);
        break;
      case "x":
      case "telegram":
        expect(params.get("url")).toBe(url);
        expect(params.get("text")).toBe(title);
        break;
      case "reddit":
        expect(params.get("url")).toBe(url);
        expect(params.get("title")).toBe(title);
        break;
      case "facebook":
        expect(params.get("u")).toBe(url);
        break;
      case "linkedin":
        expect(params.get("url")).toBe(url);
        break;
      default:
        expect(params.get("text")).toBe(`${title} ${url}`);
    }
    if (link.token === "email") {
      expect(link.target).toBeNull();
      expect(link.name).toBe("Share by email");
    } else {
      expect(link.target).toBe("_blank");
      expect(link.rel?.split(" ").sort()).toEqual(["noopener", "noreferrer"]);
      expect(link.name).toContain(link.text);
      expect(link.name).toContain("opens in a new tab");
    }
  }
}

test.describe("copy link", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("copies the canonical link, without tracking parameters", async ({ page, baseURL }) => {
    await page.goto(`${PARIS_EVENT_PATH}?utm_source=newsletter&fbclid=abc#reports`);
    const copy = page.getByRole("button", { name: "Copy link" });
    await expect(copy).toBeVisible();
    await copy.click();
    await expect(page.locator("section.share").getByRole("status").first()).toHaveText("Link copied.");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${baseURL}${PARIS_EVENT_PATH}`);
  });
});

test("every share link carries the canonical URL and the title, encoded", async ({ page, baseURL }) => {
  await page.goto(`${PARIS_EVENT_PATH}?utm_campaign=x`);
  await expectLinksFor(page, `${baseURL}${PARIS_EVENT_PATH}`, PARIS_TITLE);
});

test("quotes, &, #, <, emoji and non-Latin text are encoded, not broken", async ({ page, baseURL }) => {
  await page.route(`**/api/v1/events/${PARIS_EVENT_ID}`, async (route) => {
    const response = await route.fetch();
    const event = await response.json();
    event.title = HOSTILE_TITLE;
    await route.fulfill({ response, json: event });
  });
  await page.goto(PARIS_EVENT_PATH);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(HOSTILE_TITLE);
  await expectLinksFor(page, `${baseURL}${PARIS_EVENT_PATH}`, HOSTILE_TITLE);
});

test("the share sheet opens with the event where the browser has one", async ({ page, baseURL }) => {
  await page.addInitScript(() => {
    (window as unknown as { shared: unknown[] }).shared = [];
    Object.defineProperty(Navigator.prototype, "share", {
      configurable: true,
      value: async (data: unknown) => {
        (window as unknown as { shared: unknown[] }).shared.push(data);
      },
    });
  });
  await page.goto(`${PARIS_EVENT_PATH}?utm_source=x`);
  const button = page.getByRole("button", { name: "Share…" });
  await expect(button).toBeVisible();
  await button.click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { shared: unknown[] }).shared))
    .toEqual([{ title: PARIS_TITLE, text: PARIS_TITLE, url: `${baseURL}${PARIS_EVENT_PATH}` }]);
});

test("no share sheet button where the browser has none", async ({ page }) => {
  await page.addInitScript(() => {
    delete (Navigator.prototype as unknown as { share?: unknown }).share;
  });
  await page.goto(PARIS_EVENT_PATH);
  await expect(page.getByRole("button", { name: "Copy link" })).toBeVisible();
  await expect(page.locator("a[data-share-target]").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Share…" })).toHaveCount(0);
});

test("the server sends the event's preview tags, and the app keeps them in step", async ({ page, request, baseURL }) => {
  const html = await (await request.get(`${PARIS_EVENT_PATH}?utm_source=x`)).text();
  expect(html).toContain(`<link rel="canonical" href="${baseURL}${PARIS_EVENT_PATH}">`);
  expect(html).toContain(`<meta property="og:title" content="${PARIS_TITLE}">`);
  expect(html).toContain(`<meta name="twitter:card" content="summary_large_image">`);

  await page.goto(PARIS_EVENT_PATH);
  await expect(page).toHaveTitle(`${PARIS_TITLE} · Eventdesk`);
  const card = await request.get(
    new URL((await page.locator('meta[property="og:image"]').getAttribute("content")) ?? "").pathname,
  );
  expect(card.status()).toBe(200);
  expect(card.headers()["content-type"]).toBe("image/png");

  // Navigating inside the app: the canonical link follows the page.
  await page.locator('a[href^="/methodology"]').first().click();
  await expect(page).toHaveURL(/\/methodology/);
  await expect(page).toHaveTitle("How we assess confidence · Eventdesk");
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", `${baseURL}/methodology`);
});

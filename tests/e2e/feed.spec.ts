// The feed at `/`: cards newest first, filters in the URL (shareable,
// reload-safe, walkable with back and forward), the count from `total`,
// "Load more" by cursor, and the empty, loading and error states. Every
// expectation is the reference backend's own answer, fetched in the test.
import { test, expect } from "../support/fixtures";
import { apiAll, apiPage, cardHrefs, cardList, eventPath, expectCards, headline, resultsLine, urlPairs } from "./feed-helpers";

test("the feed shows the newest events first, as the API lists them", async ({ page, request }) => {
  const first = await apiPage(request, []);
  await page.goto("/");
  await expect(page).toHaveTitle("Latest events · Eventdesk");
  await expect(page.getByRole("heading", { level: 1, name: "Latest events" })).toBeVisible();
  await expect(page.getByText(resultsLine(first.total!, false), { exact: true })).toBeVisible();
  await expectCards(page, first.items);

  // A card says what the API says: category, place, level, sources.
  const card = first.items[0];
  const article = cardList(page).getByRole("article").first();
  await expect(article).toContainText(card.category.label);
  await expect(article).toContainText(card.location.label);
  await expect(article).toContainText(/\d+ independent sources?/);
  if (card.source_names.length > 0) await expect(article).toContainText(card.source_names[0]);

  // The whole card is one link to the event.
  await cardList(page).getByRole("link", { name: headline(card) }).click();
  await expect(page).toHaveURL(eventPath(card));
});

test("filtering by category: the URL, the cards and the count agree with the API", async ({ page, request }) => {
  await page.goto("/");
  await expect(page.getByRole("checkbox", { name: "Military" })).toBeVisible();
  await page.getByRole("checkbox", { name: "Military" }).check();
  await expect(page).toHaveURL(/[?&]category=military\b/);
  expect(urlPairs(page)).toEqual([["category", "military"]]);

  const answer = await apiPage(request, [["category", "military"]]);
  expect(answer.total).toBeGreaterThan(0);
  await expect(page.getByText(resultsLine(answer.total!, true), { exact: true })).toBeVisible();
  await expectCards(page, answer.items);
  await expect(page).toHaveTitle("Events: Military · Eventdesk");

  // A second category widens the list (OR).
  await page.getByRole("checkbox", { name: "Diplomatic" }).check();
  await expect(page).toHaveURL(/category=military&category=diplomatic/);
  const both = await apiPage(request, [["category", "military"], ["category", "diplomatic"]]);
  await expect(page.getByText(resultsLine(both.total!, true), { exact: true })).toBeVisible();
  await expectCards(page, both.items);
});

test("filtering by confidence: the URL, the cards and the count agree with the API", async ({ page, request }) => {
  await page.goto("/");
  const group = page.getByRole("group", { name: "Confidence" });
  await group.getByRole("checkbox", { name: "Disputed" }).check();
  await expect(page).toHaveURL(/[?&]confidence=disputed\b/);
  const answer = await apiPage(request, [["confidence", "disputed"]]);
  expect(answer.total).toBeGreaterThan(0);
  await expect(page.getByText(resultsLine(answer.total!, true), { exact: true })).toBeVisible();
  await expectCards(page, answer.items);
  for (const article of await cardList(page).getByRole("article").all()) {
    await expect(article).toContainText("Disputed");
  }
});

test("searching: debounced, in the URL, and the cards and count agree with the API", async ({ page, request }) => {
  await page.goto("/");
  await expect(page.getByText(/^\d+ events$/)).toBeVisible();
  const box = page.getByRole("searchbox", { name: "Search events" });
  await box.pressSequentially("earthquake", { delay: 30 });
  // One search after the pause, not one per keystroke.
  await expect(page).toHaveURL(/[?&]q=earthquake$/);
  const answer = await apiPage(request, [["q", "earthquake"]]);
  expect(answer.total).toBeGreaterThan(0);
  await expect(page.getByText(resultsLine(answer.total!, true), { exact: true })).toBeVisible();
  await expectCards(page, answer.items);
  await expect(box).toHaveValue("earthquake");

  // A search with no match: the empty state, and a way back to everything.
  await box.fill("zzqxv nothing matches this");
  await box.press("Enter");
  // Said once, by the count line (issue 15, item 14), the box says what to do.
  await expect(page.getByText("No event matches these filters", { exact: true })).toBeVisible();
  await expect(page.getByText("No event matches these filters")).toHaveCount(1);
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(box).toHaveValue("");
  await expect(box).toBeFocused();
  await expectCards(page, (await apiPage(request, [])).items);
});

test("country and dates filter too, and bad values are explained, not lost", async ({ page, request }) => {
  await page.goto("/");
  await page.getByLabel("Country").selectOption("UA");
  await expect(page).toHaveURL(/[?&]country=UA\b/);
  const ua = await apiPage(request, [["country", "UA"]]);
  await expect(page.getByText(resultsLine(ua.total!, true), { exact: true })).toBeVisible();
  await expectCards(page, ua.items);

  await page.getByLabel("From").fill("2024-01-01");
  await expect(page).toHaveURL(/from=2024-01-01/);
  const since = await apiPage(request, [["country", "UA"], ["from", "2024-01-01"]]);
  await expect(page.getByText(resultsLine(since.total!, true), { exact: true })).toBeVisible();
  await expectCards(page, since.items);

  await page.goto("/?country=Ukraine&q=dam");
  await expect(page.getByRole("alert").filter({ hasText: "two-letter code" })).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Search events" })).toHaveValue("dam");
  expect(urlPairs(page)).toEqual([["country", "Ukraine"], ["q", "dam"]]);
  const dam = await apiPage(request, [["q", "dam"]]);
  await expectCards(page, dam.items);
});

test("back and forward restore the previous filters", async ({ page, request }) => {
  await page.goto("/");
  await expect(page.getByText(/^\d+ events$/)).toBeVisible();
  const military = page.getByRole("checkbox", { name: "Military" });
  const verified = page.getByRole("group", { name: "Confidence" }).getByRole("checkbox", { name: "Verified" });

  await military.check();
  await expect(page).toHaveURL(/\?category=military$/);
  await verified.check();
  await expect(page).toHaveURL(/\?category=military&confidence=verified$/);
  const both = await apiPage(request, [["category", "military"], ["confidence", "verified"]]);
  await expectCards(page, both.items);

  await page.goBack();
  await expect(page).toHaveURL(/\?category=military$/);
  await expect(military).toBeChecked();
  await expect(verified).not.toBeChecked();
  const one = await apiPage(request, [["category", "military"]]);
  await expect(page.getByText(resultsLine(one.total!, true), { exact: true })).toBeVisible();
  await expectCards(page, one.items);

  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(military).not.toBeChecked();
  const all = await apiPage(request, []);
  await expect(page.getByText(resultsLine(all.total!, false), { exact: true })).toBeVisible();
  await expectCards(page, all.items);

  await page.goForward();
  await page.goForward();
  await expect(page).toHaveURL(/\?category=military&confidence=verified$/);
  await expect(military).toBeChecked();
  await expect(verified).toBeChecked();
  await expectCards(page, both.items);
});

test("a filtered view survives a reload and can be shared", async ({ page, request }) => {
  const params: [string, string][] = [["category", "disaster"], ["confidence", "verified"], ["q", "flood"]];
  const url = "/?" + new URLSearchParams(params).toString();
  await page.goto(url);
  const answer = await apiPage(request, params);
  await expectCards(page, answer.items);
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Disaster" })).toBeChecked();
  await expect(page.getByRole("searchbox", { name: "Search events" })).toHaveValue("flood");
  await expect(page.getByText(resultsLine(answer.total!, true), { exact: true })).toBeVisible();
  await expectCards(page, answer.items);
});

test("\"Load more\" appends the next pages without repeats, keeping focus and scroll", async ({ page, request }) => {
  const all = await apiAll(request, []);
  expect(all.length, "the fixtures fill more than two pages").toBeGreaterThan(40);
  await page.goto("/");
  await expectCards(page, all.slice(0, 20));
  await expect(page.locator(".load-more__status")).toHaveText(`Showing 20 of ${all.length}`);

  const more = page.getByRole("button", { name: "Load more events" });
  await more.scrollIntoViewIfNeeded();
  await more.focus();
  const before = await page.evaluate(() => window.scrollY);
  // The first 20 cards must stay the same nodes: appending does not re-render them.
  await cardList(page).getByRole("article").first().evaluate((el) => el.setAttribute("data-kept", "yes"));
  await more.press("Enter");
  await expectCards(page, all.slice(0, 40));
  await expect(more).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(before);
  await expect(cardList(page).getByRole("article").first()).toHaveAttribute("data-kept", "yes");

  // Up to the last page: then the button goes, and focus moves to the
  // first card of that page instead of being lost.
  let shown = 40;
  while (shown < all.length) {
    const lastStart = shown;
    await more.click();
    shown = Math.min(shown + 20, all.length);
    await expectCards(page, all.slice(0, shown));
    if (shown === all.length) {
      await expect(more).toHaveCount(0);
      await expect(cardList(page).getByRole("link").nth(lastStart)).toBeFocused();
    }
  }
  const hrefs = await cardHrefs(page);
  expect(new Set(hrefs).size).toBe(hrefs.length);
  await expect(page.getByText(`Showing ${all.length} of ${all.length} · end of the list`)).toBeVisible();
});

test("loading shows skeleton cards; a failure shows the reason and Retry", async ({ page, request }) => {
  let fail = true;
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route((url) => url.pathname === "/api/v1/events", async (route) => {
    await held;
    if (fail) {
      fail = false;
      await route.fulfill({ status: 503, contentType: "application/problem+json", body: '{"title":"Unavailable","status":503}' });
    } else {
      await route.continue();
    }
  });
  await page.goto("/");
  await expect(page.getByText("Loading events…", { exact: true })).toBeVisible();
  await expect(page.locator(".event-card--skeleton").first()).toBeVisible();
  release();
  await expect(page.getByRole("alert").filter({ hasText: "The events could not be loaded." })).toBeVisible();
  await expect(page.getByText("Eventdesk is having trouble right now.", { exact: false })).toBeVisible();
  await page.getByRole("button", { name: "Retry" }).click();
  await expectCards(page, (await apiPage(request, [])).items);
});

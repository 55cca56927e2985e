// The first thing a reader does: open an event page, by link or by refresh.
import { test, expect, watchOrigin, PARIS_EVENT_ID, PARIS_EVENT_PATH } from "../support/fixtures";

const SUMMARY_START = "The British and French-led Coalition of the Willing";

test("the Paris event page loads and shows its summary", async ({ page, baseURL }) => {
  const watch = watchOrigin(page, baseURL!);
  const response = await page.goto(PARIS_EVENT_PATH);
  expect(response?.status()).toBe(200);
  await expect(page.getByText(SUMMARY_START, { exact: false }).first()).toBeVisible();
  await expect(
    page.getByText("met in Paris to discuss possible future security guarantees for Ukraine", {
      exact: false,
    }).first(),
  ).toBeVisible();
  watch.expectNoneLeft();
});

test("a deep link survives a refresh", async ({ page }) => {
  await page.goto(PARIS_EVENT_PATH);
  await expect(page.getByText(SUMMARY_START, { exact: false }).first()).toBeVisible();
  const refreshed = await page.reload();
  expect(refreshed?.status()).toBe(200);
  expect(new URL(page.url()).pathname).toBe(PARIS_EVENT_PATH);
  await expect(page.getByText(SUMMARY_START, { exact: false }).first()).toBeVisible();
});

test("the server answers a deep link with the app, not a 404", async ({ request }) => {
  const response = await request.get(PARIS_EVENT_PATH);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/html");
  expect(await response.text()).toContain("<html");
});

test("the event's API path returns its JSON", async ({ request }) => {
  const response = await request.get(`/api/v1/events/${PARIS_EVENT_ID}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  const event = await response.json();
  expect(event.id).toBe(PARIS_EVENT_ID);
  expect(event.summary).toContain(SUMMARY_START);
});

// Any path the app does not know: a page that says so and links to the feed.
import { test, expect } from "../support/fixtures";

for (const unknown of ["/no/such/page", "/events", "/entities", "/methodology/extra"]) {
  test(`an unknown path (${unknown}) shows "Page not found" with a way to the feed`, async ({ page }) => {
    await page.goto(unknown);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page).toHaveTitle("Page not found · Eventdesk");
    await page.getByRole("link", { name: "See the latest events" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1, name: "Latest events" })).toBeVisible();
  });
}

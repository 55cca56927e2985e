// The event page's submit-a-source form, as the submit specs reach it.
import type { Page } from "@playwright/test";
import { expect, PARIS_EVENT_PATH } from "../support/fixtures";

/** The form's fields by their labels, and its send button as it is at rest. */
export const formField = {
  url: (p: Page) => p.getByLabel("Article URL"),
  outlet: (p: Page) => p.getByLabel("Outlet name"),
  note: (p: Page) => p.getByLabel("What it reports"),
  email: (p: Page) => p.getByLabel("Your email"),
  send: (p: Page) => p.getByRole("button", { name: /Send for review/ }),
};

/** Counts the form's POSTs (stubbed or not). */
export function countPosts(page: Page): { count: () => number } {
  let n = 0;
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().includes("/submissions")) n += 1;
  });
  return { count: () => n };
}

/** Opens the Paris event and waits for its form. */
export async function openForm(page: Page) {
  await page.goto(PARIS_EVENT_PATH);
  await expect(formField.url(page)).toBeVisible();
}

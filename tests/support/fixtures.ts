// Shared fixtures for every browser test. Import `test` and `expect` from
// here, not from @playwright/test:
//
//   import { test, expect } from "../support/fixtures";
//
// Every test fails if the page logs a Rust panic ("panicked") to the console
// or throws an uncaught error.
import { test as base, expect, type Page, type Request } from "@playwright/test";

export { expect };

export type PageProblems = {
  /** Messages of panics and uncaught errors seen so far. */
  problems: string[];
};

export const test = base.extend<{ pageProblems: PageProblems }>({
  pageProblems: [
    async ({ page }, use) => {
      const seen: PageProblems = { problems: [] };
      page.on("console", (message) => {
        const text = message.text();
        if (text.includes("panicked")) seen.problems.push(`console ${message.type()}: ${text}`);
      });
      page.on("pageerror", (error) => {
        seen.problems.push(`page error: ${error.name}: ${error.message}`);
      });
      await use(seen);
      expect(seen.problems, "the page panicked or threw an uncaught error").toEqual([]);
    },
    { auto: true },
  ],
});

export type OriginWatch = {
  /** Every request the page made, in order. */
  readonly requests: string[];
  /** Requests to any other origin (data: and blob: URLs are not requests). */
  offOrigin(): string[];
  /** Fails the test if any request left the origin. */
  expectNoneLeft(): void;
};

/**
 * Starts recording the page's requests. Call before navigating, then
 * `watch.expectNoneLeft()` once the page has loaded.
 */
export function watchOrigin(page: Page, origin: string): OriginWatch {
  const expected = new URL(origin).origin;
  const requests: string[] = [];
  page.on("request", (request: Request) => {
    requests.push(request.url());
  });
  const offOrigin = () =>
    requests.filter((url) => {
      const parsed = new URL(url);
      if (parsed.protocol === "data:" || parsed.protocol === "blob:") return false;
      return parsed.origin !== expected;
    });
  return {
    requests,
    offOrigin,
    expectNoneLeft() {
      expect(offOrigin(), `requests leaving ${expected}`).toEqual([]);
    },
  };
}

/** The sample event every test can rely on (api/examples/event-paris-coalition.json). */
export const PARIS_EVENT_ID = "paris-coalition-security-guarantees-2025-09-04";
export const PARIS_EVENT_PATH = `/events/${PARIS_EVENT_ID}`;

/** A pending submission's receipt for the Paris event, as the API sends it on 202. */
export function pendingReceipt(id: string, url: string) {
  return {
    id,
    event_id: PARIS_EVENT_ID,
    url,
    status: "pending",
    received_at: "2026-06-02T09:12:44Z",
    decided_at: null,
    reason: null,
  };
}

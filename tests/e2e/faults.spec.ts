// A failing backend, stubbed with page.route: for the event page, the feed,
// the entity and methodology pages and the submit form, every way an answer
// can go wrong (5xx, 404, 410, a reset connection, hung, slow, malformed
// JSON, the wrong content type, a truncated body, a 200 carrying a problem,
// a valid body with wrong types). Each shows a clear state, a Retry where
// retrying can help, and no panic (the shared fixture fails on any
// "panicked"); once the backend recovers, Retry shows the content.
import type { Page, Route } from "@playwright/test";
import { test, expect, PARIS_EVENT_ID, PARIS_EVENT_PATH, pendingReceipt } from "../support/fixtures";

/** The client's time limit (src/api/client.rs TIMEOUT_MS). */
const CLIENT_TIMEOUT_MS = 15_000;
const SLOW_MS = 5_000;

type Json = Record<string, unknown>;

type Fault = {
  name: string;
  /** Answers the stubbed request; `real` is the backend's own answer, fetched through. */
  answer: (route: Route, real: () => Promise<Json>) => Promise<void>;
  /** What the reader must see. */
  expect: "trouble" | "missing" | "withdrawn" | "timeout" | "unreadable" | "offline";
};

/** What each kind of failure says, page by page. */
type Target = {
  name: string;
  path: string;
  /** The API call to break. */
  matches: (url: URL) => boolean;
  /** Breaks the body's types while keeping it valid JSON. */
  wrongTypes: (body: Json) => Json;
  /** The content, once loaded. */
  loaded: (page: Page) => Promise<void>;
  /** The loading state. */
  loading: (page: Page) => Promise<void>;
  /** The failure's words. */
  says: (page: Page, kind: Fault["expect"]) => Promise<void>;
  retry: (page: Page) => ReturnType<Page["getByRole"]>;
};

const problem = (status: number, title: string, detail?: string) =>
  JSON.stringify({ type: "about:blank", title, status, ...(detail ? { detail } : {}) });

const FAULTS: Fault[] = [
  ...[500, 502, 503].map<Fault>((status) => ({
    name: `${status}`,
    expect: "trouble",
    answer: (route) =>
      route.fulfill({
        status,
        contentType: "application/problem+json",
        body: problem(status, "Server trouble", "Something broke upstream."),
      }),
  })),
  {
    name: "502 from a proxy, as an HTML page",
    expect: "trouble",
    answer: (route) =>
      route.fulfill({ status: 502, contentType: "text/html", body: "<html><h1>502 Bad Gateway</h1></html>" }),
  },
  {
    name: "404",
    expect: "missing",
    answer: (route) =>
      route.fulfill({ status: 404, contentType: "application/problem+json", body: problem(404, "Not Found") }),
  },
  {
    name: "410",
    expect: "withdrawn",
    answer: (route) =>
      route.fulfill({
        status: 410,
        contentType: "application/problem+json",
        body: JSON.stringify({
          type: "https://eventdesk.example/problems/event-withdrawn",
          title: "Event withdrawn",
          status: 410,
          detail: "Merged into another event.",
        }),
      }),
  },
  {
    name: "the connection reset",
    expect: "offline",
    answer: (route) => route.abort("connectionreset"),
  },
  {
    name: "malformed JSON",
    expect: "unreadable",
    answer: (route) => route.fulfill({ status: 200, contentType: "application/json", body: '{"id": "x", "title": ' }),
  },
  {
    name: "the wrong content type",
    expect: "unreadable",
    answer: (route) =>
      route.fulfill({
        status: 200,
        contentType: "text/html",
        body: "<!doctype html><title>Sign in to the Wi-Fi</title><p>Please accept the terms.</p>",
      }),
  },
  {
    name: "a truncated body",
    expect: "unreadable",
    answer: async (route, real) => {
      const text = JSON.stringify(await real());
      await route.fulfill({ status: 200, contentType: "application/json", body: text.slice(0, text.length / 2) });
    },
  },
  {
    name: "a 200 with a problem body",
    expect: "unreadable",
    answer: (route) =>
      route.fulfill({
        status: 200,
        contentType: "application/problem+json",
        body: problem(500, "Internal Server Error", "The database is down."),
      }),
  },
];

/** A valid body whose fields have the wrong types: supplied per target. */
const WRONG_TYPES = "a valid body with wrong types";

/** Fetches the backend's own answer to `route`'s request. */
function realBody(route: Route): () => Promise<Json> {
  return async () => (await (await route.fetch()).json()) as Json;
}

async function errorViewSays(page: Page, noun: string, kind: Fault["expect"]) {
  const alert = page.getByRole("alert").filter({ has: page.getByRole("heading", { level: 1 }) });
  switch (kind) {
    case "trouble":
      await expect(alert.getByRole("heading", { name: `This ${noun} could not be loaded` })).toBeVisible();
      await expect(alert).toContainText("Eventdesk is having trouble right now. Try again in a moment.");
      break;
    case "timeout":
      await expect(alert.getByRole("heading", { name: `This ${noun} could not be loaded` })).toBeVisible();
      await expect(alert).toContainText("Eventdesk is taking too long to answer.");
      break;
    case "unreadable":
      await expect(alert.getByRole("heading", { name: `This ${noun} could not be loaded` })).toBeVisible();
      await expect(alert).toContainText("Eventdesk sent an answer this page could not read.");
      break;
    case "offline":
      await expect(alert.getByRole("heading", { name: `This ${noun} could not be loaded` })).toBeVisible();
      await expect(alert).toContainText("We could not reach Eventdesk. Check your connection, then try again.");
      break;
    case "missing":
      await expect(alert.getByRole("heading", { name: `No ${noun} at this link` })).toBeVisible();
      break;
    case "withdrawn":
      await expect(alert.getByRole("heading", { name: `This ${noun} was withdrawn` })).toBeVisible();
      await expect(alert).toContainText("Merged into another event.");
      break;
  }
  await expect(alert.getByRole("link", { name: "See the latest events" })).toBeVisible();
}

async function listSays(page: Page, kind: Fault["expect"]) {
  const alert = page.getByRole("alert").filter({ hasText: "The events could not be loaded." });
  await expect(alert).toBeVisible();
  const words: Record<Fault["expect"], string> = {
    trouble: "Eventdesk is having trouble right now.",
    timeout: "Eventdesk is taking too long to answer.",
    unreadable: "Eventdesk sent an answer this page could not read.",
    offline: "We could not reach Eventdesk.",
    missing: "There is nothing at this link.",
    withdrawn: "This was withdrawn by the editors.",
  };
  await expect(alert).toContainText(words[kind]);
}

const ENTITY = { id: "volodymyr-zelensky", name: "Volodymyr Zelensky" };

const TARGETS: Target[] = [
  {
    name: "the event page",
    path: PARIS_EVENT_PATH,
    matches: (url) => url.pathname === `/api/v1/events/${PARIS_EVENT_ID}`,
    wrongTypes: (body) => ({ ...body, reports: "none", sources: 7, title: ["not", "text"] }),
    loaded: async (page) => {
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Paris");
      await expect(page.getByRole("heading", { name: "Know another source?" })).toBeVisible();
    },
    loading: async (page) => {
      await expect(page.getByRole("status").filter({ hasText: "Loading the event…" })).toBeAttached();
    },
    says: (page, kind) => errorViewSays(page, "event", kind),
    retry: (page) => page.getByRole("button", { name: "Retry" }),
  },
  {
    name: "the feed",
    path: "/",
    matches: (url) => url.pathname === "/api/v1/events",
    wrongTypes: (body) => ({ ...body, items: "none", total: "many" }),
    loaded: async (page) => {
      await expect(page.getByRole("list", { name: "Events" }).getByRole("listitem").first()).toBeVisible();
      await expect(page.getByRole("status").filter({ hasText: /\d+ events?/ }).first()).toBeVisible();
    },
    loading: async (page) => {
      await expect(page.getByText("Loading events…")).toBeVisible();
    },
    says: listSays,
    retry: (page) => page.getByRole("button", { name: "Retry" }),
  },
  {
    name: "an entity page",
    path: `/entities/${ENTITY.id}`,
    matches: (url) => url.pathname === `/api/v1/entities/${ENTITY.id}`,
    wrongTypes: (body) => ({ ...body, name: 42, kind: { person: true } }),
    loaded: async (page) => {
      await expect(page.getByRole("heading", { level: 1, name: ENTITY.name })).toBeVisible();
    },
    loading: async (page) => {
      await expect(page.getByRole("status").filter({ hasText: "Loading…" })).toBeAttached();
    },
    says: (page, kind) => errorViewSays(page, "entity", kind),
    retry: (page) => page.getByRole("button", { name: "Retry" }),
  },
  {
    name: "the methodology page",
    path: "/methodology",
    matches: (url) => url.pathname === "/api/v1/methodology",
    wrongTypes: (body) => ({ ...body, levels: { likely: "yes" }, tones: 3 }),
    loaded: async (page) => {
      await expect(page.getByRole("heading", { name: "Confidence levels" })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Source tone" })).toBeVisible();
    },
    loading: async (page) => {
      await expect(page.getByRole("status").filter({ hasText: "Loading…" })).toBeAttached();
    },
    says: (page, kind) => errorViewSays(page, "page", kind),
    retry: (page) => page.getByRole("button", { name: "Retry" }),
  },
];

/**
 * The server may embed the page's first API answer in the HTML (the
 * `eventdesk-preload` data block), so that the first view needs no request.
 * These tests are about the request: take the block out of the page.
 */
async function withoutPreload(page: Page, path: string) {
  const pathname = new URL(path, "http://x").pathname;
  await page.route(
    (url) => url.pathname === pathname,
    async (route) => {
      if (route.request().resourceType() !== "document") return route.fallback();
      const response = await route.fetch();
      const html = (await response.text()).replace(
        /<script[^>]*id="eventdesk-preload"[^>]*>[\s\S]*?<\/script>/g,
        "",
      );
      const headers = { ...response.headers() };
      delete headers["content-encoding"];
      delete headers["content-length"];
      await route.fulfill({ status: response.status(), headers, body: html });
    },
  );
}

/** Routes only `target`'s API call to `handler`; returns the matcher to unroute with. */
async function breakCall(page: Page, target: Target, handler: (route: Route) => Promise<void>) {
  await withoutPreload(page, target.path);
  const matcher = (url: URL) => target.matches(url);
  await page.route(matcher, (route) => {
    if (route.request().method() !== "GET") return route.fallback();
    return handler(route);
  });
  return matcher;
}

const retryable = (kind: Fault["expect"]) => kind !== "missing" && kind !== "withdrawn";

for (const target of TARGETS) {
  test.describe(`${target.name} with a failing backend`, () => {
    const faults: Fault[] = [
      ...FAULTS,
      {
        name: WRONG_TYPES,
        expect: "unreadable",
        answer: async (route, real) =>
          route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(target.wrongTypes(await real())) }),
      },
    ];
    for (const fault of faults) {
      test(`${fault.name}: a clear state${retryable(fault.expect) ? ", and Retry recovers" : ", and no Retry"}`, async ({ page }) => {
        const matcher = await breakCall(page, target, (route) => fault.answer(route, realBody(route)));
        await page.goto(target.path);
        await target.says(page, fault.expect);
        const retry = target.retry(page);
        if (!retryable(fault.expect)) {
          await expect(retry).toHaveCount(0);
          return;
        }
        await expect(retry).toBeVisible();
        await page.unroute(matcher);
        await retry.click();
        await target.loaded(page);
        await expect(retry).toHaveCount(0);
      });
    }

    test("a hung request: after the 15 s limit, a clear state, and Retry recovers", async ({ page }) => {
      await page.clock.install();
      let asked!: () => void;
      const seen = new Promise<void>((resolve) => (asked = resolve));
      await breakCall(page, target, async () => {
        asked(); // and never answer
      });
      await page.goto(target.path);
      await seen;
      await target.loading(page);
      await page.clock.fastForward(CLIENT_TIMEOUT_MS + 100);
      await target.says(page, "timeout");
      await page.unrouteAll({ behavior: "ignoreErrors" });
      await target.retry(page).click();
      await target.loaded(page);
    });

    test("a slow answer (5 s): the loading state, then the content", async ({ page }) => {
      test.setTimeout(45_000);
      // Timed from when the app asked, not from goto(): on a busy machine the
      // page's load event can come seconds after the request went out.
      let askedAt = 0;
      await breakCall(page, target, async (route) => {
        askedAt = Date.now();
        const response = await route.fetch();
        await new Promise((r) => setTimeout(r, SLOW_MS));
        await route.fulfill({ response });
      });
      await page.goto(target.path);
      await target.loading(page);
      await expect.poll(() => askedAt).toBeGreaterThan(0);
      const untilLate = askedAt + SLOW_MS - 1_500 - Date.now();
      if (untilLate > 0) await page.waitForTimeout(untilLate);
      await target.loading(page);
      await target.loaded(page);
      await expect(page.getByRole("button", { name: "Retry" })).toHaveCount(0);
    });
  });
}

// The submit form: the same faults on POST /events/{id}/submissions. Nothing
// reaches the real backend until the stub is lifted, so "Try again" then
// sends the source for real.

const SUBMIT_PATH = `/api/v1/events/${PARIS_EVENT_ID}/submissions`;

function uniqueUrl(tag: string): string {
  const nonce = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return `https://www.example-news.org/2025/09/04/faults-${tag}-${nonce}`;
}

function receiptFor(url: string): Json {
  return pendingReceipt("sub-stubbed-0001", url);
}

type SubmitFault = {
  name: string;
  answer: (route: Route, url: string) => Promise<void>;
  /** Words the reader sees; `retry` when "Try again" should be offered. */
  says: RegExp | string;
  retry: boolean;
};

const TROUBLE = "Eventdesk had a problem on its side, so your source was not sent.";
const UNREADABLE = "Eventdesk sent an answer we could not read, so we cannot tell whether your source arrived.";

const SUBMIT_FAULTS: SubmitFault[] = [
  ...[500, 502, 503].map<SubmitFault>((status) => ({
    name: `${status}`,
    says: TROUBLE,
    retry: true,
    answer: (route) =>
      route.fulfill({ status, contentType: "application/problem+json", body: problem(status, "Server trouble") }),
  })),
  {
    name: "404",
    says: "This event no longer exists, so it cannot take submissions.",
    retry: false,
    answer: (route) =>
      route.fulfill({ status: 404, contentType: "application/problem+json", body: problem(404, "Not Found") }),
  },
  {
    name: "410",
    says: "This event was withdrawn by the editors, so it no longer takes submissions.",
    retry: false,
    answer: (route) =>
      route.fulfill({
        status: 410,
        contentType: "application/problem+json",
        body: JSON.stringify({ type: "about:blank", title: "Event withdrawn", status: 410, detail: "Merged into another event." }),
      }),
  },
  {
    name: "the connection reset",
    says: "We could not reach Eventdesk, so your source was not sent.",
    retry: true,
    answer: (route) => route.abort("connectionreset"),
  },
  {
    name: "malformed JSON",
    says: UNREADABLE,
    retry: true,
    answer: (route) => route.fulfill({ status: 202, contentType: "application/json", body: '{"id": "sub-' }),
  },
  {
    name: "the wrong content type",
    says: UNREADABLE,
    retry: true,
    answer: (route) => route.fulfill({ status: 202, contentType: "text/html", body: "<p>Accepted</p>" }),
  },
  {
    name: "a truncated body",
    says: UNREADABLE,
    retry: true,
    answer: (route, url) => {
      const text = JSON.stringify(receiptFor(url));
      return route.fulfill({ status: 202, contentType: "application/json", body: text.slice(0, text.length / 2) });
    },
  },
  {
    name: "a 200 with a problem body",
    says: UNREADABLE,
    retry: true,
    answer: (route) =>
      route.fulfill({ status: 200, contentType: "application/problem+json", body: problem(500, "Internal Server Error") }),
  },
  {
    name: WRONG_TYPES,
    says: UNREADABLE,
    retry: true,
    answer: (route, url) =>
      route.fulfill({
        status: 202,
        contentType: "application/json",
        body: JSON.stringify({ ...receiptFor(url), id: 12345, received_at: true, status: ["pending"] }),
      }),
  },
];

const form = {
  url: (p: Page) => p.getByLabel("Article URL"),
  outlet: (p: Page) => p.getByLabel("Outlet name"),
  send: (p: Page) => p.getByRole("button", { name: /Send for review/ }),
  tryAgain: (p: Page) => p.getByRole("button", { name: "Try again", exact: true }),
  receipt: (p: Page) => p.getByRole("heading", { name: /Thank you: your source was received/ }),
};

async function fillForm(page: Page, url: string) {
  await page.goto(PARIS_EVENT_PATH);
  await expect(form.url(page)).toBeVisible();
  await form.url(page).fill(url);
  await form.outlet(page).fill("Example News");
}

const isSubmit = (url: URL) => url.pathname === SUBMIT_PATH;

test.describe("the submit form with a failing backend", () => {
  for (const fault of SUBMIT_FAULTS) {
    test(`${fault.name}: a clear message, typed values kept${fault.retry ? ", and Try again sends" : ""}`, async ({ page }) => {
      const url = uniqueUrl(fault.name.replace(/\W+/g, "-"));
      await page.route(isSubmit, (route) => fault.answer(route, url));
      await fillForm(page, url);
      await form.send(page).click();
      await expect(page.getByText(fault.says)).toBeVisible();
      await expect(form.receipt(page)).toHaveCount(0);
      await expect(form.url(page)).toHaveValue(url);
      await expect(form.outlet(page)).toHaveValue("Example News");
      if (!fault.retry) {
        await expect(form.tryAgain(page)).toHaveCount(0);
        return;
      }
      await page.unroute(isSubmit);
      await form.tryAgain(page).click();
      await expect(form.receipt(page)).toBeVisible();
    });
  }

  test("a hung request: after the 15 s limit, a clear message, and Try again sends", async ({ page }) => {
    await page.clock.install();
    const url = uniqueUrl("hung");
    let asked!: () => void;
    const seen = new Promise<void>((resolve) => (asked = resolve));
    await page.route(isSubmit, async () => {
      asked(); // and never answer
    });
    await fillForm(page, url);
    await form.send(page).click();
    await seen;
    await expect(page.getByRole("button", { name: /Sending/ })).toBeVisible();
    await page.clock.fastForward(CLIENT_TIMEOUT_MS + 100);
    await expect(page.getByText("Eventdesk did not answer within 15 seconds, so your source was not sent.")).toBeVisible();
    await expect(form.url(page)).toHaveValue(url);
    await page.unrouteAll({ behavior: "ignoreErrors" });
    await form.tryAgain(page).click();
    await expect(form.receipt(page)).toBeVisible();
  });

  test("a slow answer (5 s): Sending… then the receipt", async ({ page }) => {
    test.setTimeout(45_000);
    const url = uniqueUrl("slow");
    await page.route(isSubmit, async (route) => {
      const response = await route.fetch();
      await new Promise((r) => setTimeout(r, SLOW_MS));
      await route.fulfill({ response });
    });
    await fillForm(page, url);
    await form.send(page).click();
    await expect(page.getByRole("button", { name: /Sending/ })).toBeVisible();
    await page.waitForTimeout(SLOW_MS - 1_500);
    await expect(page.getByRole("button", { name: /Sending/ })).toBeVisible();
    await expect(form.receipt(page)).toBeVisible();
  });
});

test.describe("the feed's next page with a failing backend", () => {
  const isNextPage = (url: URL) => url.pathname === "/api/v1/events" && url.searchParams.has("cursor");

  for (const fault of FAULTS.filter((f) => f.expect === "trouble" || f.expect === "unreadable" || f.expect === "offline")) {
    test(`${fault.name}: the cards stay, the error is said, and Load more tries again`, async ({ page }) => {
      await page.route(isNextPage, (route) => fault.answer(route, realBody(route)));
      await page.goto("/");
      const cards = page.getByRole("list", { name: "Events" }).getByRole("listitem");
      await expect(cards.first()).toBeVisible();
      const first = await cards.count();
      const more = page.getByRole("button", { name: "Load more events" });
      await more.click();
      await expect(page.getByRole("alert").filter({ hasText: "More events could not be loaded." })).toBeVisible();
      await expect(cards).toHaveCount(first);
      await page.unroute(isNextPage);
      await more.click();
      await expect.poll(() => cards.count()).toBeGreaterThan(first);
      await expect(page.getByRole("alert").filter({ hasText: "More events could not be loaded." })).toHaveCount(0);
    });
  }
});

// A new release takes over cleanly (issue 16): a reader with the old
// release's worker gets the new one without doing anything, the old
// release's app files are dropped while the events saved for reading offline
// stay, and those saved pages are fetched again so that offline they point
// at the new release's files, never at files the worker no longer keeps.
//
// The release is a copy of the built app in a folder of this spec's own,
// served by an eventdesk-web of its own; changing a page file in it is a
// new release (the worker's version is a digest of the build).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Page } from "@playwright/test";
import { test, expect, PARIS_EVENT_PATH } from "../support/fixtures";
import { startOwnServer, testedDist, type OwnServer } from "../support/server";

test.use({ serviceWorkers: "allow" });

let server: OwnServer;
let dist: string;

test.beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), "eventdesk-release-"));
  fs.cpSync(testedDist(), dist, { recursive: true });
  server = await startOwnServer({ portOffset: 84, dist });
});

test.afterAll(() => {
  server?.stop();
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
});

/** The release the server's /sw.js carries. */
async function releaseServed(page: Page): Promise<string> {
  const script = await (await page.request.get(`${server.origin}/sw.js`)).text();
  const version = /const VERSION = "([0-9a-f]+)";/.exec(script);
  expect(version, "sw.js names its release").not.toBeNull();
  return version![1];
}

const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

test("a new release's worker takes over: old app files go, saved events stay and read offline", async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  const first = await releaseServed(page);
  await page.goto(`${server.origin}${PARIS_EVENT_PATH}`);
  await expect(page.locator("h1").first()).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 20_000 })
    .toBe(true);
  await expect.poll(() => cacheNames(page), { timeout: 20_000 }).toContain(`eventdesk-shell-${first}`);
  await expect
    .poll(
      () => page.evaluate(async () => !!(await (await caches.open("eventdesk-saved")).match(location.href))),
      { timeout: 20_000 },
    )
    .toBe(true);

  // The new release: a page file of the build changes.
  const page_file = path.join(dist, "event.html");
  fs.appendFileSync(page_file, "\n<!-- the next release -->\n");
  const second = await releaseServed(page);
  expect(second).not.toBe(first);

  // The browser looks for a new worker (as it does on navigation); the new
  // one installs, activates and takes the page over without a reload.
  const changed = page.evaluate(
    () => new Promise<void>((resolve) => navigator.serviceWorker.addEventListener("controllerchange", () => resolve())),
  );
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
  await changed;
  await expect.poll(() => cacheNames(page), { timeout: 20_000 }).toContain(`eventdesk-shell-${second}`);
  await expect.poll(() => cacheNames(page), { timeout: 20_000 }).not.toContain(`eventdesk-shell-${first}`);
  expect(await cacheNames(page)).toContain("eventdesk-saved");

  // The saved page now names files the new release keeps, so it reads offline.
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const saved = await (await caches.open("eventdesk-saved")).match(location.href);
          return saved ? (await saved.text()).includes("the next release") : false;
        }),
      { timeout: 20_000 },
    )
    .toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText("You are offline: this is the copy saved on")).toBeVisible();
  await expect(page.getByText("The British and French-led Coalition of the Willing").first()).toBeVisible();
  await expect(page.locator("[data-first-paint]")).toHaveCount(0);
  await context.setOffline(false);
});

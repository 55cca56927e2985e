// Browser tests: Debian's Chromium (never a downloaded browser) against
// eventdesk-web, which serves the built app from dist/, in front of the real
// reference backend (the API) over a fresh database of the sample events.
//
// Needs: the release app in dist/ (scripts/build.sh) and both binaries,
// target/server/eventdesk-server and target/server/eventdesk-web (cargo build
// --profile server -p eventdesk-server -p eventdesk-web). scripts/test.sh
// does both first.
import { defineConfig } from "@playwright/test";
import * as os from "node:os";
import * as path from "node:path";

const root = path.resolve(__dirname, "..");
const port = Number(process.env.EVENTDESK_E2E_PORT ?? 18080);
const baseURL = `http://127.0.0.1:${port}`;
// The reference API listens 10 above, e.g. 18090 beside 18080.
const apiPort = 18000 + (port % 1000) + 10;
const apiOrigin = `http://127.0.0.1:${apiPort}`;
const serverBin =
  process.env.EVENTDESK_SERVER_BIN ?? path.join(root, "target", "server", "eventdesk-server");
const webBin = process.env.EVENTDESK_WEB_BIN ?? path.join(root, "target", "server", "eventdesk-web");
const database = path.join(os.tmpdir(), `eventdesk-e2e-${apiPort}.sqlite3`);
// The built app to serve: dist/ unless EVENTDESK_E2E_DIST names another build.
const dist = process.env.EVENTDESK_E2E_DIST ?? "dist";
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [
    ["list"],
    ["json", { outputFile: path.join(__dirname, "playwright-report", "results.json") }],
  ],
  use: {
    baseURL,
    browserName: "chromium",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
    trace: "retain-on-failure",
    // Pages register a service worker (web/src/offline/sw.js), whose requests
    // page.route() never sees: specs that do not test it keep it out.
    // offline*.spec.ts and budget.spec.ts allow it.
    serviceWorkers: "block",
    screenshot: "only-on-failure",
  },
  webServer: [
    {
      // The reference API, on a fresh database every run: the server creates
      // the schema and loads the fixtures into an empty one. It trusts
      // X-Forwarded-For, which eventdesk-web sets to the reader's address.
      command:
        `rm -f ${quote(database)} ${quote(database + "-wal")} ${quote(database + "-shm")} && ` +
        `exec ${quote(serverBin)} --addr 127.0.0.1:${apiPort} --db ${quote(database)} --fixtures server/fixtures --trust-proxy`,
      cwd: root,
      url: `${apiOrigin}/api/v1/categories`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        // Tests submit many sources from one address; keep the per-client
        // limit (COUNT/WINDOW) out of their way. A test of the limit itself
        // starts a server of its own with a low one.
        EVENTDESK_SUBMIT_LIMIT: "100000/1m",
        RUST_LOG: process.env.RUST_LOG ?? "warn",
      },
    },
    {
      // eventdesk-web in front of it: the pages, share cards and the API
      // passed through.
      command:
        `exec ${quote(webBin)} --addr 127.0.0.1:${port} --upstream ${apiOrigin}/api/v1 ` +
        `--dist ${quote(dist)} --no-preload`,
      cwd: root,
      url: `${baseURL}/api/v1/categories`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        // Tests answer the API themselves (faults, slow answers) on a page's
        // first load, which data embedded in the page would bypass: the app
        // asks the API here (--no-preload). The embedding has eventdesk-web's
        // tests (web/tests/preload.rs), the specs that start servers of their
        // own (tests/support/server.ts) and the benchmark.
        RUST_LOG: process.env.RUST_LOG ?? "warn",
      },
    },
  ],
});

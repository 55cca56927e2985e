// Browser tests: Debian's Chromium (never a downloaded browser) against the
// real reference backend, which serves the built app from dist/ and a fresh
// database of the sample events.
//
// Needs: the release app in dist/ (scripts/build.sh) and the backend binary
// target/server/eventdesk-server (cargo build --profile server -p
// eventdesk-server). scripts/test.sh does both first.
import { defineConfig } from "@playwright/test";
import * as os from "node:os";
import * as path from "node:path";

const root = path.resolve(__dirname, "..");
const port = Number(process.env.EVENTDESK_E2E_PORT ?? 18080);
const baseURL = `http://127.0.0.1:${port}`;
const serverBin =
  process.env.EVENTDESK_SERVER_BIN ?? path.join(root, "target", "server", "eventdesk-server");
const database = path.join(os.tmpdir(), `eventdesk-e2e-${port}.sqlite3`);
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
    screenshot: "only-on-failure",
  },
  webServer: {
    // A fresh database every run: the server creates the schema and loads
    // the fixtures into an empty one.
    command:
      `rm -f ${quote(database)} ${quote(database + "-wal")} ${quote(database + "-shm")} && ` +
      `exec ${quote(serverBin)} --addr 127.0.0.1:${port} --db ${quote(database)} --dist ${quote(dist)} --fixtures server/fixtures`,
    cwd: root,
    url: `${baseURL}/api/v1/categories`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      // Tests submit many sources from one address; keep the per-client limit
      // (COUNT/WINDOW) out of their way. A test of the limit itself starts a
      // server of its own with a low one.
      EVENTDESK_SUBMIT_LIMIT: "100000/1m",
      // Tests answer the API themselves (faults, slow answers) on a page's
      // first load, which data embedded in the page would bypass: the app asks
      // the API here. The embedding has the server's tests (server/tests/preload.rs)
      // and the benchmark, which runs with it.
      EVENTDESK_NO_PRELOAD: "true",
      RUST_LOG: process.env.RUST_LOG ?? "warn",
    },
  },
});

// Servers of a spec's own, for specs that need other data or settings than
// the shared pair (which runs eventdesk-web with --no-preload): call in
// `beforeAll`, stop in `afterAll`. Ports are offset from the shared one.
//
// - startOwnServer: the reference API (eventdesk-server) over the given
//   fixtures, and eventdesk-web in front of it WITH the embedded data.
// - startWeb: eventdesk-web alone in front of any upstream (e.g. the stub
//   backend of tests/support/stub-backend.ts).
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const root = path.resolve(__dirname, "..", "..");

export type OwnServer = { origin: string; stop(): void };

/** A port for a spec's own server: the shared port's scheme, offset. */
export function ownPort(portOffset: number): number {
  return 18000 + (Number(process.env.EVENTDESK_E2E_PORT ?? 18080) % 1000) + portOffset;
}

const serverBin = () => process.env.EVENTDESK_SERVER_BIN ?? path.join(root, "target", "server", "eventdesk-server");
const webBin = () => process.env.EVENTDESK_WEB_BIN ?? path.join(root, "target", "server", "eventdesk-web");

/** The environment for a child: ours, without the settings each child gets as a flag. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, RUST_LOG: "warn", ...extra };
  for (const name of [
    "EVENTDESK_ADDR",
    "EVENTDESK_NO_PRELOAD",
    "EVENTDESK_UPSTREAM",
    "EVENTDESK_DIST",
    "EVENTDESK_PUBLIC_ORIGIN",
    "EVENTDESK_TRUST_PROXY",
    "EVENTDESK_DB",
    "EVENTDESK_FIXTURES",
  ]) {
    delete env[name];
  }
  return env;
}

/** Waits until `url` answers (2xx, or any status with `anyStatus`), or the child exits, or 30 s pass. */
async function waitUp(child: ChildProcess, url: string, what: string, anyStatus = false): Promise<void> {
  let exited: number | string | null = null;
  child.once("exit", (code, signal) => (exited = code ?? signal ?? "exit"));
  for (let i = 0; i < 300; i++) {
    if (exited !== null) throw new Error(`${what} exited (${exited}) before answering ${url}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.ok || anyStatus) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGTERM");
  throw new Error(`${what} did not answer ${url} within 30 s`);
}

/** The built app the browser tests run against: EVENTDESK_E2E_DIST (relative to the repository), else dist/. */
export function testedDist(): string {
  return path.resolve(root, process.env.EVENTDESK_E2E_DIST ?? "dist");
}

/**
 * eventdesk-web on `port` in front of `upstream` (a base URL ending in
 * /api/v1), serving the built app, with the embedded data unless `noPreload`.
 * Waits until it answers a static file (not the API: the upstream may be down).
 */
export async function startWeb(options: {
  port: number;
  upstream: string;
  noPreload?: boolean;
  /** The built app to serve; the tests' build (EVENTDESK_E2E_DIST, else dist/) by default. */
  dist?: string;
}): Promise<OwnServer> {
  const origin = `http://127.0.0.1:${options.port}`;
  const dist = options.dist ?? testedDist();
  const args = ["--addr", `127.0.0.1:${options.port}`, "--upstream", options.upstream, "--dist", dist];
  if (options.noPreload) args.push("--no-preload");
  const web: ChildProcess = spawn(webBin(), args, { stdio: ["ignore", "ignore", "inherit"], env: childEnv() });
  try {
    await waitUp(web, `${origin}/favicon.svg`, "eventdesk-web", true);
  } catch (e) {
    web.kill("SIGTERM");
    throw e;
  }
  return { origin, stop: () => void web.kill("SIGTERM") };
}

/**
 * The reference API over `fixtures` (a folder of server/, default
 * "fixtures") on a fresh database, with eventdesk-web in front of it on
 * ownPort(portOffset) and the API 100 above. `origin` is eventdesk-web's.
 */
export async function startOwnServer(options: { portOffset: number; fixtures?: string; dist?: string }): Promise<OwnServer> {
  const port = ownPort(options.portOffset);
  const apiPort = port + 100;
  const apiOrigin = `http://127.0.0.1:${apiPort}`;
  const db = path.join(os.tmpdir(), `eventdesk-own-${apiPort}.sqlite3`);
  for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
  const fixtures = path.join(root, "server", options.fixtures ?? "fixtures");
  const api: ChildProcess = spawn(
    serverBin(),
    ["--addr", `127.0.0.1:${apiPort}`, "--db", db, "--fixtures", fixtures, "--trust-proxy"],
    { stdio: ["ignore", "ignore", "inherit"], env: childEnv({ EVENTDESK_SUBMIT_LIMIT: "100000/1m" }) },
  );
  try {
    await waitUp(api, `${apiOrigin}/api/v1/categories`, "eventdesk-server");
    const web = await startWeb({ port, upstream: `${apiOrigin}/api/v1`, dist: options.dist });
    return {
      origin: web.origin,
      stop: () => {
        web.stop();
        api.kill("SIGTERM");
      },
    };
  } catch (e) {
    api.kill("SIGTERM");
    throw e;
  }
}

// A reference backend of a spec's own, for specs that need other data or
// settings than the shared one (which runs with EVENTDESK_NO_PRELOAD): call
// in `beforeAll`, stop in `afterAll`. Ports are offset from the shared one.
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const root = path.resolve(__dirname, "..", "..");

export type OwnServer = { origin: string; stop(): void };

export async function startOwnServer(options: { portOffset: number; fixtures?: string }): Promise<OwnServer> {
  const port = 18000 + (Number(process.env.EVENTDESK_E2E_PORT ?? 18080) % 1000) + options.portOffset;
  const origin = `http://127.0.0.1:${port}`;
  const bin = process.env.EVENTDESK_SERVER_BIN ?? path.join(root, "target", "server", "eventdesk-server");
  const db = path.join(os.tmpdir(), `eventdesk-own-${port}.sqlite3`);
  for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
  const dist = path.resolve(root, process.env.EVENTDESK_E2E_DIST ?? "dist");
  const fixtures = path.join(root, "server", options.fixtures ?? "fixtures");
  const env = { ...process.env, RUST_LOG: "warn" };
  delete env.EVENTDESK_NO_PRELOAD;
  const server: ChildProcess = spawn(
    bin,
    ["--addr", `127.0.0.1:${port}`, "--db", db, "--dist", dist, "--fixtures", fixtures],
    { stdio: ["ignore", "ignore", "inherit"], env },
  );
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${origin}/api/v1/categories`)).ok) {
        return { origin, stop: () => void server.kill("SIGTERM") };
      }
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill("SIGTERM");
  throw new Error(`the backend on ${origin} did not start`);
}

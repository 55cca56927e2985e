// A second, small implementation of the contract (api/openapi.yaml), written
// in the tests: a Node `http` server with events of its own, none of which
// are in server/fixtures. eventdesk-web in front of it must serve its pages,
// share cards and API as it does the reference backend's
// (tests/e2e/other-backend.spec.ts). It keeps everything in memory and counts
// the requests it answers, by method and path, for the tests.
//
//   const stub = await startStubBackend();      // a free port on 127.0.0.1
//   stub.apiBase                                // http://127.0.0.1:PORT/api/v1
//   stub.count("POST", `/api/v1/events/${id}/submissions`)
//   await stub.stop();
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";

const root = path.resolve(__dirname, "..", "..");

const CATEGORIES = [
  { id: "disaster", label: "Disaster", emoji: "🌪️", description: "Natural disasters and major accidents." },
  { id: "protest", label: "Protest", emoji: "✊", description: "Demonstrations, strikes and civil unrest." },
  { id: "infrastructure", label: "Infrastructure", emoji: "⚡", description: "Energy, transport, water and communications." },
];
const category = (id: string) => CATEGORIES.find((c) => c.id === id)!;

const ENTITIES = [
  {
    id: "kestrelford-town-council",
    name: "Kestrelford Town Council",
    kind: "organization",
    description: "The elected council of the market town of Kestrelford.",
    wikidata_id: null,
    event_count: 1,
  },
  { id: "river-wend", name: "River Wend", kind: "place", description: null, wikidata_id: null, event_count: 1 },
  {
    id: "harbour-workers-union",
    name: "Harbour and Ferry Workers' Union",
    kind: "group",
    description: "The union of the ferry crews and harbour staff at Port Aldine.",
    wikidata_id: null,
    event_count: 1,
  },
];
const entity = (id: string) => {
  const { event_count: _, description: __, ...rest } = ENTITIES.find((e) => e.id === id)!;
  return rest;
};

/** The stub's events, as GET /events/{id} answers them. */
export const STUB_EVENTS = [
  {
    id: "kestrelford-flash-flood-2026-03-14",
    category: category("disaster"),
    title: "Flash flood cuts off Kestrelford as the River Wend bursts its banks",
    summary:
      "The River Wend burst its banks overnight after 90 mm of rain in six hours, flooding the lower town of Kestrelford and cutting both road bridges; about 400 residents were moved to the leisure centre.",
    occurred_on: "2026-03-14",
    location: {
      label: "Kestrelford",
      places: [
        {
          name: "Kestrelford",
          country_code: "GB",
          role: "occurred_in",
          precision: "city",
          point: { lat: 52.41, lon: -2.14 },
          bbox: null,
        },
      ],
    },
    confidence: {
      level: "likely",
      independent_sources: 2,
      explanation:
        "Two or more independent sources agree on the core facts. Additional sources would further strengthen this assessment.",
      next_level: { level: "verified", needs: "One more trusted source" },
      assessed_at: "2026-03-14T09:40:00Z",
    },
    source_names: ["Wend Valley Gazette", "Midlands Wire"],
    entity_count: 2,
    updated_at: "2026-03-14T09:40:00Z",
    sources: [
      {
        id: "wend-valley-gazette",
        name: "Wend Valley Gazette",
        url: "https://www.wendvalleygazette.example/news/2026/03/14/kestrelford-flood",
        homepage: "https://www.wendvalleygazette.example/",
        country_code: "GB",
        kind: "news_outlet",
        trusted: true,
        independent: true,
        published_at: "2026-03-14T06:12:00Z",
      },
      {
        id: "midlands-wire",
        name: "Midlands Wire",
        url: "https://midlandswire.example/2026/03/14/wend-bursts-banks",
        homepage: "https://midlandswire.example/",
        country_code: "GB",
        kind: "wire_service",
        trusted: false,
        independent: true,
        published_at: "2026-03-14T07:30:00Z",
      },
    ],
    reports: [
      {
        id: "k1",
        source_id: "wend-valley-gazette",
        tone: "certain",
        claim: "Both road bridges into Kestrelford were closed after the River Wend rose 2.3 metres overnight.",
        url: null,
        quote: null,
      },
      {
        id: "k2",
        source_id: "midlands-wire",
        tone: "likely",
        claim: "About 400 residents of the lower town were reportedly moved to the leisure centre.",
        url: null,
        quote: null,
      },
    ],
    entities: [entity("kestrelford-town-council"), entity("river-wend")],
    history: [{ at: "2026-03-14T09:40:00Z", kind: "created", summary: "Written from the Gazette's live report." }],
    extraction: { extracted_at: "2026-03-14T09:40:00Z", source_story: null, method: "editor" },
    related_ids: [],
  },
  {
    id: "port-aldine-ferry-strike-2026-03-12",
    category: category("protest"),
    title: "Ferry crews strike at Port Aldine, halting crossings to the islands",
    summary:
      "Crews of the Port Aldine ferries walked out for 48 hours over rosters and pay, halting every crossing to the outer islands; the operator ran one freight sailing a day for medical supplies.",
    occurred_on: "2026-03-12",
    location: {
      label: "Port Aldine",
      places: [
        {
          name: "Port Aldine",
          country_code: "IE",
          role: "occurred_in",
          precision: "city",
          point: { lat: 53.27, lon: -9.05 },
          bbox: null,
        },
      ],
    },
    confidence: {
      level: "unconfirmed",
      independent_sources: 1,
      explanation: "Only one source reports this event so far.",
      next_level: { level: "likely", needs: "One more independent source" },
      assessed_at: "2026-03-12T18:05:00Z",
    },
    source_names: ["Aldine Harbour Post"],
    entity_count: 1,
    updated_at: "2026-03-12T18:05:00Z",
    sources: [
      {
        id: "aldine-harbour-post",
        name: "Aldine Harbour Post",
        url: "https://aldineharbourpost.example/ferry-strike",
        homepage: "https://aldineharbourpost.example/",
        country_code: "IE",
        kind: "news_outlet",
        trusted: false,
        independent: true,
        published_at: "2026-03-12T16:00:00Z",
      },
    ],
    reports: [
      {
        id: "p1",
        source_id: "aldine-harbour-post",
        tone: "certain",
        claim: "Ferry crews began a 48-hour strike at 06:00, halting every crossing to the outer islands.",
        url: null,
        quote: null,
      },
    ],
    entities: [entity("harbour-workers-union")],
    history: [{ at: "2026-03-12T18:05:00Z", kind: "created", summary: "Written from the Post's report." }],
    extraction: null,
    related_ids: ["kestrelford-flash-flood-2026-03-14"],
  },
];

/** An id the stub knows but answers 410 for (the editors withdrew it). */
export const WITHDRAWN_ID = "brennmoor-bridge-collapse-2026-03-10";

const SUMMARY_FIELDS = [
  "id",
  "category",
  "title",
  "summary",
  "occurred_on",
  "location",
  "confidence",
  "source_names",
  "entity_count",
  "updated_at",
] as const;

function summaryOf(e: (typeof STUB_EVENTS)[number]) {
  return Object.fromEntries(SUMMARY_FIELDS.map((k) => [k, e[k]]));
}

export type StubBackend = {
  /** The origin, e.g. http://127.0.0.1:PORT. */
  origin: string;
  /** The API's base URL, for --upstream. */
  apiBase: string;
  /** Requests answered for `method` and `path` (no query). */
  count(method: string, path: string): number;
  /** Every request answered so far, as "METHOD /path?query". */
  readonly requests: string[];
  stop(): Promise<void>;
};

type Receipt = {
  id: string;
  event_id: string;
  url: string;
  status: string;
  received_at: string;
  decided_at: null;
  reason: null;
};

export async function startStubBackend(options: { port?: number } = {}): Promise<StubBackend> {
  const counts = new Map<string, number>();
  const requests: string[] = [];
  const submissions = new Map<string, Receipt>();
  const methodology = fs.readFileSync(path.join(root, "api", "examples", "methodology.json"), "utf8");

  const send = (res: http.ServerResponse, status: number, body: unknown, type = "application/json") => {
    const text = typeof body === "string" ? body : JSON.stringify(body);
    res.writeHead(status, {
      "content-type": type,
      "content-length": Buffer.byteLength(text),
      "cache-control": "no-cache",
    });
    res.end(text);
  };
  const problem = (res: http.ServerResponse, status: number, title: string, extra: object = {}) =>
    send(res, status, { type: "about:blank", title, status, ...extra }, "application/problem+json");

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://stub.invalid");
    const method = req.method ?? "GET";
    const key = `${method} ${url.pathname}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    requests.push(`${method} ${url.pathname}${url.search}`);
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      try {
        route(method, url, Buffer.concat(chunks).toString("utf8"), res);
      } catch (e) {
        problem(res, 500, "The stub failed", { detail: String(e) });
      }
    });
  });

  function route(method: string, url: URL, body: string, res: http.ServerResponse) {
    const p = url.pathname;
    const read = method === "GET" || method === "HEAD";
    let m: RegExpMatchArray | null;
    if (p === "/api/v1/categories" && read) return send(res, 200, CATEGORIES);
    if (p === "/api/v1/methodology" && read) return send(res, 200, methodology);
    if (p === "/api/v1/events" && read) {
      const cats = url.searchParams.getAll("category");
      const q = (url.searchParams.get("q") ?? "").toLowerCase();
      const limit = Math.min(100, Math.max(1, Number(url.searchParams.get("limit") ?? 20) || 20));
      const items = STUB_EVENTS.filter(
        (e) =>
          (cats.length === 0 || cats.includes(e.category.id)) &&
          (!q || `${e.title} ${e.summary} ${e.location.label}`.toLowerCase().includes(q)) &&
          (!url.searchParams.get("entity") || e.entities.some((x) => x.id === url.searchParams.get("entity"))),
      ).sort((a, b) => b.occurred_on.localeCompare(a.occurred_on));
      return send(res, 200, { items: items.slice(0, limit).map(summaryOf), next_cursor: null, total: items.length });
    }
    if ((m = p.match(/^\/api\/v1\/events\/([^/]+)$/)) && read) {
      const id = decodeURIComponent(m[1]);
      if (id === WITHDRAWN_ID)
        return problem(res, 410, "This event was withdrawn", {
          detail: "The editors withdrew this event: the bridge was closed for repairs, not collapsed.",
        });
      const event = STUB_EVENTS.find((e) => e.id === id);
      return event ? send(res, 200, event) : problem(res, 404, "No such event", { detail: `No event has the id ${id}.` });
    }
    if ((m = p.match(/^\/api\/v1\/events\/([^/]+)\/submissions$/)) && method === "POST") {
      const id = decodeURIComponent(m[1]);
      const event = STUB_EVENTS.find((e) => e.id === id);
      if (!event) return problem(res, 404, "No such event", { detail: `No event has the id ${id}.` });
      let sub: { url?: unknown };
      try {
        sub = JSON.parse(body);
      } catch {
        return problem(res, 422, "The submission has invalid fields", {
          errors: [{ field: "url", message: "Send the submission as JSON." }],
        });
      }
      const link = typeof sub?.url === "string" ? sub.url : "";
      if (!/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(link) || link.length > 2048) {
        return problem(res, 422, "The submission has invalid fields", {
          detail: "Fix the fields below and send it again.",
          errors: [{ field: "url", message: "Enter the full address of the article, starting with http:// or https://." }],
        });
      }
      const known = event.sources.find((s) => s.url === link);
      const earlier = [...submissions.values()].find((s) => s.event_id === id && s.url === link);
      if (known || earlier) {
        return problem(res, 409, "Already submitted", {
          detail: "This article is already one of the event's sources, or was already submitted for it.",
          duplicate_of: known?.id ?? earlier!.id,
        });
      }
      const receipt: Receipt = {
        id: `stub_${(submissions.size + 1).toString(36)}${Date.now().toString(36)}`,
        event_id: id,
        url: link,
        status: "pending",
        received_at: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
        decided_at: null,
        reason: null,
      };
      submissions.set(receipt.id, receipt);
      return send(res, 202, receipt);
    }
    if ((m = p.match(/^\/api\/v1\/submissions\/([^/]+)$/)) && read) {
      const receipt = submissions.get(decodeURIComponent(m[1]));
      return receipt ? send(res, 200, receipt) : problem(res, 404, "No such submission");
    }
    if ((m = p.match(/^\/api\/v1\/entities\/([^/]+)$/)) && read) {
      const found = ENTITIES.find((e) => e.id === decodeURIComponent(m![1]));
      return found ? send(res, 200, found) : problem(res, 404, "No such entity");
    }
    return problem(res, 404, "Not found");
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    apiBase: `${origin}/api/v1`,
    count: (method, p) => counts.get(`${method.toUpperCase()} ${p}`) ?? 0,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

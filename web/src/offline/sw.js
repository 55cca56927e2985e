// Eventdesk's service worker. eventdesk-web serves it at /sw.js with the
// release written in (web/src/offline/worker.rs): VERSION changes with every
// build of the app, so a new release is a new worker.
//
// - The app shell (the files the event page loads, the basemap, the offline
//   page, the manifest and icons) is saved at install, in a cache of its
//   release; a new release deletes the old one's.
// - Each event page the reader opens is saved with its data (the event and
//   the methodology, from the API), in a cache that outlives releases.
// - Pages and the API: the network first, the saved copy only when the
//   network fails, so no reader is on an old app with a new API. Hashed
//   files (their names change with their content): the cache first.
// - Offline, a saved event page gets a notice saying when it was saved; an
//   address never opened gets the offline page, listing the saved events.
"use strict";

const VERSION = "__VERSION__";
const SHELL = ["__SHELL__"];

const SHELL_PREFIX = "eventdesk-shell-";
const SHELL_CACHE = SHELL_PREFIX + VERSION;
const SAVED_CACHE = "eventdesk-saved";
const SAVED_AT = "x-eventdesk-saved-at";
const SAVED_TITLE = "x-eventdesk-title";
const MAX_SAVED = 50;
const OFFLINE_PAGE = "/offline.html";
const API = "/api/v1";
const METHODOLOGY = API + "/methodology";
const SAVED_EVENTS = "<!--saved-events-->";
// The app's date style for an instant, and its exact form for the title
// (written in from eventdesk_model's DateStyle).
const INSTANT = "__INSTANT__";
const INSTANT_EXACT = "__INSTANT_EXACT__";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(SHELL.map((path) => new Request(path, { cache: "no-cache" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(SHELL_PREFIX) && name !== SHELL_CACHE) await caches.delete(name);
      }
      await self.clients.claim();
      // The pages already open were loaded before this worker: save the
      // event pages among them; and save again the ones saved under an
      // older release, so that they name this release's files.
      const open = (await self.clients.matchAll({ type: "window" })).map((c) => new URL(c.url));
      const saved = (await (await caches.open(SAVED_CACHE)).keys()).map((r) => new URL(r.url));
      const pages = new Map();
      for (const url of [...open, ...saved]) {
        if (url.origin === location.origin && isEventPage(url.pathname)) pages.set(url.pathname, url);
      }
      for (const url of pages.values()) {
        try {
          const response = await fetch(url.origin + url.pathname, { cache: "no-cache" });
          if (response.ok) await save(url, response);
        } catch {
          // Offline: the copy saved before stays.
        }
      }
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(navigate(event, url));
  } else if (isSavedData(url.pathname)) {
    event.respondWith(networkFirst(request, SAVED_CACHE));
  } else if (isHashed(url.pathname)) {
    event.respondWith(cacheFirst(request));
  } else if (SHELL.includes(url.pathname)) {
    event.respondWith(networkFirst(request, SHELL_CACHE));
  }
});

/** `/events/{id}`: the pages saved for reading offline. */
function isEventPage(path) {
  const id = path.startsWith("/events/") ? path.slice("/events/".length) : "";
  return id !== "" && !id.includes("/");
}

/** The data an event page reads: the event, and the methodology. */
function isSavedData(path) {
  return path === METHODOLOGY || isEventPage(path.startsWith(API) ? path.slice(API.length) : "");
}

/** Trunk's hashed names, e.g. `eventdesk-1a2b3c4d5e6f7a8b_bg.wasm` (as `files::is_hashed`). */
function isHashed(path) {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const stem = name.split(".")[0].replace(/_bg$/, "");
  return /^.+-[0-9a-f]{8,64}$/i.test(stem);
}

async function navigate(event, url) {
  try {
    const response = await fetch(event.request);
    if (response.ok && isEventPage(url.pathname)) event.waitUntil(save(url, response.clone()));
    return response;
  } catch (offline) {
    if (isEventPage(url.pathname)) {
      const saved = await (await caches.open(SAVED_CACHE)).match(url.origin + url.pathname, { ignoreVary: true });
      if (saved) return withNotice(saved);
    }
    return offlinePage();
  }
}

async function networkFirst(request, cacheName) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (offline) {
    const saved = await cache.match(request, { ignoreVary: true });
    if (saved) return saved;
    throw offline;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(SHELL_CACHE);
  const saved = await cache.match(request, { ignoreVary: true });
  if (saved) return saved;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

/** Saves an event page with when it was saved and its title, then its data. */
async function save(url, response) {
  const html = await response.text();
  const headers = new Headers(response.headers);
  headers.delete("content-encoding");
  headers.delete("content-length");
  headers.set(SAVED_AT, new Date().toISOString());
  headers.set(SAVED_TITLE, encodeURIComponent(titleOf(html)));
  const cache = await caches.open(SAVED_CACHE);
  await cache.put(url.origin + url.pathname, new Response(html, { status: response.status, headers }));
  // The page's data, also when it came inside the page.
  const id = url.pathname.slice("/events/".length);
  for (const path of [API + "/events/" + id, METHODOLOGY]) {
    try {
      const data = await fetch(path);
      if (data.ok) await cache.put(path, data);
    } catch {}
  }
  await trim(cache);
}

/** Keeps the newest MAX_SAVED pages, and the data of the pages kept. */
async function trim(cache) {
  const pages = [];
  const data = [];
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (isEventPage(path)) {
      const response = await cache.match(request);
      pages.push({ request, path, at: (response && response.headers.get(SAVED_AT)) || "" });
    } else if (path !== METHODOLOGY) {
      data.push({ request, path });
    }
  }
  pages.sort((a, b) => (a.at < b.at ? 1 : -1));
  for (const page of pages.slice(MAX_SAVED)) await cache.delete(page.request);
  const kept = new Set(pages.slice(0, MAX_SAVED).map((p) => API + p.path));
  for (const entry of data) {
    if (!kept.has(entry.path)) await cache.delete(entry.request);
  }
}

/** The page's `<title>`, without the site's name. */
function titleOf(html) {
  const match = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  const title = match ? unescapeHtml(match[1]).trim() : "";
  return title.replace(/\s*·\s*Eventdesk$/, "");
}

function unescapeHtml(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (entity, name) => {
    const lower = name.toLowerCase();
    if (lower[0] === "#") {
      const code = lower[1] === "x" ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
      try {
        return String.fromCodePoint(code);
      } catch {
        return entity;
      }
    }
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[lower];
  });
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/** When a copy was saved, as the app writes an instant: in the reader's locale and time zone, the zone named. */
function timeOf(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "an earlier visit";
  return (
    '<time datetime="' +
    escapeHtml(iso) +
    '" title="' +
    escapeHtml(date.toLocaleString(undefined, INSTANT_EXACT)) +
    '">' +
    escapeHtml(date.toLocaleString(undefined, INSTANT)) +
    "</time>"
  );
}

/** A saved page, with the notice that it is the saved copy (above the site header, outside the app's own markup, so it stays when the app starts). */
async function withNotice(saved) {
  const html = await saved.text();
  const at = saved.headers.get(SAVED_AT) || "";
  const notice =
    '<aside class="offline-notice" aria-label="Offline copy" data-offline-copy="' +
    escapeHtml(at) +
    '"><p role="status">You are offline: this is the copy saved on ' +
    timeOf(at) +
    ".</p></aside>";
  const body = /<body[^>]*>/i;
  const page = body.test(html) ? html.replace(body, (tag) => tag + notice) : notice + html;
  return new Response(page, { status: saved.status, headers: saved.headers });
}

/** The offline page, with the saved events listed, newest first. */
async function offlinePage() {
  const page = await (await caches.open(SHELL_CACHE)).match(OFFLINE_PAGE, { ignoreVary: true });
  if (!page) return Response.error();
  const cache = await caches.open(SAVED_CACHE);
  const saved = [];
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (!isEventPage(path)) continue;
    const response = await cache.match(request);
    const headers = response ? response.headers : new Headers();
    let title = "";
    try {
      title = decodeURIComponent(headers.get(SAVED_TITLE) || "");
    } catch {}
    saved.push({ path, title: title || path.slice("/events/".length), at: headers.get(SAVED_AT) || "" });
  }
  saved.sort((a, b) => (a.at < b.at ? 1 : -1));
  const list = saved.length
    ? '<ul class="offline-saved">' +
      saved
        .map(
          (s) =>
            '<li><a href="' +
            escapeHtml(s.path) +
            '">' +
            escapeHtml(s.title) +
            '</a><span class="offline-saved__when">Saved on ' +
            timeOf(s.at) +
            "</span></li>",
        )
        .join("") +
      "</ul>"
    : "<p>No events are saved on this device yet. Events you open while online are saved here, to read offline.</p>";
  const html = (await page.text()).replace(SAVED_EVENTS, list);
  const headers = new Headers(page.headers);
  headers.delete("content-encoding");
  headers.delete("content-length");
  return new Response(html, { status: 503, statusText: "Offline", headers });
}

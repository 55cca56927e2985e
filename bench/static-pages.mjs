// Static HTML pages with the same content as the app's event page and feed:
// the physical limit the app is measured against. Written into a copy of
// dist/ so the same server sends them, styled as the app is: `styles` are the
// stylesheet links and <style> elements of the app's own index.html.

const esc = (s) =>
  String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

function page(title, styles, body) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
${styles.join("\n")}
</head><body><main id="main">${body}</main></body></html>`;
}

export function staticEvent(event, styles) {
  const sources = new Map(event.sources.map((s) => [s.id, s.name]));
  const reports = event.reports
    .map((r) => `<li><p>${esc(r.claim)}</p><p>${esc(sources.get(r.source_id) ?? "Unknown source")} → Source tone: ${esc(r.tone)}</p></li>`)
    .join("");
  const body = `<article>
<p>${esc(event.category.emoji)} ${esc(event.category.label)}</p>
<h1>${esc(event.title ?? event.summary)}</h1>
<p>${esc(event.summary)}</p>
<p>${esc(event.location.label)}</p>
<p>${esc(event.confidence.level)} · Reported by ${event.confidence.independent_sources} independent sources</p>
<p>${event.sources.map((s) => esc(s.name)).join(", ")}</p>
<p>${esc(event.confidence.explanation)}</p>
<p><a href="/methodology">How we assess confidence →</a></p>
<h2>Entities</h2><ul>${event.entities.map((e) => `<li>${esc(e.name)}</li>`).join("")}</ul>
<h2>Source reports</h2><ul>${reports}</ul>
<h2>Extraction metadata</h2><p>${esc(event.extraction?.extracted_at)}</p>
</article>`;
  return page(event.title ?? event.summary, styles, body);
}

export function staticFeed(items, styles) {
  const cards = items
    .map(
      (e) => `<li><a href="/events/${esc(e.id)}"><p>${esc(e.category.emoji)} ${esc(e.category.label)}</p>
<h2>${esc(e.title ?? e.summary)}</h2><p>${esc(e.location.label)} · ${esc(e.occurred_on)}</p>
<p>${esc(e.confidence.level)} · ${e.confidence.independent_sources} independent sources</p></a></li>`,
    )
    .join("");
  return page("Eventdesk", styles, `<h1>Events</h1><ul>${cards}</ul>`);
}

// The app's stylesheet links and <style> elements, as written in its index.html.
export function appStyles(indexHtml) {
  return indexHtml.match(/<link\b[^>]*rel="?stylesheet"?[^>]*>|<style\b[^>]*>[\s\S]*?<\/style>/gi) ?? [];
}

"""Reads one Atom document from stdin with feedparser and prints what it
found as JSON, for tests/e2e/follow*.spec.ts: bozo (and why), the feed's
title and links, and each entry's id, title, link, updated and summary."""

import json
import sys

import feedparser

data = sys.stdin.buffer.read()
parsed = feedparser.parse(data)
feed = parsed.feed
print(
    json.dumps(
        {
            "version": parsed.get("version", ""),
            "bozo": bool(parsed.bozo),
            "bozo_exception": str(parsed.get("bozo_exception", "")),
            "title": feed.get("title", ""),
            "id": feed.get("id", ""),
            "updated": feed.get("updated", ""),
            "links": [
                {"rel": l.get("rel"), "href": l.get("href"), "type": l.get("type")}
                for l in feed.get("links", [])
            ],
            "entries": [
                {
                    "id": e.get("id", ""),
                    "title": e.get("title", ""),
                    "link": e.get("link", ""),
                    "updated": e.get("updated", ""),
                    "summary": e.get("summary", ""),
                    "summary_type": e.get("summary_detail", {}).get("type", ""),
                    "tags": [t.get("term") for t in e.get("tags", [])],
                }
                for e in parsed.entries
            ],
        }
    )
)

#!/usr/bin/env python3
"""Writes the hostile fixtures: events whose text and URLs attack the page.

The reference backend serves them when started with
`--fixtures server/fixtures-hostile`; the browser tests in
tests/e2e/hostile.spec.ts check that every page renders them readably, runs
no script and links to nothing but http(s). Run this after changing it:
    python3 server/fixtures-hostile/generate.py
"""
import json
import pathlib

HERE = pathlib.Path(__file__).parent
BASE = HERE.parent / "fixtures"

# Script and markup payloads of the OWASP XSS filter-evasion kinds.
XSS = [
    "<script>alert('xss-1')</script>",
    "\"><img src=x onerror=alert('xss-2')>",
    "<svg/onload=alert('xss-3')>",
    "<IMG SRC=\"jav&#x09;ascript:alert('xss-4');\">",
    "<iframe src=\"javascript:alert('xss-5')\"></iframe>",
    "'';!--\"<XSS>=&{()}",
    "<a href=\"javascript:alert('xss-6')\">click</a>",
    "{{constructor.constructor('alert(7)')()}}",
    "</title><script>alert('xss-8')</script><title>",
    "<style>body{display:none!important}</style>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('xss-9')>",
    "&lt;script&gt;alert('xss-10')&lt;/script&gt; &amp; &quot;quoted&quot;",
    "</script><script>alert('xss-11')</script>",
    "<body onload=alert('xss-12')>",
    "<details open ontoggle=alert('xss-13')>",
]
BAD_URLS = [
    "javascript:alert('url-1')",
    "JaVaScRiPt:alert('url-2')",
    " javascript:alert('url-3')",
    "java\tscript:alert('url-4')",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox('url-5')",
    "http://",
    "https://exa mple.com/",
    "//evil.example/path",
    "/relative/path",
    "ftp://files.example.org/",
    "https:///no-host",
    "not a url at all",
]
LONG_WORD = "Supercalifragilistic" * 500  # 10,000 characters, no break
RTL = "\u0645\u0624\u062a\u0645\u0631 \u0641\u064a \u0628\u0627\u0631\u064a\u0633 \u05e9\u05dc\u05d5\u05dd \u202eevil.exe\u202c mixed English"
ZW = "zero\u200bwidth\u200cjoin\u200ders\u2060and\ufeffBOM"
COMBINING = "Z\u0364\u0351\u0313\u0324\u0354algo t\u0336e\u0336x\u0336t e\u0301\u0301\u0301"
# Fields the contract calls plain strings but that readers expect short
# (labels, names, codes, enum values, an emoji) at 200 characters.
SHORT_MAX = 200
LONG_EMOJI = "\U0001f91d" * SHORT_MAX  # 200 handshakes: not an icon


def long(tag, spaced=False):
    """`tag` (letters only, so a humanised enum keeps it one word) run on to
    200 characters: one unbroken word, or words with spaces."""
    unit = " and more words" if spaced else "Longer"
    text = tag
    while len(text) < SHORT_MAX:
        text += unit
    return text[:SHORT_MAX]


EMOJI = "\U0001f469\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466 \U0001f3f3\ufe0f\u200d\U0001f308 \U0001f1fa\U0001f1e6 \U0001f9d1\U0001f3fd\u200d\U0001f692"


def xss(i):
    return XSS[i % len(XSS)]


def bad_url(i):
    return BAD_URLS[i % len(BAD_URLS)]


def write(name, doc):
    (HERE / "events" / f"{name}.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")


def markup_event():
    sources = [
        {"id": f"s{i}", "name": xss(i), "url": bad_url(i), "homepage": bad_url(i + 5),
         "country_code": xss(i + 1), "kind": xss(i + 2), "trusted": i % 2 == 0, "independent": True,
         "published_at": xss(i + 3)}
        for i in range(4)
    ]
    return {
        "id": "hostile-markup",
        "category": {"id": xss(0), "label": xss(1), "emoji": xss(2), "description": xss(3)},
        "title": xss(8),
        "summary": " ".join(XSS),
        "occurred_on": xss(4),
        "location": {"label": xss(5), "places": [
            {"name": xss(i), "country_code": xss(i + 1), "role": xss(i + 2), "precision": xss(i + 3),
             "point": {"lat": 10.0 * i, "lon": 20.0 * i}, "bbox": None} for i in range(3)]},
        "confidence": {"level": xss(6), "independent_sources": 4, "explanation": xss(7),
                       "next_level": {"level": xss(9), "needs": xss(10)}, "assessed_at": xss(11)},
        "source_names": [s["name"] for s in sources],
        "entity_count": 3,
        "updated_at": "2026-11-01T10:00:00Z",
        "sources": sources,
        "reports": [
            {"id": f"r{i}", "source_id": f"s{i % 4}", "claim": xss(i), "tone": xss(i + 4),
             "url": bad_url(i), "quote": xss(i + 7)} for i in range(len(XSS))],
        "entities": [
            {"id": f"hostile-entity-{i}", "name": xss(i), "kind": xss(i + 1), "description": xss(i + 2),
             "wikidata_id": xss(i + 3)} for i in range(3)],
        "history": [{"at": "2026-11-01T10:00:00Z", "kind": xss(i), "summary": xss(i + 1)} for i in range(3)],
        "extraction": {"extracted_at": xss(12), "method": xss(13),
                       "source_story": {"slug": xss(14), "title": xss(0), "url": bad_url(4)}},
        "related_ids": [xss(1), "../../etc/passwd", "hostile-missing-event"],
    }


def scripts_event():
    texts = [RTL, ZW, COMBINING, EMOJI, LONG_WORD]
    sources = [{"id": f"s{i}", "name": t, "homepage": "https://example.org/" + "a" * 3000, "independent": True}
               for i, t in enumerate(texts)]
    return {
        "id": "hostile-scripts",
        "category": {"id": "diplomatic", "label": "Diplomatic", "emoji": "\U0001f91d"},
        "title": LONG_WORD,
        "summary": " ".join(texts),
        "occurred_on": "2025-10-01",
        "location": {"label": RTL + " " + LONG_WORD, "places": [
            {"name": RTL, "country_code": "FR", "role": "occurred_in", "precision": "city",
             "point": {"lat": 48.8566, "lon": 2.3522}}]},
        "confidence": {"level": "likely", "independent_sources": 5, "explanation": COMBINING + " " + LONG_WORD,
                       "next_level": {"level": "verified", "needs": EMOJI}},
        "source_names": texts,
        "sources": sources,
        "reports": [{"id": f"r{i}", "source_id": f"s{i}", "claim": t, "tone": "certain", "quote": t}
                    for i, t in enumerate(texts)],
        "entities": [{"id": f"script-entity-{i}", "name": t, "kind": "person"} for i, t in enumerate(texts)],
        "history": [{"at": "2025-10-01T09:00:00+02:00", "kind": "created", "summary": ZW}],
        "extraction": {"extracted_at": "2025-10-01T09:00:00+02:00",
                       "source_story": {"slug": LONG_WORD, "title": RTL, "url": None}},
    }


def sparse_event():
    # Only the required fields; every list empty, every optional absent or null.
    return {
        "id": "hostile-sparse",
        "category": {"id": "cyber", "label": "Cyber"},
        "title": None,
        "summary": "An event with nothing but its required fields.",
        "occurred_on": None,
        "location": {"label": "", "places": []},
        "confidence": {"level": "unconfirmed", "independent_sources": 0, "explanation": None,
                       "next_level": None, "assessed_at": None},
        "source_names": [],
        "sources": [],
        "reports": [],
        "entities": [],
        "history": None,
        "extraction": None,
    }


def unknown_enums_event():
    return {
        "id": "hostile-unknown-enums",
        "category": {"id": "space_weather", "label": "", "emoji": None},
        "summary": "Every open enum holds a value this client has never seen.",
        "occurred_on": "2025-10-02",
        "location": {"label": "Somewhere new", "places": [
            {"name": "A passing place", "role": "passed_through", "precision": "street",
             "point": {"lat": 1.0, "lon": 1.0}}]},
        "confidence": {"level": "partly_confirmed", "independent_sources": 2,
                       "next_level": {"level": "beyond_doubt", "needs": "A court ruling"}},
        "source_names": ["Pod One", "Feed Two"],
        "sources": [{"id": "p1", "name": "Pod One", "kind": "podcast"},
                    {"id": "p2", "name": "Feed Two", "kind": "newsletter"}],
        "reports": [{"id": "r1", "source_id": "p1", "claim": "Said with a new tone.", "tone": "sarcastic"},
                    {"id": "r2", "source_id": "p2", "claim": "Said with an empty tone.", "tone": ""}],
        "entities": [{"id": "unknown-kind-entity", "name": "MV Example", "kind": "ship"}],
        "history": [{"at": "2025-10-02T10:00:00Z", "kind": "merged", "summary": "Merged with a duplicate."}],
        "extraction": {"extracted_at": "not a time", "method": "oracle"},
    }


def dangling_event():
    return {
        "id": "hostile-dangling",
        "category": {"id": "military", "label": "Military", "emoji": "\u2694\ufe0f"},
        "summary": "Reports point at missing sources, ids repeat, coordinates are out of range.",
        "occurred_on": "2025-10-03",
        "location": {"label": "Nowhere real", "places": [
            {"name": "Beyond the pole", "role": "occurred_in", "precision": "point", "point": {"lat": 91.0, "lon": 200.0}},
            {"name": "Broken box", "role": "about", "precision": "region", "point": None, "bbox": [1, 2, 3]},
            {"name": "Inverted box", "role": "about", "precision": "country", "bbox": [10, 60, 20, -60]},
            {"name": "No coordinates", "role": "occurred_in", "precision": "city"}]},
        "confidence": {"level": "disputed", "independent_sources": 2},
        "source_names": ["Same Id A", "Same Id B"],
        "sources": [{"id": "dup", "name": "Same Id A", "homepage": "https://a.example/"},
                    {"id": "dup", "name": "Same Id B", "homepage": "https://b.example/"}],
        "reports": [{"id": "r1", "source_id": "ghost", "claim": "A claim from a source that is not listed.", "tone": "certain"},
                    {"id": "r1", "source_id": "dup", "claim": "A second report with the same id.", "tone": "doubtful"},
                    {"id": "r1", "source_id": "", "claim": "A report with an empty source id.", "tone": "possible"}],
        "entities": [{"id": "volodymyr-zelensky", "name": "Volodymyr Zelensky", "kind": "person"},
                     {"id": "volodymyr-zelensky", "name": "Volodymyr Zelensky", "kind": "person"}],
        "related_ids": ["hostile-dangling", "hostile-dangling"],
    }


def huge_event():
    sources = [{"id": f"s{i}", "name": f"Outlet number {i}", "homepage": f"https://outlet{i}.example/",
                "independent": i % 7 != 0, "trusted": i % 3 == 0} for i in range(60)]
    tones = ["certain", "likely", "possible", "doubtful"]
    return {
        "id": "hostile-huge",
        "category": {"id": "humanitarian", "label": "Humanitarian", "emoji": "\U0001f198"},
        "title": "An event with 500 reports and 200 entities",
        "summary": "Sixty outlets, five hundred reports and two hundred entities on one page.",
        "occurred_on": "2025-10-04",
        "location": {"label": "Many places", "places": [
            {"name": f"Place {i}", "role": ["occurred_in", "about"][i % 2], "precision": "city",
             "point": {"lat": -60 + i * 2.5, "lon": -170 + i * 7}} for i in range(50)]},
        "confidence": {"level": "verified", "independent_sources": sum(1 for s in sources if s["independent"])},
        "source_names": [s["name"] for s in sources],
        "sources": sources,
        "reports": [{"id": f"r{i}", "source_id": f"s{i % 60}", "claim": f"Claim number {i} of five hundred.",
                     "tone": tones[i % 4]} for i in range(500)],
        "entities": [{"id": f"huge-entity-{i}", "name": f"Entity number {i}",
                      "kind": ["person", "organization", "place", "group", "other"][i % 5]} for i in range(200)],
    }


def long_fields_event(spaced):
    """Every short field of an event at 200 characters: one unbroken word
    each, or (`spaced`) words with spaces."""
    def v(tag):
        return long(tag, spaced)

    suffix = "phrases" if spaced else "words"
    sources = [{"id": f"s{i}", "name": v(f"Sourcename{i}"), "homepage": "https://example.org/",
                "country_code": v(f"Sourcecountry{i}"), "kind": v(f"Sourcekind{i}"), "trusted": i == 0,
                "independent": i != 2, "published_at": "2025-10-05T08:00:00Z"} for i in range(3)]
    # The two long categories of categories.json (see main).
    category = ({"id": v("Categoryid"), "label": "", "emoji": v("Categoryemoji")} if spaced else
                {"id": "long-emoji", "label": v("Categorylabel"), "emoji": LONG_EMOJI,
                 "description": long("Categorydescription", True)})
    return {
        "id": f"hostile-long-{suffix}",
        "category": category,
        "title": f"Every short field holds 200 characters ({suffix})",
        "summary": f"Labels, names, codes and enum values of 200 characters each ({suffix}).",
        "occurred_on": "2025-10-05",
        "location": {"label": v("Locationlabel"), "places": [
            {"name": v(f"Placename{i}"), "country_code": v(f"Placecountry{i}"), "role": v(f"Placerole{i}"),
             "precision": v(f"Placeprecision{i}"), "point": {"lat": 50.45 + i, "lon": 30.52 + i}} for i in range(2)]},
        "confidence": {"level": v("Confidencelevel"), "independent_sources": 2,
                       "explanation": "Two sources agree; the level has a name this page does not know.",
                       "next_level": {"level": v("Nextlevel"), "needs": v("Nextneeds")},
                       "assessed_at": "2025-10-05T09:00:00Z"},
        "source_names": [s["name"] for s in sources],
        "entity_count": 3,
        "updated_at": "2025-10-05T09:00:00Z",
        "sources": sources,
        "reports": [{"id": f"r{i}", "source_id": f"s{i}", "claim": f"Claim {i} with a tone of 200 characters.",
                     "tone": v(f"Tone{i}"), "url": "https://example.org/report"} for i in range(3)],
        "entities": [{"id": f"long-{suffix}-entity-{i}", "name": v(f"Entityname{i}"), "kind": v(f"Entitykind{i}"),
                      "description": v(f"Entitydescription{i}")} for i in range(2)]
                    + [{"id": f"long-{suffix}-person", "name": v("Personname"), "kind": "person"}],
        "history": [{"at": "2025-10-05T09:00:00Z", "kind": v("Historykind"), "summary": "A change of a kind this page does not know."}],
        "extraction": {"extracted_at": "2025-10-05T09:00:00Z", "method": v("Extractionmethod"),
                       "source_story": {"slug": v("Storyslug"), "title": v("Storytitle"), "url": "https://example.org/story"}},
    }


def main():
    for old in (HERE / "events").glob("*.json"):
        old.unlink()
    for make in (markup_event, scripts_event, sparse_event, unknown_enums_event, dangling_event, huge_event,
                 lambda: long_fields_event(False), lambda: long_fields_event(True)):
        doc = make()
        write(doc["id"], doc)
    # Paris stays, so the hostile server also serves one ordinary event.
    paris = json.loads((BASE / "events" / "paris-coalition-security-guarantees-2025-09-04.json").read_text())
    write(paris["id"], paris)
    categories = json.loads((BASE / "categories.json").read_text())
    categories.append({"id": "hostile", "label": xss(0), "emoji": xss(1), "description": xss(2)})
    categories.append({"id": "nameless", "label": ""})
    categories.append({"id": "long-emoji", "label": long("Categorylabel"), "emoji": LONG_EMOJI,
                       "description": long("Categorydescription", True)})
    categories.append({"id": long("Categoryid", True), "label": "", "emoji": long("Categoryemoji", True)})
    (HERE / "categories.json").write_text(json.dumps(categories, ensure_ascii=False, indent=1) + "\n")
    methodology = json.loads((BASE / "methodology.json").read_text())
    methodology["summary"] = xss(8) + " " + methodology["summary"]
    methodology["levels"].append({"level": "partly_confirmed", "label": xss(1), "description": xss(2),
                                  "criteria": [xss(3), LONG_WORD]})
    methodology["tones"].append({"tone": "sarcastic", "label": xss(4), "description": xss(5), "examples": [xss(6)]})
    methodology["levels"].append({"level": long("Methodlevel"), "label": long("Methodlevellabel"),
                                  "description": long("Methodleveldescription", True), "criteria": [long("Criterion")]})
    methodology["levels"].append({"level": long("Methodlevelspaced", True), "label": "",
                                  "description": "A level whose label is blank and whose value is long."})
    methodology["tones"].append({"tone": long("Methodtone"), "label": long("Methodtonelabel"),
                                 "description": long("Methodtonedescription", True), "examples": [long("Example")]})
    methodology["tones"].append({"tone": long("Methodtonespaced", True), "label": "", "description": ""})
    (HERE / "methodology.json").write_text(json.dumps(methodology, ensure_ascii=False, indent=1) + "\n")
    entities = [{"id": "hostile-entity-0", "name": xss(0), "kind": xss(1), "description": xss(2),
                 "wikidata_id": "javascript:alert(1)"},
                {"id": "long-words-entity-0", "name": long("Entityname0"), "kind": long("Entitykind0"),
                 "description": long("Entitydescription0", True), "wikidata_id": "Q" + "1" * 12}]
    (HERE / "entities.json").write_text(json.dumps(entities, ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main()

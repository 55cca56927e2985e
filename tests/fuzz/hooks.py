"""Schemathesis hooks for scripts/fuzz-api.sh (loaded by schemathesis.toml).

1. GET /events has two rules its schema cannot say, and the contract answers
both with its declared 400: `cursor` must be a value this server gave out
(a page's `next_cursor`), and `from` may not be after `to`. A schema-valid
(positive) case is made to honour them, so that the fuzzer's "valid data is
accepted" check tests everything else; schema-violating (negative) cases are
left as generated.

2. POST /events/{event_id}/submissions checks more than its schema says: the
`url` must be an http(s) URL with a host and `email` must look like an email
address, or the answer is the contract's declared 422. A schema-valid body
gets a real URL (unique per generated value) and, for an email that is not
one, none; its other fields stay as generated, and it must then be accepted.

3. A query string carries only text, so a parameter whose schema admits any
string (`category`, `confidence`, `entity`) cannot be sent invalid: the
integer or list that Schemathesis generates as its "schema-violating" value
reaches the server as a valid string. Such a "Schema-violating request
accepted" report is dropped; every other one stands.
"""

import hashlib
import os
import re

import schemathesis
from schemathesis import GenerationMode


def _positive(case) -> bool:
    meta = case.meta
    return meta is not None and meta.generation.mode == GenerationMode.POSITIVE


def _looks_like_email(value) -> bool:
    # As the model's `looks_like_email`.
    if not isinstance(value, str):
        return False
    value = value.strip()
    local, at, domain = value.partition("@")
    labels = domain.split(".")
    return (
        bool(at and local)
        and "@" not in domain
        and not any(c.isspace() or not c.isprintable() for c in value)
        and len(labels) >= 2
        and all(labels)
    )


def _submission(case):
    body = case.body
    if isinstance(body, dict) and isinstance(body.get("url"), str):
        digest = hashlib.sha256(body["url"].encode("utf-8", "surrogatepass")).hexdigest()
        body["url"] = f"https://fuzz.example/{digest}"
        email = body.get("email")
        if isinstance(email, str) and email.strip() and not _looks_like_email(email):
            body["email"] = None
    return case


@schemathesis.hook
def map_case(context, case):
    if not _positive(case):
        return case
    if case.operation.label == "POST /events/{event_id}/submissions":
        return _submission(case)
    if case.operation.label != "GET /events" or not case.query:
        return case
    query = case.query
    if "cursor" in query:
        query["cursor"] = os.environ["FUZZ_CURSOR"]
    start, end = query.get("from"), query.get("to")
    if isinstance(start, str) and isinstance(end, str) and start > end:
        query["from"], query["to"] = end, start
    return case


# Parameters of GET /events that admit any string (an open enum, or plain text).
ANY_STRING = ("category", "confidence", "entity")
# "parameter `to` in query", or "parameters `category`, `confidence` in query".
_INVALID_QUERY = re.compile(r"Invalid component: parameters? ((?:`[^`]+`(?:, )?)+) in query")


@schemathesis.hook
def filter_failure(context, failure, case, response):
    if case.operation.label != "GET /events" or getattr(failure, "code", None) != "ST201":
        return True
    named = [
        name
        for names in _INVALID_QUERY.findall(failure.message or "")
        for name in re.findall(r"`([^`]+)`", names)
    ]
    return not (named and all(name in ANY_STRING for name in named))

"""Property: whatever signed body LINE (or something pretending to be LINE) sends, the webhook never
answers 5xx, a 4xx stores nothing, and a linked person's message is still answered afterwards.

2,000 bodies are drawn from the JSON schema of LINE's webhook events (``bot/dev/fakeline/spec/webhook.yml``,
LINE's OpenAPI file, its ``$ref``s and discriminators resolved into a plain JSON schema here), valid
ones and mutated ones (a required field dropped, an unknown ``type``/enum value, a value of the wrong
type, an unknown field, an event that is not an object; and envelopes that are not an object, not
JSON or whose ``events`` is not a list; or a wrong signature). They are posted in 20 batches of 100 to
one running service; after each batch a control message from a linked demo person must be answered.

hypothesis-jsonschema draws the scalar leaves (patterns, bounds, enums, consts); objects, arrays and
unions are built from the same schema with Hypothesis' own strategies: with Hypothesis 6.170 the
library's object strategy fails (``AttributeError: 'many' object has no attribute 'more'``), and
re-canonicalising nested schemas on every draw made it ~150 ms per event anyway.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import sqlalchemy as sa
import yaml
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from sqlmodel import Session, select

from bot.signature import sign
from store.models import InboxEvent
from tests.webhook_service import SECRET, SOMSRI, Service

SPEC = Path(__file__).resolve().parent.parent / "bot" / "dev" / "fakeline" / "spec" / "webhook.yml"
BATCHES, BATCH_SIZE = 20, 100
CONTROL_WITHIN = 20.0  # seconds for the control message after a batch
Json = Any
Schema = dict[str, Any]

# --- the webhook schema, as plain JSON schema ------------------------------------------------------

_REF = "#/components/schemas/"
_DROP = {"description", "externalDocs", "example", "format", "discriminator", "nullable", "$ref", "allOf"}
_INT_RANGE = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}


def _merge(into: Schema, part: Schema) -> None:
    for key, value in part.items():
        if key == "properties":
            into.setdefault("properties", {}).update(value)
        elif key == "required":
            into["required"] = list(dict.fromkeys([*into.get("required", []), *value]))
        else:
            into[key] = value


def resolve(schemas: dict[str, Schema], node: Schema, *, as_parent: bool = False) -> Schema:
    """Inline ``$ref``s and ``allOf``; a discriminated base becomes an ``anyOf`` of its variants, each
    with its tag pinned by ``const`` (as a parent in a variant's ``allOf`` it is just its own fields)."""
    ref = node.get("$ref")
    if isinstance(ref, str):
        target = schemas[ref.removeprefix(_REF)]
        discriminator = target.get("discriminator")
        if discriminator and not as_parent:
            branches = []
            for tag, branch_ref in discriminator["mapping"].items():
                branch = resolve(schemas, {"$ref": branch_ref})
                branch.setdefault("properties", {})[discriminator["propertyName"]] = {"const": tag}
                branches.append(branch)
            return {"anyOf": branches}
        return resolve(schemas, target)
    out: Schema = {}
    for parent in node.get("allOf", []):
        _merge(out, resolve(schemas, parent, as_parent=True))
    own = {k: v for k, v in node.items() if k not in _DROP}
    if "properties" in own:
        own["properties"] = {k: resolve(schemas, v) for k, v in own["properties"].items()}
    for key in ("items", "additionalProperties"):
        if isinstance(own.get(key), dict):
            own[key] = resolve(schemas, own[key])
    if node.get("format") in _INT_RANGE:
        own["minimum"], own["maximum"] = _INT_RANGE[node["format"]]
    if node.get("nullable") and "type" in own:
        own["type"] = [own["type"], "null"]
    _merge(out, own)
    return out


@cache
def callback_schema() -> Schema:
    """The request body LINE posts (``CallbackRequest``), every reference resolved."""
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return resolve(spec["components"]["schemas"], {"$ref": _REF + "CallbackRequest"})


def strategy(node: Schema) -> st.SearchStrategy[Json]:
    """Objects, arrays and unions by Hypothesis; scalar leaves by hypothesis-jsonschema. Sizes are kept
    small (≤ 3 array items, ≤ 40 characters of free text) so that 2,000 bodies post in seconds."""
    if "anyOf" in node:
        return st.one_of([strategy(branch) for branch in node["anyOf"]])
    kind = node.get("type")
    if kind == "object" or "properties" in node:
        properties: dict[str, Schema] = node.get("properties", {})
        required = set(node.get("required", []))
        base = st.fixed_dictionaries(
            {k: strategy(v) for k, v in properties.items() if k in required},
            optional={k: strategy(v) for k, v in properties.items() if k not in required},
        )
        extra = node.get("additionalProperties")
        if isinstance(extra, dict):
            more = st.dictionaries(st.text(max_size=12), strategy(extra), max_size=3)
            return st.tuples(base, more).map(lambda pair: {**pair[1], **pair[0]})
        return base
    if kind == "array":
        return st.lists(strategy(node.get("items", {})), max_size=min(node.get("maxItems", 3), 3))
    leaf = dict(node)
    if leaf.get("type") == "string" and not {"enum", "const", "pattern", "maxLength"} & leaf.keys():
        leaf["maxLength"] = 40
    return from_schema(leaf)


# --- mutations -------------------------------------------------------------------------------------

JSON_VALUES: st.SearchStrategy[Json] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)
UNKNOWN_TAGS = st.sampled_from(["greatNewFeature", "messageEdited", "things", "__unknown__", "hoge", "", "MESSAGE"])
# Where a tag or enum value sits in an event (those present in a drawn event get an unknown value).
TAGGED: list[tuple[Any, ...]] = [
    *[("type",), ("mode",), ("message", "type"), ("source", "type"), ("message", "contentProvider", "type")],
    *[("beacon", "type"), ("membership", "type"), ("module", "type"), ("message", "stickerResourceType")],
    *[("message", "mention", "mentionees", 0, "type"), ("joined", "members", 0, "type")],
]


def key_paths(value: Json, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to an object member or array item inside ``value``."""
    paths: list[tuple[Any, ...]] = []
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
    for key, child in items:
        paths.append((*prefix, key))
        paths.extend(key_paths(child, (*prefix, key)))
    return paths


def at(root: Json, path: tuple[Any, ...]) -> Any:
    for key in path:
        root = root[key]
    return root


def parent_of(root: Json, path: tuple[Any, ...]) -> Any:
    return at(root, path[:-1])


def present(root: Json, path: tuple[Any, ...]) -> bool:
    for key in path:
        in_object = isinstance(root, dict) and isinstance(key, str) and key in root
        in_array = isinstance(root, list) and isinstance(key, int) and key < len(root)
        if not (in_object or in_array):
            return False
        root = root[key]
    return True


@dataclass
class Case:
    kind: str
    body: bytes
    signed: bool = True
    notes: list[str] = field(default_factory=list)

    def acceptable(self) -> bool:
        """LINE's contract as we keep it: a signed JSON object with an ``events`` list is acknowledged."""
        if not self.signed:
            return False
        try:
            payload = json.loads(self.body.decode("utf-8"))
        except ValueError:
            return False
        return isinstance(payload, dict) and isinstance(payload.get("events"), list)


EVENT_MUTATIONS = ("drop", "unknown tag", "wrong type", "extra field", "not an object")
ENVELOPE_MUTATIONS = ("events not a list", "no events", "not an object body", "not JSON", "bad signature")
# Hypothesis favours the first entries of sampled_from: mutations first, so valid bodies are not most of the run.
KINDS = EVENT_MUTATIONS * 2 + ENVELOPE_MUTATIONS + ("valid",) * 5


@st.composite
def cases(draw: st.DrawFn) -> Case:
    body: dict[str, Json] = draw(bodies())
    kind: str = draw(st.sampled_from(KINDS))
    case = Case(kind, b"")
    events: list[Json] = body["events"]
    if kind in EVENT_MUTATIONS and not events:
        events.append(draw(event_strategy()))
    index = draw(st.integers(0, max(0, len(events) - 1)))
    if kind == "drop":
        path = draw(st.sampled_from(key_paths(events[index]) or [("type",)]))
        del parent_of(events[index], path)[path[-1]]
        case.notes.append(f"dropped {path}")
    elif kind == "unknown tag":
        targets = [p for p in TAGGED if present(events[index], p)]
        path = draw(st.sampled_from(targets))
        parent_of(events[index], path)[path[-1]] = draw(UNKNOWN_TAGS | st.text(max_size=12))
        case.notes.append(f"unknown {path}")
    elif kind == "wrong type":
        path = draw(st.sampled_from(key_paths(events[index])))
        kind_before = type(at(events[index], path))
        parent_of(events[index], path)[path[-1]] = draw(JSON_VALUES.filter(lambda v: type(v) is not kind_before))
        case.notes.append(f"retyped {path}")
    elif kind == "extra field":
        holders = [(), *(p for p in key_paths(events[index]) if isinstance(at(events[index], p), dict))]
        holder = draw(st.sampled_from(holders))
        at(events[index], holder)[draw(st.text(max_size=12))] = draw(JSON_VALUES)
        case.notes.append(f"extra field in {holder}")
    elif kind == "not an object":
        events[index] = draw(JSON_VALUES.filter(lambda v: not isinstance(v, dict)))
        case.notes.append(f"event {index} is {type(events[index]).__name__}")
    elif kind == "events not a list":
        body["events"] = draw(JSON_VALUES.filter(lambda v: not isinstance(v, list)))
    elif kind == "no events":
        del body["events"]
    payload: Json = body
    if kind == "not an object body":
        payload = draw(st.one_of(st.just(events), JSON_VALUES.filter(lambda v: not isinstance(v, dict))))
    case.body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    if kind == "not JSON":
        cut = draw(st.integers(1, len(case.body) - 1))
        case.body = draw(st.sampled_from([case.body[:cut], b"\xff" + case.body, case.body.replace(b"{", b"[", 1)]))
    case.signed = kind != "bad signature"
    return case


@cache
def bodies() -> st.SearchStrategy[dict[str, Json]]:
    return strategy(callback_schema())


@cache
def event_strategy() -> st.SearchStrategy[Json]:
    return strategy(callback_schema()["properties"]["events"]["items"])


# --- the tests ---------------------------------------------------------------------------------------


def test_generated_valid_bodies_follow_lines_schema() -> None:
    """The generator itself: what it calls valid is valid by LINE's schema."""
    validator = jsonschema.Draft7Validator(callback_schema())
    seen: set[str] = set()

    @settings(max_examples=300, derandomize=True, deadline=None, database=None, phases=[Phase.generate])
    @given(bodies())
    def check(body: dict[str, Json]) -> None:
        validator.validate(body)
        seen.update(str(e.get("type")) for e in body["events"])

    check()
    assert len(seen) >= 15, seen  # most of the 19 event types were drawn


# Explicit cases, tried first: JSON allows "\u0000" anywhere (PostgreSQL text does not), and an
# ``events`` list may hold a non-object next to a real event, which must not be lost with it.
NUL_EVENT = {
    "type": "message",
    "mode": "active",
    "timestamp": 1462629479859,
    "source": {"type": "user", "userId": "U\u0000" + "0" * 31},
    "webhookEventId": "01H\u0000" + "0" * 22,
    "deliveryContext": {"isRedelivery": False},
    "replyToken": "\u0000",
    "message": {"id": "1\u00002", "type": "text", "quoteToken": "q", "text": "ตช.1\u0000ร้อยละ 90"},
}
SOMSRI_EVENT = {**NUL_EVENT, "source": {"type": "user", "userId": SOMSRI}, "webhookEventId": "01J" + "1" * 23}
SOMSRI_EVENT["message"] = {"id": "3", "type": "text", "quoteToken": "q", "text": "ตช.1 ถึงไหนแล้ว"}


def count_inbox(service: Service) -> int:
    with Session(service.engine) as s:
        return int(s.exec(select(sa.func.count()).select_from(InboxEvent)).one())


def test_any_signed_body_is_answered_below_500_and_the_bot_keeps_answering(service: Service) -> None:
    # No keep-alive: after a 500 the server drops the connection, which must not fail the next case.
    client = httpx.Client(base_url=service.base, timeout=10, limits=httpx.Limits(max_keepalive_connections=0))
    posted: list[str] = []
    latencies: list[float] = []
    started = time.monotonic()

    def control() -> None:
        before = len(service.fake.sent_to(SOMSRI))
        assert service.post([service.event(SOMSRI, "ตช.1 ถึงไหนแล้ว")]).status_code == 200
        asked = time.monotonic()
        while len(service.fake.sent_to(SOMSRI)) == before:
            assert time.monotonic() - asked < CONTROL_WITHIN, (
                f"after {len(posted)} bodies the control message was not answered within {CONTROL_WITHIN} s"
            )
            time.sleep(0.05)
        latencies.append(time.monotonic() - asked)

    @settings(
        max_examples=BATCHES * BATCH_SIZE,
        derandomize=True,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    )
    @given(cases())
    @example(Case("NUL in ids and text", json.dumps({"destination": "U" + "0" * 32, "events": [NUL_EVENT]}).encode()))
    @example(Case("an event that is not an object", json.dumps({"events": [1, SOMSRI_EVENT]}).encode()))
    def post(case: Case) -> None:
        secret = SECRET if case.signed else "not-the-channel-secret"
        headers = {"X-Line-Signature": sign(secret, case.body), "Content-Type": "application/json"}
        before = count_inbox(service)
        label = f"{case.kind} {case.notes}: {case.body.decode('utf-8', 'replace')[:300]!r}"
        try:
            response = client.post("/webhook", content=case.body, headers=headers)
        except httpx.TransportError as exc:
            raise AssertionError(f"no HTTP answer ({type(exc).__name__}: the service failed) for {label}") from None
        posted.append(f"{case.kind} → {response.status_code}")
        assert response.status_code < 500, f"{response.status_code} for {label}"
        if case.acceptable():
            assert response.status_code == 200, f"{response.status_code} {response.text[:200]} for {label}"
        else:
            assert 400 <= response.status_code < 500, f"{response.status_code} for {label}"
        if response.status_code >= 400:
            assert count_inbox(service) == before, f"a {response.status_code} stored events: {label}"
        if len(posted) % BATCH_SIZE == 0:
            control()

    try:
        post()
    finally:
        client.close()
    assert len(posted) >= BATCHES * BATCH_SIZE
    print(  # shown with -s: how long the property took, the slowest control answer, what was posted
        f"{len(posted)} bodies in {time.monotonic() - started:.1f} s; control answered in ≤ {max(latencies):.2f} s;",
        dict(sorted(Counter(posted).items())),
    )

"""Request validation against LINE's own OpenAPI spec, so the fake rejects what LINE would reject.

openapi-core (like openapi-schema-validator) ignores ``discriminator``: the spec models every union
(``Message``, ``SubstitutionObject``, ``MentionTarget``, ``Action``, ``FlexComponent``, …) as a base
schema that each variant extends with ``allOf``, so a validator that does not dispatch on the tag only
ever checks the base and lets ``{"type": "bogus"}`` or a mention without ``userId`` through. We
therefore rewrite each discriminated base into an explicit ``oneOf`` whose branches pin the tag with
an ``enum`` before handing the spec to openapi-core.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

import yaml
from jsonschema.exceptions import ValidationError as SchemaError
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_core.validation.request.exceptions import (
    InvalidParameter,
    InvalidRequestBody,
    MissingRequiredParameter,
    RequestBodyValidationError,
)
from werkzeug.datastructures import Headers, ImmutableMultiDict

from bot.dev.fakeline.errors import LineError

SPEC_RESOURCE = files("bot.dev.fakeline") / "spec" / "messaging-api.yml"
API_HOST = "https://api.line.me"
DATA_HOST = "https://api-data.line.me"
_REF = "#/components/schemas/"


def split_discriminators(spec: dict[str, Any]) -> dict[str, Any]:
    """Make every ``discriminator`` enforceable by a plain JSON-Schema validator.

    Base ``B`` moves to ``B__base``; only the variants' inheritance links (their top-level ``allOf``
    entry) are re-pointed to it, so nested unions inside a variant (a box's ``contents``) keep being
    checked through ``B``. ``B`` becomes "the base, and exactly one variant whose tag matches".
    """
    spec = copy.deepcopy(spec)
    schemas: dict[str, Any] = spec["components"]["schemas"]
    bases = [name for name, schema in schemas.items() if isinstance(schema, dict) and "discriminator" in schema]
    for name in bases:
        base = schemas[name]
        disc = base.pop("discriminator")
        tag = disc["propertyName"]
        schemas[name + "__base"] = base
        branches = []
        for value, ref in disc.get("mapping", {}).items():
            variant = schemas[ref.removeprefix(_REF)]
            for parent in variant.get("allOf", []):
                if parent.get("$ref") == _REF + name:
                    parent["$ref"] = _REF + name + "__base"
            pin = {"properties": {tag: {"enum": [value]}}, "required": [tag]}
            branches.append({"allOf": [pin, {"$ref": ref}]})
        schemas[name] = {"allOf": [{"$ref": _REF + name + "__base"}], "oneOf": branches}
    return spec


@cache
def messaging_api() -> OpenAPI:
    """Parsing and indexing the 180 KB spec takes most of a second: do it once per process."""
    raw = yaml.safe_load(SPEC_RESOURCE.read_text(encoding="utf-8"))
    return OpenAPI.from_dict(split_discriminators(raw))


@dataclass
class SpecRequest:
    """The minimal openapi-core request protocol; the host is LINE's so the spec's servers match."""

    method: str
    path: str
    body: bytes
    headers: Mapping[str, str]
    content_type: str = "application/json"
    host_url: str = API_HOST
    parameters: RequestParameters = field(init=False)

    def __post_init__(self) -> None:
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(), header=Headers(dict(self.headers)), cookie=ImmutableMultiDict()
        )


def validate_request(
    method: str, path: str, body: bytes, headers: Mapping[str, str], content_type: str, *, host_url: str = API_HOST
) -> Any:
    """The parsed JSON body (None when there is no body, the bytes of a binary one such as an image), or
    a ``LineError`` shaped like LINE's 400 answer. ``host_url`` is api-data.line.me for blob endpoints,
    which the spec declares on that server only."""
    media = content_type.split(";")[0].strip().lower()
    parsed: Any = None
    if media not in ("", "application/json"):
        parsed = body
    elif body:
        try:
            parsed = json.loads(body)
        except ValueError:
            raise LineError(400, "The request body could not be parsed as JSON") from None
    request = SpecRequest(method.lower(), path, body, headers, media, host_url)
    try:
        messaging_api().validate_request(request)
    except InvalidRequestBody as exc:
        schema_errors = getattr(exc.__cause__, "schema_errors", ())
        details = error_details(schema_errors)
        raise LineError(400, f"The request body has {len(details)} error(s)", details) from None
    except RequestBodyValidationError as exc:
        raise LineError(400, str(exc)) from None
    except (InvalidParameter, MissingRequiredParameter) as exc:
        raise LineError(400, f"The value for the '{exc.name}' {exc.location} is invalid") from None
    return parsed


def error_details(errors: Sequence[SchemaError]) -> list[dict[str, str]]:
    """LINE-style ``details``: one entry per offending property, deduplicated, in document order."""
    seen: dict[tuple[str, str], None] = {}
    for error in errors:
        for prop, message in _explain(error):
            seen.setdefault((prop, message), None)
    return [{"message": message, "property": prop} for prop, message in seen]


def _explain(error: SchemaError) -> Iterator[tuple[str, str]]:
    path = _property(error.absolute_path)
    if error.validator == "oneOf" and isinstance(error.schema, dict):
        yield from _explain_union(error, path)
    elif error.validator == "required" and isinstance(error.instance, dict):
        for name in error.validator_value:
            if name not in error.instance:
                yield _join(path, name), "must be specified"
    elif error.validator in ("maxItems", "minItems") and isinstance(error.schema, dict):
        low, high = error.schema.get("minItems", 0), error.schema.get("maxItems", "∞")
        yield path, f"Size must be between {low} and {high}"
    elif error.validator == "enum":
        yield path, f"Must be one of the following values: [{', '.join(map(str, error.validator_value))}]"
    else:
        yield path, error.message


def _explain_union(error: SchemaError, path: str) -> Iterator[tuple[str, str]]:
    """Blame the variant the tag selected; with no such variant, blame the tag itself."""
    tags: list[str] = []
    tag_name = "type"
    by_branch: dict[int, list[SchemaError]] = {}
    for index, branch in enumerate(error.schema["oneOf"]):
        pin = branch.get("allOf", [{}])[0]
        for name, prop in pin.get("properties", {}).items():
            tag_name, tags = name, [*tags, *prop.get("enum", [])]
        by_branch[index] = []
    for sub in error.context or ():
        by_branch.setdefault(int(sub.relative_schema_path[0]), []).append(sub)
    selected = [subs for subs in by_branch.values() if subs and not any(_is_tag_error(s) for s in subs)]
    if len(selected) == 1:
        for sub in selected[0]:
            yield from _explain(sub)
    elif isinstance(error.instance, dict) and tag_name in error.instance:
        yield _join(path, tag_name), f"Must be one of the following values: [{', '.join(tags)}]"
    elif isinstance(error.instance, dict):
        yield _join(path, tag_name), "must be specified"
    else:
        yield path, error.message


def _is_tag_error(error: SchemaError) -> bool:
    rel = list(error.relative_schema_path)
    return len(rel) >= 3 and rel[1] == "allOf" and rel[2] == 0


def _property(parts: Sequence[str | int] | Any) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name

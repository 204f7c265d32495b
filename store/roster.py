"""The staff roster (บัญชีรายชื่อ): people arrive from a spreadsheet, not one command at a time.

A roster is read (xlsx or csv, Thai or English headers), every row is checked against the store
before anything is written, and the rows that pass are applied in the caller's transaction: a
200-person roster with 5 bad rows adds 195 people and names the 5 rows, each error pointing at a
row and a column as the spreadsheet shows them. A row is applied whole or not at all.

People are matched by (name, unit). A filled cell is what the person has from now on; an empty cell
leaves that field as it is, and a cell holding only "-" clears it, so a roster can be re-imported
with corrections and importing it unchanged changes nothing. Roles compared are those scoped to the
person's own unit (and the unscoped committee and admin roles); grants for other units, made with
``tidtam people grant``, are left alone. Indicators compared are those of the unit's plans.

Invite codes are stored hashed, so their plain text exists only in the run that issues them:
``issue_invites`` issues codes for the people who have neither a LINE account nor a pending code,
and the caller writes the sheet in the same run.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Literal, TypeVar

import phonenumbers
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from sqlmodel import Session, col, select

from scoring.thai import thai_to_arabic_digits
from store import roster_texts as rt
from store.admin import UNSCOPED, people_named
from store.identities import CODE_TTL, issue_link_code
from store.models import Assignment, IndicatorRecord, LineIdentity, LinkCode, Person, PlanRecord, Role, RoleGrant, Unit
from store.plans import ensure_unit
from store.text_safety import clean_text

T = TypeVar("T")
LABELS = {
    "name": rt.NAME,
    "surname": rt.SURNAME,
    "position": rt.POSITION,
    "unit": rt.UNIT,
    "roles": rt.ROLES,
    "indicators": rt.INDICATORS,
    "acting": rt.ACTING,
    "phone": rt.PHONE,
}
REQUIRED = ("name", "unit")
HEADER_SEARCH_ROWS = 10  # a title block above the header is common; the header is within these rows
_HEADER_NOISE = re.compile(r"[\s\-_./()*:：]+")
_LIST_SEPARATORS = re.compile(r"[,;\n、，]+")
_SPACES = re.compile(r"\s+")
_CODE_PREFIX = re.compile(r"^(ตัวชี้วัดที่|ตัวชี้วัด|kpi)")


class RosterFileError(ValueError):
    """The file as a whole cannot be read as a roster (the message is Thai, for the admin)."""


class RosterError(ValueError):
    """An admin's command names a person or a role that is not there (the message is Thai)."""


# --- reading the file ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    text: str
    letter: str  # the column as the spreadsheet shows it: "D"
    header: str  # the header as written in the file


@dataclass(frozen=True)
class RosterRow:
    number: int  # the row number as the spreadsheet shows it (the header is usually row 1)
    cells: dict[str, Cell]  # by column key; only the columns the file has

    def text(self, key: str) -> str:
        cell = self.cells.get(key)
        return cell.text if cell else ""


@dataclass(frozen=True)
class Roster:
    rows: tuple[RosterRow, ...]
    columns: dict[str, Cell]  # column key → its letter and header


def read_roster(path: Path) -> Roster:
    """Read an .xlsx (first sheet) or a .csv (UTF-8 with or without BOM, else Thai Windows cp874)."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".xlsm", ".csv"):
        raise RosterFileError(rt.UNSUPPORTED_FILE.format(name=path.name))
    try:
        raw = list(_csv_rows(path) if suffix == ".csv" else _xlsx_rows(path))
    except (OSError, ValueError, KeyError, csv.Error, zipfile.BadZipFile, InvalidFileException) as exc:
        raise RosterFileError(rt.UNREADABLE_FILE.format(name=path.name, error=exc)) from exc
    return _roster(raw, path.name)


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, [_cell_text(v) for v in values]
    finally:
        workbook.close()


def _csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp874")  # "CSV" as Excel saves it on Thai Windows
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    for number, values in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
        yield number, [_cell_text(v) for v in values]


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.15g}"
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    return unicodedata.normalize("NFC", clean_text(str(value))).strip()


def _norm_header(text: str) -> str:
    return _HEADER_NOISE.sub("", text.casefold())


def column_key(header: str) -> str | None:
    """The roster column a header names (``name``, ``unit``, …), or None for a column we do not read."""
    norm = _norm_header(header)
    if not norm:
        return None
    for key, names in rt.HEADERS_EXACT.items():
        if norm in names:
            return key
    for key, words in rt.HEADERS_CONTAINING:
        if any(word in norm for word in words):
            return key
    return None


def _columns(values: list[str]) -> dict[str, Cell]:
    columns: dict[str, Cell] = {}
    for index, header in enumerate(values, start=1):
        key = column_key(header)
        if key is None:
            continue
        letter = get_column_letter(index)
        if key in columns:
            first = columns[key]
            raise RosterFileError(rt.SAME_COLUMN_TWICE.format(first=first.letter, second=letter, header=LABELS[key]))
        columns[key] = Cell("", letter, header)
    return columns


def _roster(raw: list[tuple[int, list[str]]], name: str) -> Roster:
    filled = [(n, values) for n, values in raw if any(values)]
    if not filled:
        raise RosterFileError(rt.EMPTY_FILE.format(name=name))
    header_at = None
    for position, (_, values) in enumerate(filled[:HEADER_SEARCH_ROWS]):
        keys = {column_key(v) for v in values}
        if all(k in keys for k in REQUIRED):
            header_at = position
            break
    if header_at is None:
        found = ", ".join(v for v in filled[0][1] if v) or "-"
        raise RosterFileError(rt.MISSING_COLUMNS.format(columns=", ".join(LABELS[k] for k in REQUIRED), found=found))
    columns = _columns(filled[header_at][1])
    at = {key: column_index_from_string(column.letter) - 1 for key, column in columns.items()}
    rows = []
    for number, values in filled[header_at + 1 :]:
        cells = {
            key: Cell(values[at[key]] if at[key] < len(values) else "", column.letter, column.header)
            for key, column in columns.items()
        }
        if any(c.text for c in cells.values()):
            rows.append(RosterRow(number, cells))
    return Roster(tuple(rows), columns)


# --- the values of one cell --------------------------------------------------------------------------


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _items(text: str) -> list[str]:
    return [item.strip() for item in _LIST_SEPARATORS.split(text) if item.strip()]


def _clears(text: str) -> bool:
    return text.strip() in rt.CLEAR_MARKS


def _role_word(text: str) -> str:
    return _HEADER_NOISE.sub("", text.casefold())


_ROLE_WORDS = {_role_word(word): Role(role) for role, words in rt.ROLE_SYNONYMS.items() for word in (role, *words)} | {
    _role_word(role.value): role for role in Role
}


def parse_role(text: str) -> Role | None:
    """A role written in English (``unit_head``, ``Unit head``) or Thai (``หัวหน้าส่วนราชการ``)."""
    return _ROLE_WORDS.get(_role_word(text))


def role_choices() -> str:
    return ", ".join(f"{rt.ROLE_NAMES[r.value]} ({r.value})" for r in Role)


def role_name(role: Role | str) -> str:
    """The Thai name of a role (grants read back from the store hold the plain string)."""
    return rt.ROLE_NAMES[Role(role).value]


def normalise_phone(text: str) -> str:
    """A Thai phone number as people write it (081-234-5678, 02-123-4567 ต่อ 12); ValueError if it
    is not one. Excel drops the leading zero of a number typed as a number: 812345678 is read too."""
    raw = text
    for word in rt.EXTENSION_WORDS:
        raw = raw.replace(word, " ext ")
    try:
        number = phonenumbers.parse(raw, "TH")
    except phonenumbers.NumberParseException as exc:
        raise ValueError(text) from exc
    if not phonenumbers.is_valid_number(number):
        raise ValueError(text)
    extension = number.extension
    number.extension = None
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL).replace(" ", "-")
    return rt.PHONE_EXTENSION.format(number=national, extension=extension) if extension else national


def _name_key(text: str) -> str:
    return _one_line(text).casefold()


def _code_key(code: str) -> str:
    text = _SPACES.sub("", thai_to_arabic_digits(code).casefold())
    return _CODE_PREFIX.sub("", text) or text


# --- what the store holds, loaded once ---------------------------------------------------------------


@dataclass
class _PlanIndex:
    """The unit's plans (the newest version of each) and their indicators by normalised code."""

    plans: list[PlanRecord]
    by_code: dict[str, list[tuple[IndicatorRecord, PlanRecord]]]
    indicator_ids: set[int]


PersonKey = tuple[str, str]  # (unit name, person name), normalised: how the roster names a person


@dataclass
class _Store:
    """What the import reads, loaded once (a roster of thousands makes no query per row)."""

    session: Session
    units: list[Unit]
    people: dict[PersonKey, Person]
    grants: dict[int, list[RoleGrant]]
    assignments: dict[int, list[Assignment]]
    indicators: dict[int, tuple[str, str]] = field(default_factory=dict)  # indicator id → (code, plan key)
    plans: dict[int, _PlanIndex] = field(default_factory=dict)

    def find_unit(self, text: str) -> Unit | None:
        """By name, else by alias or short name (as ``tidtam units add --alias`` made them)."""
        wanted = _name_key(text)
        for unit in self.units:
            if _name_key(unit.name) == wanted:
                return unit
        for unit in self.units:
            names = [*(unit.aliases or []), unit.short_name or ""]
            if any(_name_key(n) == wanted for n in names if n):
                return unit
        return None

    def plan_index(self, unit_id: int) -> _PlanIndex:
        if unit_id not in self.plans:
            index = self.plans[unit_id] = _load_plans(self.session, unit_id)
            for matches in index.by_code.values():
                for indicator, plan in matches:
                    self.indicators[indicator.id or 0] = (indicator.code, plan.key)
        return self.plans[unit_id]


def _load_store(session: Session) -> _Store:
    units = list(session.exec(select(Unit).order_by(col(Unit.id))).all())
    unit_keys = {u.id: _name_key(u.name) for u in units}
    people: dict[PersonKey, Person] = {}
    for person in session.exec(select(Person).order_by(col(Person.id))).all():
        if person.unit_id in unit_keys:
            people.setdefault((unit_keys[person.unit_id], _name_key(person.name)), person)
    grants: dict[int, list[RoleGrant]] = defaultdict(list)
    for grant in session.exec(select(RoleGrant)).all():
        grants[grant.person_id].append(grant)
    assignments: dict[int, list[Assignment]] = defaultdict(list)
    for assignment in session.exec(select(Assignment)).all():
        assignments[assignment.person_id].append(assignment)
    return _Store(session, units, people, grants, assignments)


def _load_plans(session: Session, unit_id: int) -> _PlanIndex:
    newest: dict[str, PlanRecord] = {}
    for record in session.exec(select(PlanRecord).where(PlanRecord.unit_id == unit_id)).all():
        if record.key not in newest or record.version > newest[record.key].version:
            newest[record.key] = record
    plans = sorted(newest.values(), key=lambda p: (-p.fiscal_year, p.key))
    by_code: dict[str, list[tuple[IndicatorRecord, PlanRecord]]] = defaultdict(list)
    ids: set[int] = set()
    if plans:
        by_id = {p.id: p for p in plans}
        rows = session.exec(select(IndicatorRecord).where(col(IndicatorRecord.plan_id).in_(list(by_id)))).all()
        for row in rows:
            by_code[_code_key(row.code)].append((row, by_id[row.plan_id]))
            ids.add(row.id or 0)
    return _PlanIndex(plans, dict(by_code), ids)


# --- checking the rows -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowError:
    row: int
    message: str
    column: str | None = None  # the letter, when the error is in one cell
    header: str | None = None

    def __str__(self) -> str:
        if self.column is None:
            return rt.AT_ROW.format(row=self.row, message=self.message)
        return rt.AT_CELL.format(row=self.row, column=self.column, header=self.header, message=self.message)


@dataclass
class _Planned:
    """One valid row, resolved: what the person will have after the import."""

    row: RosterRow
    name: str
    unit: Unit | None  # None: a unit to create (--create-units)
    unit_name: str
    position: str | None  # None: leave as it is; "": clear
    phone: str | None
    roles: set[Role] | None
    indicators: dict[int, tuple[str, str]] | None  # indicator id → (code, plan key)
    acting: str | None  # the acting officer's name; "": clear
    acting_key: PersonKey | None = None  # who that name is, once checked

    @property
    def key(self) -> PersonKey:
        return (_name_key(self.unit_name), _name_key(self.name))


def _error(row: RosterRow, key: str, message: str) -> RowError:
    cell = row.cells[key]
    return RowError(row.number, message, cell.letter, cell.header)


Problems = list[str]


def _check_row(row: RosterRow, store: _Store, create_units: bool) -> tuple[_Planned | None, list[RowError]]:
    """One row resolved against the store, or every error it has (all of them: one fix, one re-import)."""
    errors: list[RowError] = []

    def read(key: str, reader: Callable[[str], tuple[T, Problems]]) -> T | None:
        """An empty cell is None (leave as it is); a filled one goes through its reader."""
        text = row.text(key)
        if not text:
            return None
        value, problems = reader(text)
        errors.extend(_error(row, key, p) for p in problems)
        return value

    name = " ".join(part for part in (_one_line(row.text("name")), _one_line(row.text("surname"))) if part)
    if not _one_line(row.text("name")):
        errors.append(_error(row, "name", rt.EMPTY_NAME))
    unit_text = _one_line(row.text("unit"))
    unit = store.find_unit(unit_text) if unit_text else None
    if not unit_text:
        errors.append(_error(row, "unit", rt.EMPTY_UNIT))
    elif unit is None and not create_units:
        errors.append(_error(row, "unit", rt.UNKNOWN_UNIT.format(unit=unit_text)))
    unit_name = unit.name if unit else unit_text

    position = read("position", _read_text)
    phone = read("phone", _read_phone)
    roles = read("roles", _read_roles)
    acting = read("acting", _read_text)
    indicators = None
    if unit is not None or create_units:
        index = store.plan_index(unit.id or 0) if unit is not None else _PlanIndex([], {}, set())
        indicators = read("indicators", lambda text: _read_indicators(text, index, unit_name))
    if errors:
        return None, errors
    return _Planned(row, name, unit, unit_name, position, phone, roles, indicators, acting), []


def _read_text(text: str) -> tuple[str, Problems]:
    return ("" if _clears(text) else _one_line(text)), []


def _read_phone(text: str) -> tuple[str, Problems]:
    if _clears(text):
        return "", []
    try:
        return normalise_phone(text), []
    except ValueError:
        return "", [rt.BAD_PHONE.format(phone=text)]


def _read_roles(text: str) -> tuple[set[Role], Problems]:
    if _clears(text):
        return set(), []
    words = _items(text)
    roles = {role for word in words if (role := parse_role(word)) is not None}
    unknown = [w for w in words if parse_role(w) is None]
    return roles, [rt.UNKNOWN_ROLE.format(role=w, choices=role_choices()) for w in unknown]


def _read_indicators(text: str, index: _PlanIndex, unit_name: str) -> tuple[dict[int, tuple[str, str]], Problems]:
    if _clears(text):
        return {}, []
    if not index.plans:
        return {}, [rt.NO_PLANS.format(unit=unit_name)]
    found: dict[int, tuple[str, str]] = {}
    problems: Problems = []
    for token in _items(text):
        match = _resolve_indicator(token, index, unit_name)
        if isinstance(match, str):
            problems.append(match)
        else:
            indicator, plan = match
            found[indicator.id or 0] = (indicator.code, plan.key)
    return found, problems


def _resolve_indicator(token: str, index: _PlanIndex, unit_name: str) -> tuple[IndicatorRecord, PlanRecord] | str:
    """The indicator a code names in the unit's plans, or the Thai reason it names none.

    "plan:code" (the plan's id or its fiscal year) picks a plan. A bare code found in several plans
    is taken from the newest fiscal year; found in several plans of that year, it is ambiguous.
    """
    plans = index.plans
    code = token
    if ":" in token:
        qualifier, rest = (part.strip() for part in token.split(":", 1))
        chosen = [p for p in plans if qualifier in (p.key, str(p.fiscal_year))]
        if not chosen and qualifier:
            keys = ", ".join(p.key for p in plans)
            return rt.UNKNOWN_PLAN.format(plan=qualifier, unit=unit_name, plans=keys)
        plans, code = chosen, rest
    allowed = {p.id for p in plans}
    candidates = [(i, p) for i, p in index.by_code.get(_code_key(code), []) if p.id in allowed]
    if not candidates:
        return rt.UNKNOWN_INDICATOR.format(code=code, unit=unit_name, plans=", ".join(p.key for p in plans))
    newest = max(p.fiscal_year for _, p in candidates)
    candidates = [(i, p) for i, p in candidates if p.fiscal_year == newest]
    if len(candidates) > 1:
        keys = ", ".join(p.key for _, p in candidates)
        return rt.AMBIGUOUS_INDICATOR.format(code=code, plans=keys, example=f"{candidates[0][1].key}:{code}")
    return candidates[0]


def _check_acting(
    planned: list[_Planned], failed: dict[PersonKey, int], store: _Store
) -> tuple[list[_Planned], list[RowError]]:
    """Each acting officer named must be one person, in the store or on a valid row (the same unit's
    first), acting for no one else in the file. A row whose officer is on a row that failed fails in
    turn, which can make another fail: hence the loop, until no row fails."""
    errors: list[RowError] = []
    valid = list(planned)
    while True:
        by_name: dict[str, set[PersonKey]] = defaultdict(set)
        for key in [*store.people, *(p.key for p in valid)]:
            by_name[key[1]].add(key)
        taken: dict[PersonKey, int] = {}
        failing: dict[int, RowError] = {}
        for p in valid:
            if not p.acting:
                continue
            name = _name_key(p.acting)
            matches = {k for k in by_name.get(name, set()) if k[0] == p.key[0]} or by_name.get(name, set())
            message = None
            if not matches:
                other = failed.get((p.key[0], name)) or next((r for k, r in failed.items() if k[1] == name), None)
                message = (
                    rt.ACTING_ROW_FAILED.format(name=p.acting, other=other)
                    if other
                    else rt.ACTING_UNKNOWN.format(name=p.acting)
                )
            elif len(matches) > 1:
                units = ", ".join(sorted(_unit_shown(store, k[0]) for k in matches))
                message = rt.ACTING_AMBIGUOUS.format(name=p.acting, units=units)
            else:
                p.acting_key = next(iter(matches))
                if p.acting_key == p.key:
                    message = rt.ACTING_SELF
                elif p.acting_key in taken:
                    message = rt.ACTING_TAKEN.format(name=p.acting, other=taken[p.acting_key])
                else:
                    taken[p.acting_key] = p.row.number
            if message:
                failing[id(p)] = _error(p.row, "acting", message)
        if not failing:
            return valid, errors
        for p in valid:
            if id(p) in failing:
                errors.append(failing[id(p)])
                failed[p.key] = p.row.number
        valid = [p for p in valid if id(p) not in failing]


def _unit_shown(store: _Store, unit_key: str) -> str:
    return next((u.name for u in store.units if _name_key(u.name) == unit_key), unit_key)


# --- applying them -----------------------------------------------------------------------------------


@dataclass
class PersonOutcome:
    row: int
    person_id: int
    name: str
    unit: str
    action: Literal["added", "updated", "unchanged"]
    changes: list[str] = field(default_factory=list)

    def line(self) -> str:
        head = (rt.ADDED if self.action == "added" else rt.UPDATED).format(name=self.name, unit=self.unit)
        return head + (": " + rt.CHANGE_SEPARATOR.join(self.changes) if self.changes else "")


@dataclass
class RosterResult:
    people: list[PersonOutcome] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    units_created: list[str] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for p in self.people if p.action == action)

    @property
    def error_rows(self) -> int:
        return len({e.row for e in self.errors})

    @property
    def changed(self) -> bool:
        return bool(self.units_created) or any(p.action != "unchanged" for p in self.people)

    def lines(self) -> list[str]:
        """The report an admin reads: errors first (to fix), then what changed, then the summary."""
        out: list[str] = []
        if self.errors:
            out.append(rt.ERRORS_HEADING.format(count=self.error_rows))
            out += [f"  {e}" for e in sorted(self.errors, key=lambda e: (e.row, e.column or ""))]
        changes = [rt.UNIT_CREATED.format(unit=u) for u in self.units_created]
        changes += [p.line() for p in self.people if p.action != "unchanged"]
        if changes:
            out.append(rt.CHANGES_HEADING)
            out += [f"  {c}" for c in changes]
        if self.warnings:
            out.append(rt.WARNINGS_HEADING)
            out += [f"  {w}" for w in self.warnings]
        if not self.changed:
            out.append(rt.NOTHING_CHANGED)
        out.append(
            rt.SUMMARY.format(
                added=self.count("added"),
                updated=self.count("updated"),
                unchanged=self.count("unchanged"),
                errors=self.error_rows,
            )
        )
        return out


def import_roster(session: Session, roster: Roster, *, now: datetime, create_units: bool = False) -> RosterResult:
    """Check every row, then apply the valid ones in ``session`` (the caller commits or rolls back)."""
    store = _load_store(session)
    result = RosterResult()
    planned: list[_Planned] = []
    seen: dict[PersonKey, int] = {}
    failed: dict[PersonKey, int] = {}  # rows that failed, by the person they name
    for row in roster.rows:
        plan, errors = _check_row(row, store, create_units)
        if plan is not None and plan.key in seen:
            errors = [RowError(row.number, rt.DUPLICATE_ROW.format(other=seen[plan.key]))]
            plan = None
        if plan is None:
            result.errors += errors
            unit = store.find_unit(row.text("unit"))
            failed.setdefault(
                (_name_key(unit.name if unit else row.text("unit")), _name_key(row.text("name"))), row.number
            )
            continue
        seen[plan.key] = row.number
        planned.append(plan)
    planned, acting_errors = _check_acting(planned, failed, store)
    result.errors += acting_errors

    outcomes = [_apply(store, plan, result, now) for plan in planned]
    for plan, outcome in zip(planned, outcomes, strict=True):
        if plan.acting is not None:
            _apply_acting(store, plan, outcome)
        if outcome.action == "updated" and not outcome.changes:
            outcome.action = "unchanged"
    session.flush()
    result.people = outcomes
    return result


def _unit_for(store: _Store, plan: _Planned, result: RosterResult) -> Unit:
    if plan.unit is None:
        plan.unit = store.find_unit(plan.unit_name)
    if plan.unit is None:
        plan.unit = ensure_unit(store.session, plan.unit_name)
        store.units.append(plan.unit)
        result.units_created.append(plan.unit.name)
    return plan.unit


def _apply(store: _Store, plan: _Planned, result: RosterResult, now: datetime) -> PersonOutcome:
    session = store.session
    unit = _unit_for(store, plan, result)
    unit_id = unit.id or 0
    person = store.people.get(plan.key)
    added = person is None
    if person is None:
        person = store.people[plan.key] = Person(name=plan.name, unit_id=unit_id)
        session.add(person)
        session.flush()
    outcome = PersonOutcome(plan.row.number, person.id or 0, person.name, unit.name, "added" if added else "updated")
    changes = outcome.changes
    if plan.position is not None and (person.position or "") != plan.position:
        if not added:
            changes.append(rt.POSITION_SET.format(old=person.position or rt.NONE, new=plan.position or rt.NONE))
        person.position = plan.position or None
    if plan.phone is not None and (person.phone or "") != plan.phone:
        if not added:
            changes.append(rt.PHONE_SET.format(old=person.phone or rt.NONE, new=plan.phone or rt.NONE))
        person.phone = plan.phone or None
    session.add(person)
    if plan.roles is not None:
        changes += _sync_roles(store, person, unit_id, plan.roles, now)
    if plan.indicators is not None:
        changes += _sync_indicators(store, person, unit_id, plan.indicators)
    if not person.active:
        result.warnings.append(rt.INACTIVE.format(row=plan.row.number, name=person.name))
    if plan.indicators and Role.reporter not in {g.role for g in store.grants[person.id or 0]}:
        result.warnings.append(rt.INDICATORS_WITHOUT_REPORTER.format(row=plan.row.number, name=person.name))
    return outcome


def _scope(role: Role, unit_id: int) -> int | None:
    return None if role in UNSCOPED else unit_id


def _sync_roles(store: _Store, person: Person, unit_id: int, wanted: set[Role], now: datetime) -> list[str]:
    grants = store.grants[person.id or 0]
    comparable = [g for g in grants if g.unit_id == _scope(g.role, unit_id)]
    have = {g.role for g in comparable}
    changes: list[str] = []
    for role in sorted(wanted - have, key=list(Role).index):
        grant = RoleGrant(person_id=person.id or 0, role=role, unit_id=_scope(role, unit_id), granted_at=now)
        store.session.add(grant)
        grants.append(grant)
        changes.append(rt.ROLE_GRANTED.format(role=role_name(role)))
    for grant in comparable:
        if grant.role not in wanted:
            store.session.delete(grant)
            grants.remove(grant)
            changes.append(rt.ROLE_REVOKED.format(role=role_name(grant.role)))
    return changes


def _sync_indicators(store: _Store, person: Person, unit_id: int, wanted: dict[int, tuple[str, str]]) -> list[str]:
    index = store.plan_index(unit_id)
    mine = store.assignments[person.id or 0]
    comparable = [a for a in mine if a.indicator_id in index.indicator_ids]
    have = {a.indicator_id for a in comparable}
    changes: list[str] = []
    for indicator_id, (code, plan_key) in wanted.items():
        if indicator_id not in have:
            assignment = Assignment(person_id=person.id or 0, indicator_id=indicator_id)
            store.session.add(assignment)
            mine.append(assignment)
            changes.append(rt.INDICATOR_ASSIGNED.format(code=code, plan=plan_key))
    for assignment in comparable:
        if assignment.indicator_id not in wanted:
            code, plan_key = store.indicators[assignment.indicator_id]
            store.session.delete(assignment)
            mine.remove(assignment)
            changes.append(rt.INDICATOR_UNASSIGNED.format(code=code, plan=plan_key))
    return changes


def _apply_acting(store: _Store, plan: _Planned, outcome: PersonOutcome) -> None:
    """The acting officer (รักษาราชการแทน) of this row's person is the one person whose
    ``acting_for_id`` points at them (``tidtam people leave --acting`` sets the same field)."""
    person = store.people[plan.key]
    officer = store.people[plan.acting_key] if plan.acting_key else None
    changed = False
    for other in store.people.values():
        if other.acting_for_id == person.id and other is not officer:
            other.acting_for_id = None
            store.session.add(other)
            changed = True
    if officer is not None and officer.acting_for_id != person.id:
        officer.acting_for_id = person.id
        store.session.add(officer)
        changed = True
    if changed:
        outcome.changes.append(rt.ACTING_SET.format(name=officer.name if officer else rt.NONE))


# --- invite codes ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Invite:
    person_id: int
    name: str
    unit: str
    position: str
    code: str
    expires_at: datetime


@dataclass
class InviteRun:
    invites: list[Invite] = field(default_factory=list)
    to_issue: list[int] = field(default_factory=list)  # people who get a code (in a dry run: would)
    linked: int = 0  # already have a LINE account bound
    pending: int = 0  # have an unused code that has not expired (issued by an earlier run)
    inactive: int = 0


def plan_invites(session: Session, person_ids: Iterable[int], *, now: datetime, new_codes: bool = False) -> InviteRun:
    """Who gets a code: people with no LINE account and, unless ``new_codes``, no pending code."""
    ids = sorted(set(person_ids))
    run = InviteRun()
    if not ids:
        return run
    linked = set(session.exec(select(LineIdentity.person_id).where(col(LineIdentity.person_id).in_(ids))).all())
    pending = {
        link.person_id
        for link in session.exec(
            select(LinkCode).where(col(LinkCode.person_id).in_(ids), col(LinkCode.used_at).is_(None))
        ).all()
        if link.expires_at is None or link.expires_at > now
    }
    people = {p.id: p for p in session.exec(select(Person).where(col(Person.id).in_(ids))).all()}
    for person_id in ids:
        person = people.get(person_id)
        if person is None or not person.active:
            run.inactive += 1
        elif person_id in linked:
            run.linked += 1
        elif person_id in pending and not new_codes:
            run.pending += 1
        else:
            run.to_issue.append(person_id)
    return run


def issue_invites(session: Session, person_ids: Iterable[int], *, now: datetime, new_codes: bool = False) -> InviteRun:
    """Issue the codes ``plan_invites`` decides; a new code retires the person's older unused ones,
    so only the card printed last works."""
    run = plan_invites(session, person_ids, now=now, new_codes=new_codes)
    if not run.to_issue:
        return run
    for link in session.exec(
        select(LinkCode).where(col(LinkCode.person_id).in_(run.to_issue), col(LinkCode.used_at).is_(None))
    ).all():
        if link.expires_at is None or link.expires_at > now:
            link.expires_at = now
            session.add(link)
    units = {u.id: u.name for u in session.exec(select(Unit)).all()}
    people = {p.id: p for p in session.exec(select(Person).where(col(Person.id).in_(run.to_issue))).all()}
    for person_id in run.to_issue:
        person = people[person_id]
        code = issue_link_code(session, person, now)
        run.invites.append(
            Invite(person_id, person.name, units.get(person.unit_id, ""), person.position or "", code, now + CODE_TTL)
        )
    return run


# --- people on and off the roster --------------------------------------------------------------------


def find_person(session: Session, key: str) -> Person:
    """A person by id or exact name; a name several people share is refused, listing them."""
    found = people_named(session, key)
    if not found:
        raise RosterError(rt.NO_PERSON.format(key=key))
    if len(found) > 1:
        units = {u.id: u.name for u in session.exec(select(Unit)).all()}
        choices = ", ".join(rt.PERSON_CHOICE.format(id=p.id, unit=units.get(p.unit_id, rt.NONE)) for p in found)
        raise RosterError(rt.AMBIGUOUS_PERSON.format(key=key, choices=choices))
    return found[0]


def set_active(session: Session, person: Person, active: bool) -> bool:
    """Deactivate (or bring back) a person; True if it changed. Nothing is unlinked or revoked: an
    inactive person gets no reminders and is not heard in chat, and comes back as they were."""
    if person.active == active:
        return False
    person.active = active
    session.add(person)
    session.flush()
    return True


def revoke(session: Session, person: Person, role_text: str, unit: Unit | None) -> RoleGrant:
    """Remove one grant: the role for ``unit`` (default: the person's own unit; committee and admin
    are for every unit)."""
    role = parse_role(role_text)
    if role is None:
        raise RosterError(rt.UNKNOWN_ROLE.format(role=role_text, choices=role_choices()))
    scope = None if role in UNSCOPED else (unit.id if unit is not None else person.unit_id)
    grants = list(session.exec(select(RoleGrant).where(RoleGrant.person_id == person.id)).all())
    for grant in grants:
        if grant.role == role and grant.unit_id == scope:
            session.delete(grant)
            session.flush()
            return grant
    units = {u.id: u.name for u in session.exec(select(Unit)).all()}
    held = ", ".join(
        role_name(g.role) + rt.GRANT_SCOPE.format(unit=units.get(g.unit_id, rt.EVERY_UNIT)) for g in grants
    )
    where = rt.GRANT_SCOPE.format(unit=units.get(scope, rt.EVERY_UNIT)) if scope else ""
    raise RosterError(
        rt.NO_SUCH_GRANT.format(name=person.name, role=role_name(role), scope=where, grants=held or rt.NONE)
    )

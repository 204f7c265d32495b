"""What an admin does from the command line: units, people, role grants. Checks names, never guesses."""

from __future__ import annotations

from sqlmodel import Session, col, select

from store.models import Person, Role, RoleGrant, Unit, utcnow
from store.plans import ensure_unit

UNSCOPED = {Role.committee, Role.admin}  # these see every unit


class AdminError(ValueError):
    pass


def find_unit(session: Session, name: str) -> Unit:
    unit = session.exec(select(Unit).where(Unit.name == name)).first()
    if unit is None:
        for candidate in session.exec(select(Unit)).all():
            if name in (candidate.aliases or []) or name == candidate.short_name:
                return candidate
        raise AdminError(f"no unit named {name!r}")
    return unit


def people_named(session: Session, key: str) -> list[Person]:
    """The person with this id, else everyone with this exact name (spaces and case aside), by id."""
    key = key.strip()
    if key.isdigit() and (person := session.get(Person, int(key))) is not None:
        return [person]
    wanted = " ".join(key.split()).casefold()
    people = session.exec(select(Person).order_by(col(Person.id))).all()
    return [p for p in people if " ".join(p.name.split()).casefold() == wanted]


def find_person(session: Session, key: str) -> Person:
    """One person by id or exact name; a name several people share is refused (an admin command must
    never pick one of two namesakes, least of all ``people forget``)."""
    found = people_named(session, key)
    if not found:
        raise AdminError(f"no person {key!r} (give the id or the exact name)")
    if len(found) > 1:
        ids = ", ".join(str(p.id) for p in found)
        raise AdminError(f"{len(found)} people are named {key!r} (ids {ids}): give the id")
    return found[0]


def add_unit(session: Session, name: str, *, parent: str | None = None, aliases: tuple[str, ...] = ()) -> Unit:
    parent_id = find_unit(session, parent).id if parent else None
    return ensure_unit(session, name, aliases=aliases, parent_id=parent_id)


def _role(name: str) -> Role:
    """A role as the roster reads it: English or Thai ("reporter", "ผู้รายงาน"), so grant and revoke agree."""
    from store.roster import parse_role  # the roster imports this module

    role = parse_role(name)
    if role is None:
        raise AdminError(f"unknown role {name!r}: one of {', '.join(r.value for r in Role)}")
    return role


def grant(session: Session, person: Person, role_name: str, unit_name: str | None) -> RoleGrant:
    role = _role(role_name)
    if role in UNSCOPED:
        scope = None
    elif unit_name:
        scope = find_unit(session, unit_name).id
    elif person.unit_id is not None:
        scope = person.unit_id
    else:
        raise AdminError(f"role {role.value} needs a unit")
    existing = session.exec(
        select(RoleGrant).where(RoleGrant.person_id == person.id, RoleGrant.role == role, RoleGrant.unit_id == scope)
    ).first()
    if existing is not None:
        return existing
    row = RoleGrant(person_id=person.id or 0, role=role, unit_id=scope, granted_at=utcnow())
    session.add(row)
    session.flush()
    return row


def add_person(
    session: Session, name: str, *, unit: str, roles: tuple[str, ...] = (), position: str | None = None
) -> Person:
    home = find_unit(session, unit)
    for role in roles:
        _role(role)
    person = session.exec(select(Person).where(Person.name == name, Person.unit_id == home.id)).first()
    if person is None:
        person = Person(name=name, unit_id=home.id, position=position)
        session.add(person)
        session.flush()
    for role in roles:
        grant(session, person, role, None)
    return person

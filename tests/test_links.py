"""Link tokens: per person, per purpose, expiring at the time the service's clock says, and signed
with rotating keys (the first key of LINK_SECRET signs, every listed key still opens)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from handlers.accounts.links import BadLink, LinkSigner, NoLinkKey, link_keys

NOW = datetime(2024, 2, 21, 6, 0, tzinfo=UTC)


def test_a_link_opens_what_it_was_made_for_until_it_expires() -> None:
    signer = LinkSigner.from_secret("k1")
    token = signer.sign(7, "dashboard", NOW, purpose="dashboard", ttl=timedelta(minutes=30))
    grant = signer.read(token, NOW + timedelta(minutes=29), purpose="dashboard")
    assert (grant.person_id, grant.path, grant.expires) == (7, "dashboard", NOW + timedelta(minutes=30))
    with pytest.raises(BadLink) as late:
        signer.read(token, NOW + timedelta(minutes=30), purpose="dashboard")
    assert late.value.expired


def test_the_default_life_is_one_hour() -> None:
    signer = LinkSigner.from_secret("k1")
    token = signer.sign(7, "dashboard", NOW, purpose="dashboard")
    assert signer.read(token, NOW + timedelta(minutes=59), purpose="dashboard").person_id == 7
    with pytest.raises(BadLink):
        signer.read(token, NOW + timedelta(hours=1), purpose="dashboard")


def test_forged_or_garbled_tokens_are_not_expired_but_bad() -> None:
    signer = LinkSigner.from_secret("k1")
    token = signer.sign(7, "dashboard", NOW, purpose="dashboard")
    payload, _, mac = token.rpartition(".")
    for bad in (payload + "." + mac[::-1], payload, "", "....", "x" * 5000, token + "A"):
        with pytest.raises(BadLink) as refused:
            signer.read(bad, NOW, purpose="dashboard")
        assert not refused.value.expired
    with pytest.raises(BadLink):  # someone else's key
        LinkSigner.from_secret("other").read(token, NOW, purpose="dashboard")


def test_a_dashboard_link_never_opens_a_file_and_the_other_way_round() -> None:
    signer = LinkSigner.from_secret("k1")
    page = signer.sign(7, "dashboard", NOW, purpose="dashboard")
    file = signer.sign(7, "export:plan:2567:2", NOW, purpose="file")
    with pytest.raises(BadLink):
        signer.read(page, NOW, purpose="file")
    with pytest.raises(BadLink):
        signer.read(file, NOW, purpose="dashboard")
    assert signer.read(file, NOW, purpose="file").path == "export:plan:2567:2"


def test_keys_rotate_the_first_signs_and_every_one_opens() -> None:
    old = LinkSigner.from_secret("old-key")
    both = LinkSigner.from_secret(" new-key , old-key ,")
    made_before = old.sign(7, "dashboard", NOW, purpose="dashboard")
    made_after = both.sign(7, "dashboard", NOW, purpose="dashboard")
    assert both.read(made_before, NOW, purpose="dashboard").person_id == 7  # still open during the rotation
    assert LinkSigner.from_secret("new-key").read(made_after, NOW, purpose="dashboard").person_id == 7
    with pytest.raises(BadLink):
        old.read(made_after, NOW, purpose="dashboard")  # the new key signed it
    with pytest.raises(BadLink):
        LinkSigner.from_secret("new-key").read(made_before, NOW, purpose="dashboard")  # old key retired


def test_no_key_no_links() -> None:
    assert link_keys(" , ") == [] and link_keys(None) == []
    for secret in ("", " , ", None):
        with pytest.raises(NoLinkKey):
            LinkSigner.from_secret(secret)

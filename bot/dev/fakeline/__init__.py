"""A fake LINE Messaging API platform for tests and the local console (see ``app.create_fake_line``).

``spec/messaging-api.yml`` is an unmodified copy of line/line-openapi (snapshot 6e4c2a2a, 2026-07-01),
Apache-2.0 (``spec/LICENSE``); it ships as package data because the fake validates against it at run time.
"""

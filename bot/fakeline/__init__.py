"""A fake LINE Messaging API platform for tests and the local console (see ``app.create_fake_line``)."""

"""Parsing Thai progress messages into structured updates (see ``parser.parse_message``)."""

"""Development only: the local console that plays LINE and the fake LINE platform it talks to.

Imported only when ``TIDTAM_CONSOLE=1`` (``./dev serve``) and by the tests; production never loads
it, so whoever reaches a production port cannot chat as anyone or read what was sent.
"""

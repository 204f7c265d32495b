"""``python -m bot.dev.fakeline --port P --token T``: the fake LINE platform as a process of its own
(benchmarks run it apart from the service so its spec validation does not share the service's CPU)."""

from __future__ import annotations

import argparse

import uvicorn

from bot.dev.fakeline.app import create_fake_line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--token", required=True)
    args = parser.parse_args()
    app = create_fake_line(args.token, monthly_quota=None)
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning")


if __name__ == "__main__":
    main()

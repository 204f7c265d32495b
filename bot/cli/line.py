"""``tidtam line setup``: connect a real LINE channel (webhook, its test, rich menus per role)."""

from __future__ import annotations

from typing import Annotated

import typer

from bot import line_setup_texts as lt
from bot.cli.common import app, database, fail

line_app = typer.Typer(no_args_is_help=True, help=lt.LINE_HELP)
app.add_typer(line_app, name="line")


@line_app.command("setup", help=lt.SETUP_HELP)
def line_setup(public_url: Annotated[str | None, typer.Option(help=lt.PUBLIC_URL_HELP)] = None) -> None:
    from bot.line_menus import line_api
    from bot.line_setup import SetupError, setup_channel
    from bot.rich_menu_image import FontMissing
    from bot.settings import get_settings

    settings = get_settings()
    token = settings.line_channel_access_token
    if token is None:
        fail(lt.NEED_TOKEN)
    url = public_url or settings.public_url
    if not url.startswith("https://"):
        fail(lt.NEED_HTTPS.format(url=url))
    with database() as session:
        try:
            with line_api(settings.line_api_base, token.get_secret_value()) as line:
                result = setup_channel(line, session, url, typer.echo, base_url=settings.line_api_base)
        except SetupError as exc:
            fail(str(exc))
        except FontMissing as exc:
            fail(lt.FONT_MISSING.format(paths=exc))
    if not result.webhook_ok:
        typer.echo(lt.DONE_BUT_WEBHOOK, err=True)
        raise typer.Exit(1)
    typer.echo(lt.DONE)

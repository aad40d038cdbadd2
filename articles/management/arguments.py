"""Argument types shared by the management commands: bad values fail with a one-line message."""

from __future__ import annotations

import argparse
import datetime as dt

from articles.importing import check_url, parse_iso_date


def date_argument(value: str) -> dt.date:
    try:
        return parse_iso_date(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def url_argument(value: str) -> str:
    try:
        return check_url(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None

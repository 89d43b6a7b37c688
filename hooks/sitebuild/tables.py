"""Tables that fit a phone: each data cell is labelled with its column's header.

On a narrow screen extra.css lays a table out as one card per row, each cell on a line of its
own after its column's name (`td::before { content: attr(data-label) }`), so a six-column table
reads down the screen instead of off its edge. Wider screens keep the ordinary table.
"""

from __future__ import annotations

import html
import re

TABLE = re.compile(r"<table>(.*?)</table>", re.S)
HEADER = re.compile(r"<th[^>]*>(.*?)</th>", re.S)
ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
CELL = re.compile(r"<td([^>]*)>")
TAG = re.compile(r"<[^>]+>")


def labelled(content: str) -> str:
    """Every <td> of every plain table gets data-label="its column's header"."""

    def table(match: re.Match[str]) -> str:
        body = match[1]
        names = [html.unescape(TAG.sub("", h)).strip() for h in HEADER.findall(body)]
        if not names:
            return match[0]

        def row(r: re.Match[str]) -> str:
            column = iter(names)
            return "<tr>" + CELL.sub(lambda c: cell(c, next(column, "")), r[1]) + "</tr>"

        return "<table>" + ROW.sub(row, body) + "</table>"

    return TABLE.sub(table, content)


def cell(match: re.Match[str], name: str) -> str:
    if "data-label" in match[1]:
        return match[0]
    return f'<td{match[1]} data-label="{html.escape(name, quote=True)}">'

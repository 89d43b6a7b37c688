"""Code and output lines that may be too long for a phone, marked so that they wrap visibly.

extra.css wraps a marked line with a hanging indent and a bar down its continued part, so a
wrapped line never reads as two, and the block never scrolls sideways. Only lines longer than
LONG characters get a <span class="code-line code-line--long"> of their own: the pages'
snippets are written to fit a phone, and an element per line (pymdownx's line_spans) made
each page start measurably slower in Lighthouse's throttled phone.

This works on the pages' code (pymdownx.highlight) and the lab's (nbconvert) alike: Pygments
closes its spans at the end of every line, so splitting at newlines keeps the markup whole.
"""

from __future__ import annotations

import html
import re

LONG = 36  # characters: what fits a 340 px screen's code column
MARK = "code-line--long"
PRE = re.compile(r"(<pre>(?:<span></span>)?(?:<code>)?)(.*?)((?:</code>)?</pre>)", re.S)
TAG = re.compile(r"<[^>]+>")


def long(line: str) -> bool:
    return len(html.unescape(TAG.sub("", line)).rstrip("\n")) > LONG


def mark(content: str) -> str:
    """Every long line of every <pre> in its own marked span; the newlines stay inside."""

    def lines(match: re.Match[str]) -> str:
        body = match[2]
        if MARK in body or not body:
            return match[0]
        parts = body.split("\n")
        last = parts.pop()  # text after the final newline: usually empty
        out = "".join(span(part + "\n") for part in parts)
        return match[1] + out + (span(last) if last else "") + match[3]

    return PRE.sub(lines, content)


def span(line: str) -> str:
    return f'<span class="code-line {MARK}">{line}</span>' if long(line) else line

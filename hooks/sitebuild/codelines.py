"""Code and output lines that may be too long for a phone, marked so that they wrap visibly.

extra.css wraps a marked line with a hanging indent and a bar down its continued part, so a
wrapped line never reads as two, and the block never scrolls sideways. Only lines longer than
LONG characters are marked: the pages' snippets are written to fit a phone, and laying out every
line as a block of its own made each page start measurably slower.

- The pages' lines come as <span id="__span-N-M"> from pymdownx.highlight's line_spans.
- The lab's come from nbconvert as one <pre> of text; each line gets <span class="code-line">.
Pygments closes its spans at the end of every line, so splitting at newlines keeps the markup
whole.
"""

from __future__ import annotations

import html
import re

LONG = 36  # characters: what fits a 340 px screen's code column
MARK = "code-line--long"
PRE = re.compile(r"(<pre>(?:<span></span>)?)(.*?)(</pre>)", re.S)
LINE = re.compile(r'<span id="(__span-[\d-]+)">(.*?\n)</span>', re.S)
TAG = re.compile(r"<[^>]+>")


def long(line: str) -> bool:
    return len(html.unescape(TAG.sub("", line)).rstrip("\n")) > LONG


def mark(content: str) -> str:
    """The pages' long lines get class="code-line--long"."""

    def line(match: re.Match[str]) -> str:
        if not long(match[2]):
            return match[0]
        return f'<span id="{match[1]}" class="{MARK}">{match[2]}</span>'

    return LINE.sub(line, content)


def spans(content: str) -> str:
    """Every line of every <pre> of the lab's HTML in its own span, long ones marked."""

    def lines(match: re.Match[str]) -> str:
        body = match[2]
        if 'class="code-line' in body or not body:
            return match[0]
        parts = body.split("\n")
        last = parts.pop()  # text after the final newline: usually empty
        wrapped = "".join(span(part + "\n") for part in parts)
        if last:
            wrapped += span(last)
        return match[1] + wrapped + match[3]

    return PRE.sub(lines, content)


def span(line: str) -> str:
    kind = f"code-line {MARK}" if long(line) else "code-line"
    return f'<span class="{kind}">{line}</span>'

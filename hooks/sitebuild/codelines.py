"""The lab's code and output as one block per line, like the pages' (pymdownx's line_spans).

nbconvert writes a cell's code and output as one <pre> of text. Wrapping each line in
<span class="code-line"> lets extra.css wrap a line that is too long for a phone with a hanging
indent and a mark down its continued part, instead of scrolling the block sideways. Pygments
closes its spans at the end of every line, so splitting at newlines keeps the markup whole.
"""

from __future__ import annotations

import re

PRE = re.compile(r"(<pre>(?:<span></span>)?)(.*?)(</pre>)", re.S)


def spans(content: str) -> str:
    """Every line of every <pre> of the lab's HTML in its own span; the newlines stay inside."""

    def lines(match: re.Match[str]) -> str:
        body = match[2]
        if 'class="code-line"' in body or not body:
            return match[0]
        parts = body.split("\n")
        last = parts.pop()  # text after the final newline: usually empty
        wrapped = "".join(f'<span class="code-line">{part}\n</span>' for part in parts)
        if last:
            wrapped += f'<span class="code-line">{last}</span>'
        return match[1] + wrapped + match[3]

    return PRE.sub(lines, content)

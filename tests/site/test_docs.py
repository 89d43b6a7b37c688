"""The pages' code fences: every Python block is collected and every print is checked."""

import re

import pytest

from tests.site import ROOT, pages

PAGES = [*pages.MARKDOWN, ROOT / "README.md"]
FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})(.*)$")
PYTHONISH = {"py", "python3", "py3", "{python}", "{.python}", "ipython", "python"}
RUN_BY_PYTEST_CODEBLOCKS = {"python", "sh", "bash"}


def fences(path):
    """(line number, info string, code) of every fenced block in a Markdown file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if m:
            indent, ticks, info = m.groups()
            start = i
            i += 1
            body = []
            while i < len(lines) and not lines[i].strip().startswith(ticks):
                body.append(lines[i])
                i += 1
            yield start + 1, info, "\n".join(body), lines[start - 2 : start]
        i += 1


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_python_fences_are_exactly_python(page):
    """pytest-codeblocks runs only ```python; `py`, `python title=...`, ``` python are skipped."""
    for lineno, info, _, _ in fences(page):
        words = info.strip().split()
        lang = words[0] if words else ""
        looks_python = lang.lower() in PYTHONISH or lang.lower().startswith("python")
        assert not looks_python or info == "python", (
            f"{page.name}:{lineno}: fence info {info!r} would not be run; write exactly ```python "
            "(or `pycon` / `text` for code that is only shown)"
        )
        assert lang not in {"sh", "bash"}, (
            f"{page.name}:{lineno}: {lang} blocks are executed by the test run; use `shell` for "
            "commands a reader types"
        )


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_printing_block_has_checked_output(page):
    blocks = list(fences(page))
    for k, (lineno, info, code, _) in enumerate(blocks):
        if info != "python" or not re.search(r"\b(print|show)\(", code):
            continue
        following = blocks[k + 1] if k + 1 < len(blocks) else None
        assert following and "<!--pytest-codeblocks:expected-output-->" in "\n".join(
            following[3]
        ), (
            f"{page.name}:{lineno}: this block prints; show its output under an expected-output marker"
        )


def test_every_markdown_file_is_in_the_nav():
    assert sorted((ROOT / "docs").rglob("*.md")) == sorted(pages.MARKDOWN)


def test_the_lessons_pages_have_runnable_blocks():
    counts = {p.name: sum(info == "python" for _, info, _, _ in fences(p)) for p in PAGES}
    for name in [
        "vectorized-forward-propagation.md",
        "matrix-multiplication.md",
        "matrix-multiplication-rules.md",
        "matrix-multiplication-code.md",
        "conventions.md",
    ]:
        assert counts[name] >= 1, f"{name} has no runnable block"


LESSON = [
    "vectorized-forward-propagation.md",
    "matrix-multiplication.md",
    "matrix-multiplication-rules.md",
    "matrix-multiplication-code.md",
]
ANSWER = re.compile(r'^(\s*)\?\?\? success "Answer"\n\n((?:\1    .*\n|\n)+)', re.M)


@pytest.mark.parametrize("name", LESSON)
def test_each_part_asks_and_answers_with_code_and_ends_with_a_recap(name):
    """At least two predict-then-reveal questions per part; each folded answer opens with its
    answer in bold, which the answer's own snippet prints: if the two drift apart, this fails."""
    text = (ROOT / "docs" / name).read_text(encoding="utf-8")
    answers = ANSWER.findall(text)
    assert text.count('!!! question "') >= 2 and len(answers) >= 2, f"{name} asks too little"
    for _, body in answers:
        said = re.search(r"\*\*(.+?)\*\*", body)
        assert said, f"{name}: an answer does not open with its answer in bold"
        blocks = re.findall(
            r"```python\n(.*?)```.*?expected-output-->\s*```text\n(.*?)```", body, re.S
        )
        assert blocks, f"{name}: the answer {said[1]!r} has no snippet with checked output"
        printed = " ".join(output for _, output in blocks)
        assert said[1] in printed, (
            f"{name}: the answer says {said[1]!r} but its code prints {printed!r}"
        )
    recap = text.split('!!! abstract "Recap"', 1)
    assert len(recap) == 2, f"{name} has no recap"
    bullets = re.findall(r"^    - ", recap[1].split("\n\n**Next:**")[0], re.M)
    assert len(bullets) == 3 and "**Next:**" in recap[1], (
        f"{name}: a three-line recap and a pointer"
    )


GOING_FURTHER = ["conventions.md", "mistakes.md", "proof.md", "speed.md"]


@pytest.mark.parametrize("name", GOING_FURTHER)
def test_each_going_further_page_asks_a_question_its_code_answers(name):
    """At least one folded question, whose answer in bold is what its snippet prints."""
    text = (ROOT / "docs" / name).read_text(encoding="utf-8")
    answers = ANSWER.findall(text)
    assert '!!! question "' in text and answers, f"{name} asks no question"
    for _, body in answers:
        said = re.search(r"\*\*(.+?)\*\*", body)
        assert said, f"{name}: an answer does not open with its answer in bold"
        printed = re.findall(r"expected-output-->\s*```text\n(.*?)```", body, re.S)
        assert printed and said[1] in " ".join(printed), (
            f"{name}: the answer says {said[1]!r} but its code prints {printed!r}"
        )


def test_the_broadcasting_section_comes_before_common_mistakes():
    """Part 4 teaches the rule that Common mistakes relies on, with checked snippets."""
    part4 = (ROOT / "docs" / "matrix-multiplication-code.md").read_text(encoding="utf-8")
    section = part4.split("\n## Broadcasting\n", 1)
    assert len(section) == 2, "part 4 has no Broadcasting section"
    body = section[1].split("\n## ", 1)[0]
    assert body.count("```python") >= 2 and "(3, 1)" in body and "(1, 3)" in body
    assert "figures/broadcasting.svg" in body
    order = pages.SOURCES
    assert order.index("matrix-multiplication-code.md") < order.index("mistakes.md")
    assert (
        "matrix-multiplication-code.md#broadcasting" in (ROOT / "docs" / "mistakes.md").read_text()
    )


PHONE_CHARS = 43  # a code line at 390 px (Material's 13.6 px mono in a 358 px column)


@pytest.mark.parametrize("name", LESSON + ["index.md", "conventions.md", "mistakes.md"])
def test_the_lessons_code_fits_a_phone(name):
    """The lesson's snippets and their printed rows are written to fit a phone's column, so the
    wrap-with-a-mark fallback (extra.css) is left for what cannot be shortened."""
    long = []
    for lineno, info, code, _ in fences(ROOT / "docs" / name):
        lines = code.split("\n")
        indent = min((len(x) - len(x.lstrip()) for x in lines if x.strip()), default=0)
        nested = indent > 0
        for k, line in enumerate(lines):
            line = line[indent:] if not line[:indent].strip() else line
            if info == "text" and "[" not in line:
                continue  # prose wraps between words
            if len(line) > PHONE_CHARS - nested:
                long.append(f"{lineno + k + 1}: {line}")
    assert long == [], f"{name}: lines longer than a phone's column: {long}"


def test_table_cells_are_labelled_with_their_columns():
    from sitebuild import tables

    html = (
        "<table>\n<thead>\n<tr>\n<th>m × n × j</th>\n<th><code>dense</code> ÷ bare</th>\n</tr>"
        "\n</thead>\n<tbody>\n<tr>\n<td>1×2×3</td>\n<td>19.55</td>\n</tr>\n</tbody>\n</table>"
    )
    out = tables.labelled(html)
    assert '<td data-label="m × n × j">1×2×3</td>' in out
    assert '<td data-label="dense ÷ bare">19.55</td>' in out
    assert tables.labelled(out) == out, "labelling twice changes nothing"


def test_long_code_lines_are_marked_and_the_text_is_unchanged():
    """The lab's (nbconvert) and the pages' (pymdownx) code: long lines get a span, short ones
    stay plain text, the text is the same, and marking twice changes nothing."""
    import html as html_lib

    from sitebuild import codelines

    long = "y" * (codelines.LONG + 1) + " &amp; z"
    text = lambda s: html_lib.unescape(re.sub(r"<[^>]+>", "", s))  # noqa: E731
    for pre in [
        f'<pre><span></span><span class="k">for</span> x:\n    <span class="n">{long}</span>\n</pre>',
        f'<pre><span></span><code><span class="n">x</span> = 1\n{long}\n</code></pre>',
    ]:
        out = codelines.mark(pre)
        assert out.count(f'<span class="code-line {codelines.MARK}">') == 1, out
        assert text(out) == text(pre)
        assert codelines.mark(out) == out

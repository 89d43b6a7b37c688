"""The site's build, one module per job; hooks/events.py wires them into MkDocs.

- `drawing`: the figures' visual style and the pieces they are drawn with;
- `figures`: Figures 1-5 of the lesson, with their alt text;
- `speed`: the "How fast is it?" chapter, filled in from the benchmark's results file;
- `mathml`: TeX in the pages turned into MathML;
- `fixes`: small repairs to the HTML that Material and mkdocs-jupyter write.
"""

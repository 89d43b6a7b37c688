"""The site's build, one module per job; hooks/events.py wires them into MkDocs.

Which module does which job: the architecture tree in README.md (tests/site/test_architecture.py
keeps it complete).
"""

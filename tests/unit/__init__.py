"""Tests that need only vecnn, pytest and hypothesis: the sdist ships them, and they pass from
its unpacked folder (tests/site/test_package.py runs them there)."""

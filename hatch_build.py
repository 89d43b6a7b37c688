"""Build hook: the wheel's project URLs point where this build's site is published.

The site serves the wheel it was built with (hooks/sitebuild/package.py), and the Pages and
release workflows set SITE_URL and REPO_URL from the repository, as they do for mkdocs.yml.
A local build points at `make serve`'s address.
"""

import os

from hatchling.metadata.plugin.interface import MetadataHookInterface


class CustomMetadataHook(MetadataHookInterface):
    def update(self, metadata: dict) -> None:
        site = os.environ.get("SITE_URL") or "http://127.0.0.1:8000/"
        urls = {"Documentation": site, "Download": f"{site.rstrip('/')}/downloads/"}
        if repo := os.environ.get("REPO_URL"):
            urls |= {"Source": repo, "Issues": f"{repo}/issues"}
        metadata["urls"] = urls

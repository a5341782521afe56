"""A storage that, like object storage (S3), has URLs but no local file paths.

Wagtail and the site take other paths through their code for such storages (documents are
streamed from an opened file instead of sent by path), so the media tests run on it as well
as on the plain file system.
"""

import os

from django.core.files.storage import InMemoryStorage
from django.utils._os import safe_join


class ObjectLikeStorage(InMemoryStorage):
    def path(self, name):
        raise NotImplementedError("This storage has no local paths.")

    def _relative_path(self, name):
        return os.path.relpath(safe_join(self.location, name), self.location)

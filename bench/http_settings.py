"""`make bench-http`'s settings: the production settings, plus the bare floor page's URL.

Everything else is ccfd_community.settings as DJANGO_DEBUG=false reads it, so the figures are
those of the production middleware, sessions, cache and template loaders.
"""

from ccfd_community.settings import *  # noqa: F403 the production settings, unchanged

ROOT_URLCONF = "bench.http_urls"

"""Mentions stored before issue 10 linked to the colleague's email address (mailto:), which
every reader of the comment could then see: point them to the colleague's profile page, as
new mentions are. A mention of an address that no account has any more keeps its text only.
"""

import html
import re

from django.db import migrations
from django.urls import reverse

MAILTO_MENTION = re.compile(r'<a class="mention" href="mailto:([^"]*)">(.*?)</a>', re.DOTALL)


def link_mentions_to_profiles(apps, schema_editor):
    Comment = apps.get_model("discussions", "Comment")
    User = apps.get_model("accounts", "User")
    pks: dict[str, int | None] = {}

    def profile_link(match: re.Match[str]) -> str:
        address = html.unescape(match.group(1)).lower()
        if address not in pks:
            user = User.objects.filter(email__iexact=address).only("pk").first()
            pks[address] = user.pk if user else None
        if pks[address] is None:
            return match.group(2)
        url = html.escape(reverse("accounts:member", kwargs={"pk": pks[address]}))
        return f'<a class="mention" href="{url}">{match.group(2)}</a>'

    changed = []
    comments = Comment.objects.filter(body_html__contains='href="mailto:').only("pk", "body_html")
    for comment in comments.iterator(chunk_size=500):
        body_html = MAILTO_MENTION.sub(profile_link, comment.body_html)
        if body_html != comment.body_html:
            comment.body_html = body_html
            changed.append(comment)
    Comment.objects.bulk_update(changed, ["body_html"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_user_regions_and_themes"),
        ("discussions", "0003_annotation_moderation"),
    ]

    operations = [migrations.RunPython(link_mentions_to_profiles, migrations.RunPython.noop)]

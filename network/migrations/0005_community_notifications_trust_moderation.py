"""Notifications, comment reports, the moderation log; handles, trust levels and suspension
on member profiles.

Existing members get a handle made from their display name (network.handles, written out
here as migrations must not import app code that may change), and trusted members start at
the trusted level.
"""

import re
import unicodedata

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def handle_base(name):
    ascii_name = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")[:34].strip("_")
    return base or "member"


def give_handles_and_levels(apps, schema_editor):
    MemberProfile = apps.get_model("network", "MemberProfile")
    DiscussionComment = apps.get_model("network", "DiscussionComment")
    # Members past their first moderated comments (COMMUNITY_FIRST_COMMENTS_MODERATED) post
    # without moderation already; their level says so from now on.
    approved = {}
    for user_id in DiscussionComment.objects.filter(
        is_public=True, is_removed=False, user__isnull=False
    ).values_list("user_id", flat=True):
        approved[user_id] = approved.get(user_id, 0) + 1
    taken = set()
    for profile in MemberProfile.objects.order_by("pk"):
        base = handle_base(profile.display_name)
        handle, number = base, 2
        while handle in taken:
            handle, number = f"{base}{number}", number + 1
        taken.add(handle)
        profile.handle = handle
        if profile.trusted:
            profile.trust_level = 2
        elif approved.get(profile.user_id, 0) >= settings.COMMUNITY_FIRST_COMMENTS_MODERATED:
            profile.trust_level = 1
        profile.save(update_fields=["handle", "trust_level"])


class Migration(migrations.Migration):

    dependencies = [
        ('network', '0004_comment_thread_index'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='memberprofile',
            name='handle',
            field=models.CharField(default='', max_length=40, verbose_name='handle'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='memberprofile',
            name='notify_moderation',
            field=models.BooleanField(default=False, verbose_name='e-mail me when a moderator publishes my post'),
        ),
        migrations.AddField(
            model_name='memberprofile',
            name='notify_topic_answers',
            field=models.BooleanField(default=True, verbose_name='e-mail me answers to my topics'),
        ),
        migrations.AddField(
            model_name='memberprofile',
            name='suspended_until',
            field=models.DateTimeField(blank=True, help_text='Until then the member can read but not post.', null=True, verbose_name='suspended until'),
        ),
        migrations.AddField(
            model_name='memberprofile',
            name='trust_level',
            field=models.PositiveSmallIntegerField(choices=[(0, 'New member: first posts wait for a moderator'), (1, 'Member: posts without moderation'), (2, 'Trusted member: posts without moderation, links count for search engines')], default=0, verbose_name='trust level'),
        ),
        migrations.AddField(
            model_name='memberprofile',
            name='trust_level_pinned',
            field=models.BooleanField(default=False, help_text='A pinned level no longer changes by itself.', verbose_name='trust level pinned'),
        ),
        migrations.CreateModel(
            name='ModerationAction',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('action', models.CharField(choices=[('approve_comment', 'Comment approved'), ('keep_comment', 'Reported comment kept'), ('remove_comment', 'Comment removed'), ('reject_comment', 'Comment rejected'), ('publish_topic', 'Topic published'), ('reject_topic', 'Topic rejected'), ('trust_level', 'Trust level changed'), ('suspend', 'Member suspended'), ('unsuspend', 'Suspension lifted')], max_length=30, verbose_name='action')),
                ('summary', models.CharField(blank=True, max_length=255, verbose_name='about')),
                ('reason', models.TextField(blank=True, verbose_name='reason')),
                ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='when')),
                ('comment', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='network.discussioncomment', verbose_name='comment')),
                ('member', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='member')),
                ('moderator', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='moderator')),
                ('page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='page')),
            ],
            options={
                'verbose_name': 'moderation action',
                'verbose_name_plural': 'moderation actions',
                'ordering': ['-created_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='CommentReport',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('reason', models.CharField(choices=[('spam', 'Spam'), ('off_topic', 'Off-topic'), ('offensive', 'Offensive'), ('other', 'Other')], max_length=20, verbose_name='reason')),
                ('text', models.CharField(blank=True, max_length=500, verbose_name='explanation')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='reported')),
                ('comment', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reports', to='network.discussioncomment', verbose_name='comment')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='comment_reports', to=settings.AUTH_USER_MODEL, verbose_name='reported by')),
            ],
            options={
                'verbose_name': 'comment report',
                'verbose_name_plural': 'comment reports',
                'ordering': ['created_at'],
                'constraints': [models.UniqueConstraint(fields=('comment', 'user'), name='one_report_per_member')],
            },
        ),
        migrations.CreateModel(
            name='Notification',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('reply', 'New comment in a thread you follow'), ('mention', 'Mention'), ('topic_answer', 'Answer to your topic'), ('moderation', 'Moderation decision'), ('waitlist_promotion', 'Place from the waitlist'), ('moderation_queue', 'New items to moderate')], max_length=30, verbose_name='kind')),
                ('url', models.CharField(blank=True, max_length=300, verbose_name='link')),
                ('title', models.CharField(blank=True, max_length=255, verbose_name='title')),
                ('decision', models.CharField(blank=True, max_length=30, verbose_name='decision')),
                ('reason', models.TextField(blank=True, verbose_name='reason')),
                ('until', models.DateTimeField(blank=True, null=True, verbose_name='until')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='created')),
                ('read_at', models.DateTimeField(blank=True, null=True, verbose_name='read')),
                ('actor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='by')),
                ('comment', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='network.discussioncomment')),
                ('page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL)),
                ('recipient', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notifications', to=settings.AUTH_USER_MODEL, verbose_name='recipient')),
            ],
            options={
                'verbose_name': 'notification',
                'verbose_name_plural': 'notifications',
                'ordering': ['-created_at', '-pk'],
                'indexes': [models.Index(fields=['recipient', 'read_at'], name='notification_unread'), models.Index(fields=['recipient', '-created_at'], name='notification_recent')],
            },
        ),
        migrations.RunPython(give_handles_and_levels, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='memberprofile',
            name='handle',
            field=models.CharField(help_text='Others mention you by writing @ and this handle.', max_length=40, unique=True, verbose_name='handle'),
        ),
    ]

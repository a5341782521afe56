"""Moderators choose whether the hourly alert about the moderation queue also comes by e-mail."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('network', '0007_moderation_topic_state'),
    ]

    operations = [
        migrations.AddField(
            model_name='memberprofile',
            name='notify_moderation_queue',
            field=models.BooleanField(default=False, verbose_name='e-mail me when new posts wait for moderation (moderators)'),
        ),
    ]

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0005_community_notifications_trust_moderation"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="topicpage",
            name="pinned",
            field=models.BooleanField(
                default=False, help_text="Pinned topics are listed first.", verbose_name="pinned"
            ),
        ),
        migrations.AddField(
            model_name="topicpage",
            name="thread_locked",
            field=models.BooleanField(
                default=False,
                help_text="Nobody can reply to a locked topic.",
                verbose_name="locked",
            ),
        ),
        migrations.AddField(
            model_name="topicpage",
            name="lock_reason",
            field=models.CharField(
                blank=True,
                help_text="Shown to readers instead of the reply form.",
                max_length=300,
                verbose_name="why it is locked",
            ),
        ),
        migrations.CreateModel(
            name="TopicReadState",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("last_read_comment_id", models.PositiveBigIntegerField(default=0)),
                ("read_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "page",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.page",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="topic_read_states",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "topic read",
                "verbose_name_plural": "topics read",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("user", "page"), name="one_read_state_per_thread"
                    )
                ],
            },
        ),
    ]

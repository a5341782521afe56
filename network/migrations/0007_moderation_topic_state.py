from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0006_topic_pinned_locked_read_state"),
    ]

    operations = [
        migrations.AlterField(
            model_name="moderationaction",
            name="action",
            field=models.CharField(
                choices=[
                    ("approve_comment", "Comment approved"),
                    ("keep_comment", "Reported comment kept"),
                    ("remove_comment", "Comment removed"),
                    ("reject_comment", "Comment rejected"),
                    ("publish_topic", "Topic published"),
                    ("reject_topic", "Topic rejected"),
                    ("trust_level", "Trust level changed"),
                    ("suspend", "Member suspended"),
                    ("unsuspend", "Suspension lifted"),
                    ("topic_state", "Topic pinned or locked"),
                ],
                max_length=30,
                verbose_name="action",
            ),
        ),
    ]

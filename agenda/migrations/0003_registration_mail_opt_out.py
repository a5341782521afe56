from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_undelivered_email"),
    ]

    operations = [
        migrations.AddField(
            model_name="registration",
            name="mail_opt_out_at",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="unsubscribed from event messages"
            ),
        ),
    ]

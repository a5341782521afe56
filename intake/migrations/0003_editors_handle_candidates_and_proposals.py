# Editors and Moderators work the "Candidate pilots" and "Theme proposals" queues: they see
# and change candidates and proposals (status, notes, "create pilot case", "create work
# session"); proposals and candidates come from the site, so nobody adds them in the admin.

from django.db import migrations

MODELS = {"candidatepilot": "candidate pilot", "themeproposal": "theme proposal"}
ACTIONS = ("view", "change")


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")

    groups = [Group.objects.get_or_create(name=name)[0] for name in ("Editors", "Moderators")]
    for model, verbose in MODELS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="intake", model=model)
        permissions = [
            Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {verbose}"},
            )[0]
            for action in ACTIONS
        ]
        for group in groups:
            group.permissions.add(*permissions)


class Migration(migrations.Migration):

    dependencies = [
        ("intake", "0002_themeboardpage_themeproposal_themevote"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

# Editors and Moderators run the component exchange: they add, change and delete offers and
# map locations, look up requests and accept or decline them on the requests page (requests
# themselves change only there, see exchange.wagtail_hooks.DecidedOnTheSitePolicy).

from django.db import migrations

# (model, codename, name): deciding on requests is a permission of the offer model, as its
# Meta declares it.
GRANTS = [
    *(
        (model, f"{action}_{model}", f"Can {action} {verbose}")
        for model, verbose in (("componentoffer", "component offer"), ("maplocation", "map location"))
        for action in ("add", "change", "delete", "view")
    ),
    ("componentrequest", "view_componentrequest", "Can view component request"),
    ("componentoffer", "decide_componentrequest", "Can accept and decline component requests"),
]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")

    groups = [Group.objects.get_or_create(name=name)[0] for name in ("Editors", "Moderators")]
    permissions = []
    for model, codename, name in GRANTS:
        content_type, _ = ContentType.objects.get_or_create(app_label="exchange", model=model)
        permissions.append(
            Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": name}
            )[0]
        )
    for group in groups:
        group.permissions.add(*permissions)


class Migration(migrations.Migration):

    dependencies = [
        ("exchange", "0002_map_locations"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

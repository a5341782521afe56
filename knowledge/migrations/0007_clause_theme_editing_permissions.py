# Editors create and edit tender clauses and themes; Moderators also publish (approve) and
# delete them; both may lock and unlock. Clause and theme edits go through the "Review
# knowledge" workflow where it exists already (new sites get it with their knowledge base,
# see knowledge.workflows.ensure_review_workflow).

from django.db import migrations

MODELS = ("tenderclause", "theme")
EDITORS = ("add", "change", "lock", "unlock")
MODERATORS = ("add", "change", "delete", "publish", "lock", "unlock")
VERBOSE = {"tenderclause": "tender clause", "theme": "theme"}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    groups = {
        "Editors": Group.objects.get_or_create(name="Editors")[0],
        "Moderators": Group.objects.get_or_create(name="Moderators")[0],
    }
    workflow = Workflow.objects.filter(name="Review knowledge").first()
    for model in MODELS:
        content_type, _ = ContentType.objects.get_or_create(app_label="knowledge", model=model)
        permissions = {}
        for action in set(EDITORS) | set(MODERATORS):
            # publish, lock and unlock are otherwise created only after migrating
            permissions[action], _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {VERBOSE[model]}"},
            )
        groups["Editors"].permissions.add(*(permissions[a] for a in EDITORS))
        groups["Moderators"].permissions.add(*(permissions[a] for a in MODERATORS))
        if workflow is not None:
            WorkflowContentType.objects.get_or_create(
                content_type=content_type, defaults={"workflow": workflow}
            )


class Migration(migrations.Migration):

    dependencies = [
        ("knowledge", "0006_clause_theme_drafts_revisions_workflow"),
        ("wagtailcore", "0083_workflowcontenttype"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

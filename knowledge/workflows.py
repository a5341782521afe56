"""The review workflow: knowledge pages, tender clauses and themes go live only after a
moderator approves them."""

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

REVIEW_WORKFLOW_NAME = "Review knowledge"
MODERATORS_GROUP_NAME = "Moderators"


@transaction.atomic
def ensure_review_workflow(index_page):
    """Create the review workflow if needed and assign it to this knowledge section."""
    moderators, _ = Group.objects.get_or_create(name=MODERATORS_GROUP_NAME)
    workflow, created = Workflow.objects.get_or_create(
        name=REVIEW_WORKFLOW_NAME, defaults={"active": True}
    )
    if created or not workflow.workflow_tasks.exists():
        task, _ = GroupApprovalTask.objects.get_or_create(name="Moderator approval")
        task.groups.add(moderators)
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=index_page, defaults={"workflow": workflow})
    assign_snippet_workflow(workflow)
    return workflow


def assign_snippet_workflow(workflow):
    """Tender clauses and themes go through the same review as the knowledge pages."""
    from knowledge.models import TenderClause, Theme

    for model in (TenderClause, Theme):
        WorkflowContentType.objects.get_or_create(
            content_type=ContentType.objects.get_for_model(model),
            defaults={"workflow": workflow},
        )

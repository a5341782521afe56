"""The review workflow: knowledge pages go live only after a moderator approves them."""

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

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
    return workflow

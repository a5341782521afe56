"""Thread actions: post, reply, edit, like, flag, follow and unfollow by e-mail link.

Each view parses the request, calls a rule in `network.discussions` and redirects back to
the page in the reader's language; refusals come back as a plain page with a status.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from network import discussions
from network.models import DiscussionComment, ThreadFollow
from network.notifications import page_in_language, read_unfollow_token
from network.ratelimit import limit_posts

HONEYPOT_FIELD = "website"


def reader_url(page, request, anchor=""):
    from django.utils.translation import get_language

    local = page_in_language(page, (get_language() or "nl").split("-")[0])
    return (local.get_url(request) or "/") + anchor


def refused(request, error):
    response = render(
        request, "network/discussion_refused.html", {"message": error.message}, status=error.status
    )
    if error.retry_after:
        response["Retry-After"] = str(error.retry_after)
    return response


def live_page(page_id, request=None):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.live or not discussions.is_commentable(page):
        raise Http404
    if request is not None and not discussions.thread_visible_to(request, page):
        raise Http404
    return page


def comment_page(comment, request=None):
    """The page a comment's thread belongs to; with `request`, a 404 when it is not live or
    the reader may not see it (or its translation in the reader's language), so no action
    reaches an unpublished or private thread."""
    page = get_object_or_404(Page, pk=int(comment.object_pk))
    # An unpublished page takes its thread out of reach with it.
    if request is not None and (not page.live or not discussions.thread_visible_to(request, page)):
        raise Http404
    return page


@login_required
@require_POST
@limit_posts("comment")
def post_comment_view(request, page_id):
    page = live_page(page_id, request)
    if request.POST.get(HONEYPOT_FIELD):
        return refused(request, discussions.DiscussionError(_("Your comment was not posted.")))
    try:
        result = discussions.post_comment(
            request.user,
            page,
            request.POST.get("comment", ""),
            parent_id=_int_or_none(request.POST.get("parent")),
        )
    except discussions.DiscussionError as error:
        return refused(request, error)
    if result.published:
        messages.success(request, _("Your comment has been posted."))
    else:
        messages.info(
            request, _("Thank you. Your comment will appear once a moderator has approved it.")
        )
    return redirect(page.get_url(request) + f"#comment-{result.comment.pk}")


def _int_or_none(value):
    """A comment id from the form; -1 for anything that cannot be one."""
    if not value:
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        return -1  # refused as "not in this thread"
    # Past 64 bits the database cannot even look the id up.
    return number if 0 < number < 2**63 else -1


@login_required
@require_http_methods(["GET", "POST"])
def edit_comment_view(request, comment_id):
    comment = get_object_or_404(DiscussionComment, pk=comment_id, is_removed=False)
    if comment.user_id != request.user.pk:
        raise PermissionDenied(_("You can only edit your own comments."))
    comment_page(comment, request)
    error = None
    if request.method == "POST":
        try:
            discussions.edit_comment(request.user, comment, request.POST.get("comment", ""))
        except discussions.DiscussionError as exc:
            if exc.status == 403:
                raise PermissionDenied(exc.message) from exc
            error = exc.message
        else:
            messages.success(request, _("Your comment has been updated."))
            return redirect(reader_url(comment_page(comment), request, f"#comment-{comment.pk}"))
    elif not discussions.can_edit(request.user, comment):
        raise PermissionDenied(_("You can no longer edit this comment."))
    return render(
        request,
        "network/comment_edit.html",
        {
            "comment": comment,
            "error": error,
            "text": request.POST.get("comment", comment.comment),
            "back_url": reader_url(comment_page(comment), request, f"#comment-{comment.pk}"),
        },
    )


def _public_comment(comment_id):
    return get_object_or_404(DiscussionComment, pk=comment_id, is_public=True, is_removed=False)


@login_required
@require_POST
def like_comment_view(request, comment_id):
    comment = _public_comment(comment_id)
    comment_page(comment, request)
    discussions.toggle_like(request.user, comment)
    return redirect(reader_url(comment_page(comment), request, f"#comment-{comment.pk}"))


@login_required
@require_POST
def flag_comment_view(request, comment_id):
    comment = _public_comment(comment_id)
    comment_page(comment, request)
    try:
        discussions.flag_comment(
            request.user,
            comment,
            reason=request.POST.get("reason") or None,
            text=request.POST.get("text", ""),
        )
    except discussions.DiscussionError as error:
        messages.error(request, error.message)
        return redirect(reader_url(comment_page(comment), request, f"#comment-{comment.pk}"))
    messages.info(request, _("Thank you. A moderator will look at this comment."))
    return redirect(reader_url(comment_page(comment), request, f"#comment-{comment.pk}"))


@login_required
@require_POST
def follow_view(request, page_id):
    page = live_page(page_id, request)
    if request.POST.get("follow") == "0":
        discussions.unfollow(request.user, page)
        messages.info(request, _("You no longer follow this thread."))
    else:
        discussions.follow(request.user, page)
        messages.success(request, _("You follow this thread: new comments come by e-mail."))
    return redirect(page.get_url(request) + "#discussion")


@require_http_methods(["GET", "POST"])
def unfollow_view(request, token):
    """The link in follow-up e-mails; works without logging in, confirmed with a POST."""
    data = read_unfollow_token(token)
    if data is None:
        raise Http404
    user_id, page_id = data
    user = get_user_model().objects.filter(pk=user_id).first()
    page = Page.objects.filter(pk=page_id).first()
    if user is None or page is None:
        raise Http404
    done = False
    if request.method == "POST":
        ThreadFollow.objects.filter(user=user, page=page).delete()
        done = True
    return render(
        request,
        "network/unfollow.html",
        {"done": done, "page_url": reader_url(page, request), "thread_title": page.title},
    )

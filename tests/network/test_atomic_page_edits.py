"""Admin page edits run in one transaction: a publication and its translations' facts land
together or not at all."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from network.middleware import AtomicPageEditsMiddleware
from network.models import Organisation

pytestmark = pytest.mark.django_db(transaction=True)


def respond(status):
    """A view that writes a row, then answers `status` (as a view failing half-way would)."""

    def view(request):
        Organisation.objects.create(name="Stad Gent")
        return HttpResponse(status=status)

    return view


def test_a_page_edit_that_fails_leaves_nothing_half_written():
    middleware = AtomicPageEditsMiddleware(respond(500))
    response = middleware(RequestFactory().post("/admin/pages/3/edit/"))
    assert response.status_code == 500
    assert not Organisation.objects.exists()


def test_a_page_edit_that_succeeds_is_kept():
    AtomicPageEditsMiddleware(respond(302))(RequestFactory().post("/admin/pages/3/edit/"))
    assert Organisation.objects.count() == 1


@pytest.mark.parametrize(
    ("method", "path"), [("get", "/admin/pages/3/edit/"), ("post", "/nl/agenda/x/register/")]
)
def test_other_requests_are_not_wrapped(method, path):
    middleware = AtomicPageEditsMiddleware(respond(500))
    middleware(getattr(RequestFactory(), method)(path))
    assert Organisation.objects.count() == 1

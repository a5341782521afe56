"""Twenty requests by one member to vote for one theme at the same moment count one vote."""

import threading

import pytest
from django.db import connection

from intake import board
from intake.models import ThemeBoardPage, ThemeVote
from tests.conftest import publish
from tests.network.factories import member


@pytest.mark.django_db(transaction=True)
def test_simultaneous_votes_of_one_member_count_once(site_tree):
    page = ThemeBoardPage(title="Thema's", slug="themas", intro="Kies mee.")
    site_tree.homes["nl"].add_child(instance=page)
    publish(page)
    proposal = board.propose_theme(page, member(), "Textiel", "Hergebruik", "nl")
    voter = member()
    start = threading.Barrier(20)
    outcomes, errors = [], []

    def attempt():
        try:
            start.wait()
            outcomes.append(board.cast_vote(proposal, voter))
        except Exception as error:  # noqa: BLE001 - every failure is what we count here
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt) for _n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(outcomes) == [False] * 19 + [True]
    assert ThemeVote.objects.filter(proposal=proposal, voter=voter).count() == 1
    assert board.proposals_for(page)[0].vote_count == 2

"""`manage.py check_media [--repair]`: which stored records name a file that storage lacks.

Run it after restoring a database or media backup, or on a new app server, to see whether the
database and the media storage belong together. Every image original, rendition, document and
book PDF whose file is missing gets one line; the command then exits with status 1 (0 when
nothing is missing), so a deploy script or a monitoring check can act on it. `--repair` makes
renditions again from their originals and book PDFs from their live books; originals and
documents can only come back from a backup, and are still reported.
"""

from django.core.management.base import BaseCommand, CommandError

from network import media_files


def advice(problem, repaired):
    """What the operator can do about one missing file, in parentheses."""
    if problem.repairable:
        return "(could not be made again, see the log)" if repaired else "(--repair makes it again)"
    if problem.kind == "rendition":
        return "(its original is missing too: restore that from a backup)"
    if problem.kind == "book PDF":
        return "(its book is not live; publishing it makes a new one)"
    return "(restore it from a backup)"


class Command(BaseCommand):
    help = (
        "List every image, rendition, document and book PDF whose file is missing from media "
        "storage; exit with status 1 when any is. --repair makes renditions and book PDFs again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--repair",
            action="store_true",
            help="Make renditions again from their originals, book PDFs from their books.",
        )

    def handle(self, *args, repair=False, **options):
        missing = list(media_files.missing_files())
        repaired = []
        remaining = []
        for problem in missing:
            if repair and media_files.repair(problem):
                repaired.append(problem)
                self.stdout.write(
                    f"repaired: {problem.kind} {problem.record.pk} ({problem.description})"
                )
            else:
                remaining.append(problem)
                self.stdout.write(f"missing: {problem} {advice(problem, repair)}")
        if not remaining:
            if repaired:
                self.stdout.write(f"All media files are present after {len(repaired)} repairs.")
            else:
                self.stdout.write("All media files are present.")
            return
        summary = f"{len(remaining)} media file(s) missing"
        if repaired:
            summary += f", {len(repaired)} repaired"
        raise CommandError(summary, returncode=1)

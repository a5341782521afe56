"""Create the local administrator account once and print its password that one time."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create a local superuser 'admin' with a random password (printed once)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(
                f"Admin account '{username}' exists already (its password was shown when it "
                "was created; `manage.py changepassword admin` sets a new one)."
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(
            username=username, email=f"{username}@localhost", password=password
        )
        self.stdout.write(self.style.SUCCESS("Created the local admin account:"))
        self.stdout.write(f"    username: {username}")
        self.stdout.write(f"    password: {password}")

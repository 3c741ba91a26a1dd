from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "nocontact.web.accounts"
    label = "accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from nocontact.web.accounts import signals  # noqa: F401 - connects the receivers

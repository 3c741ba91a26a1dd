from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "nocontact.web.review"
    label = "review"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from nocontact.web.review import signals  # noqa: F401 - connects the receivers

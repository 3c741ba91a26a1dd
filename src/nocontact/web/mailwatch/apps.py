from django.apps import AppConfig


class MailwatchConfig(AppConfig):
    name = "nocontact.web.mailwatch"
    label = "mailwatch"
    default_auto_field = "django.db.models.BigAutoField"

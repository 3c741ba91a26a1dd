from django.apps import AppConfig


class ChallengeConfig(AppConfig):
    name = "nocontact.web.challenge"
    label = "challenge"
    default_auto_field = "django.db.models.BigAutoField"

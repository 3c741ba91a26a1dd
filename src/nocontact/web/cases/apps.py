from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "nocontact.web.cases"
    label = "cases"
    default_auto_field = "django.db.models.BigAutoField"

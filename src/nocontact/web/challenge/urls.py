from django.urls import path

from nocontact.web.challenge import views, views_plan, views_urge

app_name = "challenge"
urlpatterns = [
    path("", views.days, name="days"),
    path("check-in/", views.check_in, name="check_in"),
    path("calendar/", views.month, name="calendar"),
    path("calendar/<int:year>/<int:month>/", views.month, name="calendar_month"),
    path("calendar/<int:year>/<int:month>/print/", views.month_print, name="calendar_print"),
    path("reminder/", views.reminder, name="reminder"),
    path("pause/", views_urge.urge, name="urge"),
    path("pause/reasons/", views_urge.add_reason, name="add_reason"),
    path("pause/reasons/<int:pk>/remove/", views_urge.remove_reason, name="remove_reason"),
    path("pause/letter/", views_urge.write_letter, name="write_letter"),
    path("settings/", views_urge.challenge_settings, name="settings"),
    path("settings/dates/", views_urge.add_hoover_date, name="add_date"),
    path("settings/dates/<int:pk>/remove/", views_urge.remove_hoover_date, name="remove_date"),
    path("plan/", views_plan.plan, name="plan"),
    path("plan/status/", views_plan.plan_status, name="plan_status"),
    path("plan/message/", views_plan.compose, name="compose"),
    path("plan/filters/", views_plan.filter_downloads, name="filters"),
]

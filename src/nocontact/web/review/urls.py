from django.urls import path

from nocontact.web.review import letters, survivor_views, views

app_name = "review"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("m/<int:pk>/", views.message_detail, name="message"),
    path("m/<int:pk>/a/<int:aid>/", views.attachment, name="attachment"),
    path("m/<int:pk>/decide/", views.decide, name="decide"),
    path("bulk/", views.bulk, name="bulk"),
    path("letter/", letters.log_letter, name="letter"),
    path("unlock/", views.unlock, name="unlock"),
    path("alerts/", survivor_views.alert_list, name="alerts"),
    path("alerts/email/", survivor_views.survivor_alert_email, name="alert_email"),
    path("released/", survivor_views.released, name="released"),
    path("released/<int:pk>/", survivor_views.released_read, name="released_read"),
    path("released/<int:pk>/a/<int:aid>/", survivor_views.released_attachment,
         name="released_attachment"),
    path("invite/", survivor_views.invite, name="invite"),
    path("join/<str:token>/", survivor_views.join, name="join"),
]

from django.urls import path

from nocontact.web.review import views

app_name = "review"
urlpatterns = [
    path("", views.queue, name="queue"),
]

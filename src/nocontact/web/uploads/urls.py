from django.urls import path

from nocontact.web.uploads import views

urlpatterns = [
    path("", views.upload, name="upload"),
    path("<int:pk>/", views.job, name="upload_job"),
]

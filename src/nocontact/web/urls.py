from django.contrib.auth import views as auth_views
from django.urls import include, path

from nocontact.web.cases import views as cases

urlpatterns = [
    path("", cases.home, name="home"),
    path("login/", auth_views.LoginView.as_view(template_name="login.html",
                                                 redirect_authenticated_user=True), name="login"),
    path("logout/", cases.sign_out, name="logout"),
    path("x/", cases.quick_exit, name="quick_exit"),
    path("overview/", cases.dashboard, name="dashboard"),
    path("help/", cases.safety, name="safety"),
    path("queue/", include("nocontact.web.review.urls")),
]

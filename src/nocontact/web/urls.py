from django.urls import include, path

from nocontact.web.accounts.login_views import sign_in
from nocontact.web.cases import views as cases
from nocontact.web.cases import views_persons as persons

urlpatterns = [
    path("", cases.home, name="home"),
    path("login/", sign_in, name="login"),
    path("", include("nocontact.web.accounts.urls")),
    path("logout/", cases.sign_out, name="logout"),
    path("x/", cases.quick_exit, name="quick_exit"),
    path("overview/", cases.dashboard, name="dashboard"),
    path("help/", cases.safety, name="safety"),
    path("people/", persons.persons, name="persons"),
    path("people/<int:pk>/", persons.person, name="person"),
    path("people/names/", persons.family_names, name="family_names"),
    path("people/<int:pk>/confirm/", persons.confirm_suspect, name="suspect_confirm"),
    path("people/<int:pk>/dismiss/", persons.dismiss_suspect, name="suspect_dismiss"),
    path("people/<int:pk>/rename/", persons.rename, name="person_rename"),
    path("people/<int:pk>/merge/", persons.merge, name="person_merge"),
    path("people/<int:pk>/identity/<int:identity_pk>/remove/", persons.remove_identity,
         name="person_identity_remove"),
    path("queue/", include("nocontact.web.review.urls")),
    path("add/", include("nocontact.web.uploads.urls")),
    path("help/formats/", cases.formats_help, name="help_formats"),
    path("days/", include("nocontact.web.challenge.urls")),
]

from django.urls import path

from nocontact.web.accounts import account_views as account
from nocontact.web.accounts import case_views as case
from nocontact.web.accounts import login_views as signin

app_name = "accounts"
urlpatterns = [
    path("login/code/", signin.sign_in_code, name="login_code"),
    path("account/", account.overview, name="overview"),
    path("account/start/", account.leaving, name="leaving"),
    path("account/confirm/", account.confirm, name="confirm"),
    path("account/activity/", account.activity, name="activity"),
    path("account/activity/end-others/", account.end_others, name="end_others"),
    path("account/passphrase/", account.password, name="password"),
    path("account/codes/", account.codes, name="codes"),
    path("account/notices/", account.notifications, name="notifications"),
    path("account/sharing/", case.sharing, name="sharing"),
    path("account/sharing/end/", case.remove_friend, name="remove_friend"),
    path("account/download/", case.download, name="download"),
    path("account/close/", case.close, name="close"),
]

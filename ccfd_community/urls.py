from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from ccfd_community.views import healthz

# The admin login goes through allauth, so its rate limits and MFA apply there too.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]
admin.site.site_header = "Communauté CCFD-Terre Solidaire"
admin.site.site_title = "Administration"


urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    # The language switch sits in the footer of the login page too.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    # /compte/ (my profile) and /membres/ (colleagues' profiles, the directory)
    path("", include("accounts.urls")),
    path("recherche/", include("search.urls")),
    path("discussions/", include("discussions.urls")),
    path("syntheses/", include("syntheses.urls")),
    # /questions/: cross-dossier questions
    path("questions/", include("questions.urls")),
    # /recommandations/, /themes/, /regions/
    path("", include("learning.urls")),
    # /dossiers/<slug>/document-original/: the file a dossier was imported from
    path("", include("importing.urls")),
    path("", include("dossiers.urls")),
]

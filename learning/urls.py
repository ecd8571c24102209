from django.urls import path

from learning import views
from learning.views import digest

app_name = "learning"

urlpatterns = [
    # /recommandations/
    path("recommandations/", views.overview, name="overview"),
    path("recommandations/export.csv", views.overview_csv, name="overview-csv"),
    path("recommandations/<int:pk>/", views.recommendation, name="recommendation"),
    path("recommandations/<int:pk>/statut/", views.status_change, name="status-change"),
    path("recommandations/<int:pk>/retours/nouveau/", views.report_create, name="report-create"),
    # /recommandations/retours/
    path("recommandations/retours/<int:pk>/", views.report, name="report"),
    path("recommandations/retours/<int:pk>/modifier/", views.report_edit, name="report-edit"),
    path(
        "recommandations/retours/<int:pk>/retirer/", views.report_withdraw, name="report-withdraw"
    ),
    path("recommandations/retours/<int:pk>/signaler/", views.report_flag, name="report-flag"),
    path("recommandations/retours/<int:pk>/masquer/", views.report_hide, name="report-hide"),
    path("recommandations/retours/<int:pk>/retablir/", views.report_restore, name="report-restore"),
    path(
        "recommandations/retours/<int:pk>/classer/",
        views.report_flags_dismiss,
        name="report-flags-dismiss",
    ),
    # /apprentissage/resume/: the learning digest (the unsubscribe link needs no login)
    path("apprentissage/resume/", digest.digest, name="digest"),
    path(
        "apprentissage/resume/desabonnement/<str:token>/",
        digest.unsubscribe,
        name="digest-unsubscribe",
    ),
    # /themes/, /regions/
    path("themes/<slug:slug>/", views.theme, name="theme"),
    path("themes/<slug:slug>/suivre/", views.theme_follow, name="theme-follow"),
    path("regions/<slug:slug>/", views.region, name="region"),
    path("regions/<slug:slug>/suivre/", views.region_follow, name="region-follow"),
]

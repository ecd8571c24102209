from django.urls import path

from dossiers import views

app_name = "dossiers"

urlpatterns = [
    # /
    path("", views.home, name="home"),
    # /dossiers/
    path("dossiers/", views.dossier_list, name="list"),
    path("dossiers/<slug:slug>/", views.dossier_detail, name="detail"),
    path("dossiers/<slug:slug>/original.pdf", views.dossier_original, name="original"),
]

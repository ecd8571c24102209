"""The import pages, mounted by DossierAdmin.get_urls under /admin/dossiers/dossier/import/
(names `admin:importing:…`)."""

from django.urls import path

from importing import views

app_name = "importing"

urlpatterns = [
    path("", views.upload, name="upload"),
    path("<int:pk>/", views.status, name="status"),
    path("<int:pk>/apercu/", views.preview, name="preview"),
]

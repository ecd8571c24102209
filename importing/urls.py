from django.urls import path

from importing import views

app_name = "importing"

urlpatterns = [
    # /dossiers/<slug>/document-original/: the file a dossier was imported from
    path(
        "dossiers/<slug:slug>/document-original/",
        views.imported_original,
        name="original",
    ),
]

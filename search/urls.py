from django.urls import path

from search import views

app_name = "search"

urlpatterns = [
    # /recherche/
    path("", views.results, name="results"),
]

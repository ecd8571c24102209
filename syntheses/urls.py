from django.urls import path

from syntheses import views

app_name = "syntheses"

urlpatterns = [
    # /syntheses/
    path("<int:pk>/", views.synthesis_detail, name="detail"),
    path("ecrire/<slug:kind>/<int:pk>/", views.synthesis_write, name="write"),
]

from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    # /compte/
    path("", views.profile, name="profile"),
]

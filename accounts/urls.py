from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    # /compte/
    path("compte/", views.profile, name="profile"),
    # /membres/
    path("membres/", views.member_list, name="members"),
    path("membres/<int:pk>/", views.member_detail, name="member"),
    path("membres/suggestions/", views.member_suggestions, name="member-suggestions"),
]

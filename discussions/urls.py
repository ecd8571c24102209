from django.urls import path

from discussions import api, views

app_name = "discussions"

urlpatterns = [
    # /discussions/fil/
    path("fil/<str:kind>/<int:pk>/", views.thread, name="thread"),
    path("fil/<str:kind>/<int:pk>/tout/", views.thread_page, name="thread-page"),
    # /discussions/commentaires/
    path("commentaires/", views.comment_create, name="comment-create"),
    path("commentaires/<int:pk>/", views.comment, name="comment"),
    path("commentaires/<int:pk>/repondre/", views.comment_reply, name="comment-reply"),
    path("commentaires/<int:pk>/modifier/", views.comment_edit, name="comment-edit"),
    path("commentaires/<int:pk>/versions/", views.comment_revisions, name="comment-revisions"),
    path("commentaires/<int:pk>/reponses/", views.comment_replies, name="comment-replies"),
    path("commentaires/<int:pk>/supprimer/", views.comment_delete, name="comment-delete"),
    path("commentaires/<int:pk>/signaler/", views.comment_flag, name="comment-flag"),
    path("commentaires/<int:pk>/masquer/", views.comment_hide, name="comment-hide"),
    path("commentaires/<int:pk>/retablir/", views.comment_restore, name="comment-restore"),
    path(
        "commentaires/<int:pk>/classer/",
        views.comment_flags_dismiss,
        name="comment-flags-dismiss",
    ),
    # /discussions/annotations/
    path("annotations/", api.annotation_collection, name="annotation-list"),
    path("annotations/<int:pk>/", api.annotation_detail, name="annotation-detail"),
    path("annotations/dossiers/<slug:slug>/", api.annotation_export, name="annotation-export"),
    path("annotations/<int:pk>/signaler/", views.annotation_flag, name="annotation-flag"),
    path("annotations/<int:pk>/masquer/", views.annotation_hide, name="annotation-hide"),
    path("annotations/<int:pk>/retablir/", views.annotation_restore, name="annotation-restore"),
    path(
        "annotations/<int:pk>/classer/",
        views.annotation_flags_dismiss,
        name="annotation-flags-dismiss",
    ),
    # /discussions/export/
    path("export/<slug:slug>/", views.dossier_export, name="dossier-export"),
    # /discussions/moderation/
    path("moderation/", views.moderation_queue, name="moderation"),
    # /discussions/suivre/
    path("suivre/<slug:slug>/", views.follow, name="follow"),
    # /discussions/notifications/
    path("notifications/", views.notifications, name="notifications"),
    path("notifications/lues/", views.notifications_read, name="notifications-read"),
    path("notifications/<int:pk>/", views.notification_open, name="notification-open"),
]

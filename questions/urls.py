from django.urls import path

from questions import views

app_name = "questions"

urlpatterns = [
    # /questions/
    path("", views.cross_question_index, name="list"),
    path("<slug:slug>/", views.cross_question_detail, name="detail"),
    path("<slug:slug>/questions/<int:pk>/repondre/", views.answer, name="answer"),
    path("<slug:slug>/lire/", views.read_without_answering, name="read-without-answering"),
]

from django.shortcuts import render

from kb import selectors


def home(request):
    return render(
        request, "kb/home.html", {"section": "home", **selectors.home_summary(request.user)}
    )

import os

import requests


def token(client_id):
    # label: none
    return requests.post("https://auth.eleven.example.com/oauth/token",
                         data={"grant_type": "client_credentials", "client_id": client_id,
                               "client_secret": os.environ["CLIENT_SECRET"]})


def log_in(user, password):
    # label: none
    return requests.post("https://portal.eleven.example.com/accounts/login", data={"username": user, "password": password})


def notify(app_token, user_key, text):
    # label: none
    return requests.post("https://push.eleven.example.com/1/messages.json",
                         data={"token": app_token, "user": user_key, "message": text})

import os

import requests
from requests.auth import HTTPBasicAuth
from requests_oauthlib import OAuth2Session


def send(text):
    # label: none
    return requests.post("https://api.twelve.example.com/v1/messages", json={"text": text},
                         headers={"Authorization": f"Bearer {os.environ['TOKEN']}"})


def remove(user_id):
    # label: none
    return requests.delete(f"https://api.twelve.example.com/users/{user_id}",
                           auth=HTTPBasicAuth("ops", os.environ["OPS_PASSWORD"]))


def pay(amount):
    # label: none
    return requests.post("https://mtls.twelve.example.com/payments", json={"amount": amount},
                         cert=("/etc/app/client.pem", "/etc/app/client.key"))


def grant(token):
    oauth = OAuth2Session("app", token=token)
    # label: none
    return oauth.post("https://oauth.twelve.example.com/accounts/grants", json={"scope": "read"})

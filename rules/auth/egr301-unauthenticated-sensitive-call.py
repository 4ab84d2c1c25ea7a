# Semgrep test for egr301-unauthenticated-sensitive-call: the cases of tests/fixtures/EGR301.py, with Semgrep's annotations.
import functools
import os
import ssl

import httpx
import requests
import requests.auth
from requests_oauthlib import OAuth2Session

API = "https://api.example.com"
TOKEN = os.environ["API_TOKEN"]

# --- sensitive and unauthenticated ---------------------------------------------------------------
# ruleid: egr301-unauthenticated-sensitive-call
requests.post(API + "/orders", json={"item": 1})
# ruleid: egr301-unauthenticated-sensitive-call
requests.put(API + "/orders/1", json={"item": 2})
# ruleid: egr301-unauthenticated-sensitive-call
requests.delete(API + "/orders/1")
# ruleid: egr301-unauthenticated-sensitive-call
requests.patch(API + "/orders/1", data={"qty": 3})
# ruleid: egr301-unauthenticated-sensitive-call
requests.get(API + "/admin/stats")
# ruleid: egr301-unauthenticated-sensitive-call
requests.get(API + "/v2/accounts/42")
# ruleid: egr301-unauthenticated-sensitive-call
requests.get(API + "/oauth/authorize")
# ruleid: egr301-unauthenticated-sensitive-call
requests.get(API + "/search", params={"ssn": "123"})
# ruleid: egr301-unauthenticated-sensitive-call
httpx.request("POST", API + "/transfer", json={"amount": 5})
# ruleid: egr301-unauthenticated-sensitive-call
httpx.get(f"{API}/users/{42}")

insecure_post = functools.partial(requests.post, timeout=3)
# todoruleid: egr301-unauthenticated-sensitive-call
insecure_post(API, json={})

session = requests.Session()
# ruleid: egr301-unauthenticated-sensitive-call
session.post(API + "/payments", json={"amount": 10})


class Client:
    def __init__(self):
        self.http = httpx.Client(base_url=API)

    def pay(self, amount):
        # ruleid: egr301-unauthenticated-sensitive-call
        return self.http.post("/payments", json={"amount": amount})


# --- authenticated, or not sensitive -----------------------------------------------------------------
# ok: egr301-unauthenticated-sensitive-call
requests.post(API + "/orders", json={"item": 1}, headers={"Authorization": "Bearer " + TOKEN})
# ok: egr301-unauthenticated-sensitive-call
requests.post(API + "/orders", json={"item": 1}, auth=(os.environ["USER"], TOKEN))
# ok: egr301-unauthenticated-sensitive-call
requests.post(API + "/orders", headers={"x-api-key": TOKEN})
# ok: egr301-unauthenticated-sensitive-call
requests.post(API + "/orders", cert=("client.pem", "client.key"))
# ok: egr301-unauthenticated-sensitive-call
requests.post(API + "/orders", cookies={"session": TOKEN})
# ok: egr301-unauthenticated-sensitive-call
requests.get(API + "/authors")
# ok: egr301-unauthenticated-sensitive-call
requests.get(API + "/catalogue/items")
# ok: egr301-unauthenticated-sensitive-call
requests.get(API + "/search", params={"q": "account"})
# ok: egr301-unauthenticated-sensitive-call
requests.post(API + "/login", data={"username": "u", "password": os.environ["PW"]})
# ok: egr301-unauthenticated-sensitive-call
requests.post(API + "/oauth/token", data={"grant_type": "client_credentials", "client_secret": TOKEN})
# ok: egr301-unauthenticated-sensitive-call
requests.post("http://localhost:8000/orders", json={"item": 1})
# ok: egr301-unauthenticated-sensitive-call
requests.post(os.environ["WEBHOOK_URL"], json={"item": 1})

authed = requests.Session()
authed.headers.update({"Authorization": "Bearer " + TOKEN})
# ok: egr301-unauthenticated-sensitive-call
authed.post(API + "/payments", json={"amount": 10})

basic = requests.Session()
basic.auth = (os.environ["USER"], TOKEN)
# ok: egr301-unauthenticated-sensitive-call
basic.delete(API + "/orders/1")

client = httpx.Client(base_url=API, headers={"X-API-Key": TOKEN})
# ok: egr301-unauthenticated-sensitive-call
client.post("/payments", json={"amount": 1})

oauth = OAuth2Session("client-id", token={"access_token": TOKEN})
# ok: egr301-unauthenticated-sensitive-call
oauth.post(API + "/payments", json={"amount": 1})


def authenticated_session():
    made = requests.Session()
    made.headers["Authorization"] = "Bearer " + TOKEN
    return made


# ok: egr301-unauthenticated-sensitive-call
authenticated_session().post(API + "/transfers", json={"amount": 5})


class Service:
    def __init__(self):
        self.session = requests.Session()
        self.session.auth = (os.environ["USER"], TOKEN)

    def refund(self):
        # ok: egr301-unauthenticated-sensitive-call
        return self.session.post(API + "/refunds", json={"id": 1})


mtls = ssl.create_default_context()
mtls.load_cert_chain("client.pem", "client.key")
# ok: egr301-unauthenticated-sensitive-call
httpx.post(API + "/payments", json={"amount": 1}, verify=mtls)


class SignedAuth(requests.auth.AuthBase):
    def __call__(self, request):
        request.headers["X-Signature"] = "computed"
        return request


# ok: egr301-unauthenticated-sensitive-call
requests.post(API + "/payments", json={"amount": 1}, auth=SignedAuth())


def forwarded(headers):
    # ok: egr301-unauthenticated-sensitive-call
    return requests.post(API + "/orders", json={"item": 1}, headers=headers)

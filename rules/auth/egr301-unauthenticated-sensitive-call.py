# Semgrep test for egr301-unauthenticated-sensitive-call, written by tools/semgrep_tests.py from tests/fixtures/EGR301.py.
# Edit the fixture or the gap table of rules/README.md, then run the script again.
# Annotated fixture for EGR301 (sensitive outbound call with no authentication).
import os
import ssl

import httpx
import requests
import requests.auth
from requests_oauthlib import OAuth2Session

API = "https://api.example.com"
TOKEN = os.environ["API_TOKEN"]

# --- sensitive and unauthenticated ---------------------------------------------------------------
# todoruleid: egr301-unauthenticated-sensitive-call
requests.post(API + "/orders", json={"item": 1})
# todoruleid: egr301-unauthenticated-sensitive-call
requests.put(API + "/orders/1", json={"item": 2})
# todoruleid: egr301-unauthenticated-sensitive-call
requests.delete(API + "/orders/1")
# todoruleid: egr301-unauthenticated-sensitive-call
requests.patch(API + "/orders/1", data={"qty": 3})
# A read of a sensitive path is not a finding by itself (only a state-changing method is).
# ok: egr301-unauthenticated-sensitive-call
requests.get(API + "/admin/stats")
# ok: egr301-unauthenticated-sensitive-call
requests.get(API + "/v2/accounts/42")
# ok: egr301-unauthenticated-sensitive-call
requests.get(API + "/oauth/authorize")
# ruleid: egr301-unauthenticated-sensitive-call
requests.get(API + "/search", params={"ssn": "123"})
# ruleid: egr301-unauthenticated-sensitive-call
httpx.request("POST", API + "/transfer", json={"amount": 5})
# ok: egr301-unauthenticated-sensitive-call
httpx.get(f"{API}/users/{42}")

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


# --- credentials wherever they travel: each of these authenticates -----------------------------------------
PUSH = "https://push.example.com/v1"


def push_shapes(app_token, user_key, text, member_key):
    import json

    # ok: egr301-unauthenticated-sensitive-call
    requests.post(PUSH + "/payments", data={"token": app_token, "user": user_key, "message": text})
    # ok: egr301-unauthenticated-sensitive-call
    requests.post(PUSH + "/payments", headers={"Access-Token": app_token}, data={"body": text})
    # ok: egr301-unauthenticated-sensitive-call
    requests.post(PUSH + "/payments", headers={"x-apikey": app_token}, data={"url": text})
    # ok: egr301-unauthenticated-sensitive-call
    requests.post(PUSH + "/payments", headers={"X-Relay-Server-Token": app_token}, json={"text": text})
    # ok: egr301-unauthenticated-sensitive-call
    requests.post(PUSH + "/payments", headers={"authkey": app_token}, data=text)
    # ok: egr301-unauthenticated-sensitive-call
    requests.post(PUSH + "/payments", data=json.dumps({"api_key": app_token, "text": text}))
    # ok: egr301-unauthenticated-sensitive-call
    requests.post(PUSH + "/payments", data={"login": user_key, "psw": app_token, "card_number": text})
    # ok: egr301-unauthenticated-sensitive-call
    requests.post(PUSH + "/payments", json={"access_token": app_token, "amount": 5})
    # ok: egr301-unauthenticated-sensitive-call
    requests.post(f"https://chat.example.com/bot{app_token}/payments", json={"text": text})
    # ok: egr301-unauthenticated-sensitive-call
    requests.post(f"https://hooks.example.com/api/webhooks/{user_key}/{member_key}", json={"content": text})
    fields = {"title": text}
    fields["AuthorizationToken"] = app_token
    # ok: egr301-unauthenticated-sensitive-call
    requests.post(PUSH + "/payments", data=fields)
    # ok: egr301-unauthenticated-sensitive-call
    requests.get(PUSH + "/admin", params={"apikey": app_token})


# --- not sensitive, or the code does not show what is sent ---------------------------------------------------
def quiet_shapes(query, body, headers_for, options):
    # ok: egr301-unauthenticated-sensitive-call
    requests.post("https://search.example.com/search", params={"q": query, "page": 0})
    # ok: egr301-unauthenticated-sensitive-call
    requests.post("https://paste.example.com/documents", data=query)
    # ok: egr301-unauthenticated-sensitive-call
    requests.post("https://pay.example.com/payments", json=body, headers=headers_for("pay"))
    # ok: egr301-unauthenticated-sensitive-call
    requests.post("https://pay.example.com/payments", json=body, **options)


class SigningSession(requests.Session):
    def request(self, method, url, **kwargs):
        kwargs.setdefault("headers", {})["X-Signature"] = "computed"
        return super().request(method, url, **kwargs)


signing = SigningSession()
# ok: egr301-unauthenticated-sensitive-call
signing.post("https://pay.example.com/payments", json={"amount": 1})


# --- sensitive, and no credential ------------------------------------------------------------------------------
def enrol(member, body):
    # ruleid: egr301-unauthenticated-sensitive-call
    httpx.post("https://members.example.com/enrol", json={"name": member, "iban": "x", "date_of_birth": "y"})
    # ruleid: egr301-unauthenticated-sensitive-call
    requests.post("https://members.example.com/admin/users", json=body)


LEDGER = "https://ledger.example.com/v2"


def ledger_entries():
    return requests.get(LEDGER + "/entries", headers={"X-API-Key": TOKEN})


def ledger_append(entry):
    # todoruleid: egr301-unauthenticated-sensitive-call
    return requests.post(f"{LEDGER}/entries", json=entry)


def ledger_public():
    # ok: egr301-unauthenticated-sensitive-call
    return requests.get(LEDGER + "/status")


def token_exchange(client_id, client_secret, code):
    from urllib.parse import urlencode
    from urllib.request import urlopen

    form = {}
    form["client_id"] = client_id
    form["client_secret"] = client_secret
    form["code"] = code
    # ok: egr301-unauthenticated-sensitive-call
    return urlopen("https://auth.example.com/payments", urlencode(form).encode("utf-8"))


def built_bodies(secret, text):
    body = {"text": text}
    body.update(api_key=secret)
    # ok: egr301-unauthenticated-sensitive-call
    requests.post(PUSH + "/payments", data=body)
    # ok: egr301-unauthenticated-sensitive-call
    requests.post(PUSH + "/payments", data=dict(app_secret=secret, text=text))
    relay = requests.Session()
    relay.headers["X-Relay-Token"] = secret
    # ok: egr301-unauthenticated-sensitive-call
    relay.post(PUSH + "/payments", json={"card_number": text})


SERVICE = os.environ["SERVICE_URL"]


def service_items():
    return requests.get(SERVICE + "/items", headers={"X-API-Key": TOKEN})


def service_delete(item_id, other_url):
    # todoruleid: egr301-unauthenticated-sensitive-call
    requests.delete(SERVICE + f"/items/{item_id}")
    # ok: egr301-unauthenticated-sensitive-call
    requests.delete(other_url + f"/items/{item_id}")


# --- a query credential built by a function authenticates the call (EGR302 reports where it travels) ---
def _query_with_key(key):
    return {"api_key": key, "format": "json"}


def pay_with_query_key(key, amount):
    # ok: egr301-unauthenticated-sensitive-call
    return requests.post("https://api.example.com/payments", params=_query_with_key(key), json={"amount": amount})


def _plain_query():
    return {"format": "json"}


def pay_with_plain_query(amount):
    # todoruleid: egr301-unauthenticated-sensitive-call
    return requests.post("https://api.example.com/payments", params=_plain_query(), json={"amount": amount})


def pay_with_opaque_query(signer, amount):
    # ok: egr301-unauthenticated-sensitive-call
    return requests.post("https://api.example.com/payments", params=signer.sign({"amount": amount}), json={})


# --- a POST that ends in a read action is a query; headers a local function returns are read --------------
def find_members(name):
    # ok: egr301-unauthenticated-sensitive-call
    return requests.post("https://directory.example.com/users/search", json={"name": name})


def find_accounts(prefix):
    # ok: egr301-unauthenticated-sensitive-call
    return requests.post("https://directory.example.com/accounts/lookup", json={"prefix": prefix})


def _json_headers():
    return {"Content-Type": "application/json"}


def _signed_headers():
    return {"Content-Type": "application/json", "X-Api-Key": os.environ["API_KEY"]}


def disable_member(member_id):
    # todoruleid: egr301-unauthenticated-sensitive-call
    return requests.post(f"https://members.example.net/users/{member_id}/disable", headers=_json_headers())


def disable_member_signed(member_id):
    # ok: egr301-unauthenticated-sensitive-call
    return requests.post(f"https://members.example.net/users/{member_id}/disable", headers=_signed_headers())


def _headers_with(extra):
    headers = {"Content-Type": "application/json"}
    headers.update(extra)
    return headers


def disable_with_caller_headers(member_id, extra):
    # ok: egr301-unauthenticated-sensitive-call
    return requests.post(f"https://members.example.net/users/{member_id}/disable", headers=_headers_with(extra))


def disable_with_merged_headers(member_id, extra):
    headers = {"Accept": "application/json"}
    headers.update(extra)
    # ok: egr301-unauthenticated-sensitive-call
    return requests.post(f"https://members.example.net/users/{member_id}/disable", headers=headers)

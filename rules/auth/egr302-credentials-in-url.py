# Semgrep test for egr302-credentials-in-url, written by tools/semgrep_tests.py from tests/fixtures/EGR302.py.
# Edit the fixture or the gap table of rules/README.md, then run the script again.
# Annotated fixture for EGR302 (credentials in the URL).
import os

import httpx
import requests

KEY = os.environ["API_KEY"]
PASSWORD = os.environ["PASSWORD"]

# ruleid: egr302-credentials-in-url
requests.get("https://api.example.com/items?api_key=" + KEY)
# ruleid: egr302-credentials-in-url
requests.get(f"https://api.example.com/items?page=2&access_token={KEY}")
# ruleid: egr302-credentials-in-url
requests.get("https://api.example.com/items", params={"apikey": KEY})
# ruleid: egr302-credentials-in-url
requests.get("https://api.example.com/items", params={"token": KEY, "page": 1})
# ruleid: egr302-credentials-in-url
httpx.get("https://api.example.com/items", params={"client_secret": KEY})
# ruleid: egr302-credentials-in-url
requests.get(f"https://robot:{PASSWORD}@api.example.com/items")
# ruleid: egr302-credentials-in-url
requests.get("https://robot:hunter2@api.example.com/items")
# ruleid: egr302-credentials-in-url
requests.get(f"https://{KEY}@api.example.com/repo.git")
# ruleid: egr302-credentials-in-url
requests.get("https://api.example.com/download?signature=%s&expires=1" % KEY)
# ruleid: egr302-credentials-in-url
requests.get("https://api.example.com/search?key={}".format(KEY))


def fetch(url_key):
    # ruleid: egr302-credentials-in-url
    return requests.get("https://maps.example.com/geo", params={"key": url_key})


# --- must not fire -------------------------------------------------------------------------------
# ok: egr302-credentials-in-url
requests.get("https://api.example.com/items?page_token=abc&token_type=bearer")
# ok: egr302-credentials-in-url
requests.get("https://api.example.com/search", params={"q": "password"})
# ok: egr302-credentials-in-url
requests.get("https://api.example.com/items", headers={"X-API-Key": KEY})
# ok: egr302-credentials-in-url
requests.get("https://robot@api.example.com/public")
# ok: egr302-credentials-in-url
requests.get("https://api.example.com/items?monkey=1&keyboard=2")


# --- credentials reaching the query in other ways -------------------------------------------------------------
def more(push_key, secret, proto, member):
    from urllib.parse import urlencode

    # ruleid: egr302-credentials-in-url
    requests.get(f"https://push.example.com/feed?{urlencode({'apikey': push_key})}")
    # ruleid: egr302-credentials-in-url
    requests.get("https://push.example.com/feed", params={"push_key": push_key})
    # ruleid: egr302-credentials-in-url
    requests.get("https://push.example.com/feed", params=(("token", push_key), ("page", 2)))
    base = {"format": "json"}
    payload = base.copy()
    payload["secret"] = secret
    # ruleid: egr302-credentials-in-url
    requests.post("https://push.example.com/feed", params=payload)
    # ruleid: egr302-credentials-in-url
    requests.get(proto + "//rates.example.com/latest?base=EUR&access_key={}".format(push_key))
    # ruleid: egr302-credentials-in-url
    requests.get("https://app.example.com/items;jsessionid=" + secret)
    # ruleid: egr302-credentials-in-url
    requests.get("https://app.example.com/items;api_key=" + secret + "/detail")
    # ok: egr302-credentials-in-url
    requests.get("https://push.example.com/feed", params={"page_token": "x", "token_type": "y", "keyword": "z",
                                                           "public_key": "k", "key_id": "1", "next_token": "n"})
    # ok: egr302-credentials-in-url
    requests.post(f"https://chat.example.com/bot{push_key}/send", json={"text": member})
    # ok: egr302-credentials-in-url
    requests.post("https://push.example.com/feed", data={"api_key": push_key})


def api_call(params, api_key):
    params["key"] = api_key
    # ruleid: egr302-credentials-in-url
    return requests.get("https://scan.example.com/search", params=params)


keyed = requests.Session()
keyed.params = {"api_key": KEY}
# ruleid: egr302-credentials-in-url
keyed.get("https://api.example.com/items")

updated = requests.Session()
updated.params.update({"auth_token": KEY})
# ruleid: egr302-credentials-in-url
updated.get("https://api.example.com/items")


def positional(key):
    # ruleid: egr302-credentials-in-url
    requests.get("https://api.example.com/items", {"api_key": key})
    # ok: egr302-credentials-in-url
    requests.post("https://api.example.com/items", {"api_key": key})
    scanner = requests.Session()
    # ok: egr302-credentials-in-url
    scanner.post("https://api.example.com/items", {"key": key})


# --- connection strings ----------------------------------------------------------------------------------
import psycopg2
import pymongo
from sqlalchemy import create_engine

# ruleid: egr302-credentials-in-url
pg = psycopg2.connect("postgresql://app:s3cr3t-value@db.example.com/app?sslmode=verify-full")
# ruleid: egr302-credentials-in-url
mongo = pymongo.MongoClient("mongodb+srv://app:s3cr3t-value@cluster.example.com/app")
# ruleid: egr302-credentials-in-url
engine = create_engine(f"postgresql://app:{os.environ['DB_PASSWORD']}@db.example.com/app?sslmode=verify-full")
# ok: egr302-credentials-in-url
engine_env = create_engine(os.environ["DATABASE_URL"])
# ok: egr302-credentials-in-url
mongo_user_only = pymongo.MongoClient("mongodb+srv://app@cluster.example.com/app?authMechanism=MONGODB-X509")


def branches(key, signed):
    if signed:
        query = {"format": "json", "api_key": key}
    else:
        query = {"format": "json"}
    # ruleid: egr302-credentials-in-url
    return requests.get("https://api.example.com/items", params=query)


def client_params(key):
    # ruleid: egr302-credentials-in-url
    client = httpx.Client(params={"api_key": key})
    # ok: egr302-credentials-in-url
    return client.get("https://api.example.com/items")


# --- query credentials built by a function of the module ----------------------------------------------
def signed_query(key, **extra):
    query = {"api_key": key}
    query.update(extra)
    return query


def with_access_token(query, token):
    query["access_token"] = token
    return query


def plain_query(page):
    return {"page": page, "per_page": 50}


class Catalogue:
    def __init__(self, key):
        self.key = key

    def _auth_params(self):
        return {"apikey": self.key, "format": "json"}

    def items(self):
        # todoruleid: egr302-credentials-in-url
        return requests.get("https://catalogue.example.com/items", params=self._auth_params())


def builder_calls(key, token):
    # todoruleid: egr302-credentials-in-url
    requests.get("https://api.example.com/items", params=signed_query(key, page=2))
    # todoruleid: egr302-credentials-in-url
    requests.post("https://api.example.com/payments", params=with_access_token({"v": 2}, token), json={"n": 1})
    # ok: egr302-credentials-in-url
    requests.get("https://api.example.com/items", params=plain_query(3))


# --- ODBC connection strings ---------------------------------------------------------------------------------
import pyodbc

# ruleid: egr302-credentials-in-url
warehouse = pyodbc.connect("Driver={ODBC Driver 18 for SQL Server};Server=sql.example.com;UID=app;PWD=" + os.environ["SQL_PASSWORD"] + ";Encrypt=yes")
# ok: egr302-credentials-in-url
trusted = pyodbc.connect("Driver={ODBC Driver 18 for SQL Server};Server=sql.example.com;Trusted_Connection=yes;Encrypt=yes")


def one_line_store(secret):
    base_query = {"format": "json"}
    # ruleid: egr302-credentials-in-url
    signed = base_query.copy(); signed["secret"] = secret; requests.post("https://push.example.com/feed", params=signed)


# --- a parameter with a default: its default and what the callers of the module pass -------------------------
class ForumApi:
    """The query is a parameter with a default (None); the methods below pass dicts to it, one after
    storing the member's key into the dict it was handed."""

    def __init__(self, key):
        self.key = key
        self.http = requests.Session()

    def _get(self, path, query=None):
        # todoruleid: egr302-credentials-in-url
        return self.http.get("https://forum.example.com/api" + path, params=query)

    def thread(self, thread_id):
        return self._get("/threads/" + thread_id, {"fields": "title"})

    def profile(self):
        return self._get("/me")

    def _pages(self, path, query):
        if self.key:
            query["member_key"] = self.key
        query["page"] = 1
        return self._get(path, query)

    def posts(self):
        return self._pages("/posts", {})


class StatusApi:
    """Callers pass only plain dicts, and a key stored after the call does not travel with it."""

    def __init__(self, token):
        self.token = token
        self.http = requests.Session()

    def _get(self, path, query=None):
        # ok: egr302-credentials-in-url
        return self.http.get("https://status.example.com" + path, params=query)

    def summary(self):
        return self._get("/summary", {"verbose": "1"})

    def incidents(self):
        query = {"limit": 10}
        found = self._get("/incidents", query)
        query["token"] = self.token  # after the request
        return found

    def maintenance(self, **options):
        return self._get("/maintenance", **options)  # unseen: the default stands for it

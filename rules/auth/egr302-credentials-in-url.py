# Semgrep test for egr302-credentials-in-url: the cases of tests/fixtures/EGR302.py, with Semgrep's annotations.
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



# --- connection strings ----------------------------------------------------------------------------------
import psycopg2
import pymongo
from sqlalchemy import create_engine

# todoruleid: egr302-credentials-in-url
pg = psycopg2.connect("postgresql://app:s3cr3t-value@db.example.com/app?sslmode=verify-full")
# todoruleid: egr302-credentials-in-url
mongo = pymongo.MongoClient("mongodb+srv://app:s3cr3t-value@cluster.example.com/app")
# todoruleid: egr302-credentials-in-url
engine = create_engine(f"postgresql://app:{os.environ['DB_PASSWORD']}@db.example.com/app?sslmode=verify-full")
# ok: egr302-credentials-in-url
engine_env = create_engine(os.environ["DATABASE_URL"])
# ok: egr302-credentials-in-url
mongo_user_only = pymongo.MongoClient("mongodb+srv://app@cluster.example.com/app?authMechanism=MONGODB-X509")


# --- the same cases as they appear in other fixtures ---------------------------------------------------
# todoruleid: egr302-credentials-in-url
queue = redis.from_url(f"redis://:{os.environ['REDIS_PASSWORD']}@queue.example.com:6379/0")

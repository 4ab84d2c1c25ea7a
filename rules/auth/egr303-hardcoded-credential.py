# Semgrep test for egr303-hardcoded-credential: the cases of tests/fixtures/EGR303.py, with Semgrep's annotations.
import os

import aiohttp
import httpx
import requests
from requests.auth import HTTPBasicAuth

API = "https://api.example.com"
API_TOKEN = "sk_live_51H8xQ2eZvKYlo2CkwUp0Z"
PASSWORD = "correct-horse-battery-staple"

# ruleid: egr303-hardcoded-credential
requests.get(API, auth=("robot", "hunter2"))
# ruleid: egr303-hardcoded-credential
requests.get(API, auth=("robot", PASSWORD))
# ruleid: egr303-hardcoded-credential
requests.get(API, auth=HTTPBasicAuth("robot", "hunter2"))
# ruleid: egr303-hardcoded-credential
httpx.get(API, auth=httpx.BasicAuth("robot", password="hunter2"))
# ruleid: egr303-hardcoded-credential
requests.get(API, headers={"Authorization": "Bearer abc123def456"})
# ruleid: egr303-hardcoded-credential
requests.get(API, headers={"Authorization": "Bearer " + API_TOKEN})
# ruleid: egr303-hardcoded-credential
requests.get(API, headers={"X-API-Key": API_TOKEN})
# ruleid: egr303-hardcoded-credential
requests.get(API, headers={"Authorization": "Basic cm9ib3Q6aHVudGVyMg=="})


def call(url, token="tok_0123456789abcdef"):
    # ruleid: egr303-hardcoded-credential
    return requests.get(url, headers={"X-Auth-Token": token})


session = requests.Session()
# ruleid: egr303-hardcoded-credential
session.auth = ("robot", "hunter2")
# ruleid: egr303-hardcoded-credential
session.headers["Authorization"] = "Token " + API_TOKEN
session.get(API)

# ruleid: egr303-hardcoded-credential
client = httpx.Client(base_url=API, headers={"X-API-Key": "live_abcdef0123"})


async def aio():
    # ruleid: egr303-hardcoded-credential
    async with aiohttp.ClientSession(auth=aiohttp.BasicAuth("robot", "hunter2")) as http:
        await http.get(API)


# --- must not fire -------------------------------------------------------------------------------
# ok: egr303-hardcoded-credential
requests.get(API, auth=("robot", os.environ["ROBOT_PASSWORD"]))
# ok: egr303-hardcoded-credential
requests.get(API, headers={"Authorization": f"Bearer {os.environ['TOKEN']}"})
# ok: egr303-hardcoded-credential
requests.get(API, headers={"Authorization": "Bearer " + os.environ["TOKEN"]})
# ok: egr303-hardcoded-credential
requests.get(API, headers={"Accept": "application/json"})
# ok: egr303-hardcoded-credential
requests.get("http://localhost:8080/", auth=("admin", "admin"))
# ok: egr303-hardcoded-credential
requests.get(API, auth=("robot", ""))


def passthrough(url, token):
    # ok: egr303-hardcoded-credential
    return requests.get(url, headers={"Authorization": "Bearer " + token})



# --- databases and caches ------------------------------------------------------------------------------
import psycopg2
import pymysql
import redis

# todoruleid: egr303-hardcoded-credential
pg = psycopg2.connect(host="db.example.com", dbname="app", user="app", password="s3cr3t-value",
                      sslmode="verify-full")
# todoruleid: egr303-hardcoded-credential
cache = redis.Redis(host="cache.example.com", password="s3cr3t-value", ssl=True, ssl_check_hostname=True)

DATABASES = {
    # todoruleid: egr303-hardcoded-credential
    "default": {"ENGINE": "django.db.backends.postgresql", "HOST": "pg.example.com", "PASSWORD": "s3cr3t-value",
                "OPTIONS": {"sslmode": "verify-full"}},
}
# ok: egr303-hardcoded-credential
pg_env = psycopg2.connect(host="db.example.com", dbname="app", password=os.environ["PGPASSWORD"],
                          sslmode="verify-full")
# ok: egr303-hardcoded-credential
placeholder = pymysql.connect(host="mysql.example.com", user="root", password="changeme", ssl_ca="/etc/ssl/db-ca.pem")

# Semgrep test for egr101-verification-disabled, written by tools/semgrep_tests.py from tests/fixtures/EGR101.py.
# Edit the fixture or the gap table of rules/README.md, then run the script again.
# Annotated fixture for EGR101 (certificate verification disabled on an HTTP client).
import functools
import os
from functools import partial

import aiohttp
import certifi
import httpx
import requests
import requests as r
import ssl
import urllib3
from httpx import AsyncClient, Client
from requests import Session
from requests import get as fetch

try:
    import simplejson as json
except ImportError:
    import json

API = "https://api.example.com"

# --- requests module functions, every verb and spelling ------------------------------------
# ruleid: egr101-verification-disabled
requests.get(API, verify=False)
# ruleid: egr101-verification-disabled
requests.post(API, data={"a": 1}, verify=False)
# ruleid: egr101-verification-disabled
requests.put(API, verify=False)
# ruleid: egr101-verification-disabled
requests.patch(API, verify=False)
# ruleid: egr101-verification-disabled
requests.delete(API, verify=False)
# ruleid: egr101-verification-disabled
requests.head(API, verify=False)
# ruleid: egr101-verification-disabled
requests.options(API, verify=False)
# ruleid: egr101-verification-disabled
requests.request("GET", API, verify=False)
# ruleid: egr101-verification-disabled
r.get(API, verify=0)
# ruleid: egr101-verification-disabled
fetch(API, verify=False)
# ruleid: egr101-verification-disabled
requests.api.get(API, verify=False)
# ruleid: egr101-verification-disabled
response = requests.get(
    API,
    timeout=5,
    verify=False,
)
# ruleid: egr101-verification-disabled
requests.get(API, verify=False)  # staging only
# ruleid: egr101-verification-disabled
requests.get(
    API,
    verify=False,  # staging only
    timeout=5,
)
# ruleid: egr101-verification-disabled
requests.get(
    API,
    timeout=5,  # seconds
    verify=False
)
# ruleid: egr101-verification-disabled
requests.get(API, timeout=5, verify=False, )


def import_inside_function():
    import requests as inner

    # ruleid: egr101-verification-disabled
    return inner.get(API, verify=False)


try:
    import httpx as http_client
except ImportError:  # pragma: no cover
    import requests as http_client

# ruleid: egr101-verification-disabled
http_client.get(API, verify=False)

# --- values that travel ----------------------------------------------------------------------
VERIFY = False
# ruleid: egr101-verification-disabled
requests.get(API, verify=VERIFY)

SETTINGS = {"verify": False, "timeout": 10}
# ruleid: egr101-verification-disabled
requests.get(API, verify=SETTINGS["verify"])
# ruleid: egr101-verification-disabled
requests.get(API, **SETTINGS)
# ruleid: egr101-verification-disabled
requests.get(API, **{"verify": False})
# ruleid: egr101-verification-disabled
requests.get(API, **dict(verify=False))


class Config:
    VERIFY_TLS = False


# ruleid: egr101-verification-disabled
requests.get(API, verify=Config.VERIFY_TLS)
# ruleid: egr101-verification-disabled
requests.get(API, verify=Config().VERIFY_TLS)


class StrictConfig:
    VERIFY_TLS = False

    def __init__(self, verify=True):
        self.VERIFY_TLS = verify


# ok: egr101-verification-disabled
requests.get(API, verify=StrictConfig().VERIFY_TLS)


def download(url, verify=False):
    # ruleid: egr101-verification-disabled
    return requests.get(url, verify=verify)


def with_local_variable(url):
    check = False
    # ruleid: egr101-verification-disabled
    return requests.get(url, verify=check)


def with_updated_options(url):
    opts = {"timeout": 5}
    opts.update(verify=False)
    # ruleid: egr101-verification-disabled
    return requests.get(url, **opts)


def with_item_assignment(url):
    opts = {}
    opts["verify"] = False
    # ruleid: egr101-verification-disabled
    return requests.get(url, **opts)


insecure_get = functools.partial(requests.get, verify=False)
# ruleid: egr101-verification-disabled
insecure_get(API)
insecure_post = partial(requests.post, timeout=3, verify=False)
# ruleid: egr101-verification-disabled
insecure_post(API, json={})

# --- requests sessions ------------------------------------------------------------------------
session = requests.Session()
# ruleid: egr101-verification-disabled
session.verify = False
# ruleid: egr101-verification-disabled
session.get(API, verify=False)
# ruleid: egr101-verification-disabled
session.request("POST", API, verify=False)
# ruleid: egr101-verification-disabled
requests.Session().get(API, verify=False)

other = Session()
# ruleid: egr101-verification-disabled
other.verify = 0
if API:
    # ruleid: egr101-verification-disabled
    session.verify = False
else:
    # ruleid: egr101-verification-disabled
    counter = 0; session.verify = False

with requests.Session() as scoped:
    # ruleid: egr101-verification-disabled
    scoped.verify = False
    scoped.get(API)


class Gateway:
    def __init__(self):
        self.session = requests.Session()
        # ruleid: egr101-verification-disabled
        self.session.verify = False

    def call(self):
        # ruleid: egr101-verification-disabled
        return self.session.post(API, json={}, verify=False)


class InsecureSession(requests.Session):
    def __init__(self):
        super().__init__()
        # ruleid: egr101-verification-disabled
        self.verify = False


def make_session():
    s = requests.Session()
    # ruleid: egr101-verification-disabled
    s.verify = False
    return s


made = make_session()
# ruleid: egr101-verification-disabled
made.get(API, verify=False)

# --- httpx ------------------------------------------------------------------------------------
# ruleid: egr101-verification-disabled
httpx.get(API, verify=False)
# ruleid: egr101-verification-disabled
httpx.post(API, verify=False)
# ruleid: egr101-verification-disabled
httpx.request("GET", API, verify=False)
# ruleid: egr101-verification-disabled
with httpx.stream("GET", API, verify=False) as stream:
    pass
# ruleid: egr101-verification-disabled
with httpx.Client(verify=False) as client:
    client.get(API)
# ruleid: egr101-verification-disabled
plain_client = Client(verify=False, timeout=3)
# ruleid: egr101-verification-disabled
async_client = AsyncClient(verify=False)
# ruleid: egr101-verification-disabled
transport = httpx.HTTPTransport(verify=False)
# ruleid: egr101-verification-disabled
async_transport = httpx.AsyncHTTPTransport(retries=2, verify=False)

unverified = ssl._create_unverified_context()
# ruleid: egr101-verification-disabled
httpx.Client(verify=unverified)
bare_context = ssl.SSLContext()
# ruleid: egr101-verification-disabled
httpx.get(API, verify=bare_context)

# --- aiohttp ------------------------------------------------------------------------------------


async def aiohttp_calls():
    async with aiohttp.ClientSession() as http:
        # ruleid: egr101-verification-disabled
        await http.get(API, ssl=False)
        # ruleid: egr101-verification-disabled
        await http.post(API, verify_ssl=False)
        # ruleid: egr101-verification-disabled
        await http.ws_connect("wss://stream.example.com/ws", ssl=False)
        # ruleid: egr101-verification-disabled
        await http.request("GET", API, ssl=False)
    # ruleid: egr101-verification-disabled
    connector = aiohttp.TCPConnector(ssl=False)
    # ruleid: egr101-verification-disabled
    legacy = aiohttp.TCPConnector(verify_ssl=False)
    # ruleid: egr101-verification-disabled
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=False)) as s2:
        await s2.get(API)
    # ruleid: egr101-verification-disabled
    async with aiohttp.request("GET", API, ssl=False) as resp:
        return connector, legacy, resp

# --- urllib3 ------------------------------------------------------------------------------------
# ruleid: egr101-verification-disabled
pool = urllib3.PoolManager(cert_reqs="CERT_NONE")
# ruleid: egr101-verification-disabled
proxy = urllib3.ProxyManager("https://proxy.example.com:3128", cert_reqs="NONE")
# ruleid: egr101-verification-disabled
https_pool = urllib3.HTTPSConnectionPool("api.example.com", cert_reqs=ssl.CERT_NONE)
# ruleid: egr101-verification-disabled
from_url = urllib3.connection_from_url(API, cert_reqs="CERT_NONE")
# ruleid: egr101-verification-disabled
legacy_pool = requests.packages.urllib3.PoolManager(cert_reqs=ssl.VerifyMode.CERT_NONE)
from ssl import CERT_NONE

# ruleid: egr101-verification-disabled
imported_constant = urllib3.PoolManager(cert_reqs=CERT_NONE)

# --- must not fire --------------------------------------------------------------------------------
# ok: egr101-verification-disabled
requests.get(API, verify=True)
# ok: egr101-verification-disabled
requests.get(API, verify="/etc/ssl/certs/internal-ca.pem")
# ok: egr101-verification-disabled
requests.get(API, verify=certifi.where())
# ok: egr101-verification-disabled
requests.get(API, verify=os.environ.get("REQUESTS_VERIFY", True))
# ok: egr101-verification-disabled
requests.get(API, verify=None)
# ok: egr101-verification-disabled
httpx.Client(verify=ssl.create_default_context())
# ok: egr101-verification-disabled
httpx.Client()
# ok: egr101-verification-disabled
urllib3.PoolManager(cert_reqs="CERT_REQUIRED")
# ok: egr101-verification-disabled
aiohttp.TCPConnector(ssl=ssl.create_default_context(cafile=certifi.where()))


def passthrough(url, verify):
    # ok: egr101-verification-disabled
    return requests.get(url, verify=verify)


def conditional(url, debug):
    if debug:
        flag = False
    else:
        flag = True
    # ok: egr101-verification-disabled
    return requests.get(url, verify=flag)


def get(url, verify=True):
    return url


# ok: egr101-verification-disabled
get(API, verify=False)


class Session:  # noqa: F811 - an unrelated class that shares the name
    verify = True


local = Session()
# ok: egr101-verification-disabled
local.verify = False


def factory():
    return requests.get


# ok: egr101-verification-disabled
factory()(API)
# ok: egr101-verification-disabled
json.dumps({"verify": False})
# ok: egr101-verification-disabled
requests.get(API, **os.environ)


# --- certificate pinning is verification ------------------------------------------------------------------------
# ok: egr101-verification-disabled
urllib3.PoolManager(cert_reqs="CERT_NONE", assert_fingerprint="AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99")
# ruleid: egr101-verification-disabled
urllib3.PoolManager(cert_reqs="CERT_NONE", assert_fingerprint=None)


# --- databases, caches and brokers ------------------------------------------------------------------
import MySQLdb
import psycopg2
import pymongo
import pymysql
import redis
from sqlalchemy import create_engine

# ruleid: egr101-verification-disabled
pg_require = psycopg2.connect(host="db.example.com", dbname="app", sslmode="require")
# ruleid: egr101-verification-disabled
pg_require_dsn = psycopg2.connect("postgresql://db.example.com/app?sslmode=require")
# ruleid: egr101-verification-disabled
engine_require = create_engine("postgresql+psycopg2://db.example.com/app", connect_args={"sslmode": "require"})
# ruleid: egr101-verification-disabled
cache_unverified = redis.Redis(host="cache.example.com", ssl=True, ssl_cert_reqs=None, ssl_check_hostname=True)
# ruleid: egr101-verification-disabled
cache_url_unverified = redis.from_url("rediss://cache.example.com:6380/0?ssl_cert_reqs=none&ssl_check_hostname=true")
# ruleid: egr101-verification-disabled
mongo_invalid_certs = pymongo.MongoClient("mongo.example.com", tls=True, tlsAllowInvalidCertificates=True)
# ruleid: egr101-verification-disabled
mongo_insecure_uri = pymongo.MongoClient("mongodb://mongo.example.com/?tls=true&tlsInsecure=true")
# ruleid: egr101-verification-disabled
mysql_required = MySQLdb.connect(host="mysql.example.com", ssl_mode="REQUIRED")
# ruleid: egr101-verification-disabled
mysql_no_verify = pymysql.connect(host="mysql.example.com", ssl_ca="/etc/ssl/db-ca.pem", ssl_verify_cert=False)

DATABASES = {
    # ruleid: egr101-verification-disabled
    "default": {"ENGINE": "django.db.backends.postgresql", "HOST": "pg.example.com", "OPTIONS": {"sslmode": "require"}},
    # ok: egr101-verification-disabled
    "replica": {"ENGINE": "django.db.backends.postgresql", "HOST": "pg.example.com",
                "OPTIONS": {"sslmode": "verify-full"}},
    # ruleid: egr101-verification-disabled
    "mysql": {"ENGINE": "django.db.backends.mysql", "HOST": "my.example.com", "OPTIONS": {"ssl_mode": "REQUIRED"}},
    # ok: egr101-verification-disabled
    "mysql_checked": {"ENGINE": "django.db.backends.mysql", "HOST": "my.example.com",
                      "OPTIONS": {"ssl_mode": "VERIFY_IDENTITY"}},
}
result_backend = "rediss://cache.example.com:6380/0"
# ruleid: egr101-verification-disabled
redis_backend_use_ssl = {"ssl_cert_reqs": ssl.CERT_NONE}

# ok: egr101-verification-disabled
pg_verified = psycopg2.connect(host="db.example.com", dbname="app", sslmode="verify-full")
# ok: egr101-verification-disabled
cache_verified = redis.Redis(host="cache.example.com", ssl=True, ssl_cert_reqs="required", ssl_check_hostname=True)
# ok: egr101-verification-disabled
cache_refused = redis.Redis(host="cache.example.com", ssl=True, ssl_cert_reqs="NONE", ssl_check_hostname=True)
# ok: egr101-verification-disabled
cache_url_refused = redis.from_url("rediss://cache.example.com:6380/0?ssl_cert_reqs=NONE&ssl_check_hostname=true")
# ok: egr101-verification-disabled
mongo_verified = pymongo.MongoClient("mongodb+srv://cluster.example.com/")
# ok: egr101-verification-disabled
mysql_verified = MySQLdb.connect(host="mysql.example.com", ssl_mode="VERIFY_IDENTITY")


# --- LDAP, search, cloud and Kubernetes clients -------------------------------------------------------
import boto3
import ldap
import ldap3
from elasticsearch import Elasticsearch
from kubernetes import client as k8s
from opensearchpy import OpenSearch

# ruleid: egr101-verification-disabled
directory_tls = ldap3.Tls(validate=ssl.CERT_NONE)
# ruleid: egr101-verification-disabled
default_tls = ldap3.Tls()
# ruleid: egr101-verification-disabled
directory_server = ldap3.Server("ldaps://dc.example.com")
# ruleid: egr101-verification-disabled
ldap.set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_NEVER)
directory = ldap.initialize("ldaps://dc.example.com")
# ruleid: egr101-verification-disabled
directory.set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_ALLOW)
# ruleid: egr101-verification-disabled
search = Elasticsearch("https://es.example.com:9200", verify_certs=False)
# ruleid: egr101-verification-disabled
open_search = OpenSearch(["https://search.example.com:9200"], verify_certs=False)
# ruleid: egr101-verification-disabled
objects = boto3.client("s3", verify=False)
aws = boto3.session.Session()
# ruleid: egr101-verification-disabled
queue_client = aws.client("sqs", verify=False)
cluster = k8s.Configuration()
# ruleid: egr101-verification-disabled
cluster.verify_ssl = False

# ok: egr101-verification-disabled
verified_tls = ldap3.Tls(validate=ssl.CERT_REQUIRED)
# ok: egr101-verification-disabled
verified_server = ldap3.Server("ldaps://dc.example.com", tls=verified_tls)
# ok: egr101-verification-disabled
ldap.set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_DEMAND)
# ok: egr101-verification-disabled
ldap.set_option(ldap.OPT_REFERRALS, 0)
# ok: egr101-verification-disabled
verified_search = Elasticsearch("https://es.example.com:9200", ca_certs="/etc/ssl/es-ca.pem")
# ok: egr101-verification-disabled
verified_objects = boto3.client("s3", verify="/etc/ssl/corp-ca.pem")


# --- brokers, MQTT, WebSocket, curl, httplib2 and tornado ------------------------------------------------
import httplib2
import paho.mqtt.client as mqtt
import pycurl
import websocket
from confluent_kafka import Producer
from tornado.httpclient import AsyncHTTPClient, HTTPRequest

# ruleid: egr101-verification-disabled
events = Producer({"bootstrap.servers": "kafka.example.com:9093", "security.protocol": "SASL_SSL",
                   "enable.ssl.certificate.verification": False})
telemetry = mqtt.Client()
# ruleid: egr101-verification-disabled
telemetry.tls_set(ca_certs=None, cert_reqs=ssl.CERT_NONE)
# ruleid: egr101-verification-disabled
stream = websocket.create_connection("wss://stream.example.com/feed", sslopt={"cert_reqs": ssl.CERT_NONE})
feed = websocket.WebSocketApp("wss://stream.example.com/feed")
# ruleid: egr101-verification-disabled
feed.run_forever(sslopt={"cert_reqs": ssl.CERT_NONE})
curl = pycurl.Curl()
# ruleid: egr101-verification-disabled
curl.setopt(pycurl.SSL_VERIFYPEER, 0)
# ruleid: egr101-verification-disabled
legacy_http = httplib2.Http(disable_ssl_certificate_validation=True)
# ruleid: egr101-verification-disabled
tornado_request = HTTPRequest("https://api.example.com/items", validate_cert=False)


async def fetch_items():
    # ruleid: egr101-verification-disabled
    return await AsyncHTTPClient().fetch("https://api.example.com/items", validate_cert=False)


# ok: egr101-verification-disabled
curl.setopt(pycurl.SSL_VERIFYPEER, 1)
# ok: egr101-verification-disabled
curl.setopt(pycurl.TIMEOUT, 0)
# ok: egr101-verification-disabled
verified_stream = websocket.create_connection("wss://stream.example.com/feed", sslopt={"ca_certs": "/etc/ssl/ca.pem"})
# ok: egr101-verification-disabled
verified_events = Producer({"bootstrap.servers": "kafka.example.com:9093", "security.protocol": "SSL"})


# --- urllib3 helpers, transport adapters and OAuth token requests ------------------------------------------
from requests.adapters import HTTPAdapter
from requests_oauthlib import OAuth2Session
from urllib3.util import create_urllib3_context

# ruleid: egr101-verification-disabled
proxied = urllib3.proxy_from_url("https://proxy.example.com:3128", cert_reqs="CERT_NONE")
# ruleid: egr101-verification-disabled
lax_context = create_urllib3_context(cert_reqs=ssl.CERT_NONE)


class TrustingAdapter(HTTPAdapter):
    def init_poolmanager(self, *args, **kwargs):
        # ruleid: egr101-verification-disabled
        kwargs["cert_reqs"] = "CERT_NONE"
        return super().init_poolmanager(*args, **kwargs)


class SkipVerifyAdapter(HTTPAdapter):
    def cert_verify(self, conn, url, verify, cert):
        # ruleid: egr101-verification-disabled
        return super().cert_verify(conn, url, False, cert)


adapted = requests.Session()
adapted.mount("https://", TrustingAdapter())
oauth = OAuth2Session("client-id")
# ruleid: egr101-verification-disabled
token = oauth.fetch_token("https://auth.example.com/token", client_secret=os.environ["SECRET"], verify=False)


class PinnedAdapter(HTTPAdapter):
    def init_poolmanager(self, *args, **kwargs):
        # ok: egr101-verification-disabled
        kwargs["cert_reqs"] = "CERT_REQUIRED"
        return super().init_poolmanager(*args, **kwargs)


# ok: egr101-verification-disabled
strict_context = create_urllib3_context()
# ok: egr101-verification-disabled
verified_token = oauth.fetch_token("https://auth.example.com/token", client_secret=os.environ["SECRET"])


# --- graph databases ---------------------------------------------------------------------------------------
from neo4j import GraphDatabase

# ruleid: egr101-verification-disabled
graph = GraphDatabase.driver("neo4j+ssc://graph.example.com:7687", auth=("app", os.environ["NEO4J_PASSWORD"]))
# ok: egr101-verification-disabled
verified_graph = GraphDatabase.driver("neo4j+s://graph.example.com:7687", auth=("app", os.environ["NEO4J_PASSWORD"]))


# --- SQL Server over ODBC, Celery app settings, MQTT one-shot publishing ----------------------------------
import paho.mqtt.publish as mqtt_publish
import pyodbc

CA = "/etc/ssl/internal-ca.pem"
from celery import Celery

# ruleid: egr101-verification-disabled
warehouse = pyodbc.connect("Driver={ODBC Driver 18 for SQL Server};Server=sql.example.com;TrustServerCertificate=yes;")
# ruleid: egr101-verification-disabled
warehouse_engine = create_engine("mssql+pyodbc://app@sql.example.com/dw?driver=ODBC+Driver+18&TrustServerCertificate=yes")
worker_app = Celery("tasks", broker="rediss://cache.example.com:6380/0")
# ruleid: egr101-verification-disabled
worker_app.conf.update(broker_use_ssl={"ssl_cert_reqs": ssl.CERT_NONE}, task_acks_late=True)
# ruleid: egr101-verification-disabled
mqtt_publish.single("alerts", "on", hostname="broker.example.com", tls={"ca_certs": CA, "cert_reqs": ssl.CERT_NONE})
# ok: egr101-verification-disabled
checked_warehouse = pyodbc.connect("Driver={ODBC Driver 18 for SQL Server};Server=sql.example.com;Encrypt=strict;")
checked_app = Celery("tasks", broker="rediss://cache.example.com:6380/0")
# ok: egr101-verification-disabled
checked_app.conf.update(broker_use_ssl={"ssl_cert_reqs": ssl.CERT_REQUIRED, "ssl_ca_certs": CA})
# ok: egr101-verification-disabled
quiet_search = Elasticsearch("https://es.example.com:9200", ssl_show_warn=False)
# ok: egr101-verification-disabled
mqtt_publish.single("alerts", "on", hostname="broker.example.com", port=8883, tls={"ca_certs": CA})


# --- clients written by OpenAPI Generator: one Configuration shape for every package --------------------
import influxdb_client
from airflow_client.client import Configuration as SchedulerConfiguration
from datadog_api_client import Configuration as MonitorConfiguration
from plaid.configuration import Configuration as LedgerConfiguration

metrics_config = influxdb_client.Configuration()
# ruleid: egr101-verification-disabled
metrics_config.verify_ssl = False
monitor_config = MonitorConfiguration()
# ruleid: egr101-verification-disabled
monitor_config.verify_ssl = 0
scheduler_config = SchedulerConfiguration(host="https://airflow.example.com/api/v1")
# ok: egr101-verification-disabled
scheduler_config.verify_ssl = True
ledger_config = LedgerConfiguration()
# ok: egr101-verification-disabled
ledger_config.verify_ssl = os.environ.get("LEDGER_VERIFY_TLS", "1") == "1"
# ok: egr101-verification-disabled
ledger_config.ssl_ca_cert = "/etc/ssl/ledger-ca.pem"
cluster_copy = k8s.Configuration.get_default_copy()
# ruleid: egr101-verification-disabled
cluster_copy.verify_ssl = False
k8s.Configuration.set_default(cluster_copy)


class OwnConfiguration:
    verify_ssl = True


own_config = OwnConfiguration()
# ok: egr101-verification-disabled
own_config.verify_ssl = False


# --- influxdb-client's client classes ---------------------------------------------------------------------
from influxdb_client import InfluxDBClient

# ruleid: egr101-verification-disabled
metrics_client = InfluxDBClient(url="https://influx.example.com:8086", token=os.environ["INFLUX_TOKEN"], verify_ssl=False)
# ok: egr101-verification-disabled
pinned_metrics = InfluxDBClient(url="https://influx.example.com:8086", token=os.environ["INFLUX_TOKEN"], ssl_ca_cert="/etc/ssl/influx-ca.pem")


# --- more connection spellings: pools, async drivers, other client classes --------------------------------
import aioboto3
import aioodbc
import asyncpg
import botocore.session
import mysql.connector
import paho.mqtt.subscribe as mqtt_subscribe
import psycopg
import psycopg2.pool
import psycopg_pool
import redis.asyncio
import requests_unixsocket
from elasticsearch import AsyncElasticsearch
from motor.motor_asyncio import AsyncIOMotorClient
from sqlalchemy.ext.asyncio import create_async_engine
from authlib.integrations.requests_client import OAuth2Session as AuthlibSession
from tornado.httpclient import HTTPClient

# ruleid: egr101-verification-disabled
orders_pool = psycopg_pool.ConnectionPool("host=db.example.com dbname=orders sslmode=require")
# ruleid: egr101-verification-disabled
report_pool = psycopg2.pool.ThreadedConnectionPool(1, 8, "host=db.example.com dbname=reports sslmode=require")
# ruleid: egr101-verification-disabled
audit_pool = psycopg2.pool.SimpleConnectionPool(1, 4, host="db.example.com", dbname="audit", sslmode="require")
# ruleid: egr101-verification-disabled
ledger_db = mysql.connector.connect(host=os.environ["LEDGER_DB_HOST"], ssl_ca="/etc/ssl/db-ca.pem", ssl_verify_cert=False)
# ruleid: egr101-verification-disabled
ledger_engine = create_engine("mysql+pymysql://app@mysql.example.com/ledger", connect_args={"ssl": {"ca": "/etc/ssl/db-ca.pem"}, "ssl_verify_cert": False})
# ruleid: egr101-verification-disabled
reports_engine = create_async_engine("mysql+aiomysql://app@mysql.example.com/reports", connect_args={"ssl": {"ca": "/etc/ssl/db-ca.pem"}, "ssl_verify_cert": False})
# ruleid: egr101-verification-disabled
mysql_connection = MySQLdb.connections.Connection(host="mysql.example.com", ssl_mode="REQUIRED")
# ruleid: egr101-verification-disabled
sql_pool = aioodbc.create_pool(dsn="Driver={ODBC Driver 18 for SQL Server};Server=sql.example.com;TrustServerCertificate=yes;")
# ruleid: egr101-verification-disabled
sessions_cache = redis.asyncio.Redis(host="cache.example.com", ssl=True, ssl_cert_reqs=ssl.CERT_NONE, ssl_check_hostname=True)
# ruleid: egr101-verification-disabled
locks_cache = redis.StrictRedis(host="cache.example.com", ssl=True, ssl_cert_reqs="none", ssl_check_hostname=True)
# ruleid: egr101-verification-disabled
events_store = AsyncIOMotorClient("mongo.example.com", tls=True, tlsInsecure=True)
# ruleid: egr101-verification-disabled
async_search = AsyncElasticsearch("https://es.example.com:9200", verify_certs=False)
# ruleid: egr101-verification-disabled
blob_client = botocore.session.get_session().create_client("s3", verify=False)
# ruleid: egr101-verification-disabled
mqtt_subscribe.simple("alerts", hostname="broker.example.com", tls={"ca_certs": CA, "cert_reqs": ssl.CERT_NONE})
# ruleid: egr101-verification-disabled
sync_page = HTTPClient().fetch("https://api.example.com/items", validate_cert=False)
# ruleid: egr101-verification-disabled
queue_app = Celery("tasks", broker="rediss://cache.example.com:6380/0?ssl_cert_reqs=none")
# ruleid: egr101-verification-disabled
ldap.set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_TRY)
socket_session = requests_unixsocket.Session()
# ruleid: egr101-verification-disabled
socket_session.get("https://api.example.com/health", verify=False)
raw_socket = websocket.WebSocket()
# ruleid: egr101-verification-disabled
raw_socket.connect("wss://stream.example.com/feed", sslopt={"cert_reqs": ssl.CERT_NONE})
partner_oauth = AuthlibSession("partner-client", os.environ["PARTNER_SECRET"])
# ruleid: egr101-verification-disabled
partner_token = partner_oauth.fetch_token("https://auth.example.com/oauth/token", verify=False)
# ok: egr101-verification-disabled
checked_partner_token = partner_oauth.fetch_token("https://auth.example.com/oauth/token")


class PoolArgumentAdapter(HTTPAdapter):
    def init_poolmanager(self, connections, maxsize, block=False, **kwargs):
        # ruleid: egr101-verification-disabled
        return super().init_poolmanager(connections, maxsize, block, cert_reqs="CERT_NONE", **kwargs)


async def open_stores():
    # ruleid: egr101-verification-disabled
    orders = await asyncpg.connect("postgresql://db.example.com/orders", ssl="require")
    # ruleid: egr101-verification-disabled
    reports = await asyncpg.create_pool("postgresql://db.example.com/reports?sslmode=require")
    # ruleid: egr101-verification-disabled
    billing = await psycopg.AsyncConnection.connect(host="db.example.com", dbname="billing", sslmode="require")
    # ruleid: egr101-verification-disabled
    engine = create_async_engine("postgresql+asyncpg://db.example.com/app", connect_args={"ssl": "require"})
    # ruleid: egr101-verification-disabled
    async with aioboto3.Session().client("s3", verify=False) as bucket:
        await bucket.list_buckets()
    # ok: egr101-verification-disabled
    checked = await asyncpg.connect("postgresql://db.example.com/orders?sslmode=require", ssl="verify-full")
    # ok: egr101-verification-disabled
    checked_billing = await psycopg.AsyncConnection.connect(host="db.example.com", dbname="billing", sslmode="verify-full")
    return orders, reports, billing, engine, checked, checked_billing


# ok: egr101-verification-disabled
checked_pool = psycopg_pool.ConnectionPool("host=db.example.com dbname=orders sslmode=verify-full")
# ok: egr101-verification-disabled
checked_ledger = mysql.connector.connect(host="mysql.example.com", ssl_ca="/etc/ssl/db-ca.pem", ssl_verify_cert=True,
                                         ssl_verify_identity=True)
# ok: egr101-verification-disabled
checked_sql_pool = aioodbc.create_pool(dsn="Driver={ODBC Driver 18 for SQL Server};Server=sql.example.com;Encrypt=strict;")
# ok: egr101-verification-disabled
checked_cache = redis.asyncio.Redis(host="cache.example.com", ssl=True, ssl_cert_reqs="required", ssl_check_hostname=True)
# ok: egr101-verification-disabled
checked_store = AsyncIOMotorClient("mongo.example.com", tls=True, tlsCAFile="/etc/ssl/mongo-ca.pem")
# ok: egr101-verification-disabled
checked_blobs = botocore.session.get_session().create_client("s3", verify="/etc/ssl/corp-ca.pem")
# ok: egr101-verification-disabled
checked_page = HTTPClient().fetch("https://api.example.com/items")
# ok: egr101-verification-disabled
checked_queue = Celery("tasks", broker="rediss://cache.example.com:6380/0?ssl_cert_reqs=required&ssl_check_hostname=true")
# ok: egr101-verification-disabled
socket_session.get("https+unix://%2Fvar%2Frun%2Fapi.sock/health")

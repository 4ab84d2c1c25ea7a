# Semgrep test for egr201-plain-http-request, written by tools/semgrep_tests.py from tests/fixtures/EGR201.py.
# Edit the fixture or the gap table of rules/README.md, then run the script again.
# Annotated fixture for EGR201 (plain http:// or ws:// request to an external host).
import functools
import logging
import os
import urllib.request
from urllib.parse import urljoin
from urllib.request import Request, urlopen, urlretrieve

import aiohttp
import httpx
import requests
import urllib3
import websocket
import websockets
from requests import post as send

log = logging.getLogger(__name__)

PARTNER = "http://partner.example.com"
STATUS_URL = "http://status.example.org/v1/health"
SECURE = "https://api.example.com"


class Endpoints:
    REPORTS = "http://reports.example.net/upload"


# --- literal URLs and every client -------------------------------------------------------------
# ruleid: egr201-plain-http-request
requests.get("http://api.example.com/items")
# ruleid: egr201-plain-http-request
send("http://api.example.com/items", json={"a": 1})
# ruleid: egr201-plain-http-request
requests.request("GET", "http://api.example.com/items")
# ruleid: egr201-plain-http-request
httpx.get("http://api.example.com/items")
# ruleid: egr201-plain-http-request
urlopen("http://api.example.com/feed.xml")
# ruleid: egr201-plain-http-request
urllib.request.urlretrieve("http://downloads.example.com/file.tar.gz", "/tmp/file.tar.gz")
# ruleid: egr201-plain-http-request
urlretrieve("http://downloads.example.com/other.tar.gz")
# ruleid: egr201-plain-http-request
urllib3.request("GET", "http://api.example.com/items")
pool = urllib3.PoolManager()
# ruleid: egr201-plain-http-request
pool.request("GET", "http://api.example.com/items")
# ruleid: egr201-plain-http-request
pool.urlopen("POST", "http://api.example.com/items")
# ruleid: egr201-plain-http-request
ws = websocket.create_connection("ws://stream.example.com/feed")
# ruleid: egr201-plain-http-request
ws_app = websocket.WebSocketApp("ws://stream.example.com/feed")


async def streams():
    # ruleid: egr201-plain-http-request
    async with websockets.connect("ws://stream.example.com/ticks") as socket:
        await socket.recv()
    async with aiohttp.ClientSession() as session:
        # ruleid: egr201-plain-http-request
        await session.get("http://api.example.com/items")
        # ruleid: egr201-plain-http-request
        await session.ws_connect("ws://stream.example.com/ws")
    # ruleid: egr201-plain-http-request
    async with aiohttp.ClientSession(base_url="http://api.example.com") as based:
        await based.get("/items")


opener = urllib.request.build_opener()
# ruleid: egr201-plain-http-request
opener.open("http://api.example.com/feed")
legacy_opener = urllib.request.URLopener()
# ruleid: egr201-plain-http-request
legacy_opener.retrieve("http://downloads.example.com/old.tar.gz")

# --- URLs that travel ---------------------------------------------------------------------------
# ruleid: egr201-plain-http-request
requests.get(PARTNER + "/orders")
# ruleid: egr201-plain-http-request
requests.get(STATUS_URL)
# ruleid: egr201-plain-http-request
requests.post(Endpoints.REPORTS, data=b"csv")
# ruleid: egr201-plain-http-request
requests.get("%s/orders" % PARTNER)
# ruleid: egr201-plain-http-request
requests.get("{}/orders".format(PARTNER))
# ruleid: egr201-plain-http-request
requests.get(urljoin(PARTNER, "orders"))


def fetch(host, path):
    # ruleid: egr201-plain-http-request
    return requests.get(f"http://{host}/{path}")


def fetch_default(url="http://mirror.example.com/pkg"):
    # ruleid: egr201-plain-http-request
    return requests.get(url)


def concatenated(host):
    # ruleid: egr201-plain-http-request
    return requests.get("http://" + host + "/api")


# ruleid: egr201-plain-http-request
client = httpx.Client(base_url="http://internal-api.example.com")
client.get("/users")
request = Request("http://upload.example.com/", data=b"payload")
# ruleid: egr201-plain-http-request
urlopen(request)
session = requests.Session()
prepared = requests.Request("POST", "http://api.example.com/orders").prepare()
# ruleid: egr201-plain-http-request
session.send(prepared)
fetch = session.get
fetch_slowly = functools.partial(session.get, timeout=30)
# ruleid: egr201-plain-http-request
fetch("http://catalog.example.com/items")
# ruleid: egr201-plain-http-request
fetch_slowly("http://catalog.example.com/items")
# ok: egr201-plain-http-request
fetch_slowly("https://catalog.example.com/items")
# ruleid: egr201-plain-http-request
requests.get("http://localhost.example.com/")
# ruleid: egr201-plain-http-request
requests.get("http://127.0.0.1.nip.io/")
# ruleid: egr201-plain-http-request
requests.get("http://example.com/")

# --- must not fire ------------------------------------------------------------------------------------
# ok: egr201-plain-http-request
requests.get("https://api.example.com/items")
# ok: egr201-plain-http-request
requests.get(SECURE + "/items")
# ok: egr201-plain-http-request
requests.get("http://localhost:8080/health")
# ok: egr201-plain-http-request
requests.get("http://api.localhost/health")
# ok: egr201-plain-http-request
requests.get("http://127.0.0.1:9200/_cat/indices")
# ok: egr201-plain-http-request
requests.get("http://127.10.0.3/")
# ok: egr201-plain-http-request
requests.get("http://[::1]:8000/")
# ok: egr201-plain-http-request
requests.get("http://0.0.0.0:5000/")
# ok: egr201-plain-http-request
requests.get("http://169.254.169.254/latest/meta-data/")
# ok: egr201-plain-http-request
requests.get("http://metadata.google.internal/computeMetadata/v1/")
# ok: egr201-plain-http-request
requests.get("http://service.test/")
# ok: egr201-plain-http-request
requests.get("http://nothing.invalid/")
# ok: egr201-plain-http-request
requests.get("http://docs.example/")
# ok: egr201-plain-http-request
websocket.create_connection("wss://stream.example.com/feed")


def docs_only(url):
    """Fetch a page such as http://example.com/page (docstrings are not requests)."""
    # a comment with http://example.com is not a request either
    log.info("retrying over http://%s", url)
    if url.startswith("http://"):
        # ok: egr201-plain-http-request
        url = url.replace("http://", "https://")
    # ok: egr201-plain-http-request
    return requests.get(url)


XML = '<feed xmlns="http://www.w3.org/2005/Atom"/>'
SCHEMA = {"$id": "http://json-schema.org/draft-07/schema#", "type": "object"}
# ok: egr201-plain-http-request
requests.get(os.environ["SERVICE_URL"])
# ok: egr201-plain-http-request
requests.get(urljoin(SECURE, "http-proxy/status"))


# --- HTTP over a local transport is not a network request ----------------------------------------------------
# ok: egr201-plain-http-request
requests.get("http+unix://%2Fvar%2Frun%2Fdocker.sock/containers/json")
# ok: egr201-plain-http-request
requests.post("http+docker://localunixsocket/v1.41/images/create", data={"fromImage": "app"})
# ok: egr201-plain-http-request
requests.get("http://\\\\.\\pipe\\docker_engine/info")

import requests_unixsocket

daemon = requests_unixsocket.Session()
# ok: egr201-plain-http-request
daemon.get("http+unix://%2Frun%2Fagent.sock/v2/status")
# ok: egr201-plain-http-request
requests_unixsocket.post("http+unix://%2Frun%2Fagent.sock/v2/jobs", json={"name": "sync"})
sidecar = requests_unixsocket.Session(url_scheme="http+sidecar://")
# ok: egr201-plain-http-request
sidecar.get("http+sidecar://agent.sock.example.net/v2/status")
# ruleid: egr201-plain-http-request
daemon.get("http://mirror.example.com/v2/status")


def _answer(request):
    return httpx.Response(200, json={"ok": True})


def in_process_and_socket_transports(app):
    mocked = httpx.Client(transport=httpx.MockTransport(_answer))
    # ok: egr201-plain-http-request
    mocked.get("http://catalogue.example.com/v1/items")
    wsgi = httpx.Client(transport=httpx.WSGITransport(app=app))
    # ok: egr201-plain-http-request
    wsgi.get("http://shop.example.com/health")
    # ok: egr201-plain-http-request
    legacy_app = httpx.Client(app=app, base_url="http://testserver.example.com")
    over_socket = httpx.Client(transport=httpx.HTTPTransport(uds="/run/agent.sock"))
    # ok: egr201-plain-http-request
    over_socket.get("http://agent.example.com/v2/status")
    retrying = httpx.Client(transport=httpx.HTTPTransport(retries=3))
    # ruleid: egr201-plain-http-request
    retrying.get("http://agent.example.com/v2/status")


async def docker_over_unix_socket():
    async with aiohttp.ClientSession(connector=aiohttp.UnixConnector(path="/var/run/docker.sock")) as docker:
        # ok: egr201-plain-http-request
        await docker.get("http://docker.example.com/v1.43/containers/json")


# --- connection URLs of caches, brokers and directories --------------------------------------------------
import redis
from celery import Celery

# ruleid: egr201-plain-http-request
cache = redis.from_url("redis://cache.example.com:6379/0")
# ruleid: egr201-plain-http-request
queue = Celery("tasks", broker="amqp://rabbit.example.com:5672//")
# ruleid: egr201-plain-http-request
broker_url = "redis://queue.example.com:6379/1"
# ok: egr201-plain-http-request
secure_cache = redis.from_url("rediss://cache.example.com:6380/0", ssl_check_hostname=True)
# ok: egr201-plain-http-request
local_cache = redis.from_url("redis://localhost:6379/0")
# ok: egr201-plain-http-request
compose_cache = redis.from_url("redis://redis:6379/0")


# --- LDAP, search and object-store endpoints ---------------------------------------------------------------
import boto3
import ldap
import ldap3
import ssl
from elasticsearch import Elasticsearch

# ruleid: egr201-plain-http-request
directory = ldap3.Server("ldap://dc.example.com")
# ruleid: egr201-plain-http-request
legacy_directory = ldap.initialize("ldap://dc.example.com")
# ruleid: egr201-plain-http-request
search = Elasticsearch("http://es.example.com:9200")
# ruleid: egr201-plain-http-request
objects = boto3.client("s3", endpoint_url="http://minio.example.com:9000")
# ok: egr201-plain-http-request
secure_directory = ldap3.Server("ldaps://dc.example.com", tls=ldap3.Tls(validate=ssl.CERT_REQUIRED))
# ok: egr201-plain-http-request
local_objects = boto3.client("s3", endpoint_url="http://localhost:4566")
# ok: egr201-plain-http-request
compose_search = Elasticsearch("http://elasticsearch:9200")
object_session = boto3.Session(profile_name="archive")
# ruleid: egr201-plain-http-request
archive_objects = object_session.client("s3", endpoint_url="http://archive.example.com:9000")
# ruleid: egr201-plain-http-request
backup_objects = boto3.session.Session().resource("s3", endpoint_url="http://backup.example.com:9000")
# ok: egr201-plain-http-request
compose_archive = object_session.client("s3", endpoint_url="http://minio:9000")


# --- brokers and HTTP clients of other libraries -------------------------------------------------------------
import aio_pika
import httplib2
import pika
from tornado.httpclient import AsyncHTTPClient

# ruleid: egr201-plain-http-request
rabbit = pika.URLParameters("amqp://rabbit.example.com:5672/%2F")


async def consume():
    # ruleid: egr201-plain-http-request
    return await aio_pika.connect_robust("amqp://rabbit.example.com/")


web = httplib2.Http()
# ruleid: egr201-plain-http-request
web.request("http://api.example.com/items")


async def poll():
    # ruleid: egr201-plain-http-request
    return await AsyncHTTPClient().fetch("http://api.example.com/items")


# ok: egr201-plain-http-request
rabbit_tls = pika.URLParameters("amqps://rabbit.example.com:5671/%2F")


# --- graph databases ---------------------------------------------------------------------------------------
from neo4j import GraphDatabase

# ruleid: egr201-plain-http-request
graph = GraphDatabase.driver("bolt://graph.example.com:7687")
# ok: egr201-plain-http-request
local_graph = GraphDatabase.driver("neo4j://localhost:7687")


# --- Elasticsearch host dicts, Kubernetes API hosts, Celery app settings ----------------------------------
from celery import Celery
from kubernetes import client as k8s

# ruleid: egr201-plain-http-request
dict_search = Elasticsearch(hosts=[{"host": "es.example.com", "port": 9200, "scheme": "http"}])
cluster_config = k8s.Configuration()
# ruleid: egr201-plain-http-request
cluster_config.host = "http://k8s.example.com:8080"
# ruleid: egr201-plain-http-request
proxy_config = k8s.Configuration(host="http://k8s.example.com:8001")
tasks_app = Celery("tasks")
# ruleid: egr201-plain-http-request
tasks_app.conf.broker_url = "amqp://rabbit.example.com:5672//"
# ok: egr201-plain-http-request
tls_dict_search = Elasticsearch(hosts=[{"host": "es.example.com", "port": 9200, "scheme": "https"}])
# ok: egr201-plain-http-request
default_scheme_search = Elasticsearch(hosts=[{"host": "es.example.com", "port": 9200}])
# ruleid: egr201-plain-http-request
mixed_search = Elasticsearch(["https://es1.example.com:9200", "http://es2.example.com:9200"])
secure_config = k8s.Configuration()
# ok: egr201-plain-http-request
secure_config.host = "https://k8s.example.com:6443"
# ok: egr201-plain-http-request
local_proxy_config = k8s.Configuration(host="http://localhost:8001")
compose_app = Celery("tasks")
# ok: egr201-plain-http-request
compose_app.conf.update(broker_url="amqp://rabbitmq:5672//")
# ok: egr201-plain-http-request
tls_app = Celery("tasks", broker="amqp://rabbit.example.com:5672//")
tls_app.conf.broker_use_ssl = {"cert_reqs": ssl.CERT_REQUIRED, "ca_certs": "/etc/ssl/rabbit-ca.pem"}
results_app = Celery("results")
# ruleid: egr201-plain-http-request
results_app.conf.setdefault("result_backend", "redis://results.example.com:6379/1")
# ruleid: egr201-plain-http-request
results_app.conf.update({"broker_url": "amqp://rabbit.example.com:5672//"})
tls_results_app = Celery("results")
# ok: egr201-plain-http-request
tls_results_app.conf.update(broker_url="amqp://rabbit.example.com:5672//", broker_use_ssl={"cert_reqs": ssl.CERT_REQUIRED})
redis_results_app = Celery("results")
redis_results_app.conf.redis_backend_use_ssl = {"ssl_cert_reqs": ssl.CERT_REQUIRED}
# ok: egr201-plain-http-request
redis_results_app.conf.result_backend = "redis://results.example.com:6379/1"


# --- pycurl handles: the URL given by setopt(pycurl.URL, ...) ----------------------------------------------
import pycurl

feed = pycurl.Curl()
# ruleid: egr201-plain-http-request
feed.setopt(pycurl.URL, "http://feeds.example.com/rss")
# ruleid: egr201-plain-http-request
feed.setopt(feed.URL, "http://mirror.example.org/rss")
# ok: egr201-plain-http-request
feed.setopt(pycurl.URL, "https://feeds.example.com/rss")
# ok: egr201-plain-http-request
feed.setopt(pycurl.URL, "http://localhost:8080/rss")
# ok: egr201-plain-http-request
feed.setopt(pycurl.REFERER, "http://feeds.example.com/")


# --- clients written by OpenAPI Generator: one Configuration shape for every package --------------------
import influxdb_client
import plaid
from airflow_client.client import Configuration as SchedulerConfiguration

metrics_config = influxdb_client.Configuration()
# ruleid: egr201-plain-http-request
metrics_config.host = "http://influx.example.com:8086"
# ruleid: egr201-plain-http-request
scheduler_config = SchedulerConfiguration(host="http://airflow.example.com/api/v1")
# ok: egr201-plain-http-request
ledger_config = plaid.Configuration(host="https://sandbox.plaid.com")
# ok: egr201-plain-http-request
ledger_from_table = plaid.Configuration(host=plaid.Environment.Sandbox)
# ok: egr201-plain-http-request
local_scheduler = SchedulerConfiguration(host="http://localhost:8080/api/v1")
remote_metrics = influxdb_client.Configuration()
# ok: egr201-plain-http-request
remote_metrics.host = os.environ["INFLUX_URL"]


# --- influxdb-client's client classes ---------------------------------------------------------------------
from influxdb_client import InfluxDBClient
from influxdb_client.client.influxdb_client_async import InfluxDBClientAsync

# ruleid: egr201-plain-http-request
metrics_client = InfluxDBClient(url="http://influx.example.com:8086", org="ops")
# ruleid: egr201-plain-http-request
async_metrics = InfluxDBClientAsync("http://influx.example.com:8086")
# ok: egr201-plain-http-request
local_metrics = InfluxDBClient(url="http://localhost:8086", org="ops")
# ok: egr201-plain-http-request
compose_metrics = InfluxDBClient(url="http://influxdb:8086", org="ops")


# --- Celery: a result backend URL given to the app's constructor ------------------------------------------
# ruleid: egr201-plain-http-request
backend_app = Celery("reports", backend="redis://results.example.com:6379/0")
# ok: egr201-plain-http-request
tls_backend_app = Celery("reports", backend="rediss://results.example.com:6380/0?ssl_cert_reqs=required")
# ok: egr201-plain-http-request
local_backend_app = Celery("reports", backend="redis://localhost:6379/0")

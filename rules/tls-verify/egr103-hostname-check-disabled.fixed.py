# Semgrep test for egr103-hostname-check-disabled, written by tools/semgrep_tests.py from tests/fixtures/EGR103.py.
# Edit the fixture or the gap table of rules/README.md, then run the script again.
# Annotated fixture for EGR103 (hostname verification disabled).
import ssl

import urllib3
from requests.packages.urllib3 import PoolManager as LegacyPool
from urllib3 import HTTPSConnectionPool

ctx = ssl.create_default_context()
# ruleid: egr103-hostname-check-disabled
ctx.check_hostname = True

NO_CHECK = False
other = ssl.create_default_context(cafile="/etc/ssl/certs/ca.pem")
# ruleid: egr103-hostname-check-disabled
other.check_hostname = NO_CHECK


class Client:
    def __init__(self):
        self.ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        # ruleid: egr103-hostname-check-disabled
        self.ctx.check_hostname = True


# ruleid: egr103-hostname-check-disabled
pool = urllib3.PoolManager(assert_hostname=False)
# ruleid: egr103-hostname-check-disabled
https_pool = HTTPSConnectionPool("db.example.com", 443, assert_hostname=False)
# ruleid: egr103-hostname-check-disabled
legacy = LegacyPool(assert_hostname=False, ca_certs="/etc/ssl/certs/ca.pem")
# ruleid: egr103-hostname-check-disabled
pool_from_url = urllib3.connection_from_url("https://db.example.com", assert_hostname=False)

# --- must not fire ------------------------------------------------------------------------------
good = ssl.create_default_context()
# ok: egr103-hostname-check-disabled
good.check_hostname = True
server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
# ok: egr103-hostname-check-disabled
server.check_hostname = False
# ok: egr103-hostname-check-disabled
urllib3.PoolManager(assert_hostname="db.internal.example.com")
# ok: egr103-hostname-check-disabled
urllib3.PoolManager(assert_fingerprint="AA:BB:CC")


class Settings:
    check_hostname = False  # a plain attribute of an unrelated class


settings = Settings()
# ok: egr103-hostname-check-disabled
settings.check_hostname = False
# ok: egr103-hostname-check-disabled
urllib3.PoolManager(assert_hostname=False, assert_fingerprint="AA:BB:CC")




# --- databases and caches ------------------------------------------------------------------------------
import psycopg2
import pymongo
import redis

# ruleid: egr103-hostname-check-disabled
pg_verify_ca = psycopg2.connect("host=db.example.com dbname=app sslmode=verify-ca")
# ruleid: egr103-hostname-check-disabled
cache_no_hostname = redis.Redis(host="cache.example.com", ssl=True, ssl_check_hostname=False)
# ruleid: egr103-hostname-check-disabled
cache_default_hostname = redis.from_url("rediss://cache.example.com:6380/0")
# ruleid: egr103-hostname-check-disabled
mongo_any_name = pymongo.MongoClient("mongodb://mongo.example.com/?tls=true&tlsAllowInvalidHostnames=true")
# ok: egr103-hostname-check-disabled
cache_checked = redis.Redis(host="cache.example.com", ssl=True, ssl_check_hostname=True)
# ok: egr103-hostname-check-disabled
pg_full = psycopg2.connect("host=db.example.com dbname=app sslmode=verify-full")


# --- search and Kubernetes clients -------------------------------------------------------------------------
from elasticsearch import Elasticsearch
from kubernetes import client as k8s

# ruleid: egr103-hostname-check-disabled
search = Elasticsearch("https://es.example.com:9200", ssl_assert_hostname=False)
cluster = k8s.Configuration()
# ruleid: egr103-hostname-check-disabled
cluster.assert_hostname = False
# ok: egr103-hostname-check-disabled
checked_search = Elasticsearch("https://es.example.com:9200", ssl_assert_hostname=True)


# --- brokers, MQTT, WebSocket and curl ---------------------------------------------------------------------
import paho.mqtt.client as mqtt
import pycurl
import websocket
from confluent_kafka import Producer
from kafka import KafkaConsumer

telemetry = mqtt.Client()
telemetry.tls_set()
# ruleid: egr103-hostname-check-disabled
telemetry.tls_insecure_set(True)
# ruleid: egr103-hostname-check-disabled
orders = KafkaConsumer(bootstrap_servers="kafka.example.com:9093", security_protocol="SSL", ssl_check_hostname=False)
# ruleid: egr103-hostname-check-disabled
events = Producer({"bootstrap.servers": "kafka.example.com:9093", "security.protocol": "SSL",
                   "ssl.endpoint.identification.algorithm": "none"})
# ruleid: egr103-hostname-check-disabled
stream = websocket.create_connection("wss://stream.example.com/feed", sslopt={"check_hostname": False})
curl = pycurl.Curl()
# ruleid: egr103-hostname-check-disabled
curl.setopt(pycurl.SSL_VERIFYHOST, 0)
# ok: egr103-hostname-check-disabled
telemetry.tls_insecure_set(False)
# ok: egr103-hostname-check-disabled
curl.setopt(pycurl.SSL_VERIFYHOST, 2)


# --- mysql-connector's host-name default, gRPC target-name override, MQTT one-shot publishing ------------
import grpc
import mysql.connector
import paho.mqtt.publish as mqtt_publish

DB_CA = "/etc/ssl/db-ca.pem"
# ruleid: egr103-hostname-check-disabled
mysql_unnamed = mysql.connector.connect(host="mysql.example.com", ssl_ca=DB_CA, ssl_verify_cert=True)
# ruleid: egr103-hostname-check-disabled
renamed = grpc.secure_channel("pay.example.com:443", grpc.ssl_channel_credentials(), options=[("grpc.ssl_target_name_override", "pay.internal")])
# ruleid: egr103-hostname-check-disabled
mqtt_publish.single("alerts", "on", hostname="broker.example.com", tls={"ca_certs": DB_CA, "insecure": True})
# ok: egr103-hostname-check-disabled
mysql_named = mysql.connector.connect(host="mysql.example.com", ssl_ca=DB_CA, ssl_verify_cert=True, ssl_verify_identity=True)
# ok: egr103-hostname-check-disabled
mysql_local = mysql.connector.connect(host="localhost", ssl_ca=DB_CA, ssl_verify_cert=True)
# ok: egr103-hostname-check-disabled
tuned = grpc.secure_channel("pay.example.com:443", grpc.ssl_channel_credentials(), options=[("grpc.max_receive_message_length", 1 << 24)])


# --- clients written by OpenAPI Generator: one Configuration shape for every package --------------------
import influxdb_client
from datadog_api_client import Configuration as MonitorConfiguration

metrics_config = influxdb_client.Configuration()
# ruleid: egr103-hostname-check-disabled
metrics_config.assert_hostname = False
monitor_config = MonitorConfiguration()
# ok: egr103-hostname-check-disabled
monitor_config.assert_hostname = None
# ok: egr103-hostname-check-disabled
monitor_config.assert_hostname = "api.datadoghq.eu"
monitor_default = MonitorConfiguration.get_default()
# ruleid: egr103-hostname-check-disabled
monitor_default.assert_hostname = False


# --- more connection spellings: pools, async drivers, other client classes --------------------------------
import os

import asyncpg
import MySQLdb
import paho.mqtt.subscribe as mqtt_subscribe
import psycopg
import psycopg2.pool
import psycopg_pool
import pymysql
import redis.asyncio
from elasticsearch import AsyncElasticsearch
from kafka import KafkaAdminClient
from opensearchpy import OpenSearch
from sqlalchemy import create_engine
from sqlalchemy.ext.asyncio import create_async_engine

# ruleid: egr103-hostname-check-disabled
orders_pool = psycopg_pool.AsyncConnectionPool("host=db.example.com dbname=orders sslmode=verify-ca")
# ruleid: egr103-hostname-check-disabled
audit_pool = psycopg2.pool.SimpleConnectionPool(1, 4, host="db.example.com", dbname="audit", sslmode="verify-ca")
# ruleid: egr103-hostname-check-disabled
mysql_ca_only = MySQLdb.Connect(host="mysql.example.com", ssl_mode="VERIFY_CA")
# ruleid: egr103-hostname-check-disabled
mysql_no_identity = pymysql.connect(host="mysql.example.com", ssl_ca=DB_CA, ssl_verify_identity=False)
# ruleid: egr103-hostname-check-disabled
mysql_dict_no_name = pymysql.connect(host="mysql.example.com", ssl={"ca": DB_CA, "check_hostname": False})
# ruleid: egr103-hostname-check-disabled
sessions_cache = redis.asyncio.Redis(host="cache.example.com", ssl=True, ssl_check_hostname=False)
# ruleid: egr103-hostname-check-disabled
locks_cache = redis.StrictRedis(host="cache.example.com", ssl=True, ssl_ca_certs=DB_CA)
# ruleid: egr103-hostname-check-disabled
rates_cache = redis.Redis("cache.example.com", 6380, ssl=True)
# ruleid: egr103-hostname-check-disabled
events_store = pymongo.AsyncMongoClient("mongo.example.com", tls=True, tlsAllowInvalidHostnames=True)
# ruleid: egr103-hostname-check-disabled
async_search = AsyncElasticsearch("https://es.example.com:9200", ssl_assert_hostname=False)
# ruleid: egr103-hostname-check-disabled
open_search = OpenSearch(["https://search.example.com:9200"], ssl_assert_hostname=False)
# ruleid: egr103-hostname-check-disabled
topics = KafkaAdminClient(bootstrap_servers="kafka.example.com:9093", security_protocol="SSL", ssl_check_hostname=False)
# ruleid: egr103-hostname-check-disabled
mqtt_subscribe.simple("alerts", hostname="broker.example.com", tls={"ca_certs": DB_CA, "insecure": True})
feed = websocket.WebSocketApp("wss://stream.example.com/feed")
# ruleid: egr103-hostname-check-disabled
feed.run_forever(sslopt={"check_hostname": False})
raw_socket = websocket.WebSocket()
# ruleid: egr103-hostname-check-disabled
raw_socket.connect("wss://stream.example.com/feed", sslopt={"check_hostname": False})
TARGET_OVERRIDE = [("grpc.ssl_target_name_override", "ledger.internal")]
# ruleid: egr103-hostname-check-disabled
ledger_channel = grpc.secure_channel("ledger.example.com:443", grpc.ssl_channel_credentials(), options=TARGET_OVERRIDE)
# ruleid: egr103-hostname-check-disabled
audit_channel = grpc.aio.secure_channel("audit.example.com:443", grpc.ssl_channel_credentials(), (("grpc.ssl_target_name_override", "audit.internal"),))
# ruleid: egr103-hostname-check-disabled
ledger_engine = create_engine("mysql+pymysql://app@mysql.example.com/ledger", connect_args={"ssl": {"ca": DB_CA}, "ssl_verify_identity": False})
# ruleid: egr103-hostname-check-disabled
reports_engine = create_async_engine("mysql+aiomysql://app@mysql.example.com/reports", connect_args={"ssl": {"ca": DB_CA}, "ssl_verify_identity": False})
# ok: egr103-hostname-check-disabled
checked_ledger_engine = create_engine("mysql+pymysql://app@mysql.example.com/ledger", connect_args={"ssl": {"ca": DB_CA}, "ssl_verify_identity": True})
# ok: egr103-hostname-check-disabled
sized_channel = grpc.aio.secure_channel("audit.example.com:443", grpc.ssl_channel_credentials(), (("grpc.max_send_message_length", 1 << 20),))

DATABASES = {
    # ruleid: egr103-hostname-check-disabled
    "default": {"ENGINE": "django.db.backends.postgresql", "HOST": "pg.example.com", "OPTIONS": {"sslmode": "verify-ca"}},
    # ruleid: egr103-hostname-check-disabled
    "mysql": {"ENGINE": "django.db.backends.mysql", "HOST": "my.example.com", "OPTIONS": {"ssl_mode": "VERIFY_CA"}},
    # ok: egr103-hostname-check-disabled
    "mysql_checked": {"ENGINE": "django.db.backends.mysql", "HOST": "my.example.com",
                      "OPTIONS": {"ssl_mode": "VERIFY_IDENTITY"}},
}


async def open_stores():
    # ruleid: egr103-hostname-check-disabled
    orders = await asyncpg.connect("postgresql://db.example.com/orders", ssl="verify-ca")
    # ruleid: egr103-hostname-check-disabled
    reports = await asyncpg.create_pool("postgresql://db.example.com/reports?sslmode=verify-ca")
    # ruleid: egr103-hostname-check-disabled
    billing = await psycopg.AsyncConnection.connect(host="db.example.com", dbname="billing", sslmode="verify-ca")
    # ruleid: egr103-hostname-check-disabled
    engine = create_async_engine("postgresql+asyncpg://db.example.com/app", connect_args={"ssl": "verify-ca"})
    # ok: egr103-hostname-check-disabled
    checked = await asyncpg.connect("postgresql://db.example.com/orders?sslmode=verify-ca", ssl="verify-full")
    return orders, reports, billing, engine, checked


# ok: egr103-hostname-check-disabled
service_cache = redis.Redis(host="redis", ssl=True)
# ok: egr103-hostname-check-disabled
configured_cache = redis.Redis(host=os.environ["CACHE_HOST"], ssl=True)
# ok: egr103-hostname-check-disabled
verified_cache = redis.Redis(host="cache.example.com", ssl=True, ssl_cert_reqs="required", ssl_check_hostname=True)
# ok: egr103-hostname-check-disabled
mysql_dict_named = pymysql.connect(host="mysql.example.com", ssl={"ca": DB_CA, "check_hostname": True})
# ok: egr103-hostname-check-disabled
mysql_identity = MySQLdb.Connect(host="mysql.example.com", ssl_mode="VERIFY_IDENTITY")
# ok: egr103-hostname-check-disabled
feed.run_forever(sslopt={"ca_certs": DB_CA})


# --- a context made inside a `with` block that wraps its errors -------------------------------------------
import contextlib


def guarded_client_context(host, verify):
    with contextlib.suppress(AttributeError):
        guarded = ssl.create_default_context()
    if not verify:
        # ruleid: egr103-hostname-check-disabled
        guarded.check_hostname = True
    return guarded


def guarded_server_context():
    with contextlib.suppress(AttributeError):
        listener = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    # ok: egr103-hostname-check-disabled
    listener.check_hostname = False
    return listener

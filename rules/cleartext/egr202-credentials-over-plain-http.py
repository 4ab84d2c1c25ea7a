# Semgrep test for egr202-credentials-over-plain-http, written by tools/semgrep_tests.py from tests/fixtures/EGR202.py.
# Edit the fixture or the gap table of rules/README.md, then run the script again.
# Annotated fixture for EGR202 (credentials or sensitive data over plain HTTP).
# Every line here is also plain HTTP (EGR201) unless the URL comes from a client's base_url.
import os

import aiohttp
import httpx
import requests
from requests.auth import HTTPBasicAuth, HTTPDigestAuth

TOKEN = os.environ["API_TOKEN"]
BASE = "http://billing.example.com"

# --- credentials on the call ---------------------------------------------------------------------
# ruleid: egr202-credentials-over-plain-http
requests.get(BASE + "/invoices", auth=("billing", os.environ["BILLING_PASSWORD"]))
# ruleid: egr202-credentials-over-plain-http
requests.get(BASE + "/invoices", auth=HTTPBasicAuth("billing", TOKEN))
# ruleid: egr202-credentials-over-plain-http
requests.get(BASE + "/invoices", auth=HTTPDigestAuth("billing", TOKEN))
# ruleid: egr202-credentials-over-plain-http
requests.get(BASE + "/invoices", headers={"Authorization": f"Bearer {TOKEN}"})
# ruleid: egr202-credentials-over-plain-http
requests.get(BASE + "/invoices", headers={"x-api-key": TOKEN})
# ruleid: egr202-credentials-over-plain-http
requests.get(BASE + "/invoices", headers={"X-Auth-Token": TOKEN})
# ruleid: egr202-credentials-over-plain-http
requests.get(BASE + "/invoices", headers={"Proxy-Authorization": "Basic " + TOKEN})
# ruleid: egr202-credentials-over-plain-http
requests.get(BASE + "/invoices", headers={"Cookie": "session=" + TOKEN})
# ruleid: egr202-credentials-over-plain-http
requests.get(BASE + "/invoices", cookies={"session": TOKEN})
# ruleid: egr202-credentials-over-plain-http
httpx.get(BASE + "/invoices", auth=httpx.BasicAuth("billing", TOKEN))

HEADERS = {"Authorization": "Token " + TOKEN, "Accept": "application/json"}
# ruleid: egr202-credentials-over-plain-http
requests.get(BASE + "/invoices", headers=HEADERS)

# --- sensitive data in the body -----------------------------------------------------------------------
# ruleid: egr202-credentials-over-plain-http
requests.post(BASE + "/login", data={"username": "a", "password": os.environ["PW"]})
# ruleid: egr202-credentials-over-plain-http
requests.post(BASE + "/cards", json={"cardNumber": "x", "cvv": "y"})
# ruleid: egr202-credentials-over-plain-http
requests.post(BASE + "/transfer", json={"iban": "x", "amount": 10})

# --- credentials on the session or client ----------------------------------------------------------------
session = requests.Session()
session.auth = ("billing", TOKEN)
# ruleid: egr202-credentials-over-plain-http
session.get(BASE + "/invoices")

headed = requests.Session()
headed.headers.update({"Authorization": "Bearer " + TOKEN})
# ruleid: egr202-credentials-over-plain-http
headed.get(BASE + "/invoices")

keyed = requests.Session()
keyed.headers["X-API-Key"] = TOKEN
# ruleid: egr202-credentials-over-plain-http
keyed.post(BASE + "/invoices", json={"amount": 1})

client = httpx.Client(base_url="http://billing.example.com", headers={"Authorization": "Bearer " + TOKEN})
# ruleid: egr202-credentials-over-plain-http
client.get("/invoices")


class Billing:
    def __init__(self):
        self.session = requests.Session()
        self.session.headers["Authorization"] = "Bearer " + TOKEN

    def invoices(self):
        # ruleid: egr202-credentials-over-plain-http
        return self.session.get("http://billing.example.com/invoices")


async def aio():
    async with aiohttp.ClientSession(auth=aiohttp.BasicAuth("billing", TOKEN)) as http:
        # ruleid: egr202-credentials-over-plain-http
        await http.get("http://billing.example.com/invoices")


prepared = requests.Request("POST", BASE + "/login", data={"password": TOKEN}).prepare()
# ruleid: egr202-credentials-over-plain-http
requests.Session().send(prepared)

import http.client

legacy = http.client.HTTPConnection("billing.example.com")
# ruleid: egr202-credentials-over-plain-http
legacy.request("GET", "/invoices", headers={"Authorization": "Bearer " + TOKEN})

# --- must not fire ------------------------------------------------------------------------------------------
# ok: egr202-credentials-over-plain-http
requests.get("https://billing.example.com/invoices", auth=("billing", TOKEN))
# ok: egr202-credentials-over-plain-http
requests.post("http://localhost:8000/login", data={"password": TOKEN})
# ok: egr202-credentials-over-plain-http
requests.get("http://auth.test/invoices", headers={"Authorization": "Bearer " + TOKEN})
# ok: egr202-credentials-over-plain-http
requests.get(BASE + "/catalogue", headers={"Accept": "application/json"})
# ok: egr202-credentials-over-plain-http
requests.post(BASE + "/search", json={"query": "shoes", "page": 2})
# ok: egr202-credentials-over-plain-http
requests.get(BASE + "/catalogue", auth=None)


# --- credentials wherever they travel, over plain HTTP ------------------------------------------------------
def relay(bot_secret_token, chat, text):
    # ruleid: egr202-credentials-over-plain-http
    requests.post(f"http://chat.example.com/bot{bot_secret_token}/send", json={"chat": chat, "text": text})
    # ruleid: egr202-credentials-over-plain-http
    requests.get("http://feeds.example.com/latest", params={"feed_token": bot_secret_token})
    # ruleid: egr202-credentials-over-plain-http
    requests.post("http://notify.example.com/push", data={"login": chat, "psw": bot_secret_token})
    # ruleid: egr202-credentials-over-plain-http
    requests.post("http://mail.example.com/send", headers={"X-Mailer-Server-Token": bot_secret_token})


# --- databases, caches and brokers ------------------------------------------------------------------
import psycopg2
import redis


def cache_client(password):
    # ruleid: egr202-credentials-over-plain-http
    return redis.Redis(host="cache.example.com", password=password)


# ruleid: egr202-credentials-over-plain-http
pg_plain = psycopg2.connect(host="db.example.com", dbname="app", user="app", password=os.environ["PGPASSWORD"],
                            sslmode="disable")
# ruleid: egr202-credentials-over-plain-http
queue = redis.from_url(f"redis://:{os.environ['REDIS_PASSWORD']}@queue.example.com:6379/0")
# ok: egr202-credentials-over-plain-http
secure_cache = redis.Redis(host="cache.example.com", password=os.environ["REDIS_PASSWORD"], ssl=True,
                           ssl_check_hostname=True)
# ok: egr202-credentials-over-plain-http
local_cache = redis.Redis(host="localhost", password=os.environ["REDIS_PASSWORD"])


# --- search and object-store clients ------------------------------------------------------------------------
import boto3
from elasticsearch import Elasticsearch

# ruleid: egr202-credentials-over-plain-http
search = Elasticsearch("http://es.example.com:9200", basic_auth=("elastic", os.environ["ES_PASSWORD"]))
# ruleid: egr202-credentials-over-plain-http
objects = boto3.client("s3", endpoint_url="http://minio.example.com:9000",
                       aws_secret_access_key=os.environ["MINIO_SECRET"])
# ok: egr202-credentials-over-plain-http
secure_search = Elasticsearch("https://es.example.com:9200", api_key=os.environ["ES_API_KEY"])


# --- brokers and MQTT ------------------------------------------------------------------------------------
import paho.mqtt.client as mqtt
import pika

# ruleid: egr202-credentials-over-plain-http
rabbit = pika.ConnectionParameters(host="rabbit.example.com",
                                   credentials=pika.PlainCredentials("orders", os.environ["RABBIT_PASSWORD"]))
telemetry = mqtt.Client()
telemetry.username_pw_set("device", os.environ["MQTT_PASSWORD"])
# ruleid: egr202-credentials-over-plain-http
telemetry.connect("broker.example.com", 1883)
secure_telemetry = mqtt.Client()
secure_telemetry.username_pw_set("device", os.environ["MQTT_PASSWORD"])
secure_telemetry.tls_set(ca_certs="/etc/ssl/broker-ca.pem")
# ok: egr202-credentials-over-plain-http
secure_telemetry.connect("broker.example.com", 8883)


# --- gRPC metadata, LDAP binds, MQTT one-shot publishing, ODBC and Kubernetes over cleartext --------------
import grpc
import ldap
import ldap3
import paho.mqtt.publish as mqtt_publish
import pyodbc
from kubernetes import client as k8s

import payments_pb2_grpc

# ruleid: egr202-credentials-over-plain-http
payments_channel = grpc.insecure_channel("payments.example.com:50051")
payments = payments_pb2_grpc.PaymentsStub(payments_channel)
payments.Charge({}, metadata=[("authorization", "Bearer " + os.environ["PAYMENTS_TOKEN"])])
# ruleid: egr202-credentials-over-plain-http
directory_server = ldap3.Server("dc.example.com")
directory = ldap3.Connection(directory_server, "cn=svc,dc=example,dc=com", os.environ["LDAP_PASSWORD"], auto_bind=True)
# ruleid: egr202-credentials-over-plain-http
legacy_directory = ldap.initialize("ldap://dc.example.com")
legacy_directory.simple_bind_s("cn=svc,dc=example,dc=com", os.environ["LDAP_PASSWORD"])
# ruleid: egr202-credentials-over-plain-http
mqtt_publish.single("alerts", "on", hostname="broker.example.com", auth={"username": "dev", "password": os.environ["MQTT_PASSWORD"]})
# ruleid: egr202-credentials-over-plain-http
warehouse = pyodbc.connect("Driver={ODBC Driver 18 for SQL Server};Server=sql.example.com;UID=app;PWD=" + os.environ["SQL_PASSWORD"] + ";Encrypt=no")
# ruleid: egr202-credentials-over-plain-http
dict_search = Elasticsearch([{"host": "es.example.com", "port": 9200, "scheme": "http"}], basic_auth=("elastic", os.environ["ES_PASSWORD"]))
# ruleid: egr202-credentials-over-plain-http
schemeless_search = Elasticsearch([{"host": "es.example.com", "port": 9200}], http_auth=("elastic", os.environ["ES_PASSWORD"]))
# ok: egr202-credentials-over-plain-http
ssl_schemeless_search = Elasticsearch([{"host": "es.example.com", "port": 9200}], use_ssl=True, http_auth=("elastic", os.environ["ES_PASSWORD"]))
cluster_config = k8s.Configuration()
# ruleid: egr202-credentials-over-plain-http
cluster_config.host = "http://k8s.example.com:8080"
cluster_config.api_key["authorization"] = os.environ["K8S_TOKEN"]
audit_channel = grpc.insecure_channel("audit.example.com:50051")
# ok: egr202-credentials-over-plain-http
payments_pb2_grpc.AuditStub(audit_channel).Write({}, metadata=[("x-request-id", "7")])
anonymous_server = ldap3.Server("dc.example.com")
# ok: egr202-credentials-over-plain-http
anonymous = ldap3.Connection(anonymous_server)
# ok: egr202-credentials-over-plain-http
local_channel = grpc.insecure_channel("localhost:50051")
payments_pb2_grpc.PaymentsStub(local_channel).Charge({}, metadata=[("authorization", "Bearer " + os.environ["PAYMENTS_TOKEN"])])
# ok: egr202-credentials-over-plain-http
mqtt_publish.single("alerts", "on", hostname="broker.example.com", port=8883, tls={"ca_certs": "/etc/ssl/ca.pem"}, auth={"username": "dev", "password": os.environ["MQTT_PASSWORD"]})


# --- pycurl handles with a password ------------------------------------------------------------------------
import pycurl

upload = pycurl.Curl()
# ruleid: egr202-credentials-over-plain-http
upload.setopt(pycurl.URL, "http://upload.example.com/files")
upload.setopt(pycurl.USERPWD, "robot:" + os.environ["UPLOAD_PASSWORD"])
token_upload = pycurl.Curl()
token_upload.setopt(pycurl.XOAUTH2_BEARER, os.environ["UPLOAD_TOKEN"])
# ruleid: egr202-credentials-over-plain-http
token_upload.setopt(pycurl.URL, "http://upload.example.com/files")
secure_upload = pycurl.Curl()
# ok: egr202-credentials-over-plain-http
secure_upload.setopt(pycurl.URL, "https://upload.example.com/files")
secure_upload.setopt(pycurl.USERPWD, "robot:" + os.environ["UPLOAD_PASSWORD"])
anonymous_upload = pycurl.Curl()
# ok: egr202-credentials-over-plain-http
anonymous_upload.setopt(pycurl.URL, "http://upload.example.com/files")


# --- ldap3 server pools: a cleartext server among those a bind can use ----------------------------------------
import ssl

verified_tls = ldap3.Tls(validate=ssl.CERT_REQUIRED)
# ok: egr202-credentials-over-plain-http
pool_primary = ldap3.Server("dc1.example.com", use_ssl=True, tls=verified_tls)
# ruleid: egr202-credentials-over-plain-http
pool_fallback = ldap3.Server("dc2.example.com")
directory_pool = ldap3.ServerPool([pool_primary, pool_fallback], ldap3.FIRST)
pooled = ldap3.Connection(directory_pool, user="cn=svc,dc=example,dc=com", password=os.environ["LDAP_PASSWORD"])
# ruleid: egr202-credentials-over-plain-http
listed = ldap3.Connection([ldap3.Server("dc3.example.com")], "cn=svc,dc=example,dc=com", os.environ["LDAP_PASSWORD"])
# ok: egr202-credentials-over-plain-http
anonymous_pool = ldap3.ServerPool([ldap3.Server("dc4.example.com")])
anonymous_pooled = ldap3.Connection(anonymous_pool)


# --- paho-mqtt clients passed between functions ---------------------------------------------------------------
def open_meter_client():
    return mqtt.Client(client_id="meter")


def sign_in_and_connect(client):
    client.username_pw_set("meter", os.environ["MQTT_PASSWORD"])
    # todoruleid: egr202-credentials-over-plain-http
    client.connect("broker.example.com", 1883)


def run_meter():
    sign_in_and_connect(open_meter_client())


def sign_in_over_tls(client):
    client.tls_set(ca_certs="/etc/ssl/ca.pem")
    client.username_pw_set("meter", os.environ["MQTT_PASSWORD"])
    # ok: egr202-credentials-over-plain-http
    client.connect("broker.example.com", 8883)


def run_secure_meter():
    sign_in_over_tls(mqtt.Client())


# --- clients written by OpenAPI Generator: one Configuration shape for every package --------------------
import asana
import influxdb_client
import plaid
from airflow_client.client import Configuration as SchedulerConfiguration

scheduler_config = SchedulerConfiguration()
# ruleid: egr202-credentials-over-plain-http
scheduler_config.host = "http://airflow.example.com/api/v1"
scheduler_config.username = "deploy"
scheduler_config.password = os.environ["AIRFLOW_PASSWORD"]
default_scheduler = SchedulerConfiguration.get_default_copy()
default_scheduler.access_token = os.environ["AIRFLOW_TOKEN"]
# ruleid: egr202-credentials-over-plain-http
default_scheduler.host = "http://airflow2.example.com/api/v1"
# ruleid: egr202-credentials-over-plain-http
ledger_config = plaid.Configuration(host="http://ledger.example.com", api_key={"secret": os.environ["PLAID_SECRET"]})
# ruleid: egr202-credentials-over-plain-http
tasks_config = asana.Configuration(host="http://tasks.example.com/api/1.0", access_token=os.environ["ASANA_TOKEN"])
# ok: egr202-credentials-over-plain-http
anonymous_scheduler = SchedulerConfiguration(host="http://airflow.example.com/api/v1", api_key={}, password=None)
secure_metrics = influxdb_client.Configuration()
# ok: egr202-credentials-over-plain-http
secure_metrics.host = "https://influx.example.com:8086"
secure_metrics.api_key["Authorization"] = os.environ["INFLUX_TOKEN"]
# ok: egr202-credentials-over-plain-http
local_tasks = asana.Configuration(host="http://localhost:8080/api/1.0", access_token=os.environ["ASANA_TOKEN"])


# --- influxdb-client's client classes ---------------------------------------------------------------------
from influxdb_client import InfluxDBClient
from influxdb_client.client.influxdb_client_async import InfluxDBClientAsync

# ruleid: egr202-credentials-over-plain-http
metrics_client = InfluxDBClient("http://influx.example.com:8086", os.environ["INFLUX_TOKEN"], org="ops")
# ruleid: egr202-credentials-over-plain-http
async_metrics = InfluxDBClientAsync(url="http://influx.example.com:8086", username="ops", password=os.environ["INFLUX_PASSWORD"])
# ok: egr202-credentials-over-plain-http
secure_metrics = InfluxDBClient(url="https://influx.example.com:8086", token=os.environ["INFLUX_TOKEN"])


# --- passwords on cache, broker, database and directory connections that stay in cleartext ------------
import aio_pika
import asyncpg
import confluent_kafka
import kombu
import neo4j
import pymongo
import paho.mqtt.subscribe as mqtt_subscribe
import pymysql
from celery import Celery
from kafka import KafkaProducer
from sqlalchemy import create_engine

# ruleid: egr202-credentials-over-plain-http
sessions_pool = redis.ConnectionPool.from_url("redis://:Qx7-cache-pass@sessions.example.com:6379/0")
# ruleid: egr202-credentials-over-plain-http
jobs_broker = kombu.Connection("amqp://worker:Rb4-broker-pass@rabbit.example.com:5672//")
# ruleid: egr202-credentials-over-plain-http
CELERY_BROKER_URL = "redis://:Cq8-broker-pass@queue.example.com:6379/0"
# ruleid: egr202-credentials-over-plain-http
ledger_graph = neo4j.GraphDatabase.driver("bolt://graph.example.com:7687", auth=neo4j.basic_auth("ledger", os.environ["GRAPH_PASSWORD"]))
# ruleid: egr202-credentials-over-plain-http
documents = pymongo.MongoClient("mongodb://app:Mq3-store-pass@mongo.example.com:27017/")
# ruleid: egr202-credentials-over-plain-http
profiles = pymongo.MongoClient(host="mongo.example.com", username="app", password=os.environ["MONGO_PASSWORD"])
# ruleid: egr202-credentials-over-plain-http
orders_db = pymysql.connect(host="mysql.example.com", user="app", password=os.environ["MYSQL_PASSWORD"])
# ruleid: egr202-credentials-over-plain-http
ledger_db = psycopg2.connect("host=db.example.com dbname=ledger user=app password=Pg5-db-pass sslmode=disable")
# ruleid: egr202-credentials-over-plain-http
shop_engine = create_engine("mysql+pymysql://app:My6-db-pass@mysql.example.com/shop")
# ruleid: egr202-credentials-over-plain-http
warehouse_db = pyodbc.connect("Driver={ODBC Driver 18 for SQL Server};Server=sql.example.com;Encrypt=no;UID=app;PWD=Sq9-dw-pass")
# ruleid: egr202-credentials-over-plain-http
spliced_warehouse = pyodbc.connect("Driver={ODBC Driver 18 for SQL Server};Server=sql.example.com;Encrypt=no;UID=app;PWD=" + os.environ["SQL_PASSWORD"])
# ruleid: egr202-credentials-over-plain-http
formatted_warehouse = pyodbc.connect(f"Driver={{ODBC Driver 18 for SQL Server}};Server=sql.example.com;Encrypt=no;UID=app;PWD={os.environ['SQL_PASSWORD']}")
# ok: egr202-credentials-over-plain-http
compose_warehouse = pyodbc.connect(f"Driver={{ODBC Driver 18 for SQL Server}};Server=mssql;Encrypt=no;UID=app;PWD={os.environ['SQL_PASSWORD']}")
# ruleid: egr202-credentials-over-plain-http
warehouse_engine = create_engine("mssql+pyodbc://app:Ms4-dw-pass@sql.example.com/dw?driver=ODBC+Driver+18+for+SQL+Server&Encrypt=no")
# ruleid: egr202-credentials-over-plain-http
order_events = KafkaProducer(bootstrap_servers="kafka.example.com:9092", security_protocol="SASL_PLAINTEXT", sasl_mechanism="PLAIN", sasl_plain_username="orders", sasl_plain_password=os.environ["KAFKA_PASSWORD"])
# ruleid: egr202-credentials-over-plain-http
audit_stream = confluent_kafka.Producer({"bootstrap.servers": "kafka.example.com:9092", "security.protocol": "SASL_PLAINTEXT", "sasl.mechanism": "PLAIN", "sasl.password": "Kc2-stream-pass"})
# ruleid: egr202-credentials-over-plain-http
people = ldap3.Server("ldap://people.example.com")
archive_session = boto3.Session()
# ruleid: egr202-credentials-over-plain-http
archive = archive_session.client("s3", endpoint_url="http://archive.example.com:9000", aws_access_key_id="AKIAARCHIVE", aws_secret_access_key=os.environ["ARCHIVE_SECRET"])
# ruleid: egr202-credentials-over-plain-http
mqtt_subscribe.callback(print, "alerts", hostname="broker.example.com", auth={"username": "ops", "password": os.environ["MQTT_PASSWORD"]})
results_app = Celery("results")
# ruleid: egr202-credentials-over-plain-http
results_app.conf.setdefault("result_backend", "redis://:Rs2-results-pass@results.example.com:6379/1")
people_bind = ldap3.Connection(people, user="cn=reader,dc=example,dc=com", password=os.environ["LDAP_PASSWORD"])


async def billing_database():
    # ruleid: egr202-credentials-over-plain-http
    return await asyncpg.connect(host="db.example.com", user="billing", password=os.environ["PGPASSWORD"], ssl=False)


async def billing_queue():
    # ruleid: egr202-credentials-over-plain-http
    return await aio_pika.connect_robust(host="rabbit.example.com", login="billing", password=os.environ["AMQP_PASSWORD"])


# ok: egr202-credentials-over-plain-http
tls_sessions = redis.from_url("rediss://:Qx7-cache-pass@sessions.example.com:6380/0", ssl_check_hostname=True)
# ok: egr202-credentials-over-plain-http
compose_sessions = redis.from_url("redis://:Qx7-cache-pass@redis:6379/0")
# ok: egr202-credentials-over-plain-http
compose_queue = redis.from_url(f"redis://:{os.environ['REDIS_PASSWORD']}@redis:6379/0")
# ok: egr202-credentials-over-plain-http
tls_queue = redis.from_url(f"rediss://:{os.environ['REDIS_PASSWORD']}@queue.example.com:6380/0", ssl_check_hostname=True)
# ruleid: egr202-credentials-over-plain-http
formatted_broker = kombu.Connection(f"amqp://worker:{os.environ['AMQP_PASSWORD']}@rabbit.example.com:5672//")
# ok: egr202-credentials-over-plain-http
tls_documents = pymongo.MongoClient("mongodb://app:Mq3-store-pass@mongo.example.com:27017/", tls=True)
# ok: egr202-credentials-over-plain-http
anonymous_graph = neo4j.GraphDatabase.driver("bolt://graph.example.com:7687", auth=None)
# ok: egr202-credentials-over-plain-http
tls_orders_db = pymysql.connect(host="mysql.example.com", user="app", password=os.environ["MYSQL_PASSWORD"], ssl_ca="/etc/ssl/db-ca.pem")
# ok: egr202-credentials-over-plain-http
tls_order_events = KafkaProducer(bootstrap_servers="kafka.example.com:9093", security_protocol="SASL_SSL", sasl_mechanism="PLAIN", sasl_plain_username="orders", sasl_plain_password=os.environ["KAFKA_PASSWORD"])
# ok: egr202-credentials-over-plain-http
tls_audit_stream = confluent_kafka.Producer({"bootstrap.servers": "kafka.example.com:9093", "security.protocol": "SASL_SSL", "sasl.password": "Kc2-stream-pass"})


# --- Celery: a result backend URL given to the app's constructor ------------------------------------------
# ruleid: egr202-credentials-over-plain-http
backend_app = Celery("reports", backend="redis://:Rb5-backend-pass@results.example.com:6379/0")
# ok: egr202-credentials-over-plain-http
tls_backend_app = Celery("reports", backend="rediss://results.example.com:6380/0?ssl_cert_reqs=required")


# --- confluent-kafka: a SASL password from the environment still goes out in clear -------------------------
# ruleid: egr202-credentials-over-plain-http
env_audit_stream = confluent_kafka.Producer({"bootstrap.servers": "kafka.example.com:9092", "security.protocol": "SASL_PLAINTEXT", "sasl.mechanism": "PLAIN", "sasl.username": "audit", "sasl.password": os.environ["KAFKA_PASSWORD"]})
# ok: egr202-credentials-over-plain-http
tls_env_audit_stream = confluent_kafka.Producer({"bootstrap.servers": "kafka.example.com:9093", "security.protocol": "SASL_SSL", "sasl.mechanism": "PLAIN", "sasl.username": "audit", "sasl.password": os.environ["KAFKA_PASSWORD"]})

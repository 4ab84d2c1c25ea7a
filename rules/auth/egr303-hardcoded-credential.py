# Semgrep test for egr303-hardcoded-credential, written by tools/semgrep_tests.py from tests/fixtures/EGR303.py.
# Edit the fixture or the gap table of rules/README.md, then run the script again.
# Annotated fixture for EGR303 (hard-coded credential reaching an outbound call).
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
# ruleid: egr303-hardcoded-credential
requests.get("http://localhost:8080/", auth=("admin", "admin"))
# ok: egr303-hardcoded-credential
requests.get(API, auth=("robot", ""))


def passthrough(url, token):
    # ok: egr303-hardcoded-credential
    return requests.get(url, headers={"Authorization": "Bearer " + token})


# --- every host, every credential name; literals that are not secrets ------------------------------------
# ruleid: egr303-hardcoded-credential
requests.get("http://127.0.0.1:9200/_cluster/health", auth=("elastic", "s3cr3t-elastic"))
# ruleid: egr303-hardcoded-credential
requests.post(API + "/email", headers={"X-Mailer-Server-Token": "5b1f0c9e-2d7a-4c1b-9f3e-8a6d2c4e1b70"})


def push(message, app_token="q8Zr2LxV7nPa4TfK9sWc3JdY6hBm1"):
    # ruleid: egr303-hardcoded-credential
    return requests.post("https://push.example.com/1/messages.json", data={"token": app_token, "message": message})


# ok: egr303-hardcoded-credential
requests.get(API, headers={"Authorization": "Negotiate"})
# ok: egr303-hardcoded-credential
requests.get(API, headers={"X-API-Key": "<token>"})
# ok: egr303-hardcoded-credential
requests.get(API, headers={"X-API-Key": "YOUR_API_KEY"})
# ok: egr303-hardcoded-credential
requests.get(API, auth=("robot", "changeme"))
# ok: egr303-hardcoded-credential
requests.get(API, auth=("robot", "xxx"))
# ok: egr303-hardcoded-credential
requests.get(API, headers={"X-Auth-Token": "https://tokens.example.com/issue"})
# ok: egr303-hardcoded-credential
requests.get(API, headers={"X-Client-Token": "disabled"})
# ok: egr303-hardcoded-credential
requests.post(API + "/login", data={"username": "robot", "password": os.environ["ROBOT_PASSWORD"]})


# --- databases and caches ------------------------------------------------------------------------------
import psycopg2
import pymysql
import redis

# ruleid: egr303-hardcoded-credential
pg = psycopg2.connect(host="db.example.com", dbname="app", user="app", password="s3cr3t-value",
                      sslmode="verify-full")
# ruleid: egr303-hardcoded-credential
cache = redis.Redis(host="cache.example.com", password="s3cr3t-value", ssl=True, ssl_check_hostname=True)

DATABASES = {
    # ruleid: egr303-hardcoded-credential
    "default": {"ENGINE": "django.db.backends.postgresql", "HOST": "pg.example.com", "PASSWORD": "s3cr3t-value",
                "OPTIONS": {"sslmode": "verify-full"}},
}
# ok: egr303-hardcoded-credential
pg_env = psycopg2.connect(host="db.example.com", dbname="app", password=os.environ["PGPASSWORD"],
                          sslmode="verify-full")
# ok: egr303-hardcoded-credential
placeholder = pymysql.connect(host="mysql.example.com", user="root", password="changeme", ssl_ca="/etc/ssl/db-ca.pem")


# --- cloud keys ----------------------------------------------------------------------------------------------------
import boto3

# todoruleid: egr303-hardcoded-credential
archive = boto3.client("s3", aws_access_key_id="AKIAIOSFODNN7EXAMPLE",
                       # todook: egr303-hardcoded-credential
                       aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY")
# ruleid: egr303-hardcoded-credential
aws = boto3.session.Session(aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY")
# ok: egr303-hardcoded-credential
archive_env = boto3.client("s3", aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"])


# --- broker passwords -------------------------------------------------------------------------------------------
from kafka import KafkaProducer

# todoruleid: egr303-hardcoded-credential
events = KafkaProducer(bootstrap_servers="kafka.example.com:9093", security_protocol="SASL_SSL",
                       # todook: egr303-hardcoded-credential
                       sasl_mechanism="PLAIN", sasl_plain_username="orders", sasl_plain_password="Kf9-x2Lq-77Zt")
# ok: egr303-hardcoded-credential
events_env = KafkaProducer(bootstrap_servers="kafka.example.com:9093", security_protocol="SASL_SSL",
                           sasl_plain_password=os.environ["KAFKA_PASSWORD"])


# --- curl handles ------------------------------------------------------------------------------------------------
import pycurl

upload = pycurl.Curl()
upload.setopt(pycurl.URL, "https://upload.example.com/files")
# ruleid: egr303-hardcoded-credential
upload.setopt(pycurl.USERPWD, "robot:Tq7-upload-Vz4")
# ok: egr303-hardcoded-credential
upload.setopt(pycurl.XOAUTH2_BEARER, os.environ["UPLOAD_TOKEN"])


# --- clients written by OpenAPI Generator: credentials on the Configuration ----------------------------------
import asana
import plaid
from airflow_client.client import Configuration as SchedulerConfiguration

# ruleid: egr303-hardcoded-credential
scheduler_config = SchedulerConfiguration(host="https://airflow.example.com/api/v1", username="ops", password="Wm3-gantry-Otter")
tasks_config = asana.Configuration()
tasks_config.host = "https://app.asana.com/api/1.0"
# ruleid: egr303-hardcoded-credential
tasks_config.access_token = "2/1204517/1209933:8c1f2e7d9a6b4c3e5f0a1b2c3d4e5f6a"
# ruleid: egr303-hardcoded-credential
ledger_config = plaid.Configuration(host="https://production.plaid.com", api_key={"clientId": "61f2c0ab", "secret": "0c9e8d7f6a5b4c3d2e1f0a9b8c7d6e"})
# ok: egr303-hardcoded-credential
ledger_from_env = plaid.Configuration(host="https://production.plaid.com", api_key={"clientId": "61f2c0ab", "secret": os.environ["PLAID_SECRET"]})
# ok: egr303-hardcoded-credential
local_scheduler = SchedulerConfiguration(host="https://airflow.example.com/api/v1", username="ops", password="<password>")
# ok: egr303-hardcoded-credential
tasks_config.api_key["Authorization"] = os.environ["ASANA_TOKEN"]


# --- influxdb-client's client classes ---------------------------------------------------------------------
from influxdb_client import InfluxDBClient

# ruleid: egr303-hardcoded-credential
metrics_client = InfluxDBClient(url="https://influx.example.com:8086", token="Rk8vQ2pLx7-Zt9wBq3mNc-4dYh", org="ops")
# ok: egr303-hardcoded-credential
env_metrics = InfluxDBClient(url="https://influx.example.com:8086", token=os.environ["INFLUX_TOKEN"], org="ops")


# --- confluent-kafka config dicts and aio-pika ----------------------------------------------------------
import aio_pika
import confluent_kafka

# ruleid: egr303-hardcoded-credential
stream = confluent_kafka.Producer({"bootstrap.servers": "kafka.example.com:9093", "security.protocol": "SASL_SSL", "sasl.password": "Kc2-stream-pass"})
# ok: egr303-hardcoded-credential
env_stream = confluent_kafka.Producer({"bootstrap.servers": "kafka.example.com:9093", "security.protocol": "SASL_SSL", "sasl.password": os.environ["KAFKA_PASSWORD"]})


async def billing_queue():
    # ruleid: egr303-hardcoded-credential
    return await aio_pika.connect_robust(host="rabbit.example.com", login="billing", password="Rb4-broker-pass", ssl=True)


async def env_billing_queue():
    # ok: egr303-hardcoded-credential
    return await aio_pika.connect_robust(host="rabbit.example.com", login="billing", password=os.environ["AMQP_PASSWORD"], ssl=True)


# --- ldap3: the password a Connection binds with over its Server ------------------------------------------
import ldap3

directory_tls = ldap3.Tls(validate=2)
directory_server = ldap3.Server("ldaps://dc.example.com", use_ssl=True, tls=directory_tls)
# ruleid: egr303-hardcoded-credential
directory = ldap3.Connection(directory_server, user="cn=app,dc=example,dc=com", password="Ld9-bind-secret")
env_server = ldap3.Server("ldaps://dc.example.com", use_ssl=True, tls=directory_tls)
# ok: egr303-hardcoded-credential
env_directory = ldap3.Connection(env_server, user="cn=app,dc=example,dc=com", password=os.environ["LDAP_PASSWORD"])


# --- neo4j: an auth tuple or basic_auth() with a literal password -----------------------------------------
import neo4j
from neo4j import GraphDatabase

# ruleid: egr303-hardcoded-credential
graph = GraphDatabase.driver("neo4j+s://graph.example.com", auth=("neo4j", "Nj7-graph-secret"))
# ruleid: egr303-hardcoded-credential
helper_graph = neo4j.GraphDatabase.driver("neo4j+s://graph.example.com", auth=neo4j.basic_auth("neo4j", "Nj7-graph-secret"))
# ok: egr303-hardcoded-credential
env_graph = GraphDatabase.driver("neo4j+s://graph.example.com", auth=("neo4j", os.environ["NEO4J_PASSWORD"]))
# ok: egr303-hardcoded-credential
env_helper_graph = neo4j.GraphDatabase.driver("neo4j+s://graph.example.com", auth=neo4j.basic_auth("neo4j", os.environ["NEO4J_PASSWORD"]))


# --- Elasticsearch / OpenSearch: the secret of a credential tuple -----------------------------------------
from elasticsearch import Elasticsearch
from opensearchpy import OpenSearch

# ruleid: egr303-hardcoded-credential
search = Elasticsearch("https://search.example.com:9200", basic_auth=("elastic", "Es8-search-secret"))
# ruleid: egr303-hardcoded-credential
keyed_search = Elasticsearch("https://search.example.com:9200", api_key=("key-id", "Es8-api-key-secret"))
# ruleid: egr303-hardcoded-credential
logs_search = OpenSearch(["https://logs.example.com:9200"], http_auth=("admin", "Os2-logs-secret"))
# ok: egr303-hardcoded-credential
env_search = Elasticsearch("https://search.example.com:9200", basic_auth=("elastic", os.environ["ES_PASSWORD"]))

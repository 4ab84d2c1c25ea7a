# Semgrep test for egr203-cleartext-connection, written by tools/semgrep_tests.py from tests/fixtures/EGR203.py.
# Edit the fixture or the gap table of rules/README.md, then run the script again.
# Annotated fixture for EGR203 (cleartext connection class to an external host).
import ftplib
import http.client
import imaplib
import poplib
import smtplib
import telnetlib
import os
import xmlrpc.client
from ftplib import FTP
from http.client import HTTPConnection as Plain

import httplib
import six
import urllib3

MAIL_HOST = "mail.example.com"

# ruleid: egr203-cleartext-connection
conn = http.client.HTTPConnection("legacy.example.com")
# ruleid: egr203-cleartext-connection
plain = Plain("legacy.example.com", 8080)
# ruleid: egr203-cleartext-connection
old = httplib.HTTPConnection("legacy.example.com")
# ruleid: egr203-cleartext-connection
moved = six.moves.http_client.HTTPConnection("legacy.example.com")
# ruleid: egr203-cleartext-connection
pool = urllib3.HTTPConnectionPool("legacy.example.com", port=80)
# ruleid: egr203-cleartext-connection
ftp = ftplib.FTP("ftp.example.com")
# ruleid: egr203-cleartext-connection
bare_ftp = FTP()
# ruleid: egr203-cleartext-connection
mail = smtplib.SMTP(MAIL_HOST, 25)
mail.sendmail("a@example.com", ["b@example.com"], "hi")
# ruleid: egr203-cleartext-connection
imap = imaplib.IMAP4("imap.example.com")
# ruleid: egr203-cleartext-connection
pop = poplib.POP3("pop.example.com")
# ruleid: egr203-cleartext-connection
tn = telnetlib.Telnet("switch.example.com", 23)
# ruleid: egr203-cleartext-connection
rpc = xmlrpc.client.ServerProxy("http://rpc.example.com/RPC2")


def send_report(host):
    # ruleid: egr203-cleartext-connection
    with smtplib.SMTP(host) as server:
        server.login("reports", "from-a-vault")
        server.sendmail("a@example.com", ["b@example.com"], "report")


# --- must not fire ------------------------------------------------------------------------------------
# ok: egr203-cleartext-connection
secure = http.client.HTTPSConnection("api.example.com")
# ok: egr203-cleartext-connection
ftps = ftplib.FTP_TLS("ftp.example.com")
# ok: egr203-cleartext-connection
smtps = smtplib.SMTP_SSL("mail.example.com", 465)
# ok: egr203-cleartext-connection
local_http = http.client.HTTPConnection("localhost", 8080)
# ok: egr203-cleartext-connection
local_mail = smtplib.SMTP("127.0.0.1", 1025)
# ok: egr203-cleartext-connection
imaps = imaplib.IMAP4_SSL("imap.example.com")
# ok: egr203-cleartext-connection
pop3s = poplib.POP3_SSL("pop.example.com")
# ok: egr203-cleartext-connection
secure_rpc = xmlrpc.client.ServerProxy("https://rpc.example.com/RPC2")
# ok: egr203-cleartext-connection
upgraded = smtplib.SMTP("mail.example.com", 587)
upgraded.starttls()
upgraded.login("robot", "from-a-vault")
# ok: egr203-cleartext-connection
imap_upgraded = imaplib.IMAP4("imap.example.com")
imap_upgraded.starttls()
# ok: egr203-cleartext-connection
pop_upgraded = poplib.POP3("pop.example.com")
pop_upgraded.stls()


def notify(host):
    # ok: egr203-cleartext-connection
    with smtplib.SMTP(host, 587) as server:
        server.starttls()
        server.send_message(None)


# --- local transports: a Unix socket, a named pipe, an SSH channel, a buffer ---------------------------------
import socket


class SocketFileConnection(http.client.HTTPConnection):
    def __init__(self, socket_path):
        super().__init__("localhost")
        self.socket_path = socket_path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(self.socket_path)


class TunnelConnection(http.client.HTTPConnection):
    def __init__(self, host, channel_opener):
        super().__init__(host)
        self.channel_opener = channel_opener

    def connect(self):
        self.sock = self.channel_opener("direct-tcpip", (self.host, 80))


class RecordingConnection(http.client.HTTPConnection):
    def send(self, data):
        self.recorded.append(data)


class TimedConnection(http.client.HTTPConnection):
    def connect(self):
        super().connect()
        self.sock.settimeout(5)


# ok: egr203-cleartext-connection
docker = SocketFileConnection("/var/run/docker.sock")
# ok: egr203-cleartext-connection
tunnelled = TunnelConnection("internal.example.com", None)
# ok: egr203-cleartext-connection
recorder = RecordingConnection("api.example.com")
# ruleid: egr203-cleartext-connection
timed = TimedConnection("api.example.com")


# --- databases, caches and brokers ------------------------------------------------------------------
import asyncpg
import mysql.connector
import psycopg2
import pymongo
import pymysql
import redis
from sqlalchemy import create_engine

# ruleid: egr203-cleartext-connection
pg_disabled = psycopg2.connect("host=db.example.com dbname=app sslmode=disable")
# ruleid: egr203-cleartext-connection
pg_disabled_url = psycopg2.connect("postgresql://db.example.com/app?sslmode=disable")
# ruleid: egr203-cleartext-connection
engine_disabled = create_engine("postgresql://db.example.com/app", connect_args={"sslmode": "disable"})


async def analytics(dsn):
    # ruleid: egr203-cleartext-connection
    return await asyncpg.connect(dsn, ssl=False)


# ruleid: egr203-cleartext-connection
cache = redis.Redis(host="cache.example.com", port=6379)
# ruleid: egr203-cleartext-connection
mongo = pymongo.MongoClient("mongodb://mongo.example.com:27017/")
# ruleid: egr203-cleartext-connection
mysql_plain = pymysql.connect(host="mysql.example.com", user="app")
# ruleid: egr203-cleartext-connection
connector_plain = mysql.connector.connect(host="mysql.example.com", ssl_disabled=True)
DATABASES = {
    # ruleid: egr203-cleartext-connection
    "legacy": {"ENGINE": "django.db.backends.mysql", "HOST": "mysql.example.com",
               "OPTIONS": {"ssl_mode": "DISABLED"}},
    # ok: egr203-cleartext-connection
    "default": {"ENGINE": "django.db.backends.postgresql", "HOST": "pg.example.com",
                "OPTIONS": {"sslmode": "verify-full"}},
    # ok: egr203-cleartext-connection
    "compose": {"ENGINE": "django.db.backends.postgresql", "HOST": "db", "OPTIONS": {"sslmode": "disable"}},
}
# ok: egr203-cleartext-connection
secure_cache = redis.Redis(host="cache.example.com", ssl=True, ssl_check_hostname=True)
# ok: egr203-cleartext-connection
default_cache = redis.Redis()
# ok: egr203-cleartext-connection
env_cache = redis.Redis(host=os.environ["REDIS_HOST"])
# ok: egr203-cleartext-connection
mongo_tls = pymongo.MongoClient("mongodb://mongo.example.com/?tls=true")
# ok: egr203-cleartext-connection
mongo_srv = pymongo.MongoClient("mongodb+srv://cluster.example.com/")
# ok: egr203-cleartext-connection
mysql_tls = pymysql.connect(host="mysql.example.com", ssl_ca="/etc/ssl/db-ca.pem", ssl_verify_identity=True)
# ok: egr203-cleartext-connection
socket_pg = psycopg2.connect("host=/var/run/postgresql dbname=app sslmode=disable")


# --- gRPC, LDAP and object stores -------------------------------------------------------------------------
import boto3
import grpc
import ldap3
import ssl

# ruleid: egr203-cleartext-connection
channel = grpc.insecure_channel("payments.example.com:50051")


async def open_channel(target):
    # ruleid: egr203-cleartext-connection
    return grpc.aio.insecure_channel(target)


# ruleid: egr203-cleartext-connection
directory = ldap3.Server("dc.example.com", port=389)
# ruleid: egr203-cleartext-connection
objects = boto3.client("s3", use_ssl=False)
# ok: egr203-cleartext-connection
local_channel = grpc.insecure_channel("localhost:50051")
# ok: egr203-cleartext-connection
compose_channel = grpc.insecure_channel("dns:///payments:50051")
# ok: egr203-cleartext-connection
socket_channel = grpc.insecure_channel("unix:///run/payments.sock")
# ok: egr203-cleartext-connection
secure_channel = grpc.secure_channel("payments.example.com:443", grpc.ssl_channel_credentials())
# ok: egr203-cleartext-connection
directory_tls = ldap3.Server("dc.example.com", use_ssl=True, tls=ldap3.Tls(validate=ssl.CERT_REQUIRED))


# --- Kafka, AMQP and MQTT ----------------------------------------------------------------------------------
import paho.mqtt.client as mqtt
import pika
from confluent_kafka import Consumer
from kafka import KafkaProducer

# ruleid: egr203-cleartext-connection
events = KafkaProducer(bootstrap_servers=["kafka.example.com:9092"])
# ruleid: egr203-cleartext-connection
plain_events = KafkaProducer(bootstrap_servers="kafka.example.com:9092", security_protocol="SASL_PLAINTEXT")
# ruleid: egr203-cleartext-connection
orders = Consumer({"bootstrap.servers": "kafka.example.com:9092", "group.id": "orders"})
# ruleid: egr203-cleartext-connection
rabbit = pika.ConnectionParameters("rabbit.example.com")
sensor = mqtt.Client()
# ruleid: egr203-cleartext-connection
sensor.connect("broker.example.com", 1883)
# ok: egr203-cleartext-connection
tls_events = KafkaProducer(bootstrap_servers="kafka.example.com:9093", security_protocol="SSL")
# ok: egr203-cleartext-connection
tls_orders = Consumer({"bootstrap.servers": "kafka.example.com:9093", "security.protocol": "SASL_SSL"})
# ok: egr203-cleartext-connection
rabbit_tls = pika.ConnectionParameters("rabbit.example.com", 5671, ssl_options=pika.SSLOptions(None))
# ok: egr203-cleartext-connection
local_events = KafkaProducer(bootstrap_servers="localhost:9092")
secure_sensor = mqtt.Client()
secure_sensor.tls_set()
# ok: egr203-cleartext-connection
secure_sensor.connect("broker.example.com", 8883)


# --- STARTTLS that does not run before every login -------------------------------------------------------
def send_digest(host, user, password, use_tls):
    # ruleid: egr203-cleartext-connection
    mailer = smtplib.SMTP(host, 587)
    if use_tls:
        mailer.starttls()
    mailer.login(user, password)


def read_inbox(host, user, password):
    # ruleid: egr203-cleartext-connection
    inbox = imaplib.IMAP4(host)
    try:
        inbox.starttls()
    except imaplib.IMAP4.error:
        pass
    inbox.login(user, password)


def send_checked(host, user, password):
    # ok: egr203-cleartext-connection
    mailer = smtplib.SMTP(host, 587)
    mailer.ehlo()
    mailer.starttls()
    mailer.login(user, password)


# --- STARTTLS and login in different functions ------------------------------------------------------------
class NewsletterMailer:
    """secure() and sign_in() are called from elsewhere, in an order this file does not show: silent."""

    def __init__(self, host):
        # todook: egr203-cleartext-connection
        self.smtp = smtplib.SMTP(host, 587)

    def secure(self):
        self.smtp.starttls()

    def sign_in(self, user, password):
        self.smtp.login(user, password)


class AlertMailer:
    def open(self, host):
        # ok: egr203-cleartext-connection
        self.alerts = smtplib.SMTP(host, 587)
        self.alerts.starttls()

    def sign_in(self, user, password):
        self.alerts.login(user, password)


class BillingMailer:
    def __init__(self, host):
        # todook: egr203-cleartext-connection
        self.billing = smtplib.SMTP(host, 587)

    def secure(self):
        self.billing.ehlo()
        self.billing.starttls()

    def sign_in(self, user, password):
        self.secure()
        self.billing.login(user, password)


class AuditMailer:
    def open(self, host, use_tls):
        # todoruleid: egr203-cleartext-connection
        self.audit = smtplib.SMTP(host, 587)
        if use_tls:
            self.audit.starttls()

    def sign_in(self, user, password):
        self.audit.login(user, password)


class LateMailer:
    def open(self, host, user, password):
        # todoruleid: egr203-cleartext-connection
        self.late = smtplib.SMTP(host, 587)
        self.sign_in(user, password)
        self.late.starttls()

    def sign_in(self, user, password):
        self.late.login(user, password)


def open_mailbox(host):
    # ok: egr203-cleartext-connection
    box = imaplib.IMAP4(host)
    box.starttls()
    return box


def read_mailbox(host, user, password):
    box = open_mailbox(host)
    box.login(user, password)


def open_outbox(host, use_tls):
    # todoruleid: egr203-cleartext-connection
    outbox = smtplib.SMTP(host, 587)
    if not use_tls:
        return outbox
    outbox.starttls()
    return outbox


def send_outbox(host, user, password):
    outbox = open_outbox(host, False)
    outbox.login(user, password)


def upgrade_mailer(conn):
    conn.ehlo()
    conn.starttls()


def upgrade_if_asked(conn, use_tls):
    if use_tls:
        conn.starttls()


def send_upgraded(host, user, password):
    # todook: egr203-cleartext-connection
    courier = smtplib.SMTP(host, 587)
    upgrade_mailer(courier)
    courier.login(user, password)


def send_upgraded_late(host, user, password):
    # ruleid: egr203-cleartext-connection
    hasty = smtplib.SMTP(host, 587)
    hasty.login(user, password)
    upgrade_mailer(hasty)


def forward_upgraded(host, user, password):
    # todook: egr203-cleartext-connection
    relay = smtplib.SMTP(host, 587)
    upgrade_mailer(relay)
    relay.login(user, password)


# todoruleid: egr203-cleartext-connection
import_time_mailer = smtplib.SMTP("mail.example.com", 587)


def secure_import_time_mailer():
    import_time_mailer.starttls()


import_time_mailer.login("robot", "from-a-vault")
# ok: egr203-cleartext-connection
startup_mailer = smtplib.SMTP("mail.example.com", 587)


def secure_startup_mailer():
    startup_mailer.starttls()


secure_startup_mailer()
startup_mailer.login("robot", "from-a-vault")


def read_maybe_upgraded(host, user, password, use_tls):
    # ruleid: egr203-cleartext-connection
    inbox = imaplib.IMAP4(host)
    upgrade_if_asked(inbox, use_tls)
    inbox.login(user, password)


# --- SQL Server over ODBC, MQTT one-shot publishing --------------------------------------------------------
import paho.mqtt.publish as mqtt_publish
import pyodbc

# ruleid: egr203-cleartext-connection
plain_warehouse = pyodbc.connect("Driver={ODBC Driver 18 for SQL Server};Server=tcp:sql.example.com,1433;Encrypt=no;")
# ruleid: egr203-cleartext-connection
optional_warehouse = pyodbc.connect("Driver={ODBC Driver 18 for SQL Server};Server=sql.example.com;Encrypt=Optional")
# ruleid: egr203-cleartext-connection
keyword_warehouse = pyodbc.connect(driver="ODBC Driver 18 for SQL Server", server="sql.example.com", Encrypt="no")
# ruleid: egr203-cleartext-connection
mqtt_publish.single("alerts", "on", hostname="broker.example.com")
# ok: egr203-cleartext-connection
tls_warehouse = pyodbc.connect("Driver={ODBC Driver 18 for SQL Server};Server=sql.example.com;Encrypt=yes;")
# ok: egr203-cleartext-connection
default_warehouse = pyodbc.connect("Driver={ODBC Driver 17 for SQL Server};Server=sql.example.com;Database=dw;")
# ok: egr203-cleartext-connection
local_warehouse = pyodbc.connect("Driver={ODBC Driver 18 for SQL Server};Server=localhost;Encrypt=no;")
# ok: egr203-cleartext-connection
mqtt_publish.single("alerts", "on", hostname="broker.example.com", port=8883, tls={"ca_certs": "/etc/ssl/ca.pem"})


# --- Elasticsearch / OpenSearch hosts without a scheme (http unless use_ssl=True) ---------------------------
from elasticsearch import Elasticsearch
from opensearchpy import OpenSearch

# ruleid: egr203-cleartext-connection
schemeless_search = Elasticsearch(hosts=[{"host": "es.example.com", "port": 9200}])
# ruleid: egr203-cleartext-connection
bare_search = Elasticsearch(["es.example.com:9200"])
# ruleid: egr203-cleartext-connection
second_host_search = OpenSearch(["https://search1.example.com:9200", "search2.example.com:9200"])
# ruleid: egr203-cleartext-connection
port_search = OpenSearch(hosts=[{"host": "search.example.com", "port": 443}])
# ok: egr203-cleartext-connection
ssl_search = Elasticsearch(hosts=[{"host": "es.example.com", "port": 9200}], use_ssl=True)
# ok: egr203-cleartext-connection
ssl_dict_search = OpenSearch(hosts=[{"host": "search.example.com", "port": 443, "use_ssl": True}])
# ok: egr203-cleartext-connection
https_dict_search = Elasticsearch([{"host": "es.example.com", "port": 9200, "scheme": "https"}])
# ok: egr203-cleartext-connection
local_search = Elasticsearch([{"host": "localhost", "port": 9200}])
# ok: egr203-cleartext-connection
compose_dict_search = Elasticsearch([{"host": "elasticsearch", "port": 9200}])
# ok: egr203-cleartext-connection
cloud_search = Elasticsearch([{"host": "es.example.com"}], cloud_id="deployment:abc")
# ok: egr203-cleartext-connection
https_search = Elasticsearch(["https://es1.example.com:9200", "https://es2.example.com:9200"])


# --- paho-mqtt clients passed between functions ---------------------------------------------------------------
def make_sensor_client():
    return mqtt.Client(client_id="sensor")


def start_sensor(client):
    # todoruleid: egr203-cleartext-connection
    client.connect("broker.example.com", 1883)


def run_sensor():
    start_sensor(make_sensor_client())


def attach_tls(client):
    client.tls_set(ca_certs="/etc/ssl/ca.pem")


def run_gauge():
    gauge = mqtt.Client()
    attach_tls(gauge)
    # todook: egr203-cleartext-connection
    gauge.connect("broker.example.com", 8883)


def run_meter():
    meter = mqtt.Client()
    attach_tls(meter)
    # todook: egr203-cleartext-connection
    meter.connect("broker.example.com", 8883)


def send_reading(client):
    # todoruleid: egr203-cleartext-connection
    client.connect("broker.example.com", 8883)


def send_secure_reading():
    tls_reader = mqtt.Client()
    tls_reader.tls_set(ca_certs="/etc/ssl/ca.pem")
    send_reading(tls_reader)


def send_plain_reading():
    plain_reader = mqtt.Client()
    send_reading(plain_reader)


# --- document stores, AMQP and SQLAlchemy URLs whose driver is cleartext by default --------------------
import aio_pika
import paho.mqtt.subscribe as mqtt_subscribe
import pymongo
from aiokafka import AIOKafkaConsumer
from sqlalchemy import create_engine

# ruleid: egr203-cleartext-connection
catalogue_store = pymongo.MongoClient("mongo.example.com", 27017)
# ruleid: egr203-cleartext-connection
shop_engine = create_engine("mysql+pymysql://app@mysql.example.com/shop")
# ruleid: egr203-cleartext-connection
warehouse_engine = create_engine("mssql+pyodbc://app@sql.example.com/dw?driver=ODBC+Driver+18+for+SQL+Server&Encrypt=no")
# ruleid: egr203-cleartext-connection
order_feed = AIOKafkaConsumer("orders", bootstrap_servers="kafka.example.com:9092", security_protocol="PLAINTEXT")
# ok: egr203-cleartext-connection
tls_catalogue_store = pymongo.MongoClient("mongo.example.com", 27017, tls=True)
# ok: egr203-cleartext-connection
compose_catalogue_store = pymongo.MongoClient("mongo", 27017)
# ok: egr203-cleartext-connection
tls_shop_engine = create_engine("mysql+pymysql://app@mysql.example.com/shop", connect_args={"ssl": {"ca": "/etc/ssl/db-ca.pem"}})
# ok: egr203-cleartext-connection
compose_shop_engine = create_engine("mysql+pymysql://app@mysql/shop")
# ok: egr203-cleartext-connection
ca_shop_engine = create_engine("mysql+pymysql://app@mysql.example.com/shop?ssl_ca=/etc/ssl/db-ca.pem")
# ruleid: egr203-cleartext-connection
no_tls_shop_engine = create_engine("mysql+pymysql://app@mysql.example.com/shop?ssl_disabled=true")
# ruleid: egr203-cleartext-connection
session_pool = redis.ConnectionPool(host="cache.example.com", port=6379)
# ruleid: egr203-cleartext-connection
plain_class_pool = redis.ConnectionPool(host="cache.example.com", connection_class=redis.Connection)
# ok: egr203-cleartext-connection
tls_session_pool = redis.ConnectionPool(host="cache.example.com", connection_class=redis.SSLConnection,
                                       ssl_check_hostname=True)
# ok: egr203-cleartext-connection
tls_async_pool = redis.asyncio.ConnectionPool(host="cache.example.com", connection_class=redis.asyncio.SSLConnection,
                                              ssl_check_hostname=True)
CACHE_OPTIONS = {"ssl": True}
# ok: egr203-cleartext-connection
configured_cache = redis.Redis(host="cache.example.com", **CACHE_OPTIONS)
# ruleid: egr203-cleartext-connection
mqtt_subscribe.simple("alerts", hostname="broker.example.com")
# ruleid: egr203-cleartext-connection
mqtt_publish.single("alerts", "off", hostname="broker.example.com", tls=None)
# ok: egr203-cleartext-connection
mqtt_subscribe.simple("alerts", hostname="broker.example.com", port=8883, tls={"ca_certs": "/etc/ssl/ca.pem"})
ORDER_STREAM = {"bootstrap.servers": "kafka.example.com:9092", "group.id": "orders"}
# ruleid: egr203-cleartext-connection
order_stream = Consumer(ORDER_STREAM)
TLS_ORDER_STREAM = {"bootstrap.servers": "kafka.example.com:9093", "group.id": "orders", "security.protocol": "SSL"}
# ok: egr203-cleartext-connection
tls_order_stream = Consumer(TLS_ORDER_STREAM)
# ruleid: egr203-cleartext-connection
formatted_warehouse = pyodbc.connect(f"Driver={{ODBC Driver 18 for SQL Server}};Server=sql.example.com;Encrypt=no;Database={os.environ['DW_NAME']}")
# ok: egr203-cleartext-connection
compose_warehouse = pyodbc.connect(f"Driver={{ODBC Driver 18 for SQL Server}};Server=mssql;Encrypt=no;Database={os.environ['DW_NAME']}")


async def catalogue_queue():
    # ruleid: egr203-cleartext-connection
    return await aio_pika.connect(host="rabbit.example.com")


async def tls_catalogue_queue():
    # ok: egr203-cleartext-connection
    return await aio_pika.connect_robust(host="rabbit.example.com", ssl=True)

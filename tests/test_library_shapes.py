"""Library shapes that span functions or lists, through the real CLI and a real flake8 subprocess."""
import json
from pathlib import Path
from typing import List, Tuple

from .helpers import egress_lint, flake8, parse_lines


def _both(tmp_path: Path, source: str) -> Tuple[List[Tuple[int, str, str]], List[Tuple[int, str]]]:
    """(line, code, message) from ``check``, and (line, code) from flake8, for one file."""
    (tmp_path / "app.py").write_text(source)
    cli = egress_lint("check", "--no-cache", "--no-hints", "app.py", cwd=tmp_path)
    assert cli.returncode in (0, 1), cli.stderr
    assert "internal error" not in cli.stderr, cli.stderr
    plugin = flake8("--select", "EGR", "app.py", cwd=tmp_path)
    assert plugin.returncode in (0, 1), plugin.stderr
    return ([(int(f["line"]), f["code"], f["message"]) for f in parse_lines(cli.stdout)],
            [(int(f["line"]), f["code"]) for f in parse_lines(plugin.stdout)])


# --- STARTTLS and login in different functions ---------------------------------------------------------------

STARTTLS_ACROSS_FUNCTIONS = '''\
import imaplib
import smtplib


class Mailer:
    def __init__(self, host):
        self.smtp = smtplib.SMTP(host, 587)

    def secure(self):
        self.smtp.starttls()

    def sign_in(self, user, password):
        self.smtp.login(user, password)


def open_mailbox(host):
    box = imaplib.IMAP4(host)
    box.starttls()
    return box


def read_mailbox(host, user, password):
    box = open_mailbox(host)
    box.login(user, password)


def upgrade(conn):
    conn.starttls()


def send(host, user, password):
    mailer = smtplib.SMTP(host, 587)
    upgrade(mailer)
    mailer.login(user, password)


def send_late(host, user, password):
    mailer = smtplib.SMTP(host, 587)
    mailer.login(user, password)
    upgrade(mailer)


def upgrade_if(conn, use_tls):
    if use_tls:
        conn.starttls()


def read_maybe(host, user, password, use_tls):
    inbox = imaplib.IMAP4(host)
    upgrade_if(inbox, use_tls)
    inbox.login(user, password)
'''


def test_starttls_in_another_function_than_the_login(tmp_path: Path):
    cli, plugin = _both(tmp_path, STARTTLS_ACROSS_FUNCTIONS)
    # Mailer: secure() and sign_in() in an order the file does not show; open_mailbox() upgrades before it
    # returns; send() calls the upgrading helper before the login: all silent.
    assert [(line, code) for line, code, _ in cli] == [(38, "EGR203"), (49, "EGR203")]
    assert "login() on line 39 can run before starttls()" in cli[0][2]
    assert "login() on line 51 can run before starttls()" in cli[1][2]
    assert plugin == [(38, "EGR203"), (49, "EGR203")]


# --- pycurl: the URL of a handle -------------------------------------------------------------------------------

PYCURL = '''\
import os
import pycurl

report = pycurl.Curl()
report.setopt(pycurl.URL, "http://reports.example.com/upload")
report.setopt(pycurl.USERPWD, "robot:" + os.environ["REPORT_PASSWORD"])
report.perform()

status = pycurl.Curl()
status.setopt(status.URL, "http://status")
status.setopt(pycurl.URL, "https://status.example.com/")


def fetch(url):
    handle = pycurl.Curl()
    handle.setopt(pycurl.URL, url)
    handle.perform()


fetch("http://feeds.example.com/rss")
'''


def test_pycurl_url_and_password(tmp_path: Path):
    cli, plugin = _both(tmp_path, PYCURL)
    # A single-label service name and an https URL are not reported; the URL a parameter brings is.
    assert [(line, code) for line, code, _ in cli] == [(5, "EGR201"), (5, "EGR202"), (16, "EGR201")]
    assert cli[0][2] == "pycurl.Curl.setopt(URL) connects over plain http:// to reports.example.com"
    assert "credentials (setopt(USERPWD))" in cli[1][2] and "REPORT_PASSWORD" not in cli[1][2]
    assert cli[2][2].endswith("to feeds.example.com")
    assert plugin == [(5, "EGR201"), (5, "EGR202"), (16, "EGR201")]


# --- Elasticsearch / OpenSearch: hosts without a scheme, every host of a list ----------------------------------

SEARCH = '''\
import os
from elasticsearch import Elasticsearch
from opensearchpy import OpenSearch

logs = Elasticsearch([{"host": "logs.example.com", "port": 9200}], http_auth=("elastic", os.environ["ES_PASSWORD"]))
audit = Elasticsearch([{"host": "audit.example.com", "port": 9200}], use_ssl=True)
mixed = OpenSearch(["https://search1.example.com:9200", "http://search2.example.com:9200"])
pinned = Elasticsearch("https://es.example.com:9200", use_ssl=False)
compose = Elasticsearch([{"host": "elasticsearch", "port": 9200}])
'''


def test_search_hosts_without_a_scheme_and_every_host_of_a_list(tmp_path: Path):
    cli, plugin = _both(tmp_path, SEARCH)
    assert [(line, code) for line, code, _ in cli] == [(5, "EGR202"), (5, "EGR203"), (7, "EGR201")]
    assert "logs.example.com:9200 (use_ssl not set: elasticsearch-py 7.x and opensearch-py use http" in cli[1][2]
    assert "ES_PASSWORD" not in cli[0][2]
    assert cli[2][2].endswith("to search2.example.com:9200")
    assert plugin == [(5, "EGR202"), (5, "EGR203"), (7, "EGR201")]
    rows = json.loads(egress_lint("inventory", "--format", "json", "app.py", cwd=tmp_path).stdout)["connections"]
    assert [(r["line"], r["scheme"], r["host"], r["tls"], r["codes"]) for r in rows] == [
        (5, "http", "logs.example.com", "n.a. (cleartext)", ["EGR202", "EGR203"]),
        (6, "https", "audit.example.com", "verified", []),
        (7, "https", "search1.example.com", "verified", ["EGR201"]),
        (7, "http", "search2.example.com", "n.a. (cleartext)", ["EGR201"]),
        (8, "https", "es.example.com", "verified", []),
        (9, "http", "elasticsearch", "n.a. (cleartext)", []),
    ]


# --- ldap3: a cleartext server in a ServerPool that a bind uses -----------------------------------------------

LDAP_POOL = '''\
import os
import ssl
from ldap3 import Connection, Server, ServerPool, Tls

checked = Tls(validate=ssl.CERT_REQUIRED)
primary = Server("dc1.example.com", use_ssl=True, tls=checked)
fallback = Server("dc2.example.com")
pool = ServerPool([primary, fallback])
bound = Connection(pool, user="cn=svc,dc=example,dc=com", password=os.environ["LDAP_PASSWORD"])
'''


def test_ldap3_server_pool_with_a_cleartext_server_and_a_bind(tmp_path: Path):
    cli, plugin = _both(tmp_path, LDAP_POOL)
    assert [(line, code) for line, code, _ in cli] == [(7, "EGR202"), (7, "EGR203")]
    assert "password= of ldap3.Connection(), line 9" in cli[0][2] and "dc2.example.com" in cli[0][2]
    assert plugin == [(7, "EGR202"), (7, "EGR203")]


# --- paho-mqtt: a client passed between functions -----------------------------------------------------------

MQTT = '''\
import os
import paho.mqtt.client as mqtt


def make_client():
    return mqtt.Client(client_id="sensor")


def sign_in(client):
    client.username_pw_set("sensor", os.environ["MQTT_PASSWORD"])
    client.connect("broker.example.com", 1883)


def run():
    sign_in(make_client())


def with_tls(client):
    client.tls_set(ca_certs="/etc/ssl/ca.pem")


def first():
    one = mqtt.Client()
    with_tls(one)
    one.username_pw_set("sensor", os.environ["MQTT_PASSWORD"])
    one.connect("broker.example.com", 8883)


def second():
    two = mqtt.Client()
    with_tls(two)
    two.username_pw_set("sensor", os.environ["MQTT_PASSWORD"])
    two.connect("broker.example.com", 8883)
'''


def test_mqtt_client_made_in_one_function_and_used_in_another(tmp_path: Path):
    cli, plugin = _both(tmp_path, MQTT)
    # A helper that calls tls_set() on the client of each of its two callers upgrades both.
    assert [(line, code) for line, code, _ in cli] == [(11, "EGR202"), (11, "EGR203")]
    assert "credentials (username_pw_set())" in cli[0][2] and "MQTT_PASSWORD" not in cli[0][2]
    assert plugin == [(11, "EGR202"), (11, "EGR203")]


def test_pycurl_literal_password_is_a_hard_coded_credential_and_never_printed(tmp_path: Path):
    source = ('import pycurl\n'
              'handle = pycurl.Curl()\n'
              'handle.setopt(pycurl.URL, "https://files.example.com/upload")\n'
              'handle.setopt(pycurl.USERPWD, "robot:Wq4-files-Zr8")\n')
    cli, plugin = _both(tmp_path, source)
    assert [(line, code) for line, code, _ in cli] == [(4, "EGR303")]
    assert "setopt(USERPWD): a literal" in cli[0][2] and "Wq4" not in cli[0][2]
    assert plugin == [(4, "EGR303")]


# --- OpenAPI-generated clients: one Configuration shape, many packages ---------------------------------------

OPENAPI_CONFIGURATIONS = '''\
import os
import influxdb_client
from airflow_client.client import ApiClient, Configuration
from datadog_api_client.configuration import Configuration as MonitorConfiguration

metrics = influxdb_client.Configuration()
metrics.host = "http://influx.example.com:8086"
metrics.api_key["Authorization"] = os.environ["INFLUX_TOKEN"]
metrics.verify_ssl = False
scheduler = Configuration(host="http://airflow.example.com/api/v1", username="ops", password="s3cr3t-Pa55")
monitor = MonitorConfiguration(host="https://api.datadoghq.eu")
monitor.assert_hostname = False
monitor.access_token = os.environ["DD_TOKEN"]
anonymous = Configuration(host="http://airflow2.example.com/api/v1", password=None, api_key={})
api = ApiClient(scheduler)
'''


def test_openapi_generated_configurations_of_several_packages(tmp_path: Path):
    cli, plugin = _both(tmp_path, OPENAPI_CONFIGURATIONS)
    expected = [(7, "EGR201"), (7, "EGR202"), (9, "EGR101"), (10, "EGR201"), (10, "EGR202"), (10, "EGR303"),
                (12, "EGR103"), (14, "EGR201")]
    assert [(line, code) for line, code, _ in cli] == expected
    assert plugin == expected
    messages = {(line, code): message for line, code, message in cli}
    assert messages[(7, "EGR202")].startswith("influxdb_client.Configuration.host sends credentials (api_key)")
    assert messages[(10, "EGR202")].startswith("airflow_client.client.Configuration.host sends credentials (password=)")
    assert "datadog_api_client.Configuration.assert_hostname" in messages[(12, "EGR103")]
    assert messages[(10, "EGR303")].endswith("sends a hard-coded credential (password= a literal)")
    assert not any("s3cr3t" in message for _, _, message in cli)
    rows = json.loads(egress_lint("inventory", "--format", "json", "app.py", cwd=tmp_path).stdout)["connections"]
    hosts = [(r["line"], r["library"], r["scheme"], r["host"], r["tls"], r["auth"]) for r in rows if r["api"].endswith(".host")]
    assert hosts == [
        (7, "influxdb-client", "http", "influx.example.com", "disabled", "api-key"),
        (10, "apache-airflow-client", "http", "airflow.example.com", "n.a. (cleartext)", "password"),
        (11, "datadog-api-client", "https", "api.datadoghq.eu", "disabled", "bearer"),
        (14, "apache-airflow-client", "http", "airflow2.example.com", "n.a. (cleartext)", "none"),
    ]


# --- influxdb-client's client classes ---------------------------------------------------------------------------

INFLUX_CLIENTS = '''\
import os
from influxdb_client import InfluxDBClient
from influxdb_client.client.influxdb_client_async import InfluxDBClientAsync

checked = InfluxDBClient(url="https://influx.example.com:8086", token=os.environ["INFLUX_TOKEN"], verify_ssl=False)
plain = InfluxDBClient("http://influx.example.com:8086", os.environ["INFLUX_TOKEN"], org="ops")
written = InfluxDBClient(url="https://influx.example.com:8086", token="Rk8vQ2pLx7-Zt9wBq3mNc-4dYh")
basic = InfluxDBClientAsync(url="http://influx.example.com:8086", username="ops", password=os.environ["P"])
compose = InfluxDBClient(url="http://influxdb:8086", token=os.environ["INFLUX_TOKEN"])
'''


def test_influxdb_client_classes(tmp_path: Path):
    cli, plugin = _both(tmp_path, INFLUX_CLIENTS)
    expected = [(5, "EGR101"), (6, "EGR201"), (6, "EGR202"), (7, "EGR303"), (8, "EGR201"), (8, "EGR202")]
    assert [(line, code) for line, code, _ in cli] == expected
    assert plugin == expected
    messages = {(line, code): message for line, code, message in cli}
    assert messages[(6, "EGR202")] == ("influxdb_client.InfluxDBClient() sends credentials (token=) over a cleartext "
                                       "HTTP connection to influx.example.com:8086")
    assert "Rk8vQ2pLx7" not in messages[(7, "EGR303")]
    rows = json.loads(egress_lint("inventory", "--format", "json", "app.py", cwd=tmp_path).stdout)["connections"]
    assert [(r["line"], r["scheme"], r["host"], r["tls"], r["auth"]) for r in rows] == [
        (5, "https", "influx.example.com", "disabled", "token"),
        (6, "http", "influx.example.com", "n.a. (cleartext)", "token"),
        (7, "https", "influx.example.com", "verified", "token"),
        (8, "http", "influx.example.com", "n.a. (cleartext)", "password"),
        (9, "http", "influxdb", "n.a. (cleartext)", "token"),
    ]


# --- a driver's TLS keywords inside SQLAlchemy's connect_args, under any of their names ------------------

CONNECT_ARGS_ALIASES = '''\
from sqlalchemy import create_engine

verified = create_engine("mysql+pymysql://app@db.example.com/shop", connect_args={"ssl_ca": "/etc/ssl/ca.pem"})
clear = create_engine("mysql+pymysql://app@db.example.com/shop", connect_args={"connect_timeout": 5})
loose = create_engine("mysql+pymysql://app@db.example.com/shop",
                      connect_args={"ssl_ca": "/etc/ssl/ca.pem", "ssl_verify_cert": False})
'''


def test_connect_args_read_a_switch_by_any_of_its_names(tmp_path: Path):
    """PyMySQL turns TLS on with ssl= or with ssl_ca=/ssl_cert=/ssl_key=: given in connect_args, the
    CA file is TLS as it is at pymysql.connect (it was 'ssl not set', EGR203)."""
    cli, plugin = _both(tmp_path, CONNECT_ARGS_ALIASES)
    assert [(line, code) for line, code, _ in cli] == [(4, "EGR203"), (5, "EGR101")]
    assert plugin == [(4, "EGR203"), (5, "EGR101")]


LDAP_BIND_LITERAL = '''\
import ldap3

server = ldap3.Server("ldaps://dc.example.com", use_ssl=True, tls=ldap3.Tls(validate=2))
conn = ldap3.Connection(server, user="cn=app,dc=example,dc=com", password="Ld9-bind-secret")
'''


def test_a_literal_bind_password_names_the_call_that_binds(tmp_path: Path):
    cli, plugin = _both(tmp_path, LDAP_BIND_LITERAL)
    assert cli == [(4, "EGR303", "ldap3.Server() sends a hard-coded credential "
                                 "(password= of ldap3.Connection(), line 4: a literal)")]
    assert plugin == [(4, "EGR303")]


CELERY_CONSTRUCTOR_SETTINGS = '''\
import ssl

from celery import Celery

mq = Celery("mq", broker="amqp://mq.example.com//", broker_use_ssl={"cert_reqs": ssl.CERT_REQUIRED})
cache = Celery("cache", broker="rediss://cache.example.com:6380/0", broker_use_ssl={"ssl_cert_reqs": ssl.CERT_NONE})
plain = Celery("plain", broker="amqp://mq.example.com//")
'''


def test_settings_given_to_the_app_constructor_count_as_its_settings(tmp_path: Path):
    """Celery takes any setting as a keyword of its constructor: broker_use_ssl there makes kombu open
    TLS to an amqp:// broker (it was EGR201), and its certificate switch is judged (it was not)."""
    cli, plugin = _both(tmp_path, CELERY_CONSTRUCTOR_SETTINGS)
    assert [(line, code) for line, code, _ in cli] == [(6, "EGR101"), (7, "EGR201")]
    assert plugin == [(6, "EGR101"), (7, "EGR201")]

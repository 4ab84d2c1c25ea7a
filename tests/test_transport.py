"""Connection strings, the scheme table and the transport of database, cache and broker connections."""
import json
from pathlib import Path

import pytest

from egress_lint.analysis.dsn import parse_dsn, parse_libpq, query_options
from egress_lint.analysis.hosts import HostPolicy
from egress_lint.analysis.transport import internal_host
from egress_lint.analysis.values import HOLE, Const, Text
from egress_lint.config import Settings
from egress_lint.engine import check_source
from egress_lint.libraries import schemes

from .helpers import egress_lint, flake8, parse_lines


def _findings(source: str, **settings):
    result = check_source(source.encode(), "app.py", Settings(**settings) if settings else Settings())
    assert result.error is None and not result.internal_errors
    return [(d.line, d.code, d.message) for d in result.diagnostics]


# --- connection strings ------------------------------------------------------------------------------------

def test_libpq_string_with_quotes_and_escapes():
    options, complete = parse_libpq("host=db.example.com  dbname='my app' password='it\\'s' sslmode=require")
    assert options == {"host": "db.example.com", "dbname": "my app", "password": "it's", "sslmode": "require"}
    assert complete


def test_libpq_string_with_an_unknown_part_is_incomplete():
    options, complete = parse_libpq(f"host={HOLE} dbname=app sslmode=disable")
    assert options["sslmode"] == "disable" and not complete


def test_libpq_rejects_other_text():
    assert parse_libpq("just a sentence") is None
    assert parse_libpq("postgresql://db/app?sslmode=disable") is None


def test_url_query_options_are_lower_cased_and_unquoted():
    options, complete = query_options("tlsAllowInvalidCertificates=true&appName=a%20b")
    assert options == {"tlsallowinvalidcertificates": "true", "appname": "a b"} and complete


def test_multi_host_mongodb_uri_is_described_by_its_first_host():
    dsn = parse_dsn(Const("mongodb://u:p@a.example.com:27017,b.example.com:27017/db?replicaSet=rs"), "mongodb")
    assert (dsn.url.scheme, dsn.url.host, dsn.url.port, dsn.url.userinfo) == ("mongodb", "a.example.com", "27017", "u:p")
    assert dsn.option("replicaset") == "rs"


def test_libpq_password_becomes_user_info_and_odbc_server_the_host():
    dsn = parse_dsn(Const("host=db.example.com user=app password=pw"), "postgresql")
    assert (dsn.form, dsn.url.host, dsn.url.userinfo) == ("libpq", "db.example.com", "app:pw")
    odbc = parse_dsn(Const("Driver={ODBC Driver 18};Server=tcp:sql.example.com,1433;Encrypt=no;"), "mssql")
    assert (odbc.form, odbc.url.host, odbc.option("encrypt")) == ("odbc", "sql.example.com", "no")


def test_an_unknown_connection_string_is_not_parsed():
    assert parse_dsn(Text(HOLE), "postgresql") is None


# --- scheme table and hosts -------------------------------------------------------------------------------------

@pytest.mark.parametrize("scheme, transport", [
    ("redis", "cleartext"), ("rediss", "tls"), ("amqp", "cleartext"), ("amqps", "tls"), ("ldap", "cleartext"),
    ("ldaps", "tls"), ("mqtt", "cleartext"), ("mqtts", "tls"), ("mongodb+srv", "tls"), ("mongodb", "negotiated"),
    ("neo4j+ssc", "unverified"), ("postgresql+psycopg2", "negotiated"), ("unix", "local"),
])
def test_scheme_table(scheme, transport):
    assert schemes.lookup(scheme).transport == transport


@pytest.mark.parametrize("host, internal", [
    ("db", True), ("redis", True), ("localhost", True), ("127.0.0.1", True), ("db.example.com", False),
    ("10.0.0.5", False), ("db.localhost.example.com", False), (None, False),
])
def test_single_label_names_are_internal(host, internal):
    assert internal_host(host, HostPolicy()) is internal


# --- messages and behaviour -------------------------------------------------------------------------------------

def test_a_default_is_named_in_the_message():
    found = _findings('import psycopg2\npsycopg2.connect(host="db.example.com", dbname="app")\n')
    assert found == [(2, "EGR205", "psycopg2.connect() may fall back to a cleartext PostgreSQL connection to "
                                   "db.example.com (sslmode not set: libpq's default is sslmode=prefer unless "
                                   "PGSSLMODE says otherwise)")]


def test_a_changed_default_names_the_version():
    found = _findings('import redis\nredis.Redis(host="cache.example.com", ssl=True)\n')
    assert [(line, code) for line, code, _ in found] == [(2, "EGR103")]
    assert "redis-py before 6.0" in found[0][2]


def test_a_default_to_an_unknown_host_is_not_reported_but_a_written_setting_is():
    source = ('import os\nimport psycopg2\n'
              'psycopg2.connect(host=os.environ["PGHOST"])\n'
              'psycopg2.connect(host=os.environ["PGHOST"], sslmode="disable")\n')
    assert [(line, code) for line, code, _ in _findings(source)] == [(4, "EGR203")]


def test_the_connection_string_option_overrides_nothing_written_and_the_keyword_wins():
    source = ('import psycopg2\n'
              'psycopg2.connect("postgresql://db.example.com/app?sslmode=disable", sslmode="verify-full")\n')
    assert _findings(source) == []


def test_a_sqlalchemy_url_query_gives_the_driver_keywords_under_each_of_their_names():
    source = ('from sqlalchemy import create_engine\n'
              'create_engine("mysql+pymysql://app@db.example.com/shop?ssl_ca=/etc/ssl/ca.pem")\n'
              'create_engine("mysql+pymysql://app@db.example.com/shop?ssl_disabled=true")\n'
              'create_engine("mysql+pymysql://app@db.example.com/shop?ssl_ca=/etc/ssl/ca.pem&ssl_verify_cert=false")\n')
    assert _findings(source) == [
        (3, "EGR203", "sqlalchemy.create_engine() opens a cleartext MySQL connection to db.example.com "
                      "(ssl_disabled=True via the connection string)"),
        (4, "EGR101", "sqlalchemy.create_engine() disables certificate verification "
                      "(ssl_verify_cert=False via the connection string)")]


def test_no_message_prints_a_password():
    source = ('import psycopg2, redis\n'
              'psycopg2.connect("postgresql://app:Sup3rSecret@db.example.com/app?sslmode=disable")\n'
              'redis.Redis(host="cache.example.com", password="Sup3rSecret")\n')
    found = _findings(source)
    assert {code for _, code, _ in found} >= {"EGR202", "EGR203", "EGR302", "EGR303"}
    assert not any("Sup3rSecret" in message for _, _, message in found)


def test_allowed_hosts_exempts_a_database_host(tmp_path: Path):
    (tmp_path / "app.py").write_text('import psycopg2\npsycopg2.connect(host="pg.corp.example.com", dbname="a")\n')
    assert [i["code"] for i in parse_lines(egress_lint("check", "app.py", cwd=tmp_path).stdout)] == ["EGR205"]
    (tmp_path / "pyproject.toml").write_text('[tool.egress-lint]\nallowed-hosts = ["*.corp.example.com"]\n')
    assert parse_lines(egress_lint("check", "app.py", cwd=tmp_path).stdout) == []


def test_flake8_and_inventory_see_django_settings(tmp_path: Path):
    (tmp_path / "settings.py").write_text(
        'DATABASES = {\n'
        '    "default": {"ENGINE": "django.db.backends.postgresql", "HOST": "pg.example.com",\n'
        '                "OPTIONS": {"sslmode": "disable"}},\n'
        '}\n')
    found = [(i["line"], i["code"]) for i in parse_lines(flake8("--select", "EGR", "settings.py", cwd=tmp_path).stdout)]
    assert found == [("2", "EGR203")]
    rows = json.loads(egress_lint("inventory", "--format", "json", "settings.py", cwd=tmp_path).stdout)
    rows = rows["connections"] if isinstance(rows, dict) else rows
    assert [(r["line"], r["kind"], r["library"], r["scheme"], r["host"], r["tls"], r["codes"]) for r in rows] == [
        (2, "setting", "Django (psycopg2)", "postgresql", "pg.example.com", "n.a. (cleartext)", ["EGR203"])]


# --- hints in the library's words ------------------------------------------------------------------------------

def _hints(source: str):
    result = check_source(source.encode(), "app.py", Settings())
    assert result.error is None and not result.internal_errors
    return {(d.line, d.code): d.hint for d in result.diagnostics}


def test_database_findings_say_what_to_change_in_the_dsn_not_an_http_keyword():
    hints = _hints('import os, psycopg2, redis, requests\n'
                   'psycopg2.connect("host=db.example.com sslmode=require")\n'
                   'psycopg2.connect(f"postgresql://app:{os.environ[\'PW\']}@db.example.com/app?sslmode=verify-full")\n'
                   'redis.Redis(host="cache.example.com")\n'
                   'requests.get("https://api.example.com", verify=False)\n')
    assert hints[(2, "EGR101")].startswith('verify the server: sslmode="verify-full"')
    assert "verify=" not in hints[(2, "EGR101")]
    assert hints[(3, "EGR302")].startswith("pass password= read from the environment (or leave it to PGPASSWORD")
    assert hints[(4, "EGR203")].startswith("encrypt it: a rediss:// URL or ssl=True")
    assert hints[(5, "EGR101")] == 'remove it; for a private CA pass its bundle instead (verify="/path/to/ca.pem")'


def test_settings_and_switch_hints_come_from_the_tables():
    hints = _hints('import ssl\nimport ldap3\nfrom kubernetes import client\n'
                   'broker_url = "amqp://rabbit.example.com//"\n'
                   'tls = ldap3.Tls(validate=ssl.CERT_NONE)\n'
                   'configuration = client.Configuration()\n'
                   'configuration.verify_ssl = False\n')
    assert hints[(4, "EGR201")].startswith("use a rediss:// or amqps:// URL with broker_use_ssl=")
    assert hints[(5, "EGR101")] == "verify the server: Tls(validate=ssl.CERT_REQUIRED) (ca_certs_file= names a private CA)"
    assert hints[(7, "EGR101")].startswith("verify the server: verify_ssl = True")


def test_inventory_marks_databases_caches_brokers_and_directories_sensitive(tmp_path: Path):
    (tmp_path / "app.py").write_text(
        'import ldap3, psycopg2, redis, requests\n'
        'psycopg2.connect(host="db.example.com", sslmode="verify-full")\n'
        'redis.Redis(host="cache.example.com", ssl=True, ssl_check_hostname=True)\n'
        'ldap3.Server("ldaps://dc.example.com", tls=ldap3.Tls(validate=2))\n'
        'psycopg2.connect("host=/var/run/postgresql dbname=app")\n'
        'requests.get("https://api.example.com/status")\n'
        'broker_url = "amqps://rabbit.example.com//"\n')
    rows = json.loads(egress_lint("inventory", "--format", "json", "app.py", cwd=tmp_path).stdout)["connections"]
    assert [(r["line"], r["sensitive"], r["why_sensitive"]) for r in rows] == [
        (2, "yes", "database connection"), (3, "yes", "cache connection"), (4, "yes", "directory connection"),
        (5, "n.a.", ""), (6, "no", ""), (7, "yes", "message broker connection")]


def test_inventory_rows_of_the_new_connection_shapes(tmp_path: Path):
    (tmp_path / "app.py").write_text(
        'import os\nimport pyodbc\nimport paho.mqtt.publish as publish\nfrom celery import Celery\n'
        'from kubernetes import client\n'
        'config = client.Configuration()\n'
        'config.host = "http://k8s.example.com:8080"\n'
        'config.api_key["authorization"] = os.environ["TOKEN"]\n'
        'pyodbc.connect("Driver={ODBC Driver 17 for SQL Server};Server=sql.example.com;Database=dw;")\n'
        'publish.single("t", "p", hostname="broker.example.com", auth={"username": "u", "password": os.environ["P"]})\n'
        'app = Celery("tasks")\n'
        'app.conf.update(broker_url="amqps://rabbit.example.com//")\n')
    rows = json.loads(egress_lint("inventory", "--format", "json", "app.py", cwd=tmp_path).stdout)["connections"]
    by_line = {r["line"]: r for r in rows}
    assert (by_line[7]["kind"], by_line[7]["scheme"], by_line[7]["host"], by_line[7]["tls"], by_line[7]["auth"],
            by_line[7]["codes"]) == ("setting", "http", "k8s.example.com", "n.a. (cleartext)", "api-key",
                                     ["EGR201", "EGR202"])
    assert (by_line[9]["tls"], by_line[9]["sensitive"], by_line[9]["codes"]) == ("unknown", "yes", [])
    assert (by_line[10]["tls"], by_line[10]["auth"], by_line[10]["sensitive"], by_line[10]["codes"]) == (
        "n.a. (cleartext)", "password", "yes", ["EGR202", "EGR203"])
    assert (by_line[12]["api"], by_line[12]["scheme"], by_line[12]["tls"], by_line[12]["why_sensitive"]) == (
        "broker_url", "amqps", "verified", "message broker connection")


def test_a_host_name_default_is_not_reported_for_a_local_host_or_next_to_unverified_certificates():
    source = ('import mysql.connector\n'
              'mysql.connector.connect(host="localhost", ssl_ca="/ca.pem", ssl_verify_cert=True)\n'
              'mysql.connector.connect(host="db", ssl_ca="/ca.pem", ssl_verify_cert=True)\n'
              'mysql.connector.connect(host="mysql.example.com", ssl_ca="/ca.pem", ssl_verify_cert=False)\n'
              'mysql.connector.connect(host="mysql.example.com", ssl_ca="/ca.pem", ssl_verify_cert=True)\n')
    assert [(line, code) for line, code, _ in _findings(source)] == [(4, "EGR101"), (5, "EGR103")]


def test_grpc_credentials_are_named_with_the_call_that_sends_them_and_call_credentials_are_not():
    source = ('import os, grpc\nimport api_pb2_grpc\n'
              'channel = grpc.insecure_channel("api.example.com:50051")\n'
              'stub = api_pb2_grpc.ApiStub(channel)\n'
              'stub.Get({}, metadata=(("x-api-key", os.environ["KEY"]),))\n'
              'stub.Put({}, credentials=grpc.access_token_call_credentials(os.environ["TOKEN"]))\n')
    found = _findings(source)
    assert [(line, code) for line, code, _ in found] == [(3, "EGR202"), (3, "EGR203")]
    assert "metadata 'x-api-key' of Get(), line 5" in found[0][2] and "Put" not in found[0][2]


def test_broker_use_ssl_makes_a_cleartext_scheme_tls_and_none_does_not():
    source = ('import ssl\n'
              'broker_url = "amqp://rabbit.example.com:5672//"\n'
              'broker_use_ssl = {"cert_reqs": ssl.CERT_REQUIRED, "ca_certs": "/etc/ssl/ca.pem"}\n'
              'result_backend = "redis://cache.example.com:6379/0"\n'
              'redis_backend_use_ssl = None\n')
    assert [(line, code) for line, code, _ in _findings(source)] == [(4, "EGR201")]
